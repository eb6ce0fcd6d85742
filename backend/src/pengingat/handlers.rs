//! HTTP routes of the reminders' silences under `/api/v1/pengingat`: thin handlers over
//! [`super::jeda`]. The HR office only (`manage_organisation`).

use actix_web::web::{Data, Json, Path};
use actix_web::{HttpResponse, delete, get, post};
use kinerja_api::pengingat::{JedaBaru, JedaPengingat, JedaQuery};
use kinerja_api::{Page, PageQuery};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{TAG, jeda};
use crate::auth::{ViewerWith, perm};
use crate::error::AppResult;
use crate::extract::{RequestMeta, ValidatedJson, ValidatedQuery};
use crate::problems::{BadRequest, Forbidden, Invalid, JsonBodyProblems, NotFound, Unauthorized};
use crate::state::AppState;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/pengingat")
            .service(daftar)
            .service(buat)
            .service(hapus),
    );
}

/// Silences of the reminders
///
/// The instansi's silences of the cycle's reminders, the latest first; by default only those
/// not yet over (`semua=true` for all). HR office only; others get 403.
#[utoipa::path(
    tag = TAG,
    params(JedaQuery, PageQuery),
    responses((status = 200, body = Page<JedaPengingat>), BadRequest, Invalid, Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[get("/jeda")]
pub async fn daftar(
    state: Data<AppState>,
    ViewerWith(viewer, _): ViewerWith<perm::ManageOrganisation>,
    ValidatedQuery(q): ValidatedQuery<JedaQuery>,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
) -> AppResult<Json<Page<JedaPengingat>>> {
    Ok(Json(jeda::daftar(&state.db, &viewer, q, page).await?))
}

/// Silence the reminders
///
/// For a unit and everything below it, or the whole instansi (no `unit_id`), from `mulai` to
/// `selesai` (local days, at most 92). No reminder or escalation of the cycle reaches the
/// people of a silenced unit on those days; what is still due follows after. Audited.
#[utoipa::path(
    tag = TAG,
    request_body = JedaBaru,
    responses((status = 201, body = JedaPengingat), JsonBodyProblems, Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[post("/jeda")]
pub async fn buat(
    state: Data<AppState>,
    ViewerWith(viewer, _): ViewerWith<perm::ManageOrganisation>,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<JedaBaru>,
) -> AppResult<HttpResponse> {
    let created = jeda::buat(&state.db, &viewer, body, &meta).await?;
    Ok(HttpResponse::Created().json(created))
}

/// Lift a silence
///
/// Removes it (audited); reminders still due follow on the next run of the jobs.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Silence id")),
    responses((status = 204, description = "Removed"), Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[delete("/jeda/{id}")]
pub async fn hapus(
    state: Data<AppState>,
    ViewerWith(viewer, _): ViewerWith<perm::ManageOrganisation>,
    meta: RequestMeta,
    id: Path<Uuid>,
) -> AppResult<HttpResponse> {
    jeda::hapus(&state.db, &viewer, id.into_inner(), &meta).await?;
    Ok(HttpResponse::NoContent().finish())
}
