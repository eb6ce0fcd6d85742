//! Organisation: instansi, the unit tree, positions (jabatan) and the reference lists.

pub mod berakhlak;
pub mod handlers;
pub mod import;
pub mod service;
pub mod tree;

pub use handlers::routes;

pub const TAG: &str = "organisation";
