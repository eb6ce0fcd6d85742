//! An IKI fed by its unit's survey (issue #17, "Feeding the SKP"): the camat binds an IKI of
//! his SKP to the surveys of Kecamatan Cipocok Jaya, citizens answer, the job lands the IKM at
//! full precision with source `survei`; voiding updates it, a locked month keeps its value,
//! the employee cannot overwrite it; who may bind. And the demo: the kepala puskesmas' IKM and
//! the teachers' attendance.

use chrono::{Datelike, NaiveDate};
use kinerja_api::ErrorCode;
use kinerja_api::measurement::RealisasiSheet;
use kinerja_api::planning::Skp;
use kinerja_api::survei::{HasilSurvei, ResponsSurvei, Survei};
use kinerja_api::survei_iki::SurveiIki;
use reqwest::Response;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::*;
use crate::organisation::unit_named;
use crate::planning::{Chain, chain_with, this_year};

async fn setup(db: Db) -> Chain {
    chain_with(db, |v| {
        v.insert("KINERJA_SURVEI_RESPONS_PER_JAM".into(), "1000".into());
    })
    .await
}

async fn kecamatan(c: &Chain) -> Uuid {
    unit_named(&c.app, &c.admin, "Kecamatan Cipocok Jaya")
        .await
        .id
}

/// An open quarterly survey of the kecamatan, made by the camat.
async fn survei(c: &Chain, triwulan: i32) -> Survei {
    let resp = c
        .app
        .post_json(
            "/api/v1/survei",
            &json!({
                "unit_id": kecamatan(c).await,
                "judul": "SKM Kecamatan",
                "jenis_periode": "triwulan",
                "period_id": c.periode.id,
                "periode_ke": triwulan,
                "populasi": 40,
                "layanan": ["KTP-el", "Kartu Keluarga (KK)"],
                "pertanyaan": {},
            }),
            Some(&c.camat),
        )
        .await;
    assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    let s: Survei = resp.json().await.unwrap();
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/survei/{}/buka", s.id),
            &json!({"lock_version": s.lock_version}),
            Some(&c.camat),
        )
        .await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    resp.json().await.unwrap()
}

async fn kirim(c: &Chain, s: &Survei, u: [u8; 9], token: &str) {
    let body = json!({
        "layanan": "KTP-el",
        "u1": u[0], "u2": u[1], "u3": u[2], "u4": u[3], "u5": u[4],
        "u6": u[5], "u7": u[6], "u8": u[7], "u9": u[8],
        "token": format!("peramban-uji-{token}"),
    });
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/publik/survei/{}/respons", s.kode),
            &body,
            None,
        )
        .await;
    assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
}

/// The IKM of `answers` by the formula, unrounded.
fn ikm(answers: &[[u8; 9]]) -> f64 {
    let rows: Vec<[Option<u8>; 9]> = answers.iter().map(|a| a.map(Some)).collect();
    kinerja_api::ikm::hitung(&rows, None).unwrap().ikm.unwrap()
}

