//! The citizen's survey page `/survei/{kode}` (issue #17): served whole by the server, small
//! on the wire, escaped, with a clear page when the survey is not open; the kiosk link for the
//! counter tablet and the per-survey limit of the public form.

use std::io::Read as _;

use kinerja_api::ErrorCode;
use kinerja_api::survei::{Survei, TautanSurvei};
use serde_json::json;

use crate::helpers::*;
use crate::planning::{Chain, chain_with};
use crate::survei::{aksi, buat, dibuka, jawaban, kirim, kirim_banyak, terbitkan};

async fn setup(db: Db, per_jam: &str, per_menit: &str) -> Chain {
    let (per_jam, per_menit) = (per_jam.to_owned(), per_menit.to_owned());
    chain_with(db, move |v| {
        v.insert("KINERJA_SURVEI_RESPONS_PER_JAM".into(), per_jam);
        v.insert("KINERJA_SURVEI_RESPONS_PER_MENIT".into(), per_menit);
    })
    .await
}

async fn page(c: &Chain, path: &str) -> (u16, String, reqwest::header::HeaderMap) {
    let resp = c.app.get(path, None).await;
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    (status, resp.text().await.unwrap(), headers)
}

async fn survei_page_is_the_whole_form_small_and_escaped(db: Db) {
    let c = setup(db, "30", "600").await;
    let s = dibuka(&c, Some(100)).await;
    // The owner's wording is shown as text, never as markup.
    let resp = c
        .app
        .patch_json(
            &format!("/api/v1/survei/{}", s.id),
            &json!({"lock_version": s.lock_version, "judul": "SKM <script>alert(1)</script> Triwulan I"}),
            Some(&c.camat),
        )
        .await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());

    let (status, html, headers) = page(&c, &format!("/survei/{}", s.kode)).await;
    assert_eq!(status, 200);
    assert!(html.contains("Kecamatan Cipocok Jaya"));
    assert!(html.contains("SKM &lt;script&gt;alert(1)&lt;/script&gt; Triwulan I"));
    assert!(!html.contains("<script>alert(1)"));
    // Nine questions of four answers, the services, the honeypot, the survey's own wording.
    for u in 1..=9 {
        assert_eq!(
            html.matches(&format!("name=\"u{u}\"")).count(),
            4,
            "four answers for u{u}"
        );
    }
    assert!(html.contains("<option>KTP elektronik</option>"));
    assert!(html.contains("name=\"situs_web\""));
    assert!(html.contains("Berapa biaya yang Saudara bayar untuk layanan ini?"));
    assert!(html.contains("Tidak sesuai") || html.contains("tidak sesuai"));
    let csp = headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'sha256-"));
    assert!(!html.contains("kinerja-frontend"), "not the staff SPA");

    // What a phone downloads: the page compressed, well under 60 KB.
    let resp = c
        .app
        .client
        .get(c.app.url(&format!("/survei/{}", s.kode)))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(
        resp.headers()
            .get("content-encoding")
            .map(|v| v.to_str().unwrap()),
        Some("gzip")
    );
    let wire = resp.bytes().await.unwrap();
    let mut plain = String::new();
    flate2::read::GzDecoder::new(&wire[..])
        .read_to_string(&mut plain)
        .unwrap();
    assert_eq!(plain, html, "the compressed page is the page");
    println!(
        "public survey form: {} bytes gzip ({} bytes raw)",
        wire.len(),
        html.len()
    );
    assert!(wire.len() < 60 * 1024, "{} bytes", wire.len());
}
db_test!(survei_page_is_the_whole_form_small_and_escaped);

