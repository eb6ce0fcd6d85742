use crate::helpers::*;
use kinerja_api::ErrorCode;
use kinerja_api::auth::Role;
use kinerja_api::system::HealthStatus;

async fn health_answers_ok_with_request_id_and_security_headers(db: Db) {
    let app = spawn_app(db).await;
    let resp = app.get("/health", None).await;
    assert_eq!(resp.status(), 200);
    let h = resp.headers();
    assert!(h.get("x-request-id").is_some_and(|v| !v.is_empty()));
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["x-frame-options"], "DENY");
    assert_eq!(h["referrer-policy"], "no-referrer");
    assert!(
        h["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("default-src 'none'")
    );
    let body: HealthStatus = resp.json().await.unwrap();
    assert_eq!(body.status, "ok");
}
db_test!(health_answers_ok_with_request_id_and_security_headers);

async fn ready_reports_the_database_reachable(db: Db) {
    let app = spawn_app(db).await;
    let resp = app.get("/ready", None).await;
    assert_eq!(resp.status(), 200);
    let body: HealthStatus = resp.json().await.unwrap();
    assert_eq!(body.database.as_deref(), Some("ok"));
}
db_test!(ready_reports_the_database_reachable);

async fn every_response_gets_its_own_request_id(db: Db) {
    let app = spawn_app(db).await;
    let a = app.get("/health", None).await.headers()["x-request-id"].clone();
    let b = app.get("/api/v1/nothing", None).await.headers()["x-request-id"].clone();
    assert_ne!(a, b);
}
db_test!(every_response_gets_its_own_request_id);

async fn metrics_count_requests_per_route_pattern(db: Db) {
    let app = spawn_app(db).await;
    app.get("/health", None).await;
    app.get("/api/v1/users/0190a0a0-0000-7000-8000-000000000000", None)
        .await;
    let text = app.get("/metrics", None).await.text().await.unwrap();
    assert!(
        text.contains(
            r#"kinerja_http_requests_total{method="GET",route="/health",status="200"} 1"#
        ),
        "{text}"
    );
    // Ids never become labels: the route pattern does.
    assert!(
        text.contains(r#"route="/api/v1/users/{id}",status="401""#),
        "{text}"
    );
    assert!(text.contains("kinerja_http_request_duration_seconds_bucket"));
}
db_test!(metrics_count_requests_per_route_pattern);

async fn unknown_api_path_is_a_404_problem(db: Db) {
    let app = spawn_app(db).await;
    let body = assert_problem(
        app.get("/api/v1/tidak-ada", None).await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    assert_eq!(body.title, "Tidak ditemukan");
}
db_test!(unknown_api_path_is_a_404_problem);

async fn an_unsupported_method_is_405_with_allow(db: Db) {
    let app = spawn_app(db).await;
    let resp = app
        .client
        .delete(app.url("/api/v1/auth/login"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.headers()["allow"], "POST");
    assert_problem(resp, 405, ErrorCode::MethodNotAllowed).await;
    let resp = app
        .client
        .put(app.url("/api/v1/users/0190a0a0-0000-7000-8000-000000000000"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.headers()["allow"], "GET, PATCH");
    assert_problem(resp, 405, ErrorCode::MethodNotAllowed).await;
}
db_test!(an_unsupported_method_is_405_with_allow);

async fn swagger_ui_and_the_spec_are_served_offline(db: Db) {
    let app = spawn_app(db).await;
    let resp = app.get("/docs/", None).await;
    assert_eq!(resp.status(), 200);
    assert!(resp.text().await.unwrap().contains("swagger"));
    // Swagger UI reads the one document the server serialised at start.
    let init = app.get("/docs/swagger-initializer.js", None).await;
    assert_eq!(init.status(), 200);
    assert!(
        init.text()
            .await
            .unwrap()
            .contains("/api-docs/openapi.json")
    );
    let resp = app.get("/api-docs/openapi.json", None).await;
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    assert_eq!(resp.status(), 200);
    let spec: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(spec["info"]["title"], "Kinerja API");
    assert!(spec["paths"]["/api/v1/auth/login"]["post"].is_object());
}
db_test!(swagger_ui_and_the_spec_are_served_offline);

/// A literal segment wins over `{id}` for every method: `PUT /skp/mine` is not `PUT /skp/{id}`
/// with a malformed id (400) but a method the path does not take (405), and `OPTIONS` lists the
/// literal path's own methods.
async fn a_literal_segment_wins_over_an_id_for_every_method(db: Db) {
    let app = spawn_app(db).await;
    let (_, token) = app.signed_in("admin.uji", &[Role::Admin]).await;
    for (method, path, allow) in [
        (reqwest::Method::PUT, "/api/v1/skp/mine", "GET"),
        (reqwest::Method::PUT, "/api/v1/skp/inbox", "GET"),
        (reqwest::Method::PATCH, "/api/v1/employees/export", "GET"),
        (reqwest::Method::PATCH, "/api/v1/units/tree", "GET"),
        (reqwest::Method::OPTIONS, "/api/v1/skp/mine", "GET"),
    ] {
        let resp = app
            .client
            .request(method.clone(), app.url(path))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.headers()["allow"], allow, "{method} {path}");
        assert_problem(resp, 405, ErrorCode::MethodNotAllowed).await;
    }
    // The literal path still answers its own method.
    let resp = app.get("/api/v1/units/tree", Some(&token)).await;
    assert_eq!(resp.status(), 200);
}
db_test!(a_literal_segment_wins_over_an_id_for_every_method);
