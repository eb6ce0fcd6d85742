//! The only code that performs HTTP. One file per backend feature, all typed with the
//! `kinerja-api` DTOs; [`client`] holds the shared machinery.

pub mod audit;
pub mod auth;
pub mod beranda;
mod client;
pub mod dasbor;
pub mod employees;
pub mod evaluation;
pub mod integrations;
pub mod measurement;
pub mod notifications;
pub mod organisation;
pub mod panduan;
pub mod pengembangan;
pub mod pengembangan_rencana;
pub mod pengumuman;
pub mod privasi;
pub mod rekap;
pub mod sistem;
pub mod skp;
pub mod survei;
pub mod talenta;
pub mod users;

pub use client::{ApiError, Progress, SessionEvent, on_session_event, refresh_session, save_text};
