//! Authentication: login with throttling, short-lived JWT access tokens, rotating refresh
//! tokens with reuse detection, password change, and the extractors handlers use.

pub mod akun_cache;
pub mod extractor;
pub mod handlers;
pub mod jwt;
pub mod password;
pub mod read_only;
pub mod service;
pub mod tokens;
pub mod viewer;

pub use extractor::{AuthUser, RequirePermission, SessionUser, perm};
pub use handlers::routes;
pub use viewer::{Viewer, ViewerWith};

pub const TAG: &str = "auth";
/// Name of the HttpOnly refresh-token cookie.
pub const REFRESH_COOKIE: &str = "kinerja_refresh";
/// The cookie is only sent to the auth endpoints.
pub const REFRESH_COOKIE_PATH: &str = "/api/v1/auth";
