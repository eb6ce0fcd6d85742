//! Backups that restore (docs/backup.md): `kinerja backup` while people write, `kinerja
//! restore` into an empty database and folder, damaged archives refused, the schedule run once
//! with its retention, the admins' warning, and the system page's endpoint.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use chrono::{Duration, NaiveDate, Utc};
use kinerja::cadangan::buat::{Sumber, fakta};
use kinerja::cadangan::jadwal::{self, Jadwal};
use kinerja::entities::{cadangan, notifications, units};
use kinerja_api::ErrorCode;
use kinerja_api::auth::Role;
use kinerja_api::cadangan::{RingkasanCadangan, StatusCadangan};
use sea_orm::{
    ColumnTrait, ConnectionTrait, Database, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, Statement,
};
use serde_json::json;

use crate::helpers::*;
use crate::organisation::{demo_app, demo_app_with, unit_named};

fn kinerja(database_url: &str, data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(args)
        .env("KINERJA_DATABASE_URL", database_url)
        .env("KINERJA_DATA_DIR", data_dir)
        .env("KINERJA_LOG_LEVEL", "warn")
        .env_remove("KINERJA_UPLOAD_DIR")
        .env_remove("KINERJA_BACKUP_DIR")
        .output()
        .expect("run kinerja")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The archive `kinerja backup` wrote into `folder` (the only one there).
fn archive_in(folder: &Path) -> PathBuf {
    let found: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".tar.gz"))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    found[0].clone()
}

