//! `/api/v1/notifications`: the signed-in user's notifications and the unread count.

use kinerja_api::planning::NotificationPage;
use uuid::Uuid;

use super::client::{self, ApiError, Call};

/// The newest notifications (all, or only unread ones) with the unread count.
///
/// # Errors
/// A network/decoding failure.
pub async fn list(unread: bool) -> Result<NotificationPage, ApiError> {
    client::authed(Call::get("/notifications").query(&[
        ("unread", unread.then(|| "true".to_owned())),
        ("per_page", Some("50".to_owned())),
    ]))
    .await
}

/// Marks one notification as read.
///
/// # Errors
/// `not_found`, or a network failure.
pub async fn read(id: Uuid) -> Result<(), ApiError> {
    client::authed::<serde_json::Value>(Call::post_empty(&format!("/notifications/{id}/read")))
        .await
        .map(|_| ())
}

/// Marks every notification as read.
///
/// # Errors
/// A network failure.
pub async fn read_all() -> Result<(), ApiError> {
    client::authed::<serde_json::Value>(Call::post_empty("/notifications/read-all"))
        .await
        .map(|_| ())
}
