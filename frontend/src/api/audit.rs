//! `/api/v1/audit` (requires `read_audit`).

use chrono::NaiveDate;
use kinerja_api::audit::AuditEvent;
use kinerja_api::{Page, PageQuery};

use super::client::{self, ApiError, Call};

/// The audit page's filters; empty ones are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// The acting person, by name or username.
    pub aktor: Option<String>,
    pub action: Option<String>,
    pub tanggal_dari: Option<NaiveDate>,
    pub tanggal_sampai: Option<NaiveDate>,
}

/// One page of the audit trail, newest first.
///
/// # Errors
/// `forbidden` without `read_audit`, `validation_failed` for a range that ends before it
/// starts, or a network/decoding failure.
pub async fn list_events(
    page: PageQuery,
    filter: AuditFilter,
) -> Result<Page<AuditEvent>, ApiError> {
    let day = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    client::authed(Call::get("/audit").query(&[
        ("page", Some(page.page.to_string())),
        ("per_page", Some(page.per_page.to_string())),
        ("aktor", filter.aktor),
        ("action", filter.action),
        ("tanggal_dari", day(filter.tanggal_dari)),
        ("tanggal_sampai", day(filter.tanggal_sampai)),
    ]))
    .await
}