async fn survei_page_says_plainly_when_a_survey_is_not_open(db: Db) {
    let c = setup(db, "30", "600").await;
    let (status, html, _) = page(&c, "/survei/TIDAKADA99").await;
    assert_eq!(status, 404);
    assert!(html.contains("Survei tidak ditemukan"));

    let draft = buat(&c, &c.camat, None).await;
    let (status, html, _) = page(&c, &format!("/survei/{}", draft.kode)).await;
    assert_eq!(status, 404);
    assert!(html.contains("Survei belum dibuka"));
    assert!(!html.contains("name=\"u1\""));

    let s = dibuka(&c, None).await;
    let resp = aksi(&c, &c.camat, &s, "tutup").await;
    assert_eq!(resp.status(), 200);
    let (status, html, _) = page(&c, &format!("/survei/{}", s.kode)).await;
    assert_eq!(status, 410);
    assert!(html.contains("Survei sudah ditutup"));
}
db_test!(survei_page_says_plainly_when_a_survey_is_not_open);

async fn tautan(c: &Chain, token: &str, s: &Survei) -> reqwest::Response {
    c.app
        .get(&format!("/api/v1/survei/{}/tautan", s.id), Some(token))
        .await
}

async fn survei_kiosk_link_is_for_managers_and_lifts_the_address_limit(db: Db) {
    let c = setup(db, "2", "600").await;
    let s = dibuka(&c, None).await;
    // Staff elsewhere do not get the kiosk key; the HR office and the head do.
    assert_eq!(tautan(&c, &c.rina, &s).await.status(), 404);
    let resp = tautan(&c, &c.admin, &s).await;
    assert_eq!(resp.status(), 200);
    let t: TautanSurvei = resp.json().await.unwrap();
    assert_eq!(t.formulir, format!("/survei/{}", s.kode));
    let kunci = t.kios.split("kios=").nth(1).unwrap().to_owned();
    let t2: TautanSurvei = tautan(&c, &c.camat, &s).await.json().await.unwrap();
    assert_eq!(t2.kios, t.kios);
    // The kiosk page carries the key; a wrong key gives the ordinary form.
    let (_, html, _) = page(&c, &t.kios).await;
    assert!(html.contains(&format!("data-kios=\"{kunci}\"")));
    let (_, html, _) = page(&c, &format!("/survei/{}?kios=salah", s.kode)).await;
    assert!(html.contains("data-kios=\"\""));

    // Two answers from this address fill its hourly limit...
    kirim_banyak(&c, &s, ("KTP elektronik", [4; 9]), 2, "warga").await;
    let resp = kirim(
        &c,
        &s,
        &jawaban("KTP elektronik", [4; 9], "warga-000000000099"),
    )
    .await;
    assert_problem(resp, 429, ErrorCode::TooManyRequests).await;
    // ...which the counter tablet does not share; a wrong key does not help.
    let mut body = jawaban("KTP elektronik", [3; 9], "kios-000000000001");
    body["kios"] = json!("salah");
    assert_eq!(kirim(&c, &s, &body).await.status(), 429);
    for i in 0..3 {
        let mut body = jawaban("Kartu keluarga", [3; 9], &format!("kios-{i:012}"));
        body["kios"] = json!(kunci);
        let resp = kirim(&c, &s, &body).await;
        assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    }
}
db_test!(survei_kiosk_link_is_for_managers_and_lifts_the_address_limit);

async fn survei_per_survey_limit_holds_for_every_address_together(db: Db) {
    let c = setup(db, "0", "3").await;
    let s = dibuka(&c, None).await;
    kirim_banyak(&c, &s, ("KTP elektronik", [4; 9]), 3, "warga").await;
    let resp = kirim(
        &c,
        &s,
        &jawaban("KTP elektronik", [4; 9], "warga-000000000050"),
    )
    .await;
    assert!(resp.headers().get("retry-after").is_some());
    let body = assert_problem(resp, 429, ErrorCode::TooManyRequests).await;
    assert_eq!(
        body.message.map(|m| m.code),
        Some("survei_sibuk".to_owned())
    );
}
db_test!(survei_per_survey_limit_holds_for_every_address_together);

