//! Evaluation (penilaian kinerja): the PPKin's ratings and the predikat by the kuadran, the
//! organisation predikat and the distribution pattern, objections decided by the Atasan PPKin,
//! improvement plans and the angka kredit conversion.

pub mod document;
pub mod handlers;
pub mod katalog;
pub mod lampiran;
pub mod service;

pub use handlers::routes;

pub(crate) const TAG: &str = "evaluation";
