//! HTTP routes of guides under `/api/v1/panduan`: thin handlers over `service`.

use actix_web::web::{Data, Json, Path};
use actix_web::{HttpResponse, delete, get, post, put};
use kinerja_api::panduan::{HapusPanduan, Panduan, PanduanQuery, RingkasanPanduan, TulisPanduan};
use kinerja_api::{Page, PageQuery};
use utoipa_actix_web::service_config::ServiceConfig;

use super::{TAG, service};
use crate::auth::AuthUser;
use crate::error::{AppError, AppResult};
use crate::extract::{RequestMeta, ValidatedJson, ValidatedQuery};
use crate::problems::{BadRequest, Forbidden, Invalid, JsonBodyProblems, NotFound, Unauthorized};
use crate::state::AppState;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/panduan")
            .service(daftar)
            .service(buat)
            .service(satu)
            .service(ubah)
            .service(hapus),
    );
}

const STALE: &str = "A stale `lock_version`, or (DELETE) a built-in guide";

/// A slug of the path, or 404 (an unknown shape cannot name a guide).
fn slug(path: Path<String>) -> AppResult<String> {
    let s = path.into_inner();
    if kinerja_api::panduan::slug_ok(&s) {
        Ok(s)
    } else {
        Err(AppError::NotFound("Panduan"))
    }
}

/// Guides
///
/// For every signed-in user: the guides in their order, filtered by role (`peran`) and screen
/// (`layar`), and searched (`q`: every word in a title or text of either language,
/// case-insensitive).
#[utoipa::path(
    tag = TAG,
    params(PageQuery, PanduanQuery),
    responses((status = 200, body = Page<RingkasanPanduan>), BadRequest, Invalid, Unauthorized),
    security(("bearer" = []))
)]
#[get("")]
pub async fn daftar(
    state: Data<AppState>,
    _user: AuthUser,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    ValidatedQuery(q): ValidatedQuery<PanduanQuery>,
) -> AppResult<Json<Page<RingkasanPanduan>>> {
    Ok(Json(service::daftar(&state.db, q, page).await?))
}

/// One guide
///
/// Its Markdown and the server's HTML of it in both languages: raw HTML in the Markdown is
/// escaped and links and images keep only `http(s)` or relative targets, so the HTML is safe
/// to insert.
#[utoipa::path(
    tag = TAG,
    params(("slug" = String, Path, description = "The guide's slug", pattern = "^[a-z0-9][a-z0-9-]{1,58}[a-z0-9]$")),
    responses((status = 200, body = Panduan), Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{slug}")]
pub async fn satu(
    state: Data<AppState>,
    user: AuthUser,
    path: Path<String>,
) -> AppResult<Json<Panduan>> {
    Ok(Json(service::satu(&state.db, &user, &slug(path)?).await?))
}

/// Write a guide
///
/// The HR office only (others 403), with a new `slug`. Audited.
#[utoipa::path(
    tag = TAG,
    request_body = TulisPanduan,
    responses((status = 201, body = Panduan), JsonBodyProblems, Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[post("")]
pub async fn buat(
    state: Data<AppState>,
    user: AuthUser,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<TulisPanduan>,
) -> AppResult<HttpResponse> {
    let created = service::buat(&state.db, &user, body, &meta).await?;
    Ok(HttpResponse::Created().json(created))
}

/// Change a guide
///
/// The HR office only, naming the `lock_version` it read; the slug stays. Built-in guides may
/// be changed too. Audited.
#[utoipa::path(
    tag = TAG,
    params(("slug" = String, Path, description = "The guide's slug", pattern = "^[a-z0-9][a-z0-9-]{1,58}[a-z0-9]$")),
    request_body = TulisPanduan,
    responses((status = 200, body = Panduan), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = STALE, body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[put("/{slug}")]
pub async fn ubah(
    state: Data<AppState>,
    user: AuthUser,
    meta: RequestMeta,
    path: Path<String>,
    ValidatedJson(body): ValidatedJson<TulisPanduan>,
) -> AppResult<Json<Panduan>> {
    let slug = slug(path)?;
    Ok(Json(
        service::ubah(&state.db, &user, &slug, body, &meta).await?,
    ))
}

/// Delete a guide
///
/// The HR office only; a built-in guide cannot be deleted (409). Audited.
#[utoipa::path(
    tag = TAG,
    params(("slug" = String, Path, description = "The guide's slug", pattern = "^[a-z0-9][a-z0-9-]{1,58}[a-z0-9]$"), HapusPanduan),
    responses((status = 204, description = "Deleted"), BadRequest, Invalid, Unauthorized, Forbidden, NotFound, (status = 409, description = STALE, body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[delete("/{slug}")]
pub async fn hapus(
    state: Data<AppState>,
    user: AuthUser,
    meta: RequestMeta,
    path: Path<String>,
    ValidatedQuery(q): ValidatedQuery<HapusPanduan>,
) -> AppResult<HttpResponse> {
    let slug = slug(path)?;
    service::hapus(&state.db, &user, &slug, q.lock_version, &meta).await?;
    Ok(HttpResponse::NoContent().finish())
}
