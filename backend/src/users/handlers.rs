//! HTTP handlers for `/api/v1/users` (admin).

use actix_web::web::{Data, Json, Path};
use actix_web::{HttpResponse, get, patch, post};
use kinerja_api::users::{CreateUser, UpdateUser, User, UserQuery};
use kinerja_api::{ErrorBody, Page, PageQuery};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{TAG, service};
use crate::auth::{RequirePermission, perm};
use crate::error::AppResult;
use crate::extract::{RequestMeta, ValidatedJson, ValidatedQuery};
use crate::openapi::problems::{
    BadRequest, Forbidden, Invalid, JsonBodyProblems, NotFound, Unauthorized,
};
use crate::state::AppState;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/users")
            .service(list_users)
            .service(create_user)
            .service(get_user)
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
        (status = 409, description = "Email already used", body = ErrorBody, content_type = "application/problem+json"),
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
