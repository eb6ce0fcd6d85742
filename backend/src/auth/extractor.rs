//! `AuthUser` and `RequirePermission<P>`: taking one as a handler argument is how a route
//! requires a signed-in user or a permission.
//!
//! The JWT is checked first, then the account is loaded: a deactivated account, or a token
//! issued before the last password change, is refused at once rather than when the token
//! expires. Permissions must be granted by the roles in the token (checked without a database
//! round trip) and by the roles in the database: a revoked role takes effect immediately, a
//! newly granted one with the next token refresh.

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::web::Data;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use kinerja_api::Pesan;
use kinerja_api::auth::{Permission, Role};
use uuid::Uuid;

use crate::auth::jwt::Claims;
use crate::error::{AppError, AppResult};
use crate::policy;
use crate::state::AppState;
use crate::users::service::{self as users, Principal};

#[derive(Debug, Clone)]
pub struct AuthUser {
    pub id: Uuid,
    pub username: String,
    pub roles: Vec<Role>,
    /// The linked employee record and its unit.
    pub employee: Option<(Uuid, Option<Uuid>)>,
}

impl AuthUser {
    pub fn can(&self, permission: Permission) -> bool {
        policy::can(&self.roles, permission)
    }

    /// # Errors
    /// `Forbidden` when the user's roles do not grant `permission`.
    pub fn require(&self, permission: Permission) -> AppResult<()> {
        if self.can(permission) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }
}

fn bearer_token(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

/// The synchronous half of authentication: the bearer token's signature and expiry. Rejections
/// here are ready at once, so they win over body validation running alongside (actix polls
/// all extractors of a handler together): a client without a valid token gets 401, not 422.
pub(super) fn verified_claims(req: &HttpRequest) -> AppResult<(Data<AppState>, Claims)> {
    let state = req
        .app_data::<Data<AppState>>()
        .cloned()
        .ok_or_else(|| AppError::Unexpected(anyhow::anyhow!("AppState missing")))?;
    let token = bearer_token(req).ok_or(AppError::Unauthorized(Pesan::SilakanMasuk))?;
    let claims = state.jwt.verify(&token)?;
    Ok((state, claims))
}

/// The account behind the token, read once per request (one query) and kept in the request's
/// extensions for every other extractor of the same request.
pub(super) async fn principal(
    req: &HttpRequest,
    state: &AppState,
    claims: &Claims,
) -> AppResult<Arc<Principal>> {
    if let Some(p) = req.extensions().get::<Arc<Principal>>() {
        return Ok(p.clone());
    }
    let found = match state.akun.get(claims.sub) {
        Some(p) => p,
        None => {
            let generation = state.akun.generation();
            let read = Arc::new(
                users::principal(&state.db, claims.sub)
                    .await?
                    .ok_or(AppError::Unauthorized(Pesan::AkunTidakDitemukan))?,
            );
            state.akun.put(read.clone(), generation);
            read
        }
    };
    req.extensions_mut().insert(found.clone());
    Ok(found)
}

/// The asynchronous half: the account must exist, be active and not have changed its password
/// since the token was issued. Roles are taken from the database. An account still holding a
/// one-time password is refused (403 `password_change_required`) unless `pending_ok`: only
/// [`SessionUser`] routes (who am I, change password) serve it.
pub(super) async fn load_user(
    req: HttpRequest,
    state: Data<AppState>,
    claims: Claims,
    pending_ok: bool,
) -> AppResult<AuthUser> {
    let found = principal(&req, &state, &claims).await?;
    let (user, roles) = (&found.user, found.roles.clone());
    if !user.active {
        return Err(AppError::Unauthorized(Pesan::AkunTidakAktif));
    }
    if !claims.issued_after(user.password_changed_at) {
        return Err(AppError::Unauthorized(Pesan::SandiTelahDiganti));
    }
    if user.harus_ganti_password && !pending_ok {
        return Err(AppError::PasswordChangeRequired);
    }
    Ok(AuthUser {
        id: user.id,
        username: user.username.clone(),
        roles,
        employee: found.employee,
    })
}

pub(super) type AuthFuture<T> = Pin<Box<dyn Future<Output = AppResult<T>>>>;

impl FromRequest for AuthUser {
    type Error = AppError;
    type Future = AuthFuture<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        match verified_claims(req) {
            Err(e) => Box::pin(std::future::ready(Err(e))),
            Ok((state, claims)) => Box::pin(load_user(req.clone(), state, claims, false)),
        }
    }
}

/// A signed-in user, also while the account still holds a one-time password: for the few
/// routes that must serve such an account (`/auth/me`, `/auth/change-password`). The account as
/// read for this request comes along.
pub struct SessionUser(pub AuthUser, pub Arc<Principal>);

impl FromRequest for SessionUser {
    type Error = AppError;
    type Future = AuthFuture<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        match verified_claims(req) {
            Err(e) => Box::pin(std::future::ready(Err(e))),
            Ok((state, claims)) => {
                let req = req.clone();
                Box::pin(async move {
                    let user = load_user(req.clone(), state.clone(), claims.clone(), true).await?;
                    let account = principal(&req, &state, &claims).await?;
                    Ok(SessionUser(user, account))
                })
            }
        }
    }
}

/// A permission as a type, for [`RequirePermission`].
pub trait RequiredPermission {
    const PERMISSION: Permission;
}

/// Marker types, one per permission.
pub mod perm {
    use super::{Permission, RequiredPermission};

    pub struct ManageUsers;
    impl RequiredPermission for ManageUsers {
        const PERMISSION: Permission = Permission::ManageUsers;
    }

    pub struct ReadAudit;
    impl RequiredPermission for ReadAudit {
        const PERMISSION: Permission = Permission::ReadAudit;
    }

    pub struct ManageOrganisation;
    impl RequiredPermission for ManageOrganisation {
        const PERMISSION: Permission = Permission::ManageOrganisation;
    }

    pub struct ReadUnitDashboards;
    impl RequiredPermission for ReadUnitDashboards {
        const PERMISSION: Permission = Permission::ReadUnitDashboards;
    }
}

/// A signed-in user who holds `P`; 401 without a valid token, 403 without the permission.
pub struct RequirePermission<P>(pub AuthUser, pub PhantomData<P>);

impl<P: RequiredPermission + 'static> FromRequest for RequirePermission<P> {
    type Error = AppError;
    type Future = AuthFuture<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let (state, claims) = match verified_claims(req) {
            Ok(v) => v,
            Err(e) => return Box::pin(std::future::ready(Err(e))),
        };
        // Fail fast on the roles in the token (so a 403 is not overtaken by a 422), then
        // confirm with the roles in the database, which may have been revoked since.
        if !policy::can(&claims.roles, P::PERMISSION) {
            return Box::pin(std::future::ready(Err(AppError::Forbidden)));
        }
        let req = req.clone();
        Box::pin(async move {
            let user = load_user(req, state, claims, false).await?;
            user.require(P::PERMISSION)?;
            Ok(RequirePermission(user, PhantomData))
        })
    }
}
