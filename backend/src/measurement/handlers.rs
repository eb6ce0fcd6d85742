//! HTTP handlers for realisasi, rencana aksi and unlocking (mounted in the `/api/v1/skp` scope).

use actix_web::web::{Data, Json, Path};
use actix_web::{HttpResponse, get, post, put};
use kinerja_api::measurement::{
    PeriodeKeQuery, RealisasiSheet, SaveRealisasi, SaveRencanaAksi, UnlockPeriode,
};
use uuid::Uuid;

use super::{TAG, service};
use crate::auth::{AuthUser, RequirePermission, perm};
use crate::employees::service::Viewer;
use crate::error::AppResult;
use crate::extract::{RequestMeta, ValidatedJson, ValidatedQuery};
use crate::openapi::problems::{
    BadRequest, Forbidden, Invalid, JsonBodyProblems, NotFound, Unauthorized,
};
use crate::state::AppState;

async fn viewer(state: &AppState, user: AuthUser) -> AppResult<Viewer> {
    Viewer::load(&state.db, user.id, user.roles).await
}

/// Realisasi sheet of a sub-period
///
/// Every IKI of the SKP with its rencana aksi, realisasi and capaian for `periode_ke` (a month,
/// quarter or semester, by the period's rhythm), the roll-up per RHK and for the SKP
/// (information for the superior, not a rating), and whether the sub-period is locked.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id"), PeriodeKeQuery),
    responses((status = 200, body = RealisasiSheet), BadRequest, Invalid, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/realisasi")]
pub async fn get_realisasi(
    state: Data<AppState>,
    user: AuthUser,
    id: Path<Uuid>,
    ValidatedQuery(q): ValidatedQuery<PeriodeKeQuery>,
) -> AppResult<Json<RealisasiSheet>> {
    let viewer = viewer(&state, user).await?;
    Ok(Json(
        service::sheet(&state.db, &viewer, id.into_inner(), q).await?,
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
    user: AuthUser,
    meta: RequestMeta,
    path: Path<(Uuid, Uuid)>,
    ValidatedQuery(q): ValidatedQuery<PeriodeKeQuery>,
    ValidatedJson(body): ValidatedJson<SaveRealisasi>,
) -> AppResult<Json<RealisasiSheet>> {
    let viewer = viewer(&state, user).await?;
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
    user: AuthUser,
    meta: RequestMeta,
    path: Path<(Uuid, Uuid)>,
    ValidatedQuery(q): ValidatedQuery<PeriodeKeQuery>,
    ValidatedJson(body): ValidatedJson<SaveRencanaAksi>,
) -> AppResult<Json<RealisasiSheet>> {
    let viewer = viewer(&state, user).await?;
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
