//! Cross-cutting HTTP behaviour: security and cache headers, `x-request-id`, the request
//! timeout, and the fallback that answers 405 (with `Allow`) or 404 as problem details.

use std::collections::HashMap;
use std::time::Duration;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ResourceDef, ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web::Data;
use actix_web::{Error, HttpMessage, HttpRequest, HttpResponse};
use utoipa::openapi::OpenApi;

use crate::error::AppError;
use crate::state::AppState;

/// Paths that never fall back to the SPA.
const SERVER_PREFIXES: [&str; 6] = [
    "/api",
    "/docs",
    "/api-docs",
    "/health",
    "/ready",
    "/metrics",
];

pub fn is_server_path(path: &str) -> bool {
    SERVER_PREFIXES.iter().any(|p| {
        path.strip_prefix(p)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

/// The documented paths and their methods, taken from the OpenAPI document so that 405
/// answers can never disagree with the published contract.
pub struct RouteTable {
    all: Vec<(ResourceDef, Vec<Method>)>,
    /// The paths without parameters, looked up on every request ([`literal_segments`]).
    literal: HashMap<String, Vec<Method>>,
}

impl RouteTable {
    pub fn from_openapi(doc: &OpenApi) -> Self {
        Self::new(doc.paths.paths.iter().map(|(path, item)| {
            let methods = [
                (Method::GET, item.get.is_some()),
                (Method::POST, item.post.is_some()),
                (Method::PUT, item.put.is_some()),
                (Method::PATCH, item.patch.is_some()),
                (Method::DELETE, item.delete.is_some()),
            ]
            .into_iter()
            .filter_map(|(m, present)| present.then_some(m))
            .collect();
            (path.clone(), methods)
        }))
    }

    fn new(routes: impl IntoIterator<Item = (String, Vec<Method>)>) -> Self {
        let mut all = Vec::new();
        let mut literal = HashMap::new();
        for (path, methods) in routes {
            if !path.contains('{') {
                literal.insert(path.clone(), methods.clone());
            }
            all.push((ResourceDef::new(path), methods));
        }
        Self { all, literal }
    }

    /// The methods of a documented path without parameters that is exactly `path` (such as
    /// `/api/v1/skp/mine`), if any.
    pub fn literal_methods(&self, path: &str) -> Option<&[Method]> {
        self.literal.get(path).map(Vec::as_slice)
    }

    /// Methods allowed on `path`; empty when no documented path matches.
    pub fn allowed_methods(&self, path: &str) -> Vec<Method> {
        let mut methods: Vec<Method> = self
            .all
            .iter()
            .filter(|(def, _)| def.is_match(path))
            .flat_map(|(_, m)| m.iter().cloned())
            .collect();
        methods.dedup();
        methods
    }
}

/// Default service: 405 for a known path with another method, the SPA for client routes,
/// 404 problem details otherwise.
pub async fn fallback(req: HttpRequest, state: Data<AppState>) -> Result<HttpResponse, AppError> {
    let path = req.path();
    let allowed = state.routes.allowed_methods(path);
    if !allowed.is_empty() {
        return Err(AppError::MethodNotAllowed(allowed));
    }
    if !is_server_path(path)
        && matches!(*req.method(), Method::GET | Method::HEAD)
        && let Some(spa) = &state.spa
    {
        return Ok(spa.page_response(path));
    }
    Err(AppError::NotFound("Alamat"))
}

/// Middleware: a literal segment wins over `{id}` for every method. `PUT /api/v1/skp/mine`
/// would otherwise reach `PUT /api/v1/skp/{id}` and fail on "mine" as an id (400); it is a
/// 405 listing the methods of `/api/v1/skp/mine`, as `OPTIONS` on it is.
pub async fn literal_segments(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let refused = req.app_data::<Data<AppState>>().and_then(|state| {
        state
            .routes
            .literal_methods(req.path())
            .filter(|methods| {
                let head_of_get = *req.method() == Method::HEAD && methods.contains(&Method::GET);
                !(methods.contains(req.method()) || head_of_get)
            })
            .map(<[Method]>::to_vec)
    });
    match refused {
        Some(methods) => Ok(req.error_response(AppError::MethodNotAllowed(methods))),
        None => Ok(next.call(req).await?.map_into_boxed_body()),
    }
}

/// Middleware: security headers on every response, and cache headers for static files.
pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let path = req.path().to_owned();
    let production = req
        .app_data::<Data<AppState>>()
        .is_some_and(|s| s.settings.cookie_secure);
    let mut res = next.call(req).await?;
    let headers = res.headers_mut();
    let set_default = |headers: &mut header::HeaderMap, name: HeaderName, value: &'static str| {
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    };
    set_default(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set_default(headers, header::X_FRAME_OPTIONS, "DENY");
    set_default(headers, header::REFERRER_POLICY, "no-referrer");
    set_default(
        headers,
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=()",
    );
    if production {
        set_default(
            headers,
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000",
        );
    }
    let csp = if path.starts_with("/docs") {
        // Swagger UI ships its own scripts and inline styles.
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'"
    } else if is_server_path(&path) {
        "default-src 'none'; frame-ancestors 'none'"
    } else {
        // SPA responses set their own policy (with the hashes of trunk's inline loader).
        "default-src 'self'; frame-ancestors 'none'"
    };
    set_default(headers, header::CONTENT_SECURITY_POLICY, csp);
    if !is_server_path(&path) && res.status().is_success() {
        let cache = if is_hashed_asset(&path) {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        set_default(res.headers_mut(), header::CACHE_CONTROL, cache);
    }
    Ok(res)
}

/// Trunk names built assets `<name>-<16 hex digits>[_bg].<ext>`; they never change in place.
pub fn is_hashed_asset(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or("");
    let stem = file.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Middleware: echoes the request id (from `tracing-actix-web`) as `x-request-id`.
pub async fn request_id_header(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let id = req
        .extensions()
        .get::<tracing_actix_web::RequestId>()
        .copied();
    let mut res = next.call(req).await?;
    if let Some(id) = id
        && let Ok(value) = HeaderValue::from_str(&id.to_string())
    {
        res.headers_mut()
            .insert(HeaderName::from_static("x-request-id"), value);
    }
    Ok(res)
}

/// Middleware: the request runs on its server's clock (`crate::clock::now`).
pub async fn server_clock(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let clock = req
        .app_data::<Data<AppState>>()
        .map(|s| s.clock.clone())
        .unwrap_or_default();
    clock.scope(next.call(req)).await
}

/// Middleware: a handler running past `KINERJA_REQUEST_TIMEOUT_SECS` is answered with 503.
/// (The request cannot be cloned while routing is pending, so the error travels up as `Err`
/// and actix renders it through `AppError::error_response`.)
pub async fn request_timeout(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let secs = req
        .app_data::<Data<AppState>>()
        .map_or(30, |s| s.settings.request_timeout_secs);
    match tokio::time::timeout(Duration::from_secs(secs), next.call(req)).await {
        Ok(res) => res,
        Err(_) => {
            tracing::warn!(timeout_secs = secs, "request timed out");
            Err(AppError::RequestTimeout.into())
        }
    }
}

/// A spreadsheet as a download (exports and import templates).
pub fn xlsx_download(bytes: Vec<u8>, filename: &str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_assets_are_recognised() {
        assert!(is_hashed_asset(
            "/kinerja-frontend-1a2b3c4d5e6f7a8b_bg.wasm"
        ));
        assert!(is_hashed_asset("/kinerja-frontend-1a2b3c4d5e6f7a8b.js"));
        assert!(is_hashed_asset("/style-0123456789abcdef.css"));
        assert!(!is_hashed_asset("/favicon.svg"));
        assert!(!is_hashed_asset("/index.html"));
    }

    #[test]
    fn server_paths_never_fall_back_to_the_spa() {
        assert!(is_server_path("/api/v1/nothing"));
        assert!(is_server_path("/docs/"));
        assert!(is_server_path("/api-docs/openapi.json"));
        assert!(!is_server_path("/apiary"));
        assert!(!is_server_path("/masuk"));
    }

    #[test]
    fn route_table_matches_templates() {
        let table = RouteTable::new([
            (
                "/api/v1/users/{id}".to_owned(),
                vec![Method::GET, Method::PATCH],
            ),
            ("/api/v1/users".to_owned(), vec![Method::GET, Method::POST]),
        ]);
        assert_eq!(
            table.literal_methods("/api/v1/users"),
            Some([Method::GET, Method::POST].as_slice())
        );
        assert_eq!(table.literal_methods("/api/v1/users/abc"), None);
        assert_eq!(table.literal_methods("/api/v1/users/"), None);
        assert_eq!(
            table.allowed_methods("/api/v1/users/abc"),
            vec![Method::GET, Method::PATCH]
        );
        assert_eq!(
            table.allowed_methods("/api/v1/users"),
            vec![Method::GET, Method::POST]
        );
        assert!(table.allowed_methods("/api/v1/users/abc/x").is_empty());
    }
}
