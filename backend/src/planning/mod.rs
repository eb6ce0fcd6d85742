//! Performance planning: periods and the SKP agreement workflow.

pub mod bawahan;
pub mod handlers;
pub mod pdf;
pub mod periods;
pub mod skp;
pub mod templates;
pub mod versi;

pub use handlers::routes;

pub const TAG: &str = "planning";
