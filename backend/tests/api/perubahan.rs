//! A year's record across a perubahan SKP: months measured under version 1, an evaluation set
//! with an objection open and an improvement plan, feedback, then a revised version approved
//! mid-year. Every piece stays where it was made and is found through either version, by the
//! employee, the PPKin and the Atasan PPKin.

use chrono::Datelike;
use kinerja_api::measurement::{DasarTarget, RealisasiSheet, UmpanBalik};
use kinerja_api::penilaian::{EvaluasiView, StatusEvaluasi, StatusKeberatan};
use kinerja_api::planning::{JenisTarget, Skp, StatusSkp};
use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::*;
use crate::planning::{Chain, chain};

async fn sheet(c: &Chain, token: &str, skp: Uuid, k: i32) -> RealisasiSheet {
    let resp = c
        .app
        .get(
            &format!("/api/v1/skp/{skp}/realisasi?periode_ke={k}"),
            Some(token),
        )
        .await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    resp.json().await.unwrap()
}

async fn evaluation(c: &Chain, token: &str, skp: Uuid, k: i32) -> EvaluasiView {
    let resp = c
        .app
        .get(
            &format!("/api/v1/skp/{skp}/evaluasi?periode_ke={k}"),
            Some(token),
        )
        .await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    resp.json().await.unwrap()
}