/// Every file under `root`, by relative path, with its bytes.
fn files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries {
            let path = e.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

async fn table_count(url: &str) -> i64 {
    let db = Database::connect(url).await.unwrap();
    let sql = match db.get_database_backend() {
        sea_orm::DbBackend::Postgres => {
            "SELECT COUNT(*) AS n FROM pg_tables WHERE schemaname = current_schema()"
        }
        _ => "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'",
    };
    let n: i64 = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .unwrap()
        .try_get("", "n")
        .unwrap();
    db.close().await.unwrap();
    n
}

/// The target is as it was: no tables, no files.
async fn untouched(target: &TestDatabase) {
    assert!(
        files(target.dir.path()).is_empty(),
        "files appeared: {:?}",
        files(target.dir.path()).keys().collect::<Vec<_>>()
    );
    if target.url.starts_with("postgres") {
        assert_eq!(table_count(&target.url).await, 0);
    }
}

async fn a_backup_taken_while_people_write_restores_every_row_file_and_the_chain(db: Db) {
    let (app, admin) = demo_app(db).await;
    let dir = app._database.dir.path().to_path_buf();
    let uploads = dir.join("uploads");
    kinerja::demo::seed_katalog(&app.db).await.unwrap();
    kinerja::demo::seed_planning(&app.db).await.unwrap();
    let settings = kinerja::config::Settings::from_map(&HashMap::new()).unwrap();
    kinerja::demo::seed_year(
        &app.db,
        kinerja::evaluation::service::Kebijakan::from_settings(&settings),
        &kinerja::storage::Storage::Folder(uploads.clone()),
    )
    .await
    .unwrap();
    let stored = files(&uploads);
    assert!(stored.len() >= 2, "the demo year stores files");
    let kec = unit_named(&app, &admin, "Kecamatan Cipocok Jaya").await;
    let before = fakta(&app.db).await.unwrap();

    // A writer adds units (each audited) for as long as the backup runs.
    let stop = Arc::new(AtomicBool::new(false));
    let made = Arc::new(AtomicUsize::new(0));
    let writer = {
        let (stop, made) = (stop.clone(), made.clone());
        let client = app.client.clone();
        let url = app.url("/api/v1/units");
        let admin = admin.clone();
        tokio::spawn(async move {
            let mut i = 0;
            while !stop.load(Ordering::SeqCst) || i < 6 {
                let unit = json!({"instansi_id": kec.instansi_id, "parent_id": kec.id,
                    "kind": "seksi", "nama": format!("Seksi Cadangan {i}")});
                let r = client
                    .post(&url)
                    .bearer_auth(&admin)
                    .json(&unit)
                    .send()
                    .await
                    .unwrap();
                assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());
                i += 1;
                made.store(i, Ordering::SeqCst);
            }
        })
    };
    while made.load(Ordering::SeqCst) < 3 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let committed_before = made.load(Ordering::SeqCst);
    let folder = tempfile::tempdir().unwrap();
    let (url, data, to) = (
        app._database.url.clone(),
        dir.clone(),
        folder.path().to_str().unwrap().to_owned(),
    );
    let out = tokio::task::spawn_blocking(move || kinerja(&url, &data, &["backup", "--to", &to]))
        .await
        .unwrap();
    let during = made.load(Ordering::SeqCst);
    stop.store(true, Ordering::SeqCst);
    writer.await.unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        during > committed_before,
        "the writer wrote while the backup ran ({committed_before} → {during})"
    );
    let stdout = text(&out.stdout);
    assert!(stdout.contains("backup written:"), "{stdout}");
    let after = fakta(&app.db).await.unwrap();
    let archive = archive_in(folder.path());

    let target = TestDatabase::create(db).await;
    let out = kinerja(
        &target.url,
        target.dir.path(),
        &["restore", archive.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("audit chain: intact"), "{stdout}");
    assert!(stdout.contains("every SHA-256 matches"), "{stdout}");

    // Every file, byte for byte.
    assert_eq!(files(&target.dir.path().join("uploads")), stored);
    // Every row: tables the writer did not touch as they are; the others between the moment
    // before the backup and after it, with every unit committed before it started.
    let restored_db = Database::connect(&target.url).await.unwrap();
    let restored = fakta(&restored_db).await.unwrap();
    for (table, n) in &restored.tables {
        let (b, a) = (before.tables[table], after.tables[table]);
        assert!(
            b <= *n && *n <= a,
            "{table}: {n} rows restored, {b} before and {a} after"
        );
        if b == a {
            assert_eq!(*n, b, "{table}");
        }
    }
    assert!(restored.tables["units"] > before.tables["units"]);
    let names: HashSet<String> = units::Entity::find()
        .all(&restored_db)
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.nama)
        .collect();
    for i in 0..committed_before {
        assert!(names.contains(&format!("Seksi Cadangan {i}")), "unit {i}");
    }
    let chain = kinerja::audit::verify::verify(&restored_db, None)
        .await
        .unwrap();
    assert!(chain.intact);
    assert_eq!(
        i64::try_from(chain.checked).unwrap(),
        restored.audit_head.events
    );
    assert!(restored.audit_head.events > before.audit_head.events);
    // Each restored row's file is there.
    for key in &restored.referenced {
        assert!(
            target.dir.path().join("uploads").join(key).is_file(),
            "{key}"
        );
    }
    restored_db.close().await.unwrap();

    // The restored data serves: a server on it signs the admin in and lists the new units.
    let values: HashMap<String, String> = [
        ("KINERJA_BIND", "127.0.0.1:0"),
        ("KINERJA_WORKERS", "1"),
        ("KINERJA_JWT_SECRET", TEST_JWT_SECRET),
        ("KINERJA_DATA_DIR", target.dir.path().to_str().unwrap()),
        ("KINERJA_DATABASE_URL", &target.url),
        ("KINERJA_SPA_DIR", "/nonexistent-spa"),
        ("KINERJA_JOBS_INTERVAL_SECS", "0"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let server =
        kinerja::startup::Application::build(kinerja::config::Settings::from_map(&values).unwrap())
            .await
            .unwrap();
    let address = format!("http://127.0.0.1:{}", server.port());
    tokio::spawn(server.run_until_stopped());
    let login = app
        .client
        .post(format!("{address}/api/v1/auth/login"))
        .json(&json!({"username": "admin.uji", "password": TEST_PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);
}
db_test!(a_backup_taken_while_people_write_restores_every_row_file_and_the_chain);

/// Rewrites a `.tar.gz` with `change` applied to the uncompressed tar.
fn rewrite(archive: &Path, to: &Path, change: impl FnOnce(&mut Vec<u8>)) {
    use std::io::{Read, Write};
    let mut tar = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(archive).unwrap())
        .read_to_end(&mut tar)
        .unwrap();
    change(&mut tar);
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(to).unwrap(),
        flate2::Compression::fast(),
    );
    gz.write_all(&tar).unwrap();
    gz.finish().unwrap();
}

async fn a_damaged_archive_is_refused_and_nothing_is_touched(db: Db) {
    let app = spawn_app(db).await;
    app.signed_in("admin.uji", &[Role::Admin]).await;
    let dir = app._database.dir.path().to_path_buf();
    let key = dir.join("uploads/keberatan/2026/lampiran.pdf");
    std::fs::create_dir_all(key.parent().unwrap()).unwrap();
    std::fs::write(&key, b"%PDF-1.4 lampiran keberatan asli").unwrap();
    let folder = tempfile::tempdir().unwrap();
    let out = kinerja(
        &app._database.url,
        &dir,
        &["backup", "--to", folder.path().to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let archive = archive_in(folder.path());
    let bytes = std::fs::read(&archive).unwrap();
    let target = TestDatabase::create(db).await;
    let restore = |path: &Path| {
        kinerja(
            &target.url,
            target.dir.path(),
            &["restore", path.to_str().unwrap()],
        )
    };
    let scratch = tempfile::tempdir().unwrap();

    // Cut short, anywhere: in the database copy, in a file, before the manifest's end.
    for cut in [bytes.len() / 3, bytes.len() - 40, bytes.len() - 1] {
        let path = scratch.path().join(format!("cut-{cut}.tar.gz"));
        std::fs::write(&path, &bytes[..cut]).unwrap();
        let out = restore(&path);
        assert!(!out.status.success(), "a cut at {cut} was restored");
        let err = text(&out.stderr);
        assert!(err.contains("damaged or incomplete"), "{err}");
        assert!(err.contains("nothing was restored"), "{err}");
        untouched(&target).await;
    }

    // One byte of a stored file changed (re-compressed, so only the manifest can tell).
    let changed = scratch.path().join("changed.tar.gz");
    rewrite(&archive, &changed, |tar| {
        let at = tar
            .windows(14)
            .position(|w| w == b"keberatan asli")
            .unwrap();
        tar[at] = b'K';
    });
    let out = restore(&changed);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("files/keberatan/2026/lampiran.pdf does not match its SHA-256"),
        "{err}"
    );
    untouched(&target).await;

    // The manifest cut away whole (a valid tar that ends early).
    let headless = scratch.path().join("no-manifest.tar.gz");
    rewrite(&archive, &headless, |tar| {
        let at = tar
            .windows(13)
            .rposition(|w| w == b"manifest.json")
            .unwrap();
        tar.truncate(at);
        tar.extend_from_slice(&[0_u8; 1024]);
    });
    let err = text(&restore(&headless).stderr);
    assert!(err.contains("no manifest"), "{err}");
    untouched(&target).await;

    // A target that holds data is refused too.
    let out = kinerja(
        &app._database.url,
        &dir,
        &["restore", archive.to_str().unwrap()],
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("not empty"),
        "{}",
        text(&out.stderr)
    );

    // The intact archive restores: the refusals were for the damage.
    let out = restore(&archive);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        std::fs::read(
            target
                .dir
                .path()
                .join("uploads/keberatan/2026/lampiran.pdf")
        )
        .unwrap(),
        b"%PDF-1.4 lampiran keberatan asli"
    );
}
db_test!(a_damaged_archive_is_refused_and_nothing_is_touched);

fn sumber(app: &TestApp) -> Sumber {
    Sumber {
        database_url: app._database.url.clone(),
        upload_dir: app._database.dir.path().join("uploads"),
        penyimpanan: kinerja::storage::Pilihan::Folder,
    }
}

fn jadwal(folder: &Path, interval_jam: u32) -> Jadwal {
    Jadwal {
        folder: folder.to_path_buf(),
        interval_jam,
        simpan_harian: 3,
        simpan_mingguan: 2,
        peringatan_jam: 48,
    }
}

async fn scheduled_backups_run_once_per_interval_and_keep_the_right_archives(db: Db) {
    let app = spawn_app(db).await;
    let folder = tempfile::tempdir().unwrap();
    let plan = jadwal(folder.path(), 24);
    let sumber = sumber(&app);
    // Three weeks of two ticks a day (01:00 and 13:00 WIB), Monday 2 to Sunday 22 November.
    for d in 0..21 {
        let day = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap() + Duration::days(d);
        for (h, first) in [(1, true), (13, false)] {
            let made = jadwal::jalankan(&app.db, &sumber, &plan, local_time(day, h, 0, 7))
                .await
                .unwrap();
            assert_eq!(made.is_some(), first, "{day} {h}:00");
            if let Some(m) = made {
                assert_eq!(m.status, "berhasil", "{:?}", m.galat);
            }
        }
    }
    let rows = cadangan::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(rows.len(), 21);
    let kept: Vec<String> = {
        let mut v: Vec<String> = rows
            .iter()
            .filter(|r| r.dihapus_at.is_none())
            .map(|r| kinerja::clock::local_day(r.mulai_at, 7 * 3600).to_string())
            .collect();
        v.sort();
        v
    };
    // The last three days, and the newest of each of the last two weeks.
    assert_eq!(
        kept,
        ["2026-11-15", "2026-11-20", "2026-11-21", "2026-11-22"]
    );
    let on_disk: HashSet<PathBuf> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| std::fs::canonicalize(e.unwrap().path()).unwrap())
        .collect();
    let expected: HashSet<PathBuf> = rows
        .iter()
        .filter(|r| r.dihapus_at.is_none())
        .map(|r| PathBuf::from(r.lokasi.clone().unwrap()))
        .collect();
    assert_eq!(on_disk, expected);
}
db_test!(scheduled_backups_run_once_per_interval_and_keep_the_right_archives);

