//! The cycle's escalating reminders (#19, docs/pengingat.md) along the year on the demo chain:
//! the SKP deadline reminds the employee, then the PPKin of what waits, then escalates to the
//! PPKin and the Atasan PPKin; a silenced unit is left out and reminded after; realisasi and
//! evaluations escalate per sub-period; the weekly digest; each sent once, also with two job
//! runs at the same moment; and who may set a silence.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use kinerja::pengingat::siklus::{self, Aturan};
use kinerja_api::auth::Role;
use kinerja_api::pengingat::JedaPengingat;
use kinerja_api::planning::{NotificationPage, Skp};
use kinerja_api::{ErrorCode, Page};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use serde_json::json;

use crate::helpers::*;
use crate::organisation::unit_named;
use crate::planning::{Chain, chain, this_year};

const ATURAN: Aturan = Aturan {
    sebelum: 7,
    ppkin: 3,
    atasan: 7,
    evaluasi: 10,
    ringkasan_hari: 1,
};

/// Noon of `day` in WIB (the demo instansi's zone).
fn noon(day: NaiveDate) -> chrono::DateTime<chrono::Utc> {
    local_time(day, 12, 0, 7)
}

async fn run(c: &Chain, day: NaiveDate) -> usize {
    siklus::jalankan(&c.app.db, noon(day), &ATURAN)
        .await
        .unwrap()
}

/// The reader's notifications of `kind`, newest first.
async fn of_kind(c: &Chain, token: &str, kind: &str) -> Vec<kinerja_api::planning::Notification> {
    let page: NotificationPage = c
        .app
        .get("/api/v1/notifications?per_page=100", Some(token))
        .await
        .json()
        .await
        .unwrap();
    page.items.into_iter().filter(|n| n.kind == kind).collect()
}

async fn set_deadline(c: &Chain, day: NaiveDate) {
    let mut p: kinerja::entities::periods::ActiveModel =
        kinerja::entities::periods::Entity::find_by_id(c.periode.id)
            .one(&c.app.db)
            .await
            .unwrap()
            .unwrap()
            .into();
    p.batas_penetapan_skp = Set(Some(day));
    p.update(&c.app.db).await.unwrap();
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(this_year(), m, d).unwrap()
}

