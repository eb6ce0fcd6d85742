//! Evaluation on the demo chain: the kasubag rates Rina (PPKin), the sekcam is her Atasan PPKin
//! and decides objections; the kasubag heads Subbagian Umum, rated by the sekcam.

use chrono::Datelike;
use kinerja_api::ErrorCode;
use kinerja_api::evaluation::{Predikat, PredikatOrganisasi, Rating};
use kinerja_api::penilaian::{
    AngkaKredit, DistribusiUnit, EvaluasiView, JenisPelatihan, KeputusanKeberatan,
    LampiranKeberatan, Pelatihan, PeranEvaluasi, PredikatOrganisasiUnit, StatusEvaluasi,
    StatusKeberatan,
};
use kinerja_api::planning::{NotificationPage, Skp};
use reqwest::Response;
use serde_json::{Value, json};

use crate::helpers::*;
use crate::organisation::unit_named;
use crate::planning::{Chain, chain, chain_with};

fn month() -> i32 {
    kinerja::clock::today().month() as i32
}

async fn put(c: &Chain, token: &str, skp: &Skp, k: i32, body: Value) -> Response {
    let path = format!("/api/v1/skp/{}/evaluasi?periode_ke={k}", skp.id);
    put_json(c, &path, Some(token), &body).await
}

async fn tetapkan(c: &Chain, token: &str, skp: &Skp, k: i32) -> Response {
    c.app
        .post_json(
            &format!("/api/v1/skp/{}/evaluasi/tetapkan?periode_ke={k}", skp.id),
            &json!({}),
            Some(token),
        )
        .await
}

async fn view(c: &Chain, token: &str, skp: &Skp, k: i32) -> EvaluasiView {
    let resp = c
        .app
        .get(
            &format!("/api/v1/skp/{}/evaluasi?periode_ke={k}", skp.id),
            Some(token),
        )
        .await;
    assert_eq!(resp.status(), 200);
    resp.json().await.unwrap()
}

/// Kasubag's and Rina's approved SKPs.
async fn agreed(c: &Chain) -> (Skp, Skp) {
    let kasubag = c.upper_chain().await;
    let rina = c.agreed(&c.rina, &c.kasubag, Some(&kasubag)).await;
    (kasubag, rina)
}

async fn set(c: &Chain, skp: &Skp, k: i32, hasil: &str, perilaku: &str) -> EvaluasiView {
    let resp = put(c, &c.kasubag, skp, k, json!({"rating_hasil": hasil, "rating_perilaku": perilaku, "catatan_hasil": "Target bulanan tercapai sebagian"})).await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    let resp = tetapkan(c, &c.kasubag, skp, k).await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    resp.json().await.unwrap()
}

