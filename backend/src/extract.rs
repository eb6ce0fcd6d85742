//! Extractors that turn every malformed request into an [`AppError`] with a problem-details
//! body: JSON bodies and query strings are decoded with the failing field's path, then
//! validated with the same `validator` rules the SPA runs.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::error::PayloadError;
use actix_web::http::header;
use actix_web::web::{Bytes, Data};
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use kinerja_api::Pesan;
use serde::de::DeserializeOwned;
use validator::Validate;

use crate::error::AppError;
use crate::state::AppState;

/// A JSON body, decoded and validated.
pub struct ValidatedJson<T>(pub T);

/// A JSON body that may be absent (empty); validated when present.
pub struct OptionalJson<T>(pub Option<T>);

/// Query parameters, decoded and validated.
pub struct ValidatedQuery<T>(pub T);

type LocalBoxFuture<T> = Pin<Box<dyn Future<Output = T>>>;

impl<T: DeserializeOwned + Validate + 'static> FromRequest for ValidatedJson<T> {
    type Error = AppError;
    type Future = LocalBoxFuture<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = read_body(req, payload);
        let req = req.clone();
        Box::pin(async move {
            let bytes = body.await?;
            check_json_content_type(&req)?;
            Ok(ValidatedJson(decode_json(&bytes)?))
        })
    }
}

impl<T: DeserializeOwned + Validate + 'static> FromRequest for OptionalJson<T> {
    type Error = AppError;
    type Future = LocalBoxFuture<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = read_body(req, payload);
        let req = req.clone();
        Box::pin(async move {
            let bytes = body.await?;
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return Ok(OptionalJson(None));
            }
            check_json_content_type(&req)?;
            // `null` is as good as no body.
            let value: Option<T> = deserialize_json(&bytes)?;
            if let Some(v) = &value {
                v.validate()?;
            }
            Ok(OptionalJson(value))
        })
    }
}

impl<T: DeserializeOwned + Validate + 'static> FromRequest for ValidatedQuery<T> {
    type Error = AppError;
    type Future = std::future::Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(decode_query(req.query_string()).map(ValidatedQuery))
    }
}

fn read_body(req: &HttpRequest, payload: &mut Payload) -> LocalBoxFuture<Result<Bytes, AppError>> {
    let limit = req
        .app_data::<Data<AppState>>()
        .map_or(1024 * 1024, |s| s.settings.max_body_bytes);
    read_body_limited(req, payload, limit)
}

/// A JSON body of at most `limit` bytes (below the server-wide limit), decoded and validated:
/// for public endpoints that take small bodies only.
///
/// # Errors
/// As [`ValidatedJson`], and `PayloadTooLarge` above `limit`.
pub async fn small_json<T: DeserializeOwned + Validate>(
    req: &HttpRequest,
    payload: &mut Payload,
    limit: usize,
) -> Result<T, AppError> {
    let bytes = read_body_limited(req, payload, limit).await?;
    check_json_content_type(req)?;
    decode_json(&bytes)
}

fn read_body_limited(
    req: &HttpRequest,
    payload: &mut Payload,
    limit: usize,
) -> LocalBoxFuture<Result<Bytes, AppError>> {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|len| len > limit) {
        return Box::pin(std::future::ready(Err(AppError::PayloadTooLarge { limit })));
    }
    let mut payload = payload.take();
    Box::pin(async move {
        use futures_util::StreamExt;
        let mut body = actix_web::web::BytesMut::new();
        while let Some(chunk) = payload.next().await {
            let chunk = chunk.map_err(|e| match e {
                PayloadError::Overflow => AppError::PayloadTooLarge { limit },
                other => AppError::bad_request(Pesan::GagalMembacaIsi {
                    alasan: other.to_string(),
                }),
            })?;
            if body.len() + chunk.len() > limit {
                return Err(AppError::PayloadTooLarge { limit });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body.freeze())
    })
}

