//! Hosting the SPA: history fallback, CSP for trunk's inline loader, caching, compression.
//! Uses a small stand-in `dist/` so it runs without building the wasm app.

use crate::helpers::*;
use kinerja_api::ErrorCode;

const INLINE: &str = "import init from '/kinerja-frontend-0123456789abcdef.js'; init();";
const KEPEGAWAIAN: &str = "import init from '/kepegawaian-0123456789abcdef.js'; init();";

async fn spawn_with_spa(db: Db) -> (TestApp, tempfile::TempDir) {
    spawn_with_pages(db, None).await
}

/// The stand-in `dist/`, with `penilaian.html` holding `penilaian` as its loader (and
/// `kepegawaian.html` holding [`KEPEGAWAIAN`]) when given.
async fn spawn_with_pages(db: Db, penilaian: Option<&str>) -> (TestApp, tempfile::TempDir) {
    let dist = tempfile::tempdir().unwrap();
    if let Some(loader) = penilaian {
        for (page, loader) in [
            ("penilaian.html", loader),
            ("kepegawaian.html", KEPEGAWAIAN),
        ] {
            std::fs::write(
                dist.path().join(page),
                format!("<!doctype html><html><head><script type=\"module\">{loader}</script></head><body></body></html>"),
            )
            .unwrap();
        }
    }
    std::fs::write(
        dist.path().join("index.html"),
        format!("<!doctype html><html><head><script type=\"module\">{INLINE}</script></head><body></body></html>"),
    )
    .unwrap();
    std::fs::write(
        dist.path().join("kinerja-frontend-0123456789abcdef.js"),
        "console.log('kinerja');\n".repeat(200),
    )
    .unwrap();
    std::fs::write(
        dist.path().join("favicon.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    let path = dist.path().to_str().unwrap().to_owned();
    let app = spawn_app_with(db, |c| {
        c.insert("KINERJA_SPA_DIR".into(), path);
    })
    .await;
    (app, dist)
}

async fn client_routes_get_index_html_with_a_strict_csp(db: Db) {
    let (app, _dist) = spawn_with_spa(db).await;
    // Without a penilaian.html, its routes get index.html too.
    for path in [
        "/",
        "/masuk",
        "/profil",
        "/halaman/tidak/ada",
        "/evaluasi/bawahan",
    ] {
        let resp = app.get(path, None).await;
        assert_eq!(resp.status(), 200, "{path}");
        assert_eq!(resp.headers()["cache-control"], "no-cache");
        let csp = resp.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        use base64::Engine;
        use sha2::Digest;
        let hash = base64::engine::general_purpose::STANDARD
            .encode(sha2::Sha256::digest(INLINE.as_bytes()));
        assert!(csp.contains(&format!("'sha256-{hash}'")), "{csp}");
        assert!(!csp.contains("unsafe-inline"));
        assert!(resp.text().await.unwrap().contains(INLINE));
    }
}
db_test!(client_routes_get_index_html_with_a_strict_csp);

async fn server_paths_never_fall_back_to_the_spa(db: Db) {
    let (app, _dist) = spawn_with_spa(db).await;
    for path in [
        "/api/v1/tidak-ada",
        "/api/v2/apa",
        "/api-docs/tidak-ada",
        "/metrics/x",
    ] {
        assert_problem(app.get(path, None).await, 404, ErrorCode::NotFound).await;
    }
    let resp = app.client.post(app.url("/masuk")).send().await.unwrap();
    assert_problem(resp, 404, ErrorCode::NotFound).await;
}
db_test!(server_paths_never_fall_back_to_the_spa);

async fn hashed_assets_are_cached_for_a_year_and_compressed(db: Db) {
    let (app, _dist) = spawn_with_spa(db).await;
    let resp = app
        .client
        .get(app.url("/kinerja-frontend-0123456789abcdef.js"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(
        resp.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(resp.headers()["content-encoding"], "gzip");
    let resp = app.get("/favicon.svg", None).await;
    assert_eq!(resp.headers()["cache-control"], "no-cache");
}
db_test!(hashed_assets_are_cached_for_a_year_and_compressed);

async fn the_penilaian_routes_get_their_bundles_page_with_its_own_csp(db: Db) {
    let loader = "import init from '/penilaian-0123456789abcdef.js'; init();";
    let (app, _dist) = spawn_with_pages(db, Some(loader)).await;
    use base64::Engine;
    use sha2::Digest;
    let hash = |s: &str| {
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(s.as_bytes()))
    };
    for (path, script) in [
        ("/evaluasi", loader),
        ("/evaluasi/bawahan", loader),
        ("/referensi-penilaian", loader),
        ("/klien-api", KEPEGAWAIAN),
        ("/audit", KEPEGAWAIAN),
        ("/pegawai/0190", KEPEGAWAIAN),
        ("/organisasi", KEPEGAWAIAN),
        ("/", INLINE),
        ("/evaluasian", INLINE),
        ("/skp/bawahan", INLINE),
    ] {
        let resp = app.get(path, None).await;
        assert_eq!(resp.status(), 200, "{path}");
        let csp = resp.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            csp.contains(&format!("'sha256-{}'", hash(script))),
            "{path}: {csp}"
        );
        assert!(resp.text().await.unwrap().contains(script), "{path}");
    }
}
db_test!(the_penilaian_routes_get_their_bundles_page_with_its_own_csp);
