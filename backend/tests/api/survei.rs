//! The citizen satisfaction survey (issue #17): the IKM end to end through the public form,
//! voiding, the abuse rules of the unauthenticated write, who manages a survey, and stale
//! edits. On the demo chain: the camat heads Kecamatan Cipocok Jaya, the admin is the HR
//! office, Rina (pelaksana) and the sekda are staff elsewhere.

use kinerja_api::ErrorCode;
use kinerja_api::Page;
use kinerja_api::ikm::{Mutu, Unsur};
use kinerja_api::survei::{FormulirSurvei, HasilSurvei, ResponsSurvei, StatusSurvei, Survei};
use reqwest::Response;
use serde_json::{Value, json};

use crate::helpers::*;
use crate::organisation::unit_named;
use crate::planning::{Chain, chain_with};

pub(crate) async fn setup(db: Db, per_jam: &str) -> Chain {
    let per_jam = per_jam.to_owned();
    chain_with(db, move |v| {
        v.insert("KINERJA_SURVEI_RESPONS_PER_JAM".into(), per_jam);
    })
    .await
}

/// A survey of Kecamatan Cipocok Jaya created by `token` (201 expected).
pub(crate) async fn buat(c: &Chain, token: &str, populasi: Option<i32>) -> Survei {
    let kec = unit_named(&c.app, &c.admin, "Kecamatan Cipocok Jaya").await;
    let resp = c
        .app
        .post_json(
            "/api/v1/survei",
            &json!({
                "unit_id": kec.id,
                "judul": "SKM Triwulan I",
                "jenis_periode": "triwulan",
                "period_id": c.periode.id,
                "periode_ke": 1,
                "populasi": populasi,
                "layanan": ["KTP elektronik", "Kartu keluarga"],
                "pertanyaan": {"biaya_tarif": "Berapa biaya yang Saudara bayar untuk layanan ini?"},
            }),
            Some(token),
        )
        .await;
    assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    resp.json().await.unwrap()
}

pub(crate) async fn aksi(c: &Chain, token: &str, s: &Survei, aksi: &str) -> Response {
    c.app
        .post_json(
            &format!("/api/v1/survei/{}/{aksi}", s.id),
            &json!({"lock_version": s.lock_version}),
            Some(token),
        )
        .await
}

pub(crate) async fn dibuka(c: &Chain, populasi: Option<i32>) -> Survei {
    let s = buat(c, &c.camat, populasi).await;
    let resp = aksi(c, &c.camat, &s, "buka").await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    let s: Survei = resp.json().await.unwrap();
    assert_eq!(s.status, StatusSurvei::Dibuka);
    s
}

pub(crate) fn jawaban(layanan: &str, u: [u8; 9], token: &str) -> Value {
    json!({
        "layanan": layanan,
        "u1": u[0], "u2": u[1], "u3": u[2], "u4": u[3], "u5": u[4],
        "u6": u[5], "u7": u[6], "u8": u[7], "u9": u[8],
        "jenis_kelamin": "perempuan",
        "usia": "30_39",
        "saran": "Antrian <b>lebih</b> cepat",
        "token": token,
    })
}

pub(crate) async fn kirim(c: &Chain, s: &Survei, body: &Value) -> Response {
    c.app
        .post_json(
            &format!("/api/v1/publik/survei/{}/respons", s.kode),
            body,
            None,
        )
        .await
}

/// Publishes survey `id` as `token` (from its current version); 200 expected.
pub(crate) async fn terbitkan(c: &Chain, token: &str, id: uuid::Uuid) -> Survei {
    let path = format!("/api/v1/survei/{id}");
    let s: Survei = c.app.get(&path, Some(token)).await.json().await.unwrap();
    let resp = c
        .app
        .patch_json(
            &path,
            &json!({"lock_version": s.lock_version, "dipublikasikan": true}),
            Some(token),
        )
        .await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    resp.json().await.unwrap()
}

/// `n` public answers `u` to `layanan`, each with its own token `{prefix}-{i}`; 201 expected.
pub(crate) async fn kirim_banyak(
    c: &Chain,
    s: &Survei,
    (layanan, u): (&str, [u8; 9]),
    n: usize,
    prefix: &str,
) {
    for i in 0..n {
        let resp = kirim(c, s, &jawaban(layanan, u, &format!("{prefix}-{i:012}"))).await;
        assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    }
}

