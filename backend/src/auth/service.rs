//! Login, refresh-token rotation, logout and password change.

use chrono::{DateTime, Duration, SubsecRound, Utc};
use kinerja_api::Pesan;
use kinerja_api::auth::{ChangePasswordRequest, CurrentUser, LoginRequest, TokenResponse};
use kinerja_api::validation::password_differs_from_username;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use super::{password, tokens};
use crate::audit::service::{self as audit, AuditEntry};
use crate::entities::{login_attempts, refresh_tokens, users};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::state::AppState;
use crate::users::service::{self as user_service, Principal};

/// Tokens for a session: the response body and the refresh token (for the cookie).
pub struct IssuedTokens {
    pub response: TokenResponse,
    pub refresh_token: String,
    pub refresh_expires_at: DateTime<Utc>,
}

/// The form of a username used for lookups and throttling: no spaces, lower case.
pub fn login_key(username: &str) -> String {
    username
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Checks the credentials and opens a session.
///
/// # Errors
/// `TooManyRequests` while throttled, `InvalidCredentials` for a wrong username or password
/// (the same for both), `Unauthorized` for a deactivated account.
pub async fn login(
    state: &AppState,
    req: LoginRequest,
    meta: &RequestMeta,
) -> AppResult<IssuedTokens> {
    let key = login_key(&req.username);
    check_throttle(state, &key, meta.ip.as_deref()).await?;

    let user = users::Entity::find()
        .filter(users::Column::Username.eq(key.clone()))
        .one(&state.db)
        .await?;
    let valid =
        password::verify(req.password, user.as_ref().map(|u| u.password_hash.clone())).await?;

    let txn = state.db.begin().await?;
    record_attempt(&txn, &key, meta, valid).await?;
    let Some(user) = user.filter(|_| valid) else {
        audit::record(
            &txn,
            AuditEntry::new("auth.login_failed", "user").after(json!({"username": key})),
            meta,
        )
        .await?;
        txn.commit().await?;
        return Err(AppError::InvalidCredentials);
    };
    if !user.active {
        txn.commit().await?;
        return Err(AppError::Unauthorized(Pesan::AkunTidakAktifHubungiAdmin));
    }
    let now = Utc::now();
    let mut active: users::ActiveModel = user.clone().into();
    active.last_login_at = Set(Some(now));
    active.update(&txn).await?;
    let (refresh_token, refresh_expires_at) =
        store_refresh_token(state, &txn, user.id, Uuid::now_v7()).await?;
    audit::record(
        &txn,
        AuditEntry::new("auth.login_succeeded", "user")
            .actor(user.id)
            .entity(user.id)
            .after(json!({"username": user.username})),
        meta,
    )
    .await?;
    txn.commit().await?;
    issue(state, user.id, refresh_token, refresh_expires_at).await
}

/// Rotates a refresh token. Presenting a token that was already rotated means it leaked:
/// the whole family is revoked.
///
/// # Errors
/// `Unauthorized` for an unknown, expired, revoked or reused token, or an inactive account.
pub async fn refresh(state: &AppState, token: &str, meta: &RequestMeta) -> AppResult<IssuedTokens> {
    let invalid = AppError::Unauthorized(Pesan::SesiTidakValid);
    let Some(row) = find_refresh_token(state, token).await? else {
        return Err(invalid);
    };
    let now = Utc::now();
    let txn = state.db.begin().await?;
    if row.revoked_at.is_some() {
        revoke_family_for_reuse(&txn, &row, meta).await?;
        txn.commit().await?;
        return Err(invalid);
    }
    if row.expires_at <= now {
        return Err(invalid);
    }
    let user = users::Entity::find_by_id(row.user_id).one(&txn).await?;
    let Some(user) = user.filter(|u| u.active) else {
        return Err(invalid);
    };
    let new_id = Uuid::now_v7();
    // Conditional update: of two concurrent refreshes with the same token only one wins; the
    // other is treated as reuse.
    let rotated = refresh_tokens::Entity::update_many()
        .col_expr(refresh_tokens::Column::RevokedAt, Expr::value(now))
        .col_expr(refresh_tokens::Column::ReplacedBy, Expr::value(new_id))
        .filter(refresh_tokens::Column::Id.eq(row.id))
        .filter(refresh_tokens::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    if rotated.rows_affected == 0 {
        revoke_family_for_reuse(&txn, &row, meta).await?;
        txn.commit().await?;
        return Err(invalid);
    }
    let (refresh_token, expires_at) =
        store_refresh_token_with_id(state, &txn, user.id, row.family_id, new_id).await?;
    txn.commit().await?;
    issue(state, user.id, refresh_token, expires_at).await
}

/// Ends the session that `token` belongs to (its whole family). Unknown tokens are ignored so
/// that logout always succeeds.
///
/// # Errors
/// Only on a database failure.
pub async fn logout(state: &AppState, token: Option<&str>, meta: &RequestMeta) -> AppResult<()> {
    let Some(token) = token else { return Ok(()) };
    let Some(row) = find_refresh_token(state, token).await? else {
        return Ok(());
    };
    let txn = state.db.begin().await?;
    revoke_family(&txn, row.family_id).await?;
    audit::record(
        &txn,
        AuditEntry::new("auth.logout", "user")
            .actor(row.user_id)
            .entity(row.user_id),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Changes the password, ends every other session and opens a new one.
///
/// # Errors
/// `Validation` when the current password is wrong or the new one breaks the policy.
pub async fn change_password(
    state: &AppState,
    user_id: Uuid,
    req: ChangePasswordRequest,
    meta: &RequestMeta,
) -> AppResult<IssuedTokens> {
    let user = users::Entity::find_by_id(user_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound("Pengguna"))?;
    if password_differs_from_username(&req.new_password, &user.username).is_err() {
        return Err(AppError::field("new_password", Pesan::SandiSamaDenganNama));
    }
    if req.new_password == req.current_password {
        return Err(AppError::field(
            "new_password",
            Pesan::SandiBaruSamaDenganLama,
        ));
    }
    if !password::verify(req.current_password, Some(user.password_hash.clone())).await? {
        return Err(AppError::field(
            "current_password",
            Pesan::SandiSaatIniSalah,
        ));
    }
    let hash = password::hash(req.new_password).await?;
    // Microseconds, as the databases store them (PostgreSQL would round nanoseconds, possibly
    // past a token issued right after): tokens are compared with their `iat_us`.
    let now = Utc::now().trunc_subsecs(6);
    let txn = state.db.begin().await?;
    let mut active: users::ActiveModel = user.into();
    active.password_hash = Set(hash);
    active.password_changed_at = Set(now);
    active.harus_ganti_password = Set(false);
    active.updated_at = Set(now);
    active.update(&txn).await?;
    refresh_tokens::Entity::update_many()
        .col_expr(refresh_tokens::Column::RevokedAt, Expr::value(now))
        .filter(refresh_tokens::Column::UserId.eq(user_id))
        .filter(refresh_tokens::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    let (refresh_token, expires_at) =
        store_refresh_token(state, &txn, user_id, Uuid::now_v7()).await?;
    audit::record(
        &txn,
        AuditEntry::new("auth.password_changed", "user")
            .actor(user_id)
            .entity(user_id),
        meta,
    )
    .await?;
    txn.commit().await?;
    issue(state, user_id, refresh_token, expires_at).await
}

/// The signed-in user's profile with roles and permissions.
///
/// # Errors
/// `NotFound` if the account vanished.
pub async fn current_user(state: &AppState, user_id: Uuid) -> AppResult<CurrentUser> {
    let account = user_service::principal(&state.db, user_id)
        .await?
        .ok_or(AppError::NotFound("Pengguna"))?;
    profile(state, account).await
}

/// The profile of an account already read: one more query, for whether they rate anyone.
///
/// # Errors
/// On a database failure.
pub async fn profile(state: &AppState, account: Principal) -> AppResult<CurrentUser> {
    let employee = account.employee.map(|e| e.0);
    let rates = match employee {
        Some(id) => {
            let db = crate::bacaan::Bacaan::ambil(state).await?;
            crate::employees::superiors::rates_anyone(&db, id, crate::clock::today()).await?
        }
        None => false,
    };
    Ok(user_service::to_current_user(
        account.user,
        account.roles,
        (employee, rates),
    ))
}

async fn issue(
    state: &AppState,
    user_id: Uuid,
    refresh_token: String,
    refresh_expires_at: DateTime<Utc>,
) -> AppResult<IssuedTokens> {
    let user = current_user(state, user_id).await?;
    let access_token = state.jwt.issue(user.id, &user.roles)?;
    Ok(IssuedTokens {
        response: TokenResponse {
            access_token,
            token_type: "Bearer".to_owned(),
            expires_in: state.jwt.access_ttl_secs,
            refresh_token: None,
            user,
        },
        refresh_token,
        refresh_expires_at,
    })
}

async fn check_throttle(state: &AppState, key: &str, ip: Option<&str>) -> AppResult<()> {
    let s = &state.settings;
    let now = Utc::now();
    let window_start = now - Duration::seconds(s.login_window_secs);
    let last_success = login_attempts::Entity::find()
        .filter(login_attempts::Column::Username.eq(key))
        .filter(login_attempts::Column::Succeeded.eq(true))
        .filter(login_attempts::Column::CreatedAt.gt(window_start))
        .order_by_desc(login_attempts::Column::CreatedAt)
        .one(&state.db)
        .await?;
    // A successful login clears the user's failures; an IP's failures only age out.
    let user_since = last_success.map_or(window_start, |a| a.created_at.max(window_start));
    let user_failures =
        failures_since(state, login_attempts::Column::Username, key, user_since).await?;
    let mut retry_at = None;
    if user_failures.len() as u64 >= s.login_max_failures_per_user {
        retry_at = user_failures.first().copied();
    }
    if let Some(ip) = ip {
        let ip_failures =
            failures_since(state, login_attempts::Column::Ip, ip, window_start).await?;
        if ip_failures.len() as u64 >= s.login_max_failures_per_ip {
            retry_at = retry_at.max(ip_failures.first().copied());
        }
    }
    match retry_at {
        None => Ok(()),
        Some(oldest) => {
            let wait = (oldest + Duration::seconds(s.login_window_secs) - now)
                .num_seconds()
                .max(1);
            Err(AppError::TooManyRequests {
                retry_after_secs: wait.unsigned_abs(),
                message: None,
            })
        }
    }
}

/// Times of failed attempts since `since`, oldest first.
async fn failures_since(
    state: &AppState,
    column: login_attempts::Column,
    value: &str,
    since: DateTime<Utc>,
) -> AppResult<Vec<DateTime<Utc>>> {
    Ok(login_attempts::Entity::find()
        .filter(column.eq(value))
        .filter(login_attempts::Column::Succeeded.eq(false))
        .filter(login_attempts::Column::CreatedAt.gt(since))
        .order_by_asc(login_attempts::Column::CreatedAt)
        .all(&state.db)
        .await?
        .into_iter()
        .map(|a| a.created_at)
        .collect())
}

async fn record_attempt(
    txn: &DatabaseTransaction,
    key: &str,
    meta: &RequestMeta,
    succeeded: bool,
) -> AppResult<()> {
    login_attempts::ActiveModel {
        id: Set(Uuid::now_v7()),
        username: Set(key.chars().take(64).collect()),
        ip: Set(meta.ip.clone()),
        succeeded: Set(succeeded),
        created_at: Set(Utc::now()),
    }
    .insert(txn)
    .await?;
    Ok(())
}

async fn find_refresh_token(
    state: &AppState,
    token: &str,
) -> AppResult<Option<refresh_tokens::Model>> {
    Ok(refresh_tokens::Entity::find()
        .filter(refresh_tokens::Column::TokenHash.eq(tokens::sha256_hex(token.as_bytes())))
        .one(&state.db)
        .await?)
}

async fn store_refresh_token(
    state: &AppState,
    txn: &DatabaseTransaction,
    user_id: Uuid,
    family_id: Uuid,
) -> AppResult<(String, DateTime<Utc>)> {
    store_refresh_token_with_id(state, txn, user_id, family_id, Uuid::now_v7()).await
}

async fn store_refresh_token_with_id(
    state: &AppState,
    txn: &DatabaseTransaction,
    user_id: Uuid,
    family_id: Uuid,
    id: Uuid,
) -> AppResult<(String, DateTime<Utc>)> {
    let token = tokens::random_token();
    let now = Utc::now();
    let expires_at = now + Duration::seconds(state.settings.refresh_token_ttl_secs);
    refresh_tokens::ActiveModel {
        id: Set(id),
        user_id: Set(user_id),
        family_id: Set(family_id),
        token_hash: Set(tokens::sha256_hex(token.as_bytes())),
        created_at: Set(now),
        expires_at: Set(expires_at),
        revoked_at: Set(None),
        replaced_by: Set(None),
    }
    .insert(txn)
    .await?;
    Ok((token, expires_at))
}

async fn revoke_family(txn: &DatabaseTransaction, family_id: Uuid) -> AppResult<()> {
    refresh_tokens::Entity::update_many()
        .col_expr(refresh_tokens::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(refresh_tokens::Column::FamilyId.eq(family_id))
        .filter(refresh_tokens::Column::RevokedAt.is_null())
        .exec(txn)
        .await?;
    Ok(())
}

async fn revoke_family_for_reuse(
    txn: &DatabaseTransaction,
    row: &refresh_tokens::Model,
    meta: &RequestMeta,
) -> AppResult<()> {
    tracing::warn!(user_id = %row.user_id, family_id = %row.family_id, "refresh token reuse detected; revoking the session family");
    revoke_family(txn, row.family_id).await?;
    audit::record(
        txn,
        AuditEntry::new("auth.refresh_token_reused", "user")
            .entity(row.user_id)
            .after(json!({"family_id": row.family_id})),
        meta,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::login_key;

    #[test]
    fn login_key_ignores_spaces_and_case() {
        assert_eq!(login_key(" 19900101 201503 1 001 "), "199001012015031001");
        assert_eq!(login_key("Admin.BKPSDM"), "admin.bkpsdm");
    }
}
