//! `/api/v1/users` (requires `manage_users`).

use kinerja_api::users::{
    AkunPegawai, BuatAkunPegawai, BuatAkunUnit, HasilAkunUnit, PasswordDireset, User,
};
use kinerja_api::{Page, PageQuery};
use uuid::Uuid;

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

/// An account for one employee, with its one-time password.
///
/// # Errors
/// `conflict` when the employee has an account or the NIP is taken, `forbidden`, `not_found`.
pub async fn create_for_employee(employee_id: Uuid) -> Result<AkunPegawai, ApiError> {
    client::authed(Call::post_json(
        "/users/akun-pegawai",
        &BuatAkunPegawai { employee_id },
    )?)
    .await
}

/// Accounts for every employee of a unit (and its sub-units) who has none.
///
/// # Errors
/// `forbidden`, `not_found` for an unknown unit, `conflict` on a concurrent creation.
pub async fn create_for_unit(request: &BuatAkunUnit) -> Result<HasilAkunUnit, ApiError> {
    client::authed(Call::post_json("/users/akun-pegawai/unit", request)?).await
}

/// A new one-time password for an account.
///
/// # Errors
/// `forbidden` for one's own or a more privileged account, `not_found`.
pub async fn reset_password(id: Uuid) -> Result<PasswordDireset, ApiError> {
    client::authed(Call::post_empty(&format!("/users/{id}/reset-password"))).await
}
