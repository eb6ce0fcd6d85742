//! RFC 9457 problem details, the body of every error response.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::pesan::Message;

/// Machine-readable error code; clients branch on this, never on `title` or `detail`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// One or more fields failed validation; see `errors`.
    ValidationFailed,
    /// The body is not well-formed JSON.
    MalformedJson,
    /// The request is malformed in another way (query string, path parameter, headers).
    BadRequest,
    /// The body is not `application/json`.
    UnsupportedMediaType,
    /// The body exceeds the configured limit.
    PayloadTooLarge,
    /// No valid credentials were presented.
    Unauthorized,
    /// Username or password is wrong (the same answer for an unknown user).
    InvalidCredentials,
    /// The authenticated user may not do this.
    Forbidden,
    /// The account holds a one-time password: only `GET /auth/me`, `POST /auth/change-password`,
    /// refresh and logout are answered until the holder chooses a password.
    PasswordChangeRequired,
    /// The resource does not exist (or is not visible to the caller).
    NotFound,
    /// The path exists but not for this HTTP method.
    MethodNotAllowed,
    /// The request conflicts with the current state (duplicate, stale version).
    Conflict,
    /// Too many attempts; retry after the `Retry-After` header.
    TooManyRequests,
    /// The request took longer than the server allows.
    RequestTimeout,
    /// A dependency (the database) is unavailable.
    ServiceUnavailable,
    /// An unexpected server fault; details are only in the server log.
    Internal,
}

impl ErrorCode {
    /// The snake_case name used on the wire and in the problem `type` URI.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ValidationFailed => "validation_failed",
            Self::MalformedJson => "malformed_json",
            Self::BadRequest => "bad_request",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::PayloadTooLarge => "payload_too_large",
            Self::Unauthorized => "unauthorized",
            Self::InvalidCredentials => "invalid_credentials",
            Self::Forbidden => "forbidden",
            Self::PasswordChangeRequired => "password_change_required",
            Self::NotFound => "not_found",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::Conflict => "conflict",
            Self::TooManyRequests => "too_many_requests",
            Self::RequestTimeout => "request_timeout",
            Self::ServiceUnavailable => "service_unavailable",
            Self::Internal => "internal",
        }
    }
}

/// Problem details (RFC 9457), served as `application/problem+json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "type": "urn:kinerja:problem:validation_failed",
    "title": "Data tidak valid",
    "status": 422,
    "detail": "Periksa kembali isian yang ditandai.",
    "code": "validation_failed",
    "message": {"code": "periksa_isian"},
    "errors": {"jenis_kelamin": ["Nilai 'x' tidak dikenal; pilihan: l atau p."]},
    "messages": {"jenis_kelamin": [
        {"code": "nilai_tidak_dikenal", "params": {"nilai": "x", "pilihan": "l|p"}}
    ]}
})))]
pub struct ErrorBody {
    /// URI identifying the problem type: `urn:kinerja:problem:<code>`.
    #[serde(rename = "type")]
    pub type_uri: String,
    /// Short human-readable summary (Bahasa Indonesia).
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// Explanation specific to this occurrence (Bahasa Indonesia).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Machine-readable code.
    pub code: ErrorCode,
    /// Per-field messages for `validation_failed`: field path → messages (Bahasa Indonesia).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<BTreeMap<String, Vec<String>>>,
    /// `detail` as a catalogue code with parameters, for clients that show it in another
    /// language; absent while a message has no code yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Message>,
    /// `errors` as catalogue codes: `messages[field][i]` is `errors[field][i]`. A field is
    /// listed only when every one of its messages has a code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub messages: Option<BTreeMap<String, Vec<Message>>>,
}

impl ErrorBody {
    /// Messages for one field, empty when the field has none.
    pub fn field_errors(&self, field: &str) -> &[String] {
        self.errors
            .as_ref()
            .and_then(|e| e.get(field))
            .map_or(&[], Vec::as_slice)
    }

    /// Every (Indonesian text, coded message) pair of this body: `detail` and the field
    /// messages that have a code.
    pub fn coded_texts(&self) -> Vec<(&str, &Message)> {
        let mut pairs = Vec::new();
        if let (Some(detail), Some(message)) = (&self.detail, &self.message) {
            pairs.push((detail.as_str(), message));
        }
        if let (Some(errors), Some(messages)) = (&self.errors, &self.messages) {
            for (field, coded) in messages {
                let texts = errors.get(field).map_or(&[][..], Vec::as_slice);
                if texts.len() == coded.len() {
                    pairs.extend(texts.iter().map(String::as_str).zip(coded));
                }
            }
        }
        pairs
    }
}
