//! The append-only, hash-chained audit trail.

pub mod handlers;
pub mod service;
pub mod verify;

pub use handlers::routes;

pub const TAG: &str = "audit";
