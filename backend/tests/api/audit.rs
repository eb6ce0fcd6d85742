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