async fn the_year_reminds_then_escalates_each_step_once(db: Db) {
    let c = chain(db).await;
    let kasubag_skp = c.upper_chain().await;
    let batas = day(1, 31);
    set_deadline(&c, batas).await;

    // A week before the deadline: Rina has no SKP, she is reminded — once, whatever the runs.
    assert!(run(&c, day(1, 27)).await > 0);
    run(&c, day(1, 27)).await;
    run(&c, day(1, 28)).await;
    let own = of_kind(&c, &c.rina, siklus::SKP_BATAS).await;
    assert_eq!(own.len(), 1, "{own:?}");
    assert_eq!(own[0].tautan.as_deref(), Some("/skp"));
    assert_eq!(own[0].params.as_ref().and_then(|p| p.tanggal), Some(batas));
    // The kasubag's SKP is approved: nothing for her own.
    assert!(of_kind(&c, &c.kasubag, siklus::SKP_BATAS).await.is_empty());

    // She submits: her PPKin (the kasubag) hears that an SKP waits for him.
    let skp = c.start(&c.rina).await;
    let skp = c.fill(&c.rina, &skp, kasubag_skp.rhk[0].id).await;
    assert_eq!(c.submit(&c.rina, &skp).await.status(), 200);
    run(&c, day(1, 30)).await;
    let waiting = of_kind(&c, &c.kasubag, siklus::SKP_MENUNGGU).await;
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].params.as_ref().and_then(|p| p.jumlah), Some(1));

    // Three days late, during a silence of the subbagian: nothing; after it, the PPKin.
    let subbag = unit_named(&c.app, &c.admin, "Subbagian Umum dan Kepegawaian").await;
    let resp = c
        .app
        .post_json(
            "/api/v1/pengingat/jeda",
            &json!({"unit_id": subbag.id, "mulai": day(2, 3), "selesai": day(2, 4), "alasan": "Cuti bersama"}),
            Some(&c.admin),
        )
        .await;
    assert_eq!(resp.status(), 201, "{}", resp.text().await.unwrap());
    run(&c, day(2, 3)).await;
    run(&c, day(2, 4)).await;
    assert!(
        of_kind(&c, &c.kasubag, siklus::SKP_TERLAMBAT)
            .await
            .is_empty()
    );
    run(&c, day(2, 5)).await;
    let late = of_kind(&c, &c.kasubag, siklus::SKP_TERLAMBAT).await;
    assert_eq!(late.len(), 1);
    let p = late[0].params.clone().unwrap();
    assert_eq!(p.hasil.as_deref(), Some(siklus::KE_PPKIN));
    assert!(p.jumlah.unwrap() >= 1, "Rina at least");
    assert!(
        late[0].pesan.contains("belum memiliki SKP"),
        "{}",
        late[0].pesan
    );
    // The sekcam hears as the PPKin of the sekretariat's staff, not yet as Rina's Atasan
    // PPKin …
    let as_atasan = |list: Vec<kinerja_api::planning::Notification>| {
        list.into_iter()
            .filter(|n| {
                n.params.as_ref().and_then(|p| p.hasil.as_deref()) == Some(siklus::KE_ATASAN)
            })
            .count()
    };
    assert_eq!(
        as_atasan(of_kind(&c, &c.sekcam, siklus::SKP_TERLAMBAT).await),
        0
    );
    // … until seven days after the deadline.
    run(&c, day(2, 7)).await;
    run(&c, day(2, 8)).await;
    assert_eq!(
        as_atasan(of_kind(&c, &c.sekcam, siklus::SKP_TERLAMBAT).await),
        1
    );
    assert_eq!(
        of_kind(&c, &c.kasubag, siklus::SKP_TERLAMBAT).await.len(),
        1
    );

    // Approved: January's realisasi is missing three days after its lock; the kasubag hears
    // of it, and that her evaluations of January are due.
    let skp: Skp = c
        .app
        .get(&format!("/api/v1/skp/{}", skp.id), Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(c.approve(&c.kasubag, &skp).await.status(), 200);
    let lock = day(1, 31) + Duration::days(i64::from(c.periode.jeda_kunci_realisasi_hari));
    // (The rules already ran on the 8th of February, before she was approved: a day runs
    // each rule once, so the next day is when the approved SKP counts.)
    run(&c, lock + Duration::days(4)).await;
    let r = of_kind(&c, &c.kasubag, siklus::REALISASI_TERLAMBAT).await;
    assert_eq!(r.len(), 1);
    let p = r[0].params.clone().unwrap();
    assert_eq!((p.periode_ke, p.tanggal), (Some(1), Some(lock)));
    assert!(p.jumlah.unwrap() >= 1);
    assert_eq!(r[0].tautan.as_deref(), Some("/realisasi/bawahan"));
    let e = of_kind(&c, &c.kasubag, siklus::EVALUASI_BATAS).await;
    assert_eq!(e.len(), 1);
    assert_eq!(
        e[0].params.as_ref().and_then(|p| p.tanggal),
        Some(lock + Duration::days(10))
    );
    // Seven days after the lock the sekcam; thirteen, the evaluations are late to the sekcam.
    run(&c, lock + Duration::days(7)).await;
    assert_eq!(
        as_atasan(of_kind(&c, &c.sekcam, siklus::REALISASI_TERLAMBAT).await),
        1
    );
    assert!(
        of_kind(&c, &c.sekcam, siklus::EVALUASI_TERLAMBAT)
            .await
            .is_empty()
    );
    run(&c, lock + Duration::days(13)).await;
    let el = of_kind(&c, &c.sekcam, siklus::EVALUASI_TERLAMBAT).await;
    assert_eq!(el.len(), 1);
    assert_eq!(el[0].params.as_ref().and_then(|p| p.periode_ke), Some(1));

    // The weekly digest on a Monday: the camat leads a kecamatan with steps behind; once.
    let mut monday = lock + Duration::days(14);
    while monday.weekday() != Weekday::Mon {
        monday += Duration::days(1);
    }
    // (An earlier run may have fallen on a Monday too: one digest per week.)
    let before = of_kind(&c, &c.camat, siklus::RINGKASAN).await.len();
    run(&c, monday).await;
    siklus::jalankan(&c.app.db, noon(monday) + Duration::hours(3), &ATURAN)
        .await
        .unwrap();
    run(&c, monday + Duration::days(1)).await;
    let digest = of_kind(&c, &c.camat, siklus::RINGKASAN).await;
    assert_eq!(digest.len(), before + 1);
    assert!(digest[0].params.as_ref().and_then(|p| p.jumlah).unwrap() > 0);
    assert_eq!(digest[0].tautan.as_deref(), Some("/dasbor"));
    // Not a pimpinan: no digest.
    assert!(of_kind(&c, &c.rina, siklus::RINGKASAN).await.is_empty());
}
db_test!(the_year_reminds_then_escalates_each_step_once);

