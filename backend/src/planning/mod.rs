//! Performance planning: periods and the SKP agreement workflow.

pub mod access;
pub mod bawahan;
pub mod daftar;
pub mod handlers;
pub mod hints;
pub mod pdf;
pub mod penetapan;
pub mod periods;
pub mod pohon;
pub mod riwayat;
pub mod skp;
pub mod templates;
pub mod versi;

pub use handlers::{routes, skp_routes};

pub const TAG: &str = "planning";
