//! Accounts for employees made by the HR office (one, a unit, a reset), the forced password
//! change, the `punya_bawahan` flag of `/auth/me`, and the audit list's filters and names.

use crate::helpers::*;
use crate::organisation::{demo_app, unit_named};
use kinerja_api::audit::AuditEvent;
use kinerja_api::auth::{CurrentUser, Role, TokenResponse};
use kinerja_api::employees::Employee;
use kinerja_api::users::{AkunPegawai, AlasanDilewati, HasilAkunUnit, PasswordDireset};
use kinerja_api::{ErrorCode, Page};
use serde_json::json;

async fn me(app: &TestApp, token: &str) -> CurrentUser {
    let resp = app.get("/api/v1/auth/me", Some(token)).await;
    assert_eq!(resp.status(), 200);
    resp.json().await.unwrap()
}

async fn employee(app: &TestApp, token: &str, nip: &str) -> Employee {
    let page: Page<Employee> = app
        .get(&format!("/api/v1/employees?q={nip}"), Some(token))
        .await
        .json()
        .await
        .unwrap();
    page.items
        .into_iter()
        .find(|e| e.nip == nip)
        .unwrap_or_else(|| panic!("no employee {nip}"))
}

async fn me_says_who_has_subordinates(db: Db) {
    let (app, admin) = demo_app(db).await;
    app.create_user(kinerja::demo::KASUBAG_UMUM_NIP, &[Role::Pegawai])
        .await;
    assert_eq!(kinerja::demo::link_accounts(&app.db).await.unwrap(), 1);
    let (rina, _) = app.login(kinerja::demo::PELAKSANA_NIP, TEST_PASSWORD).await;
    let (dewi, _) = app
        .login(kinerja::demo::KASUBAG_UMUM_NIP, TEST_PASSWORD)
        .await;
    // The login answer carries the same flags as /me.
    assert!(!rina.user.punya_bawahan, "Rina, a pelaksana, rates nobody");
    assert!(rina.user.employee_id.is_some());
    assert!(
        dewi.user.punya_bawahan,
        "Dewi heads Subbagian Umum: Rina reports to her"
    );
    let rina_me = me(&app, &rina.access_token).await;
    assert!(!rina_me.punya_bawahan && !rina_me.harus_ganti_password);
    assert!(me(&app, &dewi.access_token).await.punya_bawahan);
    let admin_me = me(&app, &admin).await;
    assert_eq!(
        (admin_me.employee_id, admin_me.punya_bawahan),
        (None, false)
    );
}
db_test!(me_says_who_has_subordinates);

async fn only_the_hr_office_makes_accounts_and_resets_passwords(db: Db) {
    let (app, admin) = demo_app(db).await;
    let dewi = employee(&app, &admin, kinerja::demo::KASUBAG_UMUM_NIP).await;
    let unit = unit_named(&app, &admin, "Subbagian Umum dan Kepegawaian").await;
    let rina_user = employee(&app, &admin, kinerja::demo::PELAKSANA_NIP)
        .await
        .user_id
        .unwrap();
    let one = json!({"employee_id": dewi.id});
    let bulk = json!({"unit_id": unit.id, "termasuk_sub_unit": true});
    let reset = format!("/api/v1/users/{rina_user}/reset-password");
    for (name, role) in [
        ("pegawai.x", Role::Pegawai),
        ("pimpinan.x", Role::Pimpinan),
        ("auditor.x", Role::Auditor),
    ] {
        let (_, token) = app.signed_in(name, &[role]).await;
        let resp = app
            .post_json("/api/v1/users/akun-pegawai", &one, Some(&token))
            .await;
        assert_problem(resp, 403, ErrorCode::Forbidden).await;
        let resp = app
            .post_json("/api/v1/users/akun-pegawai/unit", &bulk, Some(&token))
            .await;
        assert_problem(resp, 403, ErrorCode::Forbidden).await;
        let resp = app.post_json(&reset, &json!({}), Some(&token)).await;
        assert_problem(resp, 403, ErrorCode::Forbidden).await;
    }
    let resp = app
        .post_json("/api/v1/users/akun-pegawai", &one, None)
        .await;
    assert_problem(resp, 401, ErrorCode::Unauthorized).await;
    let resp = app
        .post_json("/api/v1/users/akun-pegawai/unit", &bulk, None)
        .await;
    assert_problem(resp, 401, ErrorCode::Unauthorized).await;
    let resp = app.post_json(&reset, &json!({}), None).await;
    assert_problem(resp, 401, ErrorCode::Unauthorized).await;
    // Unknown records and bad bodies.
    let resp = app
        .post_json(
            "/api/v1/users/akun-pegawai",
            &json!({"employee_id": uuid::Uuid::now_v7()}),
            Some(&admin),
        )
        .await;
    assert_problem(resp, 404, ErrorCode::NotFound).await;
    let resp = app
        .post_json(
            "/api/v1/users/akun-pegawai/unit",
            &json!({"unit_id": "x"}),
            Some(&admin),
        )
        .await;
    assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
    // Nothing was made by the refused calls.
    assert!(
        employee(&app, &admin, kinerja::demo::KASUBAG_UMUM_NIP)
            .await
            .user_id
            .is_none()
    );
}
db_test!(only_the_hr_office_makes_accounts_and_resets_passwords);

