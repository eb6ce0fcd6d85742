//! API clients of other government systems: `/api/v1/api-clients` (admin).

use kinerja_api::integrations::{ApiClient, ApiClientCreated, CreateApiClient, UpdateApiClient};
use uuid::Uuid;

use super::client::{self, ApiError, Call};

/// Every registered client (never a secret).
///
/// # Errors
/// `forbidden`, or a network failure.
pub async fn list() -> Result<Vec<ApiClient>, ApiError> {
    client::authed(Call::get("/api-clients")).await
}

/// Registers a client; the answer holds the secret, shown this once.
///
/// # Errors
/// `validation_failed` (`nama`, `unit_id`, `scopes`), `forbidden`.
pub async fn create(request: &CreateApiClient) -> Result<ApiClientCreated, ApiError> {
    client::authed(Call::post_json("/api-clients", request)?).await
}

/// Enables or disables a client.
///
/// # Errors
/// `not_found`, `forbidden`.
pub async fn set_active(id: Uuid, aktif: bool) -> Result<ApiClient, ApiError> {
    client::authed(Call::patch_json(
        &format!("/api-clients/{id}"),
        &UpdateApiClient { aktif },
    )?)
    .await
}
