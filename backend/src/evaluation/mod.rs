//! Evaluation (penilaian kinerja): the PPKin's ratings and the predikat by the kuadran, the
//! organisation predikat and the distribution pattern, objections decided by the Atasan PPKin,
//! improvement plans and the angka kredit conversion.

pub mod document;
pub mod halaman;
pub mod handlers;
pub mod katalog;
pub mod keberatan;
pub mod kredit;
pub mod lampiran;
pub mod organisasi;
pub mod penilaian;
pub mod perbaikan;
pub mod service;

pub use handlers::{public_routes, routes, skp_routes};

pub(crate) const TAG: &str = "evaluation";
