//! Recaps and exports the HR office sends upward (issue #19; docs/rekap.md): rekap SKP,
//! rekap evaluasi and rekap angka kredit of a unit and below (JSON preview and XLSX), and the
//! year's results for the national system (SIASN / e-Kinerja) as streamed CSV or JSON with its
//! validation. Aggregated in SQL over the unit's subtree (`sql.rs`), as the dashboards are.

pub mod handlers;
pub mod service;
pub mod sql;
pub mod xlsx;

pub use handlers::routes;

pub(crate) const TAG: &str = "rekap";
