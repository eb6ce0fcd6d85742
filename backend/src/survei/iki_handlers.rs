//! HTTP handlers of survey-fed IKIs, mounted in the `/api/v1/skp` scope.

use actix_web::web::{Data, Json, Path};
use actix_web::{get, put};
use kinerja_api::survei_iki::{SetSurveiIki, SurveiIki};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{TAG, iki};
use crate::auth::Viewer;
use crate::error::AppResult;
use crate::extract::{RequestMeta, ValidatedJson};
use crate::problems::{BadRequest, Forbidden, JsonBodyProblems, NotFound, Unauthorized};
use crate::state::AppState;

pub fn skp_routes(cfg: &mut ServiceConfig) {
    cfg.service(daftar).service(atur);
}

/// Survey-fed indicators of an SKP
///
/// The IKIs of the SKP whose realisasi is the IKM of a unit's citizen satisfaction surveys,
/// for readers of the SKP.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id")),
    responses((status = 200, body = Vec<SurveiIki>), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/survei-iki")]
pub async fn daftar(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<Json<Vec<SurveiIki>>> {
    Ok(Json(
        iki::of_skp(&state.db, &viewer, id.into_inner()).await?,
    ))
}

/// Feed an IKI from a unit's surveys
///
/// The SKP's owner or the HR admin binds one IKI to the surveys of a unit of the owner's
/// instansi (`unit_id`), or removes that binding with `unit_id: null`. From then on each
/// survey's IKM (full precision) lands as the IKI's realisasi, source `survei`, in the
/// sub-periods the survey covers while they are open; the employee can no longer enter it.
/// Binding replaces any other data key of the IKI. Returns the SKP's survey-fed IKIs.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id"), ("iki_id" = Uuid, Path, description = "IKI id")),
    request_body = SetSurveiIki,
    responses((status = 200, body = Vec<SurveiIki>), JsonBodyProblems, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[put("/{id}/iki/{iki_id}/survei")]
pub async fn atur(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    path: Path<(Uuid, Uuid)>,
    ValidatedJson(body): ValidatedJson<SetSurveiIki>,
) -> AppResult<Json<Vec<SurveiIki>>> {
    let (id, iki_id) = path.into_inner();
    Ok(Json(
        iki::set(&state.db, &viewer, id, iki_id, body, &meta).await?,
    ))
}
