//! What follows a survey's result (issue #17): the follow-up plan (who manages it, stale and
//! concurrent writes, the local due date, the previous survey's plan), the result per
//! respondent profile group from SQL aggregates, the public IKM list and the `ikm:read` API.
//! On the demo chain: the camat heads Kecamatan Cipocok Jaya, the admin is the HR office,
//! Rina (pelaksana) and the sekda are staff elsewhere.

use kinerja_api::ErrorCode;
use kinerja_api::Page;
use kinerja_api::ikm::{KinerjaUnit, Mutu};
use kinerja_api::integrations::ApiClientCreated;
use kinerja_api::survei::{HasilSurvei, ResponsSurvei, Survei};
use kinerja_api::survei_publik::IkmPublik;
use kinerja_api::survei_tindak::{
    DimensiProfil, IkmSurvei, StatusTindakLanjut, TindakLanjut, TindakLanjutSebelumnya,
};
use reqwest::Response;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::*;
use crate::organisation::unit_named;
use crate::planning::{Chain, chain, holder, this_year};

/// A survey of `unit` for quarter `triwulan`, created by the HR office and opened.
async fn survei_dibuka(c: &Chain, unit: &str, triwulan: i32) -> Survei {
    let unit = unit_named(&c.app, &c.admin, unit).await;
    let resp = c
        .app
        .post_json(
            "/api/v1/survei",
            &json!({
                "unit_id": unit.id, "judul": format!("SKM Triwulan {triwulan}"),
                "jenis_periode": "triwulan", "period_id": c.periode.id, "periode_ke": triwulan,
                "layanan": ["KTP elektronik", "Kartu keluarga"],
            }),
            Some(&c.admin),
        )
        .await;
    assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    let s: Survei = resp.json().await.unwrap();
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/survei/{}/buka", s.id),
            &json!({"lock_version": s.lock_version}),
            Some(&c.admin),
        )
        .await;
    assert_eq!(resp.status(), 200);
    resp.json().await.unwrap()
}

async fn terbitkan(c: &Chain, s: &Survei) -> Survei {
    crate::survei::terbitkan(c, &c.admin, s.id).await
}

