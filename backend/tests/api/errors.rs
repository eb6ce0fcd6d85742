//! Every class of bad input gets a 4xx problem-details body, never a plain-text default.

use crate::helpers::*;
use kinerja_api::ErrorCode;

async fn malformed_json_is_a_400_problem(db: Db) {
    let app = spawn_app(db).await;
    let resp = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("content-type", "application/json")
        .body(r#"{"username": "a", "password": "#)
        .send()
        .await
        .unwrap();
    let body = assert_problem(resp, 400, ErrorCode::MalformedJson).await;
    assert!(
        body.detail
            .unwrap()
            .starts_with("Isi permintaan bukan JSON yang valid")
    );
}
db_test!(malformed_json_is_a_400_problem);

async fn a_body_that_is_not_json_is_415(db: Db) {
    let app = spawn_app(db).await;
    let resp = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("content-type", "text/plain")
        .body("username=a&password=b")
        .send()
        .await
        .unwrap();
    assert_problem(resp, 415, ErrorCode::UnsupportedMediaType).await;
}
db_test!(a_body_that_is_not_json_is_415);

async fn a_body_over_the_limit_is_413(db: Db) {
    let app = spawn_app_with(db, |c| {
        c.insert("KINERJA_MAX_BODY_BYTES".into(), "1024".into());
    })
    .await;
    let big = "x".repeat(4096);
    let resp = app
        .post_json(
            "/api/v1/auth/login",
            &serde_json::json!({"username": big, "password": "p"}),
            None,
        )
        .await;
    assert_problem(resp, 413, ErrorCode::PayloadTooLarge).await;
}
db_test!(a_body_over_the_limit_is_413);

async fn field_errors_name_each_bad_field(db: Db) {
    let app = spawn_app(db).await;
    let cases = [
        (
            serde_json::json!({"password": "x"}),
            "username",
            "missing field",
        ),
        (
            serde_json::json!({"username": 5, "password": "x"}),
            "username",
            "wrong type",
        ),
        (
            serde_json::json!({"username": "a", "password": "x", "extra": 1}),
            "extra",
            "unknown field",
        ),
        (
            serde_json::json!({"username": "   ", "password": "x"}),
            "username",
            "blank",
        ),
        (
            serde_json::json!({"username": "a", "password": ""}),
            "password",
            "empty",
        ),
        (
            serde_json::json!({"username": "a", "password": "x", "refresh_delivery": "pigeon"}),
            "refresh_delivery",
            "unknown variant",
        ),
    ];
    for (body, field, case) in cases {
        let resp = app.post_json("/api/v1/auth/login", &body, None).await;
        let problem = assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
        assert!(
            !problem.field_errors(field).is_empty(),
            "{case}: expected an error on {field}, got {problem:?}"
        );
    }
}
db_test!(field_errors_name_each_bad_field);

async fn a_bad_query_parameter_is_a_422_naming_it(db: Db) {
    let app = spawn_app(db).await;
    let (_, token) = app
        .signed_in("admin.uji", &[kinerja_api::auth::Role::Admin])
        .await;
    for (query, field) in [
        ("per_page=0", "per_page"),
        ("per_page=101", "per_page"),
        ("page=abc", "page"),
        ("role=raja", "role"),
    ] {
        let resp = app
            .get(&format!("/api/v1/users?{query}"), Some(&token))
            .await;
        let problem = assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
        assert!(
            !problem.field_errors(field).is_empty(),
            "{query}: {problem:?}"
        );
    }
}
db_test!(a_bad_query_parameter_is_a_422_naming_it);

async fn a_malformed_path_id_is_a_400(db: Db) {
    let app = spawn_app(db).await;
    let (_, token) = app
        .signed_in("admin.uji", &[kinerja_api::auth::Role::Admin])
        .await;
    let resp = app.get("/api/v1/users/bukan-uuid", Some(&token)).await;
    assert_problem(resp, 400, ErrorCode::BadRequest).await;
}
db_test!(a_malformed_path_id_is_a_400);

async fn a_real_fault_is_an_opaque_500_problem(db: Db) {
    let app = spawn_app(db).await;
    app.create_user("admin.uji", &[kinerja_api::auth::Role::Admin])
        .await;
    // Break the schema under the running server: the next query fails inside the service.
    use sea_orm::ConnectionTrait;
    app.db
        .execute_unprepared("DROP TABLE login_attempts")
        .await
        .unwrap();
    let resp = app.post_login("admin.uji", "apa-saja-boleh").await;
    assert!(resp.headers().get("x-request-id").is_some());
    let body = assert_problem(resp, 500, ErrorCode::Internal).await;
    let text = format!("{body:?}");
    assert!(
        !text.contains("login_attempts") && !text.to_lowercase().contains("sql"),
        "{text}"
    );
}
db_test!(a_real_fault_is_an_opaque_500_problem);

/// Words that give away an Indonesian sentence; none may survive an English rendering.
const INDONESIAN: &[&str] = &[
    "tidak",
    "wajib",
    "diisi",
    "silakan",
    "kata sandi",
    "nilai",
    "pilihan",
    "atau",
    "harus",
    "kolom",
    "isi ",
    "masuk",
];

fn assert_english(text: &str, case: &str) {
    let lower = text.to_lowercase();
    for word in INDONESIAN {
        assert!(!lower.contains(word), "{case}: {text:?} contains {word:?}");
    }
}

/// Every message of a problem has a code, its Indonesian rendering is the text sent, and its
/// English rendering holds no Indonesian.
pub(crate) fn assert_coded_in_english(problem: &kinerja_api::ErrorBody, case: &str) {
    use kinerja_api::pesan::Bahasa;
    let detail = problem.message.as_ref().expect("detail has a code");
    assert_eq!(detail.render(Bahasa::Id), problem.detail, "{case}");
    assert_english(&detail.render(Bahasa::En).unwrap(), case);
    let errors = problem.errors.clone().unwrap_or_default();
    let messages = problem.messages.clone().unwrap_or_default();
    assert_eq!(
        errors.keys().collect::<Vec<_>>(),
        messages.keys().collect::<Vec<_>>(),
        "{case}: every field is coded"
    );
    for (field, texts) in &errors {
        let coded = &messages[field];
        assert_eq!(texts.len(), coded.len(), "{case}: {field}");
        for (text, message) in texts.iter().zip(coded) {
            assert_eq!(message.render(Bahasa::Id).as_deref(), Some(text.as_str()));
            assert_english(&message.render(Bahasa::En).unwrap(), case);
        }
    }
}

async fn real_errors_render_in_english_from_their_codes(db: Db) {
    let app = spawn_app(db).await;
    let login = "/api/v1/auth/login";
    for (body, case) in [
        (serde_json::json!({"password": "x"}), "missing field"),
        (
            serde_json::json!({"username": "a", "password": "x", "extra": 1}),
            "unknown field",
        ),
        (
            serde_json::json!({"username": 5, "password": "x"}),
            "wrong type",
        ),
        (
            serde_json::json!({"username": "   ", "password": "x"}),
            "blank",
        ),
        (
            serde_json::json!({"username": "a", "password": "x", "refresh_delivery": "pigeon"}),
            "unknown variant",
        ),
    ] {
        let resp = app.post_json(login, &body, None).await;
        let problem = assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
        assert_coded_in_english(&problem, case);
    }

    let resp = app.get("/api/v1/auth/me", None).await;
    let problem = assert_problem(resp, 401, ErrorCode::Unauthorized).await;
    assert_coded_in_english(&problem, "not signed in");

    let resp = app
        .client
        .post(app.url(login))
        .header("content-type", "text/plain")
        .body("username=a")
        .send()
        .await
        .unwrap();
    let problem = assert_problem(resp, 415, ErrorCode::UnsupportedMediaType).await;
    assert_coded_in_english(&problem, "not JSON");

    let (user, token) = app
        .signed_in("pengguna.uji", &[kinerja_api::auth::Role::Pegawai])
        .await;
    let resp = app
        .post_json(
            "/api/v1/auth/change-password",
            &serde_json::json!({"current_password": "Salah-Sekali-2026", "new_password": user.username}),
            Some(&token),
        )
        .await;
    let problem = assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
    assert_coded_in_english(&problem, "change password");

    let (_, admin) = app
        .signed_in("admin.uji", &[kinerja_api::auth::Role::Admin])
        .await;
    let resp = app
        .get(
            &format!("/api/v1/users/{}", uuid::Uuid::nil()),
            Some(&admin),
        )
        .await;
    let problem = assert_problem(resp, 404, ErrorCode::NotFound).await;
    assert_coded_in_english(&problem, "not found");
    let english = problem
        .message
        .and_then(|m| m.render(kinerja_api::pesan::Bahasa::En));
    assert_eq!(english.as_deref(), Some("User not found."));
}
db_test!(real_errors_render_in_english_from_their_codes);

async fn enum_values_are_listed_as_users_write_them(db: Db) {
    let app = spawn_app(db).await;
    let resp = app
        .post_json(
            "/api/v1/auth/login",
            &serde_json::json!({"username": "a", "password": "x", "refresh_delivery": "pigeon"}),
            None,
        )
        .await;
    let problem = assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
    assert_eq!(
        problem.field_errors("refresh_delivery"),
        ["Nilai 'pigeon' tidak dikenal; pilihan: cookie atau body."]
    );
}
db_test!(enum_values_are_listed_as_users_write_them);
