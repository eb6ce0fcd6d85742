//! Reads from a replica (`KINERJA_DATABASE_READ_URL`, docs/replicas.md). The test harness has
//! no streaming replica (the scale test runs one): a second database with different content
//! stands in for it, which shows where each read was served from.

use kinerja_api::Page;
use kinerja_api::audit::AuditEvent;
use kinerja_api::auth::Role;
use kinerja_migration::{Migrator, MigratorTrait};
use sea_orm::TransactionTrait;

use crate::helpers::*;

async fn marker_count(app: &TestApp, token: &str, lsn: Option<&str>) -> (u64, Option<String>) {
    let mut req = app
        .client
        .get(app.url("/api/v1/audit?action=dari.replika"))
        .bearer_auth(token);
    if let Some(lsn) = lsn {
        req = req.header("x-kinerja-lsn", lsn);
    }
    let resp = req.send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let from = resp
        .headers()
        .get("x-kinerja-dibaca")
        .map(|v| v.to_str().unwrap().to_owned());
    let page: Page<AuditEvent> = resp.json().await.unwrap();
    (page.total, from)
}

async fn heavy_reads_go_to_the_replica_unless_it_lacks_the_clients_last_write(db: Db) {
    if db == Db::Sqlite {
        // SQLite is one file on one machine: there is no replica to read from.
        let refused = kinerja::config::Settings::from_map(
            &[
                ("KINERJA_DATABASE_URL", "sqlite://./x.db"),
                ("KINERJA_DATABASE_READ_URL", "postgres://h/db"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
        );
        assert!(refused.is_err());
        let app = spawn_app(db).await;
        let (_, token) = app.signed_in("aud.uji", &[Role::Auditor]).await;
        assert_eq!(marker_count(&app, &token, None).await, (0, None));
        return;
    }
    // The stand-in replica holds an event the primary does not.
    let replica = TestDatabase::create(db).await;
    let conn = sea_orm::Database::connect(&replica.url).await.unwrap();
    Migrator::up(&conn, None).await.unwrap();
    let txn = conn.begin().await.unwrap();
    kinerja::audit::service::record(
        &txn,
        kinerja::audit::service::AuditEntry::new("dari.replika", "instansi"),
        &kinerja::extract::RequestMeta::default(),
    )
    .await
    .unwrap();
    txn.commit().await.unwrap();
    conn.close().await.unwrap();
    let app = spawn_app_with(db, |env| {
        env.insert("KINERJA_DATABASE_READ_URL".into(), replica.url.clone());
    })
    .await;
    let (_, token) = app.signed_in("aud.uji", &[Role::Auditor]).await;

    // A read with no write of this client behind it is served by the replica.
    assert_eq!(
        marker_count(&app, &token, None).await,
        (1, Some("replika".into()))
    );
    // A write hands the client the primary's WAL position, as a cookie and a header.
    let resp = app
        .client
        .post(app.url("/api/v1/notifications/read-all"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
    let lsn = resp.headers()["x-kinerja-lsn"].to_str().unwrap().to_owned();
    let cookie = resp
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("kinerja_lsn="))
        .expect("the WAL position cookie");
    assert!(
        cookie.contains(&lsn) && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    // With it, the replica serves only once it has replayed that far; this stand-in replays
    // nothing, so the read falls back to the primary (which has no such event).
    assert_eq!(
        marker_count(&app, &token, Some(&lsn)).await,
        (0, Some("primer".into()))
    );
    let with_cookie = app
        .client
        .get(app.url("/api/v1/audit?action=dari.replika"))
        .bearer_auth(&token)
        .header("cookie", format!("kinerja_lsn={lsn}"))
        .send()
        .await
        .unwrap();
    assert_eq!(with_cookie.headers()["x-kinerja-dibaca"], "primer");
    // A malformed position is ignored, not passed to the database.
    assert_eq!(
        marker_count(&app, &token, Some("0/0'; DROP TABLE users; --"))
            .await
            .1
            .as_deref(),
        Some("replika")
    );
    // A replica that cannot be reached: reads go to the primary.
    let down = spawn_app_with(db, |env| {
        env.insert(
            "KINERJA_DATABASE_READ_URL".into(),
            "postgres://postgres@127.0.0.1:1/tidak_ada".into(),
        );
    })
    .await;
    let (_, token) = down.signed_in("aud.uji", &[Role::Auditor]).await;
    assert_eq!(
        marker_count(&down, &token, None).await,
        (0, Some("primer".into()))
    );
    // Without the setting everything reads the primary, and says nothing about it.
    let plain = spawn_app(db).await;
    let (_, token) = plain.signed_in("aud.uji", &[Role::Auditor]).await;
    assert_eq!(marker_count(&plain, &token, None).await, (0, None));
}
db_test!(heavy_reads_go_to_the_replica_unless_it_lacks_the_clients_last_write);
