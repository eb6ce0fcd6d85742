//! The yearly competency development plan of an instansi (rencana pengembangan kompetensi;
//! issue #18, docs/pengembangan.md "Rencana pengembangan kompetensi tahunan"): the HR office
//! consolidates the agreed needs into a draft per year and edits it, the pimpinan heading the
//! instansi sets it, set versions stay frozen and listable, and the plan shows per unit who
//! still lacks a planned development to reach 20 JP. Exported as XLSX.

mod baca;
pub mod handlers;
pub mod service;
mod tulis;
pub mod xlsx;

pub use handlers::routes;

pub(crate) const TAG: &str = "pengembangan";
