//! HTTP handlers for `/api/v1/users` (admin).

use actix_web::web::{Data, Json, Path};
use actix_web::{HttpResponse, get, patch, post};
use kinerja_api::users::{
    AkunPegawai, BuatAkunPegawai, BuatAkunUnit, CreateUser, HasilAkunUnit, PasswordDireset,
    UpdateUser, User, UserQuery,
};
use kinerja_api::{ErrorBody, Page, PageQuery};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{TAG, akun, service};
use crate::auth::{RequirePermission, perm};
use crate::error::AppResult;
use crate::extract::{RequestMeta, ValidatedJson, ValidatedQuery};
use crate::problems::{BadRequest, Forbidden, Invalid, JsonBodyProblems, NotFound, Unauthorized};
use crate::state::AppState;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/users")
            .service(list_users)
            .service(create_user)
            .service(create_employee_account)
            .service(create_unit_accounts)
            .service(get_user)
            .service(reset_password)
            .service(update_user),
    );
}

/// List users
///
/// Search by username prefix, name or email; filter by role and active flag.
#[utoipa::path(
    tag = TAG,
    params(PageQuery, UserQuery),
    responses(
        (status = 200, description = "A page of users", body = Page<User>),
        Unauthorized,
        Forbidden,
        Invalid,
    ),
    security(("bearer" = []))
)]
#[get("")]
async fn list_users(
    state: Data<AppState>,
    _auth: RequirePermission<perm::ManageUsers>,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    ValidatedQuery(query): ValidatedQuery<UserQuery>,
) -> AppResult<Json<Page<User>>> {
    Ok(Json(service::list(&state.db, query, page).await?))
}

/// Create a user
///
/// The username is stored in lower case without spaces. Only a superadmin may grant `admin`
/// or `superadmin`.
#[utoipa::path(
    tag = TAG,
    request_body = CreateUser,
    responses(
        (status = 201, description = "Created", body = User),
        Unauthorized,
        (status = 403, description = "Not allowed to create users or grant these roles", body = ErrorBody, content_type = "application/problem+json"),
        (status = 409, description = "Username or email already registered", body = ErrorBody, content_type = "application/problem+json"),
        JsonBodyProblems,
    ),
    security(("bearer" = []))
)]
#[post("")]
async fn create_user(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageUsers>,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<CreateUser>,
) -> AppResult<HttpResponse> {
    let user = service::create(&state.db, Some((actor.id, &actor.roles)), body, &meta).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/users/{}", user.id)))
        .json(user))
}

/// Get a user
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "User id")),
    responses(
        (status = 200, description = "The user", body = User),
        Unauthorized,
        Forbidden,
        NotFound,
        BadRequest,
    ),
    security(("bearer" = []))
)]
#[get("/{id}")]
async fn get_user(
    state: Data<AppState>,
    _auth: RequirePermission<perm::ManageUsers>,
    id: Path<Uuid>,
) -> AppResult<Json<User>> {
    Ok(Json(service::get(&state.db, id.into_inner()).await?))
}

/// Update a user
///
/// Changes email, name, roles or the active flag; the change and its reason are audited with
/// the values before and after.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "User id")),
    request_body = UpdateUser,
    responses(
        (status = 200, description = "Updated", body = User),
        Unauthorized,
        (status = 403, description = "Not allowed to change this user or these roles", body = ErrorBody, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "Email already used, or a stale `lock_version`", body = ErrorBody, content_type = "application/problem+json"),
        JsonBodyProblems,
    ),
    security(("bearer" = []))
)]
#[patch("/{id}")]
async fn update_user(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageUsers>,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdateUser>,
) -> AppResult<Json<User>> {
    let user = service::update(
        &state.db,
        (actor.id, &actor.roles),
        id.into_inner(),
        body,
        &meta,
    )
    .await?;
    Ok(Json(user))
}

/// Create an employee's account
///
/// Username = the NIP, role `pegawai`, linked to the employee record, with a random one-time
/// password returned in this answer only (stored as its hash). The employee must change it at
/// first sign-in. Audited (`user.created_for_employee`).
#[utoipa::path(
    tag = TAG,
    request_body = BuatAkunPegawai,
    responses(
        (status = 201, description = "Created, with the one-time password", body = AkunPegawai),
        Unauthorized,
        Forbidden,
        (status = 404, description = "No such employee", body = ErrorBody, content_type = "application/problem+json"),
        (status = 409, description = "The employee has an account, is no longer employed, or the NIP is taken", body = ErrorBody, content_type = "application/problem+json"),
        JsonBodyProblems,
    ),
    security(("bearer" = []))
)]
#[post("/akun-pegawai")]
async fn create_employee_account(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageUsers>,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<BuatAkunPegawai>,
) -> AppResult<HttpResponse> {
    let made =
        akun::create_for_employee(&state.db, (actor.id, &actor.roles), body.employee_id, &meta)
            .await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/users/{}", made.user.id)))
        .insert_header(("Cache-Control", "no-store"))
        .json(made))
}

/// Create accounts for a unit
///
/// An account (as for one employee) for every employee of the unit, and with
/// `termasuk_sub_unit` of every unit below it, who has none. Employees with an account, no
/// longer employed, or whose NIP is another account's username are skipped and listed; so are
/// those beyond 200 in one request (send it again). The one-time passwords are in this answer
/// only. Each account is audited.
#[utoipa::path(
    tag = TAG,
    request_body = BuatAkunUnit,
    responses(
        (status = 200, description = "Made and skipped accounts", body = HasilAkunUnit),
        Unauthorized,
        Forbidden,
        (status = 404, description = "No such unit", body = ErrorBody, content_type = "application/problem+json"),
        (status = 409, description = "A concurrent request took one of the usernames; nothing was made", body = ErrorBody, content_type = "application/problem+json"),
        JsonBodyProblems,
    ),
    security(("bearer" = []))
)]
#[post("/akun-pegawai/unit")]
async fn create_unit_accounts(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageUsers>,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<BuatAkunUnit>,
) -> AppResult<HttpResponse> {
    let result = akun::create_for_unit(&state.db, (actor.id, &actor.roles), body, &meta).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(result))
}

/// Reset a password
///
/// Sets a random one-time password, returned in this answer only; every session of the account
/// ends and the holder must choose a new password at the next sign-in. Not for one's own
/// account (use the password change) nor for an account the caller may not manage. Audited
/// (`user.password_reset`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "User id")),
    responses(
        (status = 200, description = "The one-time password", body = PasswordDireset),
        Unauthorized,
        (status = 403, description = "Not allowed to reset this account's password", body = ErrorBody, content_type = "application/problem+json"),
        NotFound,
        BadRequest,
    ),
    security(("bearer" = []))
)]
#[post("/{id}/reset-password")]
async fn reset_password(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageUsers>,
    meta: RequestMeta,
    id: Path<Uuid>,
) -> AppResult<HttpResponse> {
    let result =
        akun::reset_password(&state.db, (actor.id, &actor.roles), id.into_inner(), &meta).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(result))
}
