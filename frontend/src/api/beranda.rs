//! `/api/v1/beranda`: the signed-in user's to-do list.

use kinerja_api::beranda::Beranda;

use super::client::{self, ApiError, Call};

/// What the user is to do next, most urgent first.
///
/// # Errors
/// A network/decoding failure.
pub async fn get() -> Result<Beranda, ApiError> {
    client::authed(Call::get("/beranda")).await
}
