//! The signed-in account (user, roles, employee record) kept in memory between requests, so an
//! authenticated request does not spend a statement re-reading it (docs/performance.md).
//!
//! Only on PostgreSQL, and only while this server listens for changes: triggers on `users`,
//! `user_roles` and `employees` (migration 22) send `NOTIFY kinerja_akun` with the account's id
//! when anything a request relies on changes — a role revoked, an account deactivated, a
//! password changed, a record linked or moved — whoever made the change (another server, the
//! CLI, a bulk import). Each server evicts that account at once. While the listening connection
//! is down the cache is off (every request reads the database) and it starts empty again. An
//! entry also expires after [`TTL`] as a last bound. SQLite is one server in one process and
//! reads in microseconds: it does not cache.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use sea_orm::{DatabaseConnection, DbBackend};
use uuid::Uuid;

use crate::config::Settings;
use crate::users::service::Principal;

/// The notification channel the triggers of migration 22 send on.
pub const CHANNEL: &str = "kinerja_akun";
const TTL: Duration = Duration::from_secs(60);
/// Above this many accounts the cache starts over rather than growing.
const CAPACITY: usize = 50_000;

#[derive(Default)]
pub struct AkunCache {
    on: AtomicBool,
    /// Bumped by every eviction: a read that began before one is not cached after it.
    generation: AtomicU64,
    entries: Mutex<HashMap<Uuid, (Arc<Principal>, Instant)>>,
}

impl AkunCache {
    fn entries(&self) -> std::sync::MutexGuard<'_, HashMap<Uuid, (Arc<Principal>, Instant)>> {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn get(&self, id: Uuid) -> Option<Arc<Principal>> {
        if !self.on.load(Ordering::Acquire) {
            return None;
        }
        self.entries()
            .get(&id)
            .filter(|(_, at)| at.elapsed() < TTL)
            .map(|(p, _)| p.clone())
    }

    /// The generation to hand to [`AkunCache::put`] for a read starting now.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    pub fn put(&self, p: Arc<Principal>, read_at_generation: u64) {
        if !self.on.load(Ordering::Acquire) {
            return;
        }
        let mut entries = self.entries();
        // Checked under the lock that evictions take: nothing stale slips in after one.
        if self.generation.load(Ordering::Acquire) != read_at_generation {
            return;
        }
        if entries.len() >= CAPACITY {
            entries.clear();
        }
        entries.insert(p.user.id, (p, Instant::now()));
    }

    pub fn evict(&self, id: Uuid) {
        let mut entries = self.entries();
        self.generation.fetch_add(1, Ordering::AcqRel);
        entries.remove(&id);
    }

    pub fn clear(&self) {
        let mut entries = self.entries();
        self.generation.fetch_add(1, Ordering::AcqRel);
        entries.clear();
    }

    fn switch(&self, on: bool) {
        self.clear();
        self.on.store(on, Ordering::Release);
    }

    pub fn is_on(&self) -> bool {
        self.on.load(Ordering::Acquire)
    }
}

/// Listens for account changes on PostgreSQL for as long as the server runs, reconnecting
/// after a failure; the cache is on only while subscribed.
///
/// A LISTEN through a pooler in transaction mode is lost when the pooler hands the server
/// connection to someone else: behind one (`KINERJA_DATABASE_POOLED`) the listener uses the
/// direct `KINERJA_DATABASE_LISTEN_URL`, and without it the cache stays off (docs/replicas.md).
pub fn spawn_listener(db: &DatabaseConnection, settings: &Settings, cache: Arc<AkunCache>) {
    if db.get_database_backend() != DbBackend::Postgres {
        return;
    }
    let direct = settings
        .database_listen_url
        .as_ref()
        .map(|u| u.expose().to_owned());
    if direct.is_none() && settings.database_pooled {
        tracing::warn!(
            "account cache off: KINERJA_DATABASE_URL goes through a pooler in transaction mode \
             (KINERJA_DATABASE_POOLED) and KINERJA_DATABASE_LISTEN_URL is not set, so this server \
             cannot hear account changes; every request reads the account from the database"
        );
        return;
    }
    let pool = db.get_postgres_connection_pool().clone();
    tokio::spawn(async move {
        use sea_orm::sqlx::postgres::PgListener;
        loop {
            let connected = match &direct {
                Some(url) => PgListener::connect(url).await,
                None => PgListener::connect_with(&pool).await,
            };
            let subscribed = match connected {
                Ok(mut listener) => match listener.listen(CHANNEL).await {
                    Ok(()) => Some(listener),
                    Err(e) => {
                        tracing::warn!(error = %e, "account cache: LISTEN failed");
                        None
                    }
                },
                Err(e) => {
                    tracing::warn!(error = %e, "account cache: no listening connection");
                    None
                }
            };
            if let Some(mut listener) = subscribed {
                cache.switch(true);
                // `Ok(None)`: the connection dropped, and with it any notification sent
                // meanwhile; start over with an empty cache.
                while let Ok(Some(n)) = listener.try_recv().await {
                    match Uuid::parse_str(n.payload()) {
                        Ok(id) => cache.evict(id),
                        Err(_) => cache.clear(),
                    }
                }
                tracing::warn!("account cache: listening connection lost; cache off");
            }
            cache.switch(false);
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
}

/// Middleware: a write to accounts, roles or employee records that succeeded on this server
/// empties its cache before the answer leaves, so the very next request here already sees it
/// (the notification reaches the other servers, and this one, a moment later).
pub async fn forget_after_account_writes(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    use actix_web::http::Method;
    let touches_accounts = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        && [
            "/api/v1/users",
            "/api/v1/employees",
            "/api/v1/auth/change-password",
        ]
        .iter()
        .any(|p| req.path().starts_with(p));
    let state = req
        .app_data::<actix_web::web::Data<crate::state::AppState>>()
        .cloned();
    let res = next.call(req).await?;
    if touches_accounts
        && res.status().is_success()
        && let Some(state) = state
    {
        state.akun.clear();
    }
    Ok(res)
}