async fn accounts_are_made_for_one_employee_and_a_unit_and_must_change_password(db: Db) {
    let (app, admin) = demo_app(db).await;
    // One employee: Dewi.
    let dewi = employee(&app, &admin, kinerja::demo::KASUBAG_UMUM_NIP).await;
    let resp = app
        .post_json(
            "/api/v1/users/akun-pegawai",
            &json!({"employee_id": dewi.id}),
            Some(&admin),
        )
        .await;
    assert_eq!(resp.status(), 201);
    assert_eq!(resp.headers()["cache-control"], "no-store");
    let made: AkunPegawai = resp.json().await.unwrap();
    assert_eq!(made.user.username, kinerja::demo::KASUBAG_UMUM_NIP);
    assert_eq!(made.user.roles, vec![Role::Pegawai]);
    assert!(made.user.harus_ganti_password);
    assert_eq!(made.password_sekali.len(), 14);
    assert_eq!(
        employee(&app, &admin, kinerja::demo::KASUBAG_UMUM_NIP)
            .await
            .user_id,
        Some(made.user.id)
    );
    let resp = app
        .post_json(
            "/api/v1/users/akun-pegawai",
            &json!({"employee_id": dewi.id}),
            Some(&admin),
        )
        .await;
    assert_problem(resp, 409, ErrorCode::Conflict).await;

    // The whole kecamatan with its sub-units (about 80 people): Rina (linked) and Dewi (just made) are
    // skipped; everyone else gets an account.
    let sekretariat = unit_named(&app, &admin, "Kecamatan Cipocok Jaya").await;
    let started = std::time::Instant::now();
    let resp = app
        .post_json(
            "/api/v1/users/akun-pegawai/unit",
            &json!({"unit_id": sekretariat.id, "termasuk_sub_unit": true}),
            Some(&admin),
        )
        .await;
    assert_eq!(resp.status(), 200);
    let result: HasilAkunUnit = resp.json().await.unwrap();
    eprintln!(
        "{} accounts made in {:?}",
        result.dibuat.len(),
        started.elapsed()
    );
    assert!(result.dibuat.len() >= 60, "{result:?}");
    let skipped: Vec<(&str, AlasanDilewati)> = result
        .dilewati
        .iter()
        .map(|d| (d.nip.as_str(), d.alasan))
        .collect();
    assert!(
        skipped.contains(&(kinerja::demo::PELAKSANA_NIP, AlasanDilewati::SudahPunyaAkun)),
        "{skipped:?}"
    );
    assert!(
        skipped.contains(&(
            kinerja::demo::KASUBAG_UMUM_NIP,
            AlasanDilewati::SudahPunyaAkun
        )),
        "{skipped:?}"
    );
    assert!(
        result
            .dibuat
            .iter()
            .all(|a| a.user.username == a.nip && a.unit.is_some())
    );
    // Idempotent: again, nothing is made and everyone is reported.
    let again: HasilAkunUnit = app
        .post_json(
            "/api/v1/users/akun-pegawai/unit",
            &json!({"unit_id": sekretariat.id, "termasuk_sub_unit": true}),
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(again.dibuat.is_empty());
    assert_eq!(
        again.dilewati.len(),
        result.dilewati.len() + result.dibuat.len()
    );

    // The first sign-in with a one-time password: only /me and the change are served.
    let first = &result.dibuat[0];
    let (tokens, _) = app.login(&first.nip, &first.password_sekali).await;
    assert!(tokens.user.harus_ganti_password);
    let token = tokens.access_token;
    let resp = app.get("/api/v1/employees", Some(&token)).await;
    assert_problem(resp, 403, ErrorCode::PasswordChangeRequired).await;
    let resp = app.get("/api/v1/notifications", Some(&token)).await;
    assert_problem(resp, 403, ErrorCode::PasswordChangeRequired).await;
    assert!(me(&app, &token).await.harus_ganti_password);
    let resp = app.post_json("/api/v1/auth/change-password", &json!({"current_password": first.password_sekali, "new_password": "Sandi-Baru-Milik-Saya-1"}), Some(&token)).await;
    assert_eq!(resp.status(), 200);
    let changed: TokenResponse = resp.json().await.unwrap();
    assert!(!changed.user.harus_ganti_password);
    let resp = app
        .get("/api/v1/employees", Some(&changed.access_token))
        .await;
    assert_eq!(resp.status(), 200);
    let resp = app.post_login(&first.nip, &first.password_sekali).await;
    assert_problem(resp, 401, ErrorCode::InvalidCredentials).await;

    // Each account is audited, named by the person.
    let events: Page<AuditEvent> = app
        .get(
            "/api/v1/audit?action=user.created_for_employee&per_page=100",
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(events.total as usize, result.dibuat.len() + 1);
    assert!(
        events
            .items
            .iter()
            .any(|e| e.entity_nama.as_deref() == Some(made.nama.as_str()))
    );
    let verified: kinerja_api::audit::AuditVerification = app
        .get("/api/v1/audit/verify", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert!(verified.intact, "{verified:?}");
}
db_test!(accounts_are_made_for_one_employee_and_a_unit_and_must_change_password);

async fn a_reset_gives_a_one_time_password_and_ends_sessions(db: Db) {
    let (app, admin) = demo_app(db).await;
    let (rina_tokens, _) = app.login(kinerja::demo::PELAKSANA_NIP, TEST_PASSWORD).await;
    let rina = rina_tokens.user.id;
    let resp = app
        .post_json(
            &format!("/api/v1/users/{rina}/reset-password"),
            &json!({}),
            Some(&admin),
        )
        .await;
    assert_eq!(resp.status(), 200);
    let reset: PasswordDireset = resp.json().await.unwrap();
    assert!(reset.user.harus_ganti_password);
    // The old token and the old password are dead.
    let resp = app
        .get("/api/v1/auth/me", Some(&rina_tokens.access_token))
        .await;
    assert_problem(resp, 401, ErrorCode::Unauthorized).await;
    let resp = app
        .post_login(kinerja::demo::PELAKSANA_NIP, TEST_PASSWORD)
        .await;
    assert_problem(resp, 401, ErrorCode::InvalidCredentials).await;
    // Tokens from before the reset's second are refused; a new one comes a second later.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let (tokens, _) = app
        .login(kinerja::demo::PELAKSANA_NIP, &reset.password_sekali)
        .await;
    assert!(tokens.user.harus_ganti_password);
    let resp = app.get("/api/v1/skp", Some(&tokens.access_token)).await;
    assert_problem(resp, 403, ErrorCode::PasswordChangeRequired).await;
    // Not one's own account, and unknown ones are 404.
    let admin_id = me(&app, &admin).await.id;
    let resp = app
        .post_json(
            &format!("/api/v1/users/{admin_id}/reset-password"),
            &json!({}),
            Some(&admin),
        )
        .await;
    assert_problem(resp, 403, ErrorCode::Forbidden).await;
    let resp = app
        .post_json(
            &format!("/api/v1/users/{}/reset-password", uuid::Uuid::now_v7()),
            &json!({}),
            Some(&admin),
        )
        .await;
    assert_problem(resp, 404, ErrorCode::NotFound).await;
    let events: Page<AuditEvent> = app
        .get("/api/v1/audit?action=user.password_reset", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(events.total, 1);
    assert_eq!(
        events.items[0].entity_nama.as_deref(),
        Some("Pengguna 199003172015032001")
    );
}
db_test!(a_reset_gives_a_one_time_password_and_ends_sessions);

async fn the_audit_list_filters_by_person_action_and_local_day(db: Db) {
    let (app, admin) = demo_app(db).await;
    let (auditor_user, auditor) = app.signed_in("auditor.uji", &[Role::Auditor]).await;
    app.login(kinerja::demo::PELAKSANA_NIP, TEST_PASSWORD).await;
    let get = |q: String| {
        let app = &app;
        let auditor = auditor.clone();
        async move { app.get(&format!("/api/v1/audit?{q}"), Some(&auditor)).await }
    };
    // A range that ends before it starts is refused on the field.
    let resp = get("tanggal_dari=2026-12-05&tanggal_sampai=2026-12-04".into()).await;
    let problem = assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
    assert!(
        !problem.field_errors("tanggal_sampai").is_empty(),
        "{problem:?}"
    );
    let resp = get("tanggal_dari=5-12-2026".into()).await;
    assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
    let resp = get("aktor=".into()).await;
    assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
    // By person (name, any case) and action; names come along.
    let page: Page<AuditEvent> = get("aktor=pengguna%20199003&action=auth.login_succeeded".into())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page.total, 1, "{page:?}");
    let event = &page.items[0];
    assert_eq!(
        event.actor_nama.as_deref(),
        Some("Pengguna 199003172015032001")
    );
    assert_eq!(
        event.entity_nama.as_deref(),
        Some("Pengguna 199003172015032001")
    );
    let by_username: Page<AuditEvent> = get("aktor=auditor.uji".into()).await.json().await.unwrap();
    assert!(by_username.total >= 1);
    assert!(
        by_username
            .items
            .iter()
            .all(|e| e.actor_id == Some(auditor_user.id))
    );
    // By the local day: today (WIB) holds them, tomorrow and yesterday do not.
    let today = kinerja::clock::today();
    let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let page: Page<AuditEvent> = get(format!("tanggal_dari={0}&tanggal_sampai={0}", day(today)))
        .await
        .json()
        .await
        .unwrap();
    assert!(page.total >= 3, "{page:?}");
    let tomorrow = today.succ_opt().unwrap();
    let page: Page<AuditEvent> = get(format!("tanggal_dari={}", day(tomorrow)))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page.total, 0);
    let yesterday = today.pred_opt().unwrap();
    let page: Page<AuditEvent> = get(format!("tanggal_sampai={}", day(yesterday)))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page.total, 0);
    // Only readers of the audit trail.
    let (_, pegawai) = app.signed_in("pegawai.uji", &[Role::Pegawai]).await;
    let resp = app.get("/api/v1/audit?aktor=x", Some(&pegawai)).await;
    assert_problem(resp, 403, ErrorCode::Forbidden).await;
    let resp = app.get("/api/v1/audit", None).await;
    assert_problem(resp, 401, ErrorCode::Unauthorized).await;
    let _ = admin;
}
db_test!(the_audit_list_filters_by_person_action_and_local_day);
