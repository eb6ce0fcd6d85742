//! The benchmark's development records: a year of them for every generated employee (none to
//! three each, most verified), so that `make bench-http` measures the 20 JP of a person, a team
//! and the whole instansi on realistic data (docs/performance.md).

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use sea_orm::{DatabaseConnection, Set};
use uuid::Uuid;

use super::{mix, write};
use crate::entities::catatan_pengembangan as catatan;
use crate::error::AppResult;

const KEGIATAN: [(&str, &str); 4] = [
    ("Bimtek Tata Naskah Dinas", "bimtek"),
    ("E-learning Literasi Digital ASN", "e_learning"),
    ("Pelatihan Pelayanan Prima", "diklat"),
    ("Seminar Reformasi Birokrasi", "seminar"),
];

/// Writes the records of `employees` for the year of `today`; returns how many.
///
/// # Errors
/// On a database failure.
pub async fn seed(
    db: &DatabaseConnection,
    instansi: Uuid,
    employees: &[Uuid],
    (seed, today, now): (u64, NaiveDate, DateTime<Utc>),
) -> AppResult<u64> {
    let first = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let days = (today - first).num_days().max(1);
    let rows = employees
        .iter()
        .enumerate()
        .flat_map(move |(i, &employee)| {
            let h = mix(seed, i as u64);
            let n = (h % 4) as usize;
            (0..n).map(move |r| {
                let hr = mix(h, r as u64 + 1);
                let (nama, bentuk) = KEGIATAN[(hr % 4) as usize];
                let selesai = first + Duration::days((hr >> 8) as i64 % days);
                // 6 to 24 JP; three in four verified.
                let jp = 6 + ((hr >> 20) % 19) as i32;
                let verified = !(hr >> 32).is_multiple_of(4);
                catatan::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    employee_id: Set(employee),
                    instansi_id: Set(instansi),
                    tahun: Set(today.year()),
                    nama: Set(nama.to_owned()),
                    katalog_id: Set(None),
                    bentuk: Set(bentuk.to_owned()),
                    penyelenggara: Set("BPSDM Provinsi".to_owned()),
                    tanggal_mulai: Set(selesai - Duration::days(1)),
                    tanggal_selesai: Set(selesai),
                    menit: Set(jp * 45),
                    peran: Set("peserta".to_owned()),
                    kebutuhan_id: Set(None),
                    status: Set(if verified { "diverifikasi" } else { "menunggu" }.to_owned()),
                    catatan_verifikasi: Set(None),
                    diverifikasi_oleh: Set(None),
                    diverifikasi_at: Set(verified.then_some(now)),
                    sertifikat_key: Set(None),
                    sertifikat_nama: Set(None),
                    sertifikat_mime: Set(None),
                    sertifikat_ukuran: Set(None),
                    dicatat_oleh: Set(Uuid::nil()),
                    created_at: Set(now),
                    updated_at: Set(now),
                    lock_version: Set(1),
                }
            })
        });
    write(db, 26, rows).await
}