fn check_json_content_type(req: &HttpRequest) -> Result<(), AppError> {
    let is_json = req.mime_type().ok().flatten().is_some_and(|mime| {
        mime.type_() == "application"
            && (mime.subtype() == "json" || mime.suffix().is_some_and(|s| s == "json"))
    });
    if is_json {
        Ok(())
    } else {
        Err(AppError::UnsupportedMediaType(Pesan::KirimJson))
    }
}

/// Decodes and validates a JSON document.
///
/// # Errors
/// `MalformedJson` for syntax errors, `Validation` (with the field path) for data errors.
pub fn decode_json<T: DeserializeOwned + Validate>(bytes: &[u8]) -> Result<T, AppError> {
    let value: T = deserialize_json(bytes)?;
    value.validate()?;
    Ok(value)
}

/// Every request body of this API is a JSON object (or `null` where the body is optional);
/// serde would otherwise also fill a struct from an array, positionally.
fn deserialize_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'[') {
        return Err(AppError::field("body", Pesan::BodyBukanObjek));
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value: T = match serde_path_to_error::deserialize(&mut de) {
        Ok(v) => v,
        Err(e) => {
            let path = e.path().to_string();
            let inner = e.into_inner();
            return Err(match inner.classify() {
                serde_json::error::Category::Data => data_error(&path, &inner.to_string()),
                _ => AppError::MalformedJson(inner.to_string()),
            });
        }
    };
    de.end()
        .map_err(|e| AppError::MalformedJson(e.to_string()))?;
    Ok(value)
}

/// Decodes and validates a query string.
///
/// # Errors
/// `Validation` naming the parameter that could not be decoded or failed validation.
pub fn decode_query<T: DeserializeOwned + Validate>(query: &str) -> Result<T, AppError> {
    let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    let value: T = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        data_error(&path, &e.into_inner().to_string())
    })?;
    value.validate()?;
    Ok(value)
}

/// Turns a serde data error into a 422 on the right field with a coded message.
fn data_error(path: &str, message: &str) -> AppError {
    // serde_json appends the position; the field path says more to a client.
    let message = message.split(" at line ").next().unwrap_or(message);
    let named = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_owned)
    };
    let path = if path == "." { "" } else { path };
    let join = |field: String| match path {
        "" => field,
        p if p == field || p.ends_with(&format!(".{field}")) => p.to_owned(),
        p => format!("{p}.{field}"),
    };
    let (field, pesan) = if let Some(field) = named("missing field `") {
        (join(field), Pesan::WajibDiisi)
    } else if let Some(field) = named("unknown field `") {
        (join(field), Pesan::KolomTidakDikenal)
    } else if let Some(nilai) = named("unknown variant `") {
        (
            path.to_owned(),
            Pesan::NilaiTidakDikenal {
                nilai,
                pilihan: choices(message).join("|"),
            },
        )
    } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
        let expected = message.split("expected ").nth(1).unwrap_or("");
        (path.to_owned(), expected_type(expected))
    } else if message.starts_with("invalid digit") || message.starts_with("cannot parse") {
        (path.to_owned(), Pesan::HarusBilanganBulat)
    } else {
        (
            path.to_owned(),
            Pesan::NilaiTidakValid {
                alasan: message.to_owned(),
            },
        )
    };
    let field = if field.is_empty() {
        "body".to_owned()
    } else {
        field
    };
    AppError::field(&field, pesan)
}

/// The values serde lists after "expected" (`` `l` or `p` ``, `` one of `a`, `b`, `c` ``), as
/// users write them: serde's English joining words are dropped so the text can join them in
/// the reader's language, and the capitalised aliases some enums accept (`L` for `l`) are
/// left out.
fn choices(message: &str) -> Vec<String> {
    let expected = message.split("expected ").nth(1).unwrap_or("");
    let listed: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    listed
        .iter()
        .filter(|v| {
            let lower = v.to_lowercase();
            lower == **v || !listed.contains(&lower.as_str())
        })
        .map(|v| (*v).to_owned())
        .collect()
}

