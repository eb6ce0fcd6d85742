//! The demo's citizen satisfaction surveys and the SKPs they feed (issue #17), and the
//! schools' student attendance pushed by a school system.
//!
//! Kantor Kecamatan Cipocok Jaya, Kelurahan Banjaragung, Kelurahan Karundang and Puskesmas
//! Banjar Agung run one survey per quarter of this year up to the current one (closed ones
//! `ditutup`, the current one `dibuka`), each with a few hundred synthetic responses drawn by a
//! fixed pseudo-random sequence: mostly 3 and 4, Kelurahan Karundang weaker on waittime and
//! cost, the puskesmas almost always free. Karundang's first quarter falls short of its sample
//! and Karundang does not publish. The camat, the two lurah and the kepala puskesmas carry an
//! IKI "Indeks Kepuasan Masyarakat …" bound to their unit's surveys, landed for every quarter
//! begun; the SD negeri teachers an IKI "Persentase kehadiran siswa" bound to
//! [`SEKOLAH_KEY`], with weekly values from the demo school system.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use kinerja_api::survei::{StatusSurvei, SumberRespons};
use kinerja_api::survei_iki::kunci_data;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::json;
use uuid::Uuid;

use crate::entities::{
    api_clients, employees, iki_data_keys, ingest_values, instansi, periods, positions, realisasi,
    skp_iki, skp_rhk, skps, survei, survei_respons, units,
};
use crate::error::AppResult;
use crate::survei::iki_hitung::{Kunci, hitung};

use super::{CAMAT_NIP, INSTANSI};

/// The data key of the student attendance rate the demo school system pushes.
pub const SEKOLAH_KEY: &str = "sekolah.kehadiran_siswa";
/// The demo school system's API client.
pub const KLIEN_SEKOLAH: &str = "Sistem Informasi Sekolah (demo)";

/// Rows per bulk insert: well under the bind-parameter limits of SQLite and PostgreSQL.
const CHUNK: usize = 400;

/// A demo survey unit: its name, the prefix of its public codes, its services, the
/// population served per quarter, and how satisfied its citizens are.
struct Unit {
    nama: &'static str,
    kode: &'static str,
    layanan: &'static [&'static str],
    populasi: i32,
    publikasi: bool,
    profil: Profil,
}

#[derive(Clone, Copy, PartialEq)]
enum Profil {
    Baik,
    /// Weaker on waktu penyelesaian (U3) and biaya/tarif (U4).
    LambatMahal,
    /// A puskesmas: the service is free (U4 almost always "Gratis").
    Gratis,
}

const UNITS: [Unit; 4] = [
    Unit {
        nama: "Kecamatan Cipocok Jaya",
        kode: "skmkcpjyt",
        layanan: &["KTP-el", "Kartu Keluarga (KK)", "Surat pengantar"],
        populasi: 1000,
        publikasi: true,
        profil: Profil::Baik,
    },
    Unit {
        nama: "Kelurahan Banjaragung",
        kode: "skmkbjagt",
        layanan: &[
            "Surat pengantar",
            "Surat keterangan domisili",
            "Surat keterangan tidak mampu",
        ],
        populasi: 600,
        publikasi: true,
        profil: Profil::Baik,
    },
    Unit {
        nama: "Kelurahan Karundang",
        kode: "skmkkrdgt",
        layanan: &[
            "Surat pengantar",
            "Surat keterangan domisili",
            "Surat keterangan usaha",
        ],
        populasi: 700,
        publikasi: false,
        profil: Profil::LambatMahal,
    },
    Unit {
        nama: "Puskesmas Banjar Agung",
        kode: "skmpbjagt",
        layanan: &["Pemeriksaan umum", "Kesehatan ibu dan anak", "Imunisasi"],
        populasi: 1500,
        publikasi: true,
        profil: Profil::Gratis,
    },
];

const SARAN: [&str; 6] = [
    "Antrian mohon dipercepat.",
    "Petugas ramah, terima kasih.",
    "Ruang tunggu perlu kipas angin.",
    "Informasi persyaratan sebaiknya ditempel di depan loket.",
    "Pelayanan sudah baik, pertahankan.",
    "Mohon disediakan nomor antrian daring.",
];

