//! The home page's to-do list (`GET /api/v1/beranda`) on the demo chain: Rina (pelaksana), the
//! kasubag (her PPKin), the sekcam (her Atasan PPKin), the HR office without an employee record.

use chrono::{Datelike, Duration, NaiveDate};
use kinerja_api::ErrorCode;
use kinerja_api::auth::Role;
use kinerja_api::beranda::{Beranda, JenisTugas, LangkahAwal, Tugas};
use kinerja_api::penilaian::EvaluasiView;
use kinerja_api::planning::Skp;
use serde_json::json;

use crate::helpers::*;
use crate::planning::{Chain, chain};

async fn beranda(c: &Chain, token: &str) -> Beranda {
    let resp = c.app.get("/api/v1/beranda", Some(token)).await;
    assert_eq!(resp.status(), 200);
    resp.json().await.unwrap()
}

fn of(b: &Beranda, jenis: JenisTugas) -> Vec<&Tugas> {
    b.tugas.iter().filter(|t| t.jenis == jenis).collect()
}

/// The only item of a kind.
fn one(b: &Beranda, jenis: JenisTugas) -> &Tugas {
    let found = of(b, jenis);
    assert_eq!(found.len(), 1, "{jenis:?} in {:#?}", b.tugas);
    found[0]
}

/// The month of `day` (the instansi's local day the list was made for).
fn month(day: NaiveDate) -> i32 {
    day.month() as i32
}

