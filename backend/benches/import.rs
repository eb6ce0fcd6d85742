//! Import throughput: 10 000 employees from one XLSX file (dry run, then commit).
//!
//! The target (issue 4): 10 000 rows imported in under 10 seconds on PostgreSQL.
//! Run with `make bench`. PostgreSQL comes from `KINERJA_BENCH_POSTGRES_URL` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`, a maintenance database in which a scratch
//! database is created and dropped); SQLite runs too, in a temp file.

#![expect(clippy::expect_used, reason = "a benchmark stops at the first failure")]

mod support;

use std::time::Instant;

use chrono::Utc;
use kinerja::employees::import::{self, COLUMNS};
use kinerja::entities::{positions, units};
use kinerja::extract::RequestMeta;
use kinerja::spreadsheet;
use kinerja_api::employees::ImportMode;
use kinerja_migration::{Migrator, MigratorTrait};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

const ROWS: usize = 10_000;
const WITH_POSITION: usize = 1_000;

fn rows() -> Vec<Vec<String>> {
    (0..ROWS)
        .map(|i| {
            let year = 1970 + (i % 30);
            let month = 1 + (i / 30) % 12;
            let day = 1 + (i / 360) % 28;
            let gender = if i % 2 == 0 { ("1", "L") } else { ("2", "P") };
            let nip = format!(
                "{year:04}{month:02}{day:02}{:04}{:02}{}{:03}",
                year + 23,
                1 + i % 12,
                gender.0,
                900 + i % 99
            );
            COLUMNS
                .iter()
                .map(|(key, _)| match *key {
                    "nip" => nip.clone(),
                    "nama" => format!("Pegawai Uji {i}"),
                    "tanggal_lahir" => format!("{year:04}-{month:02}-{day:02}"),
                    "jenis_kelamin" => gender.1.to_owned(),
                    "jenis_pegawai" => "PNS".to_owned(),
                    "golongan" => "II/c".to_owned(),
                    "unit" if i < WITH_POSITION => "Unit Uji Beban".to_owned(),
                    "jabatan" if i < WITH_POSITION => format!("Pelaksana Uji {i}"),
                    _ => String::new(),
                })
                .collect()
        })
        .collect()
}

async fn prepare(db: &DatabaseConnection) -> Uuid {
    Migrator::up(db, None).await.expect("migrate");
    kinerja::demo::seed_organisation(db).await.expect("seed");
    let kec = units::Entity::find()
        .filter(units::Column::Nama.eq("Kecamatan Cipocok Jaya"))
        .one(db)
        .await
        .expect("query")
        .expect("kecamatan");
    let now = Utc::now();
    let unit = Uuid::now_v7();
    units::Entity::insert(units::ActiveModel {
        id: Set(unit),
        instansi_id: Set(kec.instansi_id),
        parent_id: Set(Some(kec.id)),
        kind: Set("lainnya".into()),
        nama: Set("Unit Uji Beban".into()),
        kode: Set(None),
        alamat: Set(None),
        aktif: Set(true),
        berlaku_mulai: Set(now.date_naive()),
        berlaku_sampai: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        lock_version: Set(1),
    })
    .exec(db)
    .await
    .expect("unit");
    let positions: Vec<positions::ActiveModel> = (0..WITH_POSITION)
        .map(|i| positions::ActiveModel {
            id: Set(Uuid::now_v7()),
            unit_id: Set(unit),
            nama: Set(format!("Pelaksana Uji {i}")),
            jenjang: Set("pelaksana".into()),
            kelompok: Set(None),
            atasan_id: Set(None),
            kepala_unit: Set(false),
            aktif: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
            lock_version: Set(1),
        })
        .collect();
    for chunk in positions.chunks(500) {
        positions::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .expect("positions");
    }
    kec.instansi_id
}

async fn run(label: &str, db: DatabaseConnection, file: &[u8]) {
    let instansi = prepare(&db).await;
    let meta = RequestMeta::default();
    let actor = Uuid::now_v7();
    let start = Instant::now();
    let dry = import::import(&db, actor, instansi, ImportMode::DryRun, file, &meta)
        .await
        .expect("dry run");
    let dry_secs = start.elapsed().as_secs_f64();
    assert!(
        dry.errors.is_empty(),
        "{:?}",
        &dry.errors[..dry.errors.len().min(3)]
    );
    let start = Instant::now();
    let commit = import::import(&db, actor, instansi, ImportMode::Commit, file, &meta)
        .await
        .expect("commit");
    let commit_secs = start.elapsed().as_secs_f64();
    assert!(commit.committed && commit.created == ROWS as u64);
    let verdict = if commit_secs < 10.0 {
        "ok (< 10 s)"
    } else {
        "TOO SLOW (target < 10 s)"
    };
    println!(
        "{label:<10} {ROWS} rows  dry run {dry_secs:6.2} s   commit {commit_secs:6.2} s   {verdict}"
    );
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let start = Instant::now();
        let file = spreadsheet::write("Pegawai", COLUMNS, &rows(), &[]).expect("xlsx");
        println!(
            "generated a {ROWS}-row XLSX ({} KiB) in {:.2} s",
            file.len() / 1024,
            start.elapsed().as_secs_f64()
        );

        let file = &file;
        support::on_both_databases(|label, db| run(label, db, file)).await;
    });
}
