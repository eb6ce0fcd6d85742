//! HTTP handlers for realisasi, rencana aksi and unlocking (mounted in the `/api/v1/skp` scope).

use actix_web::web::{Data, Json, Path, Payload};
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put};
use kinerja_api::measurement::{
    AddBuktiTautan, BuktiDukung, CreateFeedback, PeriodeKeQuery, RealisasiSheet, ReplyFeedback,
    SaveRealisasi, SaveRencanaAksi, UmpanBalik, UnlockPeriode, VerifyBukti,
};
use uuid::Uuid;

use super::{TAG, evidence, feedback, service};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Viewer;
use crate::auth::{RequirePermission, perm};
use crate::bacaan::Bacaan;
use crate::error::AppResult;
use crate::extract::{RequestMeta, ValidatedJson, ValidatedQuery, read_named_upload};
use crate::problems::{BadRequest, Forbidden, Invalid, JsonBodyProblems, NotFound, Unauthorized};
use crate::state::AppState;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/bukti")
            .service(download_bukti)
            .service(delete_bukti)
            .service(verify_bukti),
    )
    .service(utoipa_actix_web::scope("/feedback").service(reply_feedback));
}

/// Realisasi, rencana aksi, evidence and feedback of one SKP, under `/skp`.
pub fn skp_routes(cfg: &mut ServiceConfig) {
    cfg.service(get_realisasi)
        .service(save_realisasi)
        .service(save_rencana_aksi)
        .service(unlock)
        .service(upload_bukti)
        .service(link_bukti)
        .service(list_feedback)
        .service(give_feedback);
}