/// A fixed pseudo-random sequence (SplitMix64): the demo looks the same every time.
struct Acak(u64);

impl Acak {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[usize::try_from(self.below(items.len() as u64)).unwrap_or(0)]
    }

    /// An answer 1–4 with the chances (in percent) of a 4, a 3 and a 2.
    fn jawaban(&mut self, empat: u64, tiga: u64, dua: u64) -> i16 {
        let r = self.below(100);
        if r < empat {
            4
        } else if r < empat + tiga {
            3
        } else if r < empat + tiga + dua {
            2
        } else {
            1
        }
    }
}

fn jawaban(acak: &mut Acak, profil: Profil, unsur: usize, triwulan: i32) -> i16 {
    // A little better each quarter: a unit works on last quarter's priorities.
    let naik = u64::try_from(triwulan).unwrap_or(1) * 2;
    match (profil, unsur) {
        (Profil::LambatMahal, 2 | 3) => acak.jawaban(12 + naik, 43, 33),
        (Profil::Gratis, 3) => acak.jawaban(90, 8, 2),
        (Profil::LambatMahal, _) => acak.jawaban(35 + naik, 52, 10),
        _ => acak.jawaban(42 + naik, 50, 7),
    }
}

/// A moment in the local working day of `day` (08:00–14:59 WIB).
fn pada(day: NaiveDate, acak: &mut Acak) -> DateTime<Utc> {
    let secs = 3600 + i64::try_from(acak.below(7 * 3600)).unwrap_or(0);
    Utc.from_utc_datetime(&day.and_hms_opt(0, 0, 0).unwrap_or_default()) + Duration::seconds(secs)
}

