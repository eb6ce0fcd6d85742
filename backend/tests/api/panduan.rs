//! In-app guides (issue #19, docs/panduan.md): the built-in guides of a fresh installation,
//! search and filters, the HR office's edits with versions and audit, Markdown that never
//! carries markup of its own, and every role that must not write.

use kinerja_api::audit::AuditEvent;
use kinerja_api::auth::Role;
use kinerja_api::panduan::{Panduan, RingkasanPanduan};
use kinerja_api::{ErrorCode, Page};
use reqwest::Response;
use serde_json::{Value, json};

use crate::helpers::*;

async fn ok<T: serde::de::DeserializeOwned>(resp: Response, status: u16) -> T {
    let got = resp.status().as_u16();
    let text = resp.text().await.unwrap();
    assert_eq!(got, status, "{text}");
    serde_json::from_str(&text).unwrap()
}

async fn list(app: &TestApp, token: &str, query: &str) -> Page<RingkasanPanduan> {
    ok(
        app.get(&format!("/api/v1/panduan{query}"), Some(token))
            .await,
        200,
    )
    .await
}

fn slugs(p: &Page<RingkasanPanduan>) -> Vec<&str> {
    p.items.iter().map(|g| g.slug.as_str()).collect()
}

async fn put(app: &TestApp, token: Option<&str>, slug: &str, b: &Value) -> Response {
    let mut req = app
        .client
        .put(app.url(&format!("/api/v1/panduan/{slug}")))
        .json(b);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req.send().await.unwrap()
}

async fn delete(app: &TestApp, token: Option<&str>, slug: &str, lock: i32) -> Response {
    let mut req = app
        .client
        .delete(app.url(&format!("/api/v1/panduan/{slug}?lock_version={lock}")));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req.send().await.unwrap()
}

/// Markdown carrying every trick a malicious or careless editor might try.
const JAHAT: &str = "## Langkah\n\n\
    1. Buka *SKP Saya* <script>alert('skrip')</script>\n\
    2. Gambar <img src=x onerror=\"alert('onerror')\">\n\
    3. [Klik di sini](javascript:alert('tautan')) dan [ini](JAVASCRIPT:alert(1)) \
    dan <javascript:alert(2)>\n\
    4. ![ilustrasi](javascript:alert(3)) ![langkah](/gambar/langkah-1.png)\n\
    5. [Sumber](https://jdih.menpan.go.id/) dan [SKP](/skp)\n\n\
    <div onmouseover=\"alert('div')\">blok</div>\n\n\
    <svg onload=alert(4)>\n";

fn tulis(slug: Option<&str>, isi: &str) -> Value {
    json!({
        "slug": slug,
        "peran": "pegawai",
        "layar": ["skp", "beranda"],
        "judul_id": "Mengganti kata sandi",
        "judul_en": "Changing your password",
        "isi_id": isi,
        "isi_en": "1. Open *Profile*.\n2. Choose a new password.",
        "urutan": 5,
    })
}

/// The HTML carries no markup from the Markdown: every `<` left in it opens a tag of the
/// Markdown writer (a `<` of the text is `&lt;`), and no such tag is a script, a raw element,
/// an event handler or a `javascript:` target. The text of them may show, escaped.
fn assert_safe(html: &str) {
    let allowed = [
        "p", "/p", "h2", "/h2", "ol", "/ol", "ul", "/ul", "li", "/li", "em", "/em", "strong",
        "/strong", "a", "/a", "img", "code", "/code",
    ];
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("closed tag") + start;
        let tag = rest[start + 1..end].to_lowercase();
        let name = tag.split([' ', '/']).find(|s| !s.is_empty()).unwrap_or("");
        let name = if tag.starts_with('/') {
            format!("/{name}")
        } else {
            name.to_owned()
        };
        assert!(allowed.contains(&name.as_str()), "<{tag}> in {html}");
        for bad in [
            "script",
            "javascript",
            "onerror",
            "onload",
            "onmouseover",
            "data:",
        ] {
            assert!(!tag.contains(bad), "<{tag}> in {html}");
        }
        rest = &rest[end + 1..];
    }
    assert!(html.contains("&lt;script&gt;"), "shown as text: {html}");
}

