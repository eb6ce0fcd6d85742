//! The home page (beranda): what the signed-in user is to do next, and by when.

pub mod handlers;
pub mod langkah;
pub mod service;

pub use handlers::routes;

pub(crate) const TAG: &str = "beranda";