/// The last day the realisasi of `day`'s month can be entered: its last day plus the delay.
fn lock_of(day: NaiveDate, jeda: i32) -> NaiveDate {
    let next = if day.month() == 12 {
        NaiveDate::from_ymd_opt(day.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(day.year(), day.month() + 1, 1)
    }
    .unwrap();
    next - Duration::days(1) + Duration::days(i64::from(jeda))
}

async fn rate(c: &Chain, skp: &Skp, k: i32) -> EvaluasiView {
    let path = format!("/api/v1/skp/{}/evaluasi?periode_ke={k}", skp.id);
    let body = json!({"rating_hasil": "sesuai_ekspektasi", "rating_perilaku": "sesuai_ekspektasi"});
    let resp = c
        .app
        .client
        .put(c.app.url(&path))
        .bearer_auth(&c.kasubag)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    let path = format!("/api/v1/skp/{}/evaluasi/tetapkan?periode_ke={k}", skp.id);
    let resp = c.app.post_json(&path, &json!({}), Some(&c.kasubag)).await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    resp.json().await.unwrap()
}

async fn the_beranda_needs_a_signed_in_user(db: Db) {
    let app = spawn_app(db).await;
    assert_problem(
        app.get("/api/v1/beranda", None).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    assert_problem(
        app.get("/api/v1/beranda", Some("not-a-token")).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
}
db_test!(the_beranda_needs_a_signed_in_user);

async fn the_hr_office_is_told_when_the_period_is_not_open(db: Db) {
    let (app, admin) = crate::organisation::demo_app(db).await;
    let b: Beranda = app
        .get("/api/v1/beranda", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    let t = b
        .tugas
        .iter()
        .find(|t| t.jenis == JenisTugas::BukaPeriode)
        .expect("period to open");
    assert_eq!(
        (t.instansi.as_deref(), t.tahun),
        (Some(kinerja::demo::INSTANSI), Some(b.hari_ini.year()))
    );
    assert!(
        b.tugas.iter().all(|t| t.jenis == JenisTugas::BukaPeriode),
        "{:#?}",
        b.tugas
    );
    // An auditor and an employee with nothing to do get an empty list, never an error.
    let (_, auditor) = app.signed_in("aud.uji", &[Role::Auditor]).await;
    let b: Beranda = app
        .get("/api/v1/beranda", Some(&auditor))
        .await
        .json()
        .await
        .unwrap();
    assert!(b.tugas.is_empty());
    let (rina, _) = app.login(kinerja::demo::PELAKSANA_NIP, TEST_PASSWORD).await;
    let b: Beranda = app
        .get("/api/v1/beranda", Some(&rina.access_token))
        .await
        .json()
        .await
        .unwrap();
    assert!(
        b.tugas.is_empty(),
        "no open period, nothing to do: {:#?}",
        b.tugas
    );
}
db_test!(the_hr_office_is_told_when_the_period_is_not_open);

async fn the_skp_is_drafted_submitted_and_approved_from_the_list(db: Db) {
    let c = chain(db).await;
    // Once the period is open the HR office has nothing left to do.
    assert!(beranda(&c, &c.admin).await.tugas.is_empty());
    let b = beranda(&c, &c.rina).await;
    let t = one(&b, JenisTugas::SusunSkp);
    assert_eq!(
        (t.tahun, t.tautan.as_str(), t.batas),
        (Some(c.periode.tahun), "/skp", c.periode.batas_penetapan_skp)
    );

    let kasubag_skp = c.upper_chain().await;
    let draft = c.start(&c.rina).await;
    let draft = c.fill(&c.rina, &draft, kasubag_skp.rhk[0].id).await;
    let b = beranda(&c, &c.rina).await;
    assert!(of(&b, JenisTugas::SusunSkp).is_empty());
    let t = one(&b, JenisTugas::AjukanSkp);
    // Edited and submitted in SKP Saya.
    assert_eq!(
        (t.skp_id, t.tautan.as_str(), t.perubahan),
        (Some(draft.id), "/skp", false)
    );
    // A draft is not the PPKin's business yet.
    assert!(of(&beranda(&c, &c.kasubag).await, JenisTugas::SetujuiSkp).is_empty());

    let submitted: Skp = c.submit(&c.rina, &draft).await.json().await.unwrap();
    assert_eq!(
        one(&beranda(&c, &c.rina).await, JenisTugas::SkpMenunggu).skp_id,
        Some(draft.id)
    );
    let b = beranda(&c, &c.kasubag).await;
    let t = one(&b, JenisTugas::SetujuiSkp);
    assert_eq!(
        (t.pegawai.as_deref(), t.tautan.clone()),
        (Some("Rina Marlina"), format!("/skp/{}", draft.id))
    );
    // Her Atasan PPKin does not approve it.
    assert!(of(&beranda(&c, &c.sekcam).await, JenisTugas::SetujuiSkp).is_empty());

    let resp = c.approve(&c.kasubag, &submitted).await;
    assert_eq!(resp.status(), 200);
    let skp: Skp = resp.json().await.unwrap();
    assert!(of(&beranda(&c, &c.kasubag).await, JenisTugas::SetujuiSkp).is_empty());

    // Now the realisasi of this month is due until its lock date, three indicators empty.
    let b = beranda(&c, &c.rina).await;
    assert!(of(&b, JenisTugas::SkpMenunggu).is_empty());
    let k = month(b.hari_ini);
    let due: Vec<&Tugas> = of(&b, JenisTugas::IsiRealisasi)
        .into_iter()
        .filter(|t| t.periode.is_some_and(|p| p.ke == k))
        .collect();
    assert_eq!(due.len(), 1, "{:#?}", b.tugas);
    let t = due[0];
    assert_eq!(
        t.batas,
        Some(lock_of(b.hari_ini, c.periode.jeda_kunci_realisasi_hari))
    );
    assert_eq!((t.jumlah, t.skp_id), (3, Some(skp.id)));
    assert_eq!(t.tautan, format!("/realisasi/{}?periode_ke={k}", skp.id));
    let p = t.periode.unwrap();
    assert_eq!((p.tahun, p.ritme), (c.periode.tahun, c.periode.ritme));
    // The list is ordered by due date.
    let dates: Vec<NaiveDate> = b.tugas.iter().filter_map(|t| t.batas).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");

    // One value entered: two left; all entered: nothing due for this month.
    let put = |iki: uuid::Uuid| {
        c.app
            .client
            .put(c.app.url(&format!(
                "/api/v1/skp/{}/realisasi/{iki}?periode_ke={k}",
                skp.id
            )))
            .bearer_auth(&c.rina)
            .json(&json!({"nilai": 5.0}))
            .send()
    };
    assert_eq!(
        put(skp.rhk[0].iki[0].id.unwrap()).await.unwrap().status(),
        200
    );
    let b = beranda(&c, &c.rina).await;
    assert_eq!(
        of(&b, JenisTugas::IsiRealisasi)
            .iter()
            .find(|t| t.periode.is_some_and(|p| p.ke == k))
            .unwrap()
            .jumlah,
        2
    );
    for i in 1..3 {
        assert_eq!(
            put(skp.rhk[0].iki[i].id.unwrap()).await.unwrap().status(),
            200
        );
    }
    let b = beranda(&c, &c.rina).await;
    assert!(
        of(&b, JenisTugas::IsiRealisasi)
            .iter()
            .all(|t| t.periode.is_some_and(|p| p.ke != k)),
        "{:#?}",
        b.tugas
    );

    // A perubahan SKP: the realisasi stays governed by the approved version.
    let resp = c.revise(&c.rina, &skp).await;
    assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    let revised: Skp = resp.json().await.unwrap();
    let b = beranda(&c, &c.rina).await;
    let t = one(&b, JenisTugas::AjukanSkp);
    assert_eq!(
        (t.skp_id, t.perubahan, t.batas),
        (Some(revised.id), true, None)
    );
}
db_test!(the_skp_is_drafted_submitted_and_approved_from_the_list);

async fn the_ppkin_checks_evidence_rates_and_explains_and_the_atasan_decides(db: Db) {
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let skp = c.agreed(&c.rina, &c.kasubag, Some(&kasubag_skp)).await;
    let today = beranda(&c, &c.rina).await.hari_ini;
    let k = month(today);

    // Evidence: two links to check for this month.
    let iki = skp.rhk[0].iki[0].id.unwrap();
    let base = format!("/api/v1/skp/{}/realisasi/{iki}", skp.id);
    let resp = c
        .app
        .client
        .put(c.app.url(&format!("{base}?periode_ke={k}")))
        .bearer_auth(&c.rina)
        .json(&json!({"nilai": 4.0}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let mut links = Vec::new();
    for n in 1..=2 {
        let resp = c
            .app
            .post_json(
                &format!("{base}/bukti-tautan?periode_ke={k}"),
                &json!({"url": format!("https://drive.serangkota.go.id/berkas/{n}")}),
                Some(&c.rina),
            )
            .await;
        assert_eq!(resp.status(), 201);
        links.push(resp.json::<serde_json::Value>().await.unwrap()["id"].clone());
    }
    let b = beranda(&c, &c.kasubag).await;
    let t = one(&b, JenisTugas::PeriksaBukti);
    assert_eq!(
        (t.jumlah, t.pegawai.as_deref(), t.periode.map(|p| p.ke)),
        (2, Some("Rina Marlina"), Some(k))
    );
    // Evidence on a second indicator of the same month joins the same item; a checked one
    // leaves it.
    let second = skp.rhk[0].iki[1].id.unwrap();
    let base2 = format!("/api/v1/skp/{}/realisasi/{second}", skp.id);
    let resp = c
        .app
        .client
        .put(c.app.url(&format!("{base2}?periode_ke={k}")))
        .bearer_auth(&c.rina)
        .json(&json!({"nilai": 2.0}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let resp = c
        .app
        .post_json(
            &format!("{base2}/bukti-tautan?periode_ke={k}"),
            &json!({"url": "https://drive.serangkota.go.id/berkas/3"}),
            Some(&c.rina),
        )
        .await;
    assert_eq!(resp.status(), 201);
    assert_eq!(
        one(&beranda(&c, &c.kasubag).await, JenisTugas::PeriksaBukti).jumlah,
        3
    );
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/bukti/{}/verify", links[0].as_str().unwrap()),
            &json!({"verifikasi": "sesuai"}),
            Some(&c.kasubag),
        )
        .await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    assert_eq!(
        one(&beranda(&c, &c.kasubag).await, JenisTugas::PeriksaBukti).jumlah,
        2
    );
    assert_eq!(t.tautan, format!("/realisasi/{}?periode_ke={k}", skp.id));
    // Only her PPKin checks evidence.
    assert!(of(&beranda(&c, &c.sekcam).await, JenisTugas::PeriksaBukti).is_empty());

    // Feedback is unread until its notification is read.
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/skp/{}/feedback", skp.id),
            &json!({"periode_ke": k, "iki_id": iki, "teks": "Lampirkan juga register layanan."}),
            Some(&c.kasubag),
        )
        .await;
    assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    let t = one(&beranda(&c, &c.rina).await, JenisTugas::UmpanBalikBaru).clone();
    assert_eq!((t.jumlah, t.tautan.as_str()), (1, "/notifikasi"));
    assert_eq!(
        c.app
            .post_json("/api/v1/notifications/read-all", &json!({}), Some(&c.rina))
            .await
            .status(),
        204
    );
    assert!(of(&beranda(&c, &c.rina).await, JenisTugas::UmpanBalikBaru).is_empty());

    // The people to rate: last month's evaluation of Rina is not set.
    if k > 1 {
        let b = beranda(&c, &c.kasubag).await;
        let t = one(&b, JenisTugas::NilaiBawahan);
        assert_eq!(
            (t.jumlah, t.pegawai.as_deref(), t.periode.map(|p| p.ke)),
            (1, Some("Rina Marlina"), Some(k - 1))
        );
        assert_eq!(
            t.tautan,
            format!("/evaluasi/{}?periode_ke={}", skp.id, k - 1)
        );
        rate(&c, &skp, k - 1).await;
        assert!(of(&beranda(&c, &c.kasubag).await, JenisTugas::NilaiBawahan).is_empty());
    }

    // A set evaluation opens Rina's objection window.
    let set = rate(&c, &skp, k).await;
    let e = set.evaluasi.unwrap();
    let b = beranda(&c, &c.rina).await;
    let window: Vec<&Tugas> = of(&b, JenisTugas::BatasKeberatan)
        .into_iter()
        .filter(|t| t.periode.is_some_and(|p| p.ke == k))
        .collect();
    assert_eq!(window.len(), 1);
    assert_eq!(
        (window[0].batas, window[0].tautan.clone()),
        (
            e.batas_keberatan,
            format!("/evaluasi/{}?periode_ke={k}", skp.id)
        )
    );

    // She objects: the PPKin explains, then the Atasan PPKin decides.
    let url = |what: &str| format!("/api/v1/evaluasi/{}/{what}", e.id);
    let resp = c
        .app
        .post_json(
            &url("keberatan"),
            &json!({"alasan": "Layanan hari Sabtu belum dihitung dalam realisasi."}),
            Some(&c.rina),
        )
        .await;
    assert_eq!(resp.status(), 200);
    let b = beranda(&c, &c.rina).await;
    assert!(
        of(&b, JenisTugas::BatasKeberatan)
            .iter()
            .all(|t| t.periode.is_some_and(|p| p.ke != k))
    );
    let b = beranda(&c, &c.kasubag).await;
    let t = one(&b, JenisTugas::JelaskanKeberatan);
    assert_eq!(
        (t.pegawai.as_deref(), t.tautan.clone()),
        (
            Some("Rina Marlina"),
            format!("/evaluasi/{}?periode_ke={k}", skp.id)
        )
    );
    assert!(of(&beranda(&c, &c.sekcam).await, JenisTugas::PutuskanKeberatan).is_empty());
    let resp = c
        .app
        .post_json(
            &url("keberatan/penjelasan"),
            &json!({"penjelasan": "Register hari Sabtu tidak dilampirkan."}),
            Some(&c.kasubag),
        )
        .await;
    assert_eq!(resp.status(), 200);
    assert!(
        of(
            &beranda(&c, &c.kasubag).await,
            JenisTugas::JelaskanKeberatan
        )
        .is_empty()
    );
    let b = beranda(&c, &c.sekcam).await;
    let t = one(&b, JenisTugas::PutuskanKeberatan);
    assert_eq!(
        (t.pegawai.as_deref(), t.periode.map(|p| p.ke)),
        (Some("Rina Marlina"), Some(k))
    );
    assert_eq!(t.tautan, format!("/evaluasi/{}?periode_ke={k}", skp.id));
    let resp = c
        .app
        .post_json(
            &url("keberatan/keputusan"),
            &json!({"keputusan": "tetap", "catatan": "Hasil sesuai bukti dukung."}),
            Some(&c.sekcam),
        )
        .await;
    assert_eq!(resp.status(), 200);
    assert!(of(&beranda(&c, &c.sekcam).await, JenisTugas::PutuskanKeberatan).is_empty());
}
db_test!(the_ppkin_checks_evidence_rates_and_explains_and_the_atasan_decides);

async fn langkah(c: &Chain, token: &str) -> kinerja_api::beranda::DaftarLangkahAwal {
    let resp = c.app.get("/api/v1/beranda/langkah-awal", Some(token)).await;
    assert_eq!(resp.status(), 200);
    resp.json().await.unwrap()
}

/// Today in the demo instansi's zone (WIB).
fn langkah_today() -> NaiveDate {
    (chrono::Utc::now() + Duration::hours(7)).date_naive()
}

fn done(d: &kinerja_api::beranda::DaftarLangkahAwal) -> Vec<(LangkahAwal, bool)> {
    d.langkah.iter().map(|l| (l.langkah, l.selesai)).collect()
}

/// First steps (docs/langkah-awal.md): each role's list, ticked by what the user did.
async fn first_steps_tick_themselves_as_the_user_goes(db: Db) {
    use LangkahAwal::*;
    let c = chain(db).await;
    // The Sekda, rated by the Wali Kota outside the system, has no SKP in this fixture.
    assert_eq!(
        done(&langkah(&c, &c.sekda).await),
        vec![
            (GantiSandi, false),
            (PeriksaData, false),
            (MulaiSkp, false),
            (AjukanSkp, false),
            (IsiRealisasi, false),
        ],
        "no SKP names the Sekda as its rater here: no PPKin step"
    );
    c.start(&c.sekda).await;
    let now = langkah(&c, &c.sekda).await;
    assert!(done(&now).contains(&(MulaiSkp, true)));
    assert!(done(&now).contains(&(AjukanSkp, false)));
    assert!(!now.semua_selesai && !now.ditutup);
    // Confirming one's data, twice: ticked once.
    for _ in 0..2 {
        let r = c
            .app
            .post_json(
                "/api/v1/beranda/langkah-awal/data-diperiksa",
                &json!({}),
                Some(&c.sekda),
            )
            .await;
        assert_eq!(r.status(), 204);
    }
    assert!(done(&langkah(&c, &c.sekda).await).contains(&(PeriksaData, true)));
    // Rina lives her first steps: start, submit (her PPKin approves), a first realisasi.
    let steps = |d: &kinerja_api::beranda::DaftarLangkahAwal| done(d)[2..].to_vec();
    assert_eq!(
        steps(&langkah(&c, &c.rina).await),
        vec![(MulaiSkp, false), (AjukanSkp, false), (IsiRealisasi, false)]
    );
    assert!(
        !done(&langkah(&c, &c.kasubag).await)
            .iter()
            .any(|(l, _)| *l == SetujuiSkpTim),
        "no SKP names the kasubag yet"
    );
    let kasubag = c.upper_chain().await;
    let skp = c.agreed(&c.rina, &c.kasubag, Some(&kasubag)).await;
    assert_eq!(
        steps(&langkah(&c, &c.rina).await),
        vec![(MulaiSkp, true), (AjukanSkp, true), (IsiRealisasi, false)]
    );
    assert!(done(&langkah(&c, &c.kasubag).await).contains(&(SetujuiSkpTim, true)));
    let k = month(langkah_today());
    let r = c
        .app
        .client
        .put(c.app.url(&format!(
            "/api/v1/skp/{}/realisasi/{}?periode_ke={k}",
            skp.id,
            skp.rhk[0].iki[0].id.unwrap()
        )))
        .bearer_auth(&c.rina)
        .json(&json!({"nilai": 5.0}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        steps(&langkah(&c, &c.rina).await),
        vec![(MulaiSkp, true), (AjukanSkp, true), (IsiRealisasi, true)]
    );
    // The HR office without an employee record: the period is open, the staff are in.
    assert_eq!(
        done(&langkah(&c, &c.admin).await),
        vec![
            (GantiSandi, false),
            (BukaPeriode, true),
            (ImporPegawai, true)
        ]
    );
    // Changing the password ticks its step (last: it ends the Sekda's other sessions).
    let r = c
        .app
        .post_json(
            "/api/v1/auth/change-password",
            &json!({"current_password": TEST_PASSWORD, "new_password": "Sandi-Baru-Sekda-2026"}),
            Some(&c.sekda),
        )
        .await;
    assert_eq!(r.status(), 200);
    let fresh: kinerja_api::auth::TokenResponse = r.json().await.unwrap();
    assert!(done(&langkah(&c, &fresh.access_token).await).contains(&(GantiSandi, true)));

    // Dismissed: stays dismissed; unauthenticated: 401.
    let r = c
        .app
        .post_json(
            "/api/v1/beranda/langkah-awal/tutup",
            &json!({}),
            Some(&c.rina),
        )
        .await;
    assert_eq!(r.status(), 204);
    assert!(langkah(&c, &c.rina).await.ditutup);
    assert!(!langkah(&c, &c.kasubag).await.ditutup);
    assert_problem(
        c.app.get("/api/v1/beranda/langkah-awal", None).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
}
db_test!(first_steps_tick_themselves_as_the_user_goes);