/// A public response with the given answers and profile (`null` fields are left out).
async fn kirim(c: &Chain, s: &Survei, u: [u8; 9], profil: [Option<&str>; 4], token: &str) {
    let mut body = json!({
        "layanan": "KTP elektronik",
        "u1": u[0], "u2": u[1], "u3": u[2], "u4": u[3], "u5": u[4],
        "u6": u[5], "u7": u[6], "u8": u[7], "u9": u[8],
        "token": token,
    });
    for (k, v) in ["jenis_kelamin", "usia", "pendidikan", "pekerjaan"]
        .into_iter()
        .zip(profil)
    {
        if let Some(v) = v {
            body[k] = json!(v);
        }
    }
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

fn tl_path(s: &Survei) -> String {
    format!("/api/v1/survei/{}/tindak-lanjut", s.id)
}

async fn tambah(c: &Chain, token: &str, s: &Survei, body: &Value) -> Response {
    c.app.post_json(&tl_path(s), body, Some(token)).await
}

async fn ubah(c: &Chain, token: &str, s: &Survei, t: &TindakLanjut, body: Value) -> Response {
    let mut body = body;
    body["lock_version"] = json!(t.lock_version);
    c.app
        .patch_json(&format!("{}/{}", tl_path(s), t.id), &body, Some(token))
        .await
}

async fn hapus(c: &Chain, token: &str, s: &Survei, id: Uuid, lock: i32) -> Response {
    c.app
        .client
        .delete(
            c.app
                .url(&format!("{}/{id}?lock_version={lock}", tl_path(s))),
        )
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

async fn daftar(c: &Chain, token: &str, s: &Survei) -> Vec<TindakLanjut> {
    let resp = c.app.get(&tl_path(s), Some(token)).await;
    assert_eq!(resp.status(), 200);
    resp.json().await.unwrap()
}

/// A due date `days` after today's local (WIB) day.
fn hari(days: i64) -> String {
    (kinerja::clock::today() + chrono::Duration::days(days)).to_string()
}

async fn code(resp: Response, status: u16, kind: ErrorCode) -> String {
    assert_problem(resp, status, kind)
        .await
        .message
        .unwrap()
        .code
}

async fn tindak_lanjut_crud_roles_and_stale_writes(db: Db) {
    let c = chain(db).await;
    let s = survei_dibuka(&c, "Kecamatan Cipocok Jaya", 1).await;
    let sekcam = holder(&c.app, &c.admin, "Sekretaris Kecamatan").await;
    let sekda = holder(&c.app, &c.admin, "Sekretaris Daerah").await;
    let body = json!({
        "unsur": "waktu_penyelesaian",
        "tindakan": "Menambah satu loket KTP-el pada jam sibuk",
        "penanggung_jawab_id": sekcam.id,
        "jatuh_tempo": hari(30),
    });

    // Unpublished: the others cannot even see the survey (404), so neither its plan.
    for token in [&c.rina, &c.sekda] {
        assert_problem(tambah(&c, token, &s, &body).await, 404, ErrorCode::NotFound).await;
        assert_problem(
            c.app.get(&tl_path(&s), Some(token)).await,
            404,
            ErrorCode::NotFound,
        )
        .await;
    }
    assert_problem(
        tambah(&c, "", &s, &body).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;

    // The unit head and the HR office manage it.
    let resp = tambah(&c, &c.camat, &s, &body).await;
    assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    let a: TindakLanjut = resp.json().await.unwrap();
    assert_eq!(
        (a.status, a.unsur_kode.as_str(), a.lock_version, a.terlambat),
        (StatusTindakLanjut::Rencana, "U3", 1, false)
    );
    assert_eq!(a.penanggung_jawab_nama, sekcam.nama_lengkap);
    let mut b_body = body.clone();
    b_body["unsur"] = json!("sarana_prasarana");
    b_body["tindakan"] = json!("Kursi tunggu tambahan");
    b_body["catatan"] = json!("  ");
    let resp = tambah(&c, &c.admin, &s, &b_body).await;
    assert_eq!(resp.status(), 201);
    let b: TindakLanjut = resp.json().await.unwrap();
    assert_eq!(b.catatan, None);

    // Invalid input: 422 naming the field, nothing stored.
    for (field, value) in [
        ("tindakan", json!("    ")),
        ("penanggung_jawab_id", json!(sekda.id)),
        ("penanggung_jawab_id", json!(Uuid::nil())),
        ("jatuh_tempo", json!(hari(-1))),
        ("unsur", json!("keramahan")),
        ("catatan", json!("x".repeat(1001))),
    ] {
        let mut bad = body.clone();
        bad[field] = value;
        let e = assert_problem(
            tambah(&c, &c.camat, &s, &bad).await,
            422,
            ErrorCode::ValidationFailed,
        )
        .await;
        assert!(!e.field_errors(field).is_empty(), "{field}: {e:?}");
    }
    let mut bad = body.clone();
    bad["nik"] = json!("3673012345678901");
    assert_problem(
        tambah(&c, &c.camat, &s, &bad).await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert_eq!(daftar(&c, &c.camat, &s).await.len(), 2);

    // Published: everyone signed in reads the plan, and still changes nothing.
    terbitkan(&c, &s).await;
    let list = daftar(&c, &c.rina, &s).await;
    assert_eq!(list.iter().map(|t| t.id).collect::<Vec<_>>(), [a.id, b.id]);
    assert_problem(
        tambah(&c, &c.rina, &s, &body).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    let resp = ubah(&c, &c.sekda, &s, &a, json!({"status": "berjalan"})).await;
    assert_problem(resp, 403, ErrorCode::Forbidden).await;
    assert_problem(
        hapus(&c, &c.rina, &s, b.id, 1).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;

    // Stale write: the HR office edits from the version the head already changed.
    let resp = ubah(&c, &c.camat, &s, &a, json!({"status": "berjalan"})).await;
    assert_eq!(resp.status(), 200);
    let a2: TindakLanjut = resp.json().await.unwrap();
    assert_eq!(
        (a2.status, a2.lock_version),
        (StatusTindakLanjut::Berjalan, 2)
    );
    let resp = ubah(&c, &c.admin, &s, &a, json!({"catatan": "Lama"})).await;
    assert_eq!(
        code(resp, 409, ErrorCode::Conflict).await,
        "diubah_pengguna_lain"
    );
    // Forward only; only a planned action is deleted.
    let resp = ubah(&c, &c.admin, &s, &a2, json!({"status": "rencana"})).await;
    assert_eq!(
        code(resp, 409, ErrorCode::Conflict).await,
        "status_tindak_lanjut_tidak_boleh"
    );
    let resp = hapus(&c, &c.admin, &s, a2.id, a2.lock_version).await;
    assert_eq!(
        code(resp, 409, ErrorCode::Conflict).await,
        "hapus_hanya_rencana"
    );
    let resp = ubah(
        &c,
        &c.admin,
        &s,
        &a2,
        json!({"status": "selesai", "catatan": "Loket 3 dibuka"}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let a3: TindakLanjut = resp.json().await.unwrap();
    assert_eq!(a3.catatan.as_deref(), Some("Loket 3 dibuka"));
    // Finished: only the note changes.
    let resp = ubah(
        &c,
        &c.camat,
        &s,
        &a3,
        json!({"tindakan": "Sesuatu yang lain"}),
    )
    .await;
    assert_eq!(
        code(resp, 409, ErrorCode::Conflict).await,
        "tindak_lanjut_sudah_final"
    );
    let resp = ubah(&c, &c.camat, &s, &a3, json!({"status": "dibatalkan"})).await;
    assert_eq!(
        code(resp, 409, ErrorCode::Conflict).await,
        "status_tindak_lanjut_tidak_boleh"
    );
    let resp = ubah(
        &c,
        &c.camat,
        &s,
        &a3,
        json!({"catatan": "Dievaluasi triwulan II"}),
    )
    .await;
    assert_eq!(resp.status(), 200);

    // Delete: a stale version is 409, the right one 204.
    let resp = hapus(&c, &c.camat, &s, b.id, b.lock_version + 1).await;
    assert_eq!(
        code(resp, 409, ErrorCode::Conflict).await,
        "diubah_pengguna_lain"
    );
    assert_eq!(
        hapus(&c, &c.camat, &s, b.id, b.lock_version).await.status(),
        204
    );
    assert_problem(
        hapus(&c, &c.camat, &s, b.id, b.lock_version).await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    assert_eq!(daftar(&c, &c.camat, &s).await.len(), 1);

    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let actions: Vec<String> = kinerja::entities::audit_events::Entity::find()
        .filter(kinerja::entities::audit_events::Column::EntityType.eq("survei_tindak_lanjut"))
        .all(&c.app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    for want in [
        "survei_tindak_lanjut.created",
        "survei_tindak_lanjut.updated",
        "survei_tindak_lanjut.deleted",
    ] {
        assert!(actions.iter().any(|a| a == want), "{actions:?}");
    }
}
db_test!(tindak_lanjut_crud_roles_and_stale_writes);

/// The due date and "overdue" follow the instansi's local day (WIB), not the UTC date.
async fn tindak_lanjut_due_date_is_the_local_day(db: Db) {
    let c = chain(db).await;
    let s = survei_dibuka(&c, "Kecamatan Cipocok Jaya", 2).await;
    let sekcam = holder(&c.app, &c.admin, "Sekretaris Kecamatan").await;
    // 20:00 UTC on day D is 03:00 WIB on D + 1.
    let d = kinerja::clock::today() + chrono::Duration::days(3);
    let at = |day: chrono::NaiveDate| day.and_hms_opt(20, 0, 0).unwrap().and_utc();
    c.app.clock.set(at(d));
    let body = |due: chrono::NaiveDate| {
        json!({
            "unsur": "biaya_tarif", "tindakan": "Papan informasi tarif di loket",
            "penanggung_jawab_id": sekcam.id, "jatuh_tempo": due.to_string(),
        })
    };
    // D is still today by UTC, but yesterday in Serang.
    let e = assert_problem(
        tambah(&c, &c.camat, &s, &body(d)).await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!e.field_errors("jatuh_tempo").is_empty());
    let besok = d + chrono::Duration::days(1);
    let resp = tambah(&c, &c.camat, &s, &body(besok)).await;
    assert_eq!(resp.status(), 201);
    let t: TindakLanjut = resp.json().await.unwrap();
    assert!(!t.terlambat);
    // The next evening (UTC) it is the day after the due date in Serang: overdue.
    c.app.clock.set(at(besok));
    let list = daftar(&c, &c.camat, &s).await;
    assert!(list[0].terlambat);
    // A finished action is never overdue.
    let resp = ubah(&c, &c.camat, &s, &t, json!({"status": "selesai"})).await;
    assert_eq!(resp.status(), 200);
    assert!(!daftar(&c, &c.camat, &s).await[0].terlambat);
}
db_test!(tindak_lanjut_due_date_is_the_local_day);

/// The unit head and the HR office write the same action at the same instant from the same
/// version: one succeeds, the other gets 409 — truly concurrent on PostgreSQL. Also an edit
/// racing a deletion.
async fn tindak_lanjut_concurrent_writers_get_one_success_and_one_conflict(db: Db) {
    let c = chain(db).await;
    let s = survei_dibuka(&c, "Kecamatan Cipocok Jaya", 1).await;
    let sekcam = holder(&c.app, &c.admin, "Sekretaris Kecamatan").await;
    let body = json!({
        "unsur": "persyaratan", "tindakan": "Daftar persyaratan ditempel di loket",
        "penanggung_jawab_id": sekcam.id, "jatuh_tempo": hari(10),
    });
    let mut t: TindakLanjut = tambah(&c, &c.camat, &s, &body).await.json().await.unwrap();
    let url = c.app.url(&format!("{}/{}", tl_path(&s), t.id));
    for round in 0..8i32 {
        let send = |token: &str, catatan: String| {
            c.app
                .client
                .patch(&url)
                .bearer_auth(token)
                .json(&json!({"lock_version": t.lock_version, "catatan": catatan}))
                .send()
        };
        let (a, b) = tokio::join!(
            send(&c.camat, format!("kepala {round}")),
            send(&c.admin, format!("bkpsdm {round}"))
        );
        let mut statuses = [a.unwrap().status().as_u16(), b.unwrap().status().as_u16()];
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 409], "round {round}");
        let now = daftar(&c, &c.camat, &s).await.remove(0);
        assert_eq!(now.lock_version, t.lock_version + 1, "round {round}");
        let catatan = now.catatan.clone().unwrap();
        assert!(catatan == format!("kepala {round}") || catatan == format!("bkpsdm {round}"));
        t = now;
    }
    // An edit and a deletion from the same version: exactly one wins.
    for round in 0..4 {
        let t: TindakLanjut = tambah(&c, &c.camat, &s, &body).await.json().await.unwrap();
        let item = c.app.url(&format!("{}/{}", tl_path(&s), t.id));
        let edit = c
            .app
            .client
            .patch(&item)
            .bearer_auth(&c.camat)
            .json(&json!({"lock_version": t.lock_version, "status": "berjalan"}))
            .send();
        let del = c
            .app
            .client
            .delete(format!("{item}?lock_version={}", t.lock_version))
            .bearer_auth(&c.admin)
            .send();
        let (e, d) = tokio::join!(edit, del);
        let (e, d) = (e.unwrap().status().as_u16(), d.unwrap().status().as_u16());
        // The edit may also start after the deletion committed: then the action is gone.
        assert!(
            matches!((e, d), (200, 409) | (409 | 404, 204)),
            "round {round}: edit {e}, delete {d}"
        );
        let still = daftar(&c, &c.camat, &s).await.iter().any(|x| x.id == t.id);
        assert_eq!(still, e == 200, "round {round}");
    }
}
db_test!(tindak_lanjut_concurrent_writers_get_one_success_and_one_conflict);

/// The next survey of the unit lists the previous survey's plan and its statuses.
async fn tindak_lanjut_previous_plan_is_listed_with_the_next_survey(db: Db) {
    let c = chain(db).await;
    let sekcam = holder(&c.app, &c.admin, "Sekretaris Kecamatan").await;
    let q1 = survei_dibuka(&c, "Kecamatan Cipocok Jaya", 1).await;
    // Created later but for an earlier quarter: order is by period, not creation.
    let q2 = survei_dibuka(&c, "Kecamatan Cipocok Jaya", 2).await;
    let q3 = survei_dibuka(&c, "Kecamatan Cipocok Jaya", 3).await;
    let other = survei_dibuka(&c, "Puskesmas Banjar Agung", 1).await;
    let plan = |tindakan: &str| {
        json!({
            "unsur": "waktu_penyelesaian", "tindakan": tindakan,
            "penanggung_jawab_id": sekcam.id, "jatuh_tempo": hari(20),
        })
    };
    let a: TindakLanjut = tambah(&c, &c.camat, &q1, &plan("Antrian daring"))
        .await
        .json()
        .await
        .unwrap();
    tambah(&c, &c.camat, &q1, &plan("Jam layanan diperpanjang")).await;
    let resp = ubah(&c, &c.camat, &q1, &a, json!({"status": "selesai"})).await;
    assert_eq!(resp.status(), 200);

    let sebelumnya = |s: &Survei, token: &str| {
        let path = format!("/api/v1/survei/{}/tindak-lanjut-sebelumnya", s.id);
        let token = token.to_owned();
        let app = &c.app;
        async move {
            let resp = app.get(&path, Some(&token)).await;
            assert_eq!(resp.status(), 200);
            resp.json::<TindakLanjutSebelumnya>().await.unwrap()
        }
    };
    // Q2 and Q3 (Q2 has no plan) both review Q1's plan; Q1 has none before it.
    for s in [&q2, &q3] {
        let p = sebelumnya(s, &c.camat).await;
        let prev = p.survei.unwrap();
        assert_eq!(prev.id, q1.id);
        assert_eq!(prev.periode, format!("Triwulan I {}", this_year()));
        let statuses: Vec<StatusTindakLanjut> = p.items.iter().map(|t| t.status).collect();
        assert_eq!(
            statuses,
            [StatusTindakLanjut::Selesai, StatusTindakLanjut::Rencana]
        );
    }
    assert!(sebelumnya(&q1, &c.camat).await.survei.is_none());
    assert!(sebelumnya(&other, &c.admin).await.survei.is_none());
    // A reader of the published Q2 does not see the unpublished Q1's plan.
    let q2 = terbitkan(&c, &q2).await;
    let p = sebelumnya(&q2, &c.rina).await;
    assert!(p.survei.is_none() && p.items.is_empty());
    terbitkan(&c, &q1).await;
    assert_eq!(sebelumnya(&q2, &c.rina).await.items.len(), 2);
}
db_test!(tindak_lanjut_previous_plan_is_listed_with_the_next_survey);

fn grup(h: &HasilSurvei, d: DimensiProfil) -> Vec<(Option<&str>, u32, Option<f64>)> {
    h.per_profil
        .iter()
        .find(|p| p.dimensi == d)
        .unwrap()
        .kelompok
        .iter()
        .map(|k| (k.nilai.as_deref(), k.hasil.responden, k.ikm_tampil))
        .collect()
}

/// Five counted responses and a void one; every expected figure worked out by hand.
async fn survei_result_per_profile_group_worked_example(db: Db) {
    let c = chain(db).await;
    let s = survei_dibuka(&c, "Kecamatan Cipocok Jaya", 1).await;
    let rows: [([u8; 9], [Option<&str>; 4]); 6] = [
        (
            [4; 9],
            [
                Some("perempuan"),
                Some("30_39"),
                Some("s1"),
                Some("pns_tni_polri"),
            ],
        ),
        (
            [3; 9],
            [
                Some("perempuan"),
                Some("20_29"),
                Some("sma"),
                Some("wiraswasta"),
            ],
        ),
        (
            [2; 9],
            [
                Some("laki_laki"),
                Some("30_39"),
                Some("s1"),
                Some("pns_tni_polri"),
            ],
        ),
        (
            [4, 4, 4, 4, 4, 4, 4, 4, 1],
            [Some("laki_laki"), None, None, None],
        ),
        ([1; 9], [None; 4]),
        // Voided below: must not count anywhere.
        (
            [4; 9],
            [
                Some("perempuan"),
                Some("30_39"),
                Some("sma"),
                Some("lainnya"),
            ],
        ),
    ];
    for (i, (u, p)) in rows.into_iter().enumerate() {
        kirim(&c, &s, u, p, &format!("profil-peramban-{i:04}")).await;
    }
    let page: Page<ResponsSurvei> = c
        .app
        .get(&format!("/api/v1/survei/{}/respons", s.id), Some(&c.admin))
        .await
        .json()
        .await
        .unwrap();
    let void = page
        .items
        .iter()
        .find(|r| r.pekerjaan.is_some_and(|p| p.as_str() == "lainnya"))
        .unwrap();
    let resp = c
        .app
        .post_json(
            &format!("/api/v1/survei/{}/respons/{}/batal", s.id, void.id),
            &json!({"alasan": "Isian ganda petugas"}),
            Some(&c.admin),
        )
        .await;
    assert_eq!(resp.status(), 200);

    let h: HasilSurvei = c
        .app
        .get(&format!("/api/v1/survei/{}/hasil", s.id), Some(&c.camat))
        .await
        .json()
        .await
        .unwrap();
    // Overall: U1–U8 (4+3+2+4+1)/5 = 2,8, U9 (4+3+2+1+1)/5 = 2,2;
    // IKM = (8 × 2,8 + 2,2)/9 × 25 = 68,333… → 68,33, mutu C.
    assert_eq!((h.hasil.responden, h.dibatalkan), (5, 1));
    assert_eq!(h.hasil.nrr_per_unsur[0].total_nilai, 14);
    assert_eq!(h.hasil.nrr_per_unsur[8].total_nilai, 11);
    assert!((h.hasil.ikm.unwrap() - 24.6 / 9.0 * 25.0).abs() < 1e-9);
    assert_eq!((h.ikm_tampil, h.hasil.mutu), (Some(68.33), Some(Mutu::C)));
    assert_eq!(h.per_layanan[0].hasil.responden, 5);

    // Laki-laki: U1–U8 (2+4)/2 = 3, U9 (2+1)/2 = 1,5 → (24 + 1,5)/9 × 25 = 70,83.
    // Perempuan: 3,5 everywhere → 87,5. Blank: 1 → 25.
    assert_eq!(
        grup(&h, DimensiProfil::JenisKelamin),
        [
            (Some("laki_laki"), 2, Some(70.83)),
            (Some("perempuan"), 2, Some(87.5)),
            (None, 1, Some(25.0)),
        ]
    );
    // Blank age (responses 4 and 5): U1–U8 (4+1)/2 = 2,5, U9 1 → (20 + 1)/9 × 25 = 58,33.
    assert_eq!(
        grup(&h, DimensiProfil::Usia),
        [
            (Some("20_29"), 1, Some(75.0)),
            (Some("30_39"), 2, Some(75.0)),
            (None, 2, Some(58.33)),
        ]
    );
    assert_eq!(
        grup(&h, DimensiProfil::Pendidikan),
        [
            (Some("sma"), 1, Some(75.0)),
            (Some("s1"), 2, Some(75.0)),
            (None, 2, Some(58.33)),
        ]
    );
    assert_eq!(
        grup(&h, DimensiProfil::Pekerjaan),
        [
            (Some("pns_tni_polri"), 2, Some(75.0)),
            (Some("wiraswasta"), 1, Some(75.0)),
            (None, 2, Some(58.33)),
        ]
    );
    let laki = &h.per_profil[0].kelompok[0].hasil;
    assert_eq!(
        (
            laki.nrr_per_unsur[8].jumlah_jawaban,
            laki.nrr_per_unsur[8].total_nilai
        ),
        (2, 3)
    );
    assert_eq!(laki.mutu, Some(Mutu::C));
    assert_eq!(laki.kinerja_unit, Some(KinerjaUnit::KurangBaik));
}
db_test!(survei_result_per_profile_group_worked_example);

/// 10 000 stored responses: the result comes from aggregates and equals the totals computed
/// here. Its speed is shown by `make bench-http`, not asserted here.
async fn survei_result_of_ten_thousand_responses_from_aggregates(db: Db) {
    use kinerja::entities::survei_respons;
    use sea_orm::{EntityTrait, Set};
    let c = chain(db).await;
    let s = survei_dibuka(&c, "Kecamatan Cipocok Jaya", 1).await;
    let mut totals = [0u64; 9];
    let mut x: u32 = 7;
    let mut rows = Vec::with_capacity(10_000);
    for i in 0..10_000u32 {
        let mut u = [None; 9];
        for (k, v) in u.iter_mut().enumerate() {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let a = i16::try_from((x >> 16) % 4 + 1).unwrap();
            *v = Some(a);
            totals[k] += u64::try_from(a).unwrap();
        }
        let jk = ["laki_laki", "perempuan"][(i % 2) as usize];
        rows.push(survei_respons::ActiveModel {
            id: Set(Uuid::now_v7()),
            survei_id: Set(s.id),
            layanan: Set(["KTP elektronik", "Kartu keluarga"][(i % 3 / 2) as usize].into()),
            u1: Set(u[0]),
            u2: Set(u[1]),
            u3: Set(u[2]),
            u4: Set(u[3]),
            u5: Set(u[4]),
            u6: Set(u[5]),
            u7: Set(u[6]),
            u8: Set(u[7]),
            u9: Set(u[8]),
            jenis_kelamin: Set(Some(jk.into())),
            usia: Set(None),
            pendidikan: Set(None),
            pekerjaan: Set(None),
            saran: Set(None),
            sumber: Set("kertas".into()),
            token_hash: Set(None),
            ip_hash: Set(None),
            dibatalkan_at: Set(None),
            dibatalkan_oleh: Set(None),
            alasan_batal: Set(None),
            created_at: Set(chrono::Utc::now()),
        });
    }
    while !rows.is_empty() {
        let rest = rows.split_off(rows.len().saturating_sub(500));
        survei_respons::Entity::insert_many(rest)
            .exec(&c.app.db)
            .await
            .unwrap();
    }
    let path = format!("/api/v1/survei/{}/hasil", s.id);
    let h: HasilSurvei = c.app.get(&path, Some(&c.camat)).await.json().await.unwrap();
    assert_eq!(h.hasil.responden, 10_000);
    let got: Vec<u64> = h
        .hasil
        .nrr_per_unsur
        .iter()
        .map(|u| u.total_nilai)
        .collect();
    assert_eq!(got, totals);
    let expected = totals.iter().map(|&t| t as f64 / 10_000.0).sum::<f64>() / 9.0 * 25.0;
    assert!((h.hasil.ikm.unwrap() - expected).abs() < 1e-9);
    assert_eq!(
        h.per_layanan.iter().map(|l| l.hasil.responden).sum::<u32>(),
        10_000
    );
    assert_eq!(grup(&h, DimensiProfil::JenisKelamin).len(), 2);
}
db_test!(survei_result_of_ten_thousand_responses_from_aggregates);

/// The public list shows only what units published: the latest published survey and the
/// trend of the published ones, never an unpublished survey or unit.
async fn ikm_publik_lists_only_published_results(db: Db) {
    let c = chain(db).await;
    let q1 = survei_dibuka(&c, "Kecamatan Cipocok Jaya", 1).await;
    let q2 = survei_dibuka(&c, "Kecamatan Cipocok Jaya", 2).await;
    let q3 = survei_dibuka(&c, "Kecamatan Cipocok Jaya", 3).await;
    let pkm = survei_dibuka(&c, "Puskesmas Banjar Agung", 1).await;
    for (i, (s, u)) in [
        (&q1, [3u8; 9]),
        (&q2, [4; 9]),
        (&q2, [3; 9]),
        (&q3, [1; 9]),
        (&pkm, [2; 9]),
    ]
    .into_iter()
    .enumerate()
    {
        kirim(&c, s, u, [None; 4], &format!("publik-peramban-{i:04}")).await;
    }
    // Nothing published yet.
    let resp = c.app.get("/api/v1/publik/ikm", None).await;
    assert_eq!(resp.status(), 200);
    let page: Page<IkmPublik> = resp.json().await.unwrap();
    assert_eq!((page.total, page.items.len()), (0, 0));

    terbitkan(&c, &q2).await;
    terbitkan(&c, &q1).await;
    let resp = c.app.get("/api/v1/publik/ikm", None).await;
    let text = resp.text().await.unwrap();
    assert!(!text.contains("Puskesmas"), "{text}");
    let page: Page<IkmPublik> = serde_json::from_str(&text).unwrap();
    assert_eq!(page.total, 1);
    let k = &page.items[0];
    let tahun = this_year();
    assert_eq!(k.unit_nama, "Kecamatan Cipocok Jaya");
    // The latest published is Q2 (Q3 is later but unpublished): (4 + 3)/2 → 87,5, B.
    assert_eq!(k.periode, format!("Triwulan II {tahun}"));
    assert_eq!((k.ikm, k.mutu, k.responden), (Some(87.5), Some(Mutu::B), 2));
    assert_eq!(k.kinerja_unit, Some(KinerjaUnit::Baik));
    let tren: Vec<(&str, Option<f64>)> =
        k.tren.iter().map(|t| (t.periode.as_str(), t.ikm)).collect();
    assert_eq!(
        tren,
        [
            (format!("Triwulan I {tahun}").as_str(), Some(75.0)),
            (format!("Triwulan II {tahun}").as_str(), Some(87.5)),
        ]
    );
    // By name.
    let page: Page<IkmPublik> = c
        .app
        .get("/api/v1/publik/ikm?q=cipocok", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page.total, 1);
    let page: Page<IkmPublik> = c
        .app
        .get("/api/v1/publik/ikm?q=banjar", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page.total, 0);
    let resp = c.app.get("/api/v1/publik/ikm?per_page=51", None).await;
    let e = assert_problem(resp, 422, ErrorCode::ValidationFailed).await;
    assert!(!e.field_errors("per_page").is_empty());
}
db_test!(ikm_publik_lists_only_published_results);

async fn register(c: &Chain, unit: &str, scopes: &[&str]) -> ApiClientCreated {
    let unit = unit_named(&c.app, &c.admin, unit).await;
    let resp = c
        .app
        .post_json(
            "/api/v1/api-clients",
            &json!({"nama": "Portal SKM Provinsi", "unit_id": unit.id, "scopes": scopes}),
            Some(&c.admin),
        )
        .await;
    assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    resp.json().await.unwrap()
}

async fn client_token(c: &Chain, client: &ApiClientCreated) -> String {
    let resp = c
        .app
        .client
        .post(c.app.url("/api/v1/oauth/token"))
        .basic_auth(client.client.id.to_string(), Some(&client.client_secret))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let t: Value = resp.json().await.unwrap();
    t["access_token"].as_str().unwrap().to_owned()
}

async fn ikm_api(c: &Chain, token: Option<&str>, query: &str) -> Response {
    let mut req = c.app.client.get(c.app.url(&format!("/api/v1/ikm{query}")));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req.send().await.unwrap()
}

/// `GET /api/v1/ikm`: a client with `ikm:read` reads its unit's results, published or not; a
/// client without the scope is 403, no token 401.
async fn ikm_read_scope_gives_results_per_unit_and_period(db: Db) {
    let c = chain(db).await;
    let kec = survei_dibuka(&c, "Kecamatan Cipocok Jaya", 1).await;
    let pkm = survei_dibuka(&c, "Puskesmas Banjar Agung", 1).await;
    kirim(&c, &kec, [4; 9], [None; 4], "klien-peramban-0001").await;
    kirim(&c, &pkm, [1; 9], [None; 4], "klien-peramban-0002").await;

    let reader = register(&c, "Kecamatan Cipocok Jaya", &["ikm:read"]).await;
    assert_eq!(
        reader.client.scopes,
        [kinerja_api::integrations::Scope::IkmRead]
    );
    let token = client_token(&c, &reader).await;
    let resp = ikm_api(&c, Some(&token), "").await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    let page: Page<IkmSurvei> = resp.json().await.unwrap();
    // The Puskesmas is not below the Kecamatan; the unpublished survey is there.
    assert_eq!(page.total, 1);
    let r = &page.items[0];
    assert_eq!((r.survei_id, r.dipublikasikan), (kec.id, false));
    assert_eq!((r.ikm_tampil, r.hasil.responden), (Some(100.0), 1));
    assert_eq!(r.periode, format!("Triwulan I {}", this_year()));
    for (query, n) in [
        (format!("?tahun={}", this_year()), 1),
        (format!("?tahun={}", this_year() - 1), 0),
        (format!("?period_id={}", c.periode.id), 1),
        (format!("?unit_id={}", pkm.unit_id), 0),
    ] {
        let page: Page<IkmSurvei> = ikm_api(&c, Some(&token), &query)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(page.total, n, "{query}");
    }
    let resp = ikm_api(&c, Some(&token), "?tahun=1800").await;
    assert_problem(resp, 422, ErrorCode::ValidationFailed).await;

    let other = register(&c, "Kecamatan Cipocok Jaya", &["pegawai:read"]).await;
    let other_token = client_token(&c, &other).await;
    assert_problem(
        ikm_api(&c, Some(&other_token), "").await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    assert_problem(ikm_api(&c, None, "").await, 401, ErrorCode::Unauthorized).await;
    // A staff token is not a client token.
    assert_problem(
        ikm_api(&c, Some(&c.admin), "").await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
}
db_test!(ikm_read_scope_gives_results_per_unit_and_period);
