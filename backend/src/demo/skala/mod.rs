//! `kinerja seed-scale`: a province-sized organisation inside the demo instansi, for the
//! benchmark of issue #16 (`make bench-http`, docs/performance.md).
//!
//! On top of `seed-demo`, under Pemerintah Kota Serang and reporting to the demo's Sekretaris
//! Daerah: OPD (dinas and badan: sekretariat with subbagian, bidang with seksi) and kecamatan
//! (sekretariat, seksi, kelurahan), with as many employees as asked, each on a position of their
//! own with a definitive assignment; an approved SKP for the demo's current period with 3–5 RHK
//! and one IKI each; realisasi for every past month; evaluations set for the two months before
//! last (last month is left for the PPKin's work list). Everything is generated in memory and
//! written with bulk inserts in chunks, one transaction per table, without the services (no
//! audit per row, no per-row validation): synthetic data that follows the same rules.

use std::collections::HashMap;
use std::time::Instant;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use kinerja_api::employees::{JenisPegawai, JenisPenugasan, StatusPegawai, full_name};
use kinerja_api::evaluation::{Predikat, Rating};
use kinerja_api::organisation::{Jenjang, UnitKind};
use kinerja_api::penilaian::StatusEvaluasi;
use kinerja_api::planning::{
    Arah, Aspek, JenisRhk, JenisSkp, Lampiran, Pendekatan, Perspektif, StatusSkp,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    QueryFilter, Set, TransactionTrait,
};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::entities::{
    assignments, employees, evaluation_versions, evaluations, instansi, periods, positions,
    realisasi, ref_berakhlak, ref_golongan, skp_iki, skp_perilaku, skp_rhk, skps, units,
    user_roles, users,
};
use crate::error::{AppError, AppResult};

use super::INSTANSI;

mod organisasi;
mod pengembangan;
mod survei;
use organisasi::*;

/// Marks the generated units (their `kode`), so a second run can tell the data is there.
const KODE_PREFIX: &str = "SKALA.";

/// Usernames of the benchmark accounts (password [`crate::cli::DEMO_PASSWORD`]).
pub const AKUN_PPKIN: &str = "skala.ppkin";
pub const AKUN_PEGAWAI: &str = "skala.pegawai";
pub const AKUN_KEPALA: &str = "skala.kepala";

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub employees: usize,
    /// Varies names, NIPs and values; the same seed gives the same data.
    pub seed: u64,
}

/// A benchmark account: its username, user id and employee id.
#[derive(Debug, Clone)]
pub struct Akun {
    pub username: String,
    pub user_id: Uuid,
    pub employee_id: Uuid,
    pub skp_id: Uuid,
    pub unit_id: Uuid,
}

