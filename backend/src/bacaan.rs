//! Reads that keep their connection between requests (docs/performance.md, "Pages of many
//! statements").
//!
//! sqlx checks a pooled PostgreSQL connection with a round trip (`Sync`, answered by
//! `ReadyForQuery`) every time it goes back to its pool, and outside a transaction that is
//! after every statement: a request of one statement made two round trips. A worker therefore
//! keeps a few connections of its own ([`Simpanan`]) that never go back to sqlx: a request
//! borrows one for all its reads ([`Bacaan`]) and hands it back when it ends, with no round
//! trip. A connection is handed back only when its last statement finished; one left mid-way
//! (a request cancelled while PostgreSQL answered) or after an error is closed instead, so the
//! next borrower never reads a stranger's answer. On SQLite a [`Bacaan`] is the shared
//! connection itself.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use sea_orm::sqlx::postgres::{PgConnectOptions, PgConnection};
use sea_orm::sqlx::{self, Connection, Executor};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DbBackend, DbErr, ExecResult, QueryResult, RuntimeErr,
    Statement,
};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::database::{PING_IF_IDLE_FOR, count_statement};
use crate::error::AppError;
use crate::state::AppState;

/// How long a request waits for one of its worker's kept connections, as for the pool's.
const WAIT: Duration = Duration::from_secs(10);
/// A kept connection unused this long is closed (sqlx's pools close theirs after ten minutes).
const CLOSE_IF_IDLE_FOR: Duration = Duration::from_secs(600);

/// One worker's kept PostgreSQL connections: at most `slots` open, the idle ones on a stack
/// (the most recently used first, so a quiet server keeps using few of them).
pub struct Simpanan {
    connect: PgConnectOptions,
    idle: Mutex<Vec<(PgConnection, Instant)>>,
    slots: Arc<Semaphore>,
}

impl Simpanan {
    /// A worker's store beside its pool `db`, opening at most `share` connections, lazily and
    /// so on the worker's own runtime. `None` on SQLite.
    #[must_use]
    pub fn new(db: &DatabaseConnection, share: u32) -> Option<Arc<Self>> {
        if db.get_database_backend() != DbBackend::Postgres {
            return None;
        }
        let connect = (*db.get_postgres_connection_pool().connect_options()).clone();
        Some(Arc::new(Self {
            connect,
            idle: Mutex::new(Vec::new()),
            slots: Arc::new(Semaphore::new(usize::try_from(share.max(1)).unwrap_or(1))),
        }))
    }

    fn idle(&self) -> std::sync::MutexGuard<'_, Vec<(PgConnection, Instant)>> {
        self.idle.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Borrows one of the kept connections (opening one while fewer than `share` are open),
    /// for the reads of one request.
    ///
    /// # Errors
    /// None free within the pool's wait, or none could be opened.
    pub async fn pinjam(self: &Arc<Self>) -> Result<Bacaan, AppError> {
        let slot = tokio::time::timeout(WAIT, self.slots.clone().acquire_owned())
            .await
            .map_err(|_| DbErr::ConnectionAcquire(sea_orm::ConnAcquireErr::Timeout))?
            .map_err(|e| AppError::Unexpected(e.into()))?;
        loop {
            let kept = self.idle().pop();
            let conn = match kept {
                Some((mut conn, since)) => {
                    // One kept idle for a while may have been dropped by a restart or a proxy.
                    if since.elapsed() >= PING_IF_IDLE_FOR && conn.ping().await.is_err() {
                        continue;
                    }
                    conn
                }
                None => PgConnection::connect_with(&self.connect)
                    .await
                    .map_err(|e| DbErr::Conn(RuntimeErr::SqlxError(e.into())))?,
            };
            return Ok(Bacaan {
                jalur: Jalur::Pinjaman(Pinjaman {
                    conn: tokio::sync::Mutex::new(Some(conn)),
                    bersih: AtomicBool::new(true),
                    gagal: AtomicBool::new(false),
                    home: self.clone(),
                    _slot: slot,
                }),
                _giliran: None,
            });
        }
    }
}

/// A kept connection borrowed for one request.
struct Pinjaman {
    conn: tokio::sync::Mutex<Option<PgConnection>>,
    /// False from the moment a statement is sent until its answer is read in full.
    bersih: AtomicBool,
    /// Set for good by an error. Either way the connection is closed, not handed back.
    gagal: AtomicBool,
    home: Arc<Simpanan>,
    _slot: OwnedSemaphorePermit,
}

impl Drop for Pinjaman {
    fn drop(&mut self) {
        if !self.bersih.load(Ordering::Acquire) || self.gagal.load(Ordering::Acquire) {
            return;
        }
        let Some(conn) = self.conn.get_mut().take() else {
            return;
        };
        let mut idle = self.home.idle();
        // The least recently used is at the bottom: one unused for long is closed, as sqlx's
        // pool closes its idle connections, so a quiet worker does not keep a burst's worth.
        let stale = idle
            .first()
            .is_some_and(|(_, since)| since.elapsed() >= CLOSE_IF_IDLE_FOR)
            .then(|| idle.remove(0).0);
        idle.push((conn, Instant::now()));
        drop(idle);
        if let Some(old) = stale
            && let Ok(rt) = tokio::runtime::Handle::try_current()
        {
            rt.spawn(async move {
                let _ = old.close().await;
            });
        }
    }
}

