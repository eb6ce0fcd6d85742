//! HTTP handlers for instansi, units, positions and the reference lists.

use actix_web::web::{Data, Json, Path, Payload};
use actix_web::{HttpRequest, HttpResponse, get, patch, post};
use kinerja_api::employees::{ImportMode, ImportQuery, ImportReport};
use kinerja_api::organisation::{
    CreateInstansi, CreatePosition, CreateUnit, Instansi, MoveUnit, Position, PositionQuery,
    ReferenceData, TreeQuery, Unit, UnitMove, UnitNode, UnitQuery, UpdateInstansi, UpdatePosition,
    UpdateUnit,
};
use kinerja_api::{Page, PageQuery};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{TAG, import, service};
use crate::auth::{AuthUser, RequirePermission, perm};
use crate::error::AppResult;
use crate::extract::{RequestMeta, ValidatedJson, ValidatedQuery, read_upload};
use crate::problems::{BadRequest, Forbidden, Invalid, JsonBodyProblems, NotFound, Unauthorized};
use crate::state::AppState;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(get_reference)
        .service(list_instansi)
        .service(create_instansi)
        .service(update_instansi)
        .service(
            utoipa_actix_web::scope("/units")
                .service(list_units)
                .service(get_unit_tree)
                .service(download_unit_template)
                .service(import_units)
                .service(create_unit)
                .service(get_unit)
                .service(update_unit)
                .service(move_unit)
                .service(list_unit_moves)
                .service(crate::evaluation::handlers::tetapkan_organisasi)
                .service(crate::evaluation::handlers::penetapan),
        )
        .service(
            utoipa_actix_web::scope("/positions")
                .service(list_positions)
                .service(download_position_template)
                .service(import_positions)
                .service(create_position)
                .service(get_position)
                .service(update_position),
        );
}

fn created<T: serde::Serialize>(location: String, body: &T) -> HttpResponse {
    HttpResponse::Created()
        .insert_header(("Location", location))
        .json(body)
}

/// Reference lists
///
/// Golongan/pangkat, jenjang jabatan and the BerAKHLAK values with their panduan perilaku.
#[utoipa::path(tag = TAG, responses((status = 200, body = ReferenceData), Unauthorized), security(("bearer" = [])))]
#[get("/reference")]
async fn get_reference(state: Data<AppState>, _user: AuthUser) -> AppResult<Json<ReferenceData>> {
    Ok(Json(service::reference(&state.db).await?))
}

/// List instansi
#[utoipa::path(tag = TAG, responses((status = 200, body = Vec<Instansi>), Unauthorized), security(("bearer" = [])))]
#[get("/instansi")]
async fn list_instansi(state: Data<AppState>, _user: AuthUser) -> AppResult<Json<Vec<Instansi>>> {
    Ok(Json(service::list_instansi(&state.db).await?))
}

/// Create an instansi
#[utoipa::path(
    tag = TAG,
    request_body = CreateInstansi,
    responses((status = 201, body = Instansi), JsonBodyProblems, Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[post("/instansi")]
async fn create_instansi(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<CreateInstansi>,
) -> AppResult<HttpResponse> {
    let dto = service::create_instansi(&state.db, Some(actor.id), body, &meta).await?;
    Ok(created(format!("/api/v1/instansi/{}", dto.id), &dto))
}

/// Set an instansi's time zone
///
/// Every date of its cycle (locks, objection windows, "today") is a day in this zone.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Instansi id")),
    request_body = UpdateInstansi,
    responses((status = 200, body = Instansi), JsonBodyProblems, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[patch("/instansi/{id}")]
async fn update_instansi(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdateInstansi>,
) -> AppResult<Json<Instansi>> {
    Ok(Json(
        service::update_instansi(&state.db, Some(actor.id), id.into_inner(), body, &meta).await?,
    ))
}

/// List units
///
/// Filter by instansi, parent, subtree (`within`), kind, active flag; search by name.
#[utoipa::path(
    tag = TAG,
    params(PageQuery, UnitQuery),
    responses((status = 200, body = Page<Unit>), Invalid, Unauthorized),
    security(("bearer" = []))
)]
#[get("")]
async fn list_units(
    state: Data<AppState>,
    _user: AuthUser,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    ValidatedQuery(query): ValidatedQuery<UnitQuery>,
) -> AppResult<Json<Page<Unit>>> {
    Ok(Json(service::list_units(&state.db, query, page).await?))
}

