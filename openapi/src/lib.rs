//! The Kinerja API contract.
//!
//! Every request and response body of the REST API is defined here, once, and used by both the
//! backend (which derives the OpenAPI schema from it behind the `openapi` feature) and the SPA
//! (which compiles it to wasm and runs the same `validator` rules before sending a form).
//! Rules that the server enforces are also written as `schema(...)` attributes so that the
//! published OpenAPI document states them.
//!
//! This crate must stay free of database and server dependencies and build for
//! `wasm32-unknown-unknown`.

pub mod audit;
pub mod auth;
pub mod beranda;
pub mod cadangan;
pub mod dasbor;
pub mod employees;
pub mod error;
pub mod evaluation;
pub mod ikm;
pub mod integrations;
pub mod measurement;
pub mod nip;
pub mod organisation;
pub mod pagination;
pub mod panduan;
pub mod pengembangan;
pub mod pengembangan_rencana;
pub mod pengingat;
pub mod pengumuman;
pub mod penilaian;
pub mod pesan;
pub mod planning;
pub mod privasi;
pub mod rekap;
pub mod spa;
pub mod survei;
pub mod survei_iki;
pub mod survei_kertas;
pub mod survei_publik;
pub mod survei_tindak;
pub mod system;
pub mod talenta;
pub mod users;
pub mod validation;

pub use error::{ErrorBody, ErrorCode};
pub use pagination::{Page, PageQuery};
pub use pesan::{Message, Pesan};