impl Pinjaman {
    /// Runs `f` on the connection, keeping it only if `f` finishes without an error.
    async fn run<T>(
        &self,
        f: impl AsyncFnOnce(&mut PgConnection) -> Result<T, sqlx::Error>,
    ) -> Result<T, sqlx::Error> {
        let mut guard = self.conn.lock().await;
        let conn = guard.as_mut().ok_or(sqlx::Error::PoolClosed)?;
        self.bersih.store(false, Ordering::Release);
        count_statement();
        let out = f(conn).await;
        if out.is_err() {
            self.gagal.store(true, Ordering::Release);
        }
        self.bersih.store(true, Ordering::Release);
        out
    }
}

fn query(stmt: &Statement) -> sqlx::query::Query<'_, sqlx::Postgres, sea_query_sqlx::SqlxValues> {
    let values = stmt
        .values
        .clone()
        .unwrap_or(sea_orm::sea_query::Values(Vec::new()));
    sqlx::query_with(
        sqlx::AssertSqlSafe(stmt.sql.as_str()),
        sea_query_sqlx::SqlxValues(values),
    )
}

fn exec_err(e: sqlx::Error) -> DbErr {
    DbErr::Exec(RuntimeErr::SqlxError(e.into()))
}

fn query_err(e: sqlx::Error) -> DbErr {
    DbErr::Query(RuntimeErr::SqlxError(e.into()))
}

/// The reads of one request through one connection: on PostgreSQL one of the worker's kept
/// connections, on SQLite the shared one. Pages of many statements (a work list, a beranda, an
/// evaluation page) take it with [`Bacaan::mulai`], in the worker's turn for such pages;
/// requests of a statement or two with [`Bacaan::ambil`]. Taken in the handler's body once the
/// extractors have passed, so a refused request does not wait for a connection. A write through
/// it is committed at once, as on the pool; writes of several statements take a transaction.
pub struct Bacaan {
    // Fields drop in order: the connection is handed back before the turn is passed.
    jalur: Jalur,
    _giliran: Option<OwnedSemaphorePermit>,
}

enum Jalur {
    Pinjaman(Pinjaman),
    Bersama(DatabaseConnection),
}

impl Bacaan {
    /// Pages of many statements one worker builds at once. Measured at 16 clients on two
    /// cores: one at a time gave the steadiest tail but idled the worker while a page waited
    /// on PostgreSQL; unbounded, the work list's p99 tripled.
    pub const GILIRAN: usize = 2;

    /// A worker's turns, made where its state is.
    #[must_use]
    pub fn giliran() -> Arc<Semaphore> {
        Arc::new(Semaphore::new(Self::GILIRAN))
    }

    /// For a page of many statements: waits for this worker's turn, then borrows a connection.
    ///
    /// # Errors
    /// No connection within the pool's wait, or none could be opened.
    pub async fn mulai(state: &AppState) -> Result<Self, AppError> {
        let giliran = state
            .bacaan
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| AppError::Unexpected(e.into()))?;
        let mut bacaan = Self::ambil(state).await?;
        bacaan._giliran = Some(giliran);
        Ok(bacaan)
    }

    /// For a request of a statement or two: borrows a connection at once.
    ///
    /// # Errors
    /// No connection within the pool's wait, or none could be opened.
    pub async fn ambil(state: &AppState) -> Result<Self, AppError> {
        match &state.simpanan {
            Some(simpanan) => simpanan.pinjam().await,
            None => Ok(Self {
                jalur: Jalur::Bersama(state.db.clone()),
                _giliran: None,
            }),
        }
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for Bacaan {
    fn get_database_backend(&self) -> DbBackend {
        match &self.jalur {
            Jalur::Pinjaman(_) => DbBackend::Postgres,
            Jalur::Bersama(db) => db.get_database_backend(),
        }
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        match &self.jalur {
            Jalur::Pinjaman(p) => p
                .run(async |c| query(&stmt).execute(c).await)
                .await
                .map(Into::into)
                .map_err(exec_err),
            Jalur::Bersama(db) => db.execute_raw(stmt).await,
        }
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        match &self.jalur {
            Jalur::Pinjaman(p) => p
                .run(async |c| c.execute(sqlx::raw_sql(sqlx::AssertSqlSafe(sql))).await)
                .await
                .map(Into::into)
                .map_err(exec_err),
            Jalur::Bersama(db) => db.execute_unprepared(sql).await,
        }
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        match &self.jalur {
            Jalur::Pinjaman(p) => p
                .run(async |c| query(&stmt).fetch_optional(c).await)
                .await
                .map(|row| row.map(Into::into))
                .map_err(query_err),
            Jalur::Bersama(db) => db.query_one_raw(stmt).await,
        }
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        match &self.jalur {
            Jalur::Pinjaman(p) => p
                .run(async |c| query(&stmt).fetch_all(c).await)
                .await
                .map(|rows| rows.into_iter().map(Into::into).collect())
                .map_err(query_err),
            Jalur::Bersama(db) => db.query_all_raw(stmt).await,
        }
    }

    fn support_returning(&self) -> bool {
        match &self.jalur {
            Jalur::Pinjaman(_) => true,
            Jalur::Bersama(db) => db.support_returning(),
        }
    }
}
