//! HTTP routes of announcements under `/api/v1/pengumuman`: thin handlers over `service`.

use actix_web::web::{Data, Json, Path};
use actix_web::{HttpResponse, delete, get, post, put};
use kinerja_api::pengumuman::{
    PembacaPengumuman, Pengumuman, PengumumanQuery, TarikPengumuman, TulisPengumuman, UnitSasaran,
};
use kinerja_api::{Page, PageQuery};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{TAG, service};
use crate::auth::Viewer;
use crate::error::AppResult;
use crate::extract::{RequestMeta, ValidatedJson, ValidatedQuery};
use crate::problems::{BadRequest, Forbidden, Invalid, JsonBodyProblems, NotFound, Unauthorized};
use crate::state::AppState;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/pengumuman")
            .service(aktif)
            .service(kelola)
            .service(unit)
            .service(buat)
            .service(ubah)
            .service(tarik)
            .service(baca)
            .service(pembaca),
    );
}

const STALE: &str = "A stale `lock_version`";

/// Announcements showing to me today
///
/// Those meant for the viewer (everyone, a unit above or at theirs, or one of their roles)
/// whose days include today in the instansi's zone, unread first; at most 20. For the banner.
#[utoipa::path(
    tag = TAG,
    responses((status = 200, body = Vec<Pengumuman>), Unauthorized),
    security(("bearer" = []))
)]
#[get("/aktif")]
pub async fn aktif(state: Data<AppState>, viewer: Viewer) -> AppResult<Json<Vec<Pengumuman>>> {
    Ok(Json(service::aktif(&state.db, &viewer).await?))
}

/// Announcements I manage
///
/// The HR office: every announcement of the instansi; a pimpinan: their own. Newest first,
/// with the number of accounts each is for and of those who read it. Others get 403.
#[utoipa::path(
    tag = TAG,
    params(PageQuery, PengumumanQuery),
    responses((status = 200, body = Page<Pengumuman>), BadRequest, Invalid, Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[get("")]
pub async fn kelola(
    state: Data<AppState>,
    viewer: Viewer,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    ValidatedQuery(q): ValidatedQuery<PengumumanQuery>,
) -> AppResult<Json<Page<Pengumuman>>> {
    Ok(Json(service::kelola(&state.db, &viewer, q, page).await?))
}

/// Publish an announcement
///
/// The HR office to everyone, a unit subtree or a role; a pimpinan to a unit they lead (422 on
/// `sasaran`/`unit_id` otherwise); others get 403. It shows from `mulai` to `selesai` (at most
/// 366 days). Audited.
#[utoipa::path(
    tag = TAG,
    request_body = TulisPengumuman,
    responses((status = 201, body = Pengumuman), JsonBodyProblems, Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[post("")]
pub async fn buat(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<TulisPengumuman>,
) -> AppResult<HttpResponse> {
    let created = service::buat(&state.db, &viewer, body, &meta).await?;
    Ok(HttpResponse::Created().json(created))
}

/// Change an announcement
///
/// Its author or the HR office, naming the `lock_version` it read; readers stay read. Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Announcement id")),
    request_body = TulisPengumuman,
    responses((status = 200, body = Pengumuman), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = STALE, body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[put("/{id}")]
pub async fn ubah(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<TulisPengumuman>,
) -> AppResult<Json<Pengumuman>> {
    Ok(Json(
        service::ubah(&state.db, &viewer, id.into_inner(), body, &meta).await?,
    ))
}

/// Withdraw an announcement
///
/// Its author or the HR office: it shows to nobody from now on; the record stays in the audit
/// trail.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Announcement id"), TarikPengumuman),
    responses((status = 204, description = "Withdrawn"), BadRequest, Invalid, Unauthorized, Forbidden, NotFound, (status = 409, description = STALE, body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[delete("/{id}")]
pub async fn tarik(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedQuery(q): ValidatedQuery<TarikPengumuman>,
) -> AppResult<HttpResponse> {
    service::tarik(&state.db, &viewer, id.into_inner(), q.lock_version, &meta).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Mark an announcement read
///
/// By a reader it shows to today; marking it again changes nothing. 404 for one not meant for
/// the viewer.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Announcement id")),
    responses((status = 204, description = "Marked read"), Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[post("/{id}/dibaca")]
pub async fn baca(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<HttpResponse> {
    service::baca(&state.db, &viewer, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Who has read an announcement
///
/// For its author and the HR office: readers with name, NIP and unit, latest first.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Announcement id"), PageQuery),
    responses((status = 200, body = Page<PembacaPengumuman>), BadRequest, Invalid, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/pembaca")]
pub async fn pembaca(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
) -> AppResult<Json<Page<PembacaPengumuman>>> {
    Ok(Json(
        service::pembaca_list(&state.db, &viewer, id.into_inner(), page).await?,
    ))
}

/// Units I may address
///
/// The active units of the instansi for the HR office, the units a pimpinan leads; in tree
/// order with their depth. Others get 403.
#[utoipa::path(
    tag = TAG,
    responses((status = 200, body = Vec<UnitSasaran>), Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[get("/unit")]
pub async fn unit(state: Data<AppState>, viewer: Viewer) -> AppResult<Json<Vec<UnitSasaran>>> {
    Ok(Json(service::unit_sasaran(&state.db, &viewer).await?))
}
