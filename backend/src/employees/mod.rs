//! Employees (pegawai): records with NIP validation, privacy, assignment history, superiors.

pub mod atasan;
pub mod handlers;
pub mod import;
pub mod log_akses;
pub mod service;
pub mod superiors;

pub use handlers::routes;

pub const TAG: &str = "employees";
