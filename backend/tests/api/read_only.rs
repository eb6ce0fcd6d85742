//! Read-only means read-only (issue #15): the auditor writes nothing, a password change ends
//! every earlier access token, and a download is named after what was checked.

use chrono::Datelike;
use kinerja_api::auth::Role;
use kinerja_api::penilaian::EvaluasiView;
use reqwest::Method;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::*;
use crate::planning::chain;

/// Write operations open to every signed-in user, each about the caller's own password or
/// inbox: they are not the auditor's to be refused. (Operations without `security` — sign-in,
/// refresh, logout, the OAuth2 token — take no user token and are left out as well.)
const OPEN_TO_EVERY_USER: &[(&str, &str)] = &[
    ("POST", "/api/v1/auth/change-password"),
    ("POST", "/api/v1/notifications/read-all"),
    ("POST", "/api/v1/notifications/{id}/read"),
];

/// A value for a required parameter, from its schema.
fn sample(param: &Value, ids: &[(&str, Uuid)]) -> String {
    let name = param["name"].as_str().unwrap_or_default();
    if let Some((_, id)) = ids.iter().find(|(n, _)| *n == name) {
        return id.to_string();
    }
    let schema = &param["schema"];
    match (schema["type"].as_str(), schema["format"].as_str()) {
        (_, Some("uuid")) => Uuid::now_v7().to_string(),
        (_, Some("date")) => kinerja::clock::today().to_string(),
        (Some("integer"), _) => kinerja::clock::today().month().to_string(),
        _ => "x".to_owned(),
    }
}

