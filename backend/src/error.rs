//! The one application error. Handlers and services return [`AppResult`]; status codes and the
//! RFC 9457 body are decided here and nowhere else.
//!
//! Messages shown to users are codes from the catalogue (`kinerja_api::pesan`): the body
//! carries the Indonesian text rendered from the code (`detail`, `errors`) and the code itself
//! (`message`, `messages`), so the SPA can render it in English. Construct errors from codes:
//! `AppError::field("nip", Pesan::NipTerdaftar)`, `AppError::conflict(Pesan::EmailDipakai)`.
//!
//! A new message is a new entry in the catalogue, with variable parts as parameters (dates as
//! ISO strings, which the catalogue writes out per language): `AppError::conflict(Pesan::X { x:
//! x.to_string() })`; several fields at once go in a [`FieldMessages`] map filled with
//! [`push_field`]`(&mut m, f, Pesan::X)`, returned as [`AppError::Invalid`]. A test in
//! `kinerja_api::pesan` fails when an entry lacks a text. The only uncoded text left is a
//! validator rule's own message (see `validation_text`).

use std::collections::BTreeMap;
use std::fmt;

use actix_web::http::{Method, StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use kinerja_api::{ErrorBody, ErrorCode, Message, Pesan};
use sea_orm::{DbErr, SqlErr};

/// Field path → messages, coded where the catalogue has them.
pub type FieldMessages = BTreeMap<String, Vec<Text>>;
pub type AppResult<T> = Result<T, AppError>;

/// A message for a user: a catalogue code, or the plain Indonesian message of a validator rule
/// without one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    Coded(Message),
    Plain(String),
}

impl Text {
    /// The Indonesian text, as API clients read it.
    pub fn indonesian(&self) -> String {
        match self {
            Text::Coded(message) => message.indonesian(),
            Text::Plain(text) => text.clone(),
        }
    }

    pub fn message(&self) -> Option<&Message> {
        match self {
            Text::Coded(message) => Some(message),
            Text::Plain(_) => None,
        }
    }
}

/// Adds one message to a field.
pub fn push_field(errors: &mut FieldMessages, field: impl Into<String>, message: impl Into<Text>) {
    errors.entry(field.into()).or_default().push(message.into());
}

impl From<Pesan> for Text {
    fn from(pesan: Pesan) -> Self {
        Text::Coded(pesan.into())
    }
}

impl From<Message> for Text {
    fn from(message: Message) -> Self {
        Text::Coded(message)
    }
}