/// What `seed-scale` made.
#[derive(Debug, Clone)]
pub struct Laporan {
    /// Rows per table, in the order written.
    pub tables: Vec<(&'static str, u64, f64)>,
    pub ppkin: Akun,
    pub pegawai: Akun,
    pub kepala: Akun,
    pub period_id: Uuid,
    /// The last month with realisasi (the evaluations are for the two before it).
    pub last_periode_ke: i32,
    /// The open survey with 10 000 responses: its id and public code.
    pub survei: (Uuid, String),
}

fn snapshot_person(e: &Emp, pangkat: &HashMap<String, String>) -> Value {
    json!({
        "employee_id": e.id,
        "nama_lengkap": full_name(None, &e.nama, e.gelar_belakang),
        "nip": kinerja_api::nip::format(&e.nip),
        "pangkat_golongan": pangkat.get(e.golongan).map(|p| format!("{p}, {}", e.golongan)),
        "jabatan": e.jabatan,
        "unit": e.unit_nama,
    })
}

/// Rows per insert statement: PostgreSQL takes at most 65 535 bind parameters, SQLite (as
/// built by sqlx) 32 766.
fn per_chunk(backend: DbBackend, columns: usize) -> usize {
    let binds = if backend == DbBackend::Postgres {
        60_000
    } else {
        30_000
    };
    (binds / columns).max(1)
}

/// Writes `rows` in chunks inside one transaction; returns how many.
async fn write<A, I>(db: &DatabaseConnection, columns: usize, rows: I) -> AppResult<u64>
where
    A: ActiveModelTrait + Send,
    I: IntoIterator<Item = A>,
{
    let size = per_chunk(db.get_database_backend(), columns);
    let txn = db.begin().await?;
    let mut n = 0;
    let mut chunk = Vec::with_capacity(size);
    for row in rows {
        chunk.push(row);
        if chunk.len() == size {
            n += <A::Entity as EntityTrait>::insert_many(std::mem::take(&mut chunk))
                .exec_without_returning(&txn)
                .await?;
            chunk.reserve(size);
        }
    }
    if !chunk.is_empty() {
        n += <A::Entity as EntityTrait>::insert_many(chunk)
            .exec_without_returning(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(n)
}

struct Timer {
    tables: Vec<(&'static str, u64, f64)>,
    quiet: bool,
}

impl Timer {
    fn done(&mut self, table: &'static str, rows: u64, started: Instant) {
        let secs = started.elapsed().as_secs_f64();
        if !self.quiet {
            println!("  {table:<20} {rows:>10} rows {secs:>8.1} s");
        }
        self.tables.push((table, rows, secs));
    }
}

/// Whether the scale organisation is there already (units marked with [`KODE_PREFIX`]).
///
/// # Errors
/// On a database failure.
pub async fn exists(db: &DatabaseConnection) -> AppResult<bool> {
    Ok(units::Entity::find()
        .filter(units::Column::Kode.like(format!("{KODE_PREFIX}%")))
        .one(db)
        .await?
        .is_some())
}

/// Generates and writes the scale organisation (see the module documentation). Requires the
/// demo (`seed-demo`) with its current period; refuses when it has run already.
///
/// # Errors
/// `Validation`-like errors as `Unexpected` when the demo is missing or the data exists; a
/// database failure.
pub async fn seed_scale(
    db: &DatabaseConnection,
    options: Options,
    password: &str,
    quiet: bool,
) -> AppResult<Laporan> {
    let fail = |m: &str| AppError::Unexpected(anyhow::anyhow!("{m}"));
    if exists(db).await? {
        return Err(fail(
            "the scale organisation exists already (use a fresh database)",
        ));
    }
    let inst = instansi::Entity::find()
        .filter(instansi::Column::Nama.eq(INSTANSI))
        .one(db)
        .await?
        .ok_or_else(|| fail("the demo instansi is missing: run `kinerja seed-demo` first"))?;
    let today = crate::clock::today();
    let period = periods::Entity::find()
        .filter(periods::Column::InstansiId.eq(inst.id))
        .filter(periods::Column::Tahun.eq(today.year()))
        .one(db)
        .await?
        .ok_or_else(|| fail("the demo period is missing: run `kinerja seed-demo` first"))?;
    let pemda = units::Entity::find()
        .filter(units::Column::InstansiId.eq(inst.id))
        .filter(units::Column::Kind.eq(UnitKind::Pemda.as_str()))
        .one(db)
        .await?
        .ok_or_else(|| fail("the demo's pemda unit is missing"))?;
    let setda = units::Entity::find()
        .filter(units::Column::InstansiId.eq(inst.id))
        .filter(units::Column::Kind.eq(UnitKind::SekretariatDaerah.as_str()))
        .one(db)
        .await?
        .ok_or_else(|| fail("the demo's sekretariat daerah is missing"))?;
    let sekda_pos = positions::Entity::find()
        .filter(positions::Column::UnitId.eq(setda.id))
        .filter(positions::Column::KepalaUnit.eq(true))
        .one(db)
        .await?
        .ok_or_else(|| fail("the demo's Sekretaris Daerah position is missing"))?;
    let sekda = employees::Entity::find()
        .filter(employees::Column::JabatanId.eq(sekda_pos.id))
        .one(db)
        .await?
        .ok_or_else(|| fail("the demo's Sekretaris Daerah is missing"))?;
    let pangkat: HashMap<String, String> = ref_golongan::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.kode, g.pangkat))
        .collect();
    let nilai: Vec<String> = ref_berakhlak::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|v| v.kode)
        .collect();

    let now = Utc::now();
    let mut g = Gen {
        instansi: inst.id,
        seed: options.seed,
        budget: options.employees,
        now,
        tmt: NaiveDate::from_ymd_opt(today.year() - 2, 1, 2).unwrap_or(NaiveDate::MIN),
        units: Vec::new(),
        positions: Vec::new(),
        emps: Vec::with_capacity(options.employees + 1),
        unit_names: HashMap::new(),
    };
    g.emps.push(Emp {
        id: sekda.id,
        position: sekda_pos.id,
        unit: setda.id,
        jabatan: sekda_pos.nama.clone(),
        unit_nama: setda.nama.clone(),
        jenjang: Jenjang::JptPratama,
        nama: sekda.nama.clone(),
        gelar_belakang: None,
        nip: sekda.nip.clone(),
        golongan: "IV/c",
        male: sekda.jenis_kelamin == "L",
        birth: sekda.tanggal_lahir,
        ppkin: None,
        pimpinan: true,
        user_id: None,
        skp: Uuid::nil(),
        rhk0: Uuid::nil(),
    });
    // Three OPD to one kecamatan until the employees run out.
    let (mut opd, mut kec) = (0, 0);
    while !g.full() {
        if (opd + kec) % 4 == 3 {
            g.kecamatan(pemda.id, kec);
            kec += 1;
        } else {
            g.opd(pemda.id, opd);
            opd += 1;
        }
    }
    // `full()` lets the budget be reached exactly: the last post made takes the last place.
    let created = g.emps.len() - 1;

    // The benchmark's people: the first kasi of a bidang with staff, one of them, the first
    // kepala OPD.
    let kepala_i = 1;
    let ppkin_i = g
        .emps
        .iter()
        .position(|e| e.jenjang == Jenjang::Pengawas)
        .ok_or_else(|| fail("too few employees for a seksi (use --employees 30 or more)"))?;
    let pegawai_i = g
        .emps
        .iter()
        .position(|e| e.ppkin == Some(ppkin_i))
        .ok_or_else(|| fail("too few employees for a seksi (use --employees 30 or more)"))?;

    let mut t = Timer {
        tables: Vec::new(),
        quiet,
    };
    if !quiet {
        println!(
            "generating {created} employees in {} units ({opd} OPD, {kec} kecamatan)",
            g.units.len()
        );
    }

    // Accounts: one Argon2 hash for all three.
    let started = Instant::now();
    let hash = crate::auth::password::hash(password.to_owned()).await?;
    let mut akun_rows = Vec::new();
    let mut role_rows = Vec::new();
    for (username, i, pimpinan) in [
        (AKUN_PPKIN, ppkin_i, false),
        (AKUN_PEGAWAI, pegawai_i, false),
        (AKUN_KEPALA, kepala_i, true),
    ] {
        let id = Uuid::now_v7();
        g.emps[i].user_id = Some(id);
        let e = &g.emps[i];
        akun_rows.push(users::ActiveModel {
            id: Set(id),
            username: Set(username.to_owned()),
            email: Set(None),
            full_name: Set(full_name(None, &e.nama, e.gelar_belakang)),
            password_hash: Set(hash.clone()),
            active: Set(true),
            password_changed_at: Set(now),
            last_login_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            lock_version: Set(1),
            harus_ganti_password: Set(false),
        });
        role_rows.push(user_roles::ActiveModel {
            user_id: Set(id),
            role: Set(kinerja_api::auth::Role::Pegawai.as_str().to_owned()),
        });
        if pimpinan {
            role_rows.push(user_roles::ActiveModel {
                user_id: Set(id),
                role: Set(kinerja_api::auth::Role::Pimpinan.as_str().to_owned()),
            });
        }
    }
    let n = write(db, 12, akun_rows).await?;
    write(db, 2, role_rows).await?;
    t.done("users", n, started);

    let started = Instant::now();
    let n = write(db, 13, std::mem::take(&mut g.units)).await?;
    t.done("units", n, started);
    let started = Instant::now();
    let n = write(db, 12, std::mem::take(&mut g.positions)).await?;
    t.done("positions", n, started);

    let emps = &g.emps;
    let tmt = g.tmt;
    let started = Instant::now();
    let n = write(
        db,
        25,
        emps.iter().skip(1).map(|e| employees::ActiveModel {
            id: Set(e.id),
            instansi_id: Set(inst.id),
            nip: Set(e.nip.clone()),
            nip_lama: Set(None),
            nama: Set(e.nama.clone()),
            gelar_depan: Set(None),
            gelar_belakang: Set(e.gelar_belakang.map(str::to_owned)),
            tempat_lahir: Set(Some("Serang".to_owned())),
            tanggal_lahir: Set(e.birth),
            jenis_kelamin: Set(if e.male { "L" } else { "P" }.to_owned()),
            jenis_pegawai: Set(JenisPegawai::Pns.as_str().to_owned()),
            golongan: Set(Some(e.golongan.to_owned())),
            tmt_golongan: Set(NaiveDate::from_ymd_opt(2022, 4, 1)),
            jabatan_id: Set(Some(e.position)),
            unit_id: Set(Some(e.unit)),
            tmt_jabatan: Set(Some(tmt)),
            status: Set(StatusPegawai::Aktif.as_str().to_owned()),
            email: Set(None),
            telepon: Set(None),
            user_id: Set(e.user_id),
            created_at: Set(now),
            updated_at: Set(now),
            lock_version: Set(1),
        }),
    )
    .await?;
    t.done("employees", n, started);

    let started = Instant::now();
    let n = write(
        db,
        9,
        emps.iter().skip(1).map(|e| assignments::ActiveModel {
            id: Set(Uuid::now_v7()),
            employee_id: Set(e.id),
            jabatan_id: Set(e.position),
            unit_id: Set(e.unit),
            jenis: Set(JenisPenugasan::Definitif.as_str().to_owned()),
            mulai: Set(tmt),
            selesai: Set(None),
            keterangan: Set(None),
            created_at: Set(now),
        }),
    )
    .await?;
    t.done("assignments", n, started);

    // SKPs, approved at the end of January by the PPKin.
    let year = period.tahun;
    let diajukan = NaiveDate::from_ymd_opt(year, 1, 20)
        .unwrap_or(period.mulai)
        .and_hms_opt(9, 0, 0)
        .unwrap_or_default()
        .and_utc();
    let disetujui = diajukan + Duration::days(3);
    let lampiran = json!(Lampiran {
        dukungan_sumber_daya: vec!["Komputer, printer, dan jaringan internet kantor".into()],
        skema_pertanggungjawaban: vec!["Laporan bulanan kepada pejabat penilai kinerja".into()],
        konsekuensi: vec![
            "Bila target tidak tercapai, dilakukan percepatan pada bulan berikutnya".into()
        ],
    });
    let started = Instant::now();
    let n = write(
        db,
        22,
        emps.iter().skip(1).map(|e| {
            let ppkin = e.ppkin.map(|p| &emps[p]);
            let atasan = ppkin.and_then(|p| p.ppkin).map(|a| &emps[a]);
            skps::ActiveModel {
                id: Set(e.skp),
                period_id: Set(period.id),
                employee_id: Set(e.id),
                versi: Set(1),
                lock_version: Set(4),
                status: Set(StatusSkp::Disetujui.as_str().to_owned()),
                pendekatan: Set(Pendekatan::Kuantitatif.as_str().to_owned()),
                jenis: Set(if e.pimpinan {
                    JenisSkp::JptPimpinan
                } else {
                    JenisSkp::JaJf
                }
                .as_str()
                .to_owned()),
                ppkin_employee_id: Set(ppkin.map(|p| p.id)),
                atasan_ppkin_employee_id: Set(atasan.map(|a| a.id)),
                snapshot: Set(json!({
                    "pegawai": snapshot_person(e, &pangkat),
                    "ppkin": ppkin.map(|p| snapshot_person(p, &pangkat)),
                    "atasan_ppkin": atasan.map(|a| snapshot_person(a, &pangkat)),
                })),
                lampiran: Set(lampiran.clone()),
                catatan_pengembalian: Set(None),
                diajukan_at: Set(Some(diajukan)),
                disetujui_at: Set(Some(disetujui)),
                disetujui_oleh: Set(ppkin.map(|p| p.id)),
                previous_id: Set(None),
                berlaku_dari_ke: Set(Some(1)),
                alasan_perubahan: Set(None),
                created_at: Set(diajukan - Duration::days(5)),
                updated_at: Set(disetujui),
            }
        }),
    )
    .await?;
    t.done("skps", n, started);

    let started = Instant::now();
    let n = write(
        db,
        3,
        emps.iter().skip(1).flat_map(|e| {
            nilai.iter().map(|kode| skp_perilaku::ActiveModel {
                skp_id: Set(e.skp),
                nilai_kode: Set(kode.clone()),
                ekspektasi_khusus: Set((kode == "berorientasi_pelayanan").then(|| {
                    "Menanggapi permintaan layanan paling lambat satu hari kerja".to_owned()
                })),
            })
        }),
    )
    .await?;
    t.done("skp_perilaku", n, started);

    // RHK: 3–5 per SKP, the first intervening the PPKin's first RHK; one IKI each.
    struct Iki {
        id: Uuid,
        emp: usize,
        n: usize,
        target: f64,
        persen: bool,
    }
    let rhk_count = |i: usize| 3 + (mix(options.seed ^ 0x5EED, i as u64) % 3) as usize;
    let mut ikis: Vec<Iki> = Vec::with_capacity(created * 4);
    let started = Instant::now();
    let rhk_ids: Vec<Vec<Uuid>> = emps
        .iter()
        .enumerate()
        .map(|(i, e)| {
            if i == 0 {
                return Vec::new();
            }
            let mut ids = vec![e.rhk0];
            ids.extend((1..rhk_count(i)).map(|_| Uuid::now_v7()));
            ids
        })
        .collect();
    const RHK: [&str; 5] = [
        "Terlaksananya tugas {} secara akuntabel dan tepat waktu",
        "Tersusunnya laporan pelaksanaan tugas {} yang berkualitas",
        "Meningkatnya kualitas layanan {} kepada pemangku kepentingan",
        "Terkelolanya data dan dokumen {} secara tertib",
        "Terlaksananya koordinasi dan tugas tambahan {}",
    ];
    let n = write(
        db,
        8,
        emps.iter().enumerate().skip(1).flat_map(|(i, e)| {
            let superior_rhk = e.ppkin.filter(|p| *p != 0).map(|p| emps[p].rhk0);
            let ids = &rhk_ids[i];
            let last = ids.len() - 1;
            ids.iter()
                .enumerate()
                .map(move |(r, id)| skp_rhk::ActiveModel {
                    id: Set(*id),
                    skp_id: Set(e.skp),
                    jenis: Set(if r == 4 && r == last {
                        JenisRhk::Tambahan
                    } else {
                        JenisRhk::Utama
                    }
                    .as_str()
                    .to_owned()),
                    deskripsi: Set(RHK[r].replace("{}", &e.jabatan)),
                    urutan: Set(r as i32 + 1),
                    penugasan_dari: Set(None),
                    intervensi_rhk_id: Set(superior_rhk),
                    asal_rhk_id: Set(None),
                })
        }),
    )
    .await?;
    t.done("skp_rhk", n, started);

    let started = Instant::now();
    const IKI: [(Aspek, &str, f64, &str); 5] = [
        (
            Aspek::Kuantitas,
            "Jumlah laporan hasil kerja yang diselesaikan",
            12.0,
            "laporan",
        ),
        (
            Aspek::Kualitas,
            "Persentase hasil kerja yang diterima tanpa revisi",
            90.0,
            "persen",
        ),
        (
            Aspek::Waktu,
            "Laporan diselesaikan tepat waktu setiap bulan",
            12.0,
            "bulan",
        ),
        (
            Aspek::Kuantitas,
            "Jumlah layanan yang diselesaikan",
            240.0,
            "layanan",
        ),
        (
            Aspek::Kualitas,
            "Persentase dokumen yang tertib dan lengkap",
            95.0,
            "persen",
        ),
    ];
    let mut iki_rows = Vec::with_capacity(created * 4);
    for (i, e) in emps.iter().enumerate().skip(1) {
        let perspektif = e
            .pimpinan
            .then(|| Perspektif::PenerimaLayanan.as_str().to_owned());
        for (r, rhk) in rhk_ids[i].iter().enumerate() {
            let (aspek, indikator, target, satuan) = IKI[r];
            let id = Uuid::now_v7();
            ikis.push(Iki {
                id,
                emp: i,
                n: r,
                target,
                persen: satuan == "persen",
            });
            iki_rows.push(skp_iki::ActiveModel {
                id: Set(id),
                rhk_id: Set(*rhk),
                urutan: Set(1),
                aspek: Set(Some(aspek.as_str().to_owned())),
                indikator: Set(indikator.to_owned()),
                target_nilai: Set(Some(target)),
                target_satuan: Set(Some(satuan.to_owned())),
                target_naratif: Set(None),
                arah: Set(Arah::Naik.as_str().to_owned()),
                perspektif: Set(perspektif.clone()),
                asal_iki_id: Set(None),
                jenis_target: Set(None),
                tenggat: Set(None),
            });
        }
    }
    let n = write(db, 13, iki_rows).await?;
    t.done("skp_iki", n, started);

    // Realisasi of every past month (as the demo's: around the month's target).
    let last = crate::planning::versi::periode_ke_of(&period, today) - 1;
    let started = Instant::now();
    let n = write(
        db,
        10,
        ikis.iter().flat_map(|iki| {
            let skp = emps[iki.emp].skp;
            let kinerja = match skp.as_u128() % 7 {
                0 => 0.72,
                1 => 1.28,
                _ => 1.0,
            };
            (1..=last).map(move |k| {
                let spread = ((skp.as_u128() as usize + iki.n * 7 + k as usize * 3) % 9) as f64;
                let factor = (0.92 + spread * 0.02) * kinerja;
                let nilai = if iki.persen {
                    (iki.target * factor).min(100.0)
                } else {
                    iki.target / 12.0 * factor
                };
                realisasi::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    iki_id: Set(iki.id),
                    periode_ke: Set(k),
                    nilai: Set(Some((nilai * 100.0).round() / 100.0)),
                    naratif: Set(None),
                    dasar: Set(Some("Laporan bulanan".to_owned())),
                    sumber: Set("pegawai".to_owned()),
                    client_id: Set(None),
                    updated_by: Set(None),
                    updated_at: Set(now),
                }
            })
        }),
    )
    .await?;
    t.done("realisasi", n, started);
    drop(ikis);