/// The unit tree
///
/// Every unit with its sub-units and the number of employees placed in it.
#[utoipa::path(
    tag = TAG,
    params(TreeQuery),
    responses((status = 200, body = Vec<UnitNode>), Invalid, Unauthorized),
    security(("bearer" = []))
)]
#[get("/tree")]
async fn get_unit_tree(
    state: Data<AppState>,
    _user: AuthUser,
    ValidatedQuery(query): ValidatedQuery<TreeQuery>,
) -> AppResult<Json<Vec<UnitNode>>> {
    Ok(Json(service::unit_tree(&state.db, query).await?))
}

/// Create a unit
#[utoipa::path(
    tag = TAG,
    request_body = CreateUnit,
    responses((status = 201, body = Unit), JsonBodyProblems, Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[post("")]
async fn create_unit(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<CreateUnit>,
) -> AppResult<HttpResponse> {
    let dto = service::create_unit(&state.db, Some(actor.id), body, &meta).await?;
    Ok(created(format!("/api/v1/units/{}", dto.id), &dto))
}

/// Get a unit
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Unit id")),
    responses((status = 200, body = Unit), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}")]
async fn get_unit(state: Data<AppState>, _user: AuthUser, id: Path<Uuid>) -> AppResult<Json<Unit>> {
    Ok(Json(service::get_unit(&state.db, id.into_inner()).await?))
}

/// Update a unit
///
/// Name, kind, code, address, active flag, end of validity. Audited with before/after.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Unit id")),
    request_body = UpdateUnit,
    responses((status = 200, body = Unit), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "A stale `lock_version`: someone else changed the record meanwhile; reload and redo the edit", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[patch("/{id}")]
async fn update_unit(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdateUnit>,
) -> AppResult<Json<Unit>> {
    Ok(Json(
        service::update_unit(&state.db, Some(actor.id), id.into_inner(), body, &meta).await?,
    ))
}

/// Move a unit
///
/// Moves the unit and its whole subtree under another parent from an effective date; the move
/// stays in the unit's history.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Unit id")),
    request_body = MoveUnit,
    responses((status = 200, body = Unit), JsonBodyProblems, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[post("/{id}/move")]
async fn move_unit(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<MoveUnit>,
) -> AppResult<Json<Unit>> {
    Ok(Json(
        service::move_unit(&state.db, Some(actor.id), id.into_inner(), body, &meta).await?,
    ))
}

/// History of a unit's moves
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Unit id")),
    responses((status = 200, body = Vec<UnitMove>), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/moves")]
async fn list_unit_moves(
    state: Data<AppState>,
    _user: AuthUser,
    id: Path<Uuid>,
) -> AppResult<Json<Vec<UnitMove>>> {
    Ok(Json(service::unit_moves(&state.db, id.into_inner()).await?))
}

/// List positions
///
/// Filter by subtree (`within`), jenis, jenjang and vacancy; search by name.
#[utoipa::path(
    tag = TAG,
    params(PageQuery, PositionQuery),
    responses((status = 200, body = Page<Position>), Invalid, Unauthorized),
    security(("bearer" = []))
)]
#[get("")]
async fn list_positions(
    state: Data<AppState>,
    _user: AuthUser,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    ValidatedQuery(query): ValidatedQuery<PositionQuery>,
) -> AppResult<Json<Page<Position>>> {
    Ok(Json(service::list_positions(&state.db, query, page).await?))
}

/// Create a position
#[utoipa::path(
    tag = TAG,
    request_body = CreatePosition,
    responses((status = 201, body = Position), JsonBodyProblems, Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[post("")]
async fn create_position(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<CreatePosition>,
) -> AppResult<HttpResponse> {
    let dto = service::create_position(&state.db, Some(actor.id), body, &meta).await?;
    Ok(created(format!("/api/v1/positions/{}", dto.id), &dto))
}

/// Get a position
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Position id")),
    responses((status = 200, body = Position), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}")]
async fn get_position(
    state: Data<AppState>,
    _user: AuthUser,
    id: Path<Uuid>,
) -> AppResult<Json<Position>> {
    Ok(Json(
        service::get_position(&state.db, id.into_inner()).await?,
    ))
}

/// Update a position
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Position id")),
    request_body = UpdatePosition,
    responses((status = 200, body = Position), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "A stale `lock_version`: someone else changed the record meanwhile; reload and redo the edit", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[patch("/{id}")]
async fn update_position(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdatePosition>,
) -> AppResult<Json<Position>> {
    Ok(Json(
        service::update_position(&state.db, Some(actor.id), id.into_inner(), body, &meta).await?,
    ))
}

/// Unit import template (XLSX)
#[utoipa::path(
    tag = TAG,
    responses(
        (status = 200, description = "XLSX workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        Unauthorized, Forbidden
    ),
    security(("bearer" = []))
)]
#[get("/import/template")]
async fn download_unit_template(
    _auth: RequirePermission<perm::ManageOrganisation>,
) -> AppResult<HttpResponse> {
    Ok(crate::http::xlsx_download(
        import::unit_template()?,
        "templat-impor-unit.xlsx",
    ))
}

/// Import units (XLSX/CSV)
///
/// `mode=dry_run` (default) reports errors per row and column; `mode=commit` creates every unit
/// in one transaction, or none when any row has an error. Parents are named; a parent may be an
/// earlier row of the same file.
#[utoipa::path(
    tag = TAG,
    params(ImportQuery),
    request_body(content = inline(crate::extract::FileUpload), content_type = "multipart/form-data"),
    responses((status = 200, body = ImportReport), JsonBodyProblems, Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[post("/import")]
async fn import_units(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    req: HttpRequest,
    payload: Payload,
    ValidatedQuery(query): ValidatedQuery<ImportQuery>,
) -> AppResult<Json<ImportReport>> {
    let bytes = read_upload(&req, payload, state.settings.max_upload_bytes).await?;
    let mode = query.mode.unwrap_or(ImportMode::DryRun);
    Ok(Json(
        import::import_units(&state.db, actor.id, query.instansi_id, mode, &bytes, &meta).await?,
    ))
}

/// Position import template (XLSX)
#[utoipa::path(
    tag = TAG,
    responses(
        (status = 200, description = "XLSX workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        Unauthorized, Forbidden
    ),
    security(("bearer" = []))
)]
#[get("/import/template")]
async fn download_position_template(
    _auth: RequirePermission<perm::ManageOrganisation>,
) -> AppResult<HttpResponse> {
    Ok(crate::http::xlsx_download(
        import::position_template()?,
        "templat-impor-jabatan.xlsx",
    ))
}

/// Import positions (XLSX/CSV)
///
/// As the unit import. A position's superior is named (with its unit when it is in another one)
/// and may be an earlier row of the same file.
#[utoipa::path(
    tag = TAG,
    params(ImportQuery),
    request_body(content = inline(crate::extract::FileUpload), content_type = "multipart/form-data"),
    responses((status = 200, body = ImportReport), JsonBodyProblems, Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[post("/import")]
async fn import_positions(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    req: HttpRequest,
    payload: Payload,
    ValidatedQuery(query): ValidatedQuery<ImportQuery>,
) -> AppResult<Json<ImportReport>> {
    let bytes = read_upload(&req, payload, state.settings.max_upload_bytes).await?;
    let mode = query.mode.unwrap_or(ImportMode::DryRun);
    Ok(Json(
        import::import_positions(&state.db, actor.id, query.instansi_id, mode, &bytes, &meta)
            .await?,
    ))
}