async fn put(c: &Chain, token: &str, path: &str, body: &Value) -> reqwest::Response {
    c.app
        .client
        .put(c.app.url(path))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn work_list(c: &Chain, token: &str, k: i32) -> Vec<EvaluasiView> {
    let resp = c
        .app
        .get(
            &format!(
                "/api/v1/evaluasi?periode_id={}&periode_ke={k}",
                c.periode.id
            ),
            Some(token),
        )
        .await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    resp.json().await.unwrap()
}

/// Realisasi of a past (locked) month, as the months before today were entered.
async fn past_value(c: &Chain, iki: Uuid, k: i32, nilai: f64) {
    kinerja::entities::realisasi::ActiveModel {
        id: Set(Uuid::now_v7()),
        iki_id: Set(iki),
        periode_ke: Set(k),
        nilai: Set(Some(nilai)),
        naratif: Set(None),
        dasar: Set(Some("Register layanan".to_owned())),
        sumber: Set("pegawai".to_owned()),
        client_id: Set(None),
        updated_by: Set(None),
        updated_at: Set(chrono::Utc::now()),
    }
    .insert(&c.app.db)
    .await
    .unwrap();
}

async fn the_year_survives_a_perubahan_skp(db: Db) {
    let c = chain(db).await;
    let k = kinerja::clock::today().month() as i32;
    // The test needs a month before this one (every month but January).
    if k < 2 {
        return;
    }
    let past = k - 1;
    let kasubag_skp = c.upper_chain().await;
    let v1 = c.agreed(&c.rina, &c.kasubag, Some(&kasubag_skp)).await;
    assert_eq!(
        v1.berlaku_dari_ke,
        Some(1),
        "the first version governs the whole year"
    );
    let [dokumen, persen, waktu] = [0, 1, 2].map(|i| v1.rhk[0].iki[i].id.unwrap());

    // Months already measured under version 1; this month entered on the page.
    for m in 1..k {
        past_value(&c, dokumen, m, 10.0).await;
        past_value(&c, persen, m, 95.0).await;
    }
    let resp = put(
        &c,
        &c.rina,
        &format!("/api/v1/skp/{}/realisasi/{dokumen}?periode_ke={k}", v1.id),
        &json!({"nilai": 4.0, "dasar": "Register layanan minggu 1"}),
    )
    .await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    let resp = put(
        &c,
        &c.rina,
        &format!("/api/v1/skp/{}/realisasi/{waktu}?periode_ke={k}", v1.id),
        &json!({"nilai": 1.0}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    // Feedback on last month and on this one.
    for (m, teks) in [
        (past, "Register bulan lalu lengkap dan rapi."),
        (k, "Pertahankan pencatatan mingguan bulan ini."),
    ] {
        let resp = c
            .app
            .post_json(
                &format!("/api/v1/skp/{}/feedback", v1.id),
                &json!({"periode_ke": m, "iki_id": dokumen, "teks": teks, "tag": "positif"}),
                Some(&c.kasubag),
            )
            .await;
        assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    }
    // Last month rated below expectation: an improvement plan opens; Rina objects.
    let resp = put(
        &c,
        &c.kasubag,
        &format!("/api/v1/skp/{}/evaluasi?periode_ke={past}", v1.id),
        &json!({"rating_hasil": "di_bawah_ekspektasi", "rating_perilaku": "sesuai_ekspektasi"}),
    )
    .await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/skp/{}/evaluasi/tetapkan?periode_ke={past}", v1.id),
            &json!({}),
            Some(&c.kasubag),
        )
        .await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    let rated: EvaluasiView = resp.json().await.unwrap();
    let eval_id = rated.evaluasi.as_ref().unwrap().id;
    assert!(rated.rencana_perbaikan.is_some());
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/evaluasi/{eval_id}/keberatan"),
            &json!({"alasan": "Layanan pada hari Sabtu belum dihitung dalam realisasi bulan ini."}),
            Some(&c.rina),
        )
        .await;
    assert!(resp.status().is_success(), "{}", resp.text().await.unwrap());

    // The perubahan: a raised target, the timeliness indicator dropped, a new one added.
    let v2: Skp = c.revise(&c.rina, &v1).await.json().await.unwrap();
    // While it is a draft, version 1 stays in force for this month.
    assert_eq!(sheet(&c, &c.rina, v2.id, k).await.skp_id, v1.id);
    let mut rhk = serde_json::to_value(&v2.rhk).unwrap();
    rhk[0]["iki"][0]["target_nilai"] = json!(150.0);
    let iki = rhk[0]["iki"].as_array_mut().unwrap();
    iki.remove(2);
    iki.push(json!({"aspek": "kuantitas", "indikator": "Jumlah arsip digital yang diunggah", "target_nilai": 1.0, "target_satuan": "dokumen", "jenis_target": "tenggat", "tenggat": format!("{}-12-31", c.periode.tahun)}));
    let resp = put(&c, &c.rina, &format!("/api/v1/skp/{}", v2.id), &json!({"lock_version": v2.lock_version, "pendekatan": "kuantitatif", "rhk": rhk, "lampiran": v2.lampiran})).await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    let v2: Skp = resp.json().await.unwrap();
    assert_eq!(v2.rhk[0].iki[2].jenis_target, Some(JenisTarget::Tenggat));
    let v2: Skp = c.submit(&c.rina, &v2).await.json().await.unwrap();
    let resp = c.approve(&c.kasubag, &v2).await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    let v2: Skp = resp.json().await.unwrap();
    assert_eq!(
        (v2.status, v2.berlaku_dari_ke),
        (StatusSkp::Disetujui, Some(k)),
        "in force from the month it was approved"
    );
    let dokumen2 = v2.rhk[0].iki[0].id.unwrap();

    // Past months: still version 1's, whichever version is named, for all three people.
    for token in [&c.rina, &c.kasubag, &c.sekcam] {
        for named in [v1.id, v2.id] {
            let s = sheet(&c, token, named, past).await;
            assert_eq!((s.skp_id, s.versi), (v1.id, 1));
            let row = s.rows.iter().find(|r| r.iki_id == dokumen).unwrap();
            assert_eq!(row.realisasi.as_ref().and_then(|v| v.nilai), Some(10.0));
            // 120 a year is 10 a month: 100 %, not 8.33 %.
            assert_eq!(
                (
                    row.target_periode.nilai,
                    row.target_periode.dasar,
                    row.capaian
                ),
                (Some(10.0), DasarTarget::TargetTahunan, Some(100.0))
            );
            assert_eq!(s.rows.len(), 3);
        }
    }
    // This month moved to version 2 with what was entered on the indicators it keeps.
    let now = sheet(&c, &c.rina, v1.id, k).await;
    assert_eq!((now.skp_id, now.versi), (v2.id, 2));
    let row = now.rows.iter().find(|r| r.iki_id == dokumen2).unwrap();
    assert_eq!(row.realisasi.as_ref().and_then(|v| v.nilai), Some(4.0));
    assert_eq!(
        row.target_periode.nilai,
        Some(12.5),
        "150 a year over 12 months"
    );
    // The year to date adds each month from the version that governed it.
    let ytd = row.sampai_periode_ini;
    assert_eq!(ytd.realisasi, Some(10.0 * f64::from(past) + 4.0));
    assert_eq!(ytd.target, Some(10.0 * f64::from(past) + 12.5));
    // The dropped indicator's entry stays with version 1; the deadline one is due in December.
    assert_eq!(now.rows.len(), 3);
    assert!(
        now.rows
            .iter()
            .all(|r| r.indikator != "Layanan selesai dalam")
    );
    let arsip = now
        .rows
        .iter()
        .find(|r| r.indikator.starts_with("Jumlah arsip"))
        .unwrap();
    assert_eq!(arsip.target_periode.nilai, (k == 12).then_some(1.0));
    // Rina keeps writing through the link she had (version 1), and it lands on version 2.
    let resp = put(
        &c,
        &c.rina,
        &format!("/api/v1/skp/{}/realisasi/{dokumen2}?periode_ke={k}", v1.id),
        &json!({"nilai": 6.0}),
    )
    .await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    assert_eq!(
        sheet(&c, &c.rina, v2.id, k).await.rows[0]
            .realisasi
            .as_ref()
            .and_then(|v| v.nilai),
        Some(6.0)
    );

    // Feedback: last month's stays on version 1, this month's follows its indicator.
    let list: Vec<UmpanBalik> = c
        .app
        .get(
            &format!("/api/v1/skp/{}/feedback?periode_ke={past}", v2.id),
            Some(&c.rina),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((list.len(), list[0].iki_id), (1, Some(dokumen)));
    let list: Vec<UmpanBalik> = c
        .app
        .get(
            &format!("/api/v1/skp/{}/feedback?periode_ke={k}", v1.id),
            Some(&c.rina),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((list.len(), list[0].iki_id), (1, Some(dokumen2)));
    let year: Vec<UmpanBalik> = c
        .app
        .get(&format!("/api/v1/skp/{}/feedback", v2.id), Some(&c.kasubag))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(year.len(), 2, "the whole year's feedback, across versions");
    assert!(
        year.iter()
            .all(|f| f.sasaran.as_deref() == Some("Jumlah dokumen layanan yang diselesaikan"))
    );

    // The evaluation of last month, its objection and improvement plan, through version 2.
    for token in [&c.rina, &c.kasubag, &c.sekcam] {
        let page = evaluation(&c, token, v2.id, past).await;
        assert_eq!(page.skp_id, v1.id);
        let e = page.evaluasi.as_ref().expect("still rated");
        assert_eq!((e.id, e.status), (eval_id, StatusEvaluasi::Ditetapkan));
        assert_eq!(
            page.keberatan.as_ref().map(|k| k.status),
            Some(StatusKeberatan::Diajukan)
        );
        assert!(page.rencana_perbaikan.is_some());
    }
    // The PPKin is not offered last month again; the Atasan PPKin still sees the objection.
    let mine = work_list(&c, &c.kasubag, past).await;
    let rina = mine
        .iter()
        .find(|p| p.nip.replace(' ', "") == v1.pegawai.nip.replace(' ', ""))
        .expect("Rina in the PPKin's list");
    assert_eq!(
        rina.evaluasi.as_ref().map(|e| e.status),
        Some(StatusEvaluasi::Ditetapkan)
    );
    let atasan = work_list(&c, &c.sekcam, past).await;
    assert!(
        atasan
            .iter()
            .any(|p| p.keberatan.is_some() && p.skp_id == v1.id),
        "the open objection stays in the Atasan PPKin's list"
    );
    // This month is rated on version 2.
    let now = work_list(&c, &c.kasubag, k).await;
    assert!(now.iter().any(|p| p.skp_id == v2.id));

    // The objection runs on after the change.
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/evaluasi/{eval_id}/keberatan/penjelasan"),
            &json!({"penjelasan": "Register hari Sabtu belum dilampirkan sebagai bukti dukung."}),
            Some(&c.kasubag),
        )
        .await;
    assert!(resp.status().is_success(), "{}", resp.text().await.unwrap());
}
db_test!(the_year_survives_a_perubahan_skp);

async fn a_deadline_must_fall_within_the_period(db: Db) {
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let v1 = c.agreed(&c.rina, &c.kasubag, Some(&kasubag_skp)).await;
    let v2: Skp = c.revise(&c.rina, &v1).await.json().await.unwrap();
    let mut rhk = serde_json::to_value(&v2.rhk).unwrap();
    rhk[0]["iki"][0]["jenis_target"] = json!("tenggat");
    rhk[0]["iki"][0]["tenggat"] = json!(format!("{}-01-15", c.periode.tahun + 1));
    let resp = put(&c, &c.rina, &format!("/api/v1/skp/{}", v2.id), &json!({"lock_version": v2.lock_version, "pendekatan": "kuantitatif", "rhk": rhk, "lampiran": v2.lampiran})).await;
    let problem = assert_problem(resp, 422, kinerja_api::ErrorCode::ValidationFailed).await;
    assert!(!problem.field_errors("rhk[0].iki[0].tenggat").is_empty());
    // Without a date, submitting names the missing field.
    rhk[0]["iki"][0]["tenggat"] = Value::Null;
    let resp = put(&c, &c.rina, &format!("/api/v1/skp/{}", v2.id), &json!({"lock_version": v2.lock_version, "pendekatan": "kuantitatif", "rhk": rhk, "lampiran": v2.lampiran})).await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    let v2: Skp = resp.json().await.unwrap();
    let problem = assert_problem(
        c.submit(&c.rina, &v2).await,
        422,
        kinerja_api::ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!problem.field_errors("rhk[0].iki[0].tenggat").is_empty());
}
db_test!(a_deadline_must_fall_within_the_period);
