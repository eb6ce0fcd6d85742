//! Measurement: `/api/v1/skp/{id}/realisasi` (the sheet of a sub-period, realisasi, rencana
//! aksi, evidence), `/api/v1/bukti` (download, the PPKin's verification) and the feedback of
//! `/api/v1/skp/{id}/feedback` and `/api/v1/feedback`.

use kinerja_api::measurement::{
    AddBuktiTautan, BuktiDukung, CreateFeedback, RealisasiSheet, ReplyFeedback, SaveRealisasi,
    SaveRencanaAksi, UmpanBalik, VerifyBukti,
};
use uuid::Uuid;

use super::client::{self, ApiError, Call, Progress};

/// `?periode_ke=k`.
fn periode(k: i32) -> [(&'static str, Option<String>); 1] {
    [("periode_ke", Some(k.to_string()))]
}

/// The realisasi sheet of sub-period `k`.
///
/// # Errors
/// `not_found` (not a reader of the SKP), `validation_failed` (`periode_ke` outside the
/// rhythm), or a network/decoding failure.
pub async fn sheet(skp: Uuid, k: i32) -> Result<RealisasiSheet, ApiError> {
    client::authed(Call::get(&format!("/skp/{skp}/realisasi")).query(&periode(k))).await
}

/// Saves the realisasi of one IKI; the answer is the updated sheet.
///
/// # Errors
/// `validation_failed` (`nilai`, `naratif`, `dasar`), `conflict` (not approved, or locked),
/// `forbidden`, or a network/decoding failure.
pub async fn save_realisasi(
    skp: Uuid,
    iki: Uuid,
    k: i32,
    request: &SaveRealisasi,
) -> Result<RealisasiSheet, ApiError> {
    client::authed(
        Call::put_json(&format!("/skp/{skp}/realisasi/{iki}"), request)?.query(&periode(k)),
    )
    .await
}

/// Saves the rencana aksi of one IKI; the answer is the updated sheet.
///
/// # Errors
/// `validation_failed` (`uraian`, `target_nilai`), `conflict`, `forbidden`, or a
/// network/decoding failure.
pub async fn save_rencana_aksi(
    skp: Uuid,
    iki: Uuid,
    k: i32,
    request: &SaveRencanaAksi,
) -> Result<RealisasiSheet, ApiError> {
    client::authed(
        Call::put_json(&format!("/skp/{skp}/rencana-aksi/{iki}"), request)?.query(&periode(k)),
    )
    .await
}

/// Uploads a file as evidence of one IKI's realisasi, reporting the progress.
///
/// # Errors
/// `payload_too_large` (413), `unsupported_media_type` (415), `validation_failed`
/// (`realisasi` when there is no value yet, `file`), `conflict`, or a network/decoding failure.
pub async fn upload_bukti(
    skp: Uuid,
    iki: Uuid,
    k: i32,
    file: &web_sys::File,
    progress: Progress,
) -> Result<BuktiDukung, ApiError> {
    let form = client::file_form(file)?;
    client::upload(
        Call::post_empty(&format!("/skp/{skp}/realisasi/{iki}/bukti")).query(&periode(k)),
        &form,
        progress,
    )
    .await
}

/// Adds a link as evidence of one IKI's realisasi.
///
/// # Errors
/// `validation_failed` (`url`, `realisasi`), `conflict`, or a network/decoding failure.
pub async fn link_bukti(
    skp: Uuid,
    iki: Uuid,
    k: i32,
    request: &AddBuktiTautan,
) -> Result<BuktiDukung, ApiError> {
    client::authed(
        Call::post_json(&format!("/skp/{skp}/realisasi/{iki}/bukti-tautan"), request)?
            .query(&periode(k)),
    )
    .await
}

/// Downloads a stored evidence file.
///
/// # Errors
/// `not_found`, or a network failure.
pub async fn download_bukti(id: Uuid, name: &str) -> Result<(), ApiError> {
    client::download(Call::get(&format!("/bukti/{id}")), name).await
}

/// The owner removes an unchecked piece of evidence.
///
/// # Errors
/// `conflict` (checked, or the sub-period is locked), `forbidden`, `not_found`.
pub async fn remove_bukti(id: Uuid) -> Result<(), ApiError> {
    client::authed(Call::delete(&format!("/bukti/{id}"))).await
}

/// The PPKin's verdict on a piece of evidence.
///
/// # Errors
/// `forbidden` (not the current PPKin), `validation_failed` (`catatan`), or a
/// network/decoding failure.
pub async fn verify_bukti(id: Uuid, request: &VerifyBukti) -> Result<BuktiDukung, ApiError> {
    client::authed(Call::post_json(&format!("/bukti/{id}/verify"), request)?).await
}

/// The feedback on an SKP (every sub-period), oldest first, with the replies.
///
/// # Errors
/// `not_found` outside the employee's PPKin chain, or a network/decoding failure.
pub async fn feedback(skp: Uuid) -> Result<Vec<UmpanBalik>, ApiError> {
    client::authed(Call::get(&format!("/skp/{skp}/feedback"))).await
}

/// The PPKin writes feedback.
///
/// # Errors
/// `validation_failed` (`teks`, `target`), `conflict`, `forbidden`, or a network/decoding
/// failure.
pub async fn give_feedback(skp: Uuid, request: &CreateFeedback) -> Result<UmpanBalik, ApiError> {
    client::authed(Call::post_json(&format!("/skp/{skp}/feedback"), request)?).await
}

/// The employee replies; the answer is the thread with the new reply.
///
/// # Errors
/// `validation_failed` (`teks`), `forbidden`, or a network/decoding failure.
pub async fn reply(id: Uuid, request: &ReplyFeedback) -> Result<UmpanBalik, ApiError> {
    client::authed(Call::post_json(&format!("/feedback/{id}/reply"), request)?).await
}
