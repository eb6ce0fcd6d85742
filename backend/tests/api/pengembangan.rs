//! Competency development (#18) on the demo chain: Rina (Pengadministrasi Perkantoran) is
//! rated by the kasubag; the admin is the HR office. JP are kept in minutes: 45 a JP, 900 a
//! year.

use chrono::{Datelike, Duration, NaiveDate};
use kinerja_api::ErrorCode;
use kinerja_api::Page;
use kinerja_api::auth::Role;
use kinerja_api::pengembangan::{
    AnggotaTimJp, CatatanPengembangan, Kebutuhan, KepatuhanJp, Kompetensi, RingkasanJp,
    StatusCatatan, StatusKebutuhan, SumberKebutuhan,
};
use kinerja_api::penilaian::EvaluasiView;
use kinerja_api::planning::NotificationPage;
use reqwest::Response;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::*;
use crate::planning::{Chain, chain, holder};

fn today() -> NaiveDate {
    kinerja::clock::today()
}

pub(crate) async fn ok<T: serde::de::DeserializeOwned>(resp: Response, status: u16) -> T {
    let code = resp.status().as_u16();
    let text = resp.text().await.unwrap();
    assert_eq!(code, status, "{text}");
    serde_json::from_str(&text).unwrap()
}

async fn rina_id(c: &Chain) -> Uuid {
    holder(&c.app, &c.admin, "Pengadministrasi Perkantoran")
        .await
        .id
}

async fn kompetensi(c: &Chain, nama: &str) -> Kompetensi {
    ok(
        c.app
            .post_json(
                "/api/v1/pengembangan/kompetensi",
                &json!({"nama": nama, "kelompok": "teknis", "nilai_berakhlak": "berorientasi_pelayanan"}),
                Some(&c.admin),
            )
            .await,
        201,
    )
    .await
}

pub(crate) async fn catat(c: &Chain, token: &str, body: Value) -> Response {
    c.app
        .post_json("/api/v1/pengembangan/catatan", &body, Some(token))
        .await
}

