//! Read-only accounts write nothing. An account holding only reading roles (auditor, pimpinan)
//! and linked to no employee record owns no SKP and rates nobody, so every write under
//! `/api/v1` is refused with 403 before the handler runs: before its body is validated or its
//! ids are looked up, so the answer does not depend on what was sent. Its own password,
//! session and notifications stay its own. Public endpoints (`/api/v1/publik/…`, such as a
//! citizen's survey answer) take no account at all and are never refused here.

use crate::error::{AppError, AppResult};
use crate::policy;
use crate::state::AppState;
use crate::users::service as users;
use actix_web::HttpMessage;
use actix_web::ResponseError;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::web::Data;

/// Writes every signed-in account makes: its password and session, its notifications. Exact
/// paths, so no other route hides behind a prefix.
fn own_things(path: &str) -> bool {
    const EXACT: [&str; 5] = [
        "/api/v1/auth/login",
        "/api/v1/auth/refresh",
        "/api/v1/auth/logout",
        "/api/v1/auth/change-password",
        "/api/v1/notifications/read-all",
    ];
    EXACT.contains(&path)
        || path
            .strip_prefix("/api/v1/notifications/")
            .and_then(|rest| rest.strip_suffix("/read"))
            .is_some_and(|id| uuid::Uuid::parse_str(id).is_ok())
}

/// Middleware: 403 for a write by a read-only account ([`policy::is_read_only`]). Anything it
/// cannot decide (no token, an invalid or outdated one, an inactive account) goes on to the
/// handler's extractors, which answer 401.
pub async fn guard<B: MessageBody>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, actix_web::Error> {
    // An answer, not an `Err`: it passes the outer middleware (security headers, request id).
    match refused(&req).await {
        Ok(false) => next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body),
        Ok(true) => Ok(req
            .into_response(AppError::Forbidden.error_response())
            .map_into_right_body()),
        Err(e) => Ok(req.into_response(e.error_response()).map_into_right_body()),
    }
}

async fn refused(req: &ServiceRequest) -> AppResult<bool> {
    let path = req.path();
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        || !path.starts_with("/api/v1/")
        || path.starts_with("/api/v1/publik/")
        || own_things(path)
    {
        return Ok(false);
    }
    let Some(token) = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim())
    else {
        return Ok(false);
    };
    let Some(state) = req.app_data::<Data<AppState>>() else {
        return Ok(false);
    };
    let Ok(claims) = state.jwt.verify(token) else {
        return Ok(false);
    };
    // Without a database round trip for every token whose roles can write.
    if !policy::is_read_only(&claims.roles, false) {
        return Ok(false);
    }
    let Some(account) = users::principal(&state.db, claims.sub).await? else {
        return Ok(false);
    };
    let user = &account.user;
    if !user.active || !claims.issued_after(user.password_changed_at) || user.harus_ganti_password {
        return Ok(false);
    }
    let read_only = policy::is_read_only(&account.roles, account.employee.is_some());
    // The handler's extractors find the account already read.
    req.extensions_mut().insert(std::sync::Arc::new(account));
    Ok(read_only)
}

#[cfg(test)]
mod tests {
    use super::own_things;

    #[test]
    fn only_the_accounts_own_things_are_open() {
        assert!(own_things("/api/v1/auth/change-password"));
        assert!(own_things(
            "/api/v1/notifications/01938a5e-7a52-7c3a-9d6e-1c2b3d4e5f60/read"
        ));
        assert!(!own_things("/api/v1/auth/../skp"));
        assert!(!own_things("/api/v1/notifications/x/../../skp/read"));
        assert!(!own_things("/api/v1/skp"));
    }
}