#[derive(thiserror::Error)]
pub enum AppError {
    /// 422: fields failed validation.
    #[error("validation failed")]
    Invalid(FieldMessages),
    /// 400: the body is not JSON.
    #[error("malformed JSON: {0}")]
    MalformedJson(String),
    /// 400: another malformed part of the request.
    #[error("bad request: {0:?}")]
    BadRequest(Message),
    /// 415: the body or the uploaded file is of a kind this endpoint does not take; the text
    /// says what it takes.
    #[error("unsupported media type")]
    UnsupportedMediaType(Pesan),
    /// 413: the body is larger than allowed.
    #[error("payload too large")]
    PayloadTooLarge { limit: usize },
    /// 401 with `WWW-Authenticate: Bearer`.
    #[error("unauthorized: {0:?}")]
    Unauthorized(Pesan),
    /// 401: wrong username or password (one answer for both, no user enumeration).
    #[error("invalid credentials")]
    InvalidCredentials,
    /// 403.
    #[error("forbidden")]
    Forbidden,
    /// 403: the account must change its one-time password first.
    #[error("password change required")]
    PasswordChangeRequired,
    /// 404; the text names what was not found, one of `kinerja_api::pesan::BENDA`.
    #[error("{0} not found")]
    NotFound(&'static str),
    /// 405 with `Allow`.
    #[error("method not allowed")]
    MethodNotAllowed(Vec<Method>),
    /// 409; the message is shown to the user.
    #[error("conflict: {0:?}")]
    Conflicting(Message),
    /// 429 with `Retry-After`; `message` says what was limited (failed sign-ins when none).
    #[error("too many requests")]
    TooManyRequests {
        retry_after_secs: u64,
        message: Option<Pesan>,
    },
    /// 503: the handler ran past the request timeout.
    #[error("request timed out")]
    RequestTimeout,
    /// 503: a dependency is down.
    #[error("service unavailable: {0}")]
    ServiceUnavailable(String),
    /// 400 or 401 from the OAuth2 token endpoint, answered in the RFC 6749 format that OAuth
    /// client libraries expect (`error`, `error_description`) rather than as problem details.
    #[error("oauth error: {error}")]
    OAuth {
        error: &'static str,
        description: &'static str,
    },
    /// 500: opaque to the client, logged with its cause chain.
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl AppError {
    /// A 422 for one field: `AppError::field("nip", Pesan::NipTerdaftar)`.
    pub fn field(field: &str, message: impl Into<Text>) -> Self {
        let mut errors = FieldMessages::new();
        errors.insert(field.to_owned(), vec![message.into()]);
        AppError::Invalid(errors)
    }

    /// A 409: `AppError::conflict(Pesan::EmailDipakai)`.
    pub fn conflict(message: impl Into<Message>) -> Self {
        AppError::Conflicting(message.into())
    }

    /// A 400.
    pub fn bad_request(message: impl Into<Message>) -> Self {
        AppError::BadRequest(message.into())
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            AppError::Invalid(_) => ErrorCode::ValidationFailed,
            AppError::MalformedJson(_) => ErrorCode::MalformedJson,
            AppError::BadRequest(_) => ErrorCode::BadRequest,
            AppError::UnsupportedMediaType(_) => ErrorCode::UnsupportedMediaType,
            AppError::PayloadTooLarge { .. } => ErrorCode::PayloadTooLarge,
            AppError::Unauthorized(_) => ErrorCode::Unauthorized,
            AppError::InvalidCredentials => ErrorCode::InvalidCredentials,
            AppError::Forbidden => ErrorCode::Forbidden,
            AppError::PasswordChangeRequired => ErrorCode::PasswordChangeRequired,
            AppError::NotFound(_) => ErrorCode::NotFound,
            AppError::MethodNotAllowed(_) => ErrorCode::MethodNotAllowed,
            AppError::Conflicting(_) => ErrorCode::Conflict,
            AppError::TooManyRequests { .. } => ErrorCode::TooManyRequests,
            AppError::RequestTimeout => ErrorCode::RequestTimeout,
            AppError::ServiceUnavailable(_) => ErrorCode::ServiceUnavailable,
            AppError::Unexpected(_) => ErrorCode::Internal,
            AppError::OAuth { error, .. } if *error == "invalid_client" => ErrorCode::Unauthorized,
            AppError::OAuth { .. } => ErrorCode::BadRequest,
        }
    }

    fn title(&self) -> &'static str {
        match self.code() {
            ErrorCode::ValidationFailed => "Data tidak valid",
            ErrorCode::MalformedJson => "JSON tidak dapat dibaca",
            ErrorCode::BadRequest => "Permintaan tidak valid",
            ErrorCode::UnsupportedMediaType => "Jenis konten tidak didukung",
            ErrorCode::PayloadTooLarge => "Data terlalu besar",
            ErrorCode::Unauthorized => "Perlu masuk",
            ErrorCode::InvalidCredentials => "Nama pengguna atau kata sandi salah",
            ErrorCode::Forbidden => "Akses ditolak",
            ErrorCode::PasswordChangeRequired => "Kata sandi harus diganti",
            ErrorCode::NotFound => "Tidak ditemukan",
            ErrorCode::MethodNotAllowed => "Metode tidak diizinkan",
            ErrorCode::Conflict => "Konflik data",
            ErrorCode::TooManyRequests => "Terlalu banyak percobaan",
            ErrorCode::RequestTimeout => "Waktu permintaan habis",
            ErrorCode::ServiceUnavailable => "Layanan tidak tersedia",
            ErrorCode::Internal => "Kesalahan server",
        }
    }

