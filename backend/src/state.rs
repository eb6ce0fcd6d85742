//! Application state, attached in `startup` (never inside `routes()`): one copy per worker,
//! which differ only in their database pool (`crate::database::worker_pool`) and their turn for
//! pages of many statements.

use std::sync::Arc;

use sea_orm::DatabaseConnection;

use crate::auth::jwt::JwtKeys;
use crate::clock::Clock;
use crate::config::Settings;
use crate::evaluation::service::Kebijakan;
use crate::http::RouteTable;
use crate::spa::Spa;

#[derive(Clone)]
pub struct AppState {
    /// This worker's pool: on PostgreSQL its connections live on the worker's own runtime.
    pub db: DatabaseConnection,
    /// This worker's turns for pages of many statements ([`crate::bacaan::Bacaan`]).
    pub bacaan: Arc<tokio::sync::Semaphore>,
    /// This worker's connections kept between requests (PostgreSQL; [`crate::bacaan`]).
    pub simpanan: Option<Arc<crate::bacaan::Simpanan>>,
    /// The read replica's pool (`KINERJA_DATABASE_READ_URL`); heavy reads take it through
    /// [`crate::replika::Baca`].
    pub replika: Option<Arc<crate::replika::Replika>>,
    pub settings: Settings,
    /// The evaluation policy from the settings, built once per process.
    pub kebijakan: Kebijakan,
    pub jwt: Arc<JwtKeys>,
    /// Documented paths and their methods, for 405 answers.
    pub routes: Arc<RouteTable>,
    pub spa: Option<Arc<Spa>>,
    /// This server's "now" for dates of the cycle; tests move it.
    pub clock: Clock,
    /// Signed-in accounts between requests (PostgreSQL, while listening for changes).
    pub akun: Arc<crate::auth::akun_cache::AkunCache>,
    /// Where stored files live (`KINERJA_STORAGE_URL`, docs/storage.md).
    pub storage: crate::storage::Storage,
}
