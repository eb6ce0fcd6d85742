//! CORS allow-list, request timeout, and the docs entry point.

use crate::helpers::*;
use kinerja_api::ErrorCode;

const ALLOWED: &str = "https://kinerja.serangkota.go.id";

async fn cors_answers_only_allowed_origins(db: Db) {
    let app = spawn_app_with(db, |c| {
        c.insert(
            "KINERJA_CORS_ORIGINS".into(),
            format!("{ALLOWED}, https://lain.go.id"),
        );
    })
    .await;
    let preflight = |origin: &'static str| {
        app.client
            .request(reqwest::Method::OPTIONS, app.url("/api/v1/auth/login"))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .send()
    };
    let ok = preflight(ALLOWED).await.unwrap();
    assert_eq!(ok.status(), 200);
    assert_eq!(ok.headers()["access-control-allow-origin"], ALLOWED);
    assert_eq!(ok.headers()["access-control-allow-credentials"], "true");
    let denied = preflight("https://jahat.example").await.unwrap();
    assert!(
        denied
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
}
db_test!(cors_answers_only_allowed_origins);

async fn same_origin_requests_work_without_any_cors_configuration(db: Db) {
    let app = spawn_app(db).await;
    let user = app.create_user("pegawai.uji", &[]).await;
    // Browsers send Origin on same-origin POSTs; with no allow-list this must still work.
    let resp = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("origin", app.address.clone())
        .json(&serde_json::json!({"username": user.username, "password": user.password}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
}
db_test!(same_origin_requests_work_without_any_cors_configuration);

async fn a_request_past_the_timeout_is_a_503_problem(db: Db) {
    let app = spawn_app_with(db, |c| {
        c.insert("KINERJA_REQUEST_TIMEOUT_SECS".into(), "0".into());
    })
    .await;
    let resp = app.post_login("siapa.saja", "apa-saja-boleh").await;
    assert!(resp.headers().get("retry-after").is_some());
    assert_problem(resp, 503, ErrorCode::RequestTimeout).await;
}
db_test!(a_request_past_the_timeout_is_a_503_problem);

async fn docs_without_a_trailing_slash_leads_to_swagger_ui(db: Db) {
    let app = spawn_app(db).await;
    let resp = app.get("/docs", None).await;
    assert!(resp.status().is_redirection(), "{}", resp.status());
    assert_eq!(resp.headers()["location"], "/docs/");
}
db_test!(docs_without_a_trailing_slash_leads_to_swagger_ui);