/// Serde's "expected …" phrase as a message, for the common cases.
fn expected_type(expected: &str) -> Pesan {
    let e = expected.to_ascii_lowercase();
    if e.contains("string") || e.contains("uuid") || e.contains("datetime") {
        Pesan::TipeTeks
    } else if e.contains("bool") {
        Pesan::TipeBoolean
    } else if e.contains("integer") || e.starts_with('u') || e.starts_with('i') {
        Pesan::TipeBilanganBulat
    } else if e.contains("float") || e.starts_with('f') {
        Pesan::TipeBilangan
    } else if e.contains("sequence") {
        Pesan::TipeDaftar
    } else if e.contains("map") || e.contains("struct") {
        Pesan::TipeObjek
    } else {
        Pesan::TipeLain {
            diharapkan: expected.replace('`', ""),
        }
    }
}

/// Reads the file field `file` of a `multipart/form-data` upload, up to `limit` bytes.
///
/// # Errors
/// `UnsupportedMediaType` when the request is not multipart, `PayloadTooLarge` over the limit,
/// `Validation` on `file` when the field is missing or empty.
pub async fn read_upload(
    req: &HttpRequest,
    payload: actix_web::web::Payload,
    limit: usize,
) -> Result<Vec<u8>, AppError> {
    Ok(read_named_upload(req, payload, limit).await?.1)
}

/// [`read_upload`] with the file name the client gave (for display only, never as a path).
///
/// # Errors
/// As [`read_upload`].
pub async fn read_named_upload(
    req: &HttpRequest,
    payload: actix_web::web::Payload,
    limit: usize,
) -> Result<(Option<String>, Vec<u8>), AppError> {
    use futures_util::StreamExt;
    let multipart = req
        .mime_type()
        .ok()
        .flatten()
        .is_some_and(|m| m.type_() == "multipart" && m.subtype() == "form-data");
    if !multipart {
        return Err(AppError::UnsupportedMediaType(Pesan::UnggahMultipart));
    }
    let mut form = actix_multipart::Multipart::new(req.headers(), payload);
    while let Some(field) = form.next().await {
        let mut field = field.map_err(|e| AppError::bad_request(unreadable_upload(e)))?;
        if field.name() != Some("file") {
            continue;
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|e| AppError::bad_request(unreadable_upload(e)))?;
            if bytes.len() + chunk.len() > limit {
                return Err(AppError::PayloadTooLarge { limit });
            }
            bytes.extend_from_slice(&chunk);
        }
        if bytes.is_empty() {
            return Err(AppError::field("file", Pesan::BerkasKosong));
        }
        let name = field
            .content_disposition()
            .and_then(|cd| cd.get_filename())
            .map(str::to_owned);
        return Ok((name, bytes));
    }
    Err(AppError::field("file", Pesan::PilihBerkas))
}

fn unreadable_upload(e: impl std::fmt::Display) -> Pesan {
    Pesan::UnggahanTidakTerbaca {
        alasan: e.to_string(),
    }
}

/// Who asked and from where: passed to services so audit events carry it.
#[derive(Debug, Clone, Default)]
pub struct RequestMeta {
    pub request_id: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

impl RequestMeta {
    pub fn from_request(req: &HttpRequest) -> Self {
        let trust_proxy = req
            .app_data::<Data<AppState>>()
            .is_some_and(|s| s.settings.trust_proxy_headers);
        let ip = if trust_proxy {
            req.connection_info().realip_remote_addr().map(strip_port)
        } else {
            req.peer_addr().map(|a| a.ip().to_string())
        };
        RequestMeta {
            request_id: req
                .extensions()
                .get::<tracing_actix_web::RequestId>()
                .map(ToString::to_string),
            ip,
            user_agent: req
                .headers()
                .get(header::USER_AGENT)
                .and_then(|v| v.to_str().ok())
                .map(|s| s.chars().take(200).collect()),
        }
    }
}

fn strip_port(addr: &str) -> String {
    addr.parse::<std::net::SocketAddr>()
        .map_or_else(|_| addr.to_owned(), |a| a.ip().to_string())
}

impl FromRequest for RequestMeta {
    type Error = AppError;
    type Future = std::future::Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(Ok(RequestMeta::from_request(req)))
    }
}

