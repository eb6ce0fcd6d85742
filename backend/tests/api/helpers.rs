//! Test harness: `spawn_app` starts the real server on a random port with a fresh database
//! (a SQLite file in a temp dir, or a new PostgreSQL database dropped afterwards).

use std::collections::HashMap;
use std::sync::LazyLock;

use kinerja::config::Settings;
use kinerja::extract::RequestMeta;
use kinerja::startup::Application;
use kinerja_api::auth::{Role, TokenResponse};
use kinerja_api::users::CreateUser;
use kinerja_api::{ErrorBody, ErrorCode};
use kinerja_migration::{Migrator, MigratorTrait};
use reqwest::{Response, StatusCode};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde::Serialize;
use uuid::Uuid;

/// `db_test!(name)` after `async fn name(db: Db)` defines `mod name { sqlite(), postgres() }`:
/// the same test on both databases. The body stays a plain function, so rustfmt formats it.
/// Without `KINERJA_TEST_POSTGRES_URL` the PostgreSQL variant passes vacuously, unless
/// `KINERJA_TEST_REQUIRE_POSTGRES` is set (CI), where it fails.
macro_rules! db_test {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                super::$name($crate::helpers::Db::Sqlite).await
            }

            #[tokio::test]
            async fn postgres() {
                if $crate::helpers::postgres_enabled() {
                    super::$name($crate::helpers::Db::Postgres).await
                }
            }
        }
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Db {
    Sqlite,
    Postgres,
}

pub const TEST_PASSWORD: &str = "Kata-Sandi-Uji-2026";
pub const TEST_JWT_SECRET: &str = "test-secret-that-is-at-least-32-bytes-long";

static TRACING: LazyLock<()> = LazyLock::new(|| {
    if std::env::var("TEST_LOG").is_ok() {
        kinerja::telemetry::init(kinerja::config::LogFormat::Pretty, "info,sqlx=warn");
    }
});

pub fn postgres_url() -> Option<String> {
    std::env::var("KINERJA_TEST_POSTGRES_URL")
        .ok()
        .filter(|s| !s.is_empty())
}

pub fn postgres_enabled() -> bool {
    if postgres_url().is_some() {
        return true;
    }
    assert!(
        std::env::var("KINERJA_TEST_REQUIRE_POSTGRES").is_err(),
        "KINERJA_TEST_REQUIRE_POSTGRES is set but KINERJA_TEST_POSTGRES_URL is not"
    );
    eprintln!("skipping PostgreSQL variant: KINERJA_TEST_POSTGRES_URL is not set");
    false
}

/// A fresh database that removes itself when dropped.
pub struct TestDatabase {
    pub url: String,
    pub dir: tempfile::TempDir,
    pg_name: Option<(String, String)>,
}

