//! The demo's competency development (issue #18): the instansi's competency list; the
//! Pengelola Kepegawaian's needs made from last month's Di Bawah Ekspektasi rating and its
//! improvement plan (the rating's need agreed by the kasubag), with a record of the plan's
//! training waiting for the HR office; records of last year and this year for the sekretariat
//! (Rina below 20 JP with one record unverified, the kasubag above, the sekcam below); and a
//! need Rina proposed that waits for the kasubag.

use chrono::{Datelike, Duration, NaiveDate};
use kinerja_api::auth::Role;
use kinerja_api::pengembangan::{
    BentukPengembangan, BuatCatatan, BuatKebutuhan, BuatKompetensi, JenisKesenjangan,
    KelompokKompetensi, PeranKegiatan, Prioritas, PutuskanKebutuhan, StatusKebutuhan,
    SumberKebutuhan, VerifikasiCatatan,
};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use std::collections::HashSet;
use uuid::Uuid;

use super::{KASUBAG_UMUM_NIP, PELAKSANA_NIP, SEKCAM_NIP};
use crate::auth::Viewer;
use crate::entities::{employees, kebutuhan_pengembangan as kb};
use crate::error::AppResult;
use crate::extract::RequestMeta;
use crate::pengembangan::{catatan, kebutuhan, kompetensi};

const KOMPETENSI: [(&str, KelompokKompetensi, Option<&str>); 8] = [
    (
        "Pengelolaan arsip dinamis",
        KelompokKompetensi::Teknis,
        None,
    ),
    (
        "Pelayanan administrasi terpadu kecamatan",
        KelompokKompetensi::Teknis,
        Some("berorientasi_pelayanan"),
    ),
    (
        "Pengelolaan data kepegawaian (SIASN)",
        KelompokKompetensi::Teknis,
        Some("kompeten"),
    ),
    (
        "Penyusunan SKP dan rencana aksi",
        KelompokKompetensi::Manajerial,
        Some("akuntabel"),
    ),
    (
        "Kepemimpinan tim kerja",
        KelompokKompetensi::Manajerial,
        Some("kolaboratif"),
    ),
    (
        "Komunikasi pelayanan publik",
        KelompokKompetensi::SosialKultural,
        Some("harmonis"),
    ),
    (
        "Integritas dan antikorupsi",
        KelompokKompetensi::SosialKultural,
        Some("loyal"),
    ),
    (
        "Literasi digital pemerintahan",
        KelompokKompetensi::Teknis,
        Some("adaptif"),
    ),
];

fn as_viewer(id: Uuid) -> Viewer {
    Viewer {
        user_id: Uuid::nil(),
        roles: Vec::new(),
        employee_id: Some(id),
        subtree: HashSet::new(),
    }
}

/// A day of this year `days` before `today`, never before 1 January.
fn this_year(today: NaiveDate, days: i64) -> NaiveDate {
    let first = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    (today - Duration::days(days)).max(first)
}

struct Kegiatan<'a> {
    nama: &'a str,
    bentuk: BentukPengembangan,
    penyelenggara: &'a str,
    selesai: NaiveDate,
    jp: f64,
    verified: bool,
    kebutuhan_id: Option<Uuid>,
}

