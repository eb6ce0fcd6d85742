//! Argon2id password hashing, always off the async executor.

use std::sync::OnceLock;

use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::error::{AppError, AppResult};
use crate::telemetry::spawn_blocking_with_tracing;

/// OWASP's recommended Argon2id parameters (19 MiB, 2 iterations, 1 lane).
fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn hash_blocking(password: &str) -> AppResult<String> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::Unexpected(anyhow::anyhow!("Failed to hash password: {e}")))
}

/// Hashes a password into a PHC string.
///
/// # Errors
/// Only on an internal hashing failure.
pub async fn hash(password: String) -> AppResult<String> {
    spawn_blocking_with_tracing(move || hash_blocking(&password)).await?
}

/// Verifies a password against a stored PHC hash. With `None` (unknown user) a dummy hash is
/// checked so that the answer takes as long as for a real user.
///
/// # Errors
/// Only on an internal failure; a wrong password is `Ok(false)`.
pub async fn verify(password: String, stored: Option<String>) -> AppResult<bool> {
    spawn_blocking_with_tracing(move || {
        let known = stored.is_some();
        let phc = match stored {
            Some(s) => s,
            None => dummy_hash()?.to_owned(),
        };
        let parsed = PasswordHash::new(&phc).map_err(|e| {
            AppError::Unexpected(anyhow::anyhow!("Stored password hash is invalid: {e}"))
        })?;
        let ok = hasher()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(known && ok)
    })
    .await?
}

fn dummy_hash() -> AppResult<&'static str> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    if let Some(h) = DUMMY.get() {
        return Ok(h);
    }
    let h = hash_blocking("kinerja-dummy-password-for-timing")?;
    Ok(DUMMY.get_or_init(|| h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_only_the_right_password() {
        let h = hash("benar-sekali-123".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(
            verify("benar-sekali-123".into(), Some(h.clone()))
                .await
                .unwrap()
        );
        assert!(!verify("salah-sekali-123".into(), Some(h)).await.unwrap());
        assert!(!verify("apa saja".into(), None).await.unwrap());
    }
}