pub(crate) fn kegiatan(nama: &str, selesai: NaiveDate, jp: Value) -> Value {
    let mut v = json!({"nama": nama, "bentuk": "bimtek", "penyelenggara": "BKPSDM Kota Serang",
        "tanggal_mulai": selesai - Duration::days(1), "tanggal_selesai": selesai, "peran": "peserta"});
    for (k, val) in jp.as_object().unwrap() {
        v[k] = val.clone();
    }
    v
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\x0f\0\0\x01\x01\0\x05\x18\xd8N\0\0\0\0IEND\xaeB`\x82";

/// Attaches a PNG certificate as `token`; the record at its new version.
pub(crate) async fn sertifikat(
    c: &Chain,
    token: &str,
    r: &CatatanPengembangan,
) -> CatatanPengembangan {
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(PNG.to_vec()).file_name("sertifikat.png"),
    );
    let resp = c
        .app
        .client
        .post(
            c.app
                .url(&format!("/api/v1/pengembangan/catatan/{}/sertifikat", r.id)),
        )
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    ok(resp, 200).await
}

async fn verifikasi(c: &Chain, token: &str, r: &CatatanPengembangan, body: Value) -> Response {
    let mut body = body;
    body["lock_version"] = json!(r.lock_version);
    c.app
        .post_json(
            &format!("/api/v1/pengembangan/catatan/{}/verifikasi", r.id),
            &body,
            Some(token),
        )
        .await
}

async fn jp(c: &Chain, token: &str, query: &str) -> RingkasanJp {
    ok(
        c.app
            .get(&format!("/api/v1/pengembangan/jp{query}"), Some(token))
            .await,
        200,
    )
    .await
}

async fn jp_arithmetic_counts_only_verified_minutes_in_the_year_they_end(db: Db) {
    let c = chain(db).await;
    let t = today();
    // 10 JP given as JP, 10 JP given as 7.5 clock hours (450 minutes = 10 × 45).
    let a: CatatanPengembangan = ok(
        catat(
            &c,
            &c.rina,
            kegiatan("Bimtek Arsip Digital", t, json!({"jp": 10})),
        )
        .await,
        201,
    )
    .await;
    assert_eq!(
        (a.menit, a.jp, a.status),
        (450, 10.0, StatusCatatan::Menunggu)
    );
    let b: CatatanPengembangan = ok(
        catat(
            &c,
            &c.rina,
            kegiatan("Seminar Pelayanan Publik", t, json!({"jam": 7.5})),
        )
        .await,
        201,
    )
    .await;
    assert_eq!((b.menit, b.jp), (450, 10.0));
    // One that ended on 31 December of last year counts for last year, not this one.
    let last_day = NaiveDate::from_ymd_opt(t.year() - 1, 12, 31).unwrap();
    let old: CatatanPengembangan = ok(
        catat(
            &c,
            &c.rina,
            kegiatan("Kursus Akhir Tahun", last_day, json!({"jp": 30})),
        )
        .await,
        201,
    )
    .await;
    assert_eq!(old.tahun, t.year() - 1);

    // Nothing verified yet: 0 of 20, all 20 waiting.
    let s = jp(&c, &c.rina, "").await;
    assert_eq!(
        (s.jp_terverifikasi, s.jp_menunggu, s.memenuhi),
        (0.0, 20.0, false)
    );

    // Bad input is named per field and stores nothing.
    for (body, field) in [
        (
            kegiatan("Kegiatan besok", t + Duration::days(1), json!({"jp": 2})),
            "tanggal_selesai",
        ),
        (kegiatan("Dua ukuran", t, json!({"jp": 2, "jam": 2})), "jp"),
        (kegiatan("Tanpa ukuran", t, json!({})), "jp"),
        (kegiatan("Pecahan", t, json!({"jp": 0.333})), "jp"),
        (kegiatan("Terlalu lama", t, json!({"jam": 800})), "jam"),
        (
            json!({"bentuk": "bimtek", "penyelenggara": "BKPSDM", "tanggal_mulai": t, "tanggal_selesai": t, "jp": 2, "peran": "peserta"}),
            "nama",
        ),
    ] {
        let e = assert_problem(
            catat(&c, &c.rina, body).await,
            422,
            ErrorCode::ValidationFailed,
        )
        .await;
        assert!(!e.field_errors(field).is_empty(), "{field}: {e:?}");
    }
    let mut reversed = kegiatan("Terbalik", t, json!({"jp": 2}));
    reversed["tanggal_mulai"] = json!(t + Duration::days(0));
    reversed["tanggal_selesai"] = json!(t - Duration::days(3));
    let e = assert_problem(
        catat(&c, &c.rina, reversed).await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!e.field_errors("tanggal_selesai").is_empty());

    // The employee cannot verify; the HR office rejects only with a note.
    assert_problem(
        verifikasi(&c, &c.rina, &a, json!({"terima": true})).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    let e = assert_problem(
        verifikasi(&c, &c.admin, &a, json!({"terima": false})).await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!e.field_errors("catatan").is_empty());
    // Without its certificate a record is not verified.
    assert_problem(
        verifikasi(&c, &c.admin, &a, json!({"terima": true})).await,
        409,
        ErrorCode::Conflict,
    )
    .await;
    let a = sertifikat(&c, &c.rina, &a).await;
    let b = sertifikat(&c, &c.rina, &b).await;
    let old = sertifikat(&c, &c.rina, &old).await;
    let a: CatatanPengembangan = ok(
        verifikasi(&c, &c.admin, &a, json!({"terima": true})).await,
        200,
    )
    .await;
    assert_eq!(a.status, StatusCatatan::Diverifikasi);
    // Deciding twice, or on a stale version, is a conflict.
    assert_problem(
        verifikasi(&c, &c.admin, &a, json!({"terima": true})).await,
        409,
        ErrorCode::Conflict,
    )
    .await;
    let s = jp(&c, &c.rina, "").await;
    assert_eq!(
        (s.jp_terverifikasi, s.jp_menunggu, s.persen),
        (10.0, 10.0, 50.0)
    );
    assert_eq!(s.per_bulan[t.month0() as usize], 10.0);

    // The second brings the year to exactly 900 minutes: 20 JP, met.
    let _: CatatanPengembangan = ok(
        verifikasi(&c, &c.admin, &b, json!({"terima": true})).await,
        200,
    )
    .await;
    let s = jp(&c, &c.rina, "").await;
    assert_eq!(
        (s.jp_terverifikasi, s.persen, s.memenuhi),
        (20.0, 100.0, true)
    );
    // Last year's record, verified, stays in last year.
    let _: CatatanPengembangan = ok(
        verifikasi(&c, &c.admin, &old, json!({"terima": true})).await,
        200,
    )
    .await;
    let s = jp(&c, &c.rina, &format!("?tahun={}", t.year() - 1)).await;
    assert_eq!(s.jp_terverifikasi, 30.0);
    assert_eq!(jp(&c, &c.rina, "").await.jp_terverifikasi, 20.0);
    // A rejected record never counts, and the employee reads why.
    let d: CatatanPengembangan = ok(
        catat(&c, &c.rina, kegiatan("Tanpa bukti", t, json!({"jp": 5}))).await,
        201,
    )
    .await;
    let d: CatatanPengembangan = ok(
        verifikasi(
            &c,
            &c.admin,
            &d,
            json!({"terima": false, "catatan": "Sertifikat belum dilampirkan."}),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(d.status, StatusCatatan::Ditolak);
    let s = jp(&c, &c.rina, "").await;
    assert_eq!((s.jp_terverifikasi, s.jp_menunggu), (20.0, 0.0));
    let notes: NotificationPage =
        ok(c.app.get("/api/v1/notifications", Some(&c.rina)).await, 200).await;
    assert!(
        notes
            .items
            .iter()
            .any(|n| n.kind == "pengembangan.catatan_diverifikasi"
                && n.params.as_ref().and_then(|p| p.hasil.as_deref()) == Some("ditolak"))
    );
    // The HR office's queue is empty now; the employee's list has all four.
    let queue: Page<CatatanPengembangan> = ok(
        c.app
            .get(
                "/api/v1/pengembangan/catatan?status=menunggu",
                Some(&c.admin),
            )
            .await,
        200,
    )
    .await;
    assert_eq!(queue.total, 0);
    let mine: Page<CatatanPengembangan> = ok(
        c.app
            .get("/api/v1/pengembangan/catatan", Some(&c.rina))
            .await,
        200,
    )
    .await;
    assert_eq!(mine.total, 4);
}
db_test!(jp_arithmetic_counts_only_verified_minutes_in_the_year_they_end);

async fn needs_are_proposed_decided_by_the_ppkin_and_made_from_a_low_rating(db: Db) {
    let c = chain(db).await;
    let rina = rina_id(&c).await;
    let komp = kompetensi(&c, "Pengelolaan arsip dinamis").await;
    let t = today();
    let usul = json!({"tahun": t.year(), "kompetensi_id": komp.id, "kesenjangan": "kompetensi",
        "bentuk": "e_learning", "prioritas": "sedang", "perkiraan_jp": 12, "uraian": "Arsip layanan masih manual."});
    // Only the HR office keeps the list.
    assert_problem(
        c.app
            .post_json(
                "/api/v1/pengembangan/kompetensi",
                &json!({"nama": "X", "kelompok": "teknis"}),
                Some(&c.rina),
            )
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    let need: Kebutuhan = ok(
        c.app
            .post_json("/api/v1/pengembangan/kebutuhan", &usul, Some(&c.rina))
            .await,
        201,
    )
    .await;
    assert_eq!(
        (need.status, need.sumber),
        (StatusKebutuhan::Diusulkan, SumberKebutuhan::UsulanPegawai)
    );
    assert!(
        !need.boleh_diputuskan,
        "the employee does not decide her own need"
    );
    // An unknown competency is a field error.
    let mut bad = usul.clone();
    bad["kompetensi_id"] = json!(Uuid::now_v7());
    let e = assert_problem(
        c.app
            .post_json("/api/v1/pengembangan/kebutuhan", &bad, Some(&c.rina))
            .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!e.field_errors("kompetensi_id").is_empty());

    // The PPKin sees it in the team, with the proposal waiting, and is told.
    let team: Vec<AnggotaTimJp> = ok(
        c.app
            .get("/api/v1/pengembangan/tim", Some(&c.kasubag))
            .await,
        200,
    )
    .await;
    let member = team.iter().find(|m| m.employee_id == rina).unwrap();
    assert_eq!(member.kebutuhan_diusulkan, 1);
    let notes: NotificationPage = ok(
        c.app.get("/api/v1/notifications", Some(&c.kasubag)).await,
        200,
    )
    .await;
    assert!(
        notes
            .items
            .iter()
            .any(|n| n.kind == "pengembangan.kebutuhan_diusulkan")
    );
    let listed: Page<Kebutuhan> = ok(
        c.app
            .get("/api/v1/pengembangan/kebutuhan?tim=true", Some(&c.kasubag))
            .await,
        200,
    )
    .await;
    assert!(
        listed
            .items
            .iter()
            .any(|k| k.id == need.id && k.boleh_diputuskan)
    );

    // Nobody else decides: the employee (403), the Atasan PPKin who is not her PPKin (404),
    // the HR office (403).
    let url = format!("/api/v1/pengembangan/kebutuhan/{}/keputusan", need.id);
    let tolak = json!({"lock_version": need.lock_version, "setuju": false, "catatan": "Prioritaskan arsip tahun depan."});
    assert_problem(
        c.app.post_json(&url, &tolak, Some(&c.rina)).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    assert_problem(
        c.app.post_json(&url, &tolak, Some(&c.sekcam)).await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    assert_problem(
        c.app.post_json(&url, &tolak, Some(&c.admin)).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    // A rejection needs its reason.
    let e = assert_problem(
        c.app
            .post_json(
                &url,
                &json!({"lock_version": need.lock_version, "setuju": false}),
                Some(&c.kasubag),
            )
            .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!e.field_errors("catatan").is_empty());
    let decided: Kebutuhan = ok(c.app.post_json(&url, &tolak, Some(&c.kasubag)).await, 200).await;
    assert_eq!(decided.status, StatusKebutuhan::Ditolak);
    assert_problem(
        c.app
            .post_json(
                &url,
                &json!({"lock_version": decided.lock_version, "setuju": true}),
                Some(&c.kasubag),
            )
            .await,
        409,
        ErrorCode::Conflict,
    )
    .await;
    // The employee reads why.
    let mine: Page<Kebutuhan> = ok(
        c.app
            .get("/api/v1/pengembangan/kebutuhan", Some(&c.rina))
            .await,
        200,
    )
    .await;
    let read = mine.items.iter().find(|k| k.id == need.id).unwrap();
    assert_eq!(
        read.catatan_keputusan.as_deref(),
        Some("Prioritaskan arsip tahun depan.")
    );
    assert!(read.diputuskan_oleh_nama.is_some());

    // A Di Bawah Ekspektasi result makes a proposed need, linked to the evaluation, once.
    let kasubag_skp = c.upper_chain().await;
    let skp = c.agreed(&c.rina, &c.kasubag, Some(&kasubag_skp)).await;
    let k = t.month() as i32;
    let put = c
        .app
        .client
        .put(
            c.app
                .url(&format!("/api/v1/skp/{}/evaluasi?periode_ke={k}", skp.id)),
        )
        .bearer_auth(&c.kasubag)
        .json(
            &json!({"rating_hasil": "di_bawah_ekspektasi", "rating_perilaku": "sesuai_ekspektasi"}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), 200);
    let set: EvaluasiView = ok(
        c.app
            .post_json(
                &format!("/api/v1/skp/{}/evaluasi/tetapkan?periode_ke={k}", skp.id),
                &json!({}),
                Some(&c.kasubag),
            )
            .await,
        200,
    )
    .await;
    let eval = set.evaluasi.unwrap();
    let mine: Page<Kebutuhan> = ok(
        c.app
            .get(
                &format!("/api/v1/pengembangan/kebutuhan?status=diusulkan&employee_id={rina}"),
                Some(&c.kasubag),
            )
            .await,
        200,
    )
    .await;
    let auto: Vec<&Kebutuhan> = mine
        .items
        .iter()
        .filter(|k| k.sumber == SumberKebutuhan::RatingRendah)
        .collect();
    assert_eq!(auto.len(), 1, "{:?}", mine.items);
    let auto = auto[0].clone();
    assert_eq!(auto.evaluation_id, Some(eval.id));
    assert_eq!(auto.evaluasi_periode_ke, Some(k));
    assert!(auto.kompetensi.is_none() && auto.boleh_diputuskan);
    // Agreeing needs the competency named.
    let url = format!("/api/v1/pengembangan/kebutuhan/{}/keputusan", auto.id);
    let e = assert_problem(
        c.app
            .post_json(
                &url,
                &json!({"lock_version": auto.lock_version, "setuju": true}),
                Some(&c.kasubag),
            )
            .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!e.field_errors("kompetensi_id").is_empty());
    let agreed: Kebutuhan = ok(
        c.app.post_json(&url, &json!({"lock_version": auto.lock_version, "setuju": true, "kompetensi_id": komp.id, "perkiraan_jp": 20}), Some(&c.kasubag)).await,
        200,
    )
    .await;
    assert_eq!(agreed.status, StatusKebutuhan::Disetujui);
    // 20 planned JP show in the employee's year.
    assert_eq!(jp(&c, &c.rina, "").await.jp_direncanakan, 20.0);

    // The HR office corrects the ratings to Di Bawah for behaviour as well, then lifts it
    // again: the behaviour need is made, then withdrawn while still proposed; the agreed
    // result need stays.
    let koreksi = |hasil: &str, perilaku: &str| json!({"rating_hasil": hasil, "rating_perilaku": perilaku, "alasan": "Koreksi atas hasil pemeriksaan bukti dukung."});
    let url = format!("/api/v1/evaluasi/{}/koreksi", eval.id);
    let resp = c
        .app
        .post_json(
            &url,
            &koreksi("di_bawah_ekspektasi", "di_bawah_ekspektasi"),
            Some(&c.admin),
        )
        .await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    let sources = |p: &Page<Kebutuhan>| -> Vec<(SumberKebutuhan, StatusKebutuhan)> {
        let mut v: Vec<_> = p
            .items
            .iter()
            .filter(|k| k.evaluation_id == Some(eval.id))
            .map(|k| (k.sumber, k.status))
            .collect();
        v.sort();
        v
    };
    let all = format!("/api/v1/pengembangan/kebutuhan?employee_id={rina}");
    let now: Page<Kebutuhan> = ok(c.app.get(&all, Some(&c.kasubag)).await, 200).await;
    assert_eq!(
        sources(&now),
        vec![
            (SumberKebutuhan::RatingRendah, StatusKebutuhan::Disetujui),
            (SumberKebutuhan::PerilakuRendah, StatusKebutuhan::Diusulkan),
        ]
    );
    let resp = c
        .app
        .post_json(
            &url,
            &koreksi("sesuai_ekspektasi", "sesuai_ekspektasi"),
            Some(&c.admin),
        )
        .await;
    assert_eq!(resp.status(), 200);
    let now: Page<Kebutuhan> = ok(c.app.get(&all, Some(&c.kasubag)).await, 200).await;
    assert_eq!(
        sources(&now),
        vec![(SumberKebutuhan::RatingRendah, StatusKebutuhan::Disetujui)]
    );
}
db_test!(needs_are_proposed_decided_by_the_ppkin_and_made_from_a_low_rating);

async fn an_improvement_plans_training_is_done_once_a_record_of_it_is_verified(db: Db) {
    let c = chain(db).await;
    let rina = rina_id(&c).await;
    let kasubag_skp = c.upper_chain().await;
    let skp = c.agreed(&c.rina, &c.kasubag, Some(&kasubag_skp)).await;
    let k = today().month() as i32;
    let base = format!("/api/v1/skp/{}/evaluasi", skp.id);
    let eval_url = |e: Uuid, what: &str| format!("/api/v1/evaluasi/{e}/{what}");
    let put = |path: String, body: Value| {
        c.app
            .client
            .put(c.app.url(&path))
            .bearer_auth(&c.kasubag)
            .json(&body)
            .send()
    };
    assert_eq!(
        put(
            format!("{base}?periode_ke={k}"),
            json!({"rating_hasil": "di_bawah_ekspektasi", "rating_perilaku": "di_bawah_ekspektasi"})
        )
        .await
        .unwrap()
        .status(),
        200
    );
    let set: EvaluasiView = ok(
        c.app
            .post_json(
                &format!("{base}/tetapkan?periode_ke={k}"),
                &json!({}),
                Some(&c.kasubag),
            )
            .await,
        200,
    )
    .await;
    let e = set.evaluasi.unwrap().id;
    let plan = json!({"saran": "Ikuti pelatihan dan susun register layanan setiap minggu.", "aksi": [], "pelatihan": ["Pelatihan Pelayanan Prima"]});
    let view: EvaluasiView = ok(
        put(eval_url(e, "rencana-perbaikan"), plan.clone())
            .await
            .unwrap(),
        200,
    )
    .await;
    let item = view
        .rencana_perbaikan
        .as_ref()
        .unwrap()
        .items
        .iter()
        .find(|i| i.jenis == "pelatihan")
        .unwrap()
        .clone();
    assert!(!item.terpenuhi);
    // Saving the plan again does not duplicate the need it made: one agreed need per training.
    let _: EvaluasiView = ok(
        put(eval_url(e, "rencana-perbaikan"), plan).await.unwrap(),
        200,
    )
    .await;
    let needs: Page<Kebutuhan> = ok(
        c.app
            .get(
                &format!("/api/v1/pengembangan/kebutuhan?employee_id={rina}"),
                Some(&c.kasubag),
            )
            .await,
        200,
    )
    .await;
    let from_plan: Vec<&Kebutuhan> = needs
        .items
        .iter()
        .filter(|n| n.sumber == SumberKebutuhan::RencanaPerbaikan)
        .collect();
    assert_eq!(from_plan.len(), 1);
    assert_eq!(from_plan[0].status, StatusKebutuhan::Disetujui);
    assert_eq!(from_plan[0].uraian, "Pelatihan Pelayanan Prima");
    // Both ratings were low: a performance gap and a competency gap, proposed.
    let sources: Vec<SumberKebutuhan> = needs.items.iter().map(|n| n.sumber).collect();
    assert!(
        sources.contains(&SumberKebutuhan::RatingRendah)
            && sources.contains(&SumberKebutuhan::PerilakuRendah)
    );
    let need_id = from_plan[0].id;

    // Rina records the training against the need, with its certificate.
    let mut body = kegiatan("Pelatihan Pelayanan Prima", today(), json!({"jp": 24}));
    body["kebutuhan_id"] = json!(need_id);
    let r: CatatanPengembangan = ok(catat(&c, &c.rina, body).await, 201).await;
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\x0f\0\0\x01\x01\0\x05\x18\xd8N\0\0\0\0IEND\xaeB`\x82";
    let upload = |bytes: Vec<u8>, name: &str, token: &str| {
        let form = reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
        );
        c.app
            .client
            .post(
                c.app
                    .url(&format!("/api/v1/pengembangan/catatan/{}/sertifikat", r.id)),
            )
            .bearer_auth(token.to_owned())
            .multipart(form)
            .send()
    };
    assert_problem(
        upload(
            b"<html>not a certificate</html>".to_vec(),
            "s.html",
            &c.rina,
        )
        .await
        .unwrap(),
        415,
        ErrorCode::UnsupportedMediaType,
    )
    .await;
    assert_problem(
        upload(png.to_vec(), "s.png", &c.kasubag).await.unwrap(),
        403,
        ErrorCode::Forbidden,
    )
    .await;
    let r: CatatanPengembangan = ok(
        upload(png.to_vec(), "sertifikat.png", &c.rina)
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(
        r.sertifikat.as_ref().map(|s| s.mime.as_str()),
        Some("image/png")
    );
    let file = c
        .app
        .get(
            &format!("/api/v1/pengembangan/catatan/{}/sertifikat", r.id),
            Some(&c.kasubag),
        )
        .await;
    assert_eq!(file.status(), 200);
    assert_eq!(file.bytes().await.unwrap().as_ref(), png.as_slice());
    assert_problem(
        c.app
            .get(
                &format!("/api/v1/pengembangan/catatan/{}/sertifikat", r.id),
                Some(&c.sekda),
            )
            .await,
        404,
        ErrorCode::NotFound,
    )
    .await;

    // Waiting is not done; verified is.
    let view: EvaluasiView = ok(
        c.app
            .get(&format!("{base}?periode_ke={k}"), Some(&c.rina))
            .await,
        200,
    )
    .await;
    assert!(
        !view
            .rencana_perbaikan
            .unwrap()
            .items
            .iter()
            .any(|i| i.terpenuhi)
    );
    let _: CatatanPengembangan = ok(
        verifikasi(&c, &c.admin, &r, json!({"terima": true})).await,
        200,
    )
    .await;
    let view: EvaluasiView = ok(
        c.app
            .get(&format!("{base}?periode_ke={k}"), Some(&c.rina))
            .await,
        200,
    )
    .await;
    let item = view
        .rencana_perbaikan
        .unwrap()
        .items
        .into_iter()
        .find(|i| i.jenis == "pelatihan")
        .unwrap();
    assert!(item.terpenuhi);
    // The evaluation page lists the development since the sub-period began.
    assert!(
        view.pengembangan
            .iter()
            .any(|p| p.nama == "Pelatihan Pelayanan Prima"
                && p.status == StatusCatatan::Diverifikasi),
        "{:?}",
        view.pengembangan
    );
    let needs: Page<Kebutuhan> = ok(
        c.app
            .get("/api/v1/pengembangan/kebutuhan", Some(&c.rina))
            .await,
        200,
    )
    .await;
    assert_eq!(
        needs
            .items
            .iter()
            .find(|n| n.id == need_id)
            .unwrap()
            .jp_terpenuhi,
        24.0
    );
    // Once verified, the certificate stays as it was checked.
    assert_problem(
        upload(png.to_vec(), "lain.png", &c.rina).await.unwrap(),
        409,
        ErrorCode::Conflict,
    )
    .await;
}
db_test!(an_improvement_plans_training_is_done_once_a_record_of_it_is_verified);

