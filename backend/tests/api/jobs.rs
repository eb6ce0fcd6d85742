//! Background jobs: reminders before a sub-period locks, and e-mail copies of notifications
//! delivered to a real SMTP server (aiosmtpd from PyPI, see `.ci/run`).

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use chrono::{Datelike, NaiveDate};
use kinerja_api::auth::Role;
use kinerja_api::planning::NotificationPage;
use serde_json::json;

use crate::helpers::*;
use crate::planning::chain;

async fn owners_with_empty_indicators_are_reminded_once_before_the_lock(db: Db) {
    let c = chain(db).await;
    let kasubag = c.upper_chain().await;
    let rina = c.agreed(&c.rina, &c.kasubag, Some(&kasubag)).await;
    // This month's sub-period locks on its last day plus the period's delay.
    let today = kinerja::clock::today();
    let next = if today.month() == 12 {
        NaiveDate::from_ymd_opt(today.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(today.year(), today.month() + 1, 1)
    }
    .unwrap();
    let batas = next.pred_opt().unwrap()
        + chrono::Duration::days(i64::from(c.periode.jeda_kunci_realisasi_hari));
    // Too early: nothing.
    assert_eq!(
        kinerja::jobs::remind_locks(
            &c.app.db,
            local_time(batas - chrono::Duration::days(4), 12, 0, 7),
            3
        )
        .await
        .unwrap(),
        0
    );
    // Rina fills every indicator; the four others (camat, sekcam, kasubag) have gaps.
    let k = today.month();
    for iki in &rina.rhk[0].iki {
        let url = c.app.url(&format!(
            "/api/v1/skp/{}/realisasi/{}?periode_ke={k}",
            rina.id,
            iki.id.unwrap()
        ));
        let resp = c
            .app
            .client
            .put(url)
            .bearer_auth(&c.rina)
            .json(&json!({"nilai": 1.0}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200);
    }
    let sent = kinerja::jobs::remind_locks(
        &c.app.db,
        local_time(batas - chrono::Duration::days(2), 12, 0, 7),
        3,
    )
    .await
    .unwrap();
    assert_eq!(sent, 3);
    let page: NotificationPage = c
        .app
        .get("/api/v1/notifications", Some(&c.kasubag))
        .await
        .json()
        .await
        .unwrap();
    let reminder = page
        .items
        .iter()
        .find(|n| n.kind == kinerja::notifications::KIND_AKAN_TERKUNCI)
        .expect("reminder");
    assert!(
        reminder
            .pesan
            .contains("3 indikator belum berisi realisasi"),
        "{}",
        reminder.pesan
    );
    assert!(
        reminder
            .tautan
            .as_deref()
            .unwrap()
            .starts_with(&format!("/realisasi?periode_ke={k}"))
    );
    let rina_page: NotificationPage = c
        .app
        .get("/api/v1/notifications", Some(&c.rina))
        .await
        .json()
        .await
        .unwrap();
    assert!(
        rina_page
            .items
            .iter()
            .all(|n| n.kind != kinerja::notifications::KIND_AKAN_TERKUNCI)
    );
    // Once per SKP and sub-period; and nothing after the lock date.
    assert_eq!(
        kinerja::jobs::remind_locks(
            &c.app.db,
            local_time(batas - chrono::Duration::days(1), 12, 0, 7),
            3
        )
        .await
        .unwrap(),
        0
    );
    // A perubahan SKP approved meanwhile does not remind the kasubag a second time.
    let v2: kinerja_api::planning::Skp = c.revise(&c.kasubag, &kasubag).await.json().await.unwrap();
    let v2: kinerja_api::planning::Skp = c.submit(&c.kasubag, &v2).await.json().await.unwrap();
    let resp = c.approve(&c.sekcam, &v2).await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    assert_eq!(
        kinerja::jobs::remind_locks(
            &c.app.db,
            local_time(batas - chrono::Duration::days(1), 12, 0, 7),
            3
        )
        .await
        .unwrap(),
        0
    );
    let page: NotificationPage = c
        .app
        .get("/api/v1/notifications", Some(&c.kasubag))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        page.items
            .iter()
            .filter(|n| n.kind == kinerja::notifications::KIND_AKAN_TERKUNCI)
            .count(),
        1
    );
    let p = page
        .items
        .iter()
        .find(|n| n.kind == kinerja::notifications::KIND_AKAN_TERKUNCI)
        .unwrap()
        .params
        .clone()
        .unwrap();
    assert_eq!(
        (p.periode_ke, p.jumlah, p.tanggal),
        (Some(k as i32), Some(3), Some(batas))
    );
    assert_eq!(
        kinerja::jobs::remind_locks(
            &c.app.db,
            local_time(batas + chrono::Duration::days(1), 12, 0, 7),
            3
        )
        .await
        .unwrap(),
        0
    );
}
db_test!(owners_with_empty_indicators_are_reminded_once_before_the_lock);

/// The Python with aiosmtpd: `KINERJA_TEST_SMTP_PYTHON`, else the venv `.ci/run` makes.
fn smtp_python() -> Option<String> {
    let python = std::env::var("KINERJA_TEST_SMTP_PYTHON").unwrap_or_else(|_| {
        format!(
            "{}/.cache/kinerja/smtp-venv/bin/python",
            std::env::var("HOME").unwrap_or_default()
        )
    });
    let ok = Command::new(&python)
        .args(["-c", "import aiosmtpd"])
        .status()
        .is_ok_and(|s| s.success());
    if ok {
        Some(python)
    } else if std::env::var("KINERJA_TEST_REQUIRE_SMTP").is_ok() {
        panic!("KINERJA_TEST_REQUIRE_SMTP is set but {python} cannot import aiosmtpd");
    } else {
        eprintln!("skipped: no Python with aiosmtpd (set KINERJA_TEST_SMTP_PYTHON)");
        None
    }
}

struct SmtpServer(Child);

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn wait_for_mail(maildir: &Path) -> Option<String> {
    for _ in 0..100 {
        let first = std::fs::read_dir(maildir.join("new"))
            .ok()
            .and_then(|mut entries| entries.next())
            .and_then(Result::ok);
        if let Some(e) = first {
            return std::fs::read_to_string(e.path()).ok();
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    None
}

async fn notifications_are_emailed_through_smtp_when_configured(db: Db) {
    let Some(python) = smtp_python() else { return };
    let port = free_port();
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("mail");
    let server = SmtpServer(
        Command::new(python)
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{port}"),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            .arg(&maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    // Wait until it listens.
    for _ in 0..50 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let app = spawn_app_with(db, |env| {
        env.insert(
            "KINERJA_SMTP_URL".into(),
            format!("smtp://127.0.0.1:{port}"),
        );
        env.insert(
            "KINERJA_SMTP_FROM".into(),
            "Kinerja Uji <kinerja@serangkota.go.id>".into(),
        );
        env.insert(
            "KINERJA_PUBLIC_URL".into(),
            "https://kinerja.serangkota.go.id".into(),
        );
        env.insert("KINERJA_JOBS_INTERVAL_SECS".into(), "1".into());
    })
    .await;
    // Mid-year, before anyone exists: the fourth quarter's 20 JP reminders would mail too.
    let year = kinerja::clock::today().year();
    app.clock.set(local_time(
        NaiveDate::from_ymd_opt(year, 6, 15).unwrap(),
        9,
        0,
        7,
    ));
    assert!(kinerja::demo::seed_organisation(&app.db).await.unwrap());
    let (_, admin) = app.signed_in("admin.uji", &[Role::Admin]).await;
    let camat: kinerja_api::Page<kinerja_api::employees::Employee> = app
        .get(
            &format!("/api/v1/employees?q={}", kinerja::demo::CAMAT_NIP),
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    let camat = &camat.items[0];
    let resp = app
        .patch_json(
            &format!("/api/v1/employees/{}", camat.id),
            &json!({"lock_version": 1, "email": "hendra.gunawan@serangkota.go.id"}),
            Some(&admin),
        )
        .await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    // A notification without an address is skipped, one with an address is mailed.
    let rina: kinerja_api::Page<kinerja_api::employees::Employee> = app
        .get(
            &format!("/api/v1/employees?q={}", kinerja::demo::PELAKSANA_NIP),
            Some(&admin),
        )
        .await
        .json()
        .await
        .unwrap();
    let about_rina = kinerja_api::planning::NotificationParams {
        pegawai: Some("Rina Marlina".into()),
        tahun: Some(2026),
        ..Default::default()
    };
    kinerja::notifications::send(
        &app.db,
        rina.items[0].id,
        "uji",
        about_rina.clone(),
        "/".into(),
    )
    .await
    .unwrap();
    kinerja::notifications::send(
        &app.db,
        camat.id,
        "skp.diajukan",
        about_rina,
        "/skp/bawahan".into(),
    )
    .await
    .unwrap();
    let mail = wait_for_mail(&maildir).await.expect("an e-mail arrives");
    assert!(mail.contains("hendra.gunawan@serangkota.go.id"), "{mail}");
    assert!(
        mail.contains("[Kinerja] SKP diajukan untuk disetujui"),
        "{mail}"
    );
    assert!(
        mail.contains("https://kinerja.serangkota.go.id/skp/bawahan"),
        "{mail}"
    );
    assert!(mail.contains("kinerja@serangkota.go.id"));
    // Both are handled, once.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(std::fs::read_dir(maildir.join("new")).unwrap().count(), 1);
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    let pending = kinerja::entities::notifications::Entity::find()
        .filter(kinerja::entities::notifications::Column::EmailDiprosesAt.is_null())
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(pending, 0);
    drop(server);
}
db_test!(notifications_are_emailed_through_smtp_when_configured);

/// Starts aiosmtpd on a free port, writing what it receives into `maildir`.
async fn start_smtp(python: String, maildir: &Path) -> (SmtpServer, u16) {
    let port = free_port();
    let server = SmtpServer(
        Command::new(python)
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{port}"),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            .arg(maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    for _ in 0..50 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    (server, port)
}

/// The recipients of every message in the maildir, one entry per message.
fn recipients(maildir: &Path) -> Vec<String> {
    std::fs::read_dir(maildir.join("new"))
        .map(|d| {
            d.filter_map(Result::ok)
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .filter_map(|m| {
                    m.lines()
                        .find(|l| l.starts_with("To: "))
                        .map(|l| l.trim_start_matches("To: ").to_owned())
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Two servers (two connection pools, two mailers) running the e-mail job at the same moment
/// deliver every notification exactly once; a claim of a server that died is taken over after
/// its lease, a live one is not.
async fn two_servers_sending_together_mail_each_notification_once(db: Db) {
    use sea_orm::{ConnectionTrait, Database, Statement};
    let Some(python) = smtp_python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("mail");
    let (server, port) = start_smtp(python, &maildir).await;
    let app = spawn_app(db).await;
    assert!(kinerja::demo::seed_organisation(&app.db).await.unwrap());
    let backend = app.db.get_database_backend();
    // Everyone gets an address of their own: the recipient names the notification.
    let people: Vec<uuid::Uuid> = {
        use sea_orm::{EntityTrait, QuerySelect};
        kinerja::entities::employees::Entity::find()
            .select_only()
            .column(kinerja::entities::employees::Column::Id)
            .into_tuple()
            .all(&app.db)
            .await
            .unwrap()
    };
    assert!(people.len() >= 50, "{}", people.len());
    let people = &people[..50];
    for (i, id) in people.iter().enumerate() {
        app.db
            .execute_raw(Statement::from_sql_and_values(
                backend,
                if backend == sea_orm::DbBackend::Postgres {
                    "UPDATE employees SET email = $1 WHERE id = $2"
                } else {
                    "UPDATE employees SET email = ?1 WHERE id = ?2"
                },
                [format!("orang{i}@uji.go.id").into(), (*id).into()],
            ))
            .await
            .unwrap();
        kinerja::notifications::send(
            &app.db,
            *id,
            "uji",
            kinerja_api::planning::NotificationParams::default(),
            "/".into(),
        )
        .await
        .unwrap();
    }
    // Two of them were claimed by servers that stopped: one lease ran out, one still holds.
    let (dead, alive) = (people[0], people[1]);
    let claim = |who: uuid::Uuid, until: chrono::DateTime<chrono::Utc>| {
        Statement::from_sql_and_values(
            backend,
            if backend == sea_orm::DbBackend::Postgres {
                "UPDATE notifications SET email_klaim_oleh = $1, email_klaim_sampai = $2 \
                 WHERE recipient_employee_id = $3"
            } else {
                "UPDATE notifications SET email_klaim_oleh = ?1, email_klaim_sampai = ?2 \
                 WHERE recipient_employee_id = ?3"
            },
            [uuid::Uuid::now_v7().into(), until.into(), who.into()],
        )
    };
    let now = chrono::Utc::now();
    app.db
        .execute_raw(claim(dead, now - chrono::Duration::seconds(1)))
        .await
        .unwrap();
    app.db
        .execute_raw(claim(alive, now + chrono::Duration::minutes(5)))
        .await
        .unwrap();

    let settings = kinerja::config::Settings::from_map(
        &[
            ("KINERJA_JWT_SECRET", TEST_JWT_SECRET.to_owned()),
            ("KINERJA_DATABASE_URL", app.db_url()),
            ("KINERJA_SMTP_URL", format!("smtp://127.0.0.1:{port}")),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect(),
    )
    .unwrap();
    let (one, two) = (
        Database::connect(app.db_url()).await.unwrap(),
        Database::connect(app.db_url()).await.unwrap(),
    );
    let m1 = kinerja::jobs::Mailer::from_settings(&settings)
        .unwrap()
        .unwrap();
    let m2 = kinerja::jobs::Mailer::from_settings(&settings)
        .unwrap()
        .unwrap();
    let (a, b) = tokio::join!(
        kinerja::jobs::send_pending(&one, &m1),
        kinerja::jobs::send_pending(&two, &m2)
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a + b, 49, "every one but the live claim: {a} + {b}");
    // Another run finds nothing more to send.
    assert_eq!(kinerja::jobs::send_pending(&one, &m1).await.unwrap(), 0);
    let mut to = recipients(&maildir);
    assert_eq!(to.len(), 49);
    to.sort();
    to.dedup();
    assert_eq!(to.len(), 49, "no address got two messages");
    assert!(
        to.iter().any(|t| t.contains("orang0@uji.go.id")),
        "the dead claim was taken over"
    );
    assert!(
        !to.iter().any(|t| t.contains("orang1@uji.go.id")),
        "the live claim was left alone"
    );
    drop(server);
}
db_test!(two_servers_sending_together_mail_each_notification_once);

/// Two servers running the lock reminders at the same moment send each reminder once.
async fn two_servers_reminding_together_remind_once(db: Db) {
    use sea_orm::Database;
    let c = chain(db).await;
    let kasubag = c.upper_chain().await;
    c.agreed(&c.rina, &c.kasubag, Some(&kasubag)).await;
    let today = kinerja::clock::today();
    let next = if today.month() == 12 {
        NaiveDate::from_ymd_opt(today.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(today.year(), today.month() + 1, 1)
    }
    .unwrap();
    let batas = next.pred_opt().unwrap()
        + chrono::Duration::days(i64::from(c.periode.jeda_kunci_realisasi_hari));
    let at = local_time(batas - chrono::Duration::days(2), 12, 0, 7);
    let (one, two) = (
        Database::connect(c.app.db_url()).await.unwrap(),
        Database::connect(c.app.db_url()).await.unwrap(),
    );
    let (a, b) = tokio::join!(
        kinerja::jobs::remind_locks(&one, at, 3),
        kinerja::jobs::remind_locks(&two, at, 3)
    );
    // Rina and the three above her have empty indicators: each is reminded by one of the two.
    let sent = a.unwrap() + b.unwrap();
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let mut stored: Vec<uuid::Uuid> = kinerja::entities::notifications::Entity::find()
        .filter(
            kinerja::entities::notifications::Column::Kind
                .eq(kinerja::notifications::KIND_AKAN_TERKUNCI),
        )
        .all(&c.app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.recipient_employee_id)
        .collect();
    assert_eq!(stored.len(), 4, "{stored:?}");
    assert_eq!(sent, 4, "one notification per reminder sent");
    stored.sort();
    stored.dedup();
    assert_eq!(stored.len(), 4, "nobody was reminded twice");
    assert_eq!(
        kinerja::jobs::remind_locks(&one, at, 3).await.unwrap(),
        0,
        "nothing left to send"
    );
}
db_test!(two_servers_reminding_together_remind_once);
