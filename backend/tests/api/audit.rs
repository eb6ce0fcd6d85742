use crate::helpers::*;
use kinerja_api::audit::{AuditEvent, AuditVerification};
use kinerja_api::auth::Role;
use kinerja_api::{ErrorCode, Page};
use sea_orm::{ConnectionTrait, DbBackend};

async fn events(app: &TestApp, token: &str, query: &str) -> Page<AuditEvent> {
    let resp = app
        .get(&format!("/api/v1/audit?{query}"), Some(token))
        .await;
    assert_eq!(resp.status(), 200);
    resp.json().await.unwrap()
}

async fn logins_are_audited_with_request_id_and_address(db: Db) {
    let app = spawn_app(db).await;
    let (admin, token) = app.signed_in("admin.uji", &[Role::Admin]).await;
    let resp = app.post_login("admin.uji", "salah-salah-salah").await;
    let request_id = resp.headers()["x-request-id"].to_str().unwrap().to_owned();

    let failed = events(&app, &token, "action=auth.login_failed").await;
    assert_eq!(failed.total, 1);
    let event = &failed.items[0];
    assert_eq!(event.actor_id, None);
    assert_eq!(event.after.as_ref().unwrap()["username"], "admin.uji");
    assert_eq!(event.request_id.as_deref(), Some(request_id.as_str()));
    assert_eq!(event.ip.as_deref(), Some("127.0.0.1"));

    let ok = events(&app, &token, "action=auth.login_succeeded").await;
    assert_eq!(ok.items[0].actor_id, Some(admin.id));
    assert_eq!(ok.items[0].entity_id, Some(admin.id.to_string()));
}
db_test!(logins_are_audited_with_request_id_and_address);

async fn role_changes_are_audited_with_before_after_and_reason(db: Db) {
    let app = spawn_app(db).await;
    let (admin, token) = app.signed_in("admin.uji", &[Role::Admin]).await;
    let target = app.create_user("pegawai.uji", &[]).await;
    app.patch_json(
        &format!("/api/v1/users/{}", target.id),
        &serde_json::json!({"lock_version": 1, "roles": ["pegawai", "pimpinan"], "reason": "diangkat Kasi"}),
        Some(&token),
    )
    .await;
    let page = events(
        &app,
        &token,
        &format!("action=user.roles_changed&entity_id={}", target.id),
    )
    .await;
    assert_eq!(page.total, 1);
    let e = &page.items[0];
    assert_eq!(e.actor_id, Some(admin.id));
    assert_eq!(
        e.before.as_ref().unwrap()["roles"],
        serde_json::json!(["pegawai"])
    );
    assert_eq!(
        e.after.as_ref().unwrap()["roles"],
        serde_json::json!(["pegawai", "pimpinan"])
    );
    assert_eq!(e.reason.as_deref(), Some("diangkat Kasi"));
}
db_test!(role_changes_are_audited_with_before_after_and_reason);