async fn stored(c: &Chain) -> u64 {
    use sea_orm::{EntityTrait, PaginatorTrait};
    kinerja::entities::survei_respons::Entity::find()
        .count(&c.app.db)
        .await
        .unwrap()
}

/// DOMAIN 7.5 (GASPUL): 29 respondents; per unsur the count of 4s, 3s and 2s.
fn contoh_domain() -> Vec<[u8; 9]> {
    let kolom: [&[(u8, usize)]; 9] = [
        &[(4, 18), (3, 11)],
        &[(4, 14), (3, 15)],
        &[(4, 15), (3, 12), (2, 2)],
        &[(4, 29)],
        &[(4, 15), (3, 14)],
        &[(4, 18), (3, 11)],
        &[(4, 19), (3, 10)],
        &[(4, 18), (3, 11)],
        &[(4, 28), (3, 1)],
    ];
    let expanded: Vec<Vec<u8>> = kolom
        .iter()
        .map(|k| {
            k.iter()
                .flat_map(|&(v, n)| std::iter::repeat_n(v, n))
                .collect()
        })
        .collect();
    (0..29)
        .map(|i| std::array::from_fn(|u| expanded[u][i]))
        .collect()
}

async fn hasil(c: &Chain, token: &str, s: &Survei) -> Response {
    c.app
        .get(&format!("/api/v1/survei/{}/hasil", s.id), Some(token))
        .await
}