async fn built_in_guides_are_there_for_every_reader_and_searchable(db: Db) {
    let app = spawn_app(db).await;
    let (_, pegawai) = app.signed_in("pegawai-baca", &[Role::Pegawai]).await;

    // Reading needs a sign-in, nothing more.
    assert_problem(
        app.get("/api/v1/panduan", None).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    assert_problem(
        app.get("/api/v1/panduan/isi-skp", None).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;

    // A fresh installation has the built-in guides, three per role, in their order.
    let all = list(&app, &pegawai, "?per_page=100").await;
    assert_eq!(all.total, 9, "{:?}", slugs(&all));
    assert_eq!(slugs(&all)[0], "isi-skp");
    assert!(all.items.iter().all(|g| g.bawaan));
    for (peran, expected) in [
        ("pegawai", ["isi-skp", "isi-realisasi", "ajukan-keberatan"]),
        (
            "ppkin",
            ["setujui-skp", "beri-umpan-balik", "nilai-bawahan"],
        ),
        (
            "admin",
            ["buka-periode", "impor-pegawai", "distribusi-predikat"],
        ),
    ] {
        let p = list(&app, &pegawai, &format!("?peran={peran}")).await;
        assert_eq!(slugs(&p), expected, "{peran}");
    }
    // Each screen with a "?" has a guide.
    for layar in kinerja_api::panduan::LAYAR_DIKENAL {
        let p = list(&app, &pegawai, &format!("?layar={layar}")).await;
        assert!(p.total >= 1, "{layar}");
        assert!(p.items.iter().all(|g| g.layar.iter().any(|l| l == layar)));
    }
    let skp = list(&app, &pegawai, "?layar=skp").await;
    assert_eq!(slugs(&skp), ["isi-skp", "setujui-skp"]);
    let ppkin_skp = list(&app, &pegawai, "?layar=skp&peran=ppkin").await;
    assert_eq!(slugs(&ppkin_skp), ["setujui-skp"]);

    // Search: titles and texts of both languages, any case, every word.
    let found = list(&app, &pegawai, "?q=KEBERATAN").await;
    assert!(
        slugs(&found).contains(&"ajukan-keberatan"),
        "{:?}",
        slugs(&found)
    );
    let found = list(&app, &pegawai, "?q=objection").await;
    assert!(
        slugs(&found).contains(&"ajukan-keberatan"),
        "{:?}",
        slugs(&found)
    );
    let found = list(&app, &pegawai, "?q=templat%20XLSX").await;
    assert_eq!(slugs(&found), ["impor-pegawai"]);
    let none = list(&app, &pegawai, "?q=templat%20lebaran").await;
    assert_eq!(none.total, 0);
    // LIKE's wildcards are searched as themselves.
    for wildcard in ["%25", "_", "%25%25"] {
        let p = list(&app, &pegawai, &format!("?q={wildcard}")).await;
        assert_eq!(p.total, 0, "{wildcard}");
    }
    // Pages.
    let second = list(&app, &pegawai, "?per_page=4&page=2").await;
    assert_eq!(second.items.len(), 4);
    assert_eq!(second.total, 9);
    assert_eq!(slugs(&second)[0], slugs(&all)[4]);

    // One guide: the Markdown and the server's HTML in both languages.
    let g: Panduan = ok(
        app.get("/api/v1/panduan/isi-skp", Some(&pegawai)).await,
        200,
    )
    .await;
    assert!(g.isi_id.contains("**Tambah RHK.**"));
    assert!(
        g.html_id.contains("<strong>Tambah RHK.</strong>"),
        "{}",
        g.html_id
    );
    assert!(g.html_en.contains("<ol>"), "{}", g.html_en);
    assert!(!g.boleh_ubah);
    assert_eq!(g.layar, ["skp"]);

    // Unknown and malformed slugs, bad filters.
    assert_problem(
        app.get("/api/v1/panduan/tidak-ada", Some(&pegawai)).await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    assert_problem(
        app.get("/api/v1/panduan/Isi%20SKP", Some(&pegawai)).await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    let bad = assert_problem(
        app.get("/api/v1/panduan?layar=skp%25", Some(&pegawai))
            .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(bad.errors.unwrap().contains_key("layar"));
    assert_problem(
        app.get("/api/v1/panduan?peran=camat", Some(&pegawai)).await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
}
db_test!(built_in_guides_are_there_for_every_reader_and_searchable);

async fn only_the_hr_office_writes_guides(db: Db) {
    let app = spawn_app(db).await;
    let (_, pegawai) = app.signed_in("pegawai-tulis", &[Role::Pegawai]).await;
    let (_, pimpinan) = app
        .signed_in("pimpinan-tulis", &[Role::Pegawai, Role::Pimpinan])
        .await;
    let (_, auditor) = app.signed_in("auditor-tulis", &[Role::Auditor]).await;
    let (_, admin) = app.signed_in("admin-tulis", &[Role::Admin]).await;
    let (_, superadmin) = app.signed_in("super-tulis", &[Role::Superadmin]).await;
    let body = tulis(Some("ganti-sandi"), "1. Buka *Profil*.");

    let resp = app.post_json("/api/v1/panduan", &body, None).await;
    assert_problem(resp, 401, ErrorCode::Unauthorized).await;
    for token in [&pegawai, &pimpinan, &auditor] {
        let resp = app.post_json("/api/v1/panduan", &body, Some(token)).await;
        assert_problem(resp, 403, ErrorCode::Forbidden).await;
    }
    let g: Panduan = ok(app.get("/api/v1/panduan/isi-skp", Some(&admin)).await, 200).await;
    assert!(g.boleh_ubah);
    let mut edit = tulis(None, "Isi baru");
    edit["lock_version"] = json!(g.lock_version);
    let resp = put(&app, None, "isi-skp", &edit).await;
    assert_problem(resp, 401, ErrorCode::Unauthorized).await;
    for token in [&pegawai, &pimpinan, &auditor] {
        assert_problem(
            put(&app, Some(token), "isi-skp", &edit).await,
            403,
            ErrorCode::Forbidden,
        )
        .await;
        assert_problem(
            delete(&app, Some(token), "isi-skp", g.lock_version).await,
            403,
            ErrorCode::Forbidden,
        )
        .await;
    }
    assert_problem(
        delete(&app, None, "isi-skp", g.lock_version).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    // The installation's operator writes too.
    let made: Panduan = ok(
        app.post_json("/api/v1/panduan", &body, Some(&superadmin))
            .await,
        201,
    )
    .await;
    assert!(!made.bawaan);
    // Nothing changed by those refused.
    let after: Panduan = ok(
        app.get("/api/v1/panduan/isi-skp", Some(&pegawai)).await,
        200,
    )
    .await;
    assert_eq!(after.lock_version, g.lock_version);
    assert_eq!(after.isi_id, g.isi_id);
}
db_test!(only_the_hr_office_writes_guides);

async fn markdown_of_an_editor_never_becomes_markup(db: Db) {
    let app = spawn_app(db).await;
    let (_, admin) = app.signed_in("admin-md", &[Role::Admin]).await;
    let (_, pegawai) = app.signed_in("pegawai-md", &[Role::Pegawai]).await;

    let made: Panduan = ok(
        app.post_json(
            "/api/v1/panduan",
            &tulis(Some("uji-aman"), JAHAT),
            Some(&admin),
        )
        .await,
        201,
    )
    .await;
    assert_safe(&made.html_id);
    // As every reader gets it.
    let read: Panduan = ok(
        app.get("/api/v1/panduan/uji-aman", Some(&pegawai)).await,
        200,
    )
    .await;
    assert_eq!(read.isi_id, JAHAT.trim(), "the Markdown is kept as written");
    assert_safe(&read.html_id);
    // Safe targets stay links and images; the unsafe ones lose their target, not their text.
    assert!(
        read.html_id
            .contains(r#"<a href="https://jdih.menpan.go.id/">Sumber</a>"#)
    );
    assert!(read.html_id.contains(r#"<a href="/skp">SKP</a>"#));
    assert!(
        read.html_id
            .contains(r#"<img src="/gambar/langkah-1.png" alt="langkah" />"#)
    );
    assert!(read.html_id.contains("Klik di sini"));
    assert!(read.html_id.contains("<h2>Langkah</h2>"));

    // An edit through PUT is rendered the same way, in both languages.
    let mut edit = tulis(None, "Aman");
    edit["isi_en"] = json!(JAHAT);
    edit["lock_version"] = json!(read.lock_version);
    let edited: Panduan = ok(put(&app, Some(&admin), "uji-aman", &edit).await, 200).await;
    assert_safe(&edited.html_en);
    // Search finds it by words of its text, not by markup it does not have.
    let found = list(&app, &pegawai, "?q=onerror").await;
    assert_eq!(
        slugs(&found),
        ["uji-aman"],
        "searched in the Markdown as written"
    );
}
db_test!(markdown_of_an_editor_never_becomes_markup);

async fn guides_are_edited_with_versions_and_audited(db: Db) {
    let app = spawn_app(db).await;
    let (_, admin) = app.signed_in("admin-versi", &[Role::Admin]).await;
    let (_, kedua) = app.signed_in("admin-kedua", &[Role::Admin]).await;

    // A built-in guide may be changed.
    let g: Panduan = ok(app.get("/api/v1/panduan/isi-skp", Some(&admin)).await, 200).await;
    let mut a = tulis(None, "Versi A");
    a["lock_version"] = json!(g.lock_version);
    a["layar"] = json!(["skp"]);
    let mut b = tulis(None, "Versi B");
    b["lock_version"] = json!(g.lock_version);
    b["layar"] = json!(["skp"]);
    // Two editors of one version: one wins, the other is told.
    let (ra, rb) = tokio::join!(
        put(&app, Some(&admin), "isi-skp", &a),
        put(&app, Some(&kedua), "isi-skp", &b)
    );
    let mut codes = [ra.status().as_u16(), rb.status().as_u16()];
    codes.sort_unstable();
    assert_eq!(codes, [200, 409]);
    let now: Panduan = ok(app.get("/api/v1/panduan/isi-skp", Some(&admin)).await, 200).await;
    assert_eq!(now.lock_version, g.lock_version + 1);
    assert!(now.isi_id == "Versi A" || now.isi_id == "Versi B");
    assert_eq!(now.slug, "isi-skp", "a PUT keeps the slug of its path");
    assert!(now.bawaan);
    // The stale one again: 409.
    assert_problem(
        put(&app, Some(&admin), "isi-skp", &a).await,
        409,
        ErrorCode::Conflict,
    )
    .await;
    // Without a version: 422.
    let mut no_version = tulis(None, "x");
    no_version["layar"] = json!([]);
    let e = assert_problem(
        put(&app, Some(&admin), "isi-skp", &no_version).await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(e.errors.unwrap().contains_key("lock_version"));
    // A built-in guide is never deleted.
    assert_problem(
        delete(&app, Some(&admin), "isi-skp", now.lock_version).await,
        409,
        ErrorCode::Conflict,
    )
    .await;

    // One the HR office wrote: its slug is its own, it is deleted with its version.
    let made: Panduan = ok(
        app.post_json(
            "/api/v1/panduan",
            &tulis(Some("ganti-sandi"), "1. Buka *Profil*."),
            Some(&admin),
        )
        .await,
        201,
    )
    .await;
    assert_eq!(made.layar, ["skp", "beranda"]);
    let again = assert_problem(
        app.post_json(
            "/api/v1/panduan",
            &tulis(Some("ganti-sandi"), "lagi"),
            Some(&admin),
        )
        .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(again.errors.unwrap().contains_key("slug"));
    assert_problem(
        delete(&app, Some(&admin), "ganti-sandi", made.lock_version + 1).await,
        409,
        ErrorCode::Conflict,
    )
    .await;
    let resp = delete(&app, Some(&admin), "ganti-sandi", made.lock_version).await;
    assert_eq!(resp.status(), 204);
    assert_problem(
        app.get("/api/v1/panduan/ganti-sandi", Some(&admin)).await,
        404,
        ErrorCode::NotFound,
    )
    .await;

    // Every write is in the audit trail, with what it was before.
    for (action, n) in [
        ("panduan.updated", 1),
        ("panduan.created", 1),
        ("panduan.deleted", 1),
    ] {
        let events: Page<AuditEvent> = ok(
            app.get(&format!("/api/v1/audit?action={action}"), Some(&admin))
                .await,
            200,
        )
        .await;
        assert_eq!(events.total, n, "{action}");
        let e = &events.items[0];
        assert_eq!(e.entity_type, "panduan");
        if action != "panduan.created" {
            assert!(e.before.is_some(), "{action}");
        }
    }
    let updated: Page<AuditEvent> = ok(
        app.get("/api/v1/audit?action=panduan.updated", Some(&admin))
            .await,
        200,
    )
    .await;
    let e = &updated.items[0];
    assert_eq!(e.before.as_ref().unwrap()["isi_id"], json!(g.isi_id));
    assert_eq!(e.after.as_ref().unwrap()["isi_id"], json!(now.isi_id));
}
db_test!(guides_are_edited_with_versions_and_audited);

async fn bad_guides_are_refused_per_field(db: Db) {
    let app = spawn_app(db).await;
    let (_, admin) = app.signed_in("admin-salah", &[Role::Admin]).await;
    for (field, change) in [
        ("slug", json!({"slug": "Bukan Slug"})),
        ("slug", json!({"slug": "-awal"})),
        ("slug", json!({"slug": null})),
        ("judul_id", json!({"judul_id": "  "})),
        ("judul_en", json!({"judul_en": "ab"})),
        ("isi_id", json!({"isi_id": ""})),
        ("isi_en", json!({"isi_en": "x".repeat(20_001)})),
        ("layar", json!({"layar": ["skp", "Tidak Sah"]})),
        (
            "layar",
            json!({"layar": ["a1", "b1", "c1", "d1", "e1", "f1", "g1"]}),
        ),
        ("urutan", json!({"urutan": 1001})),
    ] {
        let mut body = tulis(Some("salah-satu"), "isi");
        for (k, v) in change.as_object().unwrap() {
            body[k] = v.clone();
        }
        let e = assert_problem(
            app.post_json("/api/v1/panduan", &body, Some(&admin)).await,
            422,
            ErrorCode::ValidationFailed,
        )
        .await;
        assert!(e.errors.unwrap().contains_key(field), "{field}: {change}");
    }
    let mut unknown = tulis(Some("salah-dua"), "isi");
    unknown["bawaan"] = json!(true);
    let resp = app
        .post_json("/api/v1/panduan", &unknown, Some(&admin))
        .await;
    assert_eq!(resp.status(), 422);
    let mut bad_role = tulis(Some("salah-tiga"), "isi");
    bad_role["peran"] = json!("camat");
    let resp = app
        .post_json("/api/v1/panduan", &bad_role, Some(&admin))
        .await;
    assert_eq!(resp.status(), 422);
    let all: Page<RingkasanPanduan> = list(&app, &admin, "").await;
    assert_eq!(all.total, 9, "nothing was written");
}
db_test!(bad_guides_are_refused_per_field);
