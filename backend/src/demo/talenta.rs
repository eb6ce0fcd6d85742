//! The demo's talent management (issue #18, "Career"): the annual predikat of the two years
//! before this one for the Sekretariat's staff and the kelurahan heads (the demo lives only
//! this year otherwise, so the grid would be empty), their potentials from an assessment, and
//! two key positions with drawn and hand-picked candidates. Runs once: nothing is done when a
//! potential is recorded already.

use chrono::{Datelike, Duration, NaiveDate};
use kinerja_api::employees::{JenisPenugasan, StatusPegawai};
use kinerja_api::evaluation::{Predikat, Rating};
use kinerja_api::penilaian::StatusEvaluasi;
use kinerja_api::planning::{JenisSkp, Lampiran, Pendekatan, Ritme, StatusPeriode, StatusSkp};
use kinerja_api::talenta::TingkatTalenta;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::entities::{assignments, employees, evaluations, periods, positions, skps, units};
use crate::entities::{jabatan_kritikal, kandidat_suksesi, potensi_talenta};
use crate::error::{AppError, AppResult};

/// The two ratings that give `p` (docs/regulation.md, "Rating and predikat (kuadran)").
fn ratings(p: Predikat) -> (Rating, Rating) {
    match p {
        Predikat::SangatBaik => (Rating::DiAtas, Rating::DiAtas),
        Predikat::Baik => (Rating::Sesuai, Rating::Sesuai),
        Predikat::ButuhPerbaikan => (Rating::DiBawah, Rating::Sesuai),
        Predikat::Kurang => (Rating::Sesuai, Rating::DiBawah),
        Predikat::SangatKurang => (Rating::DiBawah, Rating::DiBawah),
    }
}