async fn development_data_stays_with_the_employee_the_ppkin_the_hr_office_and_the_unit_head(
    db: Db,
) {
    let c = chain(db).await;
    let rina = rina_id(&c).await;
    let t = today();
    let r: CatatanPengembangan = ok(
        catat(&c, &c.rina, kegiatan("Bimtek Arsip", t, json!({"jp": 21}))).await,
        201,
    )
    .await;
    let (_, auditor) = c
        .app
        .signed_in("auditor-pengembangan", &[Role::Auditor])
        .await;
    let (_, plain) = c.app.signed_in("pegawai-lain", &[Role::Pegawai]).await;
    let list = format!("/api/v1/pengembangan/catatan?employee_id={rina}");
    let sum = format!("/api/v1/pengembangan/jp?employee_id={rina}");
    // The PPKin, the HR office, auditors and the camat (pimpinan of her kecamatan) read.
    for token in [&c.kasubag, &c.admin, &auditor, &c.camat] {
        let page: Page<CatatanPengembangan> = ok(c.app.get(&list, Some(token)).await, 200).await;
        assert_eq!(page.total, 1);
        let _: RingkasanJp = ok(c.app.get(&sum, Some(token)).await, 200).await;
    }
    // Colleagues, other heads and accounts without a role in her unit get 404 (not even 403).
    for token in [&c.sekda, &c.sekcam, &plain] {
        assert_problem(
            c.app.get(&list, Some(token)).await,
            404,
            ErrorCode::NotFound,
        )
        .await;
        assert_problem(c.app.get(&sum, Some(token)).await, 404, ErrorCode::NotFound).await;
    }
    assert_problem(c.app.get(&list, None).await, 401, ErrorCode::Unauthorized).await;
    // Nobody records for someone else but the HR office.
    let mut for_rina = kegiatan("Dicatat atasan", t, json!({"jp": 2}));
    for_rina["employee_id"] = json!(rina);
    assert_problem(
        catat(&c, &c.kasubag, for_rina.clone()).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    assert_problem(
        catat(&c, &c.sekda, for_rina.clone()).await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    let _: CatatanPengembangan = ok(catat(&c, &c.admin, for_rina).await, 201).await;
    // The queue is the HR office's: for others asking by status it is their own list.
    let theirs: Page<CatatanPengembangan> = ok(
        c.app
            .get(
                "/api/v1/pengembangan/catatan?status=menunggu",
                Some(&c.kasubag),
            )
            .await,
        200,
    )
    .await;
    assert_eq!(theirs.total, 0);
    let queue: Page<CatatanPengembangan> = ok(
        c.app
            .get(
                "/api/v1/pengembangan/catatan?status=menunggu",
                Some(&c.admin),
            )
            .await,
        200,
    )
    .await;
    assert_eq!(queue.total, 2);
    assert!(queue.items.iter().all(|i| i.boleh_diverifikasi));

    // Unit compliance: the HR office reads any unit; a pimpinan only their subtree.
    let r = sertifikat(&c, &c.rina, &r).await;
    let _: CatatanPengembangan = ok(
        verifikasi(&c, &c.admin, &r, json!({"terima": true})).await,
        200,
    )
    .await;
    let kec = crate::organisation::unit_named(&c.app, &c.admin, "Kecamatan Cipocok Jaya").await;
    let url = format!(
        "/api/v1/pengembangan/kepatuhan?unit_id={}&per_page=100",
        kec.id
    );
    let k: KepatuhanJp = ok(c.app.get(&url, Some(&c.admin)).await, 200).await;
    assert_eq!(k.unit.memenuhi, 1, "Rina alone has 20 verified JP");
    assert_eq!(k.kurang.total, k.unit.jumlah_pegawai - 1);
    assert!(!k.kurang.items.iter().any(|p| p.employee_id == rina));
    assert!(k.sub_unit.iter().map(|s| s.jumlah_pegawai).sum::<u64>() <= k.unit.jumlah_pegawai);
    assert!(k.sub_unit.iter().any(|s| s.memenuhi == 1));
    let by_head: KepatuhanJp = ok(c.app.get(&url, Some(&c.camat)).await, 200).await;
    assert_eq!(by_head.unit.memenuhi, 1);
    for token in [&c.rina, &c.kasubag, &plain] {
        assert_problem(c.app.get(&url, Some(token)).await, 404, ErrorCode::NotFound).await;
    }
}
db_test!(development_data_stays_with_the_employee_the_ppkin_the_hr_office_and_the_unit_head);

async fn two_officers_verifying_one_record_at_once_one_wins(db: Db) {
    let c = chain(db).await;
    let r: CatatanPengembangan = ok(
        catat(
            &c,
            &c.rina,
            kegiatan("Bimtek Serentak", today(), json!({"jp": 4})),
        )
        .await,
        201,
    )
    .await;
    let r = sertifikat(&c, &c.rina, &r).await;
    let (_, second) = c.app.signed_in("admin-kedua", &[Role::Admin]).await;
    let (a, b) = tokio::join!(
        verifikasi(&c, &c.admin, &r, json!({"terima": true})),
        verifikasi(
            &c,
            &second,
            &r,
            json!({"terima": false, "catatan": "Tanggal tidak sesuai sertifikat."})
        ),
    );
    let mut codes = [a.status().as_u16(), b.status().as_u16()];
    codes.sort_unstable();
    assert_eq!(codes, [200, 409]);
    let page: Page<CatatanPengembangan> = ok(
        c.app
            .get("/api/v1/pengembangan/catatan", Some(&c.rina))
            .await,
        200,
    )
    .await;
    assert_eq!(
        page.items[0].lock_version,
        r.lock_version + 1,
        "decided exactly once"
    );
}
db_test!(two_officers_verifying_one_record_at_once_one_wins);

async fn the_fourth_quarter_reminds_those_below_20_jp_once(db: Db) {
    let c = chain(db).await;
    let rina = rina_id(&c).await;
    let year = today().year();
    // September: not yet.
    let sept = local_time(NaiveDate::from_ymd_opt(year, 9, 30).unwrap(), 23, 0, 7);
    assert_eq!(
        kinerja::pengembangan::pengingat::ingatkan_jp(&c.app.db, sept)
            .await
            .unwrap(),
        0
    );
    // 1 October, local time: everyone active below 20 JP once, and each PPKin once.
    let oct = local_time(NaiveDate::from_ymd_opt(year, 10, 1).unwrap(), 0, 30, 7);
    let sent = kinerja::pengembangan::pengingat::ingatkan_jp(&c.app.db, oct)
        .await
        .unwrap();
    assert!(sent > 2, "{sent}");
    assert_eq!(
        kinerja::pengembangan::pengingat::ingatkan_jp(&c.app.db, oct + Duration::days(1))
            .await
            .unwrap(),
        0
    );
    let notes: NotificationPage =
        ok(c.app.get("/api/v1/notifications", Some(&c.rina)).await, 200).await;
    assert_eq!(
        notes
            .items
            .iter()
            .filter(|n| n.kind == "pengembangan.jp_kurang")
            .count(),
        1
    );
    let notes: NotificationPage = ok(
        c.app.get("/api/v1/notifications", Some(&c.kasubag)).await,
        200,
    )
    .await;
    let team = notes
        .items
        .iter()
        .find(|n| n.kind == "pengembangan.tim_kurang_jp")
        .unwrap();
    assert!(team.params.as_ref().and_then(|p| p.jumlah).unwrap_or(0) >= 1);
    let _ = rina;
}
db_test!(the_fourth_quarter_reminds_those_below_20_jp_once);

async fn stored_ringkasan(c: &Chain, unit: Uuid) -> Vec<i64> {
    use sea_orm::{ConnectionTrait, Statement};
    let backend = c.app.db.get_database_backend();
    c.app
        .db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            "SELECT versi FROM ringkasan_jp WHERE unit_id = $1 ORDER BY versi",
            [unit.into()],
        ))
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get_by_index(0).unwrap())
        .collect()
}

