//! Access tokens: HS256 JWTs with `sub`, `roles`, `exp`, `iat`, `jti`.

use chrono::Utc;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use kinerja_api::Pesan;
use kinerja_api::auth::Role;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::{AppError, AppResult};

const ISSUER: &str = "kinerja";
/// Tokens of API clients carry their own issuer, so neither kind of token is accepted in
/// place of the other.
const CLIENT_ISSUER: &str = "kinerja/client";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claims {
    pub sub: Uuid,
    pub roles: Vec<Role>,
    pub exp: i64,
    pub iat: i64,
    pub jti: Uuid,
    pub iss: String,
    /// Issue time in microseconds: `iat` has whole seconds, too coarse to tell a token issued
    /// just before a password change from one issued just after it. Absent in tokens issued
    /// before this claim existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iat_us: Option<i64>,
}

impl Claims {
    /// Whether the token was issued after `changed_at` (the last password change). A token
    /// without `iat_us` counts as issued at the start of its `iat` second, so one from the
    /// same second as the change is refused.
    pub fn issued_after(&self, changed_at: chrono::DateTime<Utc>) -> bool {
        let issued = self
            .iat_us
            .unwrap_or_else(|| self.iat.saturating_mul(1_000_000));
        issued > changed_at.timestamp_micros()
    }
}

/// Claims of an API client's token (OAuth2 client credentials).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientClaims {
    /// The client id.
    pub sub: Uuid,
    /// Space-separated scopes.
    pub scope: String,
    pub exp: i64,
    pub iat: i64,
    pub jti: Uuid,
    pub iss: String,
}

pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    client_validation: Validation,
    pub access_ttl_secs: i64,
}

impl JwtKeys {
    pub fn new(secret: &[u8], access_ttl_secs: i64) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        // Only HS256 is accepted: a token claiming `alg: none` or RS256 is refused outright.
        validation.algorithms = vec![Algorithm::HS256];
        validation.leeway = 0;
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "iat", "sub", "iss"]);
        let mut client_validation = validation.clone();
        client_validation.set_issuer(&[CLIENT_ISSUER]);
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            client_validation,
            access_ttl_secs,
        }
    }

    /// Issues an API client's access token.
    ///
    /// # Errors
    /// Only if encoding fails, which would be a bug.
    pub fn issue_client(&self, client_id: Uuid, scope: &str, ttl_secs: i64) -> AppResult<String> {
        let now = Utc::now().timestamp();
        let claims = ClientClaims {
            sub: client_id,
            scope: scope.to_owned(),
            iat: now,
            exp: now + ttl_secs,
            jti: Uuid::now_v7(),
            iss: CLIENT_ISSUER.to_owned(),
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| AppError::Unexpected(anyhow::Error::new(e).context("Failed to sign JWT")))
    }

    /// Verifies an API client's token.
    ///
    /// # Errors
    /// `Unauthorized` for any invalid or expired token, and for a user's token.
    pub fn verify_client(&self, token: &str) -> AppResult<ClientClaims> {
        decode::<ClientClaims>(token, &self.decoding, &self.client_validation)
            .map(|data| data.claims)
            .map_err(|e| match e.kind() {
                jsonwebtoken::errors::ErrorKind::ExpiredSignature => {
                    AppError::Unauthorized(Pesan::TokenKlienKedaluwarsa)
                }
                _ => AppError::Unauthorized(Pesan::TokenKlienTidakValid),
            })
    }

    /// Issues an access token for a user.
    ///
    /// # Errors
    /// Only if encoding fails, which would be a bug.
    pub fn issue(&self, user_id: Uuid, roles: &[Role]) -> AppResult<String> {
        let now = Utc::now();
        let claims = Claims {
            sub: user_id,
            roles: roles.to_vec(),
            iat: now.timestamp(),
            exp: now.timestamp() + self.access_ttl_secs,
            jti: Uuid::now_v7(),
            iss: ISSUER.to_owned(),
            iat_us: Some(now.timestamp_micros()),
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| AppError::Unexpected(anyhow::Error::new(e).context("Failed to sign JWT")))
    }

    /// Verifies signature, algorithm, issuer and expiry.
    ///
    /// # Errors
    /// `Unauthorized` for any invalid or expired token.
    pub fn verify(&self, token: &str) -> AppResult<Claims> {
        decode::<Claims>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
            .map_err(|e| match e.kind() {
                jsonwebtoken::errors::ErrorKind::ExpiredSignature => {
                    AppError::Unauthorized(Pesan::SesiBerakhir)
                }
                _ => AppError::Unauthorized(Pesan::TokenTidakValid),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issued_tokens_verify_and_carry_roles() {
        let keys = JwtKeys::new(b"0123456789abcdef0123456789abcdef", 60);
        let id = Uuid::now_v7();
        let token = keys.issue(id, &[Role::Admin]).unwrap();
        let claims = keys.verify(&token).unwrap();
        assert_eq!(claims.sub, id);
        assert_eq!(claims.roles, vec![Role::Admin]);
        assert_eq!(claims.exp - claims.iat, 60);
    }

    #[test]
    fn a_password_change_ends_tokens_of_the_same_second() {
        let keys = JwtKeys::new(b"0123456789abcdef0123456789abcdef", 60);
        let before = keys
            .verify(&keys.issue(Uuid::now_v7(), &[]).unwrap())
            .unwrap();
        let changed = Utc::now();
        let after = keys
            .verify(&keys.issue(Uuid::now_v7(), &[]).unwrap())
            .unwrap();
        assert!(!before.issued_after(changed));
        assert!(after.issued_after(changed));
        let legacy = Claims {
            iat_us: None,
            iat: changed.timestamp(),
            ..after
        };
        assert!(!legacy.issued_after(changed));
    }

    #[test]
    fn user_and_client_tokens_are_not_interchangeable() {
        let keys = JwtKeys::new(b"0123456789abcdef0123456789abcdef", 60);
        let client = keys
            .issue_client(Uuid::now_v7(), "realisasi:write", 60)
            .unwrap();
        assert!(keys.verify(&client).is_err());
        assert_eq!(
            keys.verify_client(&client).unwrap().scope,
            "realisasi:write"
        );
        let user = keys.issue(Uuid::now_v7(), &[Role::Admin]).unwrap();
        assert!(keys.verify_client(&user).is_err());
    }

    #[test]
    fn a_token_signed_with_another_key_is_rejected() {
        let ours = JwtKeys::new(b"0123456789abcdef0123456789abcdef", 60);
        let theirs = JwtKeys::new(b"ffffffffffffffffffffffffffffffff", 60);
        let token = theirs.issue(Uuid::now_v7(), &[Role::Superadmin]).unwrap();
        assert!(ours.verify(&token).is_err());
    }
}