async fn survei_formula_end_to_end_domain_example(db: Db) {
    let c = setup(db, "100").await;
    let s = dibuka(&c, Some(30)).await;
    assert_eq!(s.kode.len(), 10);

    let form: FormulirSurvei = c
        .app
        .get(&format!("/api/v1/publik/survei/{}", s.kode), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(form.unit_nama, "Kecamatan Cipocok Jaya");
    assert_eq!(form.layanan, ["KTP elektronik", "Kartu keluarga"]);
    assert_eq!(form.pertanyaan.len(), 9);
    assert_eq!(form.pertanyaan[3].unsur, Unsur::BiayaTarif);
    assert_eq!(
        form.pertanyaan[3].pertanyaan,
        "Berapa biaya yang Saudara bayar untuk layanan ini?"
    );
    assert_eq!(form.pertanyaan[3].pilihan[3], "Gratis");
    assert_eq!(
        form.pertanyaan[0].pertanyaan,
        Unsur::Persyaratan.pertanyaan_bawaan()
    );

    for (i, row) in contoh_domain().into_iter().enumerate() {
        let layanan = if i % 2 == 0 {
            "KTP elektronik"
        } else {
            "Kartu keluarga"
        };
        let resp = kirim(
            &c,
            &s,
            &jawaban(layanan, row, &format!("token-peramban-{i:04}")),
        )
        .await;
        assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    }

    let resp = hasil(&c, &c.camat, &s).await;
    assert_eq!(resp.status(), 200);
    let h: HasilSurvei = resp.json().await.unwrap();
    assert_eq!(h.hasil.responden, 29);
    let totals: Vec<u64> = h
        .hasil
        .nrr_per_unsur
        .iter()
        .map(|u| u.total_nilai)
        .collect();
    assert_eq!(totals, [105, 101, 100, 116, 102, 105, 106, 105, 115]);
    assert!((h.hasil.ikm.unwrap() - 955.0 / 261.0 * 25.0).abs() < 1e-9);
    assert_eq!(h.ikm_tampil, Some(91.48));
    assert_eq!(h.hasil.mutu, Some(Mutu::A));
    assert_eq!(
        (h.hasil.sampel_minimum, h.hasil.sampel_cukup),
        (Some(28), Some(true))
    );
    assert_eq!(h.hasil.prioritas[0], Unsur::WaktuPenyelesaian);
    assert_eq!(h.dibatalkan, 0);
    assert_eq!(h.per_layanan.len(), 2);
    assert_eq!(
        (
            h.per_layanan[0].layanan.as_str(),
            h.per_layanan[0].hasil.responden,
            h.per_layanan[1].hasil.responden
        ),
        ("KTP elektronik", 15, 14)
    );

    // The suggestion is kept as text, exactly as written; the staff list shows the profile.
    let page: Page<ResponsSurvei> = c
        .app
        .get(
            &format!("/api/v1/survei/{}/respons?per_page=5", s.id),
            Some(&c.camat),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((page.total, page.items.len()), (29, 5));
    assert_eq!(
        page.items[0].saran.as_deref(),
        Some("Antrian <b>lebih</b> cepat")
    );
    assert_eq!(page.items[0].jawaban.len(), 9);

    let survei: Survei = c
        .app
        .get(&format!("/api/v1/survei/{}", s.id), Some(&c.camat))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(survei.jumlah_respons, 29);
}
db_test!(survei_formula_end_to_end_domain_example);

async fn survei_voiding_excludes_a_response_and_is_audited(db: Db) {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let c = setup(db, "100").await;
    let s = dibuka(&c, None).await;
    for (i, u) in [[4u8; 9], [1; 9], [3; 9]].into_iter().enumerate() {
        let resp = kirim(
            &c,
            &s,
            &jawaban("KTP elektronik", u, &format!("peramban-abcdef-{i}")),
        )
        .await;
        assert_eq!(resp.status(), 201);
    }
    let h: HasilSurvei = hasil(&c, &c.camat, &s).await.json().await.unwrap();
    assert_eq!(h.hasil.responden, 3);
    let page: Page<ResponsSurvei> = c
        .app
        .get(&format!("/api/v1/survei/{}/respons", s.id), Some(&c.admin))
        .await
        .json()
        .await
        .unwrap();
    let satu = page.items.iter().find(|r| r.jawaban[0] == Some(1)).unwrap();
    let path = format!("/api/v1/survei/{}/respons/{}/batal", s.id, satu.id);

    // Voiding is the HR office's: not the unit head's, whose IKM it is.
    let resp = c
        .app
        .post_json(&path, &json!({"alasan": "Isian ganda"}), Some(&c.camat))
        .await;
    assert_problem(resp, 403, ErrorCode::Forbidden).await;
    let resp = c
        .app
        .post_json(&path, &json!({"alasan": ""}), Some(&c.admin))
        .await;
    let body = assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
    assert!(!body.field_errors("alasan").is_empty());

    let resp = c
        .app
        .post_json(
            &path,
            &json!({"alasan": "Diisi petugas untuk uji coba"}),
            Some(&c.admin),
        )
        .await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    let r: ResponsSurvei = resp.json().await.unwrap();
    assert!(r.dibatalkan_at.is_some());
    assert_eq!(
        r.alasan_batal.as_deref(),
        Some("Diisi petugas untuk uji coba")
    );

    let h: HasilSurvei = hasil(&c, &c.camat, &s).await.json().await.unwrap();
    assert_eq!((h.hasil.responden, h.dibatalkan), (2, 1));
    assert_eq!(h.ikm_tampil, Some(87.5));
    // Kept: listed on request, not by default.
    let all: Page<ResponsSurvei> = c
        .app
        .get(
            &format!("/api/v1/survei/{}/respons?dibatalkan=true", s.id),
            Some(&c.admin),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(all.total, 3);
    let counted: Page<ResponsSurvei> = c
        .app
        .get(&format!("/api/v1/survei/{}/respons", s.id), Some(&c.admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(counted.total, 2);

    let resp = c
        .app
        .post_json(&path, &json!({"alasan": "Sekali lagi"}), Some(&c.admin))
        .await;
    let body = assert_problem(resp, 409, ErrorCode::Conflict).await;
    assert_eq!(body.message.unwrap().code, "respons_sudah_dibatalkan");

    let events = kinerja::entities::audit_events::Entity::find()
        .filter(
            kinerja::entities::audit_events::Column::EntityType.is_in(["survei", "survei_respons"]),
        )
        .all(&c.app.db)
        .await
        .unwrap();
    let actions: Vec<&str> = events.iter().map(|e| e.action.as_str()).collect();
    for a in ["survei.created", "survei.opened", "survei_respons.voided"] {
        assert!(actions.contains(&a), "{actions:?}");
    }
    let void = events
        .iter()
        .find(|e| e.action == "survei_respons.voided")
        .unwrap();
    assert_eq!(void.reason.as_deref(), Some("Diisi petugas untuk uji coba"));
    assert_eq!(
        void.entity_id.as_deref(),
        Some(satu.id.to_string().as_str())
    );
}
db_test!(survei_voiding_excludes_a_response_and_is_audited);

/// docs/ikm.md, "Cost of the result": the result is served from its kept copy while nothing it
/// counts has changed, and counted again after a new response, a void or a paper form.
async fn survei_result_is_kept_until_what_it_counts_changes(db: Db) {
    use kinerja::entities::survei_hasil_simpan as simpan;
    use sea_orm::{ActiveModelTrait, EntityTrait, Set};
    let c = setup(db, "100").await;
    let s = dibuka(&c, None).await;
    kirim_banyak(&c, &s, ("KTP elektronik", [4; 9]), 2, "peramban-simpan-a").await;
    let first: HasilSurvei = hasil(&c, &c.camat, &s).await.json().await.unwrap();
    assert_eq!((first.hasil.responden, first.dibatalkan), (2, 0));
    let kept = simpan::Entity::find_by_id(s.id)
        .one(&c.app.db)
        .await
        .unwrap()
        .expect("the result is kept");
    // The survey's version and its change counter: two answers.
    assert_eq!(kept.sidik, format!("{}:2", s.lock_version));
    // Marked by hand, the kept copy is what the next view serves: nothing was counted again.
    let mut marked = first.clone();
    marked.dibatalkan = 999;
    let mut row: simpan::ActiveModel = kept.into();
    row.isi = Set(serde_json::to_string(&marked).unwrap());
    row.update(&c.app.db).await.unwrap();
    let again: HasilSurvei = hasil(&c, &c.camat, &s).await.json().await.unwrap();
    assert_eq!(again.dibatalkan, 999);
    // A citizen's answer changes what is counted: the next view counts it.
    kirim_banyak(&c, &s, ("KTP elektronik", [1; 9]), 1, "peramban-simpan-b").await;
    let after: HasilSurvei = hasil(&c, &c.camat, &s).await.json().await.unwrap();
    assert_eq!((after.hasil.responden, after.dibatalkan), (3, 0));
    // So does a void.
    let page: Page<ResponsSurvei> = c
        .app
        .get(&format!("/api/v1/survei/{}/respons", s.id), Some(&c.admin))
        .await
        .json()
        .await
        .unwrap();
    let satu = page.items.iter().find(|r| r.jawaban[0] == Some(1)).unwrap();
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/survei/{}/respons/{}/batal", s.id, satu.id),
            &json!({"alasan": "Isian uji coba"}),
            Some(&c.admin),
        )
        .await;
    assert_eq!(resp.status(), 200);
    let voided: HasilSurvei = hasil(&c, &c.camat, &s).await.json().await.unwrap();
    assert_eq!((voided.hasil.responden, voided.dibatalkan), (2, 1));
    assert_eq!(voided.ikm_tampil, first.ikm_tampil);
    // And a paper form entered by the unit's staff.
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/survei/{}/respons", s.id),
            &json!({"layanan": "KTP elektronik", "u1": 2, "u2": 2, "u3": 2, "u4": 2, "u5": 2,
                    "u6": 2, "u7": 2, "u8": 2, "u9": 2}),
            Some(&c.camat),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let paper: HasilSurvei = hasil(&c, &c.camat, &s).await.json().await.unwrap();
    assert_eq!((paper.hasil.responden, paper.dibatalkan), (3, 1));
    let kept = simpan::Entity::find_by_id(s.id)
        .one(&c.app.db)
        .await
        .unwrap()
        .expect("the result is kept");
    assert_eq!(kept.sidik, format!("{}:5", s.lock_version));
}
db_test!(survei_result_is_kept_until_what_it_counts_changes);

/// Answers arriving at once each raise the survey's change counter in their own transaction
/// (docs/ikm.md, "Cost of the result"): none is lost, so the kept result counts them all.
async fn survei_answers_at_once_all_reach_the_kept_result(db: Db) {
    use kinerja::entities::survei_hasil_simpan as simpan;
    use sea_orm::EntityTrait;
    let c = setup(db, "100").await;
    let s = dibuka(&c, None).await;
    kirim_banyak(
        &c,
        &s,
        ("KTP elektronik", [4; 9]),
        1,
        "peramban-serentak-awal",
    )
    .await;
    let first: HasilSurvei = hasil(&c, &c.camat, &s).await.json().await.unwrap();
    assert_eq!(first.hasil.responden, 1);
    let bodies: Vec<Value> = (0..12)
        .map(|i| {
            jawaban(
                "Kartu keluarga",
                [3; 9],
                &format!("peramban-serentak-{i:012}"),
            )
        })
        .collect();
    let sent = futures_util::future::join_all(bodies.iter().map(|b| kirim(&c, &s, b))).await;
    for resp in sent {
        assert_eq!(resp.status(), 201);
    }
    let after: HasilSurvei = hasil(&c, &c.camat, &s).await.json().await.unwrap();
    assert_eq!(after.hasil.responden, 13);
    let kept = simpan::Entity::find_by_id(s.id)
        .one(&c.app.db)
        .await
        .unwrap()
        .expect("the result is kept");
    assert_eq!(kept.sidik, format!("{}:13", s.lock_version));
}
db_test!(survei_answers_at_once_all_reach_the_kept_result);

async fn survei_public_answers_refuse_abuse_and_store_nothing(db: Db) {
    let c = setup(db, "100").await;
    let draft = buat(&c, &c.camat, None).await;
    let ok = jawaban("KTP elektronik", [4; 9], "peramban-satu-abcdef");

    // A draft and an unknown code.
    let resp = c
        .app
        .get(&format!("/api/v1/publik/survei/{}", draft.kode), None)
        .await;
    let body = assert_problem(resp, 409, ErrorCode::Conflict).await;
    assert_eq!(body.message.unwrap().code, "survei_belum_dibuka");
    let body = assert_problem(kirim(&c, &draft, &ok).await, 409, ErrorCode::Conflict).await;
    assert_eq!(body.message.unwrap().code, "survei_belum_dibuka");
    let resp = c.app.get("/api/v1/publik/survei/tidakada99", None).await;
    assert_problem(resp, 404, ErrorCode::NotFound).await;

    let s = dibuka(&c, None).await;
    assert_eq!(kirim(&c, &s, &ok).await.status(), 201);
    assert_eq!(stored(&c).await, 1);

    // The same browser again within a day.
    let body = assert_problem(kirim(&c, &s, &ok).await, 409, ErrorCode::Conflict).await;
    assert_eq!(body.message.unwrap().code, "sudah_mengisi_survei");

    // Honeypot: looks like success, nothing stored.
    let mut bot = jawaban("KTP elektronik", [1; 9], "peramban-bot-abcdefgh");
    bot["situs_web"] = json!("http://spam.example");
    assert_eq!(kirim(&c, &s, &bot).await.status(), 201);
    assert_eq!(stored(&c).await, 1);

    // Invalid answers and unknown services: 422 naming the field.
    let mut bad = jawaban("KTP elektronik", [4; 9], "peramban-dua-abcdefgh");
    bad["u3"] = json!(5);
    let body = assert_problem(kirim(&c, &s, &bad).await, 422, ErrorCode::ValidationFailed).await;
    assert!(!body.field_errors("u3").is_empty(), "{body:?}");
    let mut bad = jawaban("KTP elektronik", [4; 9], "peramban-dua-abcdefgh");
    bad["u7"] = json!(0);
    let body = assert_problem(kirim(&c, &s, &bad).await, 422, ErrorCode::ValidationFailed).await;
    assert!(!body.field_errors("u7").is_empty(), "{body:?}");
    let mut bad = jawaban("KTP elektronik", [4; 9], "peramban-dua-abcdefgh");
    bad.as_object_mut().unwrap().remove("u9");
    let body = assert_problem(kirim(&c, &s, &bad).await, 422, ErrorCode::ValidationFailed).await;
    assert!(!body.field_errors("u9").is_empty(), "{body:?}");
    let bad = jawaban("Paspor", [4; 9], "peramban-dua-abcdefgh");
    let body = assert_problem(kirim(&c, &s, &bad).await, 422, ErrorCode::ValidationFailed).await;
    assert!(!body.field_errors("layanan").is_empty(), "{body:?}");
    let mut bad = jawaban("KTP elektronik", [4; 9], "peramban-dua-abcdefgh");
    bad["usia"] = json!("99_tahun");
    let body = assert_problem(kirim(&c, &s, &bad).await, 422, ErrorCode::ValidationFailed).await;
    assert!(!body.field_errors("usia").is_empty(), "{body:?}");
    let mut bad = jawaban("KTP elektronik", [4; 9], "peramban-dua-abcdefgh");
    bad["nik"] = json!("3673012345678901");
    let body = assert_problem(kirim(&c, &s, &bad).await, 422, ErrorCode::ValidationFailed).await;
    assert!(!body.field_errors("nik").is_empty(), "{body:?}");
    let mut bad = jawaban("KTP elektronik", [4; 9], "peramban-dua-abcdefgh");
    bad["saran"] = json!("x".repeat(1001));
    let body = assert_problem(kirim(&c, &s, &bad).await, 422, ErrorCode::ValidationFailed).await;
    assert!(!body.field_errors("saran").is_empty(), "{body:?}");
    let bad = jawaban("KTP elektronik", [4; 9], "pendek");
    let body = assert_problem(kirim(&c, &s, &bad).await, 422, ErrorCode::ValidationFailed).await;
    assert!(!body.field_errors("token").is_empty(), "{body:?}");
    // A body over the small limit of this route.
    let mut big = jawaban("KTP elektronik", [4; 9], "peramban-dua-abcdefgh");
    big["saran"] = json!("x".repeat(9000));
    assert_problem(kirim(&c, &s, &big).await, 413, ErrorCode::PayloadTooLarge).await;
    assert_eq!(stored(&c).await, 1);

    // A day later the same browser may answer again.
    c.app
        .clock
        .set(chrono::Utc::now() + chrono::Duration::hours(25));
    assert_eq!(kirim(&c, &s, &ok).await.status(), 201);
    assert_eq!(stored(&c).await, 2);

    // Closed: a clear 409, nothing stored.
    let s: Survei = c
        .app
        .get(&format!("/api/v1/survei/{}", s.id), Some(&c.camat))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(aksi(&c, &c.camat, &s, "tutup").await.status(), 200);
    let fresh = jawaban("KTP elektronik", [4; 9], "peramban-tiga-abcdefgh");
    let body = assert_problem(kirim(&c, &s, &fresh).await, 409, ErrorCode::Conflict).await;
    assert_eq!(body.message.unwrap().code, "survei_sudah_ditutup");
    let resp = c
        .app
        .get(&format!("/api/v1/publik/survei/{}", s.kode), None)
        .await;
    let body = assert_problem(resp, 409, ErrorCode::Conflict).await;
    assert_eq!(body.message.unwrap().code, "survei_sudah_ditutup");
    assert_eq!(stored(&c).await, 2);
}
db_test!(survei_public_answers_refuse_abuse_and_store_nothing);

async fn survei_rate_limit_per_address(db: Db) {
    let c = setup(db, "3").await;
    let s = dibuka(&c, None).await;
    for i in 0..3 {
        let resp = kirim(
            &c,
            &s,
            &jawaban("Kartu keluarga", [3; 9], &format!("batas-alamat-{i:06}")),
        )
        .await;
        assert_eq!(resp.status(), 201);
    }
    let resp = kirim(
        &c,
        &s,
        &jawaban("Kartu keluarga", [3; 9], "batas-alamat-keempat"),
    )
    .await;
    let retry: u64 = resp
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap();
    assert!((1..=3600).contains(&retry), "{retry}");
    let body = assert_problem(resp, 429, ErrorCode::TooManyRequests).await;
    assert_eq!(body.message.unwrap().code, "terlalu_banyak_respons");
    assert_eq!(stored(&c).await, 3);
    // Another survey of the same address is counted apart.
    let other = dibuka(&c, None).await;
    let resp = kirim(
        &c,
        &other,
        &jawaban("Kartu keluarga", [3; 9], "batas-alamat-lain-1"),
    )
    .await;
    assert_eq!(resp.status(), 201);
    // An hour later the address may answer again.
    c.app
        .clock
        .set(chrono::Utc::now() + chrono::Duration::minutes(61));
    let resp = kirim(
        &c,
        &s,
        &jawaban("Kartu keluarga", [3; 9], "batas-alamat-kelima"),
    )
    .await;
    assert_eq!(resp.status(), 201);
}
db_test!(survei_rate_limit_per_address);

async fn survei_roles_hr_office_and_unit_head_manage(db: Db) {
    let c = setup(db, "100").await;
    let kec = unit_named(&c.app, &c.admin, "Kecamatan Cipocok Jaya").await;
    let body = json!({
        "unit_id": kec.id, "judul": "SKM 2026", "jenis_periode": "tahun",
        "period_id": c.periode.id, "periode_ke": 0, "layanan": ["Surat pengantar"],
    });
    // A pegawai of the unit and the head of another unit may not create one.
    for token in [&c.rina, &c.sekda] {
        let resp = c.app.post_json("/api/v1/survei", &body, Some(token)).await;
        assert_problem(resp, 403, ErrorCode::Forbidden).await;
    }
    // The HR office for any unit; a sub-period that does not fit the span is refused.
    let resp = c
        .app
        .post_json("/api/v1/survei", &body, Some(&c.admin))
        .await;
    assert_eq!(resp.status(), 201);
    let mut wrong = body.clone();
    wrong["periode_ke"] = json!(2);
    let resp = c
        .app
        .post_json("/api/v1/survei", &wrong, Some(&c.admin))
        .await;
    let e = assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
    assert!(!e.field_errors("periode_ke").is_empty());

    let s = dibuka(&c, Some(100)).await;
    let path = format!("/api/v1/survei/{}", s.id);
    // Unpublished: invisible to the others (404), whatever they try.
    for token in [&c.rina, &c.sekda] {
        assert_problem(
            c.app.get(&path, Some(token)).await,
            404,
            ErrorCode::NotFound,
        )
        .await;
        assert_problem(hasil(&c, token, &s).await, 404, ErrorCode::NotFound).await;
        let resp = c
            .app
            .patch_json(
                &path,
                &json!({"lock_version": s.lock_version, "judul": "Diubah"}),
                Some(token),
            )
            .await;
        assert_problem(resp, 404, ErrorCode::NotFound).await;
        assert_problem(aksi(&c, token, &s, "tutup").await, 404, ErrorCode::NotFound).await;
    }
    let list: Page<Survei> = c
        .app
        .get("/api/v1/survei", Some(&c.sekda))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list.total, 0);
    let list: Page<Survei> = c
        .app
        .get(
            &format!("/api/v1/survei?unit_id={}", kec.id),
            Some(&c.camat),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list.total, 2);
    assert_eq!(hasil(&c, &c.admin, &s).await.status(), 200);

    // The unit head publishes: everyone signed in reads the survey and its result, and still
    // changes nothing (403) nor reads the answers.
    let resp = c
        .app
        .patch_json(
            &path,
            &json!({"lock_version": s.lock_version, "dipublikasikan": true}),
            Some(&c.camat),
        )
        .await;
    assert_eq!(resp.status(), 200);
    let s: Survei = resp.json().await.unwrap();
    assert!(s.dipublikasikan);
    assert_eq!(c.app.get(&path, Some(&c.sekda)).await.status(), 200);
    let h: HasilSurvei = hasil(&c, &c.rina, &s).await.json().await.unwrap();
    assert_eq!(
        (
            h.hasil.responden,
            h.hasil.sampel_minimum,
            h.hasil.sampel_cukup
        ),
        (0, Some(80), Some(false))
    );
    let resp = c
        .app
        .patch_json(
            &path,
            &json!({"lock_version": s.lock_version, "judul": "Diubah"}),
            Some(&c.sekda),
        )
        .await;
    assert_problem(resp, 403, ErrorCode::Forbidden).await;
    let resp = c.app.get(&format!("{path}/respons"), Some(&c.rina)).await;
    assert_problem(resp, 403, ErrorCode::Forbidden).await;
    let list: Page<Survei> = c
        .app
        .get("/api/v1/survei", Some(&c.sekda))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list.total, 1);
    // Staff without a token: 401.
    assert_problem(c.app.get(&path, None).await, 401, ErrorCode::Unauthorized).await;
}
db_test!(survei_roles_hr_office_and_unit_head_manage);

async fn survei_stale_update_is_409_and_the_status_limits_edits(db: Db) {
    let c = setup(db, "100").await;
    let s = buat(&c, &c.camat, None).await;
    let path = format!("/api/v1/survei/{}", s.id);
    let resp = c
        .app
        .patch_json(
            &path,
            &json!({"lock_version": s.lock_version, "populasi": 500}),
            Some(&c.camat),
        )
        .await;
    assert_eq!(resp.status(), 200);
    let fresh: Survei = resp.json().await.unwrap();
    assert_eq!(
        (fresh.populasi, fresh.lock_version),
        (Some(500), s.lock_version + 1)
    );
    // The HR office edits from the version it read before: someone else changed it since.
    let resp = c
        .app
        .patch_json(
            &path,
            &json!({"lock_version": s.lock_version, "judul": "Judul lama"}),
            Some(&c.admin),
        )
        .await;
    let body = assert_problem(resp, 409, ErrorCode::Conflict).await;
    assert_eq!(body.message.unwrap().code, "diubah_pengguna_lain");
    assert_problem(
        aksi(&c, &c.camat, &s, "buka").await,
        409,
        ErrorCode::Conflict,
    )
    .await;

    // Open: the wording is fixed, services may only be added.
    let resp = aksi(&c, &c.camat, &fresh, "buka").await;
    assert_eq!(resp.status(), 200);
    let open: Survei = resp.json().await.unwrap();
    let resp = c
        .app
        .patch_json(
            &path,
            &json!({"lock_version": open.lock_version, "pertanyaan": {"persyaratan": "Apakah persyaratannya jelas bagi Saudara?"}}),
            Some(&c.camat),
        )
        .await;
    let body = assert_problem(resp, 409, ErrorCode::Conflict).await;
    assert_eq!(body.message.unwrap().code, "pertanyaan_hanya_draft");
    let resp = c
        .app
        .patch_json(
            &path,
            &json!({"lock_version": open.lock_version, "layanan": ["KTP elektronik"]}),
            Some(&c.camat),
        )
        .await;
    let body = assert_problem(resp, 409, ErrorCode::Conflict).await;
    assert_eq!(body.message.unwrap().code, "layanan_tidak_dapat_dihapus");
    let resp = c
        .app
        .patch_json(
            &path,
            &json!({"lock_version": open.lock_version, "layanan": ["KTP elektronik", "Kartu keluarga", "Akta kelahiran"]}),
            Some(&c.camat),
        )
        .await;
    assert_eq!(resp.status(), 200);
    let open: Survei = resp.json().await.unwrap();
    assert_eq!(open.layanan.len(), 3);
    // Duplicate services are a field error.
    let resp = c
        .app
        .patch_json(
            &path,
            &json!({"lock_version": open.lock_version, "layanan": ["KK", "kk"]}),
            Some(&c.camat),
        )
        .await;
    let body = assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
    assert!(!body.field_errors("layanan").is_empty());
    // No way back to a draft, and no second opening.
    assert_problem(
        aksi(&c, &c.camat, &open, "buka").await,
        409,
        ErrorCode::Conflict,
    )
    .await;
}
db_test!(survei_stale_update_is_409_and_the_status_limits_edits);

/// The unit head and the HR office edit the same survey at the same instant, from the same
/// version: one is saved, the other gets 409 — with truly concurrent writers on PostgreSQL.
async fn survei_concurrent_edits_get_one_success_and_one_conflict(db: Db) {
    let c = setup(db, "100").await;
    let mut s = buat(&c, &c.camat, None).await;
    let url = c.app.url(&format!("/api/v1/survei/{}", s.id));
    for round in 0..10i32 {
        let send = |token: &str, populasi: i32| {
            c.app
                .client
                .patch(&url)
                .bearer_auth(token)
                .json(&json!({"lock_version": s.lock_version, "populasi": populasi}))
                .send()
        };
        let (a, b) = tokio::join!(send(&c.camat, 1000 + round), send(&c.admin, 2000 + round));
        let mut statuses = [a.unwrap().status().as_u16(), b.unwrap().status().as_u16()];
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 409], "round {round}");
        let resp = c
            .app
            .get(&format!("/api/v1/survei/{}", s.id), Some(&c.camat))
            .await;
        let now: Survei = resp.json().await.unwrap();
        assert_eq!(now.lock_version, s.lock_version + 1, "round {round}");
        assert!(matches!(now.populasi, Some(p) if p == 1000 + round || p == 2000 + round));
        s = now;
    }
}
db_test!(survei_concurrent_edits_get_one_success_and_one_conflict);
