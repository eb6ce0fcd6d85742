//! `/api/v1/users` (requires `manage_users`).

use kinerja_api::users::User;
use kinerja_api::{Page, PageQuery};

use super::client::{self, ApiError, Call};

/// One page of user accounts.
///
/// # Errors
/// `forbidden` without `manage_users`, or a network/decoding failure.
pub async fn list_users(page: PageQuery) -> Result<Page<User>, ApiError> {
    client::authed(Call::get("/users").query(&[
        ("page", Some(page.page.to_string())),
        ("per_page", Some(page.per_page.to_string())),
    ]))
    .await
}
