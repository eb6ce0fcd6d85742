//! `/api/v1/periods` and `/api/v1/skp`: performance periods, one's own SKP (draft, edit,
//! submit, revise, PDF) and the PPKin's inbox (approve, return).

use kinerja_api::Page;
use kinerja_api::planning::{
    ApproveSkp, CreateSkp, DaftarBawahan, DistributeRhk, DistributionResult, Periode, Pohon,
    ReasonedAction, ReturnSkp, Rhk, Skp, SkpChange, SkpSummary, SkpVersion, StatusSkp, SubmitSkp,
    UpdateSkp,
};
use uuid::Uuid;

use super::client::{self, ApiError, Call};

/// The performance periods of the user's agency.
///
/// # Errors
/// A network/decoding failure.
pub async fn periods() -> Result<Vec<Periode>, ApiError> {
    client::authed(Call::get("/periods")).await
}

/// My latest SKP of a period; `None` when it has not been started (404).
///
/// # Errors
/// `validation_failed` on `akun` when the account has no employee record, or a
/// network/decoding failure.
pub async fn mine(periode_id: Uuid) -> Result<Option<Skp>, ApiError> {
    match client::authed(
        Call::get("/skp/mine").query(&[("periode_id", Some(periode_id.to_string()))]),
    )
    .await
    {
        Ok(skp) => Ok(Some(skp)),
        Err(e) if e.status() == Some(404) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Starts an SKP (empty, copied or from a template).
///
/// # Errors
/// `validation_failed` (`akun`, `periode_id`), `conflict`, or a network/decoding failure.
pub async fn create(request: &CreateSkp) -> Result<Skp, ApiError> {
    client::authed(Call::post_json("/skp", request)?).await
}

/// One SKP (the owner's, a subordinate's, or with an admin's rights).
///
/// # Errors
/// `not_found`, `forbidden`, or a network/decoding failure.
pub async fn get(id: Uuid) -> Result<Skp, ApiError> {
    client::authed(Call::get(&format!("/skp/{id}"))).await
}

/// Saves the RHK, IKI and lampiran of a draft.
///
/// # Errors
/// `validation_failed` with paths such as `rhk[1].iki[0].target_nilai`, `conflict` (409) for a
/// stale `lock_version`, or a network/decoding failure.
pub async fn update(id: Uuid, request: &UpdateSkp) -> Result<Skp, ApiError> {
    client::authed(Call::put_json(&format!("/skp/{id}"), request)?).await
}

/// The superior's approved RHK (empty while the superior's SKP is not approved).
///
/// # Errors
/// A network/decoding failure.
pub async fn superior_rhk(id: Uuid) -> Result<Vec<Rhk>, ApiError> {
    client::authed(Call::get(&format!("/skp/{id}/superior-rhk"))).await
}

/// Submits a draft to the PPKin.
///
/// # Errors
/// `validation_failed` (`status` when the superior's SKP is not approved, or field paths),
/// `conflict`, or a network/decoding failure.
pub async fn submit(id: Uuid, request: &SubmitSkp) -> Result<Skp, ApiError> {
    client::authed(Call::post_json(&format!("/skp/{id}/submit"), request)?).await
}

/// The submitted SKP of my subordinates.
///
/// # Errors
/// A network/decoding failure.
pub async fn inbox() -> Result<Page<SkpSummary>, ApiError> {
    client::authed(Call::get("/skp/inbox").query(&[("per_page", Some("100".to_owned()))])).await
}

/// The user's subordinates for a period with their SKP, evidence, realisasi and rating status.
///
/// # Errors
/// `validation_failed` (`periode_id`), or a network/decoding failure.
pub async fn bawahan(periode: Uuid) -> Result<DaftarBawahan, ApiError> {
    client::authed(Call::get("/skp/bawahan").query(&[("periode_id", Some(periode.to_string()))]))
        .await
}

/// The approved SKP the user may read besides their own: those they rate (PPKin) or whose
/// rater they lead (Atasan PPKin); every SKP for admins. Includes the user's own.
///
/// # Errors
/// A network/decoding failure.
pub async fn approved() -> Result<Page<SkpSummary>, ApiError> {
    client::authed(Call::get("/skp").query(&[
        ("status", Some(StatusSkp::Disetujui.as_str().to_owned())),
        ("per_page", Some("100".to_owned())),
    ]))
    .await
}

/// Approves a subordinate's SKP.
///
/// # Errors
/// `forbidden`, `conflict`, `validation_failed`, or a network/decoding failure.
pub async fn approve(id: Uuid, request: &ApproveSkp) -> Result<Skp, ApiError> {
    client::authed(Call::post_json(&format!("/skp/{id}/approve"), request)?).await
}

/// Returns a subordinate's SKP with a note.
///
/// # Errors
/// `forbidden`, `conflict`, `validation_failed` (`catatan`), or a network/decoding failure.
pub async fn send_back(id: Uuid, request: &ReturnSkp) -> Result<Skp, ApiError> {
    client::authed(Call::post_json(&format!("/skp/{id}/return"), request)?).await
}

/// Starts a new version of an approved SKP.
///
/// # Errors
/// `conflict`, `validation_failed` (`alasan`), or a network/decoding failure.
pub async fn revise(id: Uuid, request: &ReasonedAction) -> Result<Skp, ApiError> {
    client::authed(Call::post_json(&format!("/skp/{id}/revise"), request)?).await
}

/// The versions of an SKP, newest first.
///
/// # Errors
/// A network/decoding failure.
pub async fn versions(id: Uuid) -> Result<Vec<SkpVersion>, ApiError> {
    client::authed(Call::get(&format!("/skp/{id}/versions"))).await
}

/// What changed from version `id` (`sebelum`) to version `with` (`sesudah`).
///
/// # Errors
/// `validation_failed` (`with` of another SKP), `not_found`, or a network/decoding failure.
pub async fn diff(id: Uuid, with: Uuid) -> Result<Vec<SkpChange>, ApiError> {
    client::authed(Call::get(&format!("/skp/{id}/diff")).query(&[("with", Some(with.to_string()))]))
        .await
}

/// The pohon kinerja: the cascade of RHK below an SKP, `kedalaman` levels deep, and the
/// orphaned RHK of subordinates.
///
/// # Errors
/// `not_found`, `forbidden`, or a network/decoding failure.
pub async fn tree(id: Uuid, kedalaman: u8) -> Result<Pohon, ApiError> {
    client::authed(
        Call::get(&format!("/skp/{id}/tree")).query(&[("kedalaman", Some(kedalaman.to_string()))]),
    )
    .await
}

/// Hands one RHK of an approved SKP down to subordinates (Matriks Peran Hasil).
///
/// # Errors
/// `conflict` (the SKP is not approved), `validation_failed` (`rhk_id`, `bawahan`, `iki[0]…`),
/// `forbidden`, or a network/decoding failure.
pub async fn distribute(
    id: Uuid,
    request: &DistributeRhk,
) -> Result<Vec<DistributionResult>, ApiError> {
    client::authed(Call::post_json(&format!("/skp/{id}/distribute"), request)?).await
}

/// Downloads the SKP as PDF.
///
/// # Errors
/// `forbidden`, `not_found`, or a network failure.
pub async fn pdf(id: Uuid, tahun: i32) -> Result<(), ApiError> {
    client::download(
        Call::get(&format!("/skp/{id}/pdf")),
        &format!("skp-{tahun}.pdf"),
    )
    .await
}