async fn the_ppkin_rates_and_the_predikat_follows_the_kuadran(db: Db) {
    let c = chain(db).await;
    let (_, rina) = agreed(&c).await;
    let k = month();
    // Readers see the page with a suggestion, before anything is rated.
    let page = view(&c, &c.rina, &rina, k).await;
    assert!(page.evaluasi.is_none());
    assert!(
        page.saran
            .keterangan
            .contains("keputusan Pejabat Penilai Kinerja")
    );
    // The page tells each viewer what they are to the SKP (which actions to offer).
    assert_eq!(page.peran, PeranEvaluasi::Pemilik);
    assert_eq!(
        view(&c, &c.kasubag, &rina, k).await.peran,
        PeranEvaluasi::PejabatPenilai
    );
    assert_eq!(
        view(&c, &c.sekcam, &rina, k).await.peran,
        PeranEvaluasi::AtasanPejabatPenilai
    );
    assert_eq!(
        view(&c, &c.admin, &rina, k).await.peran,
        PeranEvaluasi::Pembaca
    );
    assert_problem(
        c.app
            .get(
                &format!("/api/v1/skp/{}/evaluasi?periode_ke=13", rina.id),
                Some(&c.rina),
            )
            .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert_problem(
        c.app
            .get(
                &format!("/api/v1/skp/{}/evaluasi?periode_ke={k}", rina.id),
                None,
            )
            .await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;

    // Only the PPKin rates: the owner, the Atasan PPKin and the admin may read, not rate.
    let body = json!({"rating_hasil": "sesuai_ekspektasi", "rating_perilaku": "sesuai_ekspektasi"});
    for token in [&c.rina, &c.sekcam, &c.admin] {
        assert_problem(
            put(&c, token, &rina, k, body.clone()).await,
            403,
            ErrorCode::Forbidden,
        )
        .await;
    }
    assert_problem(
        put(
            &c,
            &c.kasubag,
            &rina,
            k,
            json!({"rating_hasil": "luar_biasa"}),
        )
        .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;

    // All nine cells of the kuadran kinerja (PermenPANRB 6/2022), row = hasil, column = perilaku.
    let cells = [
        (
            "di_atas_ekspektasi",
            "di_atas_ekspektasi",
            Predikat::SangatBaik,
        ),
        ("di_atas_ekspektasi", "sesuai_ekspektasi", Predikat::Baik),
        (
            "di_atas_ekspektasi",
            "di_bawah_ekspektasi",
            Predikat::Kurang,
        ),
        ("sesuai_ekspektasi", "di_atas_ekspektasi", Predikat::Baik),
        ("sesuai_ekspektasi", "sesuai_ekspektasi", Predikat::Baik),
        ("sesuai_ekspektasi", "di_bawah_ekspektasi", Predikat::Kurang),
        (
            "di_bawah_ekspektasi",
            "di_atas_ekspektasi",
            Predikat::ButuhPerbaikan,
        ),
        (
            "di_bawah_ekspektasi",
            "sesuai_ekspektasi",
            Predikat::ButuhPerbaikan,
        ),
        (
            "di_bawah_ekspektasi",
            "di_bawah_ekspektasi",
            Predikat::SangatKurang,
        ),
    ];
    for (hasil, perilaku, expected) in cells {
        let v: EvaluasiView = put(
            &c,
            &c.kasubag,
            &rina,
            k,
            json!({"rating_hasil": hasil, "rating_perilaku": perilaku}),
        )
        .await
        .json()
        .await
        .unwrap();
        let e = v.evaluasi.unwrap();
        assert_eq!(
            (e.predikat, e.status),
            (Some(expected), StatusEvaluasi::Draft),
            "{hasil} × {perilaku}"
        );
    }
    // A predikat cannot be typed.
    assert_problem(
        put(&c, &c.kasubag, &rina, k, json!({"predikat": "sangat_baik"})).await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;

    // Setting needs both ratings.
    put(
        &c,
        &c.kasubag,
        &rina,
        k,
        json!({"rating_hasil": "sesuai_ekspektasi"}),
    )
    .await;
    let missing = assert_problem(
        tetapkan(&c, &c.kasubag, &rina, k).await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!missing.field_errors("rating_perilaku").is_empty());
    assert_problem(
        tetapkan(&c, &c.rina, &rina, k).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;

    let done = set(&c, &rina, k, "sesuai_ekspektasi", "di_atas_ekspektasi").await;
    let e = done.evaluasi.unwrap();
    assert_eq!(
        (e.status, e.predikat, e.versi),
        (StatusEvaluasi::Ditetapkan, Some(Predikat::Baik), 1)
    );
    let today = kinerja::clock::today();
    assert_eq!(
        e.batas_keberatan,
        Some(today + chrono::Duration::days(i64::from(c.periode.jendela_keberatan_hari)))
    );
    assert_eq!(done.riwayat.len(), 1);
    assert!(
        done.rencana_perbaikan.is_none(),
        "Baik needs no improvement plan"
    );

    // Immutable once set.
    assert_problem(
        put(
            &c,
            &c.kasubag,
            &rina,
            k,
            json!({"rating_hasil": "di_atas_ekspektasi", "rating_perilaku": "di_atas_ekspektasi"}),
        )
        .await,
        409,
        ErrorCode::Conflict,
    )
    .await;
    assert_problem(
        tetapkan(&c, &c.kasubag, &rina, k).await,
        409,
        ErrorCode::Conflict,
    )
    .await;

    // The employee is told, with the objection deadline.
    let page: NotificationPage = c
        .app
        .get("/api/v1/notifications", Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    let told = page
        .items
        .iter()
        .find(|n| n.kind == "evaluasi_ditetapkan")
        .expect("notified");
    assert!(told.pesan.contains("Baik"));
    // It leads to the evaluation page of that SKP and period.
    assert_eq!(
        told.tautan.as_deref(),
        Some(format!("/evaluasi/{}?periode_ke={k}", rina.id).as_str())
    );

    // An admin correction is audited and versioned; others may not correct.
    let body = json!({"rating_hasil": "di_atas_ekspektasi", "rating_perilaku": "di_atas_ekspektasi", "alasan": "Salah input rating hasil kerja oleh pejabat penilai"});
    assert_problem(
        c.app
            .post_json(
                &format!("/api/v1/evaluasi/{}/koreksi", e.id),
                &body,
                Some(&c.kasubag),
            )
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    let fixed: EvaluasiView = c
        .app
        .post_json(
            &format!("/api/v1/evaluasi/{}/koreksi", e.id),
            &body,
            Some(&c.admin),
        )
        .await
        .json()
        .await
        .unwrap();
    let f = fixed.evaluasi.unwrap();
    assert_eq!((f.predikat, f.versi), (Some(Predikat::SangatBaik), 2));
    assert_eq!(
        fixed
            .riwayat
            .iter()
            .map(|v| (v.sumber.as_str(), v.predikat))
            .collect::<Vec<_>>(),
        vec![
            ("penetapan", Some(Predikat::Baik)),
            ("koreksi", Some(Predikat::SangatBaik))
        ]
    );
    assert!(
        fixed.prioritas_pengembangan,
        "Sangat Baik is a priority for development"
    );
    let audit = c
        .app
        .get("/api/v1/audit?per_page=100", Some(&c.admin))
        .await
        .text()
        .await
        .unwrap();
    assert!(audit.contains("evaluasi.ditetapkan") && audit.contains("evaluasi.dikoreksi"));

    // Angka kredit: Rina is a pelaksana, not JF — no coefficient, no credit.
    let ak: AngkaKredit = c
        .app
        .get(
            &format!("/api/v1/skp/{}/angka-kredit", rina.id),
            Some(&c.rina),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((ak.koefisien_tahunan, ak.rincian.len()), (None, 0));
}
db_test!(the_ppkin_rates_and_the_predikat_follows_the_kuadran);

async fn an_objection_goes_through_explanation_and_a_final_decision(db: Db) {
    let c = chain(db).await;
    let (_, rina) = agreed(&c).await;
    let k = month();
    let done = set(&c, &rina, k, "di_bawah_ekspektasi", "sesuai_ekspektasi").await;
    let e = done.evaluasi.unwrap();
    assert_eq!(e.predikat, Some(Predikat::ButuhPerbaikan));
    // A low result opens an improvement plan.
    assert!(done.rencana_perbaikan.is_some());

    let url = |what: &str| format!("/api/v1/evaluasi/{}/{what}", e.id);
    let alasan = json!({"alasan": "Realisasi bulan ini belum memperhitungkan layanan yang dikerjakan pada hari libur."});
    // Only the owner objects; the reason is required.
    assert_problem(
        c.app
            .post_json(&url("keberatan"), &alasan, Some(&c.kasubag))
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    let short = assert_problem(
        c.app
            .post_json(&url("keberatan"), &json!({"alasan": "x"}), Some(&c.rina))
            .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!short.field_errors("alasan").is_empty());
    let filed: EvaluasiView = c
        .app
        .post_json(&url("keberatan"), &alasan, Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        filed.keberatan.as_ref().unwrap().status,
        StatusKeberatan::Diajukan
    );
    assert_problem(
        c.app
            .post_json(&url("keberatan"), &alasan, Some(&c.rina))
            .await,
        409,
        ErrorCode::Conflict,
    )
    .await;

    // The Atasan PPKin waits for the PPKin's explanation.
    let keep = json!({"keputusan": "tetap", "catatan": "Hasil sesuai bukti dukung"});
    assert_problem(
        c.app
            .post_json(&url("keberatan/keputusan"), &keep, Some(&c.sekcam))
            .await,
        409,
        ErrorCode::Conflict,
    )
    .await;
    let explain = json!({"penjelasan": "Bukti dukung layanan hari libur tidak dilampirkan pada periode ini."});
    assert_problem(
        c.app
            .post_json(&url("keberatan/penjelasan"), &explain, Some(&c.rina))
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    let explained: EvaluasiView = c
        .app
        .post_json(&url("keberatan/penjelasan"), &explain, Some(&c.kasubag))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        explained.keberatan.as_ref().unwrap().status,
        StatusKeberatan::Dijelaskan
    );
    let page: NotificationPage = c
        .app
        .get("/api/v1/notifications", Some(&c.sekcam))
        .await
        .json()
        .await
        .unwrap();
    assert!(
        page.items
            .iter()
            .any(|n| n.kind == "keberatan_menunggu_keputusan")
    );

    // Only the Atasan PPKin decides; `diubah` needs the new ratings.
    assert_problem(
        c.app
            .post_json(&url("keberatan/keputusan"), &keep, Some(&c.kasubag))
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    let bad = assert_problem(
        c.app
            .post_json(
                &url("keberatan/keputusan"),
                &json!({"keputusan": "diubah", "catatan": "Diubah"}),
                Some(&c.sekcam),
            )
            .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!bad.field_errors("rating_hasil").is_empty());
    let change = json!({"keputusan": "diubah", "rating_hasil": "sesuai_ekspektasi", "rating_perilaku": "sesuai_ekspektasi", "catatan": "Bukti layanan hari libur diterima setelah klarifikasi."});
    let decided: EvaluasiView = c
        .app
        .post_json(&url("keberatan/keputusan"), &change, Some(&c.sekcam))
        .await
        .json()
        .await
        .unwrap();
    let k2 = decided.keberatan.as_ref().unwrap();
    assert_eq!(
        (k2.status, k2.keputusan),
        (StatusKeberatan::Diputus, Some(KeputusanKeberatan::Diubah))
    );
    let e2 = decided.evaluasi.as_ref().unwrap();
    assert_eq!(
        (e2.predikat, e2.rating_hasil, e2.versi),
        (Some(Predikat::Baik), Some(Rating::Sesuai), 2)
    );
    // The original stays in the history; the decision is final.
    assert_eq!(
        decided
            .riwayat
            .iter()
            .map(|v| (v.sumber.as_str(), v.predikat))
            .collect::<Vec<_>>(),
        vec![
            ("penetapan", Some(Predikat::ButuhPerbaikan)),
            ("keberatan", Some(Predikat::Baik))
        ]
    );
    assert_problem(
        c.app
            .post_json(&url("keberatan/keputusan"), &keep, Some(&c.sekcam))
            .await,
        409,
        ErrorCode::Conflict,
    )
    .await;

    // The improvement plan: the PPKin writes it, the employee and the PPKin check in.
    let plan = json!({"saran": "Lampirkan register layanan setiap minggu dan konsultasikan kendala sejak awal bulan.", "aksi": [{"uraian": "Menyusun register layanan mingguan", "jatuh_tempo": kinerja::clock::today() + chrono::Duration::days(30)}], "pelatihan": ["Pelatihan Pelayanan Prima"]});
    assert_problem(
        c.client_put(&url("rencana-perbaikan"), &plan, &c.rina)
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    assert!(
        !assert_problem(
            c.client_put(
                &url("rencana-perbaikan"),
                &json!({"saran": "", "aksi": [], "pelatihan": []}),
                &c.kasubag
            )
            .await,
            422,
            ErrorCode::ValidationFailed
        )
        .await
        .field_errors("saran")
        .is_empty()
    );
    let written: EvaluasiView = c
        .client_put(&url("rencana-perbaikan"), &plan, &c.kasubag)
        .await
        .json()
        .await
        .unwrap();
    let items = &written.rencana_perbaikan.as_ref().unwrap().items;
    assert_eq!(
        items.iter().map(|i| i.jenis.as_str()).collect::<Vec<_>>(),
        vec!["aksi", "pelatihan"]
    );
    let checked: EvaluasiView = c
        .app
        .post_json(
            &url("rencana-perbaikan/checkin"),
            &json!({"catatan": "Register minggu pertama sudah dibuat."}),
            Some(&c.rina),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        checked
            .rencana_perbaikan
            .unwrap()
            .items
            .last()
            .unwrap()
            .penulis,
        "Rina Marlina"
    );
    assert_problem(
        c.app
            .post_json(
                &url("rencana-perbaikan/checkin"),
                &json!({"catatan": "Catatan camat"}),
                Some(&c.camat),
            )
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
}
db_test!(an_objection_goes_through_explanation_and_a_final_decision);

async fn attach(c: &Chain, token: &str, eval: uuid::Uuid, bytes: &[u8], name: &str) -> Response {
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_owned()),
    );
    c.app
        .client
        .post(
            c.app
                .url(&format!("/api/v1/evaluasi/{eval}/keberatan/lampiran")),
        )
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn objection_attachments_are_checked_and_reach_only_those_who_follow_the_objection(db: Db) {
    let c = chain_with(db, |env| {
        env.insert("KINERJA_MAX_UPLOAD_BYTES".into(), "4096".into());
    })
    .await;
    let (_, rina) = agreed(&c).await;
    let e = set(
        &c,
        &rina,
        month(),
        "di_bawah_ekspektasi",
        "sesuai_ekspektasi",
    )
    .await
    .evaluasi
    .unwrap();
    let pdf = b"%PDF-1.4\nRegister layanan hari Sabtu\n%%EOF\n";
    // Attachments belong to an objection: none yet.
    assert_problem(
        attach(&c, &c.rina, e.id, pdf, "register.pdf").await,
        409,
        ErrorCode::Conflict,
    )
    .await;
    let filed = c
        .app
        .post_json(
            &format!("/api/v1/evaluasi/{}/keberatan", e.id),
            &json!({"alasan": "Layanan hari Sabtu belum dihitung dalam realisasi."}),
            Some(&c.rina),
        )
        .await;
    assert_eq!(filed.status(), 200);

    // Only the owner attaches: the PPKin is refused, a stranger does not learn it exists.
    let (_, outsider) = c
        .app
        .signed_in("luar.uji", &[kinerja_api::auth::Role::Pegawai])
        .await;
    assert_problem(
        attach(&c, &c.kasubag, e.id, pdf, "register.pdf").await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    assert_problem(
        attach(&c, &outsider, e.id, pdf, "register.pdf").await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    // Checked by content, not by name; bounded in size.
    assert_problem(
        attach(
            &c,
            &c.rina,
            e.id,
            b"<html><script>alert(1)</script>",
            "surat.pdf",
        )
        .await,
        415,
        ErrorCode::UnsupportedMediaType,
    )
    .await;
    let mut big = b"%PDF-1.4\n".to_vec();
    big.resize(5000, b'x');
    assert_problem(
        attach(&c, &c.rina, e.id, &big, "besar.pdf").await,
        413,
        ErrorCode::PayloadTooLarge,
    )
    .await;
    let resp = attach(&c, &c.rina, e.id, pdf, "../../Register \"Sabtu\".pdf").await;
    assert_eq!(resp.status(), 201);
    let first: LampiranKeberatan = resp.json().await.unwrap();
    assert_eq!(
        (
            first.nama_berkas.as_str(),
            first.mime.as_str(),
            first.ukuran
        ),
        ("Register Sabtu.pdf", "application/pdf", pdf.len() as i64)
    );
    let page = view(&c, &c.sekcam, &rina, month()).await;
    assert_eq!(page.keberatan.unwrap().lampiran, vec![first.clone()]);

    // The employee, the PPKin, the Atasan PPKin and the HR office download it; strangers do not.
    let file_url = format!("/api/v1/lampiran-keberatan/{}", first.id);
    for token in [&c.rina, &c.kasubag, &c.sekcam, &c.admin] {
        let resp = c.app.get(&file_url, Some(token)).await;
        assert_eq!(resp.status(), 200);
        assert_eq!(resp.headers()["x-content-type-options"], "nosniff");
        assert!(
            resp.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("attachment;")
        );
        assert_eq!(resp.bytes().await.unwrap().as_ref(), pdf);
    }
    assert_problem(
        c.app.get(&file_url, Some(&outsider)).await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    assert_eq!(c.app.get(&file_url, None).await.status(), 401);

    // Five at most.
    for i in 2..=5 {
        assert_eq!(
            attach(&c, &c.rina, e.id, pdf, &format!("bukti-{i}.pdf"))
                .await
                .status(),
            201
        );
    }
    let sixth = assert_problem(
        attach(&c, &c.rina, e.id, pdf, "bukti-6.pdf").await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(sixth.field_errors("file")[0].contains("Maksimal 5 lampiran"));

    // Only the owner removes one, and its file goes with it.
    let delete = |token: &str| {
        c.app
            .client
            .delete(c.app.url(&file_url))
            .bearer_auth(token.to_owned())
            .send()
    };
    for token in [&c.kasubag, &c.admin] {
        assert_problem(delete(token).await.unwrap(), 403, ErrorCode::Forbidden).await;
    }
    assert_problem(delete(&outsider).await.unwrap(), 404, ErrorCode::NotFound).await;
    let stored = {
        use sea_orm::EntityTrait;
        kinerja::entities::keberatan_lampiran::Entity::find_by_id(first.id)
            .one(&c.app.db)
            .await
            .unwrap()
            .unwrap()
            .storage_key
    };
    let on_disk = c.app._database.dir.path().join("uploads").join(stored);
    assert!(on_disk.exists());
    assert_eq!(delete(&c.rina).await.unwrap().status(), 204);
    assert!(!on_disk.exists());
    assert_problem(
        c.app.get(&file_url, Some(&c.rina)).await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    assert_eq!(
        view(&c, &c.rina, &rina, month())
            .await
            .keberatan
            .unwrap()
            .lampiran
            .len(),
        4
    );

    // Once the PPKin has explained, the record stays as it was read.
    let explain = json!({"penjelasan": "Register hari Sabtu tidak dilampirkan pada periode ini."});
    assert_eq!(
        c.app
            .post_json(
                &format!("/api/v1/evaluasi/{}/keberatan/penjelasan", e.id),
                &explain,
                Some(&c.kasubag)
            )
            .await
            .status(),
        200
    );
    assert_problem(
        attach(&c, &c.rina, e.id, pdf, "terlambat.pdf").await,
        409,
        ErrorCode::Conflict,
    )
    .await;
    // The document of the evaluation names the attachments with the objection.
    let doc = c
        .app
        .post_json(
            &format!("/api/v1/evaluasi/{}/dokumen", e.id),
            &json!({}),
            Some(&c.rina),
        )
        .await;
    assert_eq!(doc.status(), 201, "{}", doc.text().await.unwrap());
    let kept = view(&c, &c.rina, &rina, month())
        .await
        .keberatan
        .unwrap()
        .lampiran;
    let other = format!("/api/v1/lampiran-keberatan/{}", kept[0].id);
    let late = c
        .app
        .client
        .delete(c.app.url(&other))
        .bearer_auth(&c.rina)
        .send()
        .await
        .unwrap();
    assert_problem(late, 409, ErrorCode::Conflict).await;
    // The audit trail records each addition and removal.
    let audit: Value = c
        .app
        .get("/api/v1/audit?per_page=100", Some(&c.admin))
        .await
        .json()
        .await
        .unwrap();
    let actions: Vec<&str> = audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["action"].as_str())
        .filter(|a| a.starts_with("keberatan.lampiran"))
        .collect();
    assert_eq!(
        (
            actions
                .iter()
                .filter(|a| **a == "keberatan.lampiran_ditambah")
                .count(),
            actions
                .iter()
                .filter(|a| **a == "keberatan.lampiran_dihapus")
                .count()
        ),
        (5, 1)
    );
}
db_test!(objection_attachments_are_checked_and_reach_only_those_who_follow_the_objection);

async fn the_work_list_holds_whom_i_rate_and_the_objections_i_decide(db: Db) {
    let c = chain(db).await;
    let (kasubag, rina) = agreed(&c).await;
    let k = month();
    let url = format!(
        "/api/v1/evaluasi?periode_id={}&periode_ke={k}",
        c.periode.id
    );
    let list = |token: String| {
        let url = url.clone();
        let app = &c.app;
        async move {
            let resp = app.get(&url, Some(&token)).await;
            assert_eq!(resp.status(), 200);
            let pages: Vec<EvaluasiView> = resp.json().await.unwrap();
            pages
                .iter()
                .map(|p| (p.skp_id, p.peran))
                .collect::<Vec<_>>()
        }
    };
    // The kasubag rates Rina; the sekcam rates the kasubag; Rina rates nobody.
    assert_eq!(
        list(c.kasubag.clone()).await,
        vec![(rina.id, PeranEvaluasi::PejabatPenilai)]
    );
    assert_eq!(
        list(c.sekcam.clone()).await,
        vec![(kasubag.id, PeranEvaluasi::PejabatPenilai)]
    );
    assert!(list(c.rina.clone()).await.is_empty());
    // Once Rina objects, her evaluation joins the list of the sekcam, who decides it.
    let e = set(&c, &rina, k, "di_bawah_ekspektasi", "sesuai_ekspektasi")
        .await
        .evaluasi
        .unwrap();
    let filed = c
        .app
        .post_json(
            &format!("/api/v1/evaluasi/{}/keberatan", e.id),
            &json!({"alasan": "Layanan hari Sabtu belum dihitung dalam realisasi."}),
            Some(&c.rina),
        )
        .await;
    assert_eq!(filed.status(), 200);
    assert_eq!(
        list(c.sekcam.clone()).await,
        vec![
            (kasubag.id, PeranEvaluasi::PejabatPenilai),
            (rina.id, PeranEvaluasi::AtasanPejabatPenilai)
        ]
    );
    // The year is its own period; a sub-period outside the rhythm or an unknown period is a 422.
    let annual: Vec<EvaluasiView> = c
        .app
        .get(
            &format!("/api/v1/evaluasi?periode_id={}&periode_ke=0", c.periode.id),
            Some(&c.kasubag),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (
            annual.len(),
            annual[0].periode_ke,
            annual[0].evaluasi.is_none()
        ),
        (1, 0, true)
    );
    let bad = assert_problem(
        c.app
            .get(
                &format!("/api/v1/evaluasi?periode_id={}&periode_ke=13", c.periode.id),
                Some(&c.kasubag),
            )
            .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!bad.field_errors("periode_ke").is_empty());
    let unknown = assert_problem(
        c.app
            .get(
                &format!(
                    "/api/v1/evaluasi?periode_id={}&periode_ke=1",
                    uuid::Uuid::now_v7()
                ),
                Some(&c.kasubag),
            )
            .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!unknown.field_errors("periode_id").is_empty());
    assert_eq!(c.app.get(&url, None).await.status(), 401);
}
db_test!(the_work_list_holds_whom_i_rate_and_the_objections_i_decide);

/// The work list, the evaluation page and the beranda each read on one connection in their
/// worker's turn (`extract::Bacaan`): more of them at once than a worker has turns all answer,
/// and answer as one alone does.
async fn pages_of_many_statements_answer_alike_when_many_arrive_at_once(db: Db) {
    let c = chain(db).await;
    let (_, rina) = agreed(&c).await;
    let k = month();
    let urls = [
        format!(
            "/api/v1/evaluasi?periode_id={}&periode_ke={k}",
            c.periode.id
        ),
        format!("/api/v1/skp/{}/evaluasi?periode_ke={k}", rina.id),
        "/api/v1/beranda".to_owned(),
    ];
    for url in &urls {
        let alone = c.app.get(url, Some(&c.kasubag)).await;
        assert_eq!(alone.status(), 200, "{url}");
        let alone: Value = alone.json().await.unwrap();
        let at_once = futures_util::future::join_all((0..12).map(|_| async {
            let resp = c.app.get(url, Some(&c.kasubag)).await;
            (resp.status(), resp.json::<Value>().await.unwrap())
        }))
        .await;
        for (status, body) in at_once {
            assert_eq!(status, 200, "{url}");
            assert_eq!(body, alone, "{url}");
        }
    }
}
db_test!(pages_of_many_statements_answer_alike_when_many_arrive_at_once);

async fn a_ppkin_named_by_override_follows_the_evaluation(db: Db) {
    let c = chain(db).await;
    let (_, rina) = agreed(&c).await;
    let k = month();
    let lurah = crate::planning::holder(&c.app, &c.admin, "Lurah Banjaragung").await;
    c.app
        .create_user(&lurah.nip, &[kinerja_api::auth::Role::Pegawai])
        .await;
    kinerja::demo::link_accounts(&c.app.db).await.unwrap();
    let token = c.app.login(&lurah.nip, TEST_PASSWORD).await.0.access_token;
    let page_url = format!("/api/v1/skp/{}/evaluasi?periode_ke={k}", rina.id);
    // A lurah elsewhere in the kecamatan does not read Rina's SKP.
    assert_problem(
        c.app.get(&page_url, Some(&token)).await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    // The HR office names him her PPKin while the kasubag is away: not recorded on the SKP,
    // yet he rates her today, so he sees her realisasi and evaluation and finds her in his
    // work list.
    let today = kinerja::clock::today();
    let body = json!({"ppkin_employee_id": lurah.id, "mulai": today - chrono::Duration::days(1), "alasan": "Kasubag cuti besar"});
    let resp = c
        .app
        .post_json(
            &format!(
                "/api/v1/employees/{}/superior-overrides",
                rina.pegawai.employee_id
            ),
            &body,
            Some(&c.admin),
        )
        .await;
    assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    assert_eq!(
        view(&c, &token, &rina, k).await.peran,
        PeranEvaluasi::PejabatPenilai
    );
    // The realisasi he rates from, too.
    assert_eq!(
        c.app
            .get(
                &format!("/api/v1/skp/{}/realisasi?periode_ke={k}", rina.id),
                Some(&token)
            )
            .await
            .status(),
        200
    );
    let list: Vec<EvaluasiView> = c
        .app
        .get(
            &format!(
                "/api/v1/evaluasi?periode_id={}&periode_ke={k}",
                c.periode.id
            ),
            Some(&token),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        list.iter().map(|p| p.skp_id).collect::<Vec<_>>(),
        vec![rina.id]
    );
    // The kasubag no longer rates her: the page is still hers to read, not to rate.
    assert_eq!(
        view(&c, &c.kasubag, &rina, k).await.peran,
        PeranEvaluasi::Pembaca
    );
}
db_test!(a_ppkin_named_by_override_follows_the_evaluation);

async fn no_objection_after_the_window(db: Db) {
    use sea_orm::{ActiveModelTrait, EntityTrait, Set};
    let c = chain(db).await;
    let (_, rina) = agreed(&c).await;
    let k = month();
    let e = set(&c, &rina, k, "sesuai_ekspektasi", "sesuai_ekspektasi")
        .await
        .evaluasi
        .unwrap();
    // Fifteen days later the 14-day window has closed.
    let row = kinerja::entities::evaluations::Entity::find_by_id(e.id)
        .one(&c.app.db)
        .await
        .unwrap()
        .unwrap();
    let mut a: kinerja::entities::evaluations::ActiveModel = row.into();
    a.batas_keberatan = Set(Some(kinerja::clock::today() - chrono::Duration::days(1)));
    a.update(&c.app.db).await.unwrap();
    let late = assert_problem(
        c.app
            .post_json(
                &format!("/api/v1/evaluasi/{}/keberatan", e.id),
                &json!({"alasan": "Saya tidak sependapat dengan hasil ini."}),
                Some(&c.rina),
            )
            .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(late.field_errors("alasan")[0].contains("Batas pengajuan keberatan telah lewat"));
}
db_test!(no_objection_after_the_window);

/// Sets the last day of the evaluation's objection window.
async fn objection_window_ends(c: &Chain, evaluation: uuid::Uuid, batas: chrono::NaiveDate) {
    use sea_orm::{ActiveModelTrait, EntityTrait, Set};
    let row = kinerja::entities::evaluations::Entity::find_by_id(evaluation)
        .one(&c.app.db)
        .await
        .unwrap()
        .unwrap();
    let mut a: kinerja::entities::evaluations::ActiveModel = row.into();
    a.batas_keberatan = Set(Some(batas));
    a.update(&c.app.db).await.unwrap();
}

async fn object(c: &Chain, evaluation: uuid::Uuid) -> Response {
    c.app
        .post_json(
            &format!("/api/v1/evaluasi/{evaluation}/keberatan"),
            &json!({"alasan": "Saya tidak sependapat dengan hasil ini."}),
            Some(&c.rina),
        )
        .await
}

/// The window closes at the instansi's midnight (WIB by default), not at UTC midnight.
async fn the_objection_window_closes_at_local_midnight(db: Db) {
    let c = chain(db).await;
    let (_, rina) = agreed(&c).await;
    let e = set(&c, &rina, month(), "sesuai_ekspektasi", "sesuai_ekspektasi")
        .await
        .evaluasi
        .unwrap();
    let batas = kinerja::clock::today();
    objection_window_ends(&c, e.id, batas).await;
    // 00:30 WIB the next day is still the last day in UTC: late all the same.
    c.app
        .clock
        .set(local_time(batas.succ_opt().unwrap(), 0, 30, 7));
    let late = assert_problem(object(&c, e.id).await, 422, ErrorCode::ValidationFailed).await;
    assert!(late.field_errors("alasan")[0].contains("Batas pengajuan keberatan telah lewat"));
    // 23:30 WIB on the last day is in time.
    c.app.clock.set(local_time(batas, 23, 30, 7));
    let resp = object(&c, e.id).await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
}
db_test!(the_objection_window_closes_at_local_midnight);

/// An instansi in Asia/Jayapura (WIT, UTC+9) turns the day at its own midnight: 00:30 WIT is
/// still the previous day in WIB, yet the window has closed.
async fn an_instansi_in_jayapura_turns_the_day_at_its_own_midnight(db: Db) {
    let c = chain(db).await;
    // The zone is part of the instansi (default Asia/Jakarta) and set when it is made.
    let made: kinerja_api::organisation::Instansi = c
        .app
        .post_json(
            "/api/v1/instansi",
            &json!({"nama": "Pemerintah Kabupaten Jayapura", "zona_waktu": "Asia/Jayapura"}),
            Some(&c.admin),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        made.zona_waktu,
        kinerja_api::organisation::ZonaWaktu::AsiaJayapura
    );
    let instansi: Vec<kinerja_api::organisation::Instansi> = c
        .app
        .get("/api/v1/instansi", Some(&c.admin))
        .await
        .json()
        .await
        .unwrap();
    let own = instansi
        .iter()
        .find(|i| i.id == c.periode.instansi_id)
        .unwrap();
    assert_eq!(
        own.zona_waktu,
        kinerja_api::organisation::ZonaWaktu::AsiaJakarta
    );
    // The HR office moves the chain's instansi to WIT.
    let moved: kinerja_api::organisation::Instansi = c
        .app
        .patch_json(
            &format!("/api/v1/instansi/{}", c.periode.instansi_id),
            &json!({"zona_waktu": "Asia/Jayapura"}),
            Some(&c.admin),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        moved.zona_waktu,
        kinerja_api::organisation::ZonaWaktu::AsiaJayapura
    );
    let (_, rina) = agreed(&c).await;
    let e = set(&c, &rina, month(), "sesuai_ekspektasi", "sesuai_ekspektasi")
        .await
        .evaluasi
        .unwrap();
    let batas = kinerja::clock::today();
    objection_window_ends(&c, e.id, batas).await;
    // 00:30 WIT on the next day is 22:30 WIB on the last day.
    let after = local_time(batas.succ_opt().unwrap(), 0, 30, 9);
    assert_eq!(
        kinerja::clock::local_day(after, kinerja::clock::WIB_OFFSET_SECS),
        batas
    );
    c.app.clock.set(after);
    assert_problem(object(&c, e.id).await, 422, ErrorCode::ValidationFailed).await;
    c.app.clock.set(local_time(batas, 23, 30, 9));
    let resp = object(&c, e.id).await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
}
db_test!(an_instansi_in_jayapura_turns_the_day_at_its_own_midnight);

async fn the_organisation_predikat_sets_the_pattern_and_the_unit_heads_rating(db: Db) {
    let c = chain_with(db, |env| {
        env.insert("KINERJA_DISTRIBUSI_BLOKIR".into(), "true".into());
    })
    .await;
    let (kasubag, rina) = agreed(&c).await;
    let k = month();
    let umum = unit_named(&c.app, &c.admin, "Subbagian Umum dan Kepegawaian").await;
    let body = |p: &str| json!({"periode_id": c.periode.id, "periode_ke": k, "predikat": p, "dasar": "Rencana aksi subbagian melampaui target yang disepakati."});
    // Set by the pimpinan above or the admin; not by staff.
    assert_problem(
        c.client_put(
            &format!("/api/v1/units/{}/predikat-organisasi", umum.id),
            &body("istimewa"),
            &c.rina,
        )
        .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    assert_problem(c.client_put(&format!("/api/v1/units/{}/predikat-organisasi", umum.id), &json!({"periode_id": c.periode.id, "periode_ke": k, "predikat": "istimewa", "dasar": "-"}), &c.admin).await, 422, ErrorCode::ValidationFailed).await;
    let d: DistribusiUnit = c
        .client_put(
            &format!("/api/v1/units/{}/predikat-organisasi", umum.id),
            &body("butuh_perbaikan"),
            &c.admin,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        d.predikat_organisasi,
        Some(PredikatOrganisasi::ButuhPerbaikan)
    );
    assert!(!d.aturan.is_empty() && d.kuota.len() == 5);

    // The rating page shows the unit's quota. In a Butuh Perbaikan unit at least 60 % are
    // Butuh Perbaikan: with blocking on, Rina's "Baik" breaks the pattern.
    let page = view(&c, &c.kasubag, &rina, k).await;
    assert_eq!(
        page.distribusi.as_ref().unwrap().unit_nama,
        "Subbagian Umum dan Kepegawaian"
    );
    put(
        &c,
        &c.kasubag,
        &rina,
        k,
        json!({"rating_hasil": "sesuai_ekspektasi", "rating_perilaku": "sesuai_ekspektasi"}),
    )
    .await;
    let blocked = assert_problem(
        tetapkan(&c, &c.kasubag, &rina, k).await,
        409,
        ErrorCode::Conflict,
    )
    .await;
    assert!(blocked.detail.unwrap().contains("pola distribusi"));
    put(
        &c,
        &c.kasubag,
        &rina,
        k,
        json!({"rating_hasil": "di_bawah_ekspektasi", "rating_perilaku": "sesuai_ekspektasi"}),
    )
    .await;
    let set: EvaluasiView = tetapkan(&c, &c.kasubag, &rina, k)
        .await
        .json()
        .await
        .unwrap();
    let dist = set.distribusi.unwrap();
    assert_eq!(dist.hitungan.butuh_perbaikan, 1);
    assert!(dist.pelanggaran.is_empty(), "{:?}", dist.pelanggaran);

    // The unit head's rating hasil kerja follows the organisation result (Butuh Perbaikan
    // → Di Bawah Ekspektasi), whatever is sent.
    let v: EvaluasiView = put(
        &c,
        &c.sekcam,
        &kasubag,
        k,
        json!({"rating_hasil": "di_atas_ekspektasi", "rating_perilaku": "di_atas_ekspektasi"}),
    )
    .await
    .json()
    .await
    .unwrap();
    let e = v.evaluasi.unwrap();
    assert!(e.hasil_dari_organisasi);
    assert_eq!(
        (e.rating_hasil, e.predikat),
        (Some(Rating::DiBawah), Some(Predikat::ButuhPerbaikan))
    );

    // The Format Penetapan Predikat Kinerja: for the admin and the pimpinan, not for staff.
    let url = format!(
        "/api/v1/units/{}/penetapan-predikat?periode_id={}&periode_ke={k}",
        umum.id, c.periode.id
    );
    let f: DistribusiUnit = c.app.get(&url, Some(&c.admin)).await.json().await.unwrap();
    assert_eq!(f.hitungan.butuh_perbaikan, 1);
    assert_problem(
        c.app.get(&url, Some(&c.rina)).await,
        404,
        ErrorCode::NotFound,
    )
    .await;

    // The period's list: the camat sees his kecamatan and every unit below it, in tree
    // order, and sets the predikat of those below; the HR office sets any; staff get 403.
    let list_url = format!(
        "/api/v1/predikat-organisasi?periode_id={}&periode_ke={k}",
        c.periode.id
    );
    let list: Vec<PredikatOrganisasiUnit> = c
        .app
        .get(&list_url, Some(&c.camat))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (
            list[0].unit_nama.as_str(),
            list[0].tingkat,
            list[0].dapat_menetapkan
        ),
        ("Kecamatan Cipocok Jaya", 0, false)
    );
    assert!(
        list.len() > 5
            && list[1..]
                .iter()
                .all(|u| u.tingkat > 0 && u.dapat_menetapkan)
    );
    let names: Vec<(&str, u32)> = list
        .iter()
        .map(|u| (u.unit_nama.as_str(), u.tingkat))
        .collect();
    let sek = names
        .iter()
        .position(|(n, _)| *n == "Sekretariat Kecamatan Cipocok Jaya")
        .unwrap();
    assert_eq!(
        names[sek..sek + 3],
        [
            ("Sekretariat Kecamatan Cipocok Jaya", 1),
            ("Subbagian Program dan Keuangan", 2),
            ("Subbagian Umum dan Kepegawaian", 2)
        ],
        "children follow their parent, by name"
    );
    let row = list.iter().find(|u| u.unit_id == umum.id).unwrap();
    assert_eq!(
        (row.predikat, row.dasar.as_deref()),
        (
            Some(PredikatOrganisasi::ButuhPerbaikan),
            Some("Rencana aksi subbagian melampaui target yang disepakati.")
        )
    );
    assert_eq!(list.iter().filter(|u| u.predikat.is_some()).count(), 1);
    let all: Vec<PredikatOrganisasiUnit> = c
        .app
        .get(&list_url, Some(&c.admin))
        .await
        .json()
        .await
        .unwrap();
    assert!(all.iter().all(|u| u.dapat_menetapkan));
    assert!(
        all.iter()
            .any(|u| u.unit_nama == "Sekretariat Daerah Kota Serang")
    );
    assert!(
        !list
            .iter()
            .any(|u| u.unit_nama == "Sekretariat Daerah Kota Serang"),
        "outside the camat's kecamatan"
    );
    assert_problem(
        c.app.get(&list_url, Some(&c.rina)).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    let annual: Vec<PredikatOrganisasiUnit> = c
        .app
        .get(
            &format!(
                "/api/v1/predikat-organisasi?periode_id={}&periode_ke=0",
                c.periode.id
            ),
            Some(&c.camat),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(
        annual.iter().all(|u| u.predikat.is_none()),
        "the year has its own predikat"
    );
    let bad = assert_problem(
        c.app
            .get(
                &format!(
                    "/api/v1/predikat-organisasi?periode_id={}&periode_ke=13",
                    c.periode.id
                ),
                Some(&c.camat),
            )
            .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!bad.field_errors("periode_ke").is_empty());
    let unknown = assert_problem(
        c.app
            .get(
                &format!(
                    "/api/v1/predikat-organisasi?periode_id={}&periode_ke=1",
                    uuid::Uuid::now_v7()
                ),
                Some(&c.camat),
            )
            .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!unknown.field_errors("periode_id").is_empty());
    assert_eq!(c.app.get(&list_url, None).await.status(), 401);
}
db_test!(the_organisation_predikat_sets_the_pattern_and_the_unit_heads_rating);

async fn an_instansi_sets_its_own_unit_head_mapping(db: Db) {
    let c = chain_with(db, |env| {
        env.insert(
            "KINERJA_RATING_KEPALA_UNIT".into(),
            "butuh_perbaikan=sesuai_ekspektasi".into(),
        );
    })
    .await;
    let (kasubag, _) = agreed(&c).await;
    let k = month();
    let umum = unit_named(&c.app, &c.admin, "Subbagian Umum dan Kepegawaian").await;
    let body = json!({"periode_id": c.periode.id, "periode_ke": k, "predikat": "butuh_perbaikan", "dasar": "Rencana aksi subbagian tertinggal dari jadwal."});
    assert_eq!(
        c.client_put(
            &format!("/api/v1/units/{}/predikat-organisasi", umum.id),
            &body,
            &c.admin
        )
        .await
        .status(),
        200
    );
    // Butuh Perbaikan → Sesuai Ekspektasi by this instansi's choice, whatever is sent.
    let v: EvaluasiView = put(
        &c,
        &c.sekcam,
        &kasubag,
        k,
        json!({"rating_hasil": "di_bawah_ekspektasi", "rating_perilaku": "sesuai_ekspektasi"}),
    )
    .await
    .json()
    .await
    .unwrap();
    let e = v.evaluasi.unwrap();
    assert!(e.hasil_dari_organisasi);
    assert_eq!(
        (e.rating_hasil, e.predikat),
        (Some(Rating::Sesuai), Some(Predikat::Baik))
    );
}
db_test!(an_instansi_sets_its_own_unit_head_mapping);

impl Chain {
    async fn client_put(&self, path: &str, body: &Value, token: &str) -> Response {
        self.app
            .client
            .put(self.app.url(path))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .unwrap()
    }
}

async fn the_evaluation_document_verifies_until_it_is_tampered_with(db: Db) {
    use sea_orm::EntityTrait;
    let c = chain(db).await;
    let (_, rina) = agreed(&c).await;
    let k = month();
    // Not for a draft.
    put(
        &c,
        &c.kasubag,
        &rina,
        0,
        json!({"rating_hasil": "sesuai_ekspektasi"}),
    )
    .await;
    let draft = view(&c, &c.rina, &rina, 0).await.evaluasi.unwrap();
    assert_problem(
        c.app
            .post_json(
                &format!("/api/v1/evaluasi/{}/dokumen", draft.id),
                &json!({}),
                Some(&c.rina),
            )
            .await,
        409,
        ErrorCode::Conflict,
    )
    .await;

    let e = set(&c, &rina, k, "sesuai_ekspektasi", "sesuai_ekspektasi")
        .await
        .evaluasi
        .unwrap();
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/evaluasi/{}/dokumen", e.id),
            &json!({}),
            Some(&c.rina),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let doc: kinerja_api::penilaian::DokumenEvaluasi = resp.json().await.unwrap();
    assert!(doc.nomor.starts_with("EK/"));
    let listed: Vec<kinerja_api::penilaian::DokumenEvaluasi> = c
        .app
        .get(
            &format!("/api/v1/evaluasi/{}/dokumen", e.id),
            Some(&c.kasubag),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed, vec![doc.clone()]);

    // The PDF: the blocks, the people from the snapshots, the predikat.
    let resp = c
        .app
        .get(&format!("/api/v1/dokumen/{}", doc.kode), Some(&c.rina))
        .await;
    assert_eq!(resp.headers()["content-type"], "application/pdf");
    let bytes = resp.bytes().await.unwrap();
    let pdf = lopdf::Document::load_mem(&bytes).expect("a parseable PDF");
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text = pdf
        .extract_text(&pages)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for expected in [
        "DOKUMEN EVALUASI KINERJA PEGAWAI",
        "PEJABAT PENILAI KINERJA",
        "ATASAN PEJABAT PENILAI KINERJA",
        "Rina Marlina",
        "NIP 19900317 201503 2 001",
        "Predikat Kinerja Pegawai",
        "Baik",
        doc.nomor.as_str(),
        doc.kode.as_str(),
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    let (_, outsider) = c
        .app
        .signed_in("luar.uji", &[kinerja_api::auth::Role::Pegawai])
        .await;
    assert_problem(
        c.app
            .get(&format!("/api/v1/dokumen/{}", doc.kode), Some(&outsider))
            .await,
        404,
        ErrorCode::NotFound,
    )
    .await;

    // The public verification needs no sign-in and shows only the essentials.
    let v: kinerja_api::penilaian::VerifikasiDokumen = c
        .app
        .get(&format!("/api/v1/verifikasi/{}", doc.kode), None)
        .await
        .json()
        .await
        .unwrap();
    assert!(v.cocok);
    assert_eq!(
        (v.nama.as_str(), v.predikat),
        ("Rina Marlina", Some(Predikat::Baik))
    );
    let page = c.app.get(&format!("/verifikasi/{}", doc.kode), None).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("ASLI")
            && html.contains("Rina Marlina")
            && !html.contains("199003172015032001")
    );

    // Tampering with the stored file shows.
    let row = kinerja::entities::dokumen_evaluasi::Entity::find()
        .one(&c.app.db)
        .await
        .unwrap()
        .unwrap();
    let path = c.app._database.dir.path().join("uploads").join(&row.path);
    let mut stored = std::fs::read(&path).unwrap();
    stored.extend_from_slice(b"% changed");
    std::fs::write(&path, stored).unwrap();
    let v: kinerja_api::penilaian::VerifikasiDokumen = c
        .app
        .get(&format!("/api/v1/verifikasi/{}", doc.kode), None)
        .await
        .json()
        .await
        .unwrap();
    assert!(!v.cocok);
    assert!(
        c.app
            .get(&format!("/verifikasi/{}", doc.kode), None)
            .await
            .text()
            .await
            .unwrap()
            .contains("TIDAK COCOK")
    );
    assert_eq!(c.app.get("/verifikasi/tidak-ada", None).await.status(), 404);
    assert_problem(
        c.app.get("/api/v1/verifikasi/tidak-ada", None).await,
        404,
        ErrorCode::NotFound,
    )
    .await;
}
db_test!(the_evaluation_document_verifies_until_it_is_tampered_with);

/// A document is a numbered, stored, audited record: the employee, the PPKin, the Atasan PPKin
/// and the HR office make one; the auditor and a pimpinan who only read the SKP get 403, and
/// nothing is stored for them.
async fn only_the_employee_the_raters_and_hr_make_evaluation_documents(db: Db) {
    use sea_orm::{EntityTrait, PaginatorTrait};
    let c = chain(db).await;
    let (_, rina) = agreed(&c).await;
    let e = set(&c, &rina, month(), "sesuai_ekspektasi", "sesuai_ekspektasi")
        .await
        .evaluasi
        .unwrap();
    let path = format!("/api/v1/evaluasi/{}/dokumen", e.id);
    let (_, auditor) = c
        .app
        .signed_in("auditor.uji", &[kinerja_api::auth::Role::Auditor])
        .await;
    // The camat reads Rina's SKP as pimpinan of her unit, but rates nobody on it.
    for token in [&auditor, &c.camat] {
        assert_eq!(c.app.get(&path, Some(token)).await.status(), 200);
        assert_problem(
            c.app.post_json(&path, &json!({}), Some(token)).await,
            403,
            ErrorCode::Forbidden,
        )
        .await;
    }
    let stored = || kinerja::entities::dokumen_evaluasi::Entity::find().count(&c.app.db);
    assert_eq!(stored().await.unwrap(), 0);
    for token in [&c.rina, &c.kasubag, &c.sekcam, &c.admin] {
        let resp = c.app.post_json(&path, &json!({}), Some(token)).await;
        assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    }
    assert_eq!(stored().await.unwrap(), 4);
}
db_test!(only_the_employee_the_raters_and_hr_make_evaluation_documents);

async fn the_demo_year_is_measured_and_evaluated(db: Db) {
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    let app = spawn_app(db).await;
    assert!(kinerja::demo::seed_organisation(&app.db).await.unwrap());
    assert!(kinerja::demo::seed_planning(&app.db).await.unwrap() > 50);
    let kebijakan = kinerja::evaluation::service::Kebijakan {
        blokir: true,
        pembulatan: kinerja_api::evaluation::Pembulatan::Terdekat,
        ambang: kinerja_api::evaluation::AmbangSaran::default(),
        kepala_unit: kinerja_api::evaluation::RatingKepalaUnit::default(),
    };
    let set = kinerja::demo::seed_year(
        &app.db,
        kebijakan,
        &kinerja::storage::Storage::Folder(app._database.dir.path().join("uploads")),
    )
    .await
    .unwrap();
    let last = month() - 1;
    if last < 1 {
        assert_eq!(set, 0, "January has no past month");
        return;
    }
    assert_eq!(set, if last >= 2 { 4 } else { 3 });
    // Every past month is measured for everyone with an approved SKP.
    let measured = kinerja::entities::realisasi::Entity::find()
        .filter(kinerja::entities::realisasi::Column::PeriodeKe.eq(last))
        .count(&app.db)
        .await
        .unwrap();
    assert!(measured > 200, "{measured}");
    // Capaian compares a month with the month's target: the suggestions of the demo's
    // month are believable — most people as expected, some above and some below.
    let period = kinerja::entities::periods::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let approved = kinerja::entities::skps::Entity::find()
        .filter(kinerja::entities::skps::Column::Status.eq("disetujui"))
        .all(&app.db)
        .await
        .unwrap();
    let mut counts = std::collections::HashMap::new();
    // Kelurahan Tembong and half of Dalung left last month empty (the dashboard's laggards).
    let mut empty = 0usize;
    for skp in &approved {
        let tahun = kinerja::measurement::tahun::Tahun::load(&app.db, period.clone(), skp)
            .await
            .unwrap();
        let capaian = tahun.capaian_indikator(last);
        let Some(saran) = kinerja_api::evaluation::saran_rating_hasil(
            &capaian,
            kinerja_api::evaluation::AmbangSaran::default(),
        ) else {
            empty += 1;
            continue;
        };
        *counts.entry(saran).or_insert(0usize) += 1;
    }
    assert!(
        empty > 0 && empty * 5 < approved.len(),
        "{empty} without realisasi"
    );
    let get = |r| counts.get(&r).copied().unwrap_or_default();
    assert!(
        get(Rating::Sesuai) * 2 > approved.len() - empty,
        "{counts:?}"
    );
    assert!(
        get(Rating::DiAtas) > 0 && get(Rating::DiBawah) > 0,
        "{counts:?}"
    );
    // The pengelola kepegawaian's, and Rina's opened before her objection changed the result.
    let plans = kinerja::entities::rencana_perbaikan::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(plans, if last >= 2 { 2 } else { 1 });
    if last >= 2 {
        let decided = kinerja::entities::keberatan::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (decided.status.as_str(), decided.keputusan.as_deref()),
            ("diputus", Some("diubah"))
        );
        // With its attachment, a real PDF stored under the upload directory.
        let attached = kinerja::entities::keberatan_lampiran::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(attached.keberatan_id, decided.id);
        let stored = std::fs::read(
            app._database
                .dir
                .path()
                .join("uploads")
                .join(&attached.storage_key),
        )
        .unwrap();
        assert!(stored.starts_with(b"%PDF-") && stored.ends_with(b"%%EOF\n"));
    }
    // Seeding twice adds nothing.
    assert_eq!(
        kinerja::demo::seed_year(
            &app.db,
            kebijakan,
            &kinerja::storage::Storage::Folder(app._database.dir.path().join("uploads"))
        )
        .await
        .unwrap(),
        0
    );
}
db_test!(the_demo_year_is_measured_and_evaluated);

async fn put_json(c: &Chain, path: &str, token: Option<&str>, body: &Value) -> Response {
    let mut req = c.app.client.put(c.app.url(path)).json(body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req.send().await.unwrap()
}

async fn the_training_catalogue_is_managed_by_the_hr_office(db: Db) {
    let c = chain(db).await;
    let body = json!({"nama": "Pelatihan Pelayanan Prima", "jenis": "sosial_kultural", "jp": 20});
    // Only the HR office adds; everyone signed in reads.
    assert_problem(
        c.app.post_json("/api/v1/pelatihan", &body, None).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    for token in [&c.rina, &c.kasubag, &c.camat] {
        assert_problem(
            c.app
                .post_json("/api/v1/pelatihan", &body, Some(token))
                .await,
            403,
            ErrorCode::Forbidden,
        )
        .await;
    }
    let created = c
        .app
        .post_json("/api/v1/pelatihan", &body, Some(&c.admin))
        .await;
    assert_eq!(created.status(), 201);
    let created: Pelatihan = created.json().await.unwrap();
    assert_eq!(
        (created.jenis, created.jp, created.aktif),
        (JenisPelatihan::SosialKultural, Some(20), true)
    );

    // Per-field messages; a name already in the catalogue is one of them, not a 500.
    let bad = assert_problem(
        c.app
            .post_json(
                "/api/v1/pelatihan",
                &json!({"nama": "ab", "jenis": "teknis", "jp": 0}),
                Some(&c.admin),
            )
            .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    let fields = bad.errors.unwrap();
    assert!(
        fields.contains_key("nama") && fields.contains_key("jp"),
        "{fields:?}"
    );
    assert_problem(
        c.app
            .post_json(
                "/api/v1/pelatihan",
                &json!({"nama": "Pelatihan X", "jenis": "rohani"}),
                Some(&c.admin),
            )
            .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    let dup = assert_problem(
        c.app
            .post_json("/api/v1/pelatihan", &body, Some(&c.admin))
            .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(dup.errors.unwrap()["nama"][0].contains("sudah ada"));

    let list: Vec<Pelatihan> = c
        .app
        .get("/api/v1/pelatihan?q=Prima", Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        list.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![created.id]
    );

    // Withdrawn: no longer offered, still listed with `semua`.
    let url = format!("/api/v1/pelatihan/{}", created.id);
    assert_problem(
        c.app
            .patch_json(&url, &json!({"aktif": false}), Some(&c.kasubag))
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    let off: Pelatihan = c
        .app
        .patch_json(&url, &json!({"aktif": false, "jp": 24}), Some(&c.admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((off.aktif, off.jp), (false, Some(24)));
    let active: Vec<Pelatihan> = c
        .app
        .get("/api/v1/pelatihan", Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    assert!(active.iter().all(|p| p.id != created.id));
    let all: Vec<Pelatihan> = c
        .app
        .get("/api/v1/pelatihan?semua=true", Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    assert!(all.iter().any(|p| p.id == created.id));
    let missing = format!("/api/v1/pelatihan/{}", uuid::Uuid::nil());
    assert_problem(
        c.app
            .patch_json(&missing, &json!({"aktif": true}), Some(&c.admin))
            .await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    let audit = c
        .app
        .get("/api/v1/audit?per_page=100", Some(&c.admin))
        .await
        .text()
        .await
        .unwrap();
    assert!(audit.contains("pelatihan.created") && audit.contains("pelatihan.updated"));
}
db_test!(the_training_catalogue_is_managed_by_the_hr_office);

async fn angka_kredit_follows_the_coefficient_the_hr_office_sets(db: Db) {
    let c = chain(db).await;
    let (_, rina) = agreed(&c).await;
    let k = month();
    // Rina's post becomes a jabatan fungsional Ahli Pertama.
    let me: kinerja_api::employees::Employee = c
        .app
        .get(
            &format!("/api/v1/employees/{}", rina.employee_id),
            Some(&c.admin),
        )
        .await
        .json()
        .await
        .unwrap();
    let position = me.jabatan_id.expect("Rina holds a position");
    let path = format!("/api/v1/positions/{position}");
    let post: kinerja_api::organisation::Position =
        c.app.get(&path, Some(&c.admin)).await.json().await.unwrap();
    let body = json!({"lock_version": post.lock_version, "jenjang": "ahli_pertama"});
    let resp = c.app.patch_json(&path, &body, Some(&c.admin)).await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    set(&c, &rina, k, "sesuai_ekspektasi", "sesuai_ekspektasi").await;

    // The seeded default: 12.5 a year; Baik for one month → 100 % × 12.5 / 12 = 1.04.
    let reference: Value = c
        .app
        .get("/api/v1/reference", Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    let ahli = reference["jenjang"]
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["kode"] == "ahli_pertama")
        .unwrap()
        .clone();
    assert_eq!(ahli["koefisien_angka_kredit"], json!(12.5));
    let url = format!("/api/v1/skp/{}/angka-kredit", rina.id);
    let ak: AngkaKredit = c.app.get(&url, Some(&c.rina)).await.json().await.unwrap();
    assert_eq!(ak.koefisien_tahunan, Some(12.5));
    assert_eq!(ak.rincian[0].angka_kredit, 1.04);
    assert_eq!(ak.jumlah_periodik, Some(1.04));

    // Six months Butuh Perbaikan (75 %): 0.78125 a month, printed 0.78 per line; the six
    // together are 4.69 (rounded once), not 4.68 (the sum of the rounded lines).
    let months: Vec<i32> = (1..=12).filter(|m| *m != k).take(6).collect();
    for m in &months {
        set(&c, &rina, *m, "di_bawah_ekspektasi", "sesuai_ekspektasi").await;
    }
    let ak: AngkaKredit = c.app.get(&url, Some(&c.rina)).await.json().await.unwrap();
    let butuh: Vec<f64> = ak
        .rincian
        .iter()
        .filter(|r| months.contains(&r.periode_ke))
        .map(|r| r.angka_kredit)
        .collect();
    assert_eq!(butuh, vec![0.78; 6]);
    assert_eq!(ak.jumlah_periodik, Some(5.73), "1.04 + 4.69, rounded once");

    // Only the HR office changes it; only for jenjang fungsional; within (0, 100].
    let koef = |kode: &str| format!("/api/v1/jenjang/{kode}/koefisien-angka-kredit");
    assert_problem(
        put_json(&c, &koef("ahli_pertama"), None, &json!({"koefisien": 10})).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    for token in [&c.rina, &c.camat] {
        assert_problem(
            put_json(
                &c,
                &koef("ahli_pertama"),
                Some(token),
                &json!({"koefisien": 10}),
            )
            .await,
            403,
            ErrorCode::Forbidden,
        )
        .await;
    }
    let zero = assert_problem(
        put_json(
            &c,
            &koef("ahli_pertama"),
            Some(&c.admin),
            &json!({"koefisien": 0}),
        )
        .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(zero.errors.unwrap().contains_key("koefisien"));
    let admin_post = assert_problem(
        put_json(
            &c,
            &koef("pelaksana"),
            Some(&c.admin),
            &json!({"koefisien": 5}),
        )
        .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(admin_post.errors.unwrap()["kode"][0].contains("fungsional"));
    assert_problem(
        put_json(
            &c,
            &koef("ahli_sakti"),
            Some(&c.admin),
            &json!({"koefisien": 5}),
        )
        .await,
        404,
        ErrorCode::NotFound,
    )
    .await;

    let set_to: Value = put_json(
        &c,
        &koef("ahli_pertama"),
        Some(&c.admin),
        &json!({"koefisien": 10}),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(set_to["koefisien_angka_kredit"], json!(10.0));
    // Baik for one month at 10 a year → 0.83.
    let ak: AngkaKredit = c.app.get(&url, Some(&c.rina)).await.json().await.unwrap();
    let baik = ak.rincian.iter().find(|r| r.periode_ke == k).unwrap();
    assert_eq!(
        (ak.koefisien_tahunan, baik.angka_kredit),
        (Some(10.0), 0.83)
    );
    let audit = c
        .app
        .get("/api/v1/audit?per_page=100", Some(&c.admin))
        .await
        .text()
        .await
        .unwrap();
    assert!(audit.contains("jenjang.koefisien_diubah"));
}
db_test!(angka_kredit_follows_the_coefficient_the_hr_office_sets);

async fn an_objection_notifies_the_ppkin_once_naming_the_employee_and_the_month(db: Db) {
    let c = chain(db).await;
    let (_, rina) = agreed(&c).await;
    let k = month();
    let e = set(&c, &rina, k, "di_bawah_ekspektasi", "sesuai_ekspektasi")
        .await
        .evaluasi
        .unwrap();
    let filed = c
        .app
        .post_json(
            &format!("/api/v1/evaluasi/{}/keberatan", e.id),
            &json!({"alasan": "Layanan pada hari libur belum dihitung dalam realisasi bulan ini."}),
            Some(&c.rina),
        )
        .await;
    assert_eq!(filed.status(), 200);

    use kinerja_api::pesan::BULAN;
    let label = format!("{} {}", BULAN[(k - 1) as usize], rina.tahun);
    let page: NotificationPage = c
        .app
        .get("/api/v1/notifications", Some(&c.kasubag))
        .await
        .json()
        .await
        .unwrap();
    let objections: Vec<_> = page
        .items
        .iter()
        .filter(|n| n.kind == "keberatan_diajukan")
        .collect();
    assert_eq!(objections.len(), 1, "one notification per objection");
    let n = objections[0];
    assert_eq!(n.judul, format!("Keberatan atas penilaian {label}"));
    assert!(
        n.pesan.starts_with(&format!(
            "Rina Marlina mengajukan keberatan atas penilaian {label}."
        )),
        "{}",
        n.pesan
    );
    assert!(!n.pesan.contains("periode "), "{}", n.pesan);
    let p = n.params.as_ref().expect("parameters kept");
    assert_eq!(
        (p.pegawai.as_deref(), p.tahun, p.periode_ke, p.ritme),
        (
            Some("Rina Marlina"),
            Some(rina.tahun),
            Some(k),
            Some(kinerja_api::planning::Ritme::Bulanan)
        )
    );

    // Rina was told once of the result, in words, with the predikat as a code.
    let page: NotificationPage = c
        .app
        .get("/api/v1/notifications", Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    let results: Vec<_> = page
        .items
        .iter()
        .filter(|n| n.kind == "evaluasi_ditetapkan")
        .collect();
    assert_eq!(results.len(), 1);
    assert_eq!(
        results[0].judul,
        format!("Hasil evaluasi kinerja {label} ditetapkan")
    );
    assert_eq!(
        results[0].params.as_ref().and_then(|p| p.hasil.as_deref()),
        Some("butuh_perbaikan")
    );
}
db_test!(an_objection_notifies_the_ppkin_once_naming_the_employee_and_the_month);
