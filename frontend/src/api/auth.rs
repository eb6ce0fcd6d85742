//! `/api/v1/auth`: sign in and out, the signed-in user, password change.

use kinerja_api::auth::{ChangePasswordRequest, CurrentUser, LoginRequest, TokenResponse};

use super::client::{self, ApiError, Call};

/// Signs in; the refresh token arrives as an HttpOnly cookie.
///
/// # Errors
/// `invalid_credentials` (401), `too_many_requests` (429, with `retry_after`),
/// `validation_failed` (422), or a network/decoding failure.
pub async fn login(request: &LoginRequest) -> Result<TokenResponse, ApiError> {
    let tokens: TokenResponse = client::public(Call::post_json("/auth/login", request)?).await?;
    client::accept_tokens(&tokens);
    Ok(tokens)
}

/// Signs out: revokes the session behind the cookie and forgets the access token, even when
/// the server cannot be reached (the cookie then expires on its own).
///
/// # Errors
/// A network failure (the local sign-out has happened anyway).
pub async fn logout() -> Result<(), ApiError> {
    client::set_access_token(None);
    client::public::<()>(Call::post_empty("/auth/logout")).await
}

/// The signed-in user, fresh from the server.
///
/// # Errors
/// `unauthorized` when the session cannot be renewed, or a network/decoding failure.
pub async fn me() -> Result<CurrentUser, ApiError> {
    client::authed(Call::get("/auth/me")).await
}

/// Changes the password; the server signs out other sessions and issues new tokens.
///
/// # Errors
/// `validation_failed` (422) with `errors.current_password` or `errors.new_password`.
pub async fn change_password(request: &ChangePasswordRequest) -> Result<TokenResponse, ApiError> {
    let tokens: TokenResponse =
        client::authed(Call::post_json("/auth/change-password", request)?).await?;
    client::accept_tokens(&tokens);
    Ok(tokens)
}