async fn atur(c: &Chain, token: Option<&str>, skp: &Skp, iki: Uuid, body: &Value) -> Response {
    let mut req = c
        .app
        .client
        .put(
            c.app
                .url(&format!("/api/v1/skp/{}/iki/{iki}/survei", skp.id)),
        )
        .json(body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req.send().await.unwrap()
}

/// Runs the job as the server would, on the server's clock.
async fn jalankan(c: &Chain) -> usize {
    c.app
        .clock
        .scope(kinerja::survei::iki_hitung::hitung_yang_perlu(&c.app.db))
        .await
        .unwrap()
}

async fn lembar(c: &Chain, skp: &Skp, k: u32) -> RealisasiSheet {
    let resp = c
        .app
        .get(
            &format!("/api/v1/skp/{}/realisasi?periode_ke={k}", skp.id),
            Some(&c.camat),
        )
        .await;
    assert_eq!(resp.status(), 200);
    resp.json().await.unwrap()
}

/// The realisasi of `iki` in month `k`: (value, source, basis).
async fn nilai(c: &Chain, skp: &Skp, iki: Uuid, k: u32) -> Option<(Option<f64>, String, String)> {
    lembar(c, skp, k)
        .await
        .rows
        .into_iter()
        .find(|r| r.iki_id == iki)
        .and_then(|r| r.realisasi)
        .map(|v| (v.nilai, v.sumber, v.dasar.unwrap_or_default()))
}

fn month() -> u32 {
    kinerja::clock::today().month()
}

async fn an_iki_takes_the_ikm_of_its_units_survey(db: Db) {
    let c = setup(db).await;
    let skp = c.agreed(&c.camat, &c.sekda, None).await;
    let iki = skp.rhk[0].iki[1].id.unwrap();
    let unit = kecamatan(&c).await;
    let resp = atur(&c, Some(&c.camat), &skp, iki, &json!({"unit_id": unit})).await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    let bound: Vec<SurveiIki> = resp.json().await.unwrap();
    assert_eq!(bound.len(), 1);
    assert_eq!(
        (
            bound[0].iki_id,
            bound[0].unit_id,
            bound[0].unit_nama.as_str()
        ),
        (iki, unit, "Kecamatan Cipocok Jaya")
    );
    let listed: Vec<SurveiIki> = c
        .app
        .get(
            &format!("/api/v1/skp/{}/survei-iki", skp.id),
            Some(&c.sekda),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed, bound);

    let k = month();
    let s = survei(&c, ((k - 1) / 3 + 1) as i32).await;
    let answers = [
        [4, 4, 3, 4, 4, 4, 4, 3, 4],
        [3, 3, 2, 4, 3, 3, 4, 3, 3],
        [4, 3, 3, 3, 4, 4, 4, 4, 3],
        [2, 3, 1, 4, 3, 3, 3, 2, 3],
        [4, 4, 4, 4, 4, 4, 4, 4, 4],
        [3, 4, 3, 4, 3, 4, 3, 4, 3],
    ];
    for (i, a) in answers.iter().enumerate() {
        kirim(&c, &s, *a, &format!("a{i:04}")).await;
    }
    // Nothing lands before the job runs: a submission does not recompute.
    assert_eq!(nilai(&c, &skp, iki, k).await, None);
    assert!(jalankan(&c).await >= 1);
    let expected = ikm(&answers);
    let (v, sumber, dasar) = nilai(&c, &skp, iki, k).await.unwrap();
    assert_eq!(v, Some(expected), "full precision");
    assert_eq!(sumber, "survei");
    assert!(
        dasar.contains(&s.kode) && dasar.contains("SKM Kecamatan"),
        "{dasar}"
    );
    // The same IKM as the survey's own result.
    let hasil: HasilSurvei = c
        .app
        .get(&format!("/api/v1/survei/{}/hasil", s.id), Some(&c.camat))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(hasil.hasil.ikm, Some(expected));
    // Nothing marked: the next run does nothing.
    assert_eq!(jalankan(&c).await, 0);

    // The HR office voids the weakest response: the IKI follows.
    let page: kinerja_api::Page<ResponsSurvei> = c
        .app
        .get(
            &format!("/api/v1/survei/{}/respons?per_page=100", s.id),
            Some(&c.admin),
        )
        .await
        .json()
        .await
        .unwrap();
    let weakest = page
        .items
        .iter()
        .find(|r| r.jawaban[2] == Some(1))
        .unwrap()
        .id;
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/survei/{}/respons/{weakest}/batal", s.id),
            &json!({"alasan": "Diisi dua kali oleh warga yang sama"}),
            Some(&c.admin),
        )
        .await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    assert_eq!(jalankan(&c).await, 1);
    let without: Vec<[u8; 9]> = answers.iter().filter(|a| a[2] != 1).copied().collect();
    let (v, _, _) = nilai(&c, &skp, iki, k).await.unwrap();
    assert_eq!(v, Some(ikm(&without)));
    assert!(ikm(&without) > expected);

    // The employee cannot overwrite the citizens' verdict.
    let resp = c
        .app
        .client
        .put(c.app.url(&format!(
            "/api/v1/skp/{}/realisasi/{iki}?periode_ke={k}",
            skp.id
        )))
        .bearer_auth(&c.camat)
        .json(&json!({"nilai": 100.0}))
        .send()
        .await
        .unwrap();
    let body = assert_problem(resp, 409, ErrorCode::Conflict).await;
    assert_eq!(body.message.unwrap().code, "realisasi_dari_survei");
    let (v, sumber, _) = nilai(&c, &skp, iki, k).await.unwrap();
    assert_eq!((v, sumber.as_str()), (Some(ikm(&without)), "survei"));
    // Another indicator of the same SKP is still the employee's to fill.
    let other = skp.rhk[0].iki[0].id.unwrap();
    let resp = c
        .app
        .client
        .put(c.app.url(&format!(
            "/api/v1/skp/{}/realisasi/{other}?periode_ke={k}",
            skp.id
        )))
        .bearer_auth(&c.camat)
        .json(&json!({"nilai": 10.0}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
}
db_test!(an_iki_takes_the_ikm_of_its_units_survey);

async fn a_locked_month_keeps_the_value_it_had(db: Db) {
    let c = setup(db).await;
    let year = this_year();
    let jeda = i64::from(c.periode.jeda_kunci_realisasi_hari);
    assert!(jeda < 14, "the test dates assume a short lock delay");
    let day = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d).unwrap();
    // 2 May: April is still open (it locks after 30 April + the delay), May has begun.
    c.app.clock.set(local_time(day(5, 2), 9, 0, 7));
    let skp = c.agreed(&c.camat, &c.sekda, None).await;
    let iki = skp.rhk[0].iki[1].id.unwrap();
    let resp = atur(
        &c,
        Some(&c.camat),
        &skp,
        iki,
        &json!({"unit_id": kecamatan(&c).await}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let s = survei(&c, 2).await;
    let first = [[4, 4, 4, 4, 4, 4, 4, 4, 4], [3, 3, 3, 3, 3, 3, 3, 3, 4]];
    for (i, a) in first.iter().enumerate() {
        kirim(&c, &s, *a, &format!("b{i:04}")).await;
    }
    jalankan(&c).await;
    let v1 = ikm(&first);
    for k in [4, 5] {
        assert_eq!(nilai(&c, &skp, iki, k).await.unwrap().0, Some(v1), "{k}");
    }
    // June has not begun: nothing lands there yet.
    assert_eq!(nilai(&c, &skp, iki, 6).await, None);

    // 20 June: April and May are locked; a new answer changes only June.
    c.app.clock.set(local_time(day(6, 20), 9, 0, 7));
    kirim(&c, &s, [1, 2, 2, 2, 2, 2, 2, 2, 2], "b9999").await;
    assert_eq!(jalankan(&c).await, 1);
    let v2 = ikm(&[first[0], first[1], [1, 2, 2, 2, 2, 2, 2, 2, 2]]);
    for k in [4, 5] {
        assert_eq!(nilai(&c, &skp, iki, k).await.unwrap().0, Some(v1), "{k}");
    }
    assert_eq!(nilai(&c, &skp, iki, 6).await.unwrap().0, Some(v2));
    assert_ne!(v1, v2);
}
db_test!(a_locked_month_keeps_the_value_it_had);

async fn only_the_owner_and_the_hr_office_bind_and_it_lands_once_approved(db: Db) {
    let c = setup(db).await;
    let unit = kecamatan(&c).await;
    // The camat binds while drafting.
    let draft = c.start(&c.camat).await;
    let draft = c.fill(&c.camat, &draft, None).await;
    let iki = draft.rhk[0].iki[1].id.unwrap();
    let body = json!({"unit_id": unit});
    assert_problem(
        atur(&c, None, &draft, iki, &body).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    // Rina cannot even see the camat's SKP; the sekda (his rater) sees it but does not own it.
    assert_problem(
        atur(&c, Some(&c.rina), &draft, iki, &body).await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    let resp = atur(&c, Some(&c.camat), &draft, iki, &body).await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    // Bad input: a unit that does not exist, a malformed id, an unknown field, an IKI of
    // another SKP.
    let body_err = assert_problem(
        atur(
            &c,
            Some(&c.camat),
            &draft,
            iki,
            &json!({"unit_id": Uuid::now_v7()}),
        )
        .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(body_err.errors.unwrap().contains_key("unit_id"));
    let resp = atur(&c, Some(&c.camat), &draft, iki, &json!({"unit_id": "x"})).await;
    assert!(
        matches!(resp.status().as_u16(), 400 | 422),
        "{}",
        resp.status()
    );
    let resp = atur(
        &c,
        Some(&c.camat),
        &draft,
        iki,
        &json!({"unit_id": unit, "lain": 1}),
    )
    .await;
    assert!(
        matches!(resp.status().as_u16(), 400 | 422),
        "{}",
        resp.status()
    );
    assert_problem(
        atur(&c, Some(&c.camat), &draft, Uuid::now_v7(), &body).await,
        404,
        ErrorCode::NotFound,
    )
    .await;

    // Answers arrive while the SKP is a draft: nothing can land yet.
    let s = survei(&c, ((month() - 1) / 3 + 1) as i32).await;
    let answers = [[4, 3, 3, 4, 4, 3, 4, 3, 4], [3, 3, 3, 4, 3, 3, 4, 3, 3]];
    for (i, a) in answers.iter().enumerate() {
        kirim(&c, &s, *a, &format!("c{i:04}")).await;
    }
    jalankan(&c).await;
    let resp = c.submit(&c.camat, &draft).await;
    assert_eq!(resp.status(), 200);
    let submitted: Skp = resp.json().await.unwrap();
    // The sekda, as rater, may not bind; the HR office may.
    assert_problem(
        atur(&c, Some(&c.sekda), &submitted, iki, &body).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    let resp = atur(&c, Some(&c.admin), &submitted, iki, &body).await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    let resp = c.approve(&c.sekda, &submitted).await;
    assert_eq!(resp.status(), 200);
    let skp: Skp = resp.json().await.unwrap();
    // Once approved, the next run lands the survey's IKM without a new answer.
    jalankan(&c).await;
    let k = month();
    let (v, sumber, _) = nilai(&c, &skp, iki, k).await.unwrap();
    assert_eq!((v, sumber.as_str()), (Some(ikm(&answers)), "survei"));

    // Unbinding: the value stays as it was, and the employee may enter it again.
    let resp = atur(&c, Some(&c.camat), &skp, iki, &json!({"unit_id": null})).await;
    assert_eq!(resp.status(), 200);
    let bound: Vec<SurveiIki> = resp.json().await.unwrap();
    assert!(bound.is_empty());
    let resp = c
        .app
        .client
        .put(c.app.url(&format!(
            "/api/v1/skp/{}/realisasi/{iki}?periode_ke={k}",
            skp.id
        )))
        .bearer_auth(&c.camat)
        .json(&json!({"nilai": 85.0}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
}
db_test!(only_the_owner_and_the_hr_office_bind_and_it_lands_once_approved);

async fn the_demo_measures_satisfaction_and_attendance(db: Db) {
    use kinerja::entities::{
        employees, iki_data_keys, positions, realisasi, skp_iki, skp_rhk, skps, survei,
    };
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let app = spawn_app(db).await;
    assert!(kinerja::demo::seed_organisation(&app.db).await.unwrap());
    assert!(kinerja::demo::seed_planning(&app.db).await.unwrap() > 50);
    let kebijakan = kinerja::evaluation::service::Kebijakan {
        blokir: false,
        pembulatan: kinerja_api::evaluation::Pembulatan::Terdekat,
        ambang: kinerja_api::evaluation::AmbangSaran::default(),
        kepala_unit: kinerja_api::evaluation::RatingKepalaUnit::default(),
    };
    let started = std::time::Instant::now();
    kinerja::demo::seed_year(
        &app.db,
        kebijakan,
        &kinerja::storage::Storage::Folder(app._database.dir.path().join("uploads")),
    )
    .await
    .unwrap();
    eprintln!("demo year with surveys seeded in {:?}", started.elapsed());
    // Once only.
    assert_eq!(kinerja::demo::seed_survei(&app.db).await.unwrap(), 0);

    let surveys = survei::Entity::find().all(&app.db).await.unwrap();
    let quarter = (month() - 1) / 3 + 1;
    assert_eq!(surveys.len(), 4 * quarter as usize);

    // The IKI of a unit head's SKP: realisasi from the survey in this month.
    let iki_of = |jabatan: &'static str, indikator: &'static str| {
        let db = app.db.clone();
        async move {
            let post = positions::Entity::find()
                .filter(positions::Column::Nama.eq(jabatan))
                .one(&db)
                .await
                .unwrap()
                .unwrap();
            let e = employees::Entity::find()
                .filter(employees::Column::JabatanId.eq(post.id))
                .one(&db)
                .await
                .unwrap()
                .unwrap();
            let skp = skps::Entity::find()
                .filter(skps::Column::EmployeeId.eq(e.id))
                .filter(skps::Column::Status.eq("disetujui"))
                .one(&db)
                .await
                .unwrap()
                .unwrap();
            let rhk: Vec<Uuid> = skp_rhk::Entity::find()
                .filter(skp_rhk::Column::SkpId.eq(skp.id))
                .all(&db)
                .await
                .unwrap()
                .into_iter()
                .map(|r| r.id)
                .collect();
            skp_iki::Entity::find()
                .filter(skp_iki::Column::RhkId.is_in(rhk))
                .filter(skp_iki::Column::Indikator.starts_with(indikator))
                .one(&db)
                .await
                .unwrap()
                .unwrap()
        }
    };
    let realisasi_of = |iki: Uuid, k: u32| {
        let db = app.db.clone();
        async move {
            realisasi::Entity::find()
                .filter(realisasi::Column::IkiId.eq(iki))
                .filter(realisasi::Column::PeriodeKe.eq(k as i32))
                .one(&db)
                .await
                .unwrap()
        }
    };
    let kapus = iki_of(
        "Kepala Puskesmas Banjar Agung",
        "Indeks Kepuasan Masyarakat Puskesmas Banjar Agung",
    )
    .await;
    let v = realisasi_of(kapus.id, month()).await.unwrap();
    assert_eq!(v.sumber, "survei");
    let ikm = v.nilai.unwrap();
    assert!((60.0..=100.0).contains(&ikm), "{ikm}");
    assert!(v.dasar.unwrap().contains("Puskesmas Banjar Agung"));
    // The first month of the year carries the first quarter's survey.
    let first = realisasi_of(kapus.id, 1).await.unwrap();
    assert_eq!(first.sumber, "survei");
    let bound = iki_data_keys::Entity::find_by_id(kapus.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(kinerja_api::survei_iki::kunci_survei(&bound.data_key));
    for jabatan in ["Camat Cipocok Jaya", "Lurah Banjaragung"] {
        let iki = iki_of(jabatan, "Indeks Kepuasan Masyarakat").await;
        assert_eq!(
            realisasi_of(iki.id, month()).await.unwrap().sumber,
            "survei"
        );
    }

    // The teachers: attendance from the school system, a mean of weekly rates.
    let guru = iki_of("Guru Ahli Muda", "Persentase kehadiran siswa").await;
    let key = iki_data_keys::Entity::find_by_id(guru.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (key.data_key.as_str(), key.agregasi.as_str()),
        (kinerja::demo::SEKOLAH_KEY, "avg")
    );
    if month() > 1 {
        let v = realisasi_of(guru.id, month() - 1).await.unwrap();
        assert_eq!(v.sumber, "api");
        assert!((88.0..=97.0).contains(&v.nilai.unwrap()));
    }
}
db_test!(the_demo_measures_satisfaction_and_attendance);

async fn two_servers_recompute_once_and_no_system_pushes_the_survey_key(db: Db) {
    use kinerja_api::integrations::{
        ApiClientCreated, IngestRejection, IngestResult, IngestStatus, OAuthTokenResponse,
    };
    let c = setup(db).await;
    let skp = c.agreed(&c.camat, &c.sekda, None).await;
    let iki = skp.rhk[0].iki[1].id.unwrap();
    let unit = kecamatan(&c).await;
    let resp = atur(&c, Some(&c.camat), &skp, iki, &json!({"unit_id": unit})).await;
    assert_eq!(resp.status(), 200);
    let k = month();
    let s = survei(&c, ((k - 1) / 3 + 1) as i32).await;
    let answers = [[4, 4, 4, 3, 4, 4, 4, 3, 4], [3, 2, 3, 4, 3, 3, 3, 3, 3]];
    kirim(&c, &s, answers[0], "d0000").await;
    // The first run also lands the new binding (which marks the survey once more).
    jalankan(&c).await;
    assert_eq!(
        nilai(&c, &skp, iki, k).await.unwrap().0,
        Some(ikm(&answers[..1]))
    );
    kirim(&c, &s, answers[1], "d0001").await;
    // Job runs at once (several servers): the conditional claim lets one of them do it. Each
    // round marks the survey again (a response voided, then another).
    for round in 0..3 {
        if round > 0 {
            kinerja::survei::iki::tandai(&c.app.db, s.id).await;
        }
        let (a, b, d, e) = tokio::join!(jalankan(&c), jalankan(&c), jalankan(&c), jalankan(&c));
        assert_eq!(a + b + d + e, 1, "round {round}: {a} + {b} + {d} + {e}");
    }
    let expected = ikm(&answers);
    assert_eq!(nilai(&c, &skp, iki, k).await.unwrap().0, Some(expected));

    // A system of the kecamatan cannot push a value under the survey's reserved key.
    let created: ApiClientCreated = c
        .app
        .post_json(
            "/api/v1/api-clients",
            &json!({"nama": "Sistem Uji", "unit_id": unit, "scopes": ["realisasi:write"]}),
            Some(&c.admin),
        )
        .await
        .json()
        .await
        .unwrap();
    let token: OAuthTokenResponse = c
        .app
        .client
        .post(c.app.url("/api/v1/oauth/token"))
        .basic_auth(created.client.id, Some(&created.client_secret))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let item = json!({
        "data_key": kinerja_api::survei_iki::kunci_data(unit),
        "nip": kinerja::demo::CAMAT_NIP,
        "tanggal": kinerja::clock::today(),
        "nilai": 100.0,
    });
    let result: IngestResult = c
        .app
        .client
        .post(c.app.url("/api/v1/ingest/indicator-values"))
        .bearer_auth(&token.access_token)
        .header("Idempotency-Key", "survei-1")
        .json(&json!({"items": [item]}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(result.items[0].status, IngestStatus::Rejected);
    assert_eq!(result.items[0].kode, Some(IngestRejection::UnknownKey));
    let (v, sumber, _) = nilai(&c, &skp, iki, k).await.unwrap();
    assert_eq!((v, sumber.as_str()), (Some(expected), "survei"));
}
db_test!(two_servers_recompute_once_and_no_system_pushes_the_survey_key);
