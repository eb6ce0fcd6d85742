//! A worker's kept PostgreSQL connections (src/bacaan.rs): a request hands its connection back
//! without a round trip and the next one reads on it; one left mid-statement or after an error
//! is closed, never handed to the next request; a worker opens no more than its share.

use std::time::Duration;

use kinerja::bacaan::{Bacaan, Simpanan};
use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};

use crate::helpers::{postgres_enabled, postgres_url};

async fn pid(b: &Bacaan) -> i32 {
    b.query_one_raw(Statement::from_string(
        DbBackend::Postgres,
        "SELECT pg_backend_pid() AS pid",
    ))
    .await
    .expect("query")
    .expect("a row")
    .try_get::<i32>("", "pid")
    .expect("pid")
}

#[tokio::test]
async fn kept_connections_are_reused_and_a_cancelled_or_failed_one_is_closed() {
    if !postgres_enabled() {
        return;
    }
    let db = Database::connect(postgres_url().expect("url"))
        .await
        .expect("connect");
    let simpanan = Simpanan::new(&db, 2).expect("kept connections on PostgreSQL");
    let statements = kinerja::database::statements_run();

    // Handed back after the request: the next one reads on the same connection.
    let first = pid(&simpanan.pinjam().await.expect("borrow")).await;
    let again = pid(&simpanan.pinjam().await.expect("borrow")).await;
    assert_eq!(first, again, "the kept connection is reused");
    assert!(
        kinerja::database::statements_run() >= statements + 2,
        "counted on /metrics"
    );

    // Two requests at once read on two connections; a third waits for one of them.
    let a = simpanan.pinjam().await.expect("borrow");
    let b = simpanan.pinjam().await.expect("borrow");
    let (pa, pb) = (pid(&a).await, pid(&b).await);
    assert_ne!(pa, pb);
    assert!(
        tokio::time::timeout(Duration::from_millis(200), simpanan.pinjam())
            .await
            .is_err(),
        "a worker opens no more than its share"
    );
    drop(a);
    let c = tokio::time::timeout(Duration::from_secs(2), simpanan.pinjam())
        .await
        .expect("a connection handed back is taken by the one waiting")
        .expect("borrow");
    assert_eq!(pid(&c).await, pa);

    // A request cancelled while PostgreSQL still answers: its connection is closed.
    let cancelled = pid(&c).await;
    let slow = c.query_one_raw(Statement::from_string(
        DbBackend::Postgres,
        "SELECT pg_sleep(1)",
    ));
    assert!(
        tokio::time::timeout(Duration::from_millis(100), slow)
            .await
            .is_err()
    );
    drop(c);

    // A statement that fails: its connection is closed too.
    let failed = pid(&b).await;
    let err = b
        .query_one_raw(Statement::from_string(DbBackend::Postgres, "SELECT 1/0"))
        .await;
    assert!(err.is_err(), "division by zero fails");
    // The request may go on reading on it; it is still not handed on afterwards.
    assert_eq!(pid(&b).await, failed);
    drop(b);

    let x = simpanan.pinjam().await.expect("borrow");
    let y = simpanan.pinjam().await.expect("borrow");
    for p in [pid(&x).await, pid(&y).await] {
        assert_ne!(
            p, cancelled,
            "a connection left mid-statement is not handed on"
        );
        assert_ne!(p, failed, "a connection after an error is not handed on");
    }
    // And the new ones answer their own statements.
    let two = x
        .query_one_raw(Statement::from_string(DbBackend::Postgres, "SELECT 2 AS n"))
        .await
        .expect("query")
        .expect("row")
        .try_get::<i32>("", "n")
        .expect("n");
    assert_eq!(two, 2);
}
