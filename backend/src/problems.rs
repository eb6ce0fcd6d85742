//! Problem responses shared by many operations, listed by type in `#[utoipa::path]`: the
//! OpenAPI side of [`crate::error::AppError`].

use kinerja_api::ErrorBody;
use utoipa::IntoResponses;

/// Not signed in, or the access token is invalid or expired
#[derive(IntoResponses)]
#[response(status = 401, content_type = "application/problem+json")]
pub struct Unauthorized(pub ErrorBody);

/// Signed in without the permission this needs, or (code `password_change_required`) the
/// account still holds a one-time password and must change it first
#[derive(IntoResponses)]
#[response(status = 403, content_type = "application/problem+json")]
pub struct Forbidden(pub ErrorBody);

/// No such resource
#[derive(IntoResponses)]
#[response(status = 404, content_type = "application/problem+json")]
pub struct NotFound(pub ErrorBody);

/// Invalid input; `errors` names each field
#[derive(IntoResponses)]
#[response(status = 422, content_type = "application/problem+json")]
pub struct Invalid(pub ErrorBody);

/// Malformed request: the body is not valid JSON, or a path parameter is malformed
#[derive(IntoResponses)]
#[response(status = 400, content_type = "application/problem+json")]
pub struct BadRequest(pub ErrorBody);

/// What can go wrong with a JSON request body, whatever the operation.
#[derive(IntoResponses)]
pub enum JsonBodyProblems {
    /// Malformed request: the body is not valid JSON, or a path parameter is malformed
    #[response(status = 400, content_type = "application/problem+json")]
    Malformed(ErrorBody),
    /// The body is larger than `KINERJA_MAX_BODY_BYTES`
    #[response(status = 413, content_type = "application/problem+json")]
    TooLarge(ErrorBody),
    /// The body is not `application/json`
    #[response(status = 415, content_type = "application/problem+json")]
    NotJson(ErrorBody),
    /// Invalid input; `errors` names each field
    #[response(status = 422, content_type = "application/problem+json")]
    Invalid(ErrorBody),
}
