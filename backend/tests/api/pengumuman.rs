//! Announcements (issue #19, docs/pengumuman.md): who writes to whom, who sees one on which
//! local day, read tracking, versions and every role that must not get in.

use chrono::{Duration, NaiveDate};
use kinerja_api::employees::Employee;
use kinerja_api::pengumuman::{PembacaPengumuman, Pengumuman, UnitSasaran};
use kinerja_api::{ErrorCode, Page};
use reqwest::Response;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::*;
use crate::planning::{Chain, chain, holder};

/// Today in the demo instansi's zone (WIB).
fn today() -> NaiveDate {
    (chrono::Utc::now() + Duration::hours(7)).date_naive()
}

async fn ok<T: serde::de::DeserializeOwned>(resp: Response, status: u16) -> T {
    let got = resp.status().as_u16();
    let text = resp.text().await.unwrap();
    assert_eq!(got, status, "{text}");
    serde_json::from_str(&text).unwrap()
}

fn body(judul: &str, sasaran: &str, extra: Value) -> Value {
    let mut b = json!({
        "judul": judul,
        "isi": "Batas penetapan SKP tahun depan adalah 31 Januari.\nHubungi subbagian kepegawaian.",
        "sasaran": sasaran,
        "mulai": today() - Duration::days(1),
        "selesai": today() + Duration::days(6),
    });
    if let (Some(b), Some(e)) = (b.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            b.insert(k.clone(), v.clone());
        }
    }
    b
}

async fn publish(c: &Chain, token: &str, b: Value) -> Response {
    c.app.post_json("/api/v1/pengumuman", &b, Some(token)).await
}

async fn banner(c: &Chain, token: &str) -> Vec<Pengumuman> {
    ok(
        c.app.get("/api/v1/pengumuman/aktif", Some(token)).await,
        200,
    )
    .await
}

async fn put(c: &Chain, token: &str, id: Uuid, b: &Value) -> Response {
    c.app
        .client
        .put(c.app.url(&format!("/api/v1/pengumuman/{id}")))
        .bearer_auth(token)
        .json(b)
        .send()
        .await
        .unwrap()
}

async fn mine(c: &Chain, token: &str) -> Page<Pengumuman> {
    ok(c.app.get("/api/v1/pengumuman", Some(token)).await, 200).await
}

async fn unit_of(c: &Chain, jabatan: &str) -> Uuid {
    let e: Employee = holder(&c.app, &c.admin, jabatan).await;
    e.unit_id.unwrap()
}