/// Seeds the surveys, the survey-fed and the attendance IKIs, once. Returns the number of
/// surveys created; 0 when they exist or the demo organisation or period is missing.
///
/// # Errors
/// On a database failure.
pub async fn seed_survei(db: &DatabaseConnection) -> AppResult<usize> {
    let Some(inst) = instansi::Entity::find()
        .filter(instansi::Column::Nama.eq(INSTANSI))
        .one(db)
        .await?
    else {
        return Ok(0);
    };
    let today = crate::clock::today();
    let Some(period) = periods::Entity::find()
        .filter(periods::Column::InstansiId.eq(inst.id))
        .filter(periods::Column::Tahun.eq(today.year()))
        .one(db)
        .await?
    else {
        return Ok(0);
    };
    let first_code = format!("{}1", UNITS[0].kode);
    if survei::Entity::find()
        .filter(survei::Column::Kode.eq(first_code))
        .one(db)
        .await?
        .is_some()
    {
        return Ok(0);
    }
    let unit_rows: HashMap<String, units::Model> = units::Entity::find()
        .filter(units::Column::InstansiId.eq(inst.id))
        .filter(units::Column::Nama.is_in(UNITS.iter().map(|u| u.nama)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.nama.clone(), u))
        .collect();
    let sekarang = i32::try_from(today.month0() / 3 + 1).unwrap_or(1);
    let mut created = Vec::new();
    let mut responses = Vec::new();
    for (n, u) in UNITS.iter().enumerate() {
        let Some(unit) = unit_rows.get(u.nama) else {
            continue;
        };
        for q in 1..=sekarang {
            let mut acak = Acak(0x5E3D_0000 + (n as u64) * 97 + u64::try_from(q).unwrap_or(0));
            let awal = NaiveDate::from_ymd_opt(today.year(), (q as u32 - 1) * 3 + 1, 1)
                .unwrap_or(period.mulai);
            let akhir = (awal + chrono::Months::new(3) - Duration::days(1)).min(today);
            let hari = (akhir - awal).num_days() + 1;
            // Karundang's first quarter falls short of its sample (Krejcie-Morgan 248 for 700).
            let kurang = u.profil == Profil::LambatMahal && q == 1;
            let penuh = if kurang {
                150
            } else {
                260 + i64::try_from(acak.below(60)).unwrap_or(0)
            };
            let jumlah = if q == sekarang {
                (penuh * hari / 91).max(25)
            } else {
                penuh
            };
            let id = Uuid::now_v7();
            let status = if q == sekarang {
                StatusSurvei::Dibuka
            } else {
                StatusSurvei::Ditutup
            };
            let dibuat = pada(awal, &mut acak);
            survei::ActiveModel {
                id: Set(id),
                instansi_id: Set(inst.id),
                unit_id: Set(unit.id),
                judul: Set(format!(
                    "SKM {} Triwulan {} {}",
                    u.nama,
                    ["I", "II", "III", "IV"][(q - 1) as usize],
                    today.year()
                )),
                kode: Set(format!("{}{q}", u.kode)),
                jenis_periode: Set("triwulan".to_owned()),
                period_id: Set(period.id),
                periode_ke: Set(q),
                populasi: Set(Some(u.populasi)),
                layanan: Set(json!(u.layanan)),
                pertanyaan: Set(json!({})),
                status: Set(status.as_str().to_owned()),
                dipublikasikan: Set(u.publikasi && q < sekarang),
                created_at: Set(dibuat),
                updated_at: Set(dibuat),
                lock_version: Set(1),
            }
            .insert(db)
            .await?;
            created.push(id);
            for _ in 0..jumlah {
                let u_ = |acak: &mut Acak, i| Some(jawaban(acak, u.profil, i, q));
                let day =
                    awal + Duration::days(i64::try_from(acak.below(hari as u64)).unwrap_or(0));
                let kertas = acak.below(5) == 0;
                responses.push(survei_respons::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    survei_id: Set(id),
                    layanan: Set((*acak.pick(u.layanan)).to_owned()),
                    u1: Set(u_(&mut acak, 0)),
                    u2: Set(u_(&mut acak, 1)),
                    u3: Set(u_(&mut acak, 2)),
                    u4: Set(u_(&mut acak, 3)),
                    u5: Set(u_(&mut acak, 4)),
                    u6: Set(u_(&mut acak, 5)),
                    u7: Set(u_(&mut acak, 6)),
                    u8: Set(u_(&mut acak, 7)),
                    u9: Set(u_(&mut acak, 8)),
                    jenis_kelamin: Set(Some(
                        (*acak.pick(&["laki_laki", "perempuan", "perempuan"])).to_owned(),
                    )),
                    usia: Set(Some(
                        (*acak.pick(&["20_29", "30_39", "30_39", "40_49", "50_59", "60_ke_atas"]))
                            .to_owned(),
                    )),
                    pendidikan: Set(Some(
                        (*acak.pick(&["sd", "smp", "sma", "sma", "diploma", "s1"])).to_owned(),
                    )),
                    pekerjaan: Set(Some(
                        (*acak.pick(&[
                            "wiraswasta",
                            "pegawai_swasta",
                            "ibu_rumah_tangga",
                            "pelajar_mahasiswa",
                            "lainnya",
                        ]))
                        .to_owned(),
                    )),
                    saran: Set((acak.below(6) == 0).then(|| (*acak.pick(&SARAN)).to_owned())),
                    sumber: Set(if kertas {
                        SumberRespons::Kertas
                    } else {
                        SumberRespons::Daring
                    }
                    .as_str()
                    .to_owned()),
                    token_hash: Set(None),
                    ip_hash: Set(None),
                    dibatalkan_at: Set(None),
                    dibatalkan_oleh: Set(None),
                    alasan_batal: Set(None),
                    created_at: Set(pada(day, &mut acak)),
                });
            }
        }
    }
    for chunk in responses.chunks(CHUNK) {
        survei_respons::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }

    let heads: Vec<(String, Uuid)> = [
        ("Camat Cipocok Jaya", "Kecamatan Cipocok Jaya"),
        ("Lurah Banjaragung", "Kelurahan Banjaragung"),
        ("Lurah Karundang", "Kelurahan Karundang"),
        ("Kepala Puskesmas Banjar Agung", "Puskesmas Banjar Agung"),
    ]
    .into_iter()
    .filter_map(|(jabatan, unit)| unit_rows.get(unit).map(|u| (jabatan.to_owned(), u.id)))
    .collect();
    for (jabatan, unit) in &heads {
        let nama = unit_rows
            .values()
            .find(|u| u.id == *unit)
            .map(|u| u.nama.clone())
            .unwrap_or_default();
        let nip = (jabatan == "Camat Cipocok Jaya").then_some(CAMAT_NIP);
        for skp in skp_of(db, period.id, Some(*unit), jabatan, nip).await? {
            let iki = tambah_iki(
                db,
                &skp,
                &format!("Indeks Kepuasan Masyarakat {nama}"),
                80.0,
                "indeks",
            )
            .await?;
            bind(db, iki, &kunci_data(*unit), "last").await?;
        }
    }
    // The IKM lands on the quarters begun, past the lock too: a year already lived.
    for id in &created {
        hitung(db, *id, Kunci::Abaikan).await?;
    }
    seed_kehadiran(db, inst.id, &period, today).await?;
    Ok(created.len())
}

