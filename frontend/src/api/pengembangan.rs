//! Competency development: `/api/v1/pengembangan`.

use kinerja_api::pengembangan::{
    AnggotaTimJp, BuatCatatan, BuatKebutuhan, BuatKompetensi, CatatanPengembangan, Kebutuhan,
    KepatuhanJp, Kompetensi, PutuskanKebutuhan, RingkasanJp, StatusCatatan, VerifikasiCatatan,
};
use kinerja_api::{Page, PageQuery};
use uuid::Uuid;

use super::client::{self, ApiError, Call, Progress};

fn page_params(page: PageQuery) -> [(&'static str, Option<String>); 2] {
    [
        ("page", Some(page.page.to_string())),
        ("per_page", Some(page.per_page.to_string())),
    ]
}

/// # Errors
/// A network failure.
pub async fn kompetensi(semua: bool) -> Result<Vec<Kompetensi>, ApiError> {
    client::authed(
        Call::get("/pengembangan/kompetensi").query(&[("semua", Some(semua.to_string()))]),
    )
    .await
}

/// # Errors
/// `validation_failed`, `forbidden`.
pub async fn buat_kompetensi(req: &BuatKompetensi) -> Result<Kompetensi, ApiError> {
    client::authed(Call::post_json("/pengembangan/kompetensi", req)?).await
}

/// The viewer's JP of a year (or an employee's).
///
/// # Errors
/// `not_found` for someone the viewer may not see.
pub async fn jp(employee: Option<Uuid>, tahun: i32) -> Result<RingkasanJp, ApiError> {
    client::authed(Call::get("/pengembangan/jp").query(&[
        ("employee_id", employee.map(|e| e.to_string())),
        ("tahun", Some(tahun.to_string())),
    ]))
    .await
}

/// Needs: the viewer's own, or the team's (`tim`).
///
/// # Errors
/// A network failure.
pub async fn kebutuhan(
    tim: bool,
    tahun: Option<i32>,
    status: Option<&str>,
    page: PageQuery,
) -> Result<Page<Kebutuhan>, ApiError> {
    let [p, pp] = page_params(page);
    client::authed(Call::get("/pengembangan/kebutuhan").query(&[
        ("tim", Some(tim.to_string())),
        ("tahun", tahun.map(|t| t.to_string())),
        ("status", status.map(str::to_owned)),
        p,
        pp,
    ]))
    .await
}

/// # Errors
/// `validation_failed` per field.
pub async fn usulkan(req: &BuatKebutuhan) -> Result<Kebutuhan, ApiError> {
    client::authed(Call::post_json("/pengembangan/kebutuhan", req)?).await
}

/// # Errors
/// `conflict` when decided since, `validation_failed`.
pub async fn putuskan(id: Uuid, req: &PutuskanKebutuhan) -> Result<Kebutuhan, ApiError> {
    client::authed(Call::post_json(
        &format!("/pengembangan/kebutuhan/{id}/keputusan"),
        req,
    )?)
    .await
}

/// Records: the viewer's own of a year, or the HR office's queue by status.
///
/// # Errors
/// A network failure.
pub async fn catatan(
    tahun: Option<i32>,
    status: Option<StatusCatatan>,
    page: PageQuery,
) -> Result<Page<CatatanPengembangan>, ApiError> {
    let [p, pp] = page_params(page);
    client::authed(Call::get("/pengembangan/catatan").query(&[
        ("tahun", tahun.map(|t| t.to_string())),
        ("status", status.map(|s| s.as_str().to_owned())),
        p,
        pp,
    ]))
    .await
}

/// # Errors
/// `validation_failed` per field.
pub async fn catat(req: &BuatCatatan) -> Result<CatatanPengembangan, ApiError> {
    client::authed(Call::post_json("/pengembangan/catatan", req)?).await
}

/// # Errors
/// `conflict` once decided.
pub async fn hapus_catatan(id: Uuid, lock_version: i32) -> Result<(), ApiError> {
    client::authed(
        Call::delete(&format!("/pengembangan/catatan/{id}"))
            .query(&[("lock_version", Some(lock_version.to_string()))]),
    )
    .await
}

/// # Errors
/// 415 for a file that is not a PDF, JPEG or PNG; `conflict` once decided.
pub async fn unggah_sertifikat(
    id: Uuid,
    file: &web_sys::File,
    progress: Progress,
) -> Result<CatatanPengembangan, ApiError> {
    let form = client::file_form(file)?;
    client::upload(
        Call::post_empty(&format!("/pengembangan/catatan/{id}/sertifikat")),
        &form,
        progress,
    )
    .await
}

/// Saves a record's certificate in the browser.
///
/// # Errors
/// `not_found`, or a network failure.
pub async fn unduh_sertifikat(id: Uuid, name: &str) -> Result<(), ApiError> {
    client::download(
        Call::get(&format!("/pengembangan/catatan/{id}/sertifikat")),
        name,
    )
    .await
}

/// # Errors
/// `conflict` when decided since, `validation_failed` for a rejection without a note.
pub async fn verifikasi(
    id: Uuid,
    req: &VerifikasiCatatan,
) -> Result<CatatanPengembangan, ApiError> {
    client::authed(Call::post_json(
        &format!("/pengembangan/catatan/{id}/verifikasi"),
        req,
    )?)
    .await
}

/// # Errors
/// A network failure.
pub async fn tim(tahun: i32) -> Result<Vec<AnggotaTimJp>, ApiError> {
    client::authed(Call::get("/pengembangan/tim").query(&[("tahun", Some(tahun.to_string()))]))
        .await
}

/// # Errors
/// `not_found` for a unit the viewer may not read.
pub async fn kepatuhan(
    unit: Option<Uuid>,
    tahun: i32,
    page: PageQuery,
) -> Result<KepatuhanJp, ApiError> {
    let [p, pp] = page_params(page);
    client::authed(Call::get("/pengembangan/kepatuhan").query(&[
        ("unit_id", unit.map(|u| u.to_string())),
        ("tahun", Some(tahun.to_string())),
        p,
        pp,
    ]))
    .await
}
