//! `/api/v1/audit` (requires `read_audit`).

use kinerja_api::audit::AuditEvent;
use kinerja_api::{Page, PageQuery};

use super::client::{self, ApiError, Call};

/// One page of the audit trail, newest first.
///
/// # Errors
/// `forbidden` without `read_audit`, or a network/decoding failure.
pub async fn list_events(page: PageQuery) -> Result<Page<AuditEvent>, ApiError> {
    client::authed(Call::get("/audit").query(&[
        ("page", Some(page.page.to_string())),
        ("per_page", Some(page.per_page.to_string())),
    ]))
    .await
}
