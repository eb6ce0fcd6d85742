//! `ApiClientAuth`: taking one as a handler argument is how a route requires an API client's
//! token. The token must be valid and the client still enabled: disabling a client takes
//! effect at once, not when its token expires.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::web::Data;
use actix_web::{FromRequest, HttpRequest};
use kinerja_api::Pesan;
use kinerja_api::integrations::Scope;
use sea_orm::EntityTrait;
use uuid::Uuid;

use crate::entities::api_clients;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

#[derive(Debug, Clone)]
pub struct ApiClientAuth {
    pub id: Uuid,
    pub nama: String,
    pub unit_id: Uuid,
    /// The token's scopes that the client still holds.
    pub scopes: Vec<Scope>,
}

impl ApiClientAuth {
    /// # Errors
    /// `Forbidden` when the token does not carry `scope`.
    pub fn require(&self, scope: Scope) -> AppResult<()> {
        if self.scopes.contains(&scope) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }
}

fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

impl FromRequest for ApiClientAuth {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = AppResult<Self>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let checked = (|| {
            let state = req
                .app_data::<Data<AppState>>()
                .cloned()
                .ok_or_else(|| AppError::Unexpected(anyhow::anyhow!("AppState missing")))?;
            let token = bearer(req).ok_or(AppError::Unauthorized(Pesan::TokenKlienDiperlukan))?;
            let claims = state.jwt.verify_client(&token)?;
            Ok::<_, AppError>((state, claims))
        })();
        // Signature and expiry are checked synchronously so that a 401 wins over body validation.
        let (state, claims) = match checked {
            Ok(v) => v,
            Err(e) => return Box::pin(std::future::ready(Err(e))),
        };
        Box::pin(async move {
            let client = api_clients::Entity::find_by_id(claims.sub)
                .one(&state.db)
                .await?
                .filter(|c| c.aktif)
                .ok_or(AppError::Unauthorized(Pesan::KlienTidakAktif))?;
            let held = super::clients::scopes_of(&client);
            let scopes = claims
                .scope
                .split_whitespace()
                .filter_map(Scope::parse)
                .filter(|s| held.contains(s))
                .collect();
            Ok(ApiClientAuth {
                id: client.id,
                nama: client.nama,
                unit_id: client.unit_id,
                scopes,
            })
        })
    }
}
