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

/// The user's first steps.
///
/// # Errors
/// A network/decoding failure.
pub async fn langkah_awal() -> Result<kinerja_api::beranda::DaftarLangkahAwal, ApiError> {
    client::authed(Call::get("/beranda/langkah-awal")).await
}

/// Confirms one's data (`data`) or dismisses the list.
///
/// # Errors
/// A network failure.
pub async fn tandai_langkah_awal(data: bool) -> Result<(), ApiError> {
    let path = if data {
        "/beranda/langkah-awal/data-diperiksa"
    } else {
        "/beranda/langkah-awal/tutup"
    };
    client::authed(Call::post_empty(path)).await
}