async fn two_servers_make_the_scheduled_backup_once(db: Db) {
    let app = spawn_app(db).await;
    let other: DatabaseConnection = Database::connect(&app._database.url).await.unwrap();
    let folder = tempfile::tempdir().unwrap();
    let plan = jadwal(folder.path(), 24);
    let sumber = sumber(&app);
    for round in 0..3 {
        let now = Utc::now() + Duration::days(round);
        let (a, b) = tokio::join!(
            jadwal::jalankan(&app.db, &sumber, &plan, now),
            jadwal::jalankan(&other, &sumber, &plan, now)
        );
        let (a, b) = (a.unwrap(), b.unwrap());
        assert!(a.is_some() != b.is_some(), "round {round}: {a:?} {b:?}");
    }
    let rows = cadangan::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.status == "berhasil"));
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 3);
}
db_test!(two_servers_make_the_scheduled_backup_once);

async fn backups(app: &TestApp, token: &str) -> RingkasanCadangan {
    let r = app.get("/api/v1/sistem/cadangan", Some(token)).await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

async fn warnings(app: &TestApp) -> u64 {
    notifications::Entity::find()
        .filter(notifications::Column::Kind.eq(jadwal::KIND_TERLAMBAT))
        .count(&app.db)
        .await
        .unwrap()
}

async fn admins_are_warned_once_per_lapse_and_the_page_shows_the_last_backup(db: Db) {
    // The page shows the configured schedule (the jobs stay off: the test runs the schedule).
    let (app, _) = demo_app_with(db, |env| {
        env.insert("KINERJA_BACKUP_INTERVAL_HOURS".into(), "24".into());
    })
    .await;
    // An admin with an employee record (notifications go to employees), and one without.
    let hr = app
        .create_user(
            kinerja::demo::KASUBAG_UMUM_NIP,
            &[Role::Admin, Role::Pegawai],
        )
        .await;
    kinerja::demo::link_accounts(&app.db).await.unwrap();
    let (hr_token, _) = app.login(&hr.username, &hr.password).await;
    let hr_token = hr_token.access_token;
    let (_, op) = app.signed_in("operator.uji", &[Role::Superadmin]).await;
    let folder = tempfile::tempdir().unwrap();
    let off = jadwal(folder.path(), 0);
    let sumber = sumber(&app);
    let start = Utc::now();

    let page = backups(&app, &op).await;
    assert!(!page.terlambat);
    assert!(page.terakhir_berhasil.is_none());
    assert_eq!(page.batas_jam, 48);

    // Two days without a backup (none since the installation).
    let later = start + Duration::hours(49);
    app.clock.set(later);
    assert!(backups(&app, &op).await.terlambat);
    jadwal::jalankan(&app.db, &sumber, &off, later)
        .await
        .unwrap();
    jadwal::jalankan(&app.db, &sumber, &off, later + Duration::hours(3))
        .await
        .unwrap();
    assert_eq!(
        warnings(&app).await,
        1,
        "once per lapse, to the linked admin"
    );
    let mine: serde_json::Value = app
        .get("/api/v1/notifications", Some(&hr_token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["items"][0]["kind"], jadwal::KIND_TERLAMBAT);
    assert_eq!(mine["items"][0]["tautan"], "/sistem");

    // A scheduled backup succeeds: the page shows it, the warning is gone.
    let on = jadwal(folder.path(), 24);
    let made = jadwal::jalankan(&app.db, &sumber, &on, later + Duration::hours(4))
        .await
        .unwrap()
        .unwrap();
    app.clock.set(later + Duration::hours(5));
    let page = backups(&app, &hr_token).await;
    assert!(!page.terlambat);
    let last = page.terakhir_berhasil.unwrap();
    assert_eq!(last.id, made.id);
    assert_eq!(last.status, StatusCadangan::Berhasil);
    assert!(last.ukuran_byte.unwrap() > 1000);
    let lokasi = last.lokasi.unwrap();
    assert!(Path::new(&lokasi).is_file(), "{lokasi}");
    assert_eq!(page.riwayat.len(), 1);
    assert_eq!(page.jadwal.interval_jam, 24);

    // The next lapse warns again, once.
    let lapse = later + Duration::hours(4 + 49);
    jadwal::jalankan(&app.db, &sumber, &off, lapse)
        .await
        .unwrap();
    jadwal::jalankan(&app.db, &sumber, &off, lapse + Duration::hours(1))
        .await
        .unwrap();
    assert_eq!(warnings(&app).await, 2);
}
db_test!(admins_are_warned_once_per_lapse_and_the_page_shows_the_last_backup);

async fn only_admins_see_the_backups(db: Db) {
    let app = spawn_app(db).await;
    assert_problem(
        app.get("/api/v1/sistem/cadangan", None).await,
        401,
        ErrorCode::Unauthorized,
    )
    .await;
    for (name, role) in [
        ("p.uji", Role::Pegawai),
        ("pim.uji", Role::Pimpinan),
        ("aud.uji", Role::Auditor),
    ] {
        let (_, token) = app.signed_in(name, &[role]).await;
        assert_problem(
            app.get("/api/v1/sistem/cadangan", Some(&token)).await,
            403,
            ErrorCode::Forbidden,
        )
        .await;
    }
    let (_, admin) = app.signed_in("admin.uji", &[Role::Admin]).await;
    backups(&app, &admin).await;
}
db_test!(only_admins_see_the_backups);