/// Every write operation of the OpenAPI document, sent with an auditor's token, is refused
/// with 403 before anything else is looked at (an unknown id, an empty body), and leaves no
/// audit event. Generated from the document, so a new write endpoint is covered without anyone
/// listing it. Path ids are real where the demo chain has one (the auditor reads those),
/// random otherwise.
async fn an_auditor_writes_nothing(db: Db) {
    use sea_orm::{EntityTrait, PaginatorTrait};
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let skp = c.agreed(&c.rina, &c.kasubag, Some(&kasubag_skp)).await;
    let k = kinerja::clock::today().month();
    let resp = c
        .app
        .client
        .put(
            c.app
                .url(&format!("/api/v1/skp/{}/evaluasi?periode_ke={k}", skp.id)),
        )
        .bearer_auth(&c.kasubag)
        .json(&json!({"rating_hasil": "sesuai_ekspektasi"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    let evaluasi: EvaluasiView = resp.json().await.unwrap();
    let evaluasi_id = evaluasi.evaluasi.unwrap().id;
    let (_, auditor) = c.app.signed_in("auditor.uji", &[Role::Auditor]).await;

    let events = || kinerja::entities::audit_events::Entity::find().count(&c.app.db);
    let before = events().await.unwrap();
    let spec: Value = serde_json::from_str(&kinerja::openapi::to_pretty_json().unwrap()).unwrap();
    let mut checked = 0;
    let mut wrong = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let method = method.to_uppercase();
            if !["POST", "PUT", "PATCH", "DELETE"].contains(&method.as_str())
                || OPEN_TO_EVERY_USER.contains(&(method.as_str(), path.as_str()))
                || op.get("security").is_none()
            {
                continue;
            }
            // The id in a path names the resource of the segment before it.
            let id = match path.split('/').nth(3) {
                Some("skp") => Some(skp.id),
                Some("evaluasi") => Some(evaluasi_id),
                Some("employees") => Some(skp.employee_id),
                Some("periods") => Some(c.periode.id),
                _ => None,
            };
            let mut ids = vec![("iki_id", skp.rhk[0].iki[0].id.unwrap())];
            ids.extend(id.map(|id| ("id", id)));
            let params = op["parameters"].as_array().cloned().unwrap_or_default();
            let mut url = path.clone();
            let mut query = Vec::new();
            let mut headers = Vec::new();
            for p in params.iter().filter(|p| p["required"] == true) {
                let name = p["name"].as_str().unwrap();
                let value = sample(p, &ids);
                match p["in"].as_str() {
                    Some("path") => url = url.replace(&format!("{{{name}}}"), &value),
                    Some("query") => query.push(format!("{name}={value}")),
                    Some("header") => headers.push((name.to_owned(), value)),
                    _ => {}
                }
            }
            if !query.is_empty() {
                url = format!("{url}?{}", query.join("&"));
            }
            let mut req = c
                .app
                .client
                .request(
                    Method::from_bytes(method.as_bytes()).unwrap(),
                    c.app.url(&url),
                )
                .bearer_auth(&auditor);
            for (name, value) in headers {
                req = req.header(name, value);
            }
            let content = &op["requestBody"]["content"];
            req = if content.get("multipart/form-data").is_some() {
                let pdf = b"%PDF-1.4\n%%EOF\n".to_vec();
                req.multipart(reqwest::multipart::Form::new().part(
                    "file",
                    reqwest::multipart::Part::bytes(pdf).file_name("a.pdf"),
                ))
            } else {
                req.json(&json!({}))
            };
            let status = req.send().await.unwrap().status().as_u16();
            // Operations for API clients only take a client's token: a user's is no
            // credential there at all (401), if the read-only refusal (403) is not first.
            let clients_only = op["security"]
                .as_array()
                .is_some_and(|s| s.iter().all(|s| s.get("bearer").is_none()));
            if status != 403 && !(clients_only && status == 401) {
                wrong.push(format!("{method} {url}: {status}"));
            }
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} write operations found");
    assert_eq!(
        events().await.unwrap(),
        before,
        "the auditor's writes left audit events"
    );
    assert!(
        wrong.is_empty(),
        "the auditor was not refused with 403:\n{}",
        wrong.join("\n")
    );
}
db_test!(an_auditor_writes_nothing);

/// An access token issued in the same second as a password change (sign in, change at once)
/// no longer works after it; the token the change hands out does.
async fn a_password_change_ends_tokens_of_the_same_second(db: Db) {
    use sea_orm::EntityTrait;
    let app = spawn_app(db).await;
    let user = app.create_user("pegawai.uji", &[]).await;
    let keys = kinerja::auth::jwt::JwtKeys::new(TEST_JWT_SECRET.as_bytes(), 900);
    let mut password = user.password.clone();
    let mut same_second = 0;
    // Signing in and changing take a fraction of a second: most rounds fall in one second;
    // repeat until three did, so the case is always exercised.
    for round in 0..10 {
        if same_second == 3 {
            break;
        }
        let (old, _) = app.login(&user.username, &password).await;
        let new_password = format!("Baru-Sekali-2026-{round}");
        let resp = app
            .post_json(
                "/api/v1/auth/change-password",
                &json!({"current_password": password, "new_password": new_password}),
                Some(&old.access_token),
            )
            .await;
        assert_eq!(resp.status(), 200);
        let new: kinerja_api::auth::TokenResponse = resp.json().await.unwrap();
        password = new_password;
        let changed = kinerja::entities::users::Entity::find_by_id(user.id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .password_changed_at;
        if keys.verify(&old.access_token).unwrap().iat == changed.timestamp() {
            same_second += 1;
        }
        assert_eq!(
            app.get("/api/v1/auth/me", Some(&old.access_token))
                .await
                .status(),
            401,
            "round {round}: the token from before the change still works"
        );
        assert_eq!(
            app.get("/api/v1/auth/me", Some(&new.access_token))
                .await
                .status(),
            200
        );
    }
    assert!(same_second > 0, "no round fell within one second");
}
db_test!(a_password_change_ends_tokens_of_the_same_second);

/// A PDF uploaded as `evil.html` is served as a PDF named `.pdf`: the saved file opens as
/// what was checked, not as a web page.
async fn an_upload_is_named_after_its_recognised_type(db: Db) {
    use kinerja_api::measurement::BuktiDukung;
    use reqwest::multipart::{Form, Part};
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let skp = c.agreed(&c.rina, &c.kasubag, Some(&kasubag_skp)).await;
    let k = kinerja::clock::today().month();
    let iki = skp.rhk[0].iki[0].id.unwrap();
    let realisasi = format!("/api/v1/skp/{}/realisasi/{iki}?periode_ke={k}", skp.id);
    let resp = c
        .app
        .client
        .put(c.app.url(&realisasi))
        .bearer_auth(&c.rina)
        .json(&json!({"nilai": 10.0}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec();
    let resp = c
        .app
        .client
        .post(c.app.url(&format!(
            "/api/v1/skp/{}/realisasi/{iki}/bukti?periode_ke={k}",
            skp.id
        )))
        .bearer_auth(&c.rina)
        .multipart(Form::new().part("file", Part::bytes(pdf.clone()).file_name("evil.html")))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let bukti: BuktiDukung = resp.json().await.unwrap();
    assert_eq!(bukti.nama_berkas.as_deref(), Some("evil.pdf"));
    let resp = c
        .app
        .get(&format!("/api/v1/bukti/{}", bukti.id), Some(&c.kasubag))
        .await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "application/pdf");
    let disposition = resp.headers()["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\"evil.pdf\"")
            && disposition.ends_with("''evil.pdf"),
        "{disposition}"
    );
    assert_eq!(resp.bytes().await.unwrap().to_vec(), pdf);
}
db_test!(an_upload_is_named_after_its_recognised_type);
