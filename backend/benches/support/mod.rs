//! What every benchmark does around its measurement: a scratch PostgreSQL database (created in
//! `KINERJA_BENCH_POSTGRES_URL`, default the local server, and dropped afterwards) and a
//! temporary SQLite file, each handed to `run`.

use std::future::Future;

use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use uuid::Uuid;

/// Runs `run` on PostgreSQL (skipped with a note when the server is unreachable), then on
/// SQLite.
pub async fn on_both_databases<F, Fut>(run: F)
where
    F: Fn(&'static str, DatabaseConnection) -> Fut,
    Fut: Future<Output = ()>,
{
    let admin_url = std::env::var("KINERJA_BENCH_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    match Database::connect(&admin_url).await {
        Ok(admin) => {
            let name = format!("kinerja_bench_{}", Uuid::now_v7().simple());
            admin
                .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await
                .expect("create db");
            let base = admin_url
                .rsplit_once('/')
                .map_or(admin_url.as_str(), |(b, _)| b);
            let db = Database::connect(format!("{base}/{name}"))
                .await
                .expect("connect");
            run("postgres", db.clone()).await;
            db.close().await.ok();
            admin
                .execute_unprepared(&format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
                .await
                .ok();
        }
        Err(e) => println!("postgres   skipped: {e}"),
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let db = Database::connect(format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("bench.db").display()
    ))
    .await
    .expect("sqlite");
    run("sqlite", db).await;
}