async fn only_auditors_and_admins_read_the_trail(db: Db) {
    let app = spawn_app(db).await;
    assert_problem(
        app.get("/api/v1/audit", None).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    assert_problem(
        app.get("/api/v1/audit/verify", None).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    for (name, role) in [("p.uji", Role::Pegawai), ("pim.uji", Role::Pimpinan)] {
        let (_, token) = app.signed_in(name, &[role]).await;
        assert_problem(
            app.get("/api/v1/audit", Some(&token)).await,
            403,
            ErrorCode::Forbidden,
        )
        .await;
        assert_problem(
            app.get("/api/v1/audit/verify", Some(&token)).await,
            403,
            ErrorCode::Forbidden,
        )
        .await;
    }
    for (name, role) in [
        ("aud.uji", Role::Auditor),
        ("adm.uji", Role::Admin),
        ("sa.uji", Role::Superadmin),
    ] {
        let (_, token) = app.signed_in(name, &[role]).await;
        assert_eq!(
            app.get("/api/v1/audit", Some(&token)).await.status(),
            200,
            "{role:?}"
        );
        assert_eq!(
            app.get("/api/v1/audit/verify", Some(&token)).await.status(),
            200,
            "{role:?}"
        );
    }
}
db_test!(only_auditors_and_admins_read_the_trail);

async fn the_trail_is_newest_first_filterable_and_paginated(db: Db) {
    let app = spawn_app(db).await;
    let (_, token) = app.signed_in("aud.uji", &[Role::Auditor]).await;
    for _ in 0..3 {
        app.post_login("siapa.saja", "salah-salah-salah").await;
    }
    let all = events(&app, &token, "per_page=2").await;
    assert_eq!(all.items.len(), 2);
    assert!(all.items[0].seq > all.items[1].seq);
    let failed = events(&app, &token, "action=auth.login_failed&per_page=100").await;
    assert_eq!(failed.total, 3);
    let later = events(&app, &token, "from=2999-01-01T00:00:00Z").await;
    assert_eq!(later.total, 0);
    let problem = assert_problem(
        app.get("/api/v1/audit?from=kemarin", Some(&token)).await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!problem.field_errors("from").is_empty());
}
db_test!(the_trail_is_newest_first_filterable_and_paginated);

/// Edits a stored event the way an intruder with database access would.
pub async fn tamper(app: &TestApp, seq: i64) {
    let sql = match app.db.get_database_backend() {
        DbBackend::Postgres => format!(
            "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change; \
             UPDATE audit_events SET reason = 'dihapus' WHERE seq = {seq}; \
             ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change;"
        ),
        _ => format!(
            "DROP TRIGGER audit_events_no_update; \
             UPDATE audit_events SET reason = 'dihapus' WHERE seq = {seq};"
        ),
    };
    app.db.execute_unprepared(&sql).await.expect("tamper");
}

async fn the_hash_chain_verifies_and_pinpoints_a_tampered_event(db: Db) {
    let app = spawn_app(db).await;
    let (_, token) = app.signed_in("aud.uji", &[Role::Auditor]).await;
    for _ in 0..3 {
        app.post_login("siapa.saja", "salah-salah-salah").await;
    }
    let report: AuditVerification = app
        .get("/api/v1/audit/verify", Some(&token))
        .await
        .json()
        .await
        .unwrap();
    assert!(report.intact, "{report:?}");
    assert_eq!(report.checked, 5, "user created, login, three failures");

    tamper(&app, 3).await;
    let report: AuditVerification = app
        .get("/api/v1/audit/verify", Some(&token))
        .await
        .json()
        .await
        .unwrap();
    assert!(!report.intact);
    assert_eq!(report.checked, 2);
    let broken = report.first_broken.unwrap();
    assert_eq!(broken.seq, 3);
    assert!(broken.reason.contains("hash mismatch"));
}
db_test!(the_hash_chain_verifies_and_pinpoints_a_tampered_event);

async fn the_database_refuses_to_change_or_delete_audit_rows(db: Db) {
    let app = spawn_app(db).await;
    app.post_login("siapa.saja", "salah-salah-salah").await;
    let update = app
        .db
        .execute_unprepared("UPDATE audit_events SET reason = 'x'")
        .await;
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = app.db.execute_unprepared("DELETE FROM audit_events").await;
    assert!(delete.unwrap_err().to_string().contains("append-only"));
}
db_test!(the_database_refuses_to_change_or_delete_audit_rows);

async fn concurrent_writers_keep_one_linear_chain(db: Db) {
    let app = spawn_app(db).await;
    let (_, token) = app.signed_in("aud.uji", &[Role::Auditor]).await;
    let attempts = (0..12).map(|i| {
        let app = &app;
        async move {
            app.post_login(&format!("penyusup.{i}"), "salah-salah-salah")
                .await
                .status()
        }
    });
    for status in futures_util::future::join_all(attempts).await {
        assert_eq!(status, 401);
    }
    let report: AuditVerification = app
        .get("/api/v1/audit/verify", Some(&token))
        .await
        .json()
        .await
        .unwrap();
    assert!(report.intact, "{report:?}");
    assert_eq!(report.checked, 14);
}
db_test!(concurrent_writers_keep_one_linear_chain);

/// Records one event in `instansi`'s chain in its own transaction.
async fn record_in(db: &sea_orm::DatabaseConnection, instansi: uuid::Uuid, action: &str) {
    use sea_orm::TransactionTrait;
    let txn = db.begin().await.unwrap();
    kinerja::audit::service::record(
        &txn,
        kinerja::audit::service::AuditEntry::new(action, "instansi")
            .instansi(instansi)
            .entity(instansi),
        &kinerja::extract::RequestMeta::default(),
    )
    .await
    .unwrap();
    txn.commit().await.unwrap();
}

/// Runs SQL on audit rows past the append-only triggers, as an intruder would.
async fn as_intruder(db: &sea_orm::DatabaseConnection, sql: &str) {
    let sql = match db.get_database_backend() {
        DbBackend::Postgres => format!(
            "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change; {sql}; \
             ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change;"
        ),
        _ => format!(
            "DROP TRIGGER IF EXISTS audit_events_no_update; \
             DROP TRIGGER IF EXISTS audit_events_no_delete; {sql};"
        ),
    };
    db.execute_unprepared(&sql).await.expect("tamper");
}

async fn writes_in_two_instansi_do_not_wait_on_each_other(db: Db) {
    use sea_orm::{Database, TransactionTrait};
    let app = spawn_app(db).await;
    let (a, b) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
    let meta = kinerja::extract::RequestMeta::default();
    let entry = |i: uuid::Uuid| {
        kinerja::audit::service::AuditEntry::new("uji.ditulis", "instansi")
            .instansi(i)
            .entity(i)
    };
    if db == Db::Postgres {
        // A transaction with an audited write in instansi A stays open…
        let one = Database::connect(app.db_url()).await.unwrap();
        let held = one.begin().await.unwrap();
        kinerja::audit::service::record(&held, entry(a), &meta)
            .await
            .unwrap();
        // …and an audited write in instansi B commits meanwhile.
        let two = Database::connect(app.db_url()).await.unwrap();
        tokio::time::timeout(std::time::Duration::from_secs(10), async {
            let t = two.begin().await.unwrap();
            kinerja::audit::service::record(&t, entry(b), &meta)
                .await
                .unwrap();
            t.commit().await.unwrap();
        })
        .await
        .expect("a write in instansi B does not wait for instansi A's transaction");
        // A second writer of instansi A's chain does wait: the chain stays linear.
        let three = Database::connect(app.db_url()).await.unwrap();
        let waiting = tokio::spawn(async move {
            let t = three.begin().await.unwrap();
            kinerja::audit::service::record(
                &t,
                kinerja::audit::service::AuditEntry::new("uji.ditulis", "instansi").instansi(a),
                &kinerja::extract::RequestMeta::default(),
            )
            .await
            .unwrap();
            t.commit().await.unwrap();
        });
        tokio::time::sleep(std::time::Duration::from_millis(700)).await;
        assert!(
            !waiting.is_finished(),
            "the second writer of A waits for the first"
        );
        held.commit().await.unwrap();
        tokio::time::timeout(std::time::Duration::from_secs(10), waiting)
            .await
            .expect("it goes on once A commits")
            .unwrap();
    } else {
        // SQLite has one writer: the same writes, one after the other.
        record_in(&app.db, a, "uji.ditulis").await;
        record_in(&app.db, b, "uji.ditulis").await;
        record_in(&app.db, a, "uji.ditulis").await;
    }
    let all = kinerja::audit::verify::verify(&app.db, None).await.unwrap();
    assert!(all.intact, "{all:?}");
    assert_eq!(all.checked, 3);
    let only_a = kinerja::audit::verify::verify(&app.db, Some(a))
        .await
        .unwrap();
    assert!(only_a.intact);
    assert_eq!((only_a.checked, only_a.chains), (2, 1));
    let only_b = kinerja::audit::verify::verify(&app.db, Some(b))
        .await
        .unwrap();
    assert_eq!(only_b.checked, 1);
}
db_test!(writes_in_two_instansi_do_not_wait_on_each_other);

async fn tampering_in_one_chain_is_reported_for_its_instansi(db: Db) {
    let app = spawn_app(db).await;
    let (_, token) = app.signed_in("aud.uji", &[Role::Auditor]).await;
    let (a, b) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
    for i in 0..3 {
        record_in(&app.db, a, &format!("uji.a{i}")).await;
        record_in(&app.db, b, &format!("uji.b{i}")).await;
    }
    let verify = |q: String| {
        let (app, token) = (&app, &token);
        async move {
            let resp = app
                .get(&format!("/api/v1/audit/verify{q}"), Some(token))
                .await;
            assert_eq!(resp.status(), 200);
            resp.json::<AuditVerification>().await.unwrap()
        }
    };
    assert!(verify(String::new()).await.intact);
    // Each event says which chain it is in and where.
    let page = events(&app, &token, "action=uji.b1").await;
    assert_eq!(
        page.items[0].rantai.as_deref(),
        Some(b.to_string().as_str())
    );
    assert_eq!(page.items[0].rantai_seq, Some(2));

    as_intruder(
        &app.db,
        "UPDATE audit_events SET reason = 'dihapus' WHERE action = 'uji.b1'",
    )
    .await;
    let report = verify(format!("?instansi_id={b}")).await;
    assert!(!report.intact);
    let broken = report.first_broken.unwrap();
    assert_eq!(broken.instansi_id, Some(b));
    assert_eq!(broken.rantai_seq, Some(2));
    assert_eq!(report.checked, 1, "B's first event is intact");
    assert!(broken.reason.contains("hash mismatch"), "{}", broken.reason);
    // Instansi A's chain is untouched, and the whole trail names B's chain.
    assert!(verify(format!("?instansi_id={a}")).await.intact);
    let all = verify(String::new()).await;
    assert_eq!(all.first_broken.unwrap().instansi_id, Some(b));

    // Removing the end of A's chain is noticed too: its recorded head is further.
    as_intruder(&app.db, "DELETE FROM audit_events WHERE action = 'uji.a2'").await;
    let report = verify(format!("?instansi_id={a}")).await;
    assert!(!report.intact);
    let broken = report.first_broken.unwrap();
    assert!(
        broken.reason.contains("removed from its end"),
        "{}",
        broken.reason
    );
    assert_eq!(broken.instansi_id, Some(a));
    // A malformed instansi id is a 422 naming the parameter.
    let problem = assert_problem(
        app.get("/api/v1/audit/verify?instansi_id=bukan", Some(&token))
            .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!problem.field_errors("instansi_id").is_empty());
}
db_test!(tampering_in_one_chain_is_reported_for_its_instansi);

/// Events written before chains per instansi (migration 47) keep verifying as the legacy
/// chain, next to the new chains, and a change to one of them is still found.
async fn an_existing_chain_verifies_after_the_migration(db: Db) {
    use kinerja::entities::audit_events;
    use kinerja_migration::{Migrator, MigratorTrait};
    use sea_orm::sea_query::{Alias, Query};
    let database = TestDatabase::create(db).await;
    let conn = sea_orm::Database::connect(&database.url).await.unwrap();
    let before_47 = Migrator::migrations()
        .iter()
        .position(|m| m.name().contains("_000047_"))
        .map(|i| u32::try_from(i).unwrap())
        .expect("migration 47");
    Migrator::up(&conn, Some(before_47)).await.unwrap();
    // Three events as the single chain wrote them.
    let mut prev = kinerja::audit::service::GENESIS_HASH.to_owned();
    for seq in 1..=3_i64 {
        let mut e = audit_events::Model {
            id: uuid::Uuid::now_v7(),
            seq,
            occurred_at: chrono::DateTime::from_timestamp(1_780_000_000 + seq, 0).unwrap(),
            actor_id: None,
            action: format!("lama.{seq}"),
            entity_type: "user".into(),
            entity_id: None,
            before: None,
            after: Some(serde_json::json!({"b": seq, "a": [1, 2]})),
            request_id: None,
            reason: None,
            ip: Some("127.0.0.1".into()),
            prev_hash: prev.clone(),
            hash: String::new(),
            rantai: None,
            rantai_seq: None,
        };
        e.hash = kinerja::audit::service::compute_hash(&e);
        prev.clone_from(&e.hash);
        let insert = Query::insert()
            .into_table(Alias::new("audit_events"))
            .columns(
                [
                    "id",
                    "seq",
                    "occurred_at",
                    "actor_id",
                    "action",
                    "entity_type",
                    "entity_id",
                    "before",
                    "after",
                    "request_id",
                    "reason",
                    "ip",
                    "prev_hash",
                    "hash",
                ]
                .map(Alias::new),
            )
            .values_panic([
                e.id.into(),
                e.seq.into(),
                e.occurred_at.into(),
                e.actor_id.into(),
                e.action.clone().into(),
                e.entity_type.clone().into(),
                e.entity_id.clone().into(),
                e.before.clone().into(),
                e.after.clone().into(),
                e.request_id.clone().into(),
                e.reason.clone().into(),
                e.ip.clone().into(),
                e.prev_hash.clone().into(),
                e.hash.clone().into(),
            ])
            .to_owned();
        conn.execute_raw(conn.get_database_backend().build(&insert))
            .await
            .unwrap();
    }
    Migrator::up(&conn, None).await.unwrap();
    let a = uuid::Uuid::now_v7();
    record_in(&conn, a, "baru.1").await;
    record_in(&conn, a, "baru.2").await;
    let report = kinerja::audit::verify::verify(&conn, None).await.unwrap();
    assert!(report.intact, "{report:?}");
    assert_eq!((report.checked, report.chains), (5, 2));
    // New events continue the global order after the legacy ones.
    let newest: Vec<i64> = {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        audit_events::Entity::find()
            .filter(audit_events::Column::Rantai.is_not_null())
            .all(&conn)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.seq)
            .collect()
    };
    assert!(newest.iter().all(|s| *s > 3), "{newest:?}");
    // A changed legacy event is still found, in the legacy chain.
    as_intruder(
        &conn,
        "UPDATE audit_events SET ip = '10.0.0.1' WHERE action = 'lama.2'",
    )
    .await;
    let report = kinerja::audit::verify::verify(&conn, None).await.unwrap();
    let broken = report.first_broken.expect("broken");
    assert_eq!((broken.rantai.as_str(), broken.seq), ("lama", 2));
    // Only instansi A's chain is still intact.
    assert!(
        kinerja::audit::verify::verify(&conn, Some(a))
            .await
            .unwrap()
            .intact
    );
    conn.close().await.unwrap();
}
db_test!(an_existing_chain_verifies_after_the_migration);
