//! Dashboards of pimpinan and the HR office (issue #19; docs/dasbor.md): the compliance of the
//! cycle per unit with the people behind each number, and what the units achieved. Aggregated
//! in SQL over the unit's subtree (`sql.rs`), never by loading the SKPs.

pub mod handlers;
pub mod service;
mod simpan;
pub mod sql;

pub use simpan::Aturan;

pub use handlers::routes;

pub(crate) const TAG: &str = "dasbor";
