//! Citizen satisfaction surveys (SKM): `/api/v1/survei`.

use kinerja_api::survei::{
    AksiSurvei, BatalkanRespons, BuatSurvei, HasilSurvei, ResponsSurvei, StatusSurvei, Survei,
    TautanSurvei, TitikTrenSurvei, UbahSurvei,
};
use kinerja_api::survei_iki::{SetSurveiIki, SurveiIki};
use kinerja_api::survei_kertas::{EntriKertas, LaporanImpor};
use kinerja_api::survei_tindak::{BuatTindakLanjut, TindakLanjut, UbahTindakLanjut};
use kinerja_api::{Page, PageQuery};
use uuid::Uuid;

use super::client::{self, ApiError, Call, Progress};

/// Surveys the user manages or may read, newest first.
///
/// # Errors
/// A network failure.
pub async fn list(
    unit_id: Option<Uuid>,
    status: Option<StatusSurvei>,
    page: PageQuery,
) -> Result<Page<Survei>, ApiError> {
    client::authed(Call::get("/survei").query(&[
        ("unit_id", unit_id.map(|u| u.to_string())),
        ("status", status.map(|s| s.as_str().to_owned())),
        ("page", Some(page.page.to_string())),
        ("per_page", Some(page.per_page.to_string())),
    ]))
    .await
}

/// # Errors
/// `not_found` when the user may not see it.
pub async fn get(id: Uuid) -> Result<Survei, ApiError> {
    client::authed(Call::get(&format!("/survei/{id}"))).await
}

/// A new draft survey.
///
/// # Errors
/// `validation_failed` (per field), `forbidden`.
pub async fn create(request: &BuatSurvei) -> Result<Survei, ApiError> {
    client::authed(Call::post_json("/survei", request)?).await
}

/// Changes the fields given.
///
/// # Errors
/// `conflict` (409) on a stale `lock_version`, `validation_failed`, `forbidden`.
pub async fn update(id: Uuid, request: &UbahSurvei) -> Result<Survei, ApiError> {
    client::authed(Call::patch_json(&format!("/survei/{id}"), request)?).await
}

/// `buka` (open) or `tutup` (close).
///
/// # Errors
/// `conflict` when the status does not allow it or the survey changed since.
pub async fn transition(id: Uuid, aksi: &str, lock_version: i32) -> Result<Survei, ApiError> {
    client::authed(Call::post_json(
        &format!("/survei/{id}/{aksi}"),
        &AksiSurvei { lock_version },
    )?)
    .await
}

/// The IKM and its parts.
///
/// # Errors
/// `not_found`.
pub async fn hasil(id: Uuid) -> Result<HasilSurvei, ApiError> {
    client::authed(Call::get(&format!("/survei/{id}/hasil"))).await
}

/// The responses, voided ones too when `dibatalkan`.
///
/// # Errors
/// `not_found`, `forbidden`.
pub async fn respons(
    id: Uuid,
    dibatalkan: bool,
    page: PageQuery,
) -> Result<Page<ResponsSurvei>, ApiError> {
    client::authed(Call::get(&format!("/survei/{id}/respons")).query(&[
        ("dibatalkan", dibatalkan.then(|| "true".to_owned())),
        ("page", Some(page.page.to_string())),
        ("per_page", Some(page.per_page.to_string())),
    ]))
    .await
}

/// Voids a response with a reason (HR office).
///
/// # Errors
/// `validation_failed` (`alasan`), `conflict` when already void, `forbidden`.
pub async fn batalkan(id: Uuid, rid: Uuid, alasan: String) -> Result<ResponsSurvei, ApiError> {
    client::authed(Call::post_json(
        &format!("/survei/{id}/respons/{rid}/batal"),
        &BatalkanRespons { alasan },
    )?)
    .await
}

/// The form's and the kiosk's addresses.
///
/// # Errors
/// `forbidden` for those who only read.
pub async fn tautan(id: Uuid) -> Result<TautanSurvei, ApiError> {
    client::authed(Call::get(&format!("/survei/{id}/tautan"))).await
}

