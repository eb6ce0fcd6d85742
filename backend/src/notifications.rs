//! The signed-in employee's notifications: list with unread count, mark as read; and
//! [`send`], which every feature uses to notify an employee.
//!
//! A notification stores its kind and parameters (employee, year, sub-period, rhythm, …) with
//! the Indonesian title and body made from them here: e-mail and API clients read the text,
//! the SPA words the kind and parameters in the reader's language.

use actix_web::web::{Data, Json, Path};
use actix_web::{HttpResponse, get, post};
use chrono::Utc;
use kinerja_api::PageQuery;
use kinerja_api::evaluation::Predikat;
use kinerja_api::planning::{
    Notification, NotificationPage, NotificationParams, NotificationQuery, Ritme,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::Viewer;
use crate::clock::{MONTHS, tanggal_indonesia};
use crate::entities::{notifications, periods, skps};
use crate::error::{AppError, AppResult};
use crate::extract::ValidatedQuery;
use crate::problems::{BadRequest, Invalid, NotFound, Unauthorized};
use crate::state::AppState;

/// Kind of the reminder notification, also used to send it only once per SKP and sub-period.
pub const KIND_AKAN_TERKUNCI: &str = "periode_akan_terkunci";

pub const TAG: &str = "notifications";

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/notifications")
            .service(list_notifications)
            .service(read_all)
            .service(read_one),
    );
}

fn dto(n: notifications::Model) -> Notification {
    Notification {
        id: n.id,
        kind: n.kind,
        judul: n.judul,
        pesan: n.pesan,
        tautan: n.tautan,
        // Parameters that no longer parse are dropped: the stored text still reads.
        params: n.params.and_then(|p| serde_json::from_value(p).ok()),
        dibaca_at: n.dibaca_at,
        created_at: n.created_at,
    }
}