/// Realisasi sheet of a sub-period
///
/// Every IKI of the SKP with its rencana aksi, realisasi and capaian for `periode_ke` (a month,
/// quarter or semester, by the period's rhythm), the roll-up per RHK and for the SKP
/// (information for the superior, not a rating), and whether the sub-period is locked. For
/// readers of the SKP and its current PPKin and Atasan PPKin.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id"), PeriodeKeQuery),
    responses((status = 200, body = RealisasiSheet), BadRequest, Invalid, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/realisasi")]
pub async fn get_realisasi(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
    ValidatedQuery(q): ValidatedQuery<PeriodeKeQuery>,
) -> AppResult<Json<RealisasiSheet>> {
    Ok(Json(
        service::sheet(&Bacaan::mulai(&state).await?, &viewer, id.into_inner(), q).await?,
    ))
}

/// Enter realisasi
///
/// The owner's value (or narrative) and dasar realisasi for one IKI in one sub-period, while the
/// SKP is approved and the sub-period is not locked. Returns the updated sheet.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id"), ("iki_id" = Uuid, Path, description = "IKI id"), PeriodeKeQuery),
    request_body = SaveRealisasi,
    responses((status = 200, body = RealisasiSheet), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "SKP not approved or sub-period locked", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[put("/{id}/realisasi/{iki_id}")]
pub async fn save_realisasi(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    path: Path<(Uuid, Uuid)>,
    ValidatedQuery(q): ValidatedQuery<PeriodeKeQuery>,
    ValidatedJson(body): ValidatedJson<SaveRealisasi>,
) -> AppResult<Json<RealisasiSheet>> {
    let (id, iki) = path.into_inner();
    Ok(Json(
        service::save_realisasi(&state.db, &viewer, id, iki, q.periode_ke, body, &meta).await?,
    ))
}

/// Plan a sub-period (rencana aksi)
///
/// What the owner will do for one IKI in one sub-period, with its target there.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id"), ("iki_id" = Uuid, Path, description = "IKI id"), PeriodeKeQuery),
    request_body = SaveRencanaAksi,
    responses((status = 200, body = RealisasiSheet), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "SKP not approved or sub-period locked", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[put("/{id}/rencana-aksi/{iki_id}")]
pub async fn save_rencana_aksi(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    path: Path<(Uuid, Uuid)>,
    ValidatedQuery(q): ValidatedQuery<PeriodeKeQuery>,
    ValidatedJson(body): ValidatedJson<SaveRencanaAksi>,
) -> AppResult<Json<RealisasiSheet>> {
    let (id, iki) = path.into_inner();
    Ok(Json(
        service::save_rencana_aksi(&state.db, &viewer, id, iki, q.periode_ke, body, &meta).await?,
    ))
}

/// Unlock a sub-period (admin)
///
/// Keeps one SKP's locked sub-period editable until a date, with a reason (audited).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id")),
    request_body = UnlockPeriode,
    responses((status = 204, description = "Unlocked"), JsonBodyProblems, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[post("/{id}/unlock")]
pub async fn unlock(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UnlockPeriode>,
) -> AppResult<HttpResponse> {
    service::unlock(&state.db, actor.id, id.into_inner(), body, &meta).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Attach a file as evidence
///
/// `multipart/form-data` with the field `file`: PDF, JPEG, PNG, XLSX or DOCX, recognised by
/// content (415 otherwise), at most `KINERJA_MAX_UPLOAD_BYTES` (413 above). The realisasi of that
/// IKI and sub-period must exist.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id"), ("iki_id" = Uuid, Path, description = "IKI id"), PeriodeKeQuery),
    request_body(content = inline(crate::extract::FileUpload), content_type = "multipart/form-data"),
    responses((status = 201, body = BuktiDukung), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "SKP not approved or sub-period locked", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/realisasi/{iki_id}/bukti")]
pub async fn upload_bukti(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    req: HttpRequest,
    payload: Payload,
    path: Path<(Uuid, Uuid)>,
    ValidatedQuery(q): ValidatedQuery<PeriodeKeQuery>,
) -> AppResult<HttpResponse> {
    let file = read_named_upload(&req, payload, state.settings.max_upload_bytes).await?;
    let (id, iki) = path.into_inner();
    let dto = evidence::upload(
        &state.db,
        &state.storage,
        &viewer,
        id,
        iki,
        q.periode_ke,
        file,
        &meta,
    )
    .await?;
    Ok(HttpResponse::Created().json(dto))
}

/// Attach a link as evidence
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id"), ("iki_id" = Uuid, Path, description = "IKI id"), PeriodeKeQuery),
    request_body = AddBuktiTautan,
    responses((status = 201, body = BuktiDukung), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "SKP not approved or sub-period locked", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/realisasi/{iki_id}/bukti-tautan")]
pub async fn link_bukti(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    path: Path<(Uuid, Uuid)>,
    ValidatedQuery(q): ValidatedQuery<PeriodeKeQuery>,
    ValidatedJson(body): ValidatedJson<AddBuktiTautan>,
) -> AppResult<HttpResponse> {
    let (id, iki) = path.into_inner();
    let dto = evidence::add_link(&state.db, &viewer, id, iki, q.periode_ke, body, &meta).await?;
    Ok(HttpResponse::Created().json(dto))
}

/// Download a piece of evidence
///
/// As an attachment with `X-Content-Type-Options: nosniff`, for readers of the SKP and its
/// current PPKin and Atasan PPKin.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Evidence id")),
    responses((status = 200, description = "The stored file", content_type = "application/octet-stream", body = Vec<u8>), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}")]
pub async fn download_bukti(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<HttpResponse> {
    let (name, mime, bytes) =
        evidence::download(&state.db, &state.storage, &viewer, id.into_inner()).await?;
    Ok(crate::uploads::attachment(&name, &mime, bytes))
}

/// Remove a piece of evidence (the owner)
///
/// While the sub-period is open and before the PPKin has checked it (409 otherwise); a stored
/// file goes with it.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Evidence id")),
    responses((status = 204, description = "Removed"), BadRequest, Unauthorized, Forbidden, NotFound, (status = 409, description = "Already checked, or the sub-period is locked", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[delete("/{id}")]
pub async fn delete_bukti(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
) -> AppResult<HttpResponse> {
    evidence::remove(&state.db, &state.storage, &viewer, id.into_inner(), &meta).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Verify a piece of evidence (PPKin)
///
/// Sesuai, kurang or tidak sesuai, with a note; the employee is notified.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Evidence id")),
    request_body = VerifyBukti,
    responses((status = 200, body = BuktiDukung), JsonBodyProblems, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[post("/{id}/verify")]
pub async fn verify_bukti(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<VerifyBukti>,
) -> AppResult<Json<BuktiDukung>> {
    Ok(Json(
        evidence::verify(&state.db, &viewer, id.into_inner(), body, &meta).await?,
    ))
}

/// `?periode_ke=` (optional) of the feedback list.
#[derive(serde::Deserialize, validator::Validate, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FeedbackQuery {
    /// Only this sub-period.
    #[validate(range(min = 1, max = 12, message = "Periode antara 1 dan 12."))]
    #[param(minimum = 1, maximum = 12)]
    periode_ke: Option<i32>,
}

/// Feedback on an SKP
///
/// For the employee and the PPKin chain only.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id"), FeedbackQuery),
    responses((status = 200, body = Vec<UmpanBalik>), BadRequest, Invalid, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/feedback")]
pub async fn list_feedback(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
    ValidatedQuery(q): ValidatedQuery<FeedbackQuery>,
) -> AppResult<Json<Vec<UmpanBalik>>> {
    Ok(Json(
        feedback::list(&state.db, &viewer, id.into_inner(), q.periode_ke).await?,
    ))
}

/// Give feedback (PPKin)
///
/// On one RHK, IKI or BerAKHLAK value in one sub-period, optionally tagged positive or negative;
/// the employee is notified.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id")),
    request_body = CreateFeedback,
    responses((status = 201, body = UmpanBalik), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "SKP not approved", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/feedback")]
pub async fn give_feedback(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<CreateFeedback>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Created()
        .json(feedback::create(&state.db, &viewer, id.into_inner(), body, &meta).await?))
}

/// Reply to feedback (the employee)
///
/// Returns the thread with the new reply.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Feedback id")),
    request_body = ReplyFeedback,
    responses((status = 201, body = UmpanBalik), JsonBodyProblems, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[post("/{id}/reply")]
pub async fn reply_feedback(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<ReplyFeedback>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Created()
        .json(feedback::reply(&state.db, &viewer, id.into_inner(), body, &meta).await?))
}