async fn survei_public_ikm_page_shows_only_published_results(db: Db) {
    let c = setup(db, "30", "600").await;
    let s = dibuka(&c, None).await;
    for (i, u) in [[4; 9], [3; 9]].into_iter().enumerate() {
        let resp = kirim(
            &c,
            &s,
            &jawaban("KTP elektronik", u, &format!("warga-{i:012}")),
        )
        .await;
        assert_eq!(resp.status(), 201);
    }
    // Not published yet: the page has nothing of it.
    let (status, html, headers) = page(&c, "/ikm").await;
    assert_eq!(status, 200);
    assert!(headers.get("content-security-policy").is_some());
    assert!(!html.contains("Kecamatan Cipocok Jaya"));
    assert!(html.contains("Belum ada hasil survei yang dipublikasikan."));

    terbitkan(&c, &c.camat, s.id).await;
    let (_, html, _) = page(&c, "/ikm").await;
    assert!(html.contains("Kecamatan Cipocok Jaya"));
    // (4 + 3) / 2 = 3.5 per unsur → IKM 87,50, mutu B.
    assert!(html.contains("IKM 87,50 · Mutu B"), "{html}");
    let (_, html, _) = page(&c, "/ikm?q=puskesmas").await;
    assert!(!html.contains("Kecamatan Cipocok Jaya"));
    let (_, html, _) = page(&c, "/ikm?q=%3Cscript%3E").await;
    assert!(html.contains("value=\"&lt;script&gt;\""));
}
db_test!(survei_public_ikm_page_shows_only_published_results);

async fn survei_trend_lists_the_units_surveys_the_viewer_may_read(db: Db) {
    use kinerja_api::survei::TitikTrenSurvei;
    let c = setup(db, "30", "600").await;
    let q1 = dibuka(&c, None).await;
    let resp = kirim(
        &c,
        &q1,
        &jawaban("KTP elektronik", [4; 9], "warga-000000000001"),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let resp = aksi(&c, &c.camat, &q1, "tutup").await;
    assert_eq!(resp.status(), 200);
    // The second quarter, open, with a weaker answer.
    let resp = c
        .app
        .post_json(
            "/api/v1/survei",
            &json!({
                "unit_id": q1.unit_id, "judul": "SKM Triwulan II", "jenis_periode": "triwulan",
                "period_id": q1.period_id, "periode_ke": 2, "layanan": ["KTP elektronik"],
            }),
            Some(&c.camat),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let q2: Survei = resp.json().await.unwrap();
    let q2: Survei = aksi(&c, &c.camat, &q2, "buka").await.json().await.unwrap();
    let resp = kirim(
        &c,
        &q2,
        &jawaban("KTP elektronik", [2; 9], "warga-000000000002"),
    )
    .await;
    assert_eq!(resp.status(), 201);

    let tren: Vec<TitikTrenSurvei> = c
        .app
        .get(&format!("/api/v1/survei/{}/tren", q2.id), Some(&c.camat))
        .await
        .json()
        .await
        .unwrap();
    let got: Vec<(String, Option<f64>)> = tren.iter().map(|t| (t.periode.clone(), t.ikm)).collect();
    let tahun = q1.tahun;
    assert_eq!(
        got,
        vec![
            (format!("Triwulan I {tahun}"), Some(100.0)),
            (format!("Triwulan II {tahun}"), Some(50.0)),
        ]
    );
    // Staff elsewhere read only published surveys: the first quarter once it is published.
    terbitkan(&c, &c.camat, q1.id).await;
    let resp = c
        .app
        .get(&format!("/api/v1/survei/{}/tren", q2.id), Some(&c.rina))
        .await;
    assert_eq!(resp.status(), 404, "q2 is not published");
    let tren: Vec<TitikTrenSurvei> = c
        .app
        .get(&format!("/api/v1/survei/{}/tren", q1.id), Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(tren.len(), 1);
    assert_eq!(
        c.app
            .get(&format!("/api/v1/survei/{}/tren", q1.id), None)
            .await
            .status(),
        401
    );
}
db_test!(survei_trend_lists_the_units_surveys_the_viewer_may_read);
