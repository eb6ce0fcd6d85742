//! Dashboards: `/api/v1/dasbor`.

use kinerja_api::PageQuery;
use kinerja_api::dasbor::{Dasbor, Langkah, PegawaiDasbor};
use uuid::Uuid;

use super::client::{self, ApiError, Call};

/// One dashboard view: the unit (the viewer's default when none) and its direct sub-units.
///
/// # Errors
/// `not_found` for a unit outside the viewer's subtree; `forbidden` without the role.
pub async fn dasbor(unit: Option<Uuid>) -> Result<Dasbor, ApiError> {
    client::authed(Call::get("/dasbor").query(&[("unit_id", unit.map(|u| u.to_string()))])).await
}

/// The people of `unit` and below who are behind in `langkah`.
///
/// # Errors
/// As [`dasbor`].
pub async fn pegawai(
    unit: Option<Uuid>,
    langkah: Langkah,
    page: PageQuery,
) -> Result<PegawaiDasbor, ApiError> {
    client::authed(Call::get("/dasbor/pegawai").query(&[
        ("unit_id", unit.map(|u| u.to_string())),
        ("langkah", Some(langkah.as_str().to_owned())),
        ("page", Some(page.page.to_string())),
        ("per_page", Some(page.per_page.to_string())),
    ]))
    .await
}
