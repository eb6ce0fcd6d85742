//! An employee's career page: positions over time (definitive and acting), the golongan as
//! stored, set evaluations and predikat by year with the angka kredit of a jabatan fungsional
//! (the arithmetic of `crate::evaluation::kredit`), and the development records with the
//! verified JP of each year. A fixed number of queries whatever the length of the career.

use std::collections::{BTreeMap, HashMap, HashSet};

use actix_web::get;
use actix_web::web::{Data, Json, Path};
use chrono::NaiveDate;
use kinerja_api::employees::{JenisPenugasan, full_name};
use kinerja_api::evaluation::{self as rules, Predikat};
use kinerja_api::pengembangan::{
    BentukPengembangan, MENIT_WAJIB, PeranKegiatan, StatusCatatan, jp_dari_menit,
};
use kinerja_api::penilaian::StatusEvaluasi;
use kinerja_api::planning::Ritme;
use kinerja_api::talenta::{
    JpTahunan, Karier, KinerjaTahunan, PengembanganKarier, PredikatPeriodik, RiwayatJabatan,
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::TAG;
use super::penempatan::Sql;
use crate::auth::Viewer;
use crate::entities::{assignments, catatan_pengembangan, positions, ref_golongan, ref_jenjang};
use crate::error::AppResult;
use crate::measurement::service::jumlah_periode;
use crate::problems::{BadRequest, NotFound, Unauthorized};
use crate::state::AppState;

/// One set evaluation as read for the page.
struct Nilai {
    tahun: i32,
    periode_ke: i32,
    predikat: Predikat,
    ritme: Ritme,
}

/// The career page of `employee_id`.
///
/// # Errors
/// `NotFound` for an employee who does not exist or whom the viewer may not read.
pub async fn karier_of(
    db: &DatabaseConnection,
    viewer: &Viewer,
    employee_id: Uuid,
) -> AppResult<Karier> {
    // The readers of the employee's development data (`policy::akses_pengembangan`).
    let e = crate::pengembangan::akses::pegawai(db, viewer, employee_id)
        .await?
        .model;

    // Positions: assignments, then their positions and units (three queries).
    let held = assignments::Entity::find()
        .filter(assignments::Column::EmployeeId.eq(e.id))
        .order_by_desc(assignments::Column::Mulai)
        .order_by_desc(assignments::Column::CreatedAt)
        .all(db)
        .await?;
    let mut position_ids: HashSet<Uuid> = held.iter().map(|a| a.jabatan_id).collect();
    position_ids.extend(e.jabatan_id);
    let pos: HashMap<Uuid, positions::Model> = positions::Entity::find()
        .filter(positions::Column::Id.is_in(position_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let unit_names =
        crate::organisation::tree::unit_names(db, held.iter().map(|a| a.unit_id)).await?;
    let jabatan: Vec<RiwayatJabatan> = held
        .iter()
        .map(|a| RiwayatJabatan {
            jabatan_id: a.jabatan_id,
            jabatan: pos
                .get(&a.jabatan_id)
                .map(|p| p.nama.clone())
                .unwrap_or_default(),
            jenjang: pos
                .get(&a.jabatan_id)
                .map(|p| p.jenjang.clone())
                .unwrap_or_default(),
            unit_id: a.unit_id,
            unit: unit_names.get(&a.unit_id).cloned().unwrap_or_default(),
            jenis: JenisPenugasan::parse(&a.jenis).unwrap_or(JenisPenugasan::Definitif),
            mulai: a.mulai,
            selesai: a.selesai,
        })
        .collect();

    let pangkat = match e.golongan.as_deref() {
        Some(g) => ref_golongan::Entity::find_by_id(g.to_owned())
            .one(db)
            .await?
            .map(|r| r.pangkat),
        None => None,
    };

    // Set evaluations of every year, in one join.
    let mut sql = Sql::default();
    let id = sql.bind(e.id);
    let ditetapkan = sql.bind(StatusEvaluasi::Ditetapkan.as_str());
    sql.push(&format!(
        "SELECT p.tahun, ev.periode_ke, ev.predikat, p.ritme FROM evaluations ev \
         JOIN skps s ON s.id = ev.skp_id JOIN periods p ON p.id = s.period_id \
         WHERE s.employee_id = {id} AND ev.status = {ditetapkan} AND ev.predikat IS NOT NULL \
         ORDER BY p.tahun, ev.periode_ke, ev.ditetapkan_at"
    ));
    let mut nilai: BTreeMap<(i32, i32), Nilai> = BTreeMap::new();
    for r in db.query_all_raw(sql.statement(db)).await? {
        let tahun: i32 = r.try_get_by_index(0)?;
        let periode_ke: i32 = r.try_get_by_index(1)?;
        let predikat: String = r.try_get_by_index(2)?;
        let ritme: String = r.try_get_by_index(3)?;
        let Some(predikat) = Predikat::parse(&predikat) else {
            continue;
        };
        // Later penetapan of the same sub-period (another SKP version) wins.
        nilai.insert(
            (tahun, periode_ke),
            Nilai {
                tahun,
                periode_ke,
                predikat,
                ritme: Ritme::parse(&ritme).unwrap_or(Ritme::Bulanan),
            },
        );
    }

    // The coefficient of each jenjang held (JF only have one).
    let jenjang_codes: HashSet<String> = pos.values().map(|p| p.jenjang.clone()).collect();
    let koefisien: HashMap<String, f64> = ref_jenjang::Entity::find()
        .filter(ref_jenjang::Column::Kode.is_in(jenjang_codes))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|j| j.koefisien_angka_kredit.map(|k| (j.kode, k)))
        .collect();
    let current_jenjang = e
        .jabatan_id
        .and_then(|j| pos.get(&j))
        .map(|p| p.jenjang.clone());
    // The jenjang of the definitive position held at the end of `tahun` (or last held in it).
    let jenjang_in = |tahun: i32| -> Option<String> {
        let end = NaiveDate::from_ymd_opt(tahun, 12, 31)?;
        let start = NaiveDate::from_ymd_opt(tahun, 1, 1)?;
        held.iter()
            .filter(|a| a.jenis == JenisPenugasan::Definitif.as_str())
            .filter(|a| a.mulai <= end && a.selesai.is_none_or(|s| s >= start))
            .max_by_key(|a| a.mulai)
            .and_then(|a| pos.get(&a.jabatan_id))
            .map(|p| p.jenjang.clone())
            .or_else(|| current_jenjang.clone())
    };

    let mut per_tahun: BTreeMap<i32, Vec<&Nilai>> = BTreeMap::new();
    for n in nilai.values() {
        per_tahun.entry(n.tahun).or_default().push(n);
    }
    let mut kinerja = Vec::new();
    let mut total: Option<f64> = None;
    for (tahun, list) in per_tahun.iter().rev() {
        let annual = list.iter().find(|n| n.periode_ke == 0).map(|n| n.predikat);
        let periodik: Vec<PredikatPeriodik> = list
            .iter()
            .filter(|n| n.periode_ke > 0)
            .map(|n| PredikatPeriodik {
                periode_ke: n.periode_ke,
                predikat: n.predikat,
            })
            .collect();
        let koef = jenjang_in(*tahun).and_then(|j| koefisien.get(&j).copied());
        let angka_kredit = koef.and_then(|k| match annual {
            Some(p) => Some(rules::angka_kredit(p, k, 12)),
            None => {
                let lines: Vec<(Predikat, u32)> = list
                    .iter()
                    .filter(|n| n.periode_ke > 0)
                    .map(|n| {
                        let months = 12 / jumlah_periode(n.ritme).max(1);
                        (n.predikat, u32::try_from(months).unwrap_or(1))
                    })
                    .collect();
                (!lines.is_empty()).then(|| rules::angka_kredit_jumlah(&lines, k))
            }
        });
        if let Some(ak) = angka_kredit {
            total = Some(((total.unwrap_or(0.0) + ak) * 100.0).round() / 100.0);
        }
        kinerja.push(KinerjaTahunan {
            tahun: *tahun,
            predikat_tahunan: annual,
            periodik,
            angka_kredit,
        });
    }

    // Development records and the verified minutes of each year.
    let records = catatan_pengembangan::Entity::find()
        .filter(catatan_pengembangan::Column::EmployeeId.eq(e.id))
        .order_by_desc(catatan_pengembangan::Column::TanggalSelesai)
        .order_by_desc(catatan_pengembangan::Column::CreatedAt)
        .all(db)
        .await?;
    let mut menit: BTreeMap<i32, i64> = BTreeMap::new();
    for r in &records {
        let entry = menit.entry(r.tahun).or_default();
        if r.status == StatusCatatan::Diverifikasi.as_str() {
            *entry += i64::from(r.menit);
        }
    }
    let pengembangan = records
        .into_iter()
        .map(|r| PengembanganKarier {
            id: r.id,
            tahun: r.tahun,
            jp: jp_dari_menit(i64::from(r.menit)),
            nama: r.nama,
            bentuk: BentukPengembangan::parse(&r.bentuk).unwrap_or(BentukPengembangan::Diklat),
            peran: PeranKegiatan::parse(&r.peran).unwrap_or(PeranKegiatan::Peserta),
            tanggal_mulai: r.tanggal_mulai,
            tanggal_selesai: r.tanggal_selesai,
            menit: r.menit,
            status: StatusCatatan::parse(&r.status).unwrap_or(StatusCatatan::Menunggu),
        })
        .collect();
    let jp_per_tahun = menit
        .into_iter()
        .rev()
        .map(|(tahun, m)| JpTahunan {
            tahun,
            menit_terverifikasi: m,
            jp_terverifikasi: jp_dari_menit(m),
            memenuhi: m >= MENIT_WAJIB,
        })
        .collect();

    Ok(Karier {
        employee_id: e.id,
        nama: full_name(
            e.gelar_depan.as_deref(),
            &e.nama,
            e.gelar_belakang.as_deref(),
        ),
        nip: e.nip,
        golongan: e.golongan,
        pangkat,
        tmt_golongan: e.tmt_golongan,
        jabatan,
        kinerja,
        angka_kredit_total: total,
        pengembangan,
        jp_per_tahun,
    })
}

/// Career page of an employee
///
/// Positions and acting assignments over time, the golongan as stored, set evaluations and
/// predikat by year with the angka kredit of a jabatan fungsional, development records and the
/// verified JP of each year. For the employee, their PPKin, the HR office (and whoever reads
/// every employee record), and a pimpinan whose subtree holds the employee; 404 for others.
#[utoipa::path(
    tag = TAG,
    params(("employee_id" = Uuid, Path, description = "Employee id")),
    responses((status = 200, body = Karier), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/pengembangan/karier/{employee_id}")]
pub async fn karier(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<Json<Karier>> {
    Ok(Json(karier_of(&state.db, &viewer, id.into_inner()).await?))
}