async fn an_announcement_reaches_its_unit_on_its_days_and_counts_its_readers(db: Db) {
    let c = chain(db).await;
    let subbag = unit_of(&c, "Pengadministrasi Perkantoran").await;
    let sekretariat = unit_of(&c, "Sekretaris Kecamatan").await;
    assert_ne!(subbag, sekretariat);

    let p: Pengumuman = ok(
        publish(
            &c,
            &c.admin,
            body("Penetapan SKP 2027", "unit", json!({"unit_id": subbag})),
        )
        .await,
        201,
    )
    .await;
    assert_eq!(p.jumlah_dibaca, Some(0));
    let audience = p.jumlah_sasaran.unwrap();
    assert!(audience >= 1, "Rina's unit has accounts");

    // Rina (in the unit) sees it unread; the sekcam (the unit above) and the camat do not.
    let rina_sees = banner(&c, &c.rina).await;
    assert_eq!(rina_sees.len(), 1);
    assert!(!rina_sees[0].dibaca);
    assert_eq!(rina_sees[0].jumlah_sasaran, None, "readers see no counts");
    assert!(!rina_sees[0].boleh_ubah);
    assert!(banner(&c, &c.sekcam).await.is_empty());
    assert!(banner(&c, &c.camat).await.is_empty());
    // Reading it: once, twice — one reader.
    for _ in 0..2 {
        let r = c
            .app
            .post_json(
                &format!("/api/v1/pengumuman/{}/dibaca", p.id),
                &json!({}),
                Some(&c.rina),
            )
            .await;
        assert_eq!(r.status(), 204);
    }
    assert!(banner(&c, &c.rina).await[0].dibaca);
    // Someone it is not for cannot mark it.
    assert_problem(
        c.app
            .post_json(
                &format!("/api/v1/pengumuman/{}/dibaca", p.id),
                &json!({}),
                Some(&c.sekcam),
            )
            .await,
        404,
        ErrorCode::NotFound,
    )
    .await;
    let list = mine(&c, &c.admin).await;
    assert_eq!(list.total, 1);
    assert_eq!(list.items[0].jumlah_dibaca, Some(1));
    assert_eq!(list.items[0].jumlah_sasaran, Some(audience));
    let readers: Page<PembacaPengumuman> = ok(
        c.app
            .get(
                &format!("/api/v1/pengumuman/{}/pembaca", p.id),
                Some(&c.admin),
            )
            .await,
        200,
    )
    .await;
    assert_eq!(readers.total, 1);
    let rina = holder(&c.app, &c.admin, "Pengadministrasi Perkantoran").await;
    assert_eq!(readers.items[0].nip.as_deref(), Some(rina.nip.as_str()));

    // To the whole instansi, and to a role: the camat (pimpinan) sees the latter, Rina not.
    let _: Pengumuman = ok(
        publish(
            &c,
            &c.admin,
            body("Sosialisasi e-Kinerja", "semua", json!({})),
        )
        .await,
        201,
    )
    .await;
    let _: Pengumuman = ok(
        publish(
            &c,
            &c.admin,
            body("Rapat pimpinan", "peran", json!({"peran": "pimpinan"})),
        )
        .await,
        201,
    )
    .await;
    let camat: Vec<String> = banner(&c, &c.camat)
        .await
        .into_iter()
        .map(|p| p.judul)
        .collect();
    assert_eq!(camat.len(), 2, "{camat:?}");
    assert!(camat.contains(&"Rapat pimpinan".to_owned()));
    let rina_now = banner(&c, &c.rina).await;
    assert_eq!(rina_now.len(), 2);
    assert_eq!(rina_now[0].judul, "Sosialisasi e-Kinerja", "unread first");

    // Days are the instansi's local days: not before mulai, not after selesai.
    for (mulai, selesai) in [
        (today() + Duration::days(1), today() + Duration::days(3)),
        (today() - Duration::days(5), today() - Duration::days(1)),
    ] {
        let _: Pengumuman = ok(
            publish(
                &c,
                &c.admin,
                body(
                    "Di luar hari",
                    "semua",
                    json!({"mulai": mulai, "selesai": selesai}),
                ),
            )
            .await,
            201,
        )
        .await;
    }
    assert_eq!(banner(&c, &c.rina).await.len(), 2);
    let showing: Page<Pengumuman> = ok(
        c.app
            .get("/api/v1/pengumuman?aktif=true", Some(&c.admin))
            .await,
        200,
    )
    .await;
    assert_eq!(showing.total, 3);
    assert_eq!(mine(&c, &c.admin).await.total, 5);

    // Withdrawn: gone from every banner.
    let r = c
        .app
        .client
        .delete(
            c.app
                .url(&format!("/api/v1/pengumuman/{}?lock_version=1", p.id)),
        )
        .bearer_auth(&c.admin)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    assert!(!banner(&c, &c.rina).await.iter().any(|x| x.id == p.id));
}
db_test!(an_announcement_reaches_its_unit_on_its_days_and_counts_its_readers);

