//! HTTP handlers for `/api/v1/employees` and the superior report.

use actix_web::web::{Data, Json, Path};
use actix_web::{HttpResponse, get, patch, post};
use chrono::Utc;
use kinerja_api::employees::{
    Assignment, CreateAssignment, CreateEmployee, CreateSuperiorOverride, DateQuery, Employee,
    EmployeeQuery, SuperiorOverride, Superiors, UnresolvedSuperior, UpdateEmployee, Visibility,
};
use kinerja_api::{Page, PageQuery};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::TAG;
use super::service::{self, Viewer};
use crate::auth::{AuthUser, RequirePermission, perm};
use crate::error::{AppError, AppResult};
use crate::extract::{RequestMeta, ValidatedJson, ValidatedQuery};
use crate::openapi::problems::{
    BadRequest, Forbidden, Invalid, JsonBodyProblems, NotFound, Unauthorized,
};
use crate::state::AppState;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/employees")
            .service(list_employees)
            .service(create_employee)
            .service(get_employee)
            .service(update_employee)
            .service(list_assignments)
            .service(create_assignment)
            .service(get_superiors)
            .service(create_superior_override),
    )
    .service(list_unresolved_superiors);
}

async fn viewer(state: &AppState, user: AuthUser) -> AppResult<Viewer> {
    Viewer::load(&state.db, user.id, user.roles).await
}

/// The full record of `id`, or 403 when the viewer only gets the directory view.
async fn require_full(state: &AppState, user: AuthUser, id: Uuid) -> AppResult<()> {
    let viewer = viewer(state, user).await?;
    match service::get(&state.db, &viewer, id).await?.visibility {
        Visibility::Full => Ok(()),
        Visibility::Directory => Err(AppError::Forbidden),
    }
}

/// List employees
///
/// Search by name or NIP prefix; filter by unit subtree, jenis/jenjang jabatan, golongan,
/// status. Each row is the full record or, for colleagues outside the viewer's remit, the
/// directory view (name, NIP, position, unit). Filters on private fields (golongan, status,
/// jenis pegawai) apply only for admins and auditors.
#[utoipa::path(
    tag = TAG,
    params(PageQuery, EmployeeQuery),
    responses((status = 200, body = Page<Employee>), Invalid, Unauthorized),
    security(("bearer" = []))
)]
#[get("")]
async fn list_employees(
    state: Data<AppState>,
    user: AuthUser,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    ValidatedQuery(query): ValidatedQuery<EmployeeQuery>,
) -> AppResult<Json<Page<Employee>>> {
    let viewer = viewer(&state, user).await?;
    Ok(Json(service::list(&state.db, &viewer, query, page).await?))
}

/// Create an employee
///
/// The NIP (or NI PPPK for PPPK) must agree with the birth date and gender; messages name the
/// wrong segment. With `jabatan_id` the employee holds that position from `tmt_jabatan`; with
/// `password` a user account is created whose username is the NIP.
#[utoipa::path(
    tag = TAG,
    request_body = CreateEmployee,
    responses((status = 201, body = Employee), JsonBodyProblems, Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[post("")]
async fn create_employee(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<CreateEmployee>,
) -> AppResult<HttpResponse> {
    let dto = service::create(&state.db, Some(actor.id), body, &meta).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/employees/{}", dto.id)))
        .json(dto))
}

/// Get an employee
///
/// The full record for the employee themself, pimpinan of their unit subtree, admins and
/// auditors; the directory view for everyone else.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Employee id")),
    responses((status = 200, body = Employee), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}")]
async fn get_employee(
    state: Data<AppState>,
    user: AuthUser,
    id: Path<Uuid>,
) -> AppResult<Json<Employee>> {
    let viewer = viewer(&state, user).await?;
    Ok(Json(
        service::get(&state.db, &viewer, id.into_inner()).await?,
    ))
}

/// Update an employee
///
/// Position changes go through assignments (mutasi). Audited with before/after.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Employee id")),
    request_body = UpdateEmployee,
    responses((status = 200, body = Employee), JsonBodyProblems, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[patch("/{id}")]
async fn update_employee(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdateEmployee>,
) -> AppResult<Json<Employee>> {
    Ok(Json(
        service::update(&state.db, actor.id, id.into_inner(), body, &meta).await?,
    ))
}

/// Assignment history
///
/// Positions held, definitively or acting, newest first. For those who see the full record.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Employee id")),
    responses((status = 200, body = Vec<Assignment>), BadRequest, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/assignments")]
async fn list_assignments(
    state: Data<AppState>,
    user: AuthUser,
    id: Path<Uuid>,
) -> AppResult<Json<Vec<Assignment>>> {
    let id = id.into_inner();
    require_full(&state, user, id).await?;
    Ok(Json(service::assignments(&state.db, id).await?))
}

/// Assign a position
///
/// `definitif`: a mutasi or promotion — the current definitive assignment ends the day before.
/// `plt`/`plh`: an acting assignment for a date range, alongside the definitive one.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Employee id")),
    request_body = CreateAssignment,
    responses((status = 201, body = Assignment), JsonBodyProblems, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[post("/{id}/assignments")]
async fn create_assignment(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<CreateAssignment>,
) -> AppResult<HttpResponse> {
    let dto = service::create_assignment(&state.db, actor.id, id.into_inner(), body, &meta).await?;
    Ok(HttpResponse::Created().json(dto))
}

/// Superiors on a date
///
/// The Pejabat Penilai Kinerja and the Atasan PPKin on `date` (default today), each with the
/// reason: `derived` from the position hierarchy, `override` set by the admin, or `acting`
/// (Plt/Plh). For those who see the full record.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Employee id"), DateQuery),
    responses((status = 200, body = Superiors), BadRequest, Invalid, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/superiors")]
async fn get_superiors(
    state: Data<AppState>,
    user: AuthUser,
    id: Path<Uuid>,
    ValidatedQuery(query): ValidatedQuery<DateQuery>,
) -> AppResult<Json<Superiors>> {
    let id = id.into_inner();
    require_full(&state, user, id).await?;
    let date = query.date.unwrap_or_else(|| Utc::now().date_naive());
    Ok(Json(service::superiors(&state.db, id, date).await?))
}

/// Set the PPKin explicitly
///
/// Overrides the derived Pejabat Penilai Kinerja for a date range (with a reason).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Employee id")),
    request_body = CreateSuperiorOverride,
    responses((status = 201, body = SuperiorOverride), JsonBodyProblems, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[post("/{id}/superior-overrides")]
async fn create_superior_override(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<CreateSuperiorOverride>,
) -> AppResult<HttpResponse> {
    let dto = service::create_override(&state.db, actor.id, id.into_inner(), body, &meta).await?;
    Ok(HttpResponse::Created().json(dto))
}

/// Employees without a PPKin
///
/// Employees in service whose Pejabat Penilai Kinerja cannot be resolved on `date`, with the
/// reason — never silently skipped. For the HR office.
#[utoipa::path(
    tag = TAG,
    params(PageQuery, DateQuery),
    responses((status = 200, body = Page<UnresolvedSuperior>), Invalid, Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[get("/reports/unresolved-superiors")]
async fn list_unresolved_superiors(
    state: Data<AppState>,
    _auth: RequirePermission<perm::ManageOrganisation>,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    ValidatedQuery(query): ValidatedQuery<DateQuery>,
) -> AppResult<Json<Page<UnresolvedSuperior>>> {
    let date = query.date.unwrap_or_else(|| Utc::now().date_naive());
    Ok(Json(
        service::unresolved_superiors(&state.db, date, page).await?,
    ))
}