    fn detail(&self) -> Text {
        match self {
            AppError::Invalid(_) => Pesan::PeriksaIsian.into(),
            AppError::MalformedJson(why) => Pesan::JsonTidakValid {
                alasan: why.clone(),
            }
            .into(),
            AppError::BadRequest(why) | AppError::Conflicting(why) => why.clone().into(),
            AppError::UnsupportedMediaType(what) | AppError::Unauthorized(what) => {
                what.clone().into()
            }
            AppError::PayloadTooLarge { limit } => Pesan::TerlaluBesar {
                batas: limit.to_string(),
            }
            .into(),
            AppError::InvalidCredentials => Pesan::KredensialSalah.into(),
            AppError::Forbidden => Pesan::TidakBerhak.into(),
            AppError::PasswordChangeRequired => Pesan::GantiSandiDulu.into(),
            // The noun is one of `kinerja_api::pesan::BENDA`, which the SPA translates.
            AppError::NotFound(what) => Pesan::TidakDitemukan {
                benda: (*what).to_owned(),
            }
            .into(),
            AppError::MethodNotAllowed(_) => Pesan::MetodeTidakDidukung.into(),
            AppError::TooManyRequests {
                message: Some(message),
                ..
            } => message.clone().into(),
            AppError::TooManyRequests {
                retry_after_secs,
                message: None,
            } => Pesan::TerlaluBanyakPercobaan {
                menit: retry_after_secs.div_ceil(60).max(1).to_string(),
            }
            .into(),
            AppError::RequestTimeout => Pesan::WaktuHabis.into(),
            AppError::ServiceUnavailable(_) => Pesan::LayananTidakTersedia.into(),
            AppError::OAuth { description, .. } => Text::Plain((*description).to_owned()),
            AppError::Unexpected(_) => Pesan::KesalahanServer.into(),
        }
    }

    /// The problem-details body for this error.
    pub fn body(&self) -> ErrorBody {
        let code = self.code();
        let detail = self.detail();
        let (errors, messages) = match self {
            AppError::Invalid(fields) => {
                let errors = fields
                    .iter()
                    .map(|(f, texts)| (f.clone(), texts.iter().map(Text::indonesian).collect()))
                    .collect();
                // Only fields whose every message is coded, so that the lists stay parallel.
                let messages: BTreeMap<String, Vec<Message>> = fields
                    .iter()
                    .filter_map(|(f, texts)| {
                        let coded: Option<Vec<Message>> =
                            texts.iter().map(|t| t.message().cloned()).collect();
                        coded.map(|c| (f.clone(), c))
                    })
                    .collect();
                (Some(errors), (!messages.is_empty()).then_some(messages))
            }
            _ => (None, None),
        };
        ErrorBody {
            type_uri: format!("urn:kinerja:problem:{}", code.as_str()),
            title: self.title().to_owned(),
            status: self.status_code().as_u16(),
            detail: Some(detail.indonesian()),
            code,
            errors,
            message: detail.message().cloned(),
            messages,
        }
    }
}

impl fmt::Debug for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        error_chain_fmt(self, f)
    }
}

/// Writes an error with every `source()` as "Caused by:" lines, so logs show the whole chain.
pub fn error_chain_fmt(e: &impl std::error::Error, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    writeln!(f, "{e}")?;
    let mut current = e.source();
    while let Some(cause) = current {
        writeln!(f, "Caused by:\n\t{cause}")?;
        current = cause.source();
    }
    Ok(())
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::MalformedJson(_) | AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Unauthorized(_) | AppError::InvalidCredentials => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::PasswordChangeRequired => StatusCode::FORBIDDEN,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Conflicting(_) => StatusCode::CONFLICT,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::RequestTimeout | AppError::ServiceUnavailable(_) => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            AppError::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
            AppError::OAuth { error, .. } if *error == "invalid_client" => StatusCode::UNAUTHORIZED,
            AppError::OAuth { .. } => StatusCode::BAD_REQUEST,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            AppError::Unexpected(_) => tracing::error!(error = ?self, "request failed"),
            AppError::ServiceUnavailable(_) => {
                tracing::warn!(error = ?self, "dependency unavailable")
            }
            _ => {}
        }
        let mut response = HttpResponse::build(self.status_code());
        if let AppError::OAuth { error, description } = self {
            // RFC 6749 section 5.2: no caching, JSON with `error` and `error_description`.
            response.insert_header((header::CACHE_CONTROL, "no-store"));
            if *error == "invalid_client" {
                response.insert_header((header::WWW_AUTHENTICATE, "Basic realm=\"kinerja\""));
            }
            return response.json(kinerja_api::integrations::OAuthErrorBody {
                error: (*error).to_owned(),
                error_description: (*description).to_owned(),
            });
        }
        response.insert_header((header::CONTENT_TYPE, "application/problem+json"));
        response.insert_header((header::CONTENT_LANGUAGE, "id"));
        match self {
            AppError::Unauthorized(_) | AppError::InvalidCredentials => {
                response.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"kinerja\""));
            }
            AppError::MethodNotAllowed(methods) => {
                let allow: Vec<&str> = methods.iter().map(Method::as_str).collect();
                response.insert_header((header::ALLOW, allow.join(", ")));
            }
            AppError::TooManyRequests {
                retry_after_secs, ..
            } => {
                response.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            AppError::RequestTimeout | AppError::ServiceUnavailable(_) => {
                response.insert_header((header::RETRY_AFTER, "5"));
            }
            _ => {}
        }
        response.json(self.body())
    }
}