/// Unit compliance is counted once and kept (docs/pengembangan.md, "Kecepatan kepatuhan"):
/// every change that moves it — through the API or straight in the database — is seen by
/// the next request, and nothing else recounts it.
async fn unit_compliance_is_kept_and_follows_every_change(db: Db) {
    use sea_orm::{ConnectionTrait, Statement};
    let c = chain(db).await;
    let rina = rina_id(&c).await;
    let kec = crate::organisation::unit_named(&c.app, &c.admin, "Kecamatan Cipocok Jaya").await;
    let url = format!("/api/v1/pengembangan/kepatuhan?unit_id={}", kec.id);
    let get = |u: String| {
        let app = &c.app;
        let admin = c.admin.clone();
        async move { ok::<KepatuhanJp>(app.get(&u, Some(&admin)).await, 200).await }
    };
    let first = get(url.clone()).await;
    assert_eq!(first.unit.memenuhi, 0);
    assert!(
        first.unit.jumlah_pegawai > 20,
        "{}",
        first.unit.jumlah_pegawai
    );
    assert_eq!(first.kurang.total, first.unit.jumlah_pegawai);
    assert_eq!(get(url.clone()).await, first, "read back unchanged");
    let stored = stored_ringkasan(&c, kec.id).await;
    assert_eq!(stored.len(), 1, "counted once");

    // Paging walks the stored order: everyone below 20 JP once, fewest JP first.
    let mut seen = Vec::new();
    for page in 1..=first.kurang.total.div_ceil(7) {
        let p = get(format!("{url}&per_page=7&page={page}")).await;
        seen.extend(p.kurang.items.into_iter().map(|k| k.employee_id));
    }
    let mut distinct = seen.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), seen.len());
    assert_eq!(seen.len() as u64, first.kurang.total);

    // A verified record of 20 JP: Rina leaves the list, her sub-unit gains one.
    let r: CatatanPengembangan = ok(
        catat(
            &c,
            &c.rina,
            kegiatan("Diklat Arsiparis", today(), json!({"jp": 20})),
        )
        .await,
        201,
    )
    .await;
    let waiting = get(url.clone()).await;
    assert_eq!(waiting, first, "an unverified record moves nothing");
    let r = sertifikat(&c, &c.rina, &r).await;
    let _: CatatanPengembangan = ok(
        verifikasi(&c, &c.admin, &r, json!({"terima": true})).await,
        200,
    )
    .await;
    let after = get(url.clone()).await;
    assert_eq!(after.unit.memenuhi, 1);
    assert_eq!(after.kurang.total, first.kurang.total - 1);
    let home = after
        .sub_unit
        .iter()
        .find(|s| s.memenuhi == 1)
        .expect("Rina's sub-unit")
        .unit_id;
    let stored_after = stored_ringkasan(&c, kec.id).await;
    assert_eq!(stored_after.len(), 1, "the older answer is dropped");
    assert!(stored_after[0] > stored[0]);

    // A mutasi into another sub-unit moves her count with her.
    let other = after
        .sub_unit
        .iter()
        .find(|s| s.unit_id != home && s.jumlah_pegawai > 0)
        .expect("another sub-unit")
        .unit_id;
    let backend = c.app.db.get_database_backend();
    c.app
        .db
        .execute_raw(Statement::from_sql_and_values(
            backend,
            "UPDATE employees SET unit_id = $1 WHERE id = $2",
            [other.into(), rina.into()],
        ))
        .await
        .unwrap();
    let moved = get(url.clone()).await;
    let line = |k: &KepatuhanJp, u: Uuid| {
        k.sub_unit
            .iter()
            .find(|s| s.unit_id == u)
            .map(|s| (s.jumlah_pegawai, s.memenuhi))
            .unwrap()
    };
    let (home_n, _) = line(&after, home);
    let (other_n, _) = line(&after, other);
    assert_eq!(line(&moved, home), (home_n - 1, 0));
    assert_eq!(line(&moved, other), (other_n + 1, 1));

    // A record rejected after all, written straight in the database, is seen too.
    c.app
        .db
        .execute_raw(Statement::from_sql_and_values(
            backend,
            "UPDATE catatan_pengembangan SET status = 'ditolak' WHERE id = $1",
            [r.id.into()],
        ))
        .await
        .unwrap();
    let rejected = get(url.clone()).await;
    assert_eq!(rejected.unit.memenuhi, 0);
    assert_eq!(rejected.kurang.total, first.kurang.total);

    // Someone leaving (status) and a new unit with staff in the tree.
    c.app
        .db
        .execute_raw(Statement::from_sql_and_values(
            backend,
            "UPDATE employees SET status = 'pensiun' WHERE id = $1",
            [rina.into()],
        ))
        .await
        .unwrap();
    let left = get(url.clone()).await;
    assert_eq!(left.unit.jumlah_pegawai, first.unit.jumlah_pegawai - 1);
    assert!(!left.kurang.items.iter().any(|k| k.employee_id == rina));
    // A kelurahan moved out of the kecamatan takes its staff along.
    let kel = after
        .sub_unit
        .iter()
        .find(|s| s.nama.starts_with("Kelurahan") && s.jumlah_pegawai > 0)
        .expect("a kelurahan")
        .clone();
    c.app
        .db
        .execute_raw(Statement::from_sql_and_values(
            backend,
            "UPDATE units SET parent_id = NULL WHERE id = $1",
            [kel.unit_id.into()],
        ))
        .await
        .unwrap();
    let split = get(url.clone()).await;
    assert_eq!(
        split.unit.jumlah_pegawai,
        left.unit.jumlah_pegawai - kel.jumlah_pegawai
    );
    // Other years are counted on their own.
    let last_year: KepatuhanJp = get(format!("{url}&tahun={}", today().year() - 1)).await;
    assert_eq!(last_year.tahun, today().year() - 1);
    assert_eq!(stored_ringkasan(&c, kec.id).await.len(), 2);
}
db_test!(unit_compliance_is_kept_and_follows_every_change);
