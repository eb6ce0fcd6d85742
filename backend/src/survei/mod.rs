//! The citizen satisfaction survey (SKM) of a service unit and its IKM (issue #17;
//! docs/ikm.md): staff manage surveys and read results, citizens answer the public form
//! without an account. The formula is `kinerja_api::ikm`.

pub mod handlers;
pub mod iki;
pub mod iki_handlers;
pub mod iki_hitung;
pub mod publik;
pub mod service;

pub use handlers::routes;
pub use iki_handlers::skp_routes;

pub(crate) const TAG: &str = "survei";