impl From<DbErr> for AppError {
    fn from(e: DbErr) -> Self {
        match e {
            DbErr::RecordNotFound(_) => AppError::NotFound("Data"),
            // Two writers racing past the checks to the same key (PostgreSQL serialises them
            // at the index): the loser learns that someone else changed the data, not a fault.
            ref e if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                AppError::conflict(Pesan::KonflikData)
            }
            DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => {
                AppError::ServiceUnavailable(e.to_string())
            }
            other => AppError::Unexpected(anyhow::Error::new(other)),
        }
    }
}

impl From<validator::ValidationErrors> for AppError {
    fn from(errors: validator::ValidationErrors) -> Self {
        let mut fields = FieldMessages::new();
        collect_validation_errors(&errors, "", &mut fields);
        AppError::Invalid(fields)
    }
}

fn collect_validation_errors(
    errors: &validator::ValidationErrors,
    prefix: &str,
    out: &mut FieldMessages,
) {
    use validator::ValidationErrorsKind;
    for (field, kind) in errors.errors() {
        let path = match (prefix.is_empty(), field.as_ref()) {
            (_, "__all__") if !prefix.is_empty() => prefix.to_owned(),
            (true, f) => f.to_owned(),
            (false, f) => format!("{prefix}.{f}"),
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                let messages = out.entry(path).or_default();
                messages.extend(list.iter().map(validation_text));
            }
            ValidationErrorsKind::Struct(inner) => collect_validation_errors(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect_validation_errors(inner, &format!("{path}[{index}]"), out);
                }
            }
        }
    }
}

/// A rule whose validator code is a catalogue code is rendered from the catalogue, with the
/// rule's parameters (`min`, `max`, …) that its text names; others keep their own message.
fn validation_text(e: &validator::ValidationError) -> Text {
    if let Some(entry) = kinerja_api::pesan::entry(&e.code) {
        let params = kinerja_api::pesan::placeholders(entry.id)
            .into_iter()
            .filter_map(|name| {
                let value = e.params.get(name)?;
                let value = value
                    .as_str()
                    .map_or_else(|| value.to_string(), str::to_owned);
                Some((name.to_owned(), value))
            })
            .collect();
        return Text::Coded(Message {
            code: e.code.to_string(),
            params,
        });
    }
    Text::Plain(e.message.as_ref().map_or_else(
        || format!("Nilai tidak valid ({}).", e.code),
        ToString::to_string,
    ))
}

/// Maps a unique-constraint violation to a domain error at the call site.
pub trait DbResultExt<T> {
    /// # Errors
    /// `make()` on a unique violation, the mapped database error otherwise.
    fn on_unique_violation(self, make: impl FnOnce() -> AppError) -> AppResult<T>;
}

