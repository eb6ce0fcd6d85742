//! Personal data: `/api/v1/saya/data` (one's own, as a download) and `/api/v1/privasi/akses`
//! (the reads of personal data, for the HR office and the auditor).

use kinerja_api::Page;
use kinerja_api::privasi::{AksesData, JenisAkses};

use super::client::{self, ApiError, Call};

/// Downloads one's own data as JSON (`pdf == false`) or PDF.
///
/// # Errors
/// `not_found` for an account without an employee record, or a network failure.
pub async fn data_saya(pdf: bool) -> Result<(), ApiError> {
    if pdf {
        client::download(Call::get("/saya/data.pdf"), "data-saya.pdf").await
    } else {
        client::download(Call::get("/saya/data"), "data-saya.json").await
    }
}

/// The listing's filters; empty ones are left out. Instants as RFC 3339 text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AksesFilter {
    pub dari: Option<String>,
    pub sampai: Option<String>,
    pub aktor_id: Option<String>,
    pub pegawai_id: Option<String>,
    pub jenis: Option<JenisAkses>,
}

fn params(f: &AksesFilter) -> Vec<(&'static str, Option<String>)> {
    vec![
        ("dari", f.dari.clone()),
        ("sampai", f.sampai.clone()),
        ("aktor_id", f.aktor_id.clone()),
        ("pegawai_id", f.pegawai_id.clone()),
        ("jenis", f.jenis.map(|j| j.as_str().to_owned())),
    ]
}

/// One page of reads, newest first.
///
/// # Errors
/// `forbidden` without `read_audit`, `validation_failed`, or a network failure.
pub async fn akses(page: u64, f: &AksesFilter) -> Result<Page<AksesData>, ApiError> {
    let mut q = params(f);
    q.push(("page", Some(page.to_string())));
    q.push(("per_page", Some("20".to_owned())));
    client::authed(Call::get("/privasi/akses").query(&q)).await
}

/// The same reads as CSV, downloaded.
///
/// # Errors
/// As [`akses`].
pub async fn akses_csv(f: &AksesFilter) -> Result<(), ApiError> {
    client::download(
        Call::get("/privasi/akses.csv").query(&params(f)),
        "akses-data-pribadi.csv",
    )
    .await
}
