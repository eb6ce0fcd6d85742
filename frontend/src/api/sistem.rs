//! `/api/v1/sistem` (requires `manage_users`).

use kinerja_api::cadangan::RingkasanCadangan;

use super::client::{self, ApiError, Call};

/// The backups: the last success, the schedule, the latest runs, and whether one is overdue.
///
/// # Errors
/// `forbidden`, or a network failure.
pub async fn cadangan() -> Result<RingkasanCadangan, ApiError> {
    client::authed(Call::get("/sistem/cadangan")).await
}
