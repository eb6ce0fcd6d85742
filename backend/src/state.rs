//! Shared application state, attached once in `startup` (never inside `routes()`).

use sea_orm::DatabaseConnection;

use crate::auth::jwt::JwtKeys;
use crate::clock::Clock;
use crate::config::Settings;
use crate::evaluation::service::Kebijakan;
use crate::http::RouteTable;
use crate::spa::Spa;

pub struct AppState {
    pub db: DatabaseConnection,
    /// The read replica's pool (`KINERJA_DATABASE_READ_URL`); heavy reads take it through
    /// [`crate::replika::Baca`].
    pub replika: Option<crate::replika::Replika>,
    pub settings: Settings,
    /// The evaluation policy from the settings, built once per process.
    pub kebijakan: Kebijakan,
    pub jwt: JwtKeys,
    /// Documented paths and their methods, for 405 answers.
    pub routes: RouteTable,
    pub spa: Option<Spa>,
    /// This server's "now" for dates of the cycle; tests move it.
    pub clock: Clock,
    /// Signed-in accounts between requests (PostgreSQL, while listening for changes).
    pub akun: std::sync::Arc<crate::auth::akun_cache::AkunCache>,
    /// Where stored files live (`KINERJA_STORAGE_URL`, docs/storage.md).
    pub storage: crate::storage::Storage,
}
