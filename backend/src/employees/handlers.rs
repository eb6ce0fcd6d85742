//! HTTP handlers for `/api/v1/employees` and the superior report.

use actix_web::web::{Data, Json, Path, Payload};
use actix_web::{HttpRequest, HttpResponse, get, patch, post};
use kinerja_api::employees::{
    Assignment, CreateAssignment, CreateEmployee, CreateSuperiorOverride, DateQuery, Employee,
    EmployeeQuery, ImportMode, ImportQuery, ImportReport, SuperiorOverride, Superiors,
    UnresolvedSuperior, UpdateEmployee, Visibility,
};
use kinerja_api::{Page, PageQuery};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::service;
use super::{TAG, import};
use crate::auth::Viewer;
use crate::auth::{RequirePermission, perm};
use crate::bacaan::Bacaan;
use crate::error::{AppError, AppResult};
use crate::extract::{RequestMeta, ValidatedJson, ValidatedQuery, read_upload};
use crate::problems::{BadRequest, Forbidden, Invalid, JsonBodyProblems, NotFound, Unauthorized};
use crate::state::AppState;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/employees")
            .service(list_employees)
            .service(create_employee)
            .service(export_employees)
            .service(download_import_template)
            .service(import_employees)
            .service(get_employee)
            .service(update_employee)
            .service(list_assignments)
            .service(create_assignment)
            .service(get_superiors)
            .service(create_superior_override),
    )
    .service(list_unresolved_superiors);
}

/// The full record of `id`, or 403 when the viewer only gets the directory view.
async fn require_full(state: &AppState, viewer: &Viewer, id: Uuid) -> AppResult<()> {
    match service::get(&state.db, viewer, id).await?.visibility {
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
    viewer: Viewer,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    ValidatedQuery(query): ValidatedQuery<EmployeeQuery>,
) -> AppResult<Json<Page<Employee>>> {
    Ok(Json(
        service::list(
            &state.db,
            &viewer,
            query,
            page,
            state.settings.daftar_total_tepat,
        )
        .await?,
    ))
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
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
) -> AppResult<Json<Employee>> {
    let employee = service::get(&Bacaan::ambil(&state).await?, &viewer, id.into_inner()).await?;
    if employee.visibility == Visibility::Full && viewer.employee_id != Some(employee.id) {
        super::log_akses::catat(
            &state.db,
            &viewer,
            Some(employee.id),
            super::log_akses::DETAIL,
            1,
            &meta,
            state.settings.pdp_baca_per_jam,
        )
        .await?;
    }
    Ok(Json(employee))
}

/// Update an employee
///
/// Position changes go through assignments (mutasi). Audited with before/after.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Employee id")),
    request_body = UpdateEmployee,
    responses((status = 200, body = Employee), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "A stale `lock_version`: someone else changed the record meanwhile; reload and redo the edit", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
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
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<Json<Vec<Assignment>>> {
    let id = id.into_inner();
    require_full(&state, &viewer, id).await?;
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
    viewer: Viewer,
    id: Path<Uuid>,
    ValidatedQuery(query): ValidatedQuery<DateQuery>,
) -> AppResult<Json<Superiors>> {
    let id = id.into_inner();
    require_full(&state, &viewer, id).await?;
    let date = query.date.unwrap_or_else(crate::clock::today);
    Ok(Json(
        super::atasan::superiors(&Bacaan::ambil(&state).await?, id, date).await?,
    ))
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
    let date = query.date.unwrap_or_else(crate::clock::today);
    Ok(Json(
        super::atasan::unresolved_superiors(&state.db, date, page).await?,
    ))
}

/// Export employees (XLSX)
///
/// The filtered list in the import layout, so it can be edited and imported elsewhere. For
/// admins, auditors and pimpinan; rows outside the viewer's remit have their private columns
/// empty.
#[utoipa::path(
    tag = TAG,
    params(EmployeeQuery),
    responses(
        (status = 200, description = "XLSX workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        Invalid, Unauthorized, Forbidden
    ),
    security(("bearer" = []))
)]
#[get("/export")]
async fn export_employees(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    ValidatedQuery(query): ValidatedQuery<EmployeeQuery>,
) -> AppResult<HttpResponse> {
    use kinerja_api::auth::Permission;
    if !viewer.can(Permission::ReadAllEmployees) && !viewer.can(Permission::ReadUnitDashboards) {
        return Err(AppError::Forbidden);
    }
    let (bytes, private) = import::export(&state.db, &viewer, query).await?;
    if private > 0 {
        super::log_akses::catat(
            &state.db,
            &viewer,
            None,
            super::log_akses::EKSPOR,
            private,
            &meta,
            state.settings.pdp_baca_per_jam,
        )
        .await?;
    }
    Ok(crate::http::xlsx_download(bytes, "pegawai.xlsx"))
}

/// Import template (XLSX)
///
/// The columns of the import with an example row and instructions (sheet "Petunjuk").
#[utoipa::path(
    tag = TAG,
    responses(
        (status = 200, description = "XLSX workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        Unauthorized, Forbidden
    ),
    security(("bearer" = []))
)]
#[get("/import/template")]
async fn download_import_template(
    _auth: RequirePermission<perm::ManageOrganisation>,
) -> AppResult<HttpResponse> {
    Ok(crate::http::xlsx_download(
        import::template()?,
        "templat-impor-pegawai.xlsx",
    ))
}

/// Import employees (XLSX/CSV)
///
/// `mode=dry_run` (default) checks every row and reports errors by row and column without
/// changing anything; `mode=commit` imports all rows in one transaction, or none when any row
/// has an error. Units and positions are matched by name within the instansi.
#[utoipa::path(
    tag = TAG,
    params(ImportQuery),
    request_body(content = inline(crate::extract::FileUpload), content_type = "multipart/form-data"),
    responses((status = 200, body = ImportReport), JsonBodyProblems, Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[post("/import")]
async fn import_employees(
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
        import::import(&state.db, actor.id, query.instansi_id, mode, &bytes, &meta).await?,
    ))
}