/// The approved SKPs of the holders of positions named `jabatan` (in `unit` when given, or
/// the employee `nip`).
async fn skp_of(
    db: &DatabaseConnection,
    period: Uuid,
    unit: Option<Uuid>,
    jabatan: &str,
    nip: Option<&str>,
) -> AppResult<Vec<skps::Model>> {
    let mut q = positions::Entity::find().filter(positions::Column::Nama.eq(jabatan));
    if let Some(unit) = unit {
        q = q.filter(positions::Column::UnitId.eq(unit));
    }
    let posts: Vec<Uuid> = q.all(db).await?.into_iter().map(|p| p.id).collect();
    let mut people = employees::Entity::find().filter(employees::Column::JabatanId.is_in(posts));
    if let Some(nip) = nip {
        people = people.filter(employees::Column::Nip.eq(nip));
    }
    let ids: Vec<Uuid> = people.all(db).await?.into_iter().map(|e| e.id).collect();
    Ok(skps::Entity::find()
        .filter(skps::Column::PeriodId.eq(period))
        .filter(skps::Column::EmployeeId.is_in(ids))
        .filter(skps::Column::Status.eq("disetujui"))
        .all(db)
        .await?)
}

/// Adds an indicator held all year to the first RHK of an approved SKP (demo data: an
/// agreed plan the demo extends directly).
async fn tambah_iki(
    db: &DatabaseConnection,
    skp: &skps::Model,
    indikator: &str,
    target: f64,
    satuan: &str,
) -> AppResult<Uuid> {
    let Some(rhk) = skp_rhk::Entity::find()
        .filter(skp_rhk::Column::SkpId.eq(skp.id))
        .order_by_asc(skp_rhk::Column::Urutan)
        .one(db)
        .await?
    else {
        return Ok(Uuid::nil());
    };
    let siblings = skp_iki::Entity::find()
        .filter(skp_iki::Column::RhkId.eq(rhk.id))
        .all(db)
        .await?;
    let id = Uuid::now_v7();
    skp_iki::ActiveModel {
        id: Set(id),
        rhk_id: Set(rhk.id),
        urutan: Set(i32::try_from(siblings.len()).unwrap_or(0)),
        aspek: Set(Some("kualitas".to_owned())),
        indikator: Set(indikator.to_owned()),
        target_nilai: Set(Some(target)),
        target_satuan: Set(Some(satuan.to_owned())),
        target_naratif: Set(None),
        arah: Set("naik".to_owned()),
        perspektif: Set(siblings.first().and_then(|s| s.perspektif.clone())),
        asal_iki_id: Set(None),
        jenis_target: Set(Some("tetap".to_owned())),
        tenggat: Set(None),
    }
    .insert(db)
    .await?;
    Ok(id)
}

