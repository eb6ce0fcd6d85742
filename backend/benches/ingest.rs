//! Ingest throughput: one batch of 1 000 indicator values pushed by another system.
//!
//! The target (issue 6): a 1 000-item batch accepted in under one second on PostgreSQL. The
//! demo organisation with this year's approved SKPs is seeded, the first IKI of every SKP is
//! bound to a data key, and 1 000 daily values (ten days for each of about a hundred
//! employees) are sent through the same service the HTTP handler calls; then a second batch
//! (new key, same days: every value replaced and re-aggregated) and a replay.
//! Run with `make bench`. PostgreSQL comes from `KINERJA_BENCH_POSTGRES_URL` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`, a maintenance database in which a scratch
//! database is created and dropped); SQLite runs too, in a temp file.

#![expect(clippy::expect_used, reason = "a benchmark stops at the first failure")]

mod support;

use std::time::Instant;

use chrono::{Datelike, NaiveDate, Utc};
use kinerja::entities::{employees, iki_data_keys, skp_iki, skp_rhk, skps, units};
use kinerja::extract::RequestMeta;
use kinerja::integrations::client_auth::ApiClientAuth;
use kinerja::integrations::ingest;
use kinerja_api::integrations::{IngestItem, IngestRequest, Scope};
use kinerja_migration::{Migrator, MigratorTrait};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

const ITEMS: usize = 1_000;
const KEY: &str = "bench.nilai_harian";

/// Seeds the demo and binds one IKI per approved SKP; returns the client and the NIPs.
async fn prepare(db: &DatabaseConnection) -> (ApiClientAuth, Vec<String>) {
    Migrator::up(db, None).await.expect("migrate");
    kinerja::demo::seed_organisation(db).await.expect("seed");
    kinerja::demo::seed_planning(db).await.expect("plan");
    let root = units::Entity::find()
        .filter(units::Column::ParentId.is_null())
        .one(db)
        .await
        .expect("query")
        .expect("root unit");
    let mut nips = Vec::new();
    let mut bindings = Vec::new();
    for skp in skps::Entity::find()
        .filter(skps::Column::Status.eq("disetujui"))
        .all(db)
        .await
        .expect("skps")
    {
        let rhk = skp_rhk::Entity::find()
            .filter(skp_rhk::Column::SkpId.eq(skp.id))
            .one(db)
            .await
            .expect("rhk")
            .expect("an RHK");
        let iki = skp_iki::Entity::find()
            .filter(skp_iki::Column::RhkId.eq(rhk.id))
            .order_by_asc(skp_iki::Column::Urutan)
            .one(db)
            .await
            .expect("iki")
            .expect("an IKI");
        bindings.push(iki_data_keys::ActiveModel {
            iki_id: Set(iki.id),
            data_key: Set(KEY.to_owned()),
            agregasi: Set("sum".to_owned()),
            updated_at: Set(Utc::now()),
        });
        let e = employees::Entity::find_by_id(skp.employee_id)
            .one(db)
            .await
            .expect("employee")
            .expect("the owner");
        nips.push(e.nip);
    }
    // The demo's own binding (the puskesmas nurse) gives way to the benchmark's key.
    iki_data_keys::Entity::delete_many()
        .exec(db)
        .await
        .expect("clear bindings");
    iki_data_keys::Entity::insert_many(bindings)
        .exec(db)
        .await
        .expect("bindings");
    let client = kinerja::integrations::clients::create(
        db,
        Uuid::now_v7(),
        kinerja_api::integrations::CreateApiClient {
            nama: "Beban Uji".into(),
            unit_id: root.id,
            scopes: vec![Scope::RealisasiWrite],
        },
        &RequestMeta::default(),
    )
    .await
    .expect("client");
    let auth = ApiClientAuth {
        id: client.client.id,
        nama: client.client.nama,
        unit_id: root.id,
        scopes: vec![Scope::RealisasiWrite],
    };
    (auth, nips)
}

fn batch(nips: &[String], offset: f64) -> IngestRequest {
    let today = kinerja::clock::today();
    let days = ITEMS.div_ceil(nips.len());
    IngestRequest {
        items: (0..ITEMS)
            .map(|i| IngestItem {
                data_key: KEY.to_owned(),
                nip: Some(nips[i % nips.len()].clone()),
                unit_id: None,
                tanggal: NaiveDate::from_ymd_opt(
                    today.year(),
                    today.month(),
                    1 + ((i / nips.len()) % days) as u32,
                ),
                tahun: None,
                periode_ke: None,
                nilai: offset + (i % 7) as f64,
            })
            .collect(),
    }
}

async fn run(label: &str, db: DatabaseConnection) {
    let (client, nips) = prepare(&db).await;
    let meta = RequestMeta::default();
    let mut times = Vec::new();
    for (key, offset) in [("batch-1", 0.0), ("batch-2", 1.0), ("batch-1", 0.0)] {
        let req = batch(&nips, offset);
        let start = Instant::now();
        let result = ingest::ingest(&db, &client, key, req, &meta)
            .await
            .expect("ingest");
        times.push(start.elapsed().as_secs_f64());
        assert_eq!(result.diterima, ITEMS, "{:?}", result.items.first());
    }
    let worst = times[0].max(times[1]);
    let verdict = if worst < 1.0 {
        "ok (< 1 s)"
    } else {
        "TOO SLOW (target < 1 s)"
    };
    println!(
        "{label:<10} {ITEMS} items for {} employees  first {:.3} s   replaced {:.3} s   replay {:.3} s   {verdict}",
        nips.len(),
        times[0],
        times[1],
        times[2]
    );
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        support::on_both_databases(run).await;
    });
}