    // Evaluations set for the two months before last, each by the PPKin.
    let months: Vec<i32> = (last - 2..last).filter(|k| *k >= 1).collect();
    let ratings =
        |i: usize, k: i32| match mix(options.seed ^ 0xE7A1, ((i as u64) << 4) | k as u64) % 10 {
            0 => (Rating::DiAtas, Rating::DiAtas, Predikat::SangatBaik),
            1 => (Rating::DiAtas, Rating::Sesuai, Predikat::Baik),
            2 => (Rating::Sesuai, Rating::DiAtas, Predikat::Baik),
            _ => (Rating::Sesuai, Rating::Sesuai, Predikat::Baik),
        };
    let evaluated: Vec<(usize, i32, Uuid, DateTime<Utc>)> = emps
        .iter()
        .enumerate()
        .skip(1)
        .flat_map(|(i, _)| {
            months.iter().map(move |k| {
                let day = NaiveDate::from_ymd_opt(year, (*k + 1).clamp(1, 12) as u32, 5)
                    .unwrap_or(period.mulai)
                    .and_hms_opt(10, 0, 0)
                    .unwrap_or_default()
                    .and_utc();
                (i, *k, Uuid::now_v7(), day)
            })
        })
        .collect();
    let started = Instant::now();
    let catatan = "Dinilai dari realisasi dan bukti dukung bulan ini.";
    let n = write(
        db,
        18,
        evaluated.iter().map(|(i, k, id, at)| {
            let e = &emps[*i];
            let (hasil, perilaku, predikat) = ratings(*i, *k);
            evaluations::ActiveModel {
                id: Set(*id),
                skp_id: Set(e.skp),
                periode_ke: Set(*k),
                rating_hasil: Set(Some(hasil.as_str().to_owned())),
                rating_perilaku: Set(Some(perilaku.as_str().to_owned())),
                predikat: Set(Some(predikat.as_str().to_owned())),
                catatan_hasil: Set(Some(catatan.to_owned())),
                catatan_perilaku: Set(None),
                rekomendasi: Set(None),
                hasil_dari_organisasi: Set(false),
                status: Set(StatusEvaluasi::Ditetapkan.as_str().to_owned()),
                versi: Set(1),
                unit_id: Set(e.unit),
                penilai_employee_id: Set(e.ppkin.map(|p| emps[p].id)),
                ditetapkan_at: Set(Some(*at)),
                batas_keberatan: Set(Some(
                    at.date_naive() + Duration::days(i64::from(period.jendela_keberatan_hari)),
                )),
                created_at: Set(*at - Duration::days(1)),
                updated_at: Set(*at),
            }
        }),
    )
    .await?;
    t.done("evaluations", n, started);
    let started = Instant::now();
    let n = write(
        db,
        8,
        evaluated.iter().map(|(i, k, id, at)| {
            let (hasil, perilaku, predikat) = ratings(*i, *k);
            evaluation_versions::ActiveModel {
                id: Set(Uuid::now_v7()),
                evaluation_id: Set(*id),
                versi: Set(1),
                sumber: Set("penetapan".to_owned()),
                data: Set(json!({
                    "rating_hasil": hasil.as_str(),
                    "rating_perilaku": perilaku.as_str(),
                    "predikat": predikat.as_str(),
                    "catatan_hasil": catatan,
                    "catatan_perilaku": null,
                    "rekomendasi": null,
                })),
                alasan: Set(None),
                actor_user_id: Set(emps[*i]
                    .ppkin
                    .and_then(|p| emps[p].user_id)
                    .unwrap_or(Uuid::nil())),
                created_at: Set(*at),
            }
        }),
    )
    .await?;
    t.done("evaluation_versions", n, started);