impl<T> DbResultExt<T> for Result<T, DbErr> {
    fn on_unique_violation(self, make: impl FnOnce() -> AppError) -> AppResult<T> {
        self.map_err(|e| match e.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => make(),
            _ => AppError::from(e),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::body::to_bytes;

    async fn json_of(e: AppError) -> (StatusCode, serde_json::Value) {
        let resp = e.error_response();
        let status = resp.status();
        let bytes = to_bytes(resp.into_body()).await.unwrap();
        (status, serde_json::from_slice(&bytes).unwrap())
    }

    #[actix_web::test]
    async fn validation_error_lists_fields() {
        let (status, body) = json_of(AppError::field("password", Pesan::NipTerdaftar)).await;
        assert_eq!(status, 422);
        assert_eq!(body["code"], "validation_failed");
        assert_eq!(body["type"], "urn:kinerja:problem:validation_failed");
        assert_eq!(body["status"], 422);
        assert_eq!(
            body["errors"]["password"][0],
            "NIP sudah terdaftar untuk pegawai lain."
        );
    }

    #[actix_web::test]
    async fn coded_messages_travel_with_their_indonesian_text() {
        let mut fields = FieldMessages::new();
        push_field(&mut fields, "nip", Pesan::NipTerdaftar);
        push_field(
            &mut fields,
            "nama",
            Text::Plain("Belum dikodekan.".to_owned()),
        );
        let (status, body) = json_of(AppError::Invalid(fields)).await;
        assert_eq!(status, 422);
        assert_eq!(
            body["errors"]["nip"][0],
            "NIP sudah terdaftar untuk pegawai lain."
        );
        assert_eq!(body["messages"]["nip"][0]["code"], "nip_terdaftar");
        // A field with an uncoded message is left out of `messages`, so the lists stay parallel.
        assert_eq!(body["errors"]["nama"][0], "Belum dikodekan.");
        assert!(body["messages"].get("nama").is_none());
        assert_eq!(body["message"]["code"], "periksa_isian");

        let (status, body) = json_of(AppError::conflict(Pesan::PeriodeSudahAda {
            tahun: "2026".into(),
        }))
        .await;
        assert_eq!(status, 409);
        assert_eq!(
            body["detail"],
            "Periode tahun 2026 sudah ada untuk instansi ini."
        );
        assert_eq!(body["message"]["params"]["tahun"], "2026");
    }

    #[test]
    fn every_noun_of_not_found_has_an_english_name() {
        // Reads the sources so that a new `NotFound("…")` cannot ship untranslated.
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut stack = vec![std::path::PathBuf::from(root)];
        let mut nouns = Vec::new();
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).unwrap();
                for part in source.split("AppError::NotFound(\"").skip(1) {
                    nouns.push(part.split('"').next().unwrap_or_default().to_owned());
                }
            }
        }
        assert!(nouns.len() > 20, "{nouns:?}");
        for noun in nouns {
            assert!(
                kinerja_api::pesan::BENDA.iter().any(|(id, _)| *id == noun),
                "{noun:?} is not in kinerja_api::pesan::BENDA"
            );
        }
    }

    #[test]
    fn validator_rules_with_catalogue_codes_are_coded() {
        #[derive(validator::Validate)]
        struct Form {
            #[validate(length(max = 3, code = "maks_100_karakter"))]
            name: String,
        }
        use validator::Validate;
        let form = Form {
            name: "panjang".into(),
        };
        let AppError::Invalid(fields) = AppError::from(form.validate().unwrap_err()) else {
            panic!("expected validation")
        };
        let text = &fields["name"][0];
        assert_eq!(text.indonesian(), "Maksimal 100 karakter.");
        assert_eq!(
            text.message().map(|m| m.code.as_str()),
            Some("maks_100_karakter")
        );
    }

    #[actix_web::test]
    async fn unexpected_error_hides_its_cause() {
        let (status, body) =
            json_of(AppError::Unexpected(anyhow::anyhow!("secret db detail"))).await;
        assert_eq!(status, 500);
        assert_eq!(body["code"], "internal");
        assert!(!body.to_string().contains("secret db detail"));
    }

    #[actix_web::test]
    async fn throttling_sets_retry_after() {
        let resp = AppError::TooManyRequests {
            retry_after_secs: 120,
            message: None,
        }
        .error_response();
        assert_eq!(resp.status(), 429);
        assert_eq!(resp.headers().get("retry-after").unwrap(), "120");
        assert_eq!(
            resp.headers().get("content-type").unwrap(),
            "application/problem+json"
        );
    }

    #[actix_web::test]
    async fn method_not_allowed_lists_allowed_methods() {
        let resp = AppError::MethodNotAllowed(vec![Method::GET, Method::POST]).error_response();
        assert_eq!(resp.status(), 405);
        assert_eq!(resp.headers().get("allow").unwrap(), "GET, POST");
    }

    #[test]
    fn nested_validation_errors_get_paths() {
        #[derive(validator::Validate)]
        struct Inner {
            #[validate(length(min = 2, message = "pendek"))]
            name: String,
        }
        #[derive(validator::Validate)]
        struct Outer {
            #[validate(nested)]
            items: Vec<Inner>,
        }
        use validator::Validate;
        let outer = Outer {
            items: vec![Inner { name: "ok".into() }, Inner { name: "x".into() }],
        };
        let AppError::Invalid(fields) = AppError::from(outer.validate().unwrap_err()) else {
            panic!("expected validation")
        };
        assert_eq!(
            fields["items[1].name"],
            vec![Text::Plain("pendek".to_owned())]
        );
    }
}
