//! `/api/v1/sistem` (requires `manage_users`).

use kinerja_api::cadangan::RingkasanCadangan;
use kinerja_api::pengingat::{JedaBaru, JedaPengingat};
use kinerja_api::{Page, PageQuery};
use uuid::Uuid;

use super::client::{self, ApiError, Call};

/// The backups: the last success, the schedule, the latest runs, and whether one is overdue.
///
/// # Errors
/// `forbidden`, or a network failure.
pub async fn cadangan() -> Result<RingkasanCadangan, ApiError> {
    client::authed(Call::get("/sistem/cadangan")).await
}

/// The silences of the cycle's reminders not yet over (`manage_organisation`).
///
/// # Errors
/// `forbidden`, or a network failure.
pub async fn jeda(page: PageQuery) -> Result<Page<JedaPengingat>, ApiError> {
    client::authed(Call::get("/pengingat/jeda").query(&[
        ("page", Some(page.page.to_string())),
        ("per_page", Some(page.per_page.to_string())),
    ]))
    .await
}

/// # Errors
/// `validation_failed` per field, `forbidden`.
pub async fn jeda_baru(req: &JedaBaru) -> Result<JedaPengingat, ApiError> {
    client::authed(Call::post_json("/pengingat/jeda", req)?).await
}

/// # Errors
/// `not_found` for one already removed.
pub async fn jeda_hapus(id: Uuid) -> Result<(), ApiError> {
    client::authed(Call::delete(&format!("/pengingat/jeda/{id}"))).await
}
