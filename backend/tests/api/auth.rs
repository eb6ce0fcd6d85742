use crate::helpers::*;
use base64::Engine;
use kinerja_api::ErrorCode;
use kinerja_api::auth::{CurrentUser, Permission, Role, TokenResponse};

async fn login_succeeds_and_sets_an_http_only_strict_refresh_cookie(db: Db) {
    let app = spawn_app(db).await;
    let user = app
        .create_user("199001012015031001", &[Role::Pegawai])
        .await;
    let resp = app.post_login(&user.username, &user.password).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["cache-control"], "no-store");
    let cookie = resp.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
    assert!(cookie.contains("Path=/api/v1/auth"), "{cookie}");
    let body: TokenResponse = resp.json().await.unwrap();
    assert_eq!(body.token_type, "Bearer");
    assert_eq!(body.expires_in, 900);
    assert!(
        body.refresh_token.is_none(),
        "browsers never see the refresh token"
    );
    assert_eq!(body.user.username, "199001012015031001");
    assert_eq!(body.user.permissions, vec![Permission::ManageOwnProfile]);

    let me: CurrentUser = app
        .get("/api/v1/auth/me", Some(&body.access_token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me.id, user.id);
}
db_test!(login_succeeds_and_sets_an_http_only_strict_refresh_cookie);

async fn a_formatted_nip_logs_in_as_the_plain_nip(db: Db) {
    let app = spawn_app(db).await;
    let user = app
        .create_user("199001012015031001", &[Role::Pegawai])
        .await;
    let resp = app
        .post_login(" 19900101 201503 1 001", &user.password)
        .await;
    assert_eq!(resp.status(), 200);
}
db_test!(a_formatted_nip_logs_in_as_the_plain_nip);

async fn the_secure_cookie_flag_follows_configuration(db: Db) {
    let app = spawn_app_with(db, |c| {
        c.insert("KINERJA_COOKIE_SECURE".into(), "true".into());
    })
    .await;
    let user = app.create_user("pegawai.uji", &[]).await;
    let resp = app.post_login(&user.username, &user.password).await;
    assert!(
        resp.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Secure")
    );
}
db_test!(the_secure_cookie_flag_follows_configuration);

async fn api_clients_can_take_the_refresh_token_in_the_body(db: Db) {
    let app = spawn_app(db).await;
    let user = app.create_user("sistem.simpus", &[]).await;
    let resp = app
        .post_json(
            "/api/v1/auth/login",
            &serde_json::json!({"username": user.username, "password": user.password, "refresh_delivery": "body"}),
            None,
        )
        .await;
    assert!(refresh_cookie(&resp).is_none());
    let first: TokenResponse = resp.json().await.unwrap();
    let refresh = first.refresh_token.expect("refresh token in body");
    let resp = app
        .post_json(
            "/api/v1/auth/refresh",
            &serde_json::json!({"refresh_token": refresh}),
            None,
        )
        .await;
    assert_eq!(resp.status(), 200);
    let second: TokenResponse = resp.json().await.unwrap();
    assert!(second.refresh_token.is_some_and(|t| t != refresh));
}
db_test!(api_clients_can_take_the_refresh_token_in_the_body);

async fn wrong_password_and_unknown_user_get_the_same_answer(db: Db) {
    let app = spawn_app(db).await;
    let user = app.create_user("pegawai.uji", &[]).await;
    let wrong = assert_problem(
        app.post_login(&user.username, "salah-salah-salah").await,
        401,
        ErrorCode::InvalidCredentials,
    )
    .await;
    let unknown = assert_problem(
        app.post_login("tidak.ada", "salah-salah-salah").await,
        401,
        ErrorCode::InvalidCredentials,
    )
    .await;
    assert_eq!(wrong, unknown);
    assert_eq!(wrong.title, "Nama pengguna atau kata sandi salah");
}
db_test!(wrong_password_and_unknown_user_get_the_same_answer);

