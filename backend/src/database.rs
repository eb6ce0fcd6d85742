//! Database connection for SQLite (embedded default) and PostgreSQL (production).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use anyhow::Context;
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement, Value,
};

use crate::config::Settings;

/// Statements run by this process, for `kinerja_db_statements_total` on `/metrics`: the number a
/// request runs must not grow with the organisation (docs/performance.md).
static STATEMENTS: AtomicU64 = AtomicU64::new(0);

pub fn statements_run() -> u64 {
    STATEMENTS.load(Ordering::Relaxed)
}

/// Counts one statement run outside sea-orm's pools ([`crate::bacaan`]).
pub(crate) fn count_statement() {
    STATEMENTS.fetch_add(1, Ordering::Relaxed);
}

/// Connects, creating the SQLite file (and its folder) on first run.
///
/// # Errors
/// When the folder cannot be created or the database is unreachable.
pub async fn connect(settings: &Settings) -> anyhow::Result<DatabaseConnection> {
    if let Some(path) = sqlite_path(&settings.database_url)
        && let Some(dir) = std::path::Path::new(path).parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("Failed to create database folder {}", dir.display()))?;
    }
    let mut options = ConnectOptions::new(settings.database_url.clone());
    options
        // SQLite has one writer: a single connection serialises writes instead of failing
        // them with SQLITE_BUSY, and keeps the audit hash chain linear.
        .max_connections(if settings.is_sqlite() {
            1
        } else {
            settings.db_max_connections
        })
        .min_connections(if settings.is_sqlite() { 1 } else { 0 })
        .test_before_acquire_if_idle_for(PING_IF_IDLE_FOR)
        .acquire_timeout(Duration::from_secs(10))
        .connect_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    let mut db = Database::connect(options).await.with_context(|| {
        format!(
            "Failed to connect to the database ({})",
            redact(&settings.database_url)
        )
    })?;
    if db.get_database_backend() == DbBackend::Sqlite {
        db.execute_unprepared(
            "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
        )
        .await
        .context("Failed to configure SQLite")?;
    }
    db.set_metric_callback(|_| {
        STATEMENTS.fetch_add(1, Ordering::Relaxed);
    });
    Ok(db)
}

/// A connection unused this long is pinged before it is handed out: a ping on every acquire
/// doubles the round trips of each statement; this catches one dropped by a restart or a proxy.
pub(crate) const PING_IF_IDLE_FOR: Duration = Duration::from_secs(30);

/// One request worker's share of the PostgreSQL pool, opened lazily from within the worker.
///
/// Each actix worker runs its own single-threaded runtime, and a socket answers on the runtime
/// that opened it. With one pool for all workers, a statement sent on a connection another
/// worker (or the main thread) opened is answered there, which then wakes this worker: an
/// extra task switch per statement (docs/performance.md, "Connections"). `None` on SQLite,
/// whose one connection is the single writer and stays shared.
pub fn worker_pool(main: &DatabaseConnection, share: u32) -> Option<DatabaseConnection> {
    if main.get_database_backend() != DbBackend::Postgres {
        return None;
    }
    let connect = main.get_postgres_connection_pool().connect_options();
    let pool = sea_orm::sqlx::postgres::PgPoolOptions::new()
        .max_connections(share.max(1))
        .min_connections(0)
        .test_before_acquire(false)
        .before_acquire(|conn, meta| {
            Box::pin(async move {
                if meta.idle_for < PING_IF_IDLE_FOR {
                    return Ok(true);
                }
                // A connection that fails its ping is closed and another one is taken.
                Ok(sea_orm::sqlx::Connection::ping(conn).await.is_ok())
            })
        })
        .acquire_timeout(Duration::from_secs(10))
        .connect_lazy_with((*connect).clone());
    let mut db = sea_orm::SqlxPostgresConnector::from_sqlx_postgres_pool(pool);
    db.set_metric_callback(|_| {
        STATEMENTS.fetch_add(1, Ordering::Relaxed);
    });
    Some(db)
}

/// The pool of the read replica (`KINERJA_DATABASE_READ_URL`), connected lazily: a replica
/// that is down at start does not stop the server, its reads go to the primary
/// ([`crate::replika`]).
///
/// # Errors
/// A malformed URL.
pub fn connect_read(settings: &Settings) -> anyhow::Result<Option<DatabaseConnection>> {
    let Some(url) = &settings.database_read_url else {
        return Ok(None);
    };
    let pool = sea_orm::sqlx::postgres::PgPoolOptions::new()
        .max_connections(settings.db_max_connections)
        .min_connections(0)
        .acquire_timeout(Duration::from_secs(5))
        .connect_lazy(url.expose())
        .with_context(|| format!("KINERJA_DATABASE_READ_URL ({})", redact(url.expose())))?;
    let mut db = sea_orm::SqlxPostgresConnector::from_sqlx_postgres_pool(pool);
    db.set_metric_callback(|_| {
        STATEMENTS.fetch_add(1, Ordering::Relaxed);
    });
    Ok(Some(db))
}

fn sqlite_path(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    (!path.is_empty() && path != ":memory:").then_some(path)
}

/// Hides the password in a database URL for logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}{user}:***{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact("postgres://kinerja:s3cret@db:5432/kinerja"),
            "postgres://kinerja:***@db:5432/kinerja"
        );
        assert_eq!(
            redact("sqlite://./data/kinerja.db?mode=rwc"),
            "sqlite://./data/kinerja.db?mode=rwc"
        );
    }

    #[test]
    fn sqlite_paths_are_found() {
        assert_eq!(
            sqlite_path("sqlite://./data/k.db?mode=rwc"),
            Some("./data/k.db")
        );
        assert_eq!(sqlite_path("sqlite::memory:"), None);
        assert_eq!(sqlite_path("postgres://x/y"), None);
    }
}

/// A raw statement being built: values are numbered as they are bound (`$n`, understood by
/// both the SQLite and the PostgreSQL driver).
#[derive(Default)]
pub struct Sql {
    pub text: String,
    pub values: Vec<Value>,
}

impl Sql {
    /// The placeholder of a new value.
    pub fn bind(&mut self, v: impl Into<Value>) -> String {
        self.values.push(v.into());
        format!("${}", self.values.len())
    }

    pub fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    pub fn statement(self, db: &impl ConnectionTrait) -> Statement {
        Statement::from_sql_and_values(db.get_database_backend(), self.text, self.values)
    }
}
