//! Career and talent management: `/api/v1/pengembangan/karier` and
//! `/api/v1/pengembangan/talenta`.

use kinerja_api::Page;
use kinerja_api::talenta::{
    GridTalenta, JabatanKritikal, Karier, PegawaiTalenta, Suksesi, TalentaSaya,
};
use uuid::Uuid;

use super::client::{self, ApiError, Call};

/// An employee's career page.
///
/// # Errors
/// `not_found` for someone the viewer may not read.
pub async fn karier(employee: Uuid) -> Result<Karier, ApiError> {
    client::authed(Call::get(&format!("/pengembangan/karier/{employee}"))).await
}

/// The talent grid of the viewer's reach (the HR office's instansi, a pimpinan's subtree).
///
/// # Errors
/// `forbidden` for an employee or an auditor.
pub async fn grid(tahun: Option<i32>) -> Result<GridTalenta, ApiError> {
    client::authed(
        Call::get("/pengembangan/talenta/grid").query(&[("tahun", tahun.map(|t| t.to_string()))]),
    )
    .await
}

/// The people in box `nomor`, a page at a time.
///
/// # Errors
/// As [`grid`].
pub async fn isi_kotak(
    nomor: i32,
    tahun: Option<i32>,
    page: u64,
) -> Result<Page<PegawaiTalenta>, ApiError> {
    client::authed(
        Call::get(&format!("/pengembangan/talenta/grid/{nomor}")).query(&[
            ("tahun", tahun.map(|t| t.to_string())),
            ("page", Some(page.to_string())),
            ("per_page", Some("20".to_owned())),
        ]),
    )
    .await
}

/// The key positions (HR office).
///
/// # Errors
/// `forbidden` outside the HR office.
pub async fn jabatan_kritikal() -> Result<Vec<JabatanKritikal>, ApiError> {
    client::authed(Call::get("/pengembangan/talenta/jabatan-kritikal")).await
}

/// A key position with its candidates (HR office).
///
/// # Errors
/// `forbidden` outside the HR office.
pub async fn suksesi(id: Uuid, tahun: Option<i32>) -> Result<Suksesi, ApiError> {
    client::authed(
        Call::get(&format!("/pengembangan/talenta/jabatan-kritikal/{id}"))
            .query(&[("tahun", tahun.map(|t| t.to_string()))]),
    )
    .await
}

/// The viewer's own potential and box.
///
/// # Errors
/// `forbidden` unless the instansi shows them to employees.
pub async fn saya() -> Result<TalentaSaya, ApiError> {
    client::authed(Call::get("/pengembangan/talenta/saya")).await
}
