//! In-app guides (panduan; issue #19, docs/panduan.md): short how-to pages per role in Bahasa
//! Indonesia and English, searchable, written by the HR office in Markdown that the server
//! renders to safe HTML.

pub mod handlers;
pub mod markdown;
pub mod service;

pub use handlers::routes;

pub(crate) const TAG: &str = "panduan";
