//! Guides: `/api/v1/panduan`.

use kinerja_api::panduan::{Panduan, PanduanQuery, RingkasanPanduan, TulisPanduan};
use kinerja_api::{Page, PageQuery};

use super::client::{self, ApiError, Call};

/// # Errors
/// `validation_failed` for a bad filter.
pub async fn daftar(q: &PanduanQuery, page: PageQuery) -> Result<Page<RingkasanPanduan>, ApiError> {
    client::authed(Call::get("/panduan").query(&[
        ("q", q.q.clone().filter(|s| !s.trim().is_empty())),
        ("peran", q.peran.map(|p| p.as_str().to_owned())),
        ("layar", q.layar.clone().filter(|s| !s.is_empty())),
        ("page", Some(page.page.to_string())),
        ("per_page", Some(page.per_page.to_string())),
    ]))
    .await
}

/// # Errors
/// `not_found` for an unknown slug.
pub async fn satu(slug: &str) -> Result<Panduan, ApiError> {
    client::authed(Call::get(&format!("/panduan/{slug}"))).await
}

/// # Errors
/// `validation_failed` per field, `forbidden`.
pub async fn buat(req: &TulisPanduan) -> Result<Panduan, ApiError> {
    client::authed(Call::post_json("/panduan", req)?).await
}

/// # Errors
/// `conflict` on a stale version; as [`buat`].
pub async fn ubah(slug: &str, req: &TulisPanduan) -> Result<Panduan, ApiError> {
    client::authed(Call::put_json(&format!("/panduan/{slug}"), req)?).await
}

/// # Errors
/// `conflict` on a stale version or for a built-in guide.
pub async fn hapus(slug: &str, lock_version: i32) -> Result<(), ApiError> {
    client::authed(
        Call::delete(&format!("/panduan/{slug}"))
            .query(&[("lock_version", Some(lock_version.to_string()))]),
    )
    .await
}