async fn bind(db: &DatabaseConnection, iki: Uuid, key: &str, agregasi: &str) -> AppResult<()> {
    if iki.is_nil() {
        return Ok(());
    }
    iki_data_keys::ActiveModel {
        iki_id: Set(iki),
        data_key: Set(key.to_owned()),
        agregasi: Set(agregasi.to_owned()),
        updated_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The SD negeri teachers' "Persentase kehadiran siswa", fed weekly by the schools' system
/// through the ingest API's data (the days already past), averaged per month as the ingest
/// does for an `avg` binding.
async fn seed_kehadiran(
    db: &DatabaseConnection,
    instansi: Uuid,
    period: &periods::Model,
    today: NaiveDate,
) -> AppResult<()> {
    let dindik = units::Entity::find()
        .filter(units::Column::InstansiId.eq(instansi))
        .filter(units::Column::Nama.eq("Dinas Pendidikan dan Kebudayaan Kota Serang"))
        .one(db)
        .await?;
    let sekolah: Vec<Uuid> = units::Entity::find()
        .filter(units::Column::InstansiId.eq(instansi))
        .filter(units::Column::Nama.starts_with("SD Negeri"))
        .all(db)
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect();
    let (Some(dindik), false) = (dindik, sekolah.is_empty()) else {
        return Ok(());
    };
    let secret = crate::auth::tokens::random_token();
    let klien = api_clients::ActiveModel {
        id: Set(Uuid::now_v7()),
        nama: Set(KLIEN_SEKOLAH.to_owned()),
        unit_id: Set(dindik.id),
        scopes: Set("pegawai:read realisasi:write".to_owned()),
        secret_hash: Set(crate::auth::tokens::sha256_hex(secret.as_bytes())),
        secret_prefix: Set(secret.chars().take(8).collect()),
        aktif: Set(true),
        created_by: Set(Uuid::nil()),
        created_at: Set(Utc::now()),
        last_used_at: Set(None),
    }
    .insert(db)
    .await?;
    let guru: Vec<Uuid> = positions::Entity::find()
        .filter(positions::Column::UnitId.is_in(sekolah))
        .filter(positions::Column::Nama.starts_with("Guru"))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    let people: Vec<Uuid> = employees::Entity::find()
        .filter(employees::Column::JabatanId.is_in(guru))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.id)
        .collect();
    let skp_rows = skps::Entity::find()
        .filter(skps::Column::PeriodId.eq(period.id))
        .filter(skps::Column::EmployeeId.is_in(people))
        .filter(skps::Column::Status.eq("disetujui"))
        .all(db)
        .await?;
    let mut values = Vec::new();
    let mut totals: HashMap<(Uuid, i32), Vec<f64>> = HashMap::new();
    for (n, skp) in skp_rows.iter().enumerate() {
        let iki = tambah_iki(db, skp, "Persentase kehadiran siswa", 95.0, "persen").await?;
        if iki.is_nil() {
            continue;
        }
        bind(db, iki, SEKOLAH_KEY, "avg").await?;
        let mut acak = Acak(0x5C01_0000 + n as u64);
        let mut day = period.mulai;
        while day < today && day <= period.selesai {
            // One figure a week, on Saturday: the week's attendance rate.
            if day.weekday() == chrono::Weekday::Sat {
                let nilai = 88.0 + acak.below(90) as f64 / 10.0;
                let k = crate::planning::versi::periode_ke_of(period, day);
                values.push(ingest_values::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    iki_id: Set(iki),
                    periode_ke: Set(k),
                    tanggal: Set(day),
                    nilai: Set(nilai),
                    client_id: Set(klien.id),
                    received_at: Set(pada(day, &mut acak)),
                });
                totals.entry((iki, k)).or_default().push(nilai);
            }
            day += Duration::days(1);
        }
    }
    for chunk in values.chunks(CHUNK) {
        ingest_values::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }
    let now = Utc::now();
    let rows: Vec<realisasi::ActiveModel> = totals
        .into_iter()
        .map(|((iki, k), v)| realisasi::ActiveModel {
            id: Set(Uuid::now_v7()),
            iki_id: Set(iki),
            periode_ke: Set(k),
            nilai: Set(Some(
                (v.iter().sum::<f64>() / v.len() as f64 * 10_000.0).round() / 10_000.0,
            )),
            naratif: Set(None),
            dasar: Set(Some(format!("Data dari {KLIEN_SEKOLAH}"))),
            sumber: Set("api".to_owned()),
            client_id: Set(Some(klien.id)),
            updated_by: Set(None),
            updated_at: Set(now),
        })
        .collect();
    for chunk in rows.chunks(CHUNK) {
        realisasi::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }
    Ok(())
}
