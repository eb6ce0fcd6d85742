//! Announcements: `/api/v1/pengumuman`.

use kinerja_api::pengumuman::{PembacaPengumuman, Pengumuman, TulisPengumuman};
use kinerja_api::{Page, PageQuery};
use uuid::Uuid;

use super::client::{self, ApiError, Call};

/// Those showing to the viewer today, unread first (the banner).
///
/// # Errors
/// A network failure.
pub async fn aktif() -> Result<Vec<Pengumuman>, ApiError> {
    client::authed(Call::get("/pengumuman/aktif")).await
}

/// # Errors
/// `not_found` for one no longer showing to the viewer.
pub async fn baca(id: Uuid) -> Result<(), ApiError> {
    client::authed(Call::post_empty(&format!("/pengumuman/{id}/dibaca"))).await
}

/// The announcements the viewer manages, with read counts.
///
/// # Errors
/// `forbidden` for a viewer who writes none.
pub async fn kelola(page: PageQuery) -> Result<Page<Pengumuman>, ApiError> {
    client::authed(Call::get("/pengumuman").query(&[
        ("page", Some(page.page.to_string())),
        ("per_page", Some(page.per_page.to_string())),
    ]))
    .await
}

/// # Errors
/// `validation_failed` per field, `forbidden`.
pub async fn buat(req: &TulisPengumuman) -> Result<Pengumuman, ApiError> {
    client::authed(Call::post_json("/pengumuman", req)?).await
}

/// # Errors
/// `conflict` on a stale version; as [`buat`].
pub async fn ubah(id: Uuid, req: &TulisPengumuman) -> Result<Pengumuman, ApiError> {
    client::authed(Call::put_json(&format!("/pengumuman/{id}"), req)?).await
}

/// # Errors
/// `conflict` on a stale version.
pub async fn tarik(id: Uuid, lock_version: i32) -> Result<(), ApiError> {
    client::authed(
        Call::delete(&format!("/pengumuman/{id}"))
            .query(&[("lock_version", Some(lock_version.to_string()))]),
    )
    .await
}

/// # Errors
/// `forbidden` for someone who neither wrote it nor is the HR office.
pub async fn pembaca(id: Uuid, page: PageQuery) -> Result<Page<PembacaPengumuman>, ApiError> {
    client::authed(Call::get(&format!("/pengumuman/{id}/pembaca")).query(&[
        ("page", Some(page.page.to_string())),
        ("per_page", Some(page.per_page.to_string())),
    ]))
    .await
}

/// The units the viewer may address, in tree order.
///
/// # Errors
/// `forbidden` for a viewer who writes none.
pub async fn unit_sasaran() -> Result<Vec<kinerja_api::pengumuman::UnitSasaran>, ApiError> {
    client::authed(Call::get("/pengumuman/unit")).await
}