/// Downloads one of the survey's documents (`poster.pdf`, `laporan.pdf`, `laporan.xlsx`,
/// `impor/templat.xlsx`).
///
/// # Errors
/// `forbidden`, `not_found`, or a network failure.
pub async fn unduh(id: Uuid, dokumen: &str, nama: &str) -> Result<(), ApiError> {
    client::download(Call::get(&format!("/survei/{id}/{dokumen}")), nama).await
}

/// The unit's IKM over its surveys, oldest first.
///
/// # Errors
/// `not_found`.
pub async fn tren(id: Uuid) -> Result<Vec<TitikTrenSurvei>, ApiError> {
    client::authed(Call::get(&format!("/survei/{id}/tren"))).await
}

/// One paper form entered by staff.
///
/// # Errors
/// `validation_failed` (per field), `conflict` for a draft survey, `forbidden`.
pub async fn entri_kertas(id: Uuid, request: &EntriKertas) -> Result<ResponsSurvei, ApiError> {
    client::authed(Call::post_json(&format!("/survei/{id}/respons"), request)?).await
}

/// Checks (`dry_run`) or imports a file of paper forms.
///
/// # Errors
/// `payload_too_large`, `unsupported_media_type`, `validation_failed` on `file`, `forbidden`.
pub async fn impor(
    id: Uuid,
    dry_run: bool,
    file: &web_sys::File,
    progress: Progress,
) -> Result<LaporanImpor, ApiError> {
    let form = client::file_form(file)?;
    client::upload(
        Call::post_empty(&format!("/survei/{id}/impor"))
            .query(&[("dry_run", Some(dry_run.to_string()))]),
        &form,
        progress,
    )
    .await
}

/// The survey's follow-up plan.
///
/// # Errors
/// `not_found`.
pub async fn tindak_lanjut(id: Uuid) -> Result<Vec<TindakLanjut>, ApiError> {
    client::authed(Call::get(&format!("/survei/{id}/tindak-lanjut"))).await
}

/// A new follow-up action.
///
/// # Errors
/// `validation_failed` (per field), `forbidden`.
pub async fn buat_tindak_lanjut(
    id: Uuid,
    request: &BuatTindakLanjut,
) -> Result<TindakLanjut, ApiError> {
    client::authed(Call::post_json(
        &format!("/survei/{id}/tindak-lanjut"),
        request,
    )?)
    .await
}

/// Changes a follow-up action.
///
/// # Errors
/// `conflict` (stale or not allowed), `validation_failed`, `forbidden`.
pub async fn ubah_tindak_lanjut(
    id: Uuid,
    tid: Uuid,
    request: &UbahTindakLanjut,
) -> Result<TindakLanjut, ApiError> {
    client::authed(Call::patch_json(
        &format!("/survei/{id}/tindak-lanjut/{tid}"),
        request,
    )?)
    .await
}

/// The IKIs of an SKP fed by a unit's surveys.
///
/// # Errors
/// `not_found`.
pub async fn iki_survei(skp_id: Uuid) -> Result<Vec<SurveiIki>, ApiError> {
    client::authed(Call::get(&format!("/skp/{skp_id}/survei-iki"))).await
}

/// Feeds an IKI from the surveys of `unit_id`, or stops with `None`; answers the SKP's
/// survey-fed IKIs.
///
/// # Errors
/// `validation_failed` (`unit_id`), `forbidden`, `not_found`.
pub async fn atur_iki_survei(
    skp_id: Uuid,
    iki_id: Uuid,
    unit_id: Option<Uuid>,
) -> Result<Vec<SurveiIki>, ApiError> {
    client::authed(Call::put_json(
        &format!("/skp/{skp_id}/iki/{iki_id}/survei"),
        &SetSurveiIki { unit_id },
    )?)
    .await
}
