//! Data from other systems: API clients, OAuth2 client credentials, data-key bindings and the
//! idempotent ingest of indicator values, on the demo chain (Rina, pelaksana in Subbagian Umum,
//! rated by the kasubag).

use chrono::{Datelike, NaiveDate};
use kinerja_api::ErrorCode;
use kinerja_api::integrations::{
    ApiClient, ApiClientCreated, DataKeyBinding, IngestRejection, IngestResult, IngestStatus,
    OAuthErrorBody, OAuthTokenResponse,
};
use kinerja_api::measurement::RealisasiSheet;
use kinerja_api::planning::Skp;
use reqwest::Response;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::*;
use crate::organisation::unit_named;
use crate::planning::{Chain, chain};

const KEY: &str = "simpus.pasien_dilayani";

async fn register(c: &Chain, unit: &str, scopes: &[&str]) -> ApiClientCreated {
    let unit = unit_named(&c.app, &c.admin, unit).await;
    let resp = c
        .app
        .post_json(
            "/api/v1/api-clients",
            &json!({"nama": "SIMPUS Uji", "unit_id": unit.id, "scopes": scopes}),
            Some(&c.admin),
        )
        .await;
    assert_eq!(resp.status(), 201);
    assert_eq!(resp.headers()["cache-control"], "no-store");
    resp.json().await.unwrap()
}

async fn token_form(c: &Chain, form: &[(&str, &str)]) -> Response {
    c.app
        .client
        .post(c.app.url("/api/v1/oauth/token"))
        .form(form)
        .send()
        .await
        .unwrap()
}

async fn client_token(c: &Chain, client: &ApiClientCreated) -> String {
    let id = client.client.id.to_string();
    let resp = c
        .app
        .client
        .post(c.app.url("/api/v1/oauth/token"))
        .basic_auth(&id, Some(&client.client_secret))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let t: OAuthTokenResponse = resp.json().await.unwrap();
    t.access_token
}

async fn ingest(c: &Chain, token: &str, key: Option<&str>, items: Value) -> Response {
    let mut req = c
        .app
        .client
        .post(c.app.url("/api/v1/ingest/indicator-values"))
        .bearer_auth(token)
        .json(&json!({ "items": items }));
    if let Some(k) = key {
        req = req.header("Idempotency-Key", k);
    }
    req.send().await.unwrap()
}

async fn oauth_error(resp: Response, status: u16, error: &str) {
    assert_eq!(resp.status().as_u16(), status);
    assert_eq!(resp.headers()["cache-control"], "no-store");
    let body: OAuthErrorBody = resp.json().await.unwrap();
    assert_eq!(body.error, error);
    assert!(!body.error_description.is_empty());
}

/// Rina's approved SKP for this year.
async fn rina_skp(c: &Chain) -> Skp {
    let kasubag = c.upper_chain().await;
    c.agreed(&c.rina, &c.kasubag, Some(&kasubag)).await
}

