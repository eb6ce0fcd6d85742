//! HTTP handler for `/api/v1/sistem/cadangan` (the HR office's and operator's system page).

use actix_web::get;
use actix_web::web::{Data, Json};
use kinerja_api::cadangan::{
    Cadangan, JadwalCadangan, JenisCadangan, RingkasanCadangan, StatusCadangan,
};
use sea_orm::{EntityTrait, QueryOrder, QuerySelect};
use utoipa_actix_web::service_config::ServiceConfig;

use super::TAG;
use super::jadwal::{self, Jadwal};
use crate::auth::{RequirePermission, perm};
use crate::entities::cadangan;
use crate::error::AppResult;
use crate::problems::{Forbidden, Unauthorized};
use crate::state::AppState;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(utoipa_actix_web::scope("/sistem").service(get_backups));
}

fn dto(m: cadangan::Model) -> Cadangan {
    Cadangan {
        id: m.id,
        jenis: if m.jenis == jadwal::JENIS_MANUAL {
            JenisCadangan::Manual
        } else {
            JenisCadangan::Terjadwal
        },
        status: StatusCadangan::parse(&m.status).unwrap_or(StatusCadangan::Gagal),
        mulai_at: m.mulai_at,
        selesai_at: m.selesai_at,
        ukuran_byte: m.ukuran_byte,
        lokasi: m.lokasi,
        jumlah_berkas: m.jumlah_berkas,
        versi_skema: m.versi_skema,
        galat: m.galat,
        dihapus: m.dihapus_at.is_some(),
    }
}

/// Backups
///
/// The last successful backup (size, where it is), the latest runs, the schedule, and whether
/// none succeeded for longer than the warning threshold. For admins.
#[utoipa::path(
    tag = TAG,
    responses(
        (status = 200, description = "The backup summary", body = RingkasanCadangan),
        Unauthorized,
        Forbidden,
    ),
    security(("bearer" = []))
)]
#[get("/cadangan")]
async fn get_backups(
    state: Data<AppState>,
    _auth: RequirePermission<perm::ManageUsers>,
) -> AppResult<Json<RingkasanCadangan>> {
    let settings = Jadwal::from_settings(&state.settings);
    let now = state.clock.now();
    let (sejak, terlambat) = jadwal::jeda(&state.db, settings.peringatan_jam, now).await?;
    let terakhir_berhasil = jadwal::terakhir_berhasil(&state.db).await?.map(dto);
    let riwayat = cadangan::Entity::find()
        .order_by_desc(cadangan::Column::MulaiAt)
        .limit(10)
        .all(&state.db)
        .await?
        .into_iter()
        .map(dto)
        .collect();
    Ok(Json(RingkasanCadangan {
        terakhir_berhasil,
        riwayat,
        terlambat,
        sejak,
        batas_jam: settings.peringatan_jam,
        jadwal: JadwalCadangan {
            interval_jam: settings.interval_jam,
            simpan_harian: settings.simpan_harian,
            simpan_mingguan: settings.simpan_mingguan,
            folder: std::fs::canonicalize(&settings.folder)
                .unwrap_or(settings.folder)
                .display()
                .to_string(),
        },
    }))
}