/// A `multipart/form-data` body with one file, for the OpenAPI document of upload endpoints
/// (they read the multipart stream themselves, bounded by size).
#[derive(utoipa::ToSchema)]
#[expect(
    dead_code,
    reason = "describes the multipart body in the OpenAPI document"
)]
pub struct FileUpload {
    /// The file (its accepted types and size are stated by each operation).
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    use crate::error::Text;
    use kinerja_api::PageQuery;

    #[derive(Debug, serde::Deserialize, Validate)]
    #[serde(deny_unknown_fields)]
    struct Body {
        #[validate(length(min = 2, message = "terlalu pendek"))]
        name: String,
        count: u32,
    }

    fn fields(e: AppError) -> BTreeMap<String, Vec<String>> {
        match e {
            AppError::Invalid(f) => f
                .into_iter()
                .map(|(k, v)| (k, v.iter().map(Text::indonesian).collect()))
                .collect(),
            other => panic!("expected validation, got {other:?}"),
        }
    }

    #[test]
    fn missing_unknown_and_mistyped_fields_are_named() {
        assert_eq!(
            decode_json::<Body>(br#"{"name":"ab","count":3}"#)
                .unwrap()
                .count,
            3
        );
        let f = fields(decode_json::<Body>(br#"{"count": 1}"#).unwrap_err());
        assert_eq!(f["name"], vec!["Wajib diisi."]);
        let f = fields(decode_json::<Body>(br#"{"name":"ab","count":1,"x":1}"#).unwrap_err());
        assert_eq!(f["x"], vec!["Kolom tidak dikenal."]);
        let f = fields(decode_json::<Body>(br#"{"name":"ab","count":"many"}"#).unwrap_err());
        assert!(f["count"][0].starts_with("Tipe data tidak sesuai"));
        let f = fields(decode_json::<Body>(br#"{"name":"a","count":1}"#).unwrap_err());
        assert_eq!(f["name"], vec!["terlalu pendek"]);
    }

    #[derive(Debug, serde::Deserialize, Validate)]
    struct WithGender {
        #[expect(dead_code, reason = "only decoded")]
        jenis_kelamin: kinerja_api::nip::Gender,
    }

    #[test]
    fn unknown_enum_values_list_the_choices_as_users_write_them() {
        let e = decode_json::<WithGender>(br#"{"jenis_kelamin":"x"}"#).unwrap_err();
        let AppError::Invalid(f) = &e else {
            panic!("expected validation, got {e:?}")
        };
        let text = &f["jenis_kelamin"][0];
        assert_eq!(
            text.indonesian(),
            "Nilai 'x' tidak dikenal; pilihan: l atau p."
        );
        let english = text
            .message()
            .and_then(|m| m.render(kinerja_api::pesan::Bahasa::En));
        assert_eq!(
            english.as_deref(),
            Some("Value 'x' is not recognised; choose l or p.")
        );
        // The capital letters users type on forms are accepted.
        assert!(decode_json::<WithGender>(br#"{"jenis_kelamin":"P"}"#).is_ok());
    }

    #[test]
    fn arrays_are_not_accepted_as_objects() {
        let f = fields(decode_json::<Body>(br#"["ab", 1]"#).unwrap_err());
        assert_eq!(f["body"], vec!["Isi permintaan harus berupa objek JSON."]);
    }

    #[test]
    fn syntax_errors_are_malformed_json() {
        assert!(matches!(
            decode_json::<Body>(b"{\"name\":"),
            Err(AppError::MalformedJson(_))
        ));
        assert!(matches!(
            decode_json::<Body>(br#"{"name":"ab","count":1} trailing"#),
            Err(AppError::MalformedJson(_))
        ));
    }

    #[test]
    fn query_errors_name_the_parameter() {
        let f = fields(decode_query::<PageQuery>("page=abc").unwrap_err());
        assert!(f.contains_key("page"), "{f:?}");
        let f = fields(decode_query::<PageQuery>("per_page=500").unwrap_err());
        assert!(f.contains_key("per_page"));
        let q = decode_query::<PageQuery>("").unwrap();
        assert_eq!((q.page, q.per_page), (1, 20));
    }
}
