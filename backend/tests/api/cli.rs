//! The `kinerja` binary itself, run as operators and scripts run it.

use std::process::{Command, Output};
use std::time::Duration;

use crate::helpers::*;
use sea_orm::{ConnectionTrait, Database, DbBackend};

fn kinerja(database_url: &str, data_dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(args)
        .env("KINERJA_DATABASE_URL", database_url)
        .env("KINERJA_DATA_DIR", data_dir)
        .env("KINERJA_LOG_LEVEL", "warn")
        .env_remove("KINERJA_ADMIN_PASSWORD")
        .output()
        .expect("run kinerja")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

async fn create_admin_works_non_interactively_and_validates(db: Db) {
    let database = TestDatabase::create(db).await;
    let dir = database.dir.path();
    let ok = kinerja(
        &database.url,
        dir,
        &[
            "create-admin",
            "--username",
            "admin.bkpsdm",
            "--password",
            "Rahasia-Sekali-1",
        ],
    );
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    assert!(text(&ok.stdout).contains("created admin admin.bkpsdm"));

    let again = kinerja(
        &database.url,
        dir,
        &[
            "create-admin",
            "--username",
            "admin.bkpsdm",
            "--password",
            "Rahasia-Sekali-1",
        ],
    );
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains("sudah terdaftar"),
        "{}",
        text(&again.stderr)
    );

    let weak = kinerja(
        &database.url,
        dir,
        &[
            "create-admin",
            "--username",
            "admin.lain",
            "--password",
            "pendek",
        ],
    );
    assert!(!weak.status.success());
    assert!(
        text(&weak.stderr).contains("password: Kata sandi minimal 10"),
        "{}",
        text(&weak.stderr)
    );
}
db_test!(create_admin_works_non_interactively_and_validates);

async fn audit_verify_exits_non_zero_at_a_broken_link(db: Db) {
    let database = TestDatabase::create(db).await;
    let dir = database.dir.path();
    for name in ["admin.satu", "admin.dua"] {
        assert!(
            kinerja(
                &database.url,
                dir,
                &[
                    "create-admin",
                    "--username",
                    name,
                    "--password",
                    "Rahasia-Sekali-1"
                ]
            )
            .status
            .success()
        );
    }
    let ok = kinerja(&database.url, dir, &["audit-verify"]);
    assert!(ok.status.success());
    assert!(
        text(&ok.stdout).contains("intact: 2 events verified"),
        "{}",
        text(&ok.stdout)
    );

    let conn = Database::connect(&database.url).await.unwrap();
    let sql = match conn.get_database_backend() {
        DbBackend::Postgres => {
            "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change; DELETE FROM audit_events WHERE seq = 1;"
        }
        _ => "DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE seq = 1;",
    };
    conn.execute_unprepared(sql).await.unwrap();
    conn.close().await.unwrap();
    let broken = kinerja(&database.url, dir, &["audit-verify"]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(
        text(&broken.stdout).contains("BROKEN at seq 2"),
        "{}",
        text(&broken.stdout)
    );
}
db_test!(audit_verify_exits_non_zero_at_a_broken_link);

async fn migrate_can_roll_back_and_reapply(db: Db) {
    let database = TestDatabase::create(db).await;
    let dir = database.dir.path();
    assert!(kinerja(&database.url, dir, &["migrate"]).status.success());
    assert!(
        kinerja(&database.url, dir, &["migrate", "--down", "3"])
            .status
            .success()
    );
    assert!(kinerja(&database.url, dir, &["migrate"]).status.success());
    assert!(kinerja(&database.url, dir, &["seed-demo"]).status.success());
    let again = kinerja(&database.url, dir, &["seed-demo"]);
    assert!(
        text(&again.stdout).contains("exists   admin.bkpsdm"),
        "seed-demo is idempotent"
    );
}
db_test!(migrate_can_roll_back_and_reapply);

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn serve_in(dir: &std::path::Path, port: u16, extra: &[(&str, &str)]) -> std::process::Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kinerja"));
    cmd.arg("serve").current_dir(dir);
    let ours = |k: &str| k.starts_with("KINERJA_") || k.starts_with("MIMALLOC_");
    for (key, _) in std::env::vars().filter(|(k, _)| ours(k)) {
        cmd.env_remove(key);
    }
    cmd.env("KINERJA_BIND", format!("127.0.0.1:{port}"))
        .env("KINERJA_LOG_LEVEL", "warn");
    for (k, v) in extra {
        cmd.env(k, v);
    }
    cmd.stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    cmd.spawn().expect("spawn kinerja serve")
}

#[tokio::test]
async fn serve_starts_on_an_empty_directory_and_stops_gracefully_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut child = serve_in(dir.path(), port, &[]);
    let client = reqwest::Client::new();
    let mut healthy = false;
    for _ in 0..100 {
        if let Ok(resp) = client
            .get(format!("http://127.0.0.1:{port}/health"))
            .send()
            .await
        {
            healthy = resp.status() == 200;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(healthy, "server did not come up");
    allocator_keeps_an_idle_server_small(child.id());
    assert!(
        dir.path().join("data/kinerja.db").exists(),
        "SQLite database created under ./data"
    );
    assert!(
        dir.path().join("data/jwt-secret").exists(),
        "development JWT secret persisted"
    );
    let docs = client
        .get(format!("http://127.0.0.1:{port}/docs/"))
        .send()
        .await
        .unwrap();
    assert_eq!(docs.status(), 200);
    let login = client
        .post(format!("http://127.0.0.1:{port}/api/v1/auth/login"))
        .json(&serde_json::json!({"username": "belum.ada", "password": "apa-saja-boleh"}))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 401);

    let kill = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = child.wait().unwrap();
    assert!(
        status.success(),
        "graceful shutdown exits 0, got {status:?}"
    );
}

/// The server started itself again with mimalloc's purge at once and without transparent huge
/// pages (src/main.rs; docs/performance.md, "Memory"): the kernel shows both.
fn allocator_keeps_an_idle_server_small(pid: u32) {
    #[cfg(target_os = "linux")]
    {
        let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap();
        let vars: Vec<&[u8]> = environ.split(|b| *b == 0).collect();
        for wanted in [&b"MIMALLOC_PURGE_DELAY=0"[..], b"MIMALLOC_ALLOW_THP=0"] {
            assert!(
                vars.contains(&wanted),
                "{} in the server's environment",
                String::from_utf8_lossy(wanted)
            );
        }
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
        // Older kernels do not show the line; where it is shown, huge pages are off.
        if let Some(line) = status.lines().find(|l| l.starts_with("THP_enabled:")) {
            assert_eq!(line.split_whitespace().nth(1), Some("0"), "{line}");
        }
    }
}

#[test]
fn production_refuses_to_start_without_a_jwt_secret() {
    let dir = tempfile::tempdir().unwrap();
    let child = serve_in(dir.path(), free_port(), &[("KINERJA_ENV", "production")]);
    let out = child.wait_with_output().unwrap();
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("KINERJA_JWT_SECRET is required"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn the_openapi_subcommand_prints_the_committed_document() {
    let out = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("openapi")
        .output()
        .unwrap();
    assert!(out.status.success());
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../openapi/openapi.json"
    ))
    .unwrap();
    assert_eq!(text(&out.stdout), committed);
}