/// Seeds the development data; returns the number of records made (0 when seeded before).
///
/// # Errors
/// On a database failure or a broken rule (a bug in the demo data).
pub async fn seed(db: &DatabaseConnection, storage: &crate::storage::Storage) -> AppResult<usize> {
    let person = |nip: &str| {
        employees::Entity::find()
            .filter(employees::Column::Nip.eq(nip.to_owned()))
            .one(db)
    };
    let (Some(rina), Some(kasubag), Some(sekcam)) = (
        person(PELAKSANA_NIP).await?,
        person(KASUBAG_UMUM_NIP).await?,
        person(SEKCAM_NIP).await?,
    ) else {
        return Ok(0);
    };
    let hr = Viewer {
        user_id: Uuid::nil(),
        roles: vec![Role::Admin],
        employee_id: None,
        subtree: HashSet::new(),
    };
    let meta = RequestMeta::default();
    if !kompetensi::list(db, rina.instansi_id, true)
        .await?
        .is_empty()
    {
        return Ok(0);
    }
    let mut ids = Vec::new();
    for (nama, kelompok, nilai) in KOMPETENSI {
        let k = kompetensi::create(
            db,
            &hr,
            rina.instansi_id,
            BuatKompetensi {
                nama: nama.to_owned(),
                kelompok,
                nilai_berakhlak: nilai.map(str::to_owned),
                deskripsi: None,
            },
            &meta,
        )
        .await?;
        ids.push(k.id);
    }
    let today = crate::clock::today_in(crate::clock::instansi_offset(db, rina.instansi_id).await?);
    let year = today.year();

    // The Pengelola Kepegawaian (rated below expectation last month): the kasubag agrees the
    // need made from the rating, naming the competency; the plan's training was attended.
    let pengelola = employees::Entity::find()
        .filter(employees::Column::UnitId.eq(rina.unit_id))
        .all(db)
        .await?
        .into_iter()
        .find(|e| e.id != rina.id && e.id != kasubag.id);
    let mut records = 0;
    if let Some(p) = &pengelola {
        let needs = kb::Entity::find()
            .filter(kb::Column::EmployeeId.eq(p.id))
            .all(db)
            .await?;
        if let Some(n) = needs.iter().find(|n| {
            n.sumber == SumberKebutuhan::RatingRendah.as_str()
                && n.status == StatusKebutuhan::Diusulkan.as_str()
        }) {
            kebutuhan::putuskan(
                db,
                &as_viewer(kasubag.id),
                n.id,
                PutuskanKebutuhan {
                    lock_version: n.lock_version,
                    setuju: true,
                    catatan: Some("Ikuti e-learning arsip sebelum akhir triwulan.".to_owned()),
                    kompetensi_id: Some(ids[2]),
                    bentuk: Some(BentukPengembangan::ELearning),
                    perkiraan_jp: Some(16),
                },
                &meta,
            )
            .await?;
        }
        let plan_need = needs
            .iter()
            .find(|n| n.sumber == SumberKebutuhan::RencanaPerbaikan.as_str())
            .map(|n| n.id);
        records += catat(
            db,
            storage,
            &hr,
            p.id,
            &[Kegiatan {
                nama: "Pelatihan Pengelolaan Arsip Dinamis",
                bentuk: BentukPengembangan::Diklat,
                penyelenggara: "Dinas Perpustakaan dan Arsip Kota Serang",
                // Ended today: on or after the day its plan was opened, so it fulfils the plan.
                selesai: today,
                jp: 24.0,
                verified: false,
                kebutuhan_id: plan_need,
            }],
        )
        .await?;
    }

    // Rina: last year met; this year 12 verified and 6 waiting.
    let last_year = NaiveDate::from_ymd_opt(year - 1, 11, 20).unwrap_or(today);
    records += catat(
        db,
        storage,
        &hr,
        rina.id,
        &[
            Kegiatan {
                nama: "Pelatihan Pelayanan Prima",
                bentuk: BentukPengembangan::Diklat,
                penyelenggara: "BKPSDM Kota Serang",
                selesai: last_year,
                jp: 24.0,
                verified: true,
                kebutuhan_id: None,
            },
            Kegiatan {
                nama: "Bimtek Tata Naskah Dinas Elektronik",
                bentuk: BentukPengembangan::Bimtek,
                penyelenggara: "Bagian Organisasi Setda Kota Serang",
                selesai: this_year(today, 120),
                jp: 12.0,
                verified: true,
                kebutuhan_id: None,
            },
            Kegiatan {
                nama: "E-learning Literasi Digital ASN",
                bentuk: BentukPengembangan::ELearning,
                penyelenggara: "LAN RI (ASN Unggul)",
                selesai: this_year(today, 10),
                jp: 6.0,
                verified: false,
                kebutuhan_id: None,
            },
        ],
    )
    .await?;
    // The kasubag: above 20 this year. The sekcam: below.
    records += catat(
        db,
        storage,
        &hr,
        kasubag.id,
        &[Kegiatan {
            nama: "Pelatihan Kepemimpinan Pengawas",
            bentuk: BentukPengembangan::Diklat,
            penyelenggara: "BPSDM Provinsi Banten",
            selesai: this_year(today, 200),
            jp: 30.0,
            verified: true,
            kebutuhan_id: None,
        }],
    )
    .await?;
    records += catat(
        db,
        storage,
        &hr,
        sekcam.id,
        &[Kegiatan {
            nama: "Seminar Reformasi Birokrasi Kewilayahan",
            bentuk: BentukPengembangan::Seminar,
            penyelenggara: "Pemerintah Provinsi Banten",
            selesai: this_year(today, 60),
            jp: 8.0,
            verified: true,
            kebutuhan_id: None,
        }],
    )
    .await?;

    // Rina proposes a need; it waits for the kasubag.
    kebutuhan::create(
        db,
        &as_viewer(rina.id),
        BuatKebutuhan {
            employee_id: None,
            tahun: year,
            kompetensi_id: ids[0],
            kesenjangan: JenisKesenjangan::Kompetensi,
            bentuk: BentukPengembangan::Bimtek,
            prioritas: Prioritas::Sedang,
            perkiraan_jp: Some(8),
            perkiraan_biaya: Some(750_000),
            uraian: "Arsip surat keterangan masih disimpan per tahun tanpa klasifikasi.".to_owned(),
        },
        &meta,
    )
    .await?;
    Ok(records)
}

/// Records `items` for `employee` (by the HR office, so that the dates can lie in the past
/// year), each with a one-page certificate, verifying those marked so.
async fn catat(
    db: &DatabaseConnection,
    storage: &crate::storage::Storage,
    hr: &Viewer,
    employee: Uuid,
    items: &[Kegiatan<'_>],
) -> AppResult<usize> {
    let meta = RequestMeta::default();
    for k in items {
        let r = catatan::create(
            db,
            hr,
            BuatCatatan {
                employee_id: Some(employee),
                nama: Some(k.nama.to_owned()),
                katalog_id: None,
                bentuk: k.bentuk,
                penyelenggara: k.penyelenggara.to_owned(),
                tanggal_mulai: k.selesai - Duration::days(2),
                tanggal_selesai: k.selesai,
                jp: Some(k.jp),
                jam: None,
                peran: PeranKegiatan::Peserta,
                kebutuhan_id: k.kebutuhan_id,
            },
            &meta,
        )
        .await?;
        let r = catatan::unggah_sertifikat(
            db,
            storage,
            hr,
            r.id,
            (
                Some(format!(
                    "sertifikat-{}.pdf",
                    k.nama.to_lowercase().replace(' ', "-")
                )),
                super::tahun::one_line_pdf(&format!("Sertifikat: {} ({} JP)", k.nama, k.jp)),
            ),
            &meta,
        )
        .await?;
        if k.verified {
            catatan::verifikasi(
                db,
                hr,
                r.id,
                VerifikasiCatatan {
                    lock_version: r.lock_version,
                    terima: true,
                    catatan: None,
                },
                &meta,
            )
            .await?;
        }
    }
    Ok(items.len())
}
