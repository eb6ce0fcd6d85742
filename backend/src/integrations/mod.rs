//! Data from other government systems: API clients with OAuth2 client credentials, IKI
//! data-key bindings, and the batch ingest of indicator values.

pub mod bindings;
pub mod client_auth;
pub mod clients;
pub mod handlers;
pub mod ingest;

pub use handlers::{routes, skp_routes};

pub(crate) const TAG: &str = "integrations";