/// A closed past year with a set annual evaluation of `predikat` for `employee_id`: the
/// year's period (closed, made when missing), an approved SKP (version 1, made when missing)
/// and its annual evaluation, set on 15 January of the next year. What a migrated history
/// looks like; tests use it too.
///
/// # Errors
/// `NotFound` for an unknown employee; on a database failure.
pub async fn predikat_tahunan(
    db: &DatabaseConnection,
    employee_id: Uuid,
    tahun: i32,
    predikat: Predikat,
) -> AppResult<()> {
    let e = employees::Entity::find_by_id(employee_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Pegawai"))?;
    let unit = e.unit_id.ok_or(AppError::NotFound("Unit"))?;
    let day = |m, d| NaiveDate::from_ymd_opt(tahun, m, d).ok_or(AppError::NotFound("Periode"));
    let txn = db.begin().await?;
    let now = crate::clock::now();
    let period = match periods::Entity::find()
        .filter(periods::Column::InstansiId.eq(e.instansi_id))
        .filter(periods::Column::Tahun.eq(tahun))
        .one(&txn)
        .await?
    {
        Some(p) => p,
        None => {
            periods::ActiveModel {
                id: Set(Uuid::now_v7()),
                instansi_id: Set(e.instansi_id),
                tahun: Set(tahun),
                mulai: Set(day(1, 1)?),
                selesai: Set(day(12, 31)?),
                ritme: Set(Ritme::Bulanan.as_str().to_owned()),
                batas_penetapan_skp: Set(None),
                jeda_kunci_realisasi_hari: Set(10),
                batas_evaluasi_tahunan: Set(None),
                jendela_keberatan_hari: Set(14),
                status: Set(StatusPeriode::Ditutup.as_str().to_owned()),
                created_at: Set(now),
                updated_at: Set(now),
                lock_version: Set(1),
            }
            .insert(&txn)
            .await?
        }
    };
    let today = crate::clock::today_in(crate::clock::instansi_offset(&txn, e.instansi_id).await?);
    let ppkin = crate::employees::superiors::Resolver::ppkin_only(&txn, today, [e.id])
        .await?
        .ppkin(e.id)
        .ok()
        .map(|p| p.employee.id);
    let skp = match skps::Entity::find()
        .filter(skps::Column::PeriodId.eq(period.id))
        .filter(skps::Column::EmployeeId.eq(e.id))
        .one(&txn)
        .await?
    {
        Some(s) => s,
        None => {
            let pegawai = crate::planning::skp::person(&txn, e.id)
                .await?
                .ok_or(AppError::NotFound("Pegawai"))?;
            // The rater of that year is taken to be today's PPKin (no history of raters).
            let ppkin_person = match ppkin {
                Some(p) => crate::planning::skp::person(&txn, p).await?,
                None => None,
            };
            skps::ActiveModel {
                id: Set(Uuid::now_v7()),
                period_id: Set(period.id),
                employee_id: Set(e.id),
                versi: Set(1),
                lock_version: Set(1),
                status: Set(StatusSkp::Disetujui.as_str().to_owned()),
                pendekatan: Set(Pendekatan::Kuantitatif.as_str().to_owned()),
                jenis: Set(JenisSkp::JaJf.as_str().to_owned()),
                ppkin_employee_id: Set(ppkin),
                atasan_ppkin_employee_id: Set(None),
                snapshot: Set(
                    json!({"pegawai": pegawai, "ppkin": ppkin_person, "atasan_ppkin": null}),
                ),
                lampiran: Set(json!(Lampiran::default())),
                catatan_pengembalian: Set(None),
                diajukan_at: Set(None),
                disetujui_at: Set(None),
                disetujui_oleh: Set(None),
                previous_id: Set(None),
                berlaku_dari_ke: Set(Some(1)),
                alasan_perubahan: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?
        }
    };
    let (hasil, perilaku) = ratings(predikat);
    let set_at = NaiveDate::from_ymd_opt(tahun + 1, 1, 15)
        .and_then(|d| d.and_hms_opt(2, 0, 0))
        .map(|t| t.and_utc())
        .unwrap_or(now);
    evaluations::ActiveModel {
        id: Set(Uuid::now_v7()),
        skp_id: Set(skp.id),
        periode_ke: Set(0),
        rating_hasil: Set(Some(hasil.as_str().to_owned())),
        rating_perilaku: Set(Some(perilaku.as_str().to_owned())),
        predikat: Set(Some(predikat.as_str().to_owned())),
        catatan_hasil: Set(Some(format!("Evaluasi tahunan {tahun}."))),
        catatan_perilaku: Set(None),
        rekomendasi: Set(None),
        hasil_dari_organisasi: Set(false),
        status: Set(StatusEvaluasi::Ditetapkan.as_str().to_owned()),
        versi: Set(1),
        unit_id: Set(unit),
        penilai_employee_id: Set(ppkin),
        ditetapkan_at: Set(Some(set_at)),
        batas_keberatan: Set(Some(set_at.date_naive() + Duration::days(14))),
        created_at: Set(set_at),
        updated_at: Set(set_at),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(())
}

/// A potential assessment recorded by the HR office (no user: the seed).
async fn potensi(
    db: &DatabaseConnection,
    e: &employees::Model,
    tingkat: TingkatTalenta,
    tanggal: NaiveDate,
) -> AppResult<()> {
    potensi_talenta::ActiveModel {
        id: Set(Uuid::now_v7()),
        employee_id: Set(e.id),
        instansi_id: Set(e.instansi_id),
        tingkat: Set(tingkat.as_str().to_owned()),
        tanggal: Set(tanggal),
        sumber: Set(format!("Assessment center BKPSDM {}", tanggal.year())),
        catatan: Set(None),
        dicatat_oleh: Set(Uuid::nil()),
        created_at: Set(crate::clock::now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Seeds the demo's talent data once; returns the number of employees given a potential.
///
/// # Errors
/// On a database failure.
pub async fn seed_talenta(db: &DatabaseConnection) -> AppResult<usize> {
    use Predikat::{Baik as B, ButuhPerbaikan as BP, SangatBaik as SB};
    use TingkatTalenta::{Menengah as M, Rendah as R, Tinggi as T};

    if potensi_talenta::Entity::find().one(db).await?.is_some() {
        return Ok(0);
    }
    let Some(sekret) = units::Entity::find()
        .filter(units::Column::Nama.eq("Sekretariat Kecamatan Cipocok Jaya"))
        .one(db)
        .await?
    else {
        return Ok(0);
    };
    let today = crate::clock::today();
    let y = today.year();
    let assessed = NaiveDate::from_ymd_opt(y, 3, 10)
        .filter(|d| *d <= today)
        .or_else(|| NaiveDate::from_ymd_opt(y - 1, 10, 20))
        .unwrap_or(today);
    let aktif = |q: sea_orm::Select<employees::Entity>| {
        q.filter(employees::Column::Status.eq(StatusPegawai::Aktif.as_str()))
    };

    // The Sekretariat's staff (its own unit and its subbagian), by position.
    let mut sub: Vec<Uuid> = crate::organisation::tree::subtree(db, sekret.id)
        .await?
        .into_iter()
        .collect();
    sub.sort();
    let staff = aktif(employees::Entity::find())
        .filter(employees::Column::UnitId.is_in(sub))
        .all(db)
        .await?;
    let pos_names: std::collections::HashMap<Uuid, String> = positions::Entity::find()
        .filter(
            positions::Column::Id.is_in(
                staff
                    .iter()
                    .filter_map(|e| e.jabatan_id)
                    .collect::<Vec<_>>(),
            ),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.nama))
        .collect();
    let name_of = |e: &employees::Model| {
        e.jabatan_id
            .and_then(|j| pos_names.get(&j).cloned())
            .unwrap_or_default()
    };
    let mut plan: Vec<(employees::Model, [Predikat; 2], TingkatTalenta)> = Vec::new();
    for e in staff {
        let (p, t) = match name_of(&e).as_str() {
            "Sekretaris Kecamatan" => ([B, SB], T),
            "Kepala Subbagian Umum dan Kepegawaian" => ([SB, SB], M),
            "Kepala Subbagian Program dan Keuangan" => ([B, B], T),
            "Pengadministrasi Perkantoran" => ([B, B], M),
            "Pengelola Kepegawaian" => ([B, BP], M),
            _ => ([B, B], R),
        };
        plan.push((e, p, t));
    }
    // The kelurahan heads: the definitive holders of the lurah posts.
    let lurah_posts: Vec<Uuid> = positions::Entity::find()
        .filter(positions::Column::Nama.starts_with("Lurah "))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    let mut lurah = aktif(employees::Entity::find())
        .filter(employees::Column::JabatanId.is_in(lurah_posts))
        .all(db)
        .await?;
    lurah.sort_by(|a, b| a.nip.cmp(&b.nip));
    for (i, e) in lurah.into_iter().enumerate() {
        let (p, t) = match i % 4 {
            0 => ([SB, SB], T),
            1 => ([B, SB], M),
            2 => ([B, B], T),
            _ => ([B, B], M),
        };
        plan.push((e, p, t));
    }
    for (e, [older, newer], t) in &plan {
        predikat_tahunan(db, e.id, y - 2, *older).await?;
        predikat_tahunan(db, e.id, y - 1, *newer).await?;
        potensi(db, e, *t, assessed).await?;
    }

    // Two key positions: the camat and the sekcam, with one hand-picked candidate each.
    let now = crate::clock::now();
    for (jabatan, golongan, alasan, pilihan) in [
        (
            "Camat Cipocok Jaya",
            "IV/a",
            "Pimpinan wilayah; masa jabatan pemegang berakhir dalam dua tahun.",
            "Sekretaris Kecamatan",
        ),
        (
            "Sekretaris Kecamatan",
            "IV/a",
            "Mengoordinasikan seluruh pelayanan administrasi kecamatan.",
            "Kepala Subbagian Umum dan Kepegawaian",
        ),
    ] {
        let Some(p) = positions::Entity::find()
            .filter(positions::Column::Nama.eq(jabatan))
            .one(db)
            .await?
        else {
            continue;
        };
        let Some(unit) = units::Entity::find_by_id(p.unit_id).one(db).await? else {
            continue;
        };
        let jk = jabatan_kritikal::ActiveModel {
            id: Set(Uuid::now_v7()),
            instansi_id: Set(unit.instansi_id),
            position_id: Set(p.id),
            alasan: Set(Some(alasan.to_owned())),
            golongan_minimal: Set(Some(golongan.to_owned())),
            toleransi_golongan: Set(1),
            kotak_minimal: Set(7),
            ditandai_oleh: Set(Uuid::nil()),
            created_at: Set(now),
            updated_at: Set(now),
            lock_version: Set(1),
        }
        .insert(db)
        .await?;
        let pick = positions::Entity::find()
            .filter(positions::Column::Nama.eq(pilihan))
            .one(db)
            .await?;
        let holder = match pick {
            Some(pick) => {
                assignments::Entity::find()
                    .filter(assignments::Column::JabatanId.eq(pick.id))
                    .filter(assignments::Column::Jenis.eq(JenisPenugasan::Definitif.as_str()))
                    .filter(assignments::Column::Selesai.is_null())
                    .one(db)
                    .await?
            }
            None => None,
        };
        if let Some(h) = holder {
            kandidat_suksesi::ActiveModel {
                id: Set(Uuid::now_v7()),
                jabatan_kritikal_id: Set(jk.id),
                employee_id: Set(h.employee_id),
                catatan: Set(
                    "Diusulkan camat: memimpin tim penyusunan laporan kinerja kecamatan."
                        .to_owned(),
                ),
                ditambahkan_oleh: Set(Uuid::nil()),
                created_at: Set(now),
            }
            .insert(db)
            .await?;
        }
    }
    Ok(plan.len())
}
