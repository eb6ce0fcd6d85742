//! Measurement: rencana aksi and realisasi per IKI and sub-period, capaian, and locking.

pub mod evidence;
pub mod feedback;
pub mod handlers;
pub mod service;
pub mod tahun;

pub use handlers::{routes, skp_routes};

pub const TAG: &str = "measurement";