async fn five_failures_for_a_username_throttle_it_with_retry_after(db: Db) {
    let app = spawn_app(db).await;
    let user = app.create_user("pegawai.uji", &[]).await;
    for attempt in 1..=5 {
        let resp = app.post_login(&user.username, "salah-salah-salah").await;
        assert_eq!(resp.status(), 401, "attempt {attempt}");
    }
    // Even the right password is refused while throttled.
    let resp = app.post_login(&user.username, &user.password).await;
    let retry_after: u64 = resp.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&retry_after), "{retry_after}");
    let body = assert_problem(resp, 429, ErrorCode::TooManyRequests).await;
    assert!(body.detail.unwrap().contains("Coba lagi dalam 15 menit"));
    // Another user from the same address is not affected.
    let other = app.create_user("pegawai.lain", &[]).await;
    assert_eq!(
        app.post_login(&other.username, &other.password)
            .await
            .status(),
        200
    );
}
db_test!(five_failures_for_a_username_throttle_it_with_retry_after);

async fn a_successful_login_clears_earlier_failures(db: Db) {
    let app = spawn_app(db).await;
    let user = app.create_user("pegawai.uji", &[]).await;
    for _ in 0..4 {
        app.post_login(&user.username, "salah-salah-salah").await;
    }
    assert_eq!(
        app.post_login(&user.username, &user.password)
            .await
            .status(),
        200
    );
    for _ in 0..4 {
        assert_eq!(
            app.post_login(&user.username, "salah-salah-salah")
                .await
                .status(),
            401
        );
    }
    assert_eq!(
        app.post_login(&user.username, &user.password)
            .await
            .status(),
        200
    );
}
db_test!(a_successful_login_clears_earlier_failures);

async fn failures_from_one_address_across_usernames_are_throttled(db: Db) {
    let app = spawn_app_with(db, |c| {
        c.insert("KINERJA_LOGIN_MAX_FAILURES_PER_IP".into(), "3".into());
    })
    .await;
    for name in ["a.satu", "a.dua", "a.tiga"] {
        assert_eq!(
            app.post_login(name, "salah-salah-salah").await.status(),
            401
        );
    }
    assert_problem(
        app.post_login("a.empat", "salah-salah-salah").await,
        429,
        ErrorCode::TooManyRequests,
    )
    .await;
}
db_test!(failures_from_one_address_across_usernames_are_throttled);

