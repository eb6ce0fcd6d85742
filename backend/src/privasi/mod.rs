//! Personal data under UU 27/2022 "PDP" (issue #20, docs/privasi.md): the employee's own data
//! and the record of its processing (Data Saya), the HR office's listing of reads for a breach
//! notice, the alert on an unusual number of reads, and the retention of leavers' private
//! fields. The access log itself is `employees::log_akses`.

pub mod akses;
pub mod data_saya;
pub mod handlers;
pub mod pdf;
pub mod peringatan;
pub mod retensi;

pub use handlers::routes;

pub(crate) const TAG: &str = "privasi";