impl TestDatabase {
    pub async fn create(kind: Db) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        match kind {
            Db::Sqlite => Self {
                url: format!(
                    "sqlite://{}?mode=rwc",
                    dir.path().join("kinerja.db").display()
                ),
                dir,
                pg_name: None,
            },
            Db::Postgres => {
                let admin_url = postgres_url().expect("KINERJA_TEST_POSTGRES_URL");
                let name = format!("kinerja_test_{}", Uuid::now_v7().simple());
                let admin = Database::connect(&admin_url)
                    .await
                    .expect("connect to PostgreSQL");
                admin
                    .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                    .await
                    .expect("create test database");
                admin.close().await.ok();
                let base = admin_url
                    .rsplit_once('/')
                    .map_or(admin_url.as_str(), |(b, _)| b);
                Self {
                    url: format!("{base}/{name}"),
                    dir,
                    pg_name: Some((admin_url.clone(), name)),
                }
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some((admin_url, name)) = self.pg_name.take() {
            // Drop runs inside the test's runtime: do the async cleanup on a thread of its own.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .ok()?;
                rt.block_on(async {
                    let admin = Database::connect(&admin_url).await.ok()?;
                    admin
                        .execute_unprepared(&format!(
                            "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                        ))
                        .await
                        .ok()?;
                    admin.close().await.ok()
                })
            })
            .join();
        }
    }
}

pub struct TestApp {
    pub address: String,
    pub db: DatabaseConnection,
    /// The server's clock: `clock.set(at)` makes the server's dates those of `at`.
    pub clock: kinerja::clock::Clock,
    pub client: reqwest::Client,
    /// Kept alive for the test's duration; dropping it removes the database.
    pub _database: TestDatabase,
}

pub struct TestUser {
    pub id: Uuid,
    pub username: String,
    pub password: String,
}

/// The instant of `hh:mm` on `day` in the zone `utc_offset_hours` east of UTC (7 for WIB).
pub fn local_time(
    day: chrono::NaiveDate,
    hh: u32,
    mm: u32,
    utc_offset_hours: i64,
) -> chrono::DateTime<chrono::Utc> {
    day.and_hms_opt(hh, mm, 0).expect("valid time").and_utc()
        - chrono::Duration::hours(utc_offset_hours)
}

pub async fn spawn_app(kind: Db) -> TestApp {
    spawn_app_with(kind, |_| {}).await
}

/// Starts the app with extra `KINERJA_*` settings, parsed exactly as in production.
pub async fn spawn_app_with(
    kind: Db,
    configure: impl FnOnce(&mut HashMap<String, String>),
) -> TestApp {
    LazyLock::force(&TRACING);
    let database = TestDatabase::create(kind).await;
    let data_dir = database.dir.path().to_str().expect("utf-8 path").to_owned();
    let mut values: HashMap<String, String> = [
        ("KINERJA_BIND", "127.0.0.1:0"),
        ("KINERJA_WORKERS", "1"),
        ("KINERJA_JWT_SECRET", TEST_JWT_SECRET),
        ("KINERJA_DATA_DIR", &data_dir),
        ("KINERJA_DATABASE_URL", &database.url),
        ("KINERJA_SPA_DIR", "/nonexistent-spa"),
        // Background jobs would add reminders at unpredictable moments; tests that need them
        // turn them on.
        ("KINERJA_JOBS_INTERVAL_SECS", "0"),
        // Tests read a dashboard right after changing what it counts; the kept answer of a
        // small subtree has a test of its own (dasbor.rs).
        ("KINERJA_DASBOR_UMUR_KECIL_DETIK", "0"),
        // Nor a scheduled backup when a test turns the jobs on (the backup tests run the
        // schedule themselves).
        ("KINERJA_BACKUP_INTERVAL_HOURS", "0"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    configure(&mut values);
    let settings = Settings::from_map(&values).expect("valid test settings");
    let app = Application::build(settings.clone())
        .await
        .expect("build app");
    let address = format!("http://127.0.0.1:{}", app.port());
    let clock = app.clock();
    tokio::spawn(app.run_until_stopped());
    let db = kinerja::database::connect(&settings)
        .await
        .expect("test connection");
    TestApp {
        address,
        db,
        clock,
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
        _database: database,
    }
}

impl TestApp {
    /// The URL of this app's database, for a second connection.
    pub fn db_url(&self) -> String {
        self._database.url.clone()
    }

    /// Another server on this app's database, as a second replica behind a proxy would be:
    /// its address.
    pub async fn second_server(&self) -> String {
        let data_dir = self
            ._database
            .dir
            .path()
            .to_str()
            .expect("utf-8 path")
            .to_owned();
        let values: HashMap<String, String> = [
            ("KINERJA_BIND", "127.0.0.1:0"),
            ("KINERJA_WORKERS", "1"),
            ("KINERJA_JWT_SECRET", TEST_JWT_SECRET),
            ("KINERJA_DATA_DIR", &data_dir),
            ("KINERJA_DATABASE_URL", &self._database.url),
            ("KINERJA_SPA_DIR", "/nonexistent-spa"),
            ("KINERJA_JOBS_INTERVAL_SECS", "0"),
            // Tests read a dashboard right after changing what it counts; the kept answer of a
            // small subtree has a test of its own (dasbor.rs).
            ("KINERJA_DASBOR_UMUR_KECIL_DETIK", "0"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        let settings = Settings::from_map(&values).expect("valid test settings");
        let app = Application::build(settings).await.expect("build app");
        let address = format!("http://127.0.0.1:{}", app.port());
        tokio::spawn(app.run_until_stopped());
        address
    }

    /// Another server on this app's database with a data folder of its own (as on another
    /// machine) and extra `KINERJA_*` settings: its address.
    pub async fn replica_with(
        &self,
        data_dir: &std::path::Path,
        configure: impl FnOnce(&mut HashMap<String, String>),
    ) -> String {
        let mut values: HashMap<String, String> = [
            ("KINERJA_BIND", "127.0.0.1:0"),
            ("KINERJA_WORKERS", "1"),
            ("KINERJA_JWT_SECRET", TEST_JWT_SECRET),
            ("KINERJA_DATA_DIR", data_dir.to_str().expect("utf-8 path")),
            ("KINERJA_DATABASE_URL", &self._database.url),
            ("KINERJA_SPA_DIR", "/nonexistent-spa"),
            ("KINERJA_JOBS_INTERVAL_SECS", "0"),
            ("KINERJA_BACKUP_INTERVAL_HOURS", "0"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        configure(&mut values);
        let settings = Settings::from_map(&values).expect("valid test settings");
        let app = Application::build(settings).await.expect("build app");
        let address = format!("http://127.0.0.1:{}", app.port());
        tokio::spawn(app.run_until_stopped());
        address
    }
}

/// A migrated database without a server, for tests of the schema itself.
pub async fn fresh_database(kind: Db) -> (TestDatabase, DatabaseConnection) {
    let database = TestDatabase::create(kind).await;
    let db = Database::connect(&database.url).await.expect("connect");
    Migrator::up(&db, None).await.expect("migrate");
    (database, db)
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Response {
        let mut req = self.client.get(self.url(path));
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        req.send().await.expect("request")
    }

    pub async fn post_json<T: Serialize + ?Sized>(
        &self,
        path: &str,
        body: &T,
        token: Option<&str>,
    ) -> Response {
        let mut req = self.client.post(self.url(path)).json(body);
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        req.send().await.expect("request")
    }

    pub async fn patch_json<T: Serialize + ?Sized>(
        &self,
        path: &str,
        body: &T,
        token: Option<&str>,
    ) -> Response {
        let mut req = self.client.patch(self.url(path)).json(body);
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        req.send().await.expect("request")
    }

    pub async fn post_login(&self, username: &str, password: &str) -> Response {
        self.post_json(
            "/api/v1/auth/login",
            &serde_json::json!({"username": username, "password": password}),
            None,
        )
        .await
    }

    /// Logs in and returns the tokens and the refresh cookie value.
    pub async fn login(&self, username: &str, password: &str) -> (TokenResponse, String) {
        let resp = self.post_login(username, password).await;
        assert_eq!(resp.status(), StatusCode::OK, "login of {username} failed");
        let cookie = refresh_cookie(&resp).expect("refresh cookie");
        (resp.json().await.expect("token body"), cookie)
    }

    /// Creates a user through the real service (real Argon2 hash, audited like the CLI).
    pub async fn create_user(&self, username: &str, roles: &[Role]) -> TestUser {
        let user = kinerja::users::service::create(
            &self.db,
            None,
            CreateUser {
                username: username.to_owned(),
                email: None,
                full_name: format!("Pengguna {username}"),
                password: TEST_PASSWORD.to_owned(),
                roles: roles.to_vec(),
            },
            &RequestMeta::default(),
        )
        .await
        .expect("create user");
        TestUser {
            id: user.id,
            username: user.username,
            password: TEST_PASSWORD.to_owned(),
        }
    }

    /// A signed-in user with `roles`: (user, access token).
    pub async fn signed_in(&self, username: &str, roles: &[Role]) -> (TestUser, String) {
        let user = self.create_user(username, roles).await;
        let (tokens, _) = self.login(&user.username, &user.password).await;
        (user, tokens.access_token)
    }

    pub async fn refresh_with_cookie(&self, cookie: &str) -> Response {
        self.client
            .post(self.url("/api/v1/auth/refresh"))
            .header("cookie", format!("kinerja_refresh={cookie}"))
            .send()
            .await
            .expect("request")
    }
}

/// The value of the `kinerja_refresh` cookie set by a response.
pub fn refresh_cookie(resp: &Response) -> Option<String> {
    resp.headers().get_all("set-cookie").iter().find_map(|v| {
        let v = v.to_str().ok()?;
        v.strip_prefix("kinerja_refresh=")
            .map(|rest| rest.split(';').next().unwrap_or("").to_owned())
    })
}

/// Asserts status, problem content type and code; returns the body.
pub async fn assert_problem(resp: Response, status: u16, code: ErrorCode) -> ErrorBody {
    assert_eq!(resp.status().as_u16(), status, "unexpected status");
    let content_type = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    assert_eq!(content_type, "application/problem+json");
    let body: ErrorBody = resp.json().await.expect("problem body");
    assert_eq!(body.code, code, "{body:?}");
    assert_eq!(body.status, status);
    assert_eq!(
        body.type_uri,
        format!("urn:kinerja:problem:{}", code.as_str())
    );
    body
}