/// Two servers running the jobs at the same moment send each reminder once.
async fn two_servers_send_each_reminder_once(db: Db) {
    let c = chain(db).await;
    set_deadline(&c, day(1, 31)).await;
    let other = sea_orm::Database::connect(c.app.db_url())
        .await
        .expect("a second connection");
    let at = noon(day(1, 28));
    let (a, b) = tokio::join!(
        siklus::jalankan(&c.app.db, at, &ATURAN),
        siklus::jalankan(&other, at, &ATURAN)
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert!(a + b > 0);
    let mine = of_kind(&c, &c.rina, siklus::SKP_BATAS).await;
    assert_eq!(mine.len(), 1, "sent {a} + {b}");
    use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter};
    let sent = kinerja::entities::notifications::Entity::find()
        .filter(kinerja::entities::notifications::Column::Kind.eq(siklus::SKP_BATAS))
        .count(&c.app.db)
        .await
        .unwrap();
    assert_eq!(sent as usize, a + b, "every key sent is one notification");
}
db_test!(two_servers_send_each_reminder_once);

async fn only_the_hr_office_silences_reminders(db: Db) {
    let c = chain(db).await;
    let kel = unit_named(&c.app, &c.admin, "Kelurahan Gelam").await;
    let today = (chrono::Utc::now() + Duration::hours(7)).date_naive();
    let body = json!({"unit_id": kel.id, "mulai": today, "selesai": today + Duration::days(9), "alasan": "Cuti bersama Idulfitri"});
    let path = "/api/v1/pengingat/jeda";
    assert_eq!(c.app.post_json(path, &body, None).await.status(), 401);
    for token in [&c.rina, &c.camat] {
        assert_problem(
            c.app.post_json(path, &body, Some(token)).await,
            403,
            ErrorCode::Forbidden,
        )
        .await;
        assert_eq!(c.app.get(path, Some(token)).await.status(), 403);
    }
    let (_, auditor) = c.app.signed_in("auditor.jeda", &[Role::Auditor]).await;
    assert_eq!(c.app.get(path, Some(&auditor)).await.status(), 403);

    // Bad input: a clear error per field, nothing stored.
    for (bad, field) in [
        (
            json!({"mulai": today, "selesai": today - Duration::days(1), "alasan": "Cuti"}),
            "selesai",
        ),
        (
            json!({"mulai": today, "selesai": today + Duration::days(92), "alasan": "Cuti"}),
            "selesai",
        ),
        (
            json!({"mulai": today, "selesai": today, "alasan": "   "}),
            "alasan",
        ),
        (
            json!({"unit_id": uuid::Uuid::new_v4(), "mulai": today, "selesai": today, "alasan": "Cuti"}),
            "unit_id",
        ),
    ] {
        let e = assert_problem(
            c.app.post_json(path, &bad, Some(&c.admin)).await,
            422,
            ErrorCode::ValidationFailed,
        )
        .await;
        assert!(!e.field_errors(field).is_empty(), "{field}: {:?}", e.errors);
    }
    let list: Page<JedaPengingat> = c.app.get(path, Some(&c.admin)).await.json().await.unwrap();
    assert_eq!(list.total, 0);

    let resp = c.app.post_json(path, &body, Some(&c.admin)).await;
    assert_eq!(resp.status(), 201);
    let j: JedaPengingat = resp.json().await.unwrap();
    assert_eq!(j.unit_nama.as_deref(), Some("Kelurahan Gelam"));
    assert!(j.berlaku);
    let whole = json!({"mulai": today + Duration::days(30), "selesai": today + Duration::days(31), "alasan": "Libur nasional"});
    let w: JedaPengingat = c
        .app
        .post_json(path, &whole, Some(&c.admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((w.unit_id, w.berlaku), (None, false));
    let list: Page<JedaPengingat> = c.app.get(path, Some(&c.admin)).await.json().await.unwrap();
    assert_eq!(list.total, 2);

    let del = format!("{path}/{}", j.id);
    let resp = c
        .app
        .client
        .delete(c.app.url(&del))
        .bearer_auth(&c.rina)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 403);
    let resp = c
        .app
        .client
        .delete(c.app.url(&del))
        .bearer_auth(&c.admin)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 204);
    let resp = c
        .app
        .client
        .delete(c.app.url(&del))
        .bearer_auth(&c.admin)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    let audit: serde_json::Value = c
        .app
        .get("/api/v1/audit?entity_type=pengingat_jeda", Some(&c.admin))
        .await
        .json()
        .await
        .unwrap();
    let actions: Vec<&str> = audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert!(actions.contains(&"pengingat_jeda.created"), "{actions:?}");
    assert!(actions.contains(&"pengingat_jeda.deleted"), "{actions:?}");
}
db_test!(only_the_hr_office_silences_reminders);