/// The parameters every notification about an SKP carries: its owner's name (as on the SKP),
/// the period's year and rhythm, and the sub-period when there is one.
///
/// # Errors
/// On a database failure.
pub async fn about(
    db: &impl ConnectionTrait,
    skp: &skps::Model,
    periode_ke: Option<i32>,
) -> AppResult<NotificationParams> {
    let period = periods::Entity::find_by_id(skp.period_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Periode"))?;
    Ok(NotificationParams {
        pegawai: skp
            .snapshot
            .pointer("/pegawai/nama_lengkap")
            .and_then(|v| v.as_str())
            .map(str::to_owned),
        tahun: Some(period.tahun),
        periode_ke,
        ritme: Ritme::parse(&period.ritme),
        ..NotificationParams::default()
    })
}

/// Adds a notification for an employee (in the caller's transaction), worded in Indonesian
/// from its kind and parameters.
///
/// # Errors
/// On a database failure.
pub async fn send(
    db: &impl ConnectionTrait,
    to: Uuid,
    kind: &str,
    params: NotificationParams,
    tautan: String,
) -> AppResult<()> {
    let (judul, pesan) = wording(kind, &params);
    notifications::ActiveModel {
        id: Set(Uuid::now_v7()),
        recipient_employee_id: Set(to),
        kind: Set(kind.to_owned()),
        judul: Set(judul),
        pesan: Set(pesan),
        tautan: Set(Some(tautan)),
        params: Set(Some(serde_json::json!(params))),
        dibaca_at: Set(None),
        created_at: Set(Utc::now()),
        email_diproses_at: Set(None),
        email_klaim_oleh: Set(None),
        email_klaim_sampai: Set(None),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// "November 2026", "Triwulan 4 2026", "Semester 2 2026" (as the SPA says them), or
/// "tahun 2026" for the year.
pub fn periode_indonesia(ritme: Option<Ritme>, tahun: i32, k: i32) -> String {
    match (ritme.unwrap_or(Ritme::Bulanan), k) {
        (_, 0) => format!("tahun {tahun}"),
        (Ritme::Bulanan, k) => usize::try_from(k - 1)
            .ok()
            .and_then(|i| MONTHS.get(i))
            .map_or_else(
                || format!("periode {k} {tahun}"),
                |m| format!("{m} {tahun}"),
            ),
        (Ritme::Triwulanan, k) => format!("Triwulan {k} {tahun}"),
        (Ritme::Semesteran, k) => format!("Semester {k} {tahun}"),
    }
}

/// The Indonesian title and body of a notification. The SPA's `notification_text` words the
/// same kinds in both languages; keep the two in step.
pub fn wording(kind: &str, p: &NotificationParams) -> (String, String) {
    let pegawai = p.pegawai.as_deref().unwrap_or("Pegawai");
    let tahun = p.tahun.map(|t| t.to_string()).unwrap_or_default();
    let periode = match (p.tahun, p.periode_ke) {
        (Some(t), Some(k)) => periode_indonesia(p.ritme, t, k),
        (Some(t), None) => format!("tahun {t}"),
        _ => String::new(),
    };
    let teks = p.teks.as_deref().unwrap_or_default();
    let tanggal = p.tanggal.map(tanggal_indonesia).unwrap_or_default();
    let jumlah = p.jumlah.unwrap_or_default();
    // Who an escalation is for: the people this reader rates, or rates as Atasan PPKin.
    let peran = if p.hasil.as_deref() == Some("atasan_ppkin") {
        "Anda nilai sebagai atasan pejabat penilai"
    } else {
        "Anda nilai"
    };
    let catatan = p
        .teks
        .as_deref()
        .map(|c| format!(" Catatan: {c}"))
        .unwrap_or_default();
    let (judul, pesan) = match kind {
        "skp.atasan_belum_ditetapkan" => (
            "Bawahan menunggu SKP Anda".to_owned(),
            format!(
                "{pegawai} belum dapat mengajukan SKP tahun {tahun} karena SKP Anda tahun {tahun} belum ditetapkan."
            ),
        ),
        "skp.diajukan" => (
            "SKP diajukan untuk disetujui".to_owned(),
            format!("{pegawai} mengajukan SKP tahun {tahun}."),
        ),
        "skp.disetujui" => (
            "SKP Anda disetujui".to_owned(),
            format!("SKP tahun {tahun} Anda telah ditetapkan oleh pejabat penilai kinerja."),
        ),
        "skp.dikembalikan" => (
            "SKP Anda dikembalikan".to_owned(),
            format!("SKP tahun {tahun} Anda dikembalikan oleh pejabat penilai kinerja.{catatan}"),
        ),
        "skp.dibuka_kembali" => (
            "SKP Anda dibuka kembali".to_owned(),
            format!("SKP tahun {tahun} Anda dibuka kembali oleh admin kepegawaian. Alasan: {teks}"),
        ),
        "skp.rhk_dibagikan" => (
            "RHK baru dari atasan".to_owned(),
            format!(
                "Pejabat penilai kinerja menambahkan RHK \"{teks}\" ke SKP tahun {tahun} Anda."
            ),
        ),
        "evaluasi_ditetapkan" => (
            format!("Hasil evaluasi kinerja {periode} ditetapkan"),
            format!(
                "Predikat kinerja Anda untuk {periode}: {}. Bila tidak sependapat, ajukan keberatan paling lambat {tanggal}.{}",
                p.hasil
                    .as_deref()
                    .and_then(Predikat::parse)
                    .map_or("-", Predikat::label),
                if p.rencana_perbaikan == Some(true) {
                    " Rencana perbaikan dibuka bersama pejabat penilai."
                } else {
                    ""
                }
            ),
        ),
        "keberatan_diajukan" => (
            format!("Keberatan atas penilaian {periode}"),
            format!(
                "{pegawai} mengajukan keberatan atas penilaian {periode}. Tuliskan penjelasan Anda untuk Atasan Pejabat Penilai."
            ),
        ),
        "keberatan_menunggu_keputusan" => (
            "Keberatan menunggu keputusan Anda".to_owned(),
            format!(
                "Pejabat penilai telah menjelaskan keberatan {pegawai} atas penilaian {periode}. Putuskan: tetap atau diubah."
            ),
        ),
        "keberatan_diputus" => (
            "Keberatan Anda telah diputus".to_owned(),
            if p.hasil.as_deref() == Some("diubah") {
                format!(
                    "Atasan pejabat penilai mengubah hasil evaluasi {periode} Anda. Keputusan ini final."
                )
            } else {
                format!("Atasan pejabat penilai memutuskan hasil evaluasi {periode} Anda tetap.")
            },
        ),
        "rencana_perbaikan" => (
            "Rencana perbaikan kinerja".to_owned(),
            format!(
                "Pejabat penilai menuliskan saran, tindakan, dan pelatihan untuk Anda atas penilaian {periode}."
            ),
        ),
        "umpan_balik.baru" => (
            format!("Umpan balik atasan untuk {periode}"),
            teks.to_owned(),
        ),
        "umpan_balik.dibalas" => (
            format!("{pegawai} membalas umpan balik {periode}"),
            teks.to_owned(),
        ),
        "bukti.diverifikasi" => (
            format!("Bukti dukung {periode} diperiksa"),
            format!(
                "Pejabat penilai menandai bukti dukung Anda: {}.{catatan}",
                p.hasil.as_deref().unwrap_or("-").replace('_', " ")
            ),
        ),
        KIND_AKAN_TERKUNCI => (
            format!("Realisasi {periode} segera terkunci"),
            format!(
                "{} indikator belum berisi realisasi. Realisasi {periode} terkunci setelah {tanggal}.",
                p.jumlah.unwrap_or_default()
            ),
        ),
        "pengembangan.kebutuhan_diusulkan" => (
            "Usulan kebutuhan pengembangan".to_owned(),
            format!("{pegawai} mengusulkan kebutuhan pengembangan kompetensi tahun {tahun}."),
        ),
        "pengembangan.kebutuhan_diputuskan" => (
            "Kebutuhan pengembangan diputuskan".to_owned(),
            format!(
                "Pejabat penilai kinerja memutuskan usulan kebutuhan pengembangan Anda tahun {tahun}: {}.{catatan}",
                p.hasil.as_deref().unwrap_or("-")
            ),
        ),
        "pengembangan.catatan_diverifikasi" => (
            "Catatan pengembangan diperiksa".to_owned(),
            format!(
                "Pengelola kepegawaian memeriksa catatan pengembangan Anda ({teks}): {}.",
                p.hasil.as_deref().unwrap_or("-")
            ),
        ),
        "pengembangan.jp_kurang" => (
            format!("Pengembangan kompetensi {tahun} belum 20 JP"),
            format!(
                "JP terverifikasi Anda tahun {tahun} belum mencapai 20 JP. Catat kegiatan yang sudah diikuti atau rencanakan pengembangan sebelum akhir tahun."
            ),
        ),
        "pengembangan.tim_kurang_jp" => (
            format!("Tim Anda belum 20 JP tahun {tahun}"),
            format!(
                "{} pegawai yang Anda nilai belum mencapai 20 JP terverifikasi tahun {tahun}.",
                p.jumlah.unwrap_or_default()
            ),
        ),
        "pengingat.skp_batas" => (
            format!("Batas penetapan SKP {tanggal}"),
            format!(
                "SKP tahun {tahun} Anda belum ditetapkan. Susun dan ajukan kepada pejabat penilai kinerja sebelum {tanggal}."
            ),
        ),
        "pengingat.skp_menunggu" => (
            "SKP menunggu persetujuan Anda".to_owned(),
            format!(
                "{jumlah} SKP tahun {tahun} menunggu persetujuan Anda. Batas penetapan SKP {tanggal}."
            ),
        ),
        "pengingat.skp_terlambat" => (
            format!("SKP {tahun} terlambat ditetapkan"),
            format!(
                "{jumlah} pegawai yang {peran} belum memiliki SKP tahun {tahun} yang ditetapkan; batas penetapan {tanggal} sudah lewat."
            ),
        ),
        "pengingat.realisasi_terlambat" => (
            format!("Realisasi {periode} belum diisi"),
            format!(
                "{jumlah} pegawai yang {peran} belum mengisi realisasi {periode}; realisasi terkunci sejak {tanggal}."
            ),
        ),
        "pengingat.evaluasi_batas" => (
            format!("Evaluasi {periode} menunggu Anda"),
            format!(
                "{jumlah} pegawai belum Anda evaluasi untuk {periode}. Tetapkan evaluasinya sebelum {tanggal}."
            ),
        ),
        "pengingat.evaluasi_terlambat" => (
            format!("Evaluasi {periode} terlambat"),
            format!(
                "{jumlah} evaluasi {periode} pegawai yang Anda nilai sebagai atasan pejabat penilai belum ditetapkan; batasnya {tanggal}."
            ),
        ),
        "pengingat.keberatan_menunggu" => (
            "Keberatan menunggu keputusan".to_owned(),
            format!(
                "Keberatan {pegawai} atas penilaian {periode} belum diputus, padahal jendela keberatan berakhir {tanggal}."
            ),
        ),
        "pengingat.ringkasan_mingguan" => (
            "Ringkasan mingguan kinerja unit Anda".to_owned(),
            format!(
                "{jumlah} hal tertinggal di unit Anda dan di bawahnya ({teks}). Buka dasbor untuk melihat siapa yang perlu dibantu."
            ),
        ),
        crate::cadangan::jadwal::KIND_TERLAMBAT => (
            "Cadangan data terlambat".to_owned(),
            if p.tanggal.is_some() {
                format!(
                    "Tidak ada pencadangan yang berhasil sejak {tanggal} ({} jam). Buka Status Sistem.",
                    p.jumlah.unwrap_or_default()
                )
            } else {
                format!(
                    "Belum pernah ada pencadangan yang berhasil ({} jam sejak Kinerja dipasang). Buka Status Sistem.",
                    p.jumlah.unwrap_or_default()
                )
            },
        ),
        crate::privasi::peringatan::KIND => (
            "Pembacaan data pribadi tidak wajar".to_owned(),
            format!(
                "Akun {teks} membaca {} data pribadi lengkap pegawai dalam satu jam. Periksa Akses Data Pribadi.",
                p.jumlah.unwrap_or_default()
            ),
        ),
        _ => (kind.to_owned(), teks.to_owned()),
    };
    (judul, pesan)
}

/// # Errors
/// On a database failure.
pub async fn list(
    db: &impl ConnectionTrait,
    to: Option<Uuid>,
    unread_only: bool,
    page: PageQuery,
) -> AppResult<NotificationPage> {
    let Some(to) = to else {
        return Ok(NotificationPage {
            items: Vec::new(),
            page: page.page,
            per_page: page.per_page,
            total: 0,
            belum_dibaca: 0,
        });
    };
    let mine =
        notifications::Entity::find().filter(notifications::Column::RecipientEmployeeId.eq(to));
    let belum_dibaca = mine
        .clone()
        .filter(notifications::Column::DibacaAt.is_null())
        .count(db)
        .await?;
    let select = if unread_only {
        mine.filter(notifications::Column::DibacaAt.is_null())
    } else {
        mine
    };
    let total = select.clone().count(db).await?;
    let items = select
        .order_by_desc(notifications::Column::CreatedAt)
        .order_by_desc(notifications::Column::Id)
        .offset(page.offset())
        .limit(page.per_page)
        .all(db)
        .await?
        .into_iter()
        .map(dto)
        .collect();
    Ok(NotificationPage {
        items,
        page: page.page,
        per_page: page.per_page,
        total,
        belum_dibaca,
    })
}

/// My notifications
///
/// Newest first, with the number still unread.
#[utoipa::path(tag = TAG, params(PageQuery, NotificationQuery), responses((status = 200, body = NotificationPage), Invalid, Unauthorized), security(("bearer" = [])))]
#[get("")]
async fn list_notifications(
    state: Data<AppState>,
    viewer: Viewer,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    ValidatedQuery(q): ValidatedQuery<NotificationQuery>,
) -> AppResult<Json<NotificationPage>> {
    // Accounts without an employee record have no notifications.
    let to = viewer.employee_id;
    Ok(Json(
        list(
            &crate::bacaan::Bacaan::ambil(&state).await?,
            to,
            q.unread.unwrap_or(false),
            page,
        )
        .await?,
    ))
}

/// Mark one notification as read
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Notification id")),
    responses((status = 204, description = "Read"), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[post("/{id}/read")]
async fn read_one(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<HttpResponse> {
    let to = viewer.employee_id.ok_or(AppError::NotFound("Notifikasi"))?;
    let id = id.into_inner();
    // Someone else's notification is answered like a missing one.
    notifications::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .filter(|n| n.recipient_employee_id == to)
        .ok_or(AppError::NotFound("Notifikasi"))?;
    notifications::Entity::update_many()
        .col_expr(
            notifications::Column::DibacaAt,
            Expr::value(Some(Utc::now())),
        )
        .filter(notifications::Column::Id.eq(id))
        .filter(notifications::Column::DibacaAt.is_null())
        .exec(&state.db)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Mark all my notifications as read
#[utoipa::path(tag = TAG, responses((status = 204, description = "All read"), Unauthorized), security(("bearer" = [])))]
#[post("/read-all")]
async fn read_all(state: Data<AppState>, viewer: Viewer) -> AppResult<HttpResponse> {
    if let Some(to) = viewer.employee_id {
        notifications::Entity::update_many()
            .col_expr(
                notifications::Column::DibacaAt,
                Expr::value(Some(Utc::now())),
            )
            .filter(notifications::Column::RecipientEmployeeId.eq(to))
            .filter(notifications::Column::DibacaAt.is_null())
            .exec(&state.db)
            .await?;
    }
    Ok(HttpResponse::NoContent().finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_read_as_words() {
        assert_eq!(
            periode_indonesia(Some(Ritme::Bulanan), 2026, 11),
            "November 2026"
        );
        assert_eq!(
            periode_indonesia(Some(Ritme::Triwulanan), 2026, 4),
            "Triwulan 4 2026"
        );
        assert_eq!(
            periode_indonesia(Some(Ritme::Semesteran), 2026, 0),
            "tahun 2026"
        );
    }

    #[test]
    fn an_objection_names_the_employee_and_the_month() {
        let p = NotificationParams {
            pegawai: Some("Rina Marlina".to_owned()),
            tahun: Some(2026),
            periode_ke: Some(11),
            ritme: Some(Ritme::Bulanan),
            ..NotificationParams::default()
        };
        let (judul, pesan) = wording("keberatan_diajukan", &p);
        assert_eq!(judul, "Keberatan atas penilaian November 2026");
        assert!(
            pesan.starts_with("Rina Marlina mengajukan keberatan atas penilaian November 2026.")
        );
    }
}
