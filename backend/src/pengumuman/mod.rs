//! Announcements (pengumuman; issue #19, docs/pengumuman.md): written by the HR office to the
//! instansi, a unit subtree or a role, or by a pimpinan to a unit they lead; shown to their
//! readers as a banner on their days until marked read; read counts for their authors.

pub mod handlers;
pub mod service;

pub use handlers::routes;

pub(crate) const TAG: &str = "pengumuman";
