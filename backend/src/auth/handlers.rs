//! HTTP handlers for `/api/v1/auth`.

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::web::Data;
use actix_web::{HttpRequest, HttpResponse, get, post};
use kinerja_api::ErrorBody;
use kinerja_api::Pesan;
use kinerja_api::auth::{
    ChangePasswordRequest, CurrentUser, LoginRequest, RefreshDelivery, RefreshRequest,
    TokenResponse,
};
use utoipa_actix_web::service_config::ServiceConfig;

use super::service::{self, IssuedTokens};
use super::{REFRESH_COOKIE, REFRESH_COOKIE_PATH, SessionUser, TAG};
use crate::error::{AppError, AppResult};
use crate::extract::{OptionalJson, RequestMeta, ValidatedJson};
use crate::problems::{JsonBodyProblems, Unauthorized};
use crate::state::AppState;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/auth")
            .service(login)
            .service(refresh)
            .service(logout)
            .service(me)
            .service(change_password),
    );
}

fn refresh_cookie(state: &AppState, value: String, max_age_secs: i64) -> Cookie<'static> {
    Cookie::build(REFRESH_COOKIE, value)
        .path(REFRESH_COOKIE_PATH)
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.settings.cookie_secure)
        .max_age(CookieDuration::seconds(max_age_secs))
        .finish()
}

/// Answers with the tokens; the refresh token goes in the body or in the HttpOnly cookie.
fn token_response(
    state: &AppState,
    issued: IssuedTokens,
    delivery: RefreshDelivery,
) -> HttpResponse {
    let mut body = issued.response;
    let mut response = HttpResponse::Ok();
    response.insert_header(("Cache-Control", "no-store"));
    match delivery {
        RefreshDelivery::Body => body.refresh_token = Some(issued.refresh_token),
        RefreshDelivery::Cookie => {
            let max_age = (issued.refresh_expires_at - chrono::Utc::now())
                .num_seconds()
                .max(0);
            response.cookie(refresh_cookie(state, issued.refresh_token, max_age));
        }
    }
    response.json(body)
}

/// Sign in
///
/// Checks username (the NIP for staff) and password and returns a short-lived access token.
/// The refresh token is set as an HttpOnly cookie, or returned in the body with
/// `refresh_delivery: "body"`. After 5 failed attempts for one username within 15 minutes
/// (configurable) the answer is 429 with `Retry-After`.
#[utoipa::path(
    tag = TAG,
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = TokenResponse),
        (status = 401, description = "Wrong username or password, or inactive account", body = ErrorBody, content_type = "application/problem+json"),
        JsonBodyProblems,
        (status = 429, description = "Too many failed attempts", body = ErrorBody, content_type = "application/problem+json"),
    )
)]
#[post("/login")]
async fn login(
    state: Data<AppState>,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<LoginRequest>,
) -> AppResult<HttpResponse> {
    let delivery = body.refresh_delivery;
    let issued = service::login(&state, body, &meta).await?;
    Ok(token_response(&state, issued, delivery))
}

/// Refresh the session
///
/// Exchanges a refresh token (from the cookie, or from the body) for a new access token and a
/// new refresh token. Each refresh token works once: presenting it again revokes the session.
#[utoipa::path(
    tag = TAG,
    request_body(content = Option<RefreshRequest>, description = "Empty when the token is in the cookie"),
    responses(
        JsonBodyProblems,
        (status = 200, description = "New tokens", body = TokenResponse),
        (status = 401, description = "Missing, expired, revoked or reused refresh token", body = ErrorBody, content_type = "application/problem+json"),
    )
)]
#[post("/refresh")]
async fn refresh(
    state: Data<AppState>,
    req: HttpRequest,
    meta: RequestMeta,
    OptionalJson(body): OptionalJson<RefreshRequest>,
) -> AppResult<HttpResponse> {
    let (token, delivery) = match body.and_then(|b| b.refresh_token) {
        Some(token) => (token, RefreshDelivery::Body),
        None => (
            req.cookie(REFRESH_COOKIE)
                .map(|c| c.value().to_owned())
                .ok_or(AppError::Unauthorized(Pesan::SesiTidakDitemukan))?,
            RefreshDelivery::Cookie,
        ),
    };
    let issued = service::refresh(&state, &token, &meta).await?;
    Ok(token_response(&state, issued, delivery))
}

/// Sign out
///
/// Revokes the session of the presented refresh token (cookie or body) and clears the cookie.
/// Always succeeds.
#[utoipa::path(
    tag = TAG,
    request_body(content = Option<RefreshRequest>, description = "Empty when the token is in the cookie"),
    responses((status = 204, description = "Signed out"), JsonBodyProblems)
)]
#[post("/logout")]
async fn logout(
    state: Data<AppState>,
    req: HttpRequest,
    meta: RequestMeta,
    OptionalJson(body): OptionalJson<RefreshRequest>,
) -> AppResult<HttpResponse> {
    let token = body
        .and_then(|b| b.refresh_token)
        .or_else(|| req.cookie(REFRESH_COOKIE).map(|c| c.value().to_owned()));
    service::logout(&state, token.as_deref(), &meta).await?;
    Ok(HttpResponse::NoContent()
        .cookie(refresh_cookie(&state, String::new(), 0))
        .finish())
}

/// The signed-in user
///
/// Profile, roles and the permissions the roles grant, the linked employee, whether they have
/// subordinates (for the menus), and whether a one-time password must be changed first. Served
/// also while the password must be changed.
#[utoipa::path(
    tag = TAG,
    responses(
        (status = 200, description = "The signed-in user", body = CurrentUser),
        Unauthorized,
    ),
    security(("bearer" = []))
)]
#[get("/me")]
async fn me(
    state: Data<AppState>,
    session: SessionUser,
) -> AppResult<actix_web::web::Json<CurrentUser>> {
    Ok(actix_web::web::Json(
        service::profile(&state, (*session.1).clone()).await?,
    ))
}

/// Change password
///
/// Requires the current password. The new one needs at least 10 characters and must differ
/// from the username (NIP). Every other session is signed out; new tokens are returned. This
/// is the one change an account holding a one-time password may make; it clears the flag.
#[utoipa::path(
    tag = TAG,
    request_body = ChangePasswordRequest,
    responses(
        JsonBodyProblems,
        (status = 200, description = "Password changed; new tokens", body = TokenResponse),
        Unauthorized,
        (status = 422, description = "Wrong current password or weak new password", body = ErrorBody, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/change-password")]
async fn change_password(
    state: Data<AppState>,
    SessionUser(user, _): SessionUser,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<ChangePasswordRequest>,
) -> AppResult<HttpResponse> {
    let issued = service::change_password(&state, user.id, body, &meta).await?;
    Ok(token_response(&state, issued, RefreshDelivery::Cookie))
}
