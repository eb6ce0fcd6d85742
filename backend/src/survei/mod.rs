//! The citizen satisfaction survey (SKM) of a service unit and its IKM (issue #17;
//! docs/ikm.md): staff manage surveys and read results, citizens answer the public form
//! without an account. The formula is `kinerja_api::ikm`.

pub mod halaman;
pub mod halaman_ikm;
pub mod handlers;
pub mod handlers_dokumen;
pub mod iki;
pub mod iki_handlers;
pub mod iki_hitung;
pub mod ikm_publik;
pub mod kertas;
pub mod laporan;
pub mod poster;
pub mod profil;
pub mod publik;
pub mod service;
pub mod simpan;
pub mod tindak_lanjut;
pub mod tren;

pub use handlers::{public_routes, routes};
pub use iki_handlers::skp_routes;

pub(crate) const TAG: &str = "survei";