    let started = Instant::now();
    let (survei_id, survei_kode) = survei::seed(
        db,
        (inst.id, emps[kepala_i].unit, period.id),
        options.seed,
        now,
    )
    .await?;
    t.done("survei_respons", survei::RESPONS, started);

    let started = Instant::now();
    let ids: Vec<Uuid> = emps.iter().skip(1).map(|e| e.id).collect();
    let n = pengembangan::seed(db, inst.id, &ids, (options.seed, today, now)).await?;
    t.done("catatan_pengembangan", n, started);

    if db.get_database_backend() == DbBackend::Postgres {
        let started = Instant::now();
        // As autovacuum would leave a live database: statistics, and the visibility map that
        // lets counts use index-only scans.
        db.execute_unprepared("VACUUM ANALYZE").await?;
        t.done("(analyze)", 0, started);
    }

    let akun = |username: &str, i: usize| Akun {
        username: username.to_owned(),
        user_id: emps[i].user_id.unwrap_or(Uuid::nil()),
        employee_id: emps[i].id,
        skp_id: emps[i].skp,
        unit_id: emps[i].unit,
    };
    Ok(Laporan {
        tables: t.tables,
        ppkin: akun(AKUN_PPKIN, ppkin_i),
        pegawai: akun(AKUN_PEGAWAI, pegawai_i),
        kepala: akun(AKUN_KEPALA, kepala_i),
        period_id: period.id,
        last_periode_ke: last,
        survei: (survei_id, survei_kode),
    })
}
