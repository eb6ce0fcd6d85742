//! Personal data under UU 27/2022 (docs/privasi.md): Data Saya (Pasal 32) is one's own only,
//! lists who read the full record and who changed what, and is logged; the HR office and the
//! auditor list reads for a breach notice (Pasal 46), others may not; an unusual number of
//! reads alerts the admins once per hour; leavers' private fields are erased after the
//! retention period, the performance record kept.

use std::process::Command;

use chrono::{Duration, Months, Utc};
use kinerja::entities::{
    akses_data_pribadi, audit_events, employees, notifications, pegawai_keluar, peringatan_akses,
    users,
};
use kinerja_api::Page;
use kinerja_api::auth::Role;
use kinerja_api::employees::Employee;
use kinerja_api::privasi::{AksesData, DataSaya, JenisAkses};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::json;
use uuid::Uuid;

use crate::helpers::*;
use crate::organisation::{demo_app, demo_app_with};

async fn employee(app: &TestApp, token: &str, nip: &str) -> Employee {
    let list: Page<Employee> = app
        .get(&format!("/api/v1/employees?q={nip}"), Some(token))
        .await
        .json()
        .await
        .unwrap();
    list.items.into_iter().next().expect("the employee")
}

async fn me(app: &TestApp, token: &str) -> Uuid {
    app.get("/api/v1/auth/me", Some(token))
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

async fn read_full(app: &TestApp, token: &str, id: Uuid) {
    let r = app
        .get(&format!("/api/v1/employees/{id}"), Some(token))
        .await;
    assert_eq!(r.status(), 200);
}

async fn patch(app: &TestApp, token: &str, id: Uuid, body: serde_json::Value) -> Employee {
    let current: Employee = app
        .get(&format!("/api/v1/employees/{id}"), Some(token))
        .await
        .json()
        .await
        .unwrap();
    let mut body = body;
    body["lock_version"] = json!(current.lock_version);
    let r = app
        .patch_json(&format!("/api/v1/employees/{id}"), &body, Some(token))
        .await;
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    r.json().await.unwrap()
}

fn pdf_text(bytes: &[u8]) -> String {
    let pdf = lopdf::Document::load_mem(bytes).expect("a parseable PDF");
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    pdf.extract_text(&pages)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

async fn data_saya_is_ones_own_with_who_read_and_changed_it(db: Db) {
    let (app, admin) = demo_app(db).await;
    let admin_id = me(&app, &admin).await;
    let rina = employee(&app, &admin, kinerja::demo::PELAKSANA_NIP).await;
    let camat = employee(&app, &admin, kinerja::demo::CAMAT_NIP).await;
    // The HR office reads her full record and corrects her phone number.
    read_full(&app, &admin, rina.id).await;
    patch(&app, &admin, rina.id, json!({"telepon": "081234567890"})).await;

    let (own, _) = app.login(kinerja::demo::PELAKSANA_NIP, TEST_PASSWORD).await;
    let r = app.get("/api/v1/saya/data", Some(&own.access_token)).await;
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let data: DataSaya = r.json().await.unwrap();
    assert_eq!(data.pegawai.id, rina.id);
    assert_eq!(data.pegawai.telepon.as_deref(), Some("081234567890"));
    assert_eq!(
        data.akun.as_ref().map(|a| a.username.as_str()),
        Some(kinerja::demo::PELAKSANA_NIP)
    );
    let kunci: Vec<&str> = data.bagian.iter().map(|b| b.kunci.as_str()).collect();
    for k in [
        "assignments",
        "skps",
        "skp_rhk",
        "skp_iki",
        "realisasi",
        "evaluations",
        "keberatan",
        "catatan_pengembangan",
    ] {
        assert!(kunci.contains(&k), "{k} in {kunci:?}");
    }
    let jabatan = &data.bagian[0];
    assert_eq!(jabatan.kunci, "assignments");
    assert!(!jabatan.baris.is_empty(), "her position history");
    assert!(
        jabatan
            .baris
            .iter()
            .all(|b| b["employee_id"] == json!(rina.id.to_string()))
    );
    // Who read her full record: the HR office (twice: once more before its edit), on the
    // strength of its role.
    assert_eq!(data.akses.len(), 2, "{:?}", data.akses);
    for a in &data.akses {
        assert_eq!(
            (
                a.aktor_id,
                a.aktor_username.as_deref(),
                a.jenis,
                a.dasar.as_str()
            ),
            (
                admin_id,
                Some("admin.uji"),
                JenisAkses::Detail,
                "semua_pegawai"
            )
        );
    }
    // Who changed what.
    let ubah = data
        .perubahan
        .iter()
        .find(|e| e.action == "employee.updated")
        .expect("the HR office's change");
    assert_eq!(ubah.actor_id, Some(admin_id));
    assert_eq!(ubah.after.as_ref().unwrap()["telepon"], "081234567890");
    assert!(
        data.perubahan
            .iter()
            .all(|e| e.entity_id.as_deref() != Some(&camat.id.to_string())),
        "nothing about anyone else"
    );

    // The download itself is logged, and not listed back as a read by someone else.
    let log = akses_data_pribadi::Entity::find()
        .filter(akses_data_pribadi::Column::Jenis.eq("data_saya"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].pegawai_id, log[0].dasar.as_str()),
        (Some(rina.id), "pemilik_data")
    );

    // The PDF says the same, readably.
    let r = app
        .get("/api/v1/saya/data.pdf", Some(&own.access_token))
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let text = pdf_text(&r.bytes().await.unwrap());
    assert!(text.contains("DATA PRIBADI"), "{text}");
    assert!(text.contains("admin.uji"), "{text}");
    assert!(text.contains("employee.updated"), "{text}");
    let again: DataSaya = app
        .get("/api/v1/saya/data", Some(&own.access_token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        again.akses.len(),
        2,
        "her own downloads are not reads by others"
    );

    // No one gets another's: the camat gets his own, whatever he names; an account without
    // an employee record has none; no token, no data.
    let (camat_login, _) = app.login(kinerja::demo::CAMAT_NIP, TEST_PASSWORD).await;
    let r = app
        .get(
            &format!("/api/v1/saya/data?pegawai_id={}", rina.id),
            Some(&camat_login.access_token),
        )
        .await;
    let theirs: DataSaya = r.json().await.unwrap();
    assert_eq!(theirs.pegawai.id, camat.id);
    let r = app
        .get(
            &format!("/api/v1/saya/data/{}", rina.id),
            Some(&camat_login.access_token),
        )
        .await;
    assert_eq!(r.status(), 404);
    let r = app.get("/api/v1/saya/data", Some(&admin)).await;
    assert_eq!(r.status(), 404);
    let r = app.get("/api/v1/saya/data.pdf", Some(&admin)).await;
    assert_eq!(r.status(), 404);
    assert_eq!(app.get("/api/v1/saya/data", None).await.status(), 401);
    assert_eq!(app.get("/api/v1/saya/data.pdf", None).await.status(), 401);
}
db_test!(data_saya_is_ones_own_with_who_read_and_changed_it);

async fn the_hr_office_and_the_auditor_list_reads_for_a_breach_notice(db: Db) {
    let (app, admin) = demo_app(db).await;
    let rina = employee(&app, &admin, kinerja::demo::PELAKSANA_NIP).await;
    let camat = employee(&app, &admin, kinerja::demo::CAMAT_NIP).await;
    let (auditor_user, auditor) = app.signed_in("auditor.uji", &[Role::Auditor]).await;
    let sebelum = Utc::now() - Duration::seconds(5);
    read_full(&app, &admin, rina.id).await;
    read_full(&app, &auditor, rina.id).await;
    read_full(&app, &auditor, camat.id).await;
    assert_eq!(
        app.get("/api/v1/employees/export", Some(&admin))
            .await
            .status(),
        200
    );

    let page: Page<AksesData> = app
        .get("/api/v1/privasi/akses", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page.total, 4);
    assert_eq!(page.items[0].jenis, JenisAkses::Ekspor, "newest first");
    let by_auditor: Page<AksesData> = app
        .get(
            &format!(
                "/api/v1/privasi/akses?aktor_id={}&jenis=detail",
                auditor_user.id
            ),
            Some(&auditor),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(by_auditor.total, 2);
    assert!(
        by_auditor
            .items
            .iter()
            .all(|a| a.aktor_username.as_deref() == Some("auditor.uji"))
    );
    let of_rina: Page<AksesData> = app
        .get(
            &format!("/api/v1/privasi/akses?pegawai_id={}&per_page=1", rina.id),
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((of_rina.total, of_rina.items.len()), (2, 1));
    assert_eq!(
        of_rina.items[0].pegawai_nip.as_deref(),
        Some(kinerja::demo::PELAKSANA_NIP)
    );
    let dari = (sebelum + Duration::days(1))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        .replace('+', "%2B");
    let later: Page<AksesData> = app
        .get(&format!("/api/v1/privasi/akses?dari={dari}"), Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(later.total, 0, "a period after the reads");
    let sampai = sebelum
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        .replace('+', "%2B");
    let r = app
        .get(
            &format!("/api/v1/privasi/akses?dari={dari}&sampai={sampai}"),
            Some(&admin),
        )
        .await;
    assert_eq!(r.status(), 422);
    let r = app.get("/api/v1/privasi/akses?siapa=x", Some(&admin)).await;
    assert_eq!(r.status(), 422, "an unknown filter");

    // The CSV for the notice.
    let r = app
        .get(
            &format!("/api/v1/privasi/akses.csv?pegawai_id={}", rina.id),
            Some(&admin),
        )
        .await;
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = r.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[0].contains("waktu_utc"));
    assert!(lines[1].contains("auditor.uji") && lines[1].contains(kinerja::demo::PELAKSANA_NIP));
    assert!(lines[2].contains("admin.uji"));

    // Pegawai and pimpinan may not; nor anyone signed out.
    let (pegawai, _) = app.login(kinerja::demo::PELAKSANA_NIP, TEST_PASSWORD).await;
    let (pimpinan, _) = app.login(kinerja::demo::CAMAT_NIP, TEST_PASSWORD).await;
    for token in [&pegawai.access_token, &pimpinan.access_token] {
        for path in ["/api/v1/privasi/akses", "/api/v1/privasi/akses.csv"] {
            assert_eq!(app.get(path, Some(token)).await.status(), 403, "{path}");
        }
    }
    assert_eq!(app.get("/api/v1/privasi/akses", None).await.status(), 401);
    assert_eq!(
        app.get("/api/v1/privasi/akses.csv", None).await.status(),
        401
    );
}
db_test!(the_hr_office_and_the_auditor_list_reads_for_a_breach_notice);

async fn alerts(app: &TestApp) -> Vec<notifications::Model> {
    notifications::Entity::find()
        .filter(notifications::Column::Kind.eq(kinerja::privasi::peringatan::KIND))
        .all(&app.db)
        .await
        .unwrap()
}

async fn many_reads_in_an_hour_alert_the_admins_once(db: Db) {
    let (app, admin) = demo_app_with(db, |c| {
        c.insert("KINERJA_PDP_BACA_PER_JAM".into(), "2".into());
    })
    .await;
    // The kasubag umum is an admin with an employee record: she receives the alert.
    app.create_user(
        kinerja::demo::KASUBAG_UMUM_NIP,
        &[Role::Admin, Role::Pegawai],
    )
    .await;
    kinerja::demo::link_accounts(&app.db).await.unwrap();
    let kasubag = employee(&app, &admin, kinerja::demo::KASUBAG_UMUM_NIP).await;
    let rina = employee(&app, &admin, kinerja::demo::PELAKSANA_NIP).await;
    let camat = employee(&app, &admin, kinerja::demo::CAMAT_NIP).await;
    let (auditor_user, auditor) = app.signed_in("auditor.uji", &[Role::Auditor]).await;
    users::ActiveModel {
        id: Set(auditor_user.id),
        full_name: Set("Auditor Inspektorat".into()),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap();

    // Two full records: at the limit, no alert.
    read_full(&app, &auditor, rina.id).await;
    read_full(&app, &auditor, camat.id).await;
    assert!(alerts(&app).await.is_empty());
    // A third: one alert to the admin of the instansi.
    read_full(&app, &auditor, kasubag.id).await;
    let sent = alerts(&app).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].recipient_employee_id, kasubag.id);
    assert!(sent[0].pesan.contains("auditor.uji"), "{}", sent[0].pesan);
    assert!(sent[0].pesan.contains('3'), "{}", sent[0].pesan);
    assert!(sent[0].email_diproses_at.is_none(), "the outbox mails it");
    // More reads in the same hour, and several servers checking at once: still one.
    read_full(&app, &auditor, rina.id).await;
    let now = Utc::now();
    let (a, b) = tokio::join!(
        kinerja::privasi::peringatan::periksa(&app.db, auditor_user.id, 2, now),
        kinerja::privasi::peringatan::periksa(&app.db, auditor_user.id, 2, now),
    );
    a.unwrap();
    b.unwrap();
    assert_eq!(alerts(&app).await.len(), 1);
    assert_eq!(
        peringatan_akses::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        1
    );
    // Someone else's reads are counted on their own; the owner's own reads not at all.
    let (own, _) = app.login(kinerja::demo::PELAKSANA_NIP, TEST_PASSWORD).await;
    for _ in 0..3 {
        read_full(&app, &own.access_token, rina.id).await;
        assert_eq!(
            app.get("/api/v1/saya/data", Some(&own.access_token))
                .await
                .status(),
            200
        );
    }
    read_full(&app, &admin, rina.id).await;
    assert_eq!(alerts(&app).await.len(), 1);
}
db_test!(many_reads_in_an_hour_alert_the_admins_once);

fn kinerja_cli(app: &TestApp, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(args)
        .env("KINERJA_DATABASE_URL", &app._database.url)
        .env("KINERJA_DATA_DIR", app._database.dir.path())
        .env("KINERJA_LOG_LEVEL", "warn")
        .env("KINERJA_RETENSI_TAHUN", "5")
        .output()
        .expect("run kinerja");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

async fn retention_erases_private_fields_of_those_who_left_long_ago(db: Db) {
    let (app, admin) = demo_app(db).await;
    let rina = employee(&app, &admin, kinerja::demo::PELAKSANA_NIP).await;
    let camat = employee(&app, &admin, kinerja::demo::CAMAT_NIP).await;
    let kasubag = employee(&app, &admin, kinerja::demo::KASUBAG_UMUM_NIP).await;
    let pribadi = json!({
        "tempat_lahir": "Serang",
        "email": "pribadi@example.id",
        "telepon": "081200000000",
    });
    for e in [&rina, &camat, &kasubag] {
        patch(&app, &admin, e.id, pribadi.clone()).await;
    }
    // Leaving records the day; coming back removes it.
    patch(&app, &admin, rina.id, json!({"status": "pensiun"})).await;
    patch(&app, &admin, kasubag.id, json!({"status": "mutasi_keluar"})).await;
    patch(&app, &admin, camat.id, json!({"status": "meninggal"})).await;
    patch(&app, &admin, camat.id, json!({"status": "aktif"})).await;
    let rows = pegawai_keluar::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(rows.len(), 2);
    // The day they left is the instansi's local day (WIB in the demo), not the UTC date.
    let today = (Utc::now() + Duration::hours(7)).date_naive();
    assert!(rows.iter().all(|r| r.tanggal_keluar == today), "{rows:?}");
    // Rina retired six years ago, the kasubag moved away two years ago; the camat is active.
    for (id, years) in [(rina.id, 6), (kasubag.id, 2)] {
        pegawai_keluar::ActiveModel {
            employee_id: Set(id),
            tanggal_keluar: Set(today.checked_sub_months(Months::new(12 * years)).unwrap()),
            ..Default::default()
        }
        .update(&app.db)
        .await
        .unwrap();
    }
    let rina_user = employees::Entity::find_by_id(rina.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .user_id
        .unwrap();
    users::ActiveModel {
        id: Set(rina_user),
        email: Set(Some("rina@example.id".into())),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap();

    let dry = kinerja_cli(&app, &["retention", "--dry-run"]);
    assert!(
        dry.contains("would erase the private fields of 1 people"),
        "{dry}"
    );
    assert!(dry.contains(kinerja::demo::PELAKSANA_NIP), "{dry}");
    assert!(
        dry.contains("tempat_lahir,email,telepon,email_akun"),
        "{dry}"
    );
    assert!(!dry.contains(kinerja::demo::KASUBAG_UMUM_NIP), "{dry}");
    let untouched = employees::Entity::find_by_id(rina.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(untouched.email.as_deref(), Some("pribadi@example.id"));

    let done = kinerja_cli(&app, &["retention"]);
    assert!(
        done.contains("erased the private fields of 1 people"),
        "{done}"
    );
    let erased = employees::Entity::find_by_id(rina.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            erased.tempat_lahir.as_deref(),
            erased.email.as_deref(),
            erased.telepon.as_deref()
        ),
        (None, None, None)
    );
    assert_eq!(erased.nip, kinerja::demo::PELAKSANA_NIP, "the NIP stays");
    assert_eq!(erased.nama, untouched.nama, "the name stays");
    let account = users::Entity::find_by_id(rina_user)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(account.email, None);
    for kept in [kasubag.id, camat.id] {
        let e = employees::Entity::find_by_id(kept)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(e.email.as_deref(), Some("pribadi@example.id"));
        assert_eq!(e.tempat_lahir.as_deref(), Some("Serang"));
    }
    // Audited: one event naming the erased fields, never their values; the chain intact.
    let events = audit_events::Entity::find()
        .filter(audit_events::Column::Action.eq(kinerja::privasi::retensi::AKSI))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].entity_id, Some(rina.id.to_string()));
    let text = serde_json::to_string(&events[0].before).unwrap();
    assert!(
        text.contains("telepon") && !text.contains("081200000000"),
        "{text}"
    );
    assert!(
        kinerja::audit::verify::verify(&app.db, None)
            .await
            .unwrap()
            .intact
    );
    // Idempotent.
    let again = kinerja_cli(&app, &["retention"]);
    assert!(again.contains("of 0 people"), "{again}");
    assert_eq!(
        audit_events::Entity::find()
            .filter(audit_events::Column::Action.eq(kinerja::privasi::retensi::AKSI))
            .count(&app.db)
            .await
            .unwrap(),
        1
    );
}
db_test!(retention_erases_private_fields_of_those_who_left_long_ago);
