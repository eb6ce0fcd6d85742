//! User accounts and their roles, managed by the HR office.

pub mod akun;
pub mod handlers;
pub mod service;

pub use handlers::routes;

pub const TAG: &str = "users";