async fn bind(c: &Chain, token: &str, skp: &Skp, iki: Uuid, body: Value) -> Response {
    c.app
        .client
        .put(
            c.app
                .url(&format!("/api/v1/skp/{}/iki/{iki}/data-key", skp.id)),
        )
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn sheet(c: &Chain, skp: &Skp, k: u32) -> RealisasiSheet {
    c.app
        .get(
            &format!("/api/v1/skp/{}/realisasi?periode_ke={k}", skp.id),
            Some(&c.rina),
        )
        .await
        .json()
        .await
        .unwrap()
}

fn day(d: u32) -> NaiveDate {
    let today = kinerja::clock::today();
    NaiveDate::from_ymd_opt(today.year(), today.month(), d).unwrap()
}

async fn the_admin_registers_clients_that_get_short_lived_tokens(db: Db) {
    let c = chain(db).await;
    // Only the admin registers clients; input is validated per field.
    let unit = unit_named(&c.app, &c.admin, "Kecamatan Cipocok Jaya").await;
    let body = json!({"nama": "SIMPUS", "unit_id": unit.id, "scopes": ["realisasi:write"]});
    assert_problem(
        c.app.post_json("/api/v1/api-clients", &body, None).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    assert_problem(
        c.app
            .post_json("/api/v1/api-clients", &body, Some(&c.camat))
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    assert_problem(
        c.app.get("/api/v1/api-clients", Some(&c.rina)).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    let bad = assert_problem(
        c.app
            .post_json(
                "/api/v1/api-clients",
                &json!({"nama": "  ", "unit_id": Uuid::nil(), "scopes": []}),
                Some(&c.admin),
            )
            .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!bad.field_errors("nama").is_empty() && !bad.field_errors("scopes").is_empty());
    let unknown = assert_problem(
        c.app
            .post_json(
                "/api/v1/api-clients",
                &json!({"nama": "SIMPUS", "unit_id": Uuid::nil(), "scopes": ["pegawai:read"]}),
                Some(&c.admin),
            )
            .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!unknown.field_errors("unit_id").is_empty());
    assert_problem(
        c.app
            .post_json(
                "/api/v1/api-clients",
                &json!({"nama": "SIMPUS", "unit_id": unit.id, "scopes": ["root"]}),
                Some(&c.admin),
            )
            .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;

    let created = register(
        &c,
        "Kecamatan Cipocok Jaya",
        &["realisasi:write", "pegawai:read", "realisasi:write"],
    )
    .await;
    assert_eq!(created.client_secret.len(), 64);
    assert_eq!(created.client.scopes.len(), 2);
    assert!(created.client.aktif);
    // The secret is shown once: the list carries only its prefix.
    let listed = c
        .app
        .get("/api/v1/api-clients", Some(&c.admin))
        .await
        .text()
        .await
        .unwrap();
    assert!(!listed.contains(&created.client_secret));
    let clients: Vec<ApiClient> = serde_json::from_str(&listed).unwrap();
    assert_eq!(clients[0].secret_prefix, created.client_secret[..8]);

    // Client credentials in the form or by HTTP Basic.
    let id = created.client.id.to_string();
    let resp = token_form(
        &c,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", &id),
            ("client_secret", &created.client_secret),
            ("scope", "realisasi:write"),
        ],
    )
    .await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["cache-control"], "no-store");
    let t: OAuthTokenResponse = resp.json().await.unwrap();
    assert_eq!(
        (t.token_type.as_str(), t.scope.as_str(), t.expires_in),
        ("Bearer", "realisasi:write", 900)
    );
    let all = client_token(&c, &created).await;
    assert_ne!(all, t.access_token);

    // RFC 6749 errors.
    oauth_error(
        token_form(
            &c,
            &[
                ("grant_type", "client_credentials"),
                ("client_id", &id),
                ("client_secret", "salah"),
            ],
        )
        .await,
        401,
        "invalid_client",
    )
    .await;
    oauth_error(
        token_form(
            &c,
            &[
                ("grant_type", "client_credentials"),
                ("client_id", "bukan-uuid"),
                ("client_secret", "x"),
            ],
        )
        .await,
        401,
        "invalid_client",
    )
    .await;
    oauth_error(
        token_form(
            &c,
            &[
                ("grant_type", "password"),
                ("client_id", &id),
                ("client_secret", &created.client_secret),
            ],
        )
        .await,
        400,
        "unsupported_grant_type",
    )
    .await;
    oauth_error(
        token_form(
            &c,
            &[
                ("grant_type", "client_credentials"),
                ("client_id", &id),
                ("client_secret", &created.client_secret),
                ("scope", "users:write"),
            ],
        )
        .await,
        400,
        "invalid_scope",
    )
    .await;
    oauth_error(
        token_form(&c, &[("client_id", &id)]).await,
        400,
        "invalid_request",
    )
    .await;
    oauth_error(
        c.app
            .post_json(
                "/api/v1/oauth/token",
                &json!({"grant_type": "client_credentials"}),
                None,
            )
            .await,
        400,
        "invalid_request",
    )
    .await;

    // A client token is no user token, and the other way round.
    assert_problem(
        c.app.get("/api/v1/auth/me", Some(&all)).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    assert_problem(
        ingest(&c, &c.admin, Some("k1"), json!([])).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    // The token of a realisasi:write-only request cannot read bindings.
    assert_problem(
        c.app
            .get("/api/v1/ingest/bindings?tahun=2026", Some(&t.access_token))
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;

    // Disabling takes effect at once, for new and for issued tokens.
    let resp = c
        .app
        .patch_json(
            &format!("/api/v1/api-clients/{id}"),
            &json!({"aktif": false}),
            Some(&c.admin),
        )
        .await;
    assert_eq!(resp.status(), 200);
    assert!(!resp.json::<ApiClient>().await.unwrap().aktif);
    oauth_error(
        token_form(
            &c,
            &[
                ("grant_type", "client_credentials"),
                ("client_id", &id),
                ("client_secret", &created.client_secret),
            ],
        )
        .await,
        401,
        "invalid_client",
    )
    .await;
    assert_problem(
        c.app
            .get("/api/v1/ingest/bindings?tahun=2026", Some(&all))
            .await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    assert_problem(
        c.app
            .patch_json(
                &format!("/api/v1/api-clients/{id}"),
                &json!({"aktif": true}),
                Some(&c.rina),
            )
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    assert_problem(
        c.app
            .patch_json(
                &format!("/api/v1/api-clients/{}", Uuid::nil()),
                &json!({"aktif": true}),
                Some(&c.admin),
            )
            .await,
        404,
        ErrorCode::NotFound,
    )
    .await;

    // Audited.
    let audit = c
        .app
        .get("/api/v1/audit?per_page=100", Some(&c.admin))
        .await
        .text()
        .await
        .unwrap();
    assert!(audit.contains("api_client.created") && audit.contains("api_client.disabled"));
}
db_test!(the_admin_registers_clients_that_get_short_lived_tokens);

async fn pushed_values_become_realisasi_once_per_idempotency_key(db: Db) {
    let c = chain(db).await;
    let skp = rina_skp(&c).await;
    let [iki0, iki1] = [0, 1].map(|i| skp.rhk[0].iki[i].id.unwrap());

    // The owner binds; the PPKin may not; the key is checked.
    assert_problem(
        bind(&c, &c.kasubag, &skp, iki0, json!({"data_key": KEY})).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    let bad = assert_problem(
        bind(
            &c,
            &c.rina,
            &skp,
            iki0,
            json!({"data_key": "Pasien Dilayani"}),
        )
        .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!bad.field_errors("data_key").is_empty());
    assert_problem(
        bind(&c, &c.rina, &skp, Uuid::nil(), json!({"data_key": KEY})).await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    let resp = bind(
        &c,
        &c.rina,
        &skp,
        iki0,
        json!({"data_key": KEY, "agregasi": "sum"}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    // The admin may bind too (here: the latest value counts for the percentage).
    let bound: Vec<DataKeyBinding> = bind(
        &c,
        &c.admin,
        &skp,
        iki1,
        json!({"data_key": "simpus.persen_tepat_waktu", "agregasi": "last"}),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(bound.len(), 2);
    assert_eq!(bound[0].nip, kinerja::demo::PELAKSANA_NIP);
    let listed: Vec<DataKeyBinding> = c
        .app
        .get(
            &format!("/api/v1/skp/{}/data-keys", skp.id),
            Some(&c.kasubag),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed, bound);

    // A client of the Sekretariat (Rina's Subbagian Umum lies below it; the camat does not).
    let client = register(
        &c,
        "Sekretariat Kecamatan Cipocok Jaya",
        &["realisasi:write", "pegawai:read"],
    )
    .await;
    let token = client_token(&c, &client).await;
    let bindings: Vec<DataKeyBinding> = c
        .app
        .get(
            &format!(
                "/api/v1/ingest/bindings?tahun={}",
                crate::planning::this_year()
            ),
            Some(&token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        bindings
            .iter()
            .map(|b| b.data_key.as_str())
            .collect::<Vec<_>>(),
        vec![KEY, "simpus.persen_tepat_waktu"]
    );

    let rina = kinerja::demo::PELAKSANA_NIP;
    let month = kinerja::clock::today().month();
    let v = |key: &str, nip: &str, d: u32, nilai: f64| json!({"data_key": key, "nip": nip, "tanggal": day(d), "nilai": nilai});
    let mut items = vec![
        v(KEY, rina, 1, 3.0),
        v(KEY, rina, 2, 5.0),
        v(KEY, rina, 3, 4.0),
        v("simpus.tidak_ada", rina, 1, 1.0),
        v(KEY, "199912312025011999", 1, 1.0),
        v(KEY, kinerja::demo::CAMAT_NIP, 1, 1.0),
        v("simpus.persen_tepat_waktu", rina, 1, 80.0),
        v("simpus.persen_tepat_waktu", rina, 2, 90.0),
    ];
    let january_locked = month > 2;
    if january_locked {
        items.push(json!({"data_key": KEY, "nip": rina, "tahun": crate::planning::this_year(), "periode_ke": 1, "nilai": 9.0}));
    }
    let items = Value::Array(items);

    // The key is required, and the body is validated per item.
    let missing = assert_problem(
        ingest(&c, &token, None, items.clone()).await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!missing.field_errors("Idempotency-Key").is_empty());
    let invalid = assert_problem(
        ingest(
            &c,
            &token,
            Some("b0"),
            json!([{"data_key": KEY, "nilai": -1.0}]),
        )
        .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!invalid.field_errors("items[0].nilai").is_empty());
    let untargeted = assert_problem(
        ingest(
            &c,
            &token,
            Some("b0"),
            json!([v(KEY, rina, 1, 1.0), {"data_key": KEY, "nilai": 1.0}]),
        )
        .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(
        !untargeted.field_errors("items[1]").is_empty(),
        "{untargeted:?}"
    );
    assert!(
        !assert_problem(
            ingest(&c, &token, Some("b0"), json!([])).await,
            422,
            ErrorCode::ValidationFailed
        )
        .await
        .field_errors("items")
        .is_empty()
    );

    let resp = ingest(&c, &token, Some("batch-1"), items.clone()).await;
    assert_eq!(resp.status(), 200);
    let first: IngestResult = resp.json().await.unwrap();
    assert!(!first.replay);
    assert_eq!(first.diterima, 5);
    let codes: Vec<Option<IngestRejection>> = first.items.iter().map(|i| i.kode).collect();
    let mut expected = vec![
        None,
        None,
        None,
        Some(IngestRejection::UnknownKey),
        Some(IngestRejection::UnknownEmployee),
        Some(IngestRejection::OutsideUnit),
        None,
        None,
    ];
    if january_locked {
        expected.push(Some(IngestRejection::PeriodLocked));
    }
    assert_eq!(codes, expected);
    assert!(first.items[3].alasan.is_some());
    assert_eq!(first.items[0].status, IngestStatus::Accepted);

    // Daily values aggregate by the binding's rule: 3 + 5 + 4 patients; the latest percentage.
    let s = sheet(&c, &skp, month).await;
    let r0 = s.rows[0].realisasi.as_ref().unwrap();
    assert_eq!((r0.nilai, r0.sumber.as_str()), (Some(12.0), "api"));
    assert!(r0.dasar.as_deref().unwrap().contains("SIMPUS Uji"));
    assert_eq!(s.rows[1].realisasi.as_ref().unwrap().nilai, Some(90.0));

    // A replay returns the first answer and writes nothing; another body under the key is refused.
    let again: IngestResult = ingest(&c, &token, Some("batch-1"), items.clone())
        .await
        .json()
        .await
        .unwrap();
    assert!(again.replay);
    assert_eq!(again.items, first.items);
    assert_eq!(
        sheet(&c, &skp, month).await.rows[0]
            .realisasi
            .as_ref()
            .unwrap()
            .nilai,
        Some(12.0)
    );
    assert_problem(
        ingest(&c, &token, Some("batch-1"), json!([v(KEY, rina, 4, 1.0)])).await,
        409,
        ErrorCode::Conflict,
    )
    .await;

    // A day sent again replaces that day: 10 + 5 + 4.
    let fix: IngestResult = ingest(&c, &token, Some("batch-2"), json!([v(KEY, rina, 1, 10.0)]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(fix.diterima, 1);
    assert_eq!(
        sheet(&c, &skp, month).await.rows[0]
            .realisasi
            .as_ref()
            .unwrap()
            .nilai,
        Some(19.0)
    );

    // A unit-wide value reaches every bound IKI of the unit's employees.
    let umum = unit_named(&c.app, &c.admin, "Subbagian Umum dan Kepegawaian").await;
    let unit: IngestResult = ingest(
        &c,
        &token,
        Some("batch-3"),
        json!([{"data_key": KEY, "unit_id": umum.id, "tanggal": day(5), "nilai": 2.0}]),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!((unit.diterima, unit.items[0].iki), (1, 1));
    assert_eq!(
        sheet(&c, &skp, month).await.rows[0]
            .realisasi
            .as_ref()
            .unwrap()
            .nilai,
        Some(21.0)
    );
    let camat_unit = unit_named(&c.app, &c.admin, "Kecamatan Cipocok Jaya").await;
    let outside: IngestResult = ingest(
        &c,
        &token,
        Some("batch-4"),
        json!([{"data_key": KEY, "unit_id": camat_unit.id, "tanggal": day(5), "nilai": 2.0}]),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(outside.items[0].kode, Some(IngestRejection::OutsideUnit));

    // The employee may still correct by hand; the source follows the last writer.
    let url = c.app.url(&format!(
        "/api/v1/skp/{}/realisasi/{iki0}?periode_ke={month}",
        skp.id
    ));
    let manual: RealisasiSheet = c
        .app
        .client
        .put(url)
        .bearer_auth(&c.rina)
        .json(&json!({"nilai": 20.0}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(manual.rows[0].realisasi.as_ref().unwrap().sumber, "pegawai");

    // A client without realisasi:write is refused; so is an expired or forged token.
    let reader = register(&c, "Sekretariat Kecamatan Cipocok Jaya", &["pegawai:read"]).await;
    let reader_token = client_token(&c, &reader).await;
    assert_problem(
        ingest(&c, &reader_token, Some("x"), items).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    assert_problem(
        ingest(&c, "abc.def.ghi", Some("x"), json!([v(KEY, rina, 1, 1.0)])).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;

    // Unbinding stops the flow: the key is unknown again.
    let left: Vec<DataKeyBinding> = bind(&c, &c.rina, &skp, iki0, json!({"data_key": null}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(left.len(), 1);
    let after: IngestResult = ingest(&c, &token, Some("batch-5"), json!([v(KEY, rina, 6, 1.0)]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(after.items[0].kode, Some(IngestRejection::UnknownKey));

    // A perubahan SKP carries the remaining binding into the new version's IKI.
    let current: Skp = c
        .app
        .get(&format!("/api/v1/skp/{}", skp.id), Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    let body = json!({"lock_version": current.lock_version, "alasan": "Perubahan target setelah APBD perubahan"});
    let revised: Skp = c
        .app
        .post_json(
            &format!("/api/v1/skp/{}/revise", skp.id),
            &body,
            Some(&c.rina),
        )
        .await
        .json()
        .await
        .unwrap();
    let carried: Vec<DataKeyBinding> = c
        .app
        .get(
            &format!("/api/v1/skp/{}/data-keys", revised.id),
            Some(&c.rina),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        carried
            .iter()
            .map(|b| (b.data_key.as_str(), b.agregasi, b.skp_id))
            .collect::<Vec<_>>(),
        vec![("simpus.persen_tepat_waktu", left[0].agregasi, revised.id)]
    );
    assert_eq!(carried[0].iki_id, revised.rhk[0].iki[1].id.unwrap());
    // Editing the draft (the same IKI, a new target) keeps it.
    let mut rhk = revised.rhk.clone();
    rhk[0].iki[1].target_nilai = Some(95.0);
    let update = kinerja_api::planning::UpdateSkp {
        lock_version: revised.lock_version,
        pendekatan: revised.pendekatan,
        rhk,
        lampiran: revised.lampiran.clone(),
    };
    let resp = c
        .app
        .client
        .put(c.app.url(&format!("/api/v1/skp/{}", revised.id)))
        .bearer_auth(&c.rina)
        .json(&update)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    let kept: Vec<DataKeyBinding> = c
        .app
        .get(
            &format!("/api/v1/skp/{}/data-keys", revised.id),
            Some(&c.rina),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(kept, carried);
}
db_test!(pushed_values_become_realisasi_once_per_idempotency_key);

async fn swagger_ui_can_authorize_with_client_credentials(db: Db) {
    let app = spawn_app(db).await;
    let doc: Value = app
        .get("/api-docs/openapi.json", None)
        .await
        .json()
        .await
        .unwrap();
    let scheme = &doc["components"]["securitySchemes"]["oauth2"];
    assert_eq!(scheme["type"], "oauth2");
    assert_eq!(
        scheme["flows"]["clientCredentials"]["tokenUrl"],
        "/api/v1/oauth/token"
    );
    assert!(scheme["flows"]["clientCredentials"]["scopes"]["realisasi:write"].is_string());
    let op = &doc["paths"]["/api/v1/ingest/indicator-values"]["post"];
    assert_eq!(op["security"][0]["oauth2"][0], "realisasi:write");
    assert!(
        op["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "Idempotency-Key" && p["in"] == "header")
    );
}
db_test!(swagger_ui_can_authorize_with_client_credentials);

async fn the_demo_nurse_is_fed_by_the_puskesmas_system(db: Db) {
    let app = spawn_app(db).await;
    assert!(kinerja::demo::seed_organisation(&app.db).await.unwrap());
    assert!(kinerja::demo::seed_planning(&app.db).await.unwrap() > 50);
    let (_, admin) = app
        .signed_in("admin.uji", &[kinerja_api::auth::Role::Admin])
        .await;
    let page: kinerja_api::Page<kinerja_api::organisation::Unit> = app
        .get("/api/v1/units?q=Puskesmas%20Banjar", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    let unit = page.items[0].id;
    let created: ApiClientCreated = app.post_json("/api/v1/api-clients", &json!({"nama": "SIMPUS Puskesmas Banjar Agung", "unit_id": unit, "scopes": ["realisasi:write", "pegawai:read"]}), Some(&admin)).await.json().await.unwrap();
    let token: OAuthTokenResponse = app
        .client
        .post(app.url("/api/v1/oauth/token"))
        .basic_auth(created.client.id, Some(&created.client_secret))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let year = crate::planning::this_year();
    let bindings: Vec<DataKeyBinding> = app
        .get(
            &format!("/api/v1/ingest/bindings?tahun={year}"),
            Some(&token.access_token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(bindings.len(), 1);
    assert_eq!(
        (bindings[0].nip.as_str(), bindings[0].data_key.as_str()),
        (kinerja::demo::PERAWAT_NIP, kinerja::demo::SIMPUS_KEY)
    );
    let today = kinerja::clock::today();
    let resp = app.client.post(app.url("/api/v1/ingest/indicator-values"))
        .bearer_auth(&token.access_token).header("Idempotency-Key", "demo-1")
        .json(&json!({"items": [{"data_key": kinerja::demo::SIMPUS_KEY, "nip": kinerja::demo::PERAWAT_NIP, "tanggal": today, "nilai": 37.0}]}))
        .send().await.unwrap();
    let result: IngestResult = resp.json().await.unwrap();
    assert_eq!(result.diterima, 1, "{result:?}");
    let sheet: RealisasiSheet = app
        .get(
            &format!(
                "/api/v1/skp/{}/realisasi?periode_ke={}",
                bindings[0].skp_id,
                today.month()
            ),
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    let row = sheet
        .rows
        .iter()
        .find(|r| r.iki_id == bindings[0].iki_id)
        .unwrap();
    assert_eq!(row.indikator, "Jumlah pasien yang dilayani");
    assert_eq!(row.realisasi.as_ref().unwrap().nilai, Some(37.0));
}
db_test!(the_demo_nurse_is_fed_by_the_puskesmas_system);