async fn protected_endpoints_need_a_valid_bearer_token(db: Db) {
    let app = spawn_app(db).await;
    let resp = app.get("/api/v1/auth/me", None).await;
    assert!(
        resp.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Bearer")
    );
    assert_problem(resp, 401, ErrorCode::Unauthorized).await;
    assert_problem(
        app.get("/api/v1/auth/me", Some("bukan.token.jwt")).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
}
db_test!(protected_endpoints_need_a_valid_bearer_token);

async fn an_expired_access_token_is_rejected(db: Db) {
    let app = spawn_app_with(db, |c| {
        c.insert("KINERJA_ACCESS_TOKEN_TTL_SECS".into(), "1".into());
    })
    .await;
    let (_, token) = app.signed_in("pegawai.uji", &[]).await;
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let body = assert_problem(
        app.get("/api/v1/auth/me", Some(&token)).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    assert!(body.detail.unwrap().contains("Sesi telah berakhir"));
}
db_test!(an_expired_access_token_is_rejected);

fn b64(value: &serde_json::Value) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(value.to_string())
}

fn forged_claims(user_id: uuid::Uuid) -> serde_json::Value {
    let now = chrono::Utc::now().timestamp();
    serde_json::json!({"sub": user_id, "roles": ["superadmin"], "iat": now, "exp": now + 600, "jti": uuid::Uuid::now_v7(), "iss": "kinerja"})
}

async fn forged_tokens_are_rejected(db: Db) {
    let app = spawn_app(db).await;
    let user = app.create_user("pegawai.uji", &[]).await;
    // `alg: none` with no signature.
    let none = format!(
        "{}.{}.",
        b64(&serde_json::json!({"alg": "none", "typ": "JWT"})),
        b64(&forged_claims(user.id))
    );
    assert_problem(
        app.get("/api/v1/auth/me", Some(&none)).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    // Signed with another key.
    let other = kinerja::auth::jwt::JwtKeys::new(b"another-secret-another-secret-another", 600);
    let token = other.issue(user.id, &[Role::Superadmin]).unwrap();
    assert_problem(
        app.get("/api/v1/auth/me", Some(&token)).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    // A valid token with its payload swapped for more roles.
    let (tokens, _) = app.login(&user.username, &user.password).await;
    let parts: Vec<&str> = tokens.access_token.split('.').collect();
    let tampered = format!("{}.{}.{}", parts[0], b64(&forged_claims(user.id)), parts[2]);
    assert_problem(
        app.get("/api/v1/auth/me", Some(&tampered)).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
}
db_test!(forged_tokens_are_rejected);

async fn roles_come_from_the_database_not_the_token(db: Db) {
    let app = spawn_app(db).await;
    let (_, admin) = app.signed_in("admin.uji", &[Role::Admin]).await;
    let (user, token) = app.signed_in("pegawai.uji", &[Role::Admin]).await;
    assert_eq!(app.get("/api/v1/users", Some(&token)).await.status(), 200);
    let resp = app
        .patch_json(
            &format!("/api/v1/users/{}", user.id),
            &serde_json::json!({"lock_version": 1, "roles": ["pegawai"]}),
            Some(&admin),
        )
        .await;
    assert_eq!(
        resp.status(),
        403,
        "an admin cannot revoke another admin's role"
    );
    let (_, root) = app.signed_in("root.uji", &[Role::Superadmin]).await;
    let resp = app
        .patch_json(
            &format!("/api/v1/users/{}", user.id),
            &serde_json::json!({"lock_version": 1, "roles": ["pegawai"]}),
            Some(&root),
        )
        .await;
    assert_eq!(resp.status(), 200);
    assert_problem(
        app.get("/api/v1/users", Some(&token)).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
}
db_test!(roles_come_from_the_database_not_the_token);

async fn refresh_rotates_and_reuse_revokes_the_whole_session(db: Db) {
    let app = spawn_app(db).await;
    let user = app.create_user("pegawai.uji", &[]).await;
    let (_, first) = app.login(&user.username, &user.password).await;

    let resp = app.refresh_with_cookie(&first).await;
    assert_eq!(resp.status(), 200);
    let second = refresh_cookie(&resp).expect("rotated cookie");
    assert_ne!(first, second);
    let tokens: TokenResponse = resp.json().await.unwrap();
    assert_eq!(
        app.get("/api/v1/auth/me", Some(&tokens.access_token))
            .await
            .status(),
        200
    );

    // The first token was already used: presenting it again is theft. Both die.
    assert_problem(
        app.refresh_with_cookie(&first).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    assert_problem(
        app.refresh_with_cookie(&second).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;

    // Another session of the same user is untouched.
    let (_, other) = app.login(&user.username, &user.password).await;
    assert_eq!(app.refresh_with_cookie(&other).await.status(), 200);
}
db_test!(refresh_rotates_and_reuse_revokes_the_whole_session);

async fn refresh_without_a_token_is_401(db: Db) {
    let app = spawn_app(db).await;
    let resp = app
        .client
        .post(app.url("/api/v1/auth/refresh"))
        .send()
        .await
        .unwrap();
    assert_problem(resp, 401, ErrorCode::Unauthorized).await;
    assert_problem(
        app.refresh_with_cookie("0000").await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    // `null` is the same as no body (the schema allows it); an array is not an object.
    let resp = app
        .client
        .post(app.url("/api/v1/auth/refresh"))
        .header("content-type", "application/json")
        .body("null")
        .send()
        .await
        .unwrap();
    assert_problem(resp, 401, ErrorCode::Unauthorized).await;
    let resp = app
        .client
        .post(app.url("/api/v1/auth/logout"))
        .header("content-type", "application/json")
        .body("[]")
        .send()
        .await
        .unwrap();
    assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
}
db_test!(refresh_without_a_token_is_401);

async fn an_expired_refresh_token_is_rejected(db: Db) {
    let app = spawn_app_with(db, |c| {
        c.insert("KINERJA_REFRESH_TOKEN_TTL_SECS".into(), "1".into());
    })
    .await;
    let user = app.create_user("pegawai.uji", &[]).await;
    let (_, cookie) = app.login(&user.username, &user.password).await;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_problem(
        app.refresh_with_cookie(&cookie).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
}
db_test!(an_expired_refresh_token_is_rejected);

async fn logout_revokes_the_session_and_clears_the_cookie(db: Db) {
    let app = spawn_app(db).await;
    let user = app.create_user("pegawai.uji", &[]).await;
    let (_, cookie) = app.login(&user.username, &user.password).await;
    let resp = app
        .client
        .post(app.url("/api/v1/auth/logout"))
        .header("cookie", format!("kinerja_refresh={cookie}"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
    assert_eq!(refresh_cookie(&resp).as_deref(), Some(""));
    assert!(
        resp.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    assert_problem(
        app.refresh_with_cookie(&cookie).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    // Logging out twice, or without a session, still succeeds.
    let resp = app
        .client
        .post(app.url("/api/v1/auth/logout"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
}
db_test!(logout_revokes_the_session_and_clears_the_cookie);

async fn change_password_enforces_the_policy(db: Db) {
    let app = spawn_app(db).await;
    let (user, token) = app.signed_in("199001012015031001", &[]).await;
    let cases = [
        (
            serde_json::json!({"current_password": "salah-salah-salah", "new_password": "Baru-Sekali-2026"}),
            "current_password",
        ),
        (
            serde_json::json!({"current_password": user.password, "new_password": "pendek"}),
            "new_password",
        ),
        (
            serde_json::json!({"current_password": user.password, "new_password": "19900101 201503 1 001"}),
            "new_password",
        ),
        (
            serde_json::json!({"current_password": user.password, "new_password": user.password}),
            "new_password",
        ),
    ];
    for (body, field) in cases {
        let resp = app
            .post_json("/api/v1/auth/change-password", &body, Some(&token))
            .await;
        let problem = assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
        assert!(
            !problem.field_errors(field).is_empty(),
            "{body}: {problem:?}"
        );
    }
    let resp = app
        .post_json(
            "/api/v1/auth/change-password",
            &serde_json::json!({"current_password": "x", "new_password": "Baru-Sekali-2026"}),
            None,
        )
        .await;
    assert_problem(resp, 401, ErrorCode::Unauthorized).await;
}
db_test!(change_password_enforces_the_policy);

async fn change_password_ends_other_sessions_and_keeps_this_one(db: Db) {
    let app = spawn_app(db).await;
    let user = app.create_user("pegawai.uji", &[]).await;
    let (old_tokens, old_cookie) = app.login(&user.username, &user.password).await;
    let resp = app
        .post_json(
            "/api/v1/auth/change-password",
            &serde_json::json!({"current_password": user.password, "new_password": "Baru-Sekali-2026"}),
            Some(&old_tokens.access_token),
        )
        .await;
    assert_eq!(resp.status(), 200);
    assert!(refresh_cookie(&resp).is_some());
    let new_tokens: TokenResponse = resp.json().await.unwrap();
    assert_eq!(
        app.get("/api/v1/auth/me", Some(&new_tokens.access_token))
            .await
            .status(),
        200
    );
    let body = assert_problem(
        app.get("/api/v1/auth/me", Some(&old_tokens.access_token))
            .await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    assert!(body.detail.unwrap().contains("Kata sandi telah diganti"));
    assert_problem(
        app.refresh_with_cookie(&old_cookie).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    assert_eq!(
        app.post_login(&user.username, &user.password)
            .await
            .status(),
        401
    );
    assert_eq!(
        app.post_login(&user.username, "Baru-Sekali-2026")
            .await
            .status(),
        200
    );
}
db_test!(change_password_ends_other_sessions_and_keeps_this_one);

async fn a_deactivated_account_loses_access_at_once(db: Db) {
    let app = spawn_app(db).await;
    let (_, admin) = app.signed_in("admin.uji", &[Role::Admin]).await;
    let user = app.create_user("pegawai.uji", &[]).await;
    let (tokens, cookie) = app.login(&user.username, &user.password).await;
    let resp = app
        .patch_json(
            &format!("/api/v1/users/{}", user.id),
            &serde_json::json!({"lock_version": 1, "active": false, "reason": "mutasi keluar"}),
            Some(&admin),
        )
        .await;
    assert_eq!(resp.status(), 200);
    assert_problem(
        app.get("/api/v1/auth/me", Some(&tokens.access_token)).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    assert_problem(
        app.refresh_with_cookie(&cookie).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    let body = assert_problem(
        app.post_login(&user.username, &user.password).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    assert!(body.detail.unwrap().contains("tidak aktif"));
}
db_test!(a_deactivated_account_loses_access_at_once);
