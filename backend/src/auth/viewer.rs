//! The signed-in person with their standing in the organisation: [`Viewer`], taken as a
//! handler argument like [`AuthUser`](super::AuthUser), so no handler builds it by hand.

use std::collections::HashSet;
use std::marker::PhantomData;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use kinerja_api::auth::{Permission, Role};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use super::AuthUser;
use super::extractor::{AuthFuture, RequiredPermission, load_user, verified_claims};
use crate::entities::employees;
use crate::error::{AppError, AppResult};
use crate::policy;

/// Who is looking, resolved once per request for the privacy and access rules.
#[derive(Clone)]
pub struct Viewer {
    pub user_id: Uuid,
    pub roles: Vec<Role>,
    /// The viewer's own employee record.
    pub employee_id: Option<Uuid>,
    /// Units the viewer leads as pimpinan: their unit and everything below it.
    pub subtree: HashSet<Uuid>,
}

impl Viewer {
    /// The viewer for a signed-in user: the units below their own only for pimpinan (one
    /// recursive query over their subtree).
    ///
    /// # Errors
    /// On a database failure.
    pub async fn of(db: &impl ConnectionTrait, user: AuthUser) -> AppResult<Self> {
        let mut subtree = HashSet::new();
        if policy::can(&user.roles, Permission::ReadUnitDashboards)
            && let Some((_, Some(unit))) = user.employee
        {
            subtree = crate::organisation::tree::subtree(db, unit).await?;
        }
        Ok(Self {
            user_id: user.id,
            roles: user.roles,
            employee_id: user.employee.map(|e| e.0),
            subtree,
        })
    }

    pub fn can(&self, permission: Permission) -> bool {
        policy::can(&self.roles, permission)
    }

    /// Whether the viewer sees the private columns of `e` (NIP in full, birth date, contact).
    pub fn sees_full(&self, e: &employees::Model) -> bool {
        let in_subtree = e.unit_id.is_some_and(|u| self.subtree.contains(&u));
        policy::can_view_full_employee(&self.roles, self.employee_id == Some(e.id), in_subtree)
    }
}

impl FromRequest for Viewer {
    type Error = AppError;
    type Future = AuthFuture<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        match verified_claims(req) {
            Err(e) => Box::pin(std::future::ready(Err(e))),
            Ok((state, claims)) => {
                let req = req.clone();
                Box::pin(async move {
                    let user = load_user(req, state.clone(), claims, false).await?;
                    Viewer::of(&state.db, user).await
                })
            }
        }
    }
}

/// A [`Viewer`] who holds `P`: 401 without a valid token, 403 without the permission (decided
/// on the token's roles before the body is read, confirmed by the roles in the database).
pub struct ViewerWith<P>(pub Viewer, pub PhantomData<P>);

impl<P: RequiredPermission + 'static> FromRequest for ViewerWith<P> {
    type Error = AppError;
    type Future = AuthFuture<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let (state, claims) = match verified_claims(req) {
            Ok(v) => v,
            Err(e) => return Box::pin(std::future::ready(Err(e))),
        };
        if !policy::can(&claims.roles, P::PERMISSION) {
            return Box::pin(std::future::ready(Err(AppError::Forbidden)));
        }
        let req = req.clone();
        Box::pin(async move {
            let user = load_user(req, state.clone(), claims, false).await?;
            user.require(P::PERMISSION)?;
            let viewer = Viewer::of(&state.db, user).await?;
            Ok(ViewerWith(viewer, PhantomData))
        })
    }
}
