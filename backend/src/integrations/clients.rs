//! API clients: registered by the admin for one owning unit and a set of scopes. The secret is
//! shown once; only its SHA-256 is stored (it is 256 random bits, so a slow password hash adds
//! nothing and would slow every token request).

use std::collections::BTreeSet;

use chrono::Utc;
use kinerja_api::Pesan;
use kinerja_api::integrations::{
    ApiClient, ApiClientCreated, CreateApiClient, OAuthTokenResponse, Scope, UpdateApiClient,
};
use sea_orm::{
    ActiveModelTrait, DatabaseConnection, EntityTrait, QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::jwt::JwtKeys;
use crate::auth::tokens::{random_token, sha256_hex};
use crate::entities::{api_clients, units};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;

pub(crate) fn scopes_of(m: &api_clients::Model) -> Vec<Scope> {
    m.scopes
        .split_whitespace()
        .filter_map(Scope::parse)
        .collect()
}

fn dto(m: api_clients::Model, unit_nama: String) -> ApiClient {
    ApiClient {
        scopes: scopes_of(&m),
        id: m.id,
        nama: m.nama,
        unit_id: m.unit_id,
        unit_nama,
        aktif: m.aktif,
        secret_prefix: m.secret_prefix,
        last_used_at: m.last_used_at,
        created_at: m.created_at,
    }
}

async fn unit_name(db: &impl sea_orm::ConnectionTrait, id: Uuid) -> AppResult<Option<String>> {
    Ok(units::Entity::find_by_id(id).one(db).await?.map(|u| u.nama))
}

/// # Errors
/// `Validation` for an unknown unit.
pub async fn create(
    db: &DatabaseConnection,
    actor: Uuid,
    req: CreateApiClient,
    meta: &RequestMeta,
) -> AppResult<ApiClientCreated> {
    let txn = db.begin().await?;
    let unit = unit_name(&txn, req.unit_id)
        .await?
        .ok_or_else(|| AppError::field("unit_id", Pesan::UnitTidakDitemukan))?;
    let scopes: BTreeSet<Scope> = req.scopes.into_iter().collect();
    let scope_text = scopes
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let secret = random_token();
    let m = api_clients::ActiveModel {
        id: Set(Uuid::now_v7()),
        nama: Set(req.nama.trim().to_owned()),
        unit_id: Set(req.unit_id),
        scopes: Set(scope_text.clone()),
        secret_hash: Set(sha256_hex(secret.as_bytes())),
        secret_prefix: Set(secret[..8].to_owned()),
        aktif: Set(true),
        created_by: Set(actor),
        created_at: Set(Utc::now()),
        last_used_at: Set(None),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        AuditEntry::new("api_client.created", "api_client")
            .actor(actor)
            .entity(m.id)
            .after(json!({"nama": m.nama, "unit_id": m.unit_id, "scopes": scope_text})),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(ApiClientCreated {
        client: dto(m, unit),
        client_secret: secret,
    })
}

/// Every client, newest first.
///
/// # Errors
/// On a database failure.
pub async fn list(db: &DatabaseConnection) -> AppResult<Vec<ApiClient>> {
    let clients = api_clients::Entity::find()
        .order_by_desc(api_clients::Column::CreatedAt)
        .all(db)
        .await?;
    // The names of the clients' units only, not every unit.
    let names =
        crate::organisation::tree::unit_names(db, clients.iter().map(|m| m.unit_id)).await?;
    Ok(clients
        .into_iter()
        .map(|m| {
            let unit = names.get(&m.unit_id).cloned().unwrap_or_default();
            dto(m, unit)
        })
        .collect())
}

/// Enables or disables a client; a disabled client's tokens stop working at once.
///
/// # Errors
/// `NotFound` for an unknown client.
pub async fn update(
    db: &DatabaseConnection,
    actor: Uuid,
    id: Uuid,
    req: UpdateApiClient,
    meta: &RequestMeta,
) -> AppResult<ApiClient> {
    let txn = db.begin().await?;
    let m = api_clients::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("Klien API"))?;
    let before = m.aktif;
    let mut active: api_clients::ActiveModel = m.into();
    active.aktif = Set(req.aktif);
    let m = active.update(&txn).await?;
    audit::record(
        &txn,
        AuditEntry::new(
            if req.aktif {
                "api_client.enabled"
            } else {
                "api_client.disabled"
            },
            "api_client",
        )
        .actor(actor)
        .entity(id)
        .before(json!({"aktif": before}))
        .after(json!({"aktif": req.aktif})),
        meta,
    )
    .await?;
    let unit = unit_name(&txn, m.unit_id).await?.unwrap_or_default();
    txn.commit().await?;
    Ok(dto(m, unit))
}

/// Compares two equal-length strings without an early exit.
fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

const INVALID_CLIENT: AppError = AppError::OAuth {
    error: "invalid_client",
    description: "Klien tidak dikenal, rahasia salah, atau klien dinonaktifkan.",
};

/// The OAuth2 client-credentials grant: checks the client and its secret and issues a token
/// with the requested scopes (all granted scopes when none are asked for).
///
/// # Errors
/// `OAuth` errors in the RFC 6749 vocabulary.
pub async fn issue_token(
    db: &DatabaseConnection,
    jwt: &JwtKeys,
    ttl_secs: i64,
    client_id: &str,
    secret: &str,
    requested: Option<&str>,
) -> AppResult<OAuthTokenResponse> {
    let id = Uuid::parse_str(client_id).map_err(|_| INVALID_CLIENT)?;
    let m = api_clients::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(INVALID_CLIENT)?;
    if !m.aktif || !constant_time_eq(&m.secret_hash, &sha256_hex(secret.as_bytes())) {
        return Err(INVALID_CLIENT);
    }
    let granted = scopes_of(&m);
    let scopes: Vec<Scope> = match requested.map(str::trim).filter(|s| !s.is_empty()) {
        None => granted,
        Some(text) => {
            let mut asked = Vec::new();
            for word in text.split_whitespace() {
                match Scope::parse(word) {
                    Some(s) if granted.contains(&s) => asked.push(s),
                    _ => {
                        return Err(AppError::OAuth {
                            error: "invalid_scope",
                            description: "Cakupan (scope) yang diminta tidak diberikan kepada klien ini.",
                        });
                    }
                }
            }
            asked.sort();
            asked.dedup();
            asked
        }
    };
    let scope = scopes
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let token = jwt.issue_client(m.id, &scope, ttl_secs)?;
    let mut active: api_clients::ActiveModel = m.into();
    active.last_used_at = Set(Some(Utc::now()));
    active.update(db).await?;
    Ok(OAuthTokenResponse {
        access_token: token,
        token_type: "Bearer".to_owned(),
        expires_in: ttl_secs,
        scope,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_time_comparison() {
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "ab"));
    }
}