async fn a_pimpinan_announces_to_the_units_they_lead_and_others_not_at_all(db: Db) {
    let c = chain(db).await;
    let subbag = unit_of(&c, "Pengadministrasi Perkantoran").await;
    let setda = unit_of(&c, "Sekretaris Daerah").await;
    let p: Pengumuman = ok(
        publish(
            &c,
            &c.camat,
            body("Apel pagi", "unit", json!({"unit_id": subbag})),
        )
        .await,
        201,
    )
    .await;
    assert!(p.boleh_ubah);
    assert_eq!(banner(&c, &c.rina).await.len(), 1);
    // The units offered to the camat are the ones they lead, their kecamatan first.
    let offered: Vec<UnitSasaran> = ok(
        c.app.get("/api/v1/pengumuman/unit", Some(&c.camat)).await,
        200,
    )
    .await;
    assert_eq!(offered[0].tingkat, 0);
    assert!(offered.iter().any(|u| u.id == subbag && u.tingkat >= 1));
    assert!(!offered.iter().any(|u| u.id == setda));
    let all: Vec<UnitSasaran> = ok(
        c.app.get("/api/v1/pengumuman/unit", Some(&c.admin)).await,
        200,
    )
    .await;
    assert!(all.len() > offered.len() && all.iter().any(|u| u.id == setda));
    assert_problem(
        c.app.get("/api/v1/pengumuman/unit", Some(&c.rina)).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    // Not to everyone, not outside their subtree.
    let e = assert_problem(
        publish(&c, &c.camat, body("Untuk semua", "semua", json!({}))).await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!e.field_errors("sasaran").is_empty());
    let e = assert_problem(
        publish(
            &c,
            &c.camat,
            body("Ke setda", "unit", json!({"unit_id": setda})),
        )
        .await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!e.field_errors("unit_id").is_empty());
    // The camat manages their own; the HR office sees them all.
    assert_eq!(mine(&c, &c.camat).await.total, 1);
    let _: Pengumuman = ok(
        publish(&c, &c.admin, body("Dari BKPSDM", "semua", json!({}))).await,
        201,
    )
    .await;
    assert_eq!(mine(&c, &c.camat).await.total, 1);
    assert_eq!(mine(&c, &c.admin).await.total, 2);
    // The camat may not change the HR office's one (it shows to them: 403), nor read its readers.
    let hr = mine(&c, &c.admin)
        .await
        .items
        .into_iter()
        .find(|x| x.judul == "Dari BKPSDM")
        .unwrap();
    let mut b = body("Dari BKPSDM (ubah)", "semua", json!({}));
    b["lock_version"] = json!(hr.lock_version);
    assert_problem(
        put(&c, &c.camat, hr.id, &b).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    assert_problem(
        c.app
            .get(
                &format!("/api/v1/pengumuman/{}/pembaca", hr.id),
                Some(&c.camat),
            )
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    // An employee writes and manages none; nobody signed out reads any.
    assert_problem(
        publish(
            &c,
            &c.rina,
            body("Dari staf", "unit", json!({"unit_id": subbag})),
        )
        .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    assert_problem(
        c.app.get("/api/v1/pengumuman", Some(&c.rina)).await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    assert_problem(
        c.app
            .get(
                &format!("/api/v1/pengumuman/{}/pembaca", p.id),
                Some(&c.rina),
            )
            .await,
        403,
        ErrorCode::Forbidden,
    )
    .await;
    assert_problem(
        c.app.get("/api/v1/pengumuman/aktif", None).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    assert_problem(
        publish(&c, "", body("x", "semua", json!({}))).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
}
db_test!(a_pimpinan_announces_to_the_units_they_lead_and_others_not_at_all);

async fn bad_announcements_are_refused_per_field(db: Db) {
    let c = chain(db).await;
    let cases: Vec<(Value, &str)> = vec![
        (body("Hi", "semua", json!({})), "judul"),
        (body("Judul", "semua", json!({"isi": "   "})), "isi"),
        (
            body(
                "Judul",
                "semua",
                json!({"mulai": today(), "selesai": today() - Duration::days(1)}),
            ),
            "selesai",
        ),
        (
            body(
                "Judul",
                "semua",
                json!({"mulai": today(), "selesai": today() + Duration::days(400)}),
            ),
            "selesai",
        ),
        (body("Judul", "unit", json!({})), "unit_id"),
        (
            body("Judul", "unit", json!({"unit_id": Uuid::new_v4()})),
            "unit_id",
        ),
        (body("Judul", "peran", json!({})), "peran"),
    ];
    for (b, field) in cases {
        let e = assert_problem(
            publish(&c, &c.admin, b.clone()).await,
            422,
            ErrorCode::ValidationFailed,
        )
        .await;
        assert!(!e.field_errors(field).is_empty(), "{field}: {b}");
    }
    assert_eq!(mine(&c, &c.admin).await.total, 0, "nothing was stored");
    // PUT without a version is refused on that field.
    let p: Pengumuman = ok(
        publish(&c, &c.admin, body("Judul", "semua", json!({}))).await,
        201,
    )
    .await;
    let e = assert_problem(
        put(&c, &c.admin, p.id, &body("Judul baru", "semua", json!({}))).await,
        422,
        ErrorCode::ValidationFailed,
    )
    .await;
    assert!(!e.field_errors("lock_version").is_empty());
}
db_test!(bad_announcements_are_refused_per_field);

async fn two_editors_of_one_announcement_one_wins(db: Db) {
    let c = chain(db).await;
    let p: Pengumuman = ok(
        publish(&c, &c.admin, body("Libur Lebaran", "semua", json!({}))).await,
        201,
    )
    .await;
    let (_, second) = c
        .app
        .signed_in("admin-kedua", &[kinerja_api::auth::Role::Admin])
        .await;
    let mut a = body("Libur Lebaran 1448 H", "semua", json!({}));
    a["lock_version"] = json!(p.lock_version);
    let mut b = body("Cuti bersama Lebaran", "semua", json!({}));
    b["lock_version"] = json!(p.lock_version);
    let (ra, rb) = tokio::join!(put(&c, &c.admin, p.id, &a), put(&c, &second, p.id, &b));
    let mut codes = [ra.status().as_u16(), rb.status().as_u16()];
    codes.sort_unstable();
    assert_eq!(codes, [200, 409]);
    let now = mine(&c, &c.admin).await.items.remove(0);
    assert_eq!(now.lock_version, p.lock_version + 1);
    // A reader who marked it read stays read after the edit.
    let _ = c
        .app
        .post_json(
            &format!("/api/v1/pengumuman/{}/dibaca", p.id),
            &json!({}),
            Some(&c.rina),
        )
        .await;
    let mut again = body("Cuti bersama", "semua", json!({}));
    again["lock_version"] = json!(now.lock_version);
    let edited: Pengumuman = ok(put(&c, &c.admin, p.id, &again).await, 200).await;
    assert_eq!(edited.jumlah_dibaca, Some(1));
    assert!(banner(&c, &c.rina).await[0].dibaca);
}
db_test!(two_editors_of_one_announcement_one_wins);
