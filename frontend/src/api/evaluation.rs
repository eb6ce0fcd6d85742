//! Evaluation: `/api/v1/skp/{id}/evaluasi` (the page of an SKP and period, saving and setting
//! the ratings), `/api/v1/evaluasi/{id}/…` (objection, improvement plan, documents), the
//! training catalogue and the angka kredit coefficients.

use kinerja_api::organisation::{Jenjang, JenjangInfo};
use kinerja_api::penilaian::{
    AjukanKeberatan, CheckinPerbaikan, CreatePelatihan, DistribusiUnit, DokumenEvaluasi,
    EvaluasiView, JelaskanKeberatan, LampiranKeberatan, Pelatihan, PredikatOrganisasiUnit,
    PutuskanKeberatan, SetKoefisien, SimpanEvaluasi, SimpanRencanaPerbaikan,
    TetapkanPredikatOrganisasi, UpdatePelatihan,
};
use uuid::Uuid;

use super::client::{self, ApiError, Call, Progress};

fn periode(k: i32) -> [(&'static str, Option<String>); 1] {
    [("periode_ke", Some(k.to_string()))]
}

/// The evaluation page of an SKP for sub-period `k` (0 = the year).
///
/// # Errors
/// `not_found` (not a reader), `validation_failed` (`periode_ke`), or a network failure.
pub async fn view(skp: Uuid, k: i32) -> Result<EvaluasiView, ApiError> {
    client::authed(Call::get(&format!("/skp/{skp}/evaluasi")).query(&periode(k))).await
}

/// The work list of a sub-period (0 = the year): the evaluation pages of the employees I rate
/// and of those whose objection I decide, by name.
///
/// # Errors
/// `validation_failed` (`periode_ke`, `periode_id`), or a network failure.
pub async fn work_list(periode: Uuid, k: i32) -> Result<Vec<EvaluasiView>, ApiError> {
    client::authed(Call::get("/evaluasi").query(&[
        ("periode_id", Some(periode.to_string())),
        ("periode_ke", Some(k.to_string())),
    ]))
    .await
}

/// The PPKin saves the ratings as a draft.
///
/// # Errors
/// `forbidden` (not the PPKin), `conflict` (already set), `validation_failed`.
pub async fn save(skp: Uuid, k: i32, request: &SimpanEvaluasi) -> Result<EvaluasiView, ApiError> {
    client::authed(Call::put_json(&format!("/skp/{skp}/evaluasi"), request)?.query(&periode(k)))
        .await
}

/// The PPKin sets (menetapkan) the saved draft.
///
/// # Errors
/// `validation_failed` (a rating missing), `conflict` (a blocking distribution, already set),
/// `forbidden`.
pub async fn set(skp: Uuid, k: i32) -> Result<EvaluasiView, ApiError> {
    client::authed(Call::post_empty(&format!("/skp/{skp}/evaluasi/tetapkan")).query(&periode(k)))
        .await
}

/// Saves the ratings and, when `then_set`, sets them: the PPKin's "Simpan draf" and
/// "Tetapkan" buttons.
///
/// # Errors
/// As [`save`] and [`set`]; nothing is set when saving fails.
pub async fn save_then(
    skp: Uuid,
    k: i32,
    request: &SimpanEvaluasi,
    then_set: bool,
) -> Result<EvaluasiView, ApiError> {
    let saved = save(skp, k, request).await?;
    if then_set {
        set(skp, k).await
    } else {
        Ok(saved)
    }
}

/// The employee objects.
///
/// # Errors
/// `validation_failed` (`alasan`, or the window has passed), `conflict`, `forbidden`.
pub async fn object(id: Uuid, request: &AjukanKeberatan) -> Result<EvaluasiView, ApiError> {
    client::authed(Call::post_json(
        &format!("/evaluasi/{id}/keberatan"),
        request,
    )?)
    .await
}

/// The PPKin explains the result objected to.
///
/// # Errors
/// `validation_failed` (`penjelasan`), `conflict`, `forbidden`.
pub async fn explain(id: Uuid, request: &JelaskanKeberatan) -> Result<EvaluasiView, ApiError> {
    client::authed(Call::post_json(
        &format!("/evaluasi/{id}/keberatan/penjelasan"),
        request,
    )?)
    .await
}

/// The Atasan PPKin decides the objection (final).
///
/// # Errors
/// `validation_failed` (`catatan`, the new ratings), `conflict`, `forbidden`.
pub async fn decide(id: Uuid, request: &PutuskanKeberatan) -> Result<EvaluasiView, ApiError> {
    client::authed(Call::post_json(
        &format!("/evaluasi/{id}/keberatan/keputusan"),
        request,
    )?)
    .await
}

/// The PPKin writes the improvement plan.
///
/// # Errors
/// `validation_failed` (`saran`, `aksi[i].uraian`), `not_found` (no plan), `forbidden`.
pub async fn save_plan(
    id: Uuid,
    request: &SimpanRencanaPerbaikan,
) -> Result<EvaluasiView, ApiError> {
    client::authed(Call::put_json(
        &format!("/evaluasi/{id}/rencana-perbaikan"),
        request,
    )?)
    .await
}

/// The employee or the PPKin notes progress on the plan.
///
/// # Errors
/// `validation_failed` (`catatan`), `forbidden`.
pub async fn checkin(id: Uuid, request: &CheckinPerbaikan) -> Result<EvaluasiView, ApiError> {
    client::authed(Call::post_json(
        &format!("/evaluasi/{id}/rencana-perbaikan/checkin"),
        request,
    )?)
    .await
}

/// The documents made of an evaluation, newest first.
///
/// # Errors
/// `not_found`, or a network failure.
pub async fn documents(id: Uuid) -> Result<Vec<DokumenEvaluasi>, ApiError> {
    client::authed(Call::get(&format!("/evaluasi/{id}/dokumen"))).await
}

/// Makes the Dokumen Evaluasi Kinerja of the evaluation as it stands.
///
/// # Errors
/// `conflict` (not set yet), `forbidden`.
pub async fn make_document(id: Uuid) -> Result<DokumenEvaluasi, ApiError> {
    client::authed(Call::post_empty(&format!("/evaluasi/{id}/dokumen"))).await
}

/// Downloads a document's PDF (named by the server after its number).
///
/// # Errors
/// `not_found`, or a network failure.
pub async fn download(kode: &str) -> Result<(), ApiError> {
    client::download(
        Call::get(&format!("/dokumen/{kode}")),
        "dokumen-evaluasi.pdf",
    )
    .await
}

/// The employee attaches a file to the objection, reporting the progress.
///
/// # Errors
/// `payload_too_large` (413), `unsupported_media_type` (415), `validation_failed` (`file`:
/// too many), `conflict` (already explained), `forbidden`.
pub async fn attach(
    id: Uuid,
    file: &web_sys::File,
    progress: Progress,
) -> Result<LampiranKeberatan, ApiError> {
    let form = client::file_form(file)?;
    client::upload(
        Call::post_empty(&format!("/evaluasi/{id}/keberatan/lampiran")),
        &form,
        progress,
    )
    .await
}

/// Downloads an objection attachment.
///
/// # Errors
/// `not_found`, or a network failure.
pub async fn download_attachment(id: Uuid, name: &str) -> Result<(), ApiError> {
    client::download(Call::get(&format!("/lampiran-keberatan/{id}")), name).await
}

/// The employee removes an attachment before the explanation.
///
/// # Errors
/// `conflict` (already explained), `forbidden`, `not_found`.
pub async fn remove_attachment(id: Uuid) -> Result<(), ApiError> {
    client::authed(Call::delete(&format!("/lampiran-keberatan/{id}"))).await
}

/// The organisation predikat of a sub-period (0 = the year) for every unit the viewer sees.
///
/// # Errors
/// `forbidden` (leads no unit), `validation_failed`, or a network failure.
pub async fn org_units(periode: Uuid, k: i32) -> Result<Vec<PredikatOrganisasiUnit>, ApiError> {
    client::authed(Call::get("/predikat-organisasi").query(&[
        ("periode_id", Some(periode.to_string())),
        ("periode_ke", Some(k.to_string())),
    ]))
    .await
}

/// Sets a unit's organisation predikat; answers with its Format Penetapan.
///
/// # Errors
/// `validation_failed` (`predikat`, `dasar`), `forbidden`, `not_found`.
pub async fn set_org_predikat(
    unit: Uuid,
    request: &TetapkanPredikatOrganisasi,
) -> Result<DistribusiUnit, ApiError> {
    client::authed(Call::put_json(
        &format!("/units/{unit}/predikat-organisasi"),
        request,
    )?)
    .await
}

/// The Format Penetapan Predikat Kinerja of a unit.
///
/// # Errors
/// `not_found` (no predikat set, or a unit the viewer does not see).
pub async fn penetapan(unit: Uuid, periode: Uuid, k: i32) -> Result<DistribusiUnit, ApiError> {
    client::authed(
        Call::get(&format!("/units/{unit}/penetapan-predikat")).query(&[
            ("periode_id", Some(periode.to_string())),
            ("periode_ke", Some(k.to_string())),
        ]),
    )
    .await
}

/// The active trainings of the catalogue, by name.
///
/// # Errors
/// A network failure.
pub async fn trainings() -> Result<Vec<Pelatihan>, ApiError> {
    client::authed(Call::get("/pelatihan")).await
}

/// Every training of the catalogue, the withdrawn ones too (the HR office's list).
///
/// # Errors
/// A network failure.
pub async fn all_trainings() -> Result<Vec<Pelatihan>, ApiError> {
    client::authed(Call::get("/pelatihan").query(&[("semua", Some("true".to_owned()))])).await
}

/// Adds a training to the catalogue.
///
/// # Errors
/// `validation_failed` (`nama`, `jp`), `forbidden`.
pub async fn add_training(request: &CreatePelatihan) -> Result<Pelatihan, ApiError> {
    client::authed(Call::post_json("/pelatihan", request)?).await
}

/// Withdraws or restores a training.
///
/// # Errors
/// `not_found`, `forbidden`.
pub async fn set_training_active(id: Uuid, aktif: bool) -> Result<Pelatihan, ApiError> {
    let request = UpdatePelatihan {
        aktif: Some(aktif),
        ..UpdatePelatihan::default()
    };
    client::authed(Call::patch_json(&format!("/pelatihan/{id}"), &request)?).await
}

/// Sets the yearly angka kredit coefficient of a jenjang fungsional.
///
/// # Errors
/// `validation_failed` (`koefisien`), `forbidden`.
pub async fn set_koefisien(jenjang: Jenjang, koefisien: f64) -> Result<JenjangInfo, ApiError> {
    client::authed(Call::put_json(
        &format!("/jenjang/{}/koefisien-angka-kredit", jenjang.as_str()),
        &SetKoefisien { koefisien },
    )?)
    .await
}
