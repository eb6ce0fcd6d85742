//! The HTTP core: sends requests, keeps the access token, renews it once on 401, decodes
//! problem details into [`ApiError`], and aborts requests whose page has gone away.
//!
//! Design rules:
//! - The access token lives only in this module's memory (never `localStorage`); the refresh
//!   token is an HttpOnly cookie the browser sends to `/api/v1/auth` by itself.
//! - Refreshes are single-flight: the server rotates the refresh token and treats a second use
//!   of the old one as theft (it revokes the whole session), so concurrent 401s share one
//!   `POST /auth/refresh`.
//! - Session changes (renewed, ended) are reported to one listener, the app's auth state.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::time::Duration;

use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};
use gloo_net::http::{Method, RequestBuilder, Response};
use kinerja_api::auth::{CurrentUser, TokenResponse};
use kinerja_api::{ErrorBody, ErrorCode};
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, Blob, FormData, ProgressEvent, XmlHttpRequest};

/// Where the API lives: same origin, versioned prefix.
pub const API_BASE: &str = "/api/v1";

/// Why an API call failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// No answer: offline, DNS, connection refused, or the request was aborted.
    #[error("network error: {0}")]
    Network(String),
    /// The server answered with an error status and problem details.
    #[error("HTTP {status}: {}", body.title)]
    Http {
        status: u16,
        /// Boxed: keeps every `Result<_, ApiError>` small.
        body: Box<ErrorBody>,
        /// Seconds from the `Retry-After` header (429, 503).
        retry_after: Option<u64>,
    },
    /// A success answer whose body does not match the contract.
    #[error("cannot decode the response: {0}")]
    Decode(String),
}

impl ApiError {
    /// The problem code of an HTTP error.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ApiError::Http { body, .. } => Some(body.code),
            _ => None,
        }
    }

    /// A local "not found" (e.g. for an address whose id is not a UUID).
    pub fn not_found() -> Self {
        ApiError::Http {
            status: 404,
            body: Box::new(problem(404, "")),
            retry_after: None,
        }
    }

    /// The HTTP status of an error answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Http { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Per-field messages of a 422 `validation_failed`, empty otherwise.
    pub fn field_errors(&self) -> BTreeMap<String, Vec<String>> {
        match self {
            ApiError::Http { body, .. } => body.errors.clone().unwrap_or_default(),
            _ => BTreeMap::new(),
        }
    }
}

/// A change of the session that the app must reflect.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionEvent {
    /// New tokens were issued (refresh, login, password change) for this user.
    Renewed(CurrentUser),
    /// The refresh cookie was refused: the user is signed out.
    Ended,
}

type RefreshFuture = Shared<LocalBoxFuture<'static, Result<TokenResponse, ApiError>>>;
type Listener = Rc<dyn Fn(SessionEvent)>;

thread_local! {
    static ACCESS_TOKEN: RefCell<Option<String>> = const { RefCell::new(None) };
    static REFRESHING: RefCell<Option<RefreshFuture>> = const { RefCell::new(None) };
    static LISTENER: RefCell<Option<Listener>> = const { RefCell::new(None) };
}

/// Registers the one listener for session changes (the app's auth state).
pub fn on_session_event(listener: impl Fn(SessionEvent) + 'static) {
    LISTENER.with(|l| *l.borrow_mut() = Some(Rc::new(listener)));
}

fn emit(event: SessionEvent) {
    // Clone the listener out first: it may update signals that call back into this module.
    let listener = LISTENER.with(|l| l.borrow().clone());
    if let Some(listener) = listener {
        listener(event);
    }
}

pub(crate) fn set_access_token(token: Option<String>) {
    ACCESS_TOKEN.with(|t| *t.borrow_mut() = token);
}

fn access_token() -> Option<String> {
    ACCESS_TOKEN.with(|t| t.borrow().clone())
}

/// Keeps the tokens of a successful login/refresh/password change and announces the user.
pub(crate) fn accept_tokens(tokens: &TokenResponse) {
    set_access_token(Some(tokens.access_token.clone()));
    emit(SessionEvent::Renewed(tokens.user.clone()));
}

/// One request, described so that it can be sent again after a refresh.
pub(crate) struct Call {
    method: Method,
    url: String,
    json: Option<String>,
}

impl Call {
    pub(crate) fn get(path: &str) -> Self {
        Self {
            method: Method::GET,
            url: format!("{API_BASE}{path}"),
            json: None,
        }
    }

    /// A POST without a body (and so without `Content-Type`), as refresh and logout expect.
    pub(crate) fn post_empty(path: &str) -> Self {
        Self {
            method: Method::POST,
            url: format!("{API_BASE}{path}"),
            json: None,
        }
    }

    pub(crate) fn delete(path: &str) -> Self {
        Self {
            method: Method::DELETE,
            url: format!("{API_BASE}{path}"),
            json: None,
        }
    }

    /// # Errors
    /// `Decode` when the body cannot be serialised (never for the contract's DTOs).
    pub(crate) fn post_json(path: &str, body: &impl Serialize) -> Result<Self, ApiError> {
        let json = serde_json::to_string(body).map_err(|e| ApiError::Decode(e.to_string()))?;
        Ok(Self {
            method: Method::POST,
            url: format!("{API_BASE}{path}"),
            json: Some(json),
        })
    }

    /// # Errors
    /// `Decode` when the body cannot be serialised (never for the contract's DTOs).
    pub(crate) fn patch_json(path: &str, body: &impl Serialize) -> Result<Self, ApiError> {
        let json = serde_json::to_string(body).map_err(|e| ApiError::Decode(e.to_string()))?;
        Ok(Self {
            method: Method::PATCH,
            url: format!("{API_BASE}{path}"),
            json: Some(json),
        })
    }

    /// # Errors
    /// `Decode` when the body cannot be serialised (never for the contract's DTOs).
    pub(crate) fn put_json(path: &str, body: &impl Serialize) -> Result<Self, ApiError> {
        let json = serde_json::to_string(body).map_err(|e| ApiError::Decode(e.to_string()))?;
        Ok(Self {
            method: Method::PUT,
            url: format!("{API_BASE}{path}"),
            json: Some(json),
        })
    }

    /// Appends query parameters, skipping `None`s.
    pub(crate) fn query(mut self, params: &[(&str, Option<String>)]) -> Self {
        let pairs: Vec<String> = params
            .iter()
            .filter_map(|(name, value)| {
                value
                    .as_ref()
                    .map(|v| format!("{name}={}", String::from(js_sys::encode_uri_component(v))))
            })
            .collect();
        if !pairs.is_empty() {
            self.url = format!("{}?{}", self.url, pairs.join("&"));
        }
        self
    }

    async fn send(
        &self,
        bearer: Option<&str>,
        signal: Option<&AbortSignal>,
    ) -> Result<Response, ApiError> {
        let mut builder = RequestBuilder::new(&self.url)
            .method(self.method.clone())
            .header("Accept", "application/json, application/problem+json")
            .abort_signal(signal);
        if let Some(token) = bearer {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        let request = match &self.json {
            Some(json) => builder
                .header("Content-Type", "application/json")
                .body(json.as_str()),
            None => builder.build(),
        }
        .map_err(network)?;
        request.send().await.map_err(network)
    }
}

fn network(error: gloo_net::Error) -> ApiError {
    ApiError::Network(error.to_string())
}

/// An `AbortController` that is aborted when the current reactive owner is cleaned up, i.e.
/// when the page (or the resource's previous run) that started the request goes away.
fn abort_on_cleanup() -> Option<AbortSignal> {
    let controller = AbortController::new().ok()?;
    let signal = controller.signal();
    let controller = SendWrapper::new(controller);
    on_cleanup(move || controller.abort());
    Some(signal)
}

/// Sends a request that needs no access token and decodes the answer.
///
/// # Errors
/// See [`ApiError`].
pub(crate) async fn public<T: DeserializeOwned>(call: Call) -> Result<T, ApiError> {
    let answer = round_trip(call, false).await?;
    decode_text(answer.status, answer.retry_after, &answer.text)
}

/// Sends a request with the access token; on 401 renews the session once and retries.
///
/// # Errors
/// See [`ApiError`]; a 401 after a failed refresh ends the session.
pub(crate) async fn authed<T: DeserializeOwned>(call: Call) -> Result<T, ApiError> {
    let answer = round_trip(call, true).await?;
    decode_text(answer.status, answer.retry_after, &answer.text)
}

/// Sends `call` (with the access token when `authed`) and reads the answer. Boxed, so that
/// the callers, one per response type, hold a pointer instead of this whole state machine:
/// that keeps every page's resources small in the wasm.
fn round_trip(call: Call, authed: bool) -> LocalBoxFuture<'static, Result<Answer, ApiError>> {
    async move {
        let response = if authed {
            authed_response(&call).await?
        } else {
            call.send(None, None).await?
        };
        read(response).await
    }
    .boxed_local()
}

/// Sends `call` with the access token, renewing the session once on 401; the raw answer.
async fn authed_response(call: &Call) -> Result<Response, ApiError> {
    let signal = abort_on_cleanup();
    let token = access_token();
    let mut response = call.send(token.as_deref(), signal.as_ref()).await?;
    if response.status() == 401 {
        let fresh = fresh_token(token.as_deref()).await?;
        response = call.send(Some(&fresh), signal.as_ref()).await?;
        if response.status() == 401 {
            end_session();
        }
    }
    Ok(response)
}

/// After a 401: the token another request renewed meanwhile, or a new one from the cookie.
async fn fresh_token(used: Option<&str>) -> Result<String, ApiError> {
    match access_token() {
        Some(current) if used != Some(current.as_str()) => Ok(current),
        _ => Ok(refresh_session().await?.access_token),
    }
}

/// A second 401 right after a renewal: the session is gone.
fn end_session() {
    set_access_token(None);
    emit(SessionEvent::Ended);
}

/// Downloads a file with the access token and hands it to the browser as a download
/// (a `blob:` URL clicked through a temporary `<a download>`). The file name comes from
/// `Content-Disposition`, else `fallback_name`.
///
/// # Errors
/// See [`ApiError`].
pub(crate) async fn download(call: Call, fallback_name: &str) -> Result<(), ApiError> {
    let response = authed_response(&call).await?;
    if !(200..300).contains(&response.status()) {
        return Err(failure(response).await);
    }
    let name = response
        .headers()
        .get("content-disposition")
        .and_then(|v| attachment_name(&v))
        .unwrap_or_else(|| fallback_name.to_owned());
    let raw: web_sys::Response = response.into();
    let blob: Blob = match raw.blob() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .map_err(|e| ApiError::Network(js_text(&e)))?
            .unchecked_into(),
        Err(e) => return Err(ApiError::Network(js_text(&e))),
    };
    save_blob(&blob, &name).map_err(|e| ApiError::Decode(js_text(&e)))
}

/// As [`download`], reading the body chunk by chunk (the export is streamed) and telling
/// `on_progress` the bytes received so far.
///
/// # Errors
/// See [`ApiError`].
pub(crate) async fn download_progress(
    call: Call,
    fallback_name: &str,
    on_progress: impl Fn(u64),
) -> Result<(), ApiError> {
    use js_sys::{Function, Promise, Reflect, Uint8Array};

    let response = authed_response(&call).await?;
    if !(200..300).contains(&response.status()) {
        return Err(failure(response).await);
    }
    let name = response
        .headers()
        .get("content-disposition")
        .and_then(|v| attachment_name(&v))
        .unwrap_or_else(|| fallback_name.to_owned());
    let raw: web_sys::Response = response.into();
    let net = |e: wasm_bindgen::JsValue| ApiError::Network(js_text(&e));
    // `body.getReader()`, read until done (through reflection: no extra web-sys features).
    let body = Reflect::get(&raw, &"body".into()).map_err(net)?;
    let get_reader: Function = Reflect::get(&body, &"getReader".into())
        .map_err(net)?
        .dyn_into()
        .map_err(net)?;
    let reader = get_reader.call0(&body).map_err(net)?;
    let read: Function = Reflect::get(&reader, &"read".into())
        .map_err(net)?
        .dyn_into()
        .map_err(net)?;
    let parts = js_sys::Array::new();
    let mut received = 0u64;
    loop {
        let promise: Promise = read.call0(&reader).map_err(net)?.dyn_into().map_err(net)?;
        let step = JsFuture::from(promise).await.map_err(net)?;
        if Reflect::get(&step, &"done".into())
            .map_err(net)?
            .as_bool()
            .unwrap_or(true)
        {
            break;
        }
        let chunk: Uint8Array = Reflect::get(&step, &"value".into())
            .map_err(net)?
            .dyn_into()
            .map_err(net)?;
        received += u64::from(chunk.length());
        parts.push(&chunk);
        on_progress(received);
    }
    let blob = Blob::new_with_u8_array_sequence(&parts).map_err(net)?;
    save_blob(&blob, &name).map_err(|e| ApiError::Decode(js_text(&e)))
}

/// The file name of a `Content-Disposition: attachment; filename="x.xlsx"` header; the UTF-8
/// `filename*=UTF-8''…` form first when the server sends it.
fn attachment_name(header: &str) -> Option<String> {
    let parts = || header.split(';').map(str::trim);
    let exact = parts()
        .filter_map(|part| part.strip_prefix("filename*=UTF-8''"))
        .find_map(|name| js_sys::decode_uri_component(name).ok())
        .map(String::from);
    exact
        .into_iter()
        .chain(
            parts()
                .filter_map(|part| part.strip_prefix("filename="))
                .map(|name| name.trim_matches('"').to_owned()),
        )
        .find(|name| !name.is_empty() && !name.contains(['/', '\\']))
}

/// Saves text made in the browser (a CSV of one-time passwords) as a file, without a server
/// round trip: the passwords never leave this page again.
///
/// # Errors
/// `Decode` when the browser refuses to build or save the file.
pub fn save_text(body: &str, name: &str) -> Result<(), ApiError> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(body));
    Blob::new_with_str_sequence(&parts)
        .and_then(|blob| save_blob(&blob, name))
        .map_err(|e| ApiError::Decode(js_text(&e)))
}

fn save_blob(blob: &Blob, name: &str) -> Result<(), wasm_bindgen::JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let document = leptos::prelude::document();
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.set_hidden(true);
    // Attached while it is clicked: some browsers ignore clicks on detached links.
    if let Some(body) = document.body() {
        body.append_child(&anchor)?;
        anchor.click();
        anchor.remove();
    } else {
        anchor.click();
    }
    // Chromium reads the blob after the click returns; release it a little later.
    leptos::prelude::set_timeout(
        move || {
            // A URL that cannot be revoked is released with the page.
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(30),
    );
    Ok(())
}

fn js_text(value: &wasm_bindgen::JsValue) -> String {
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

/// A `multipart/form-data` body with the one field the server reads: `file`.
///
/// # Errors
/// `Network` when the browser refuses to build the form.
pub(crate) fn file_form(file: &web_sys::File) -> Result<FormData, ApiError> {
    let form = FormData::new().map_err(|_| ApiError::Network("FormData".to_owned()))?;
    form.append_with_blob_and_filename("file", file, &file.name())
        .map_err(|_| ApiError::Network("FormData".to_owned()))?;
    Ok(form)
}

/// Reports how far an upload is, in percent (0–100).
pub type Progress = Rc<dyn Fn(u8)>;

/// Sends a `multipart/form-data` body with the access token (renewing the session once on
/// 401) and decodes the answer. Uses `XMLHttpRequest` because `fetch` cannot report upload
/// progress. Dropping the future aborts the request.
///
/// # Errors
/// See [`ApiError`].
pub(crate) async fn upload<T: DeserializeOwned>(
    call: Call,
    form: &FormData,
    progress: Progress,
) -> Result<T, ApiError> {
    let token = access_token();
    let mut answer = xhr_post(&call.url, token.as_deref(), form, &progress).await?;
    if answer.status == 401 {
        let fresh = fresh_token(token.as_deref()).await?;
        answer = xhr_post(&call.url, Some(&fresh), form, &progress).await?;
        if answer.status == 401 {
            end_session();
        }
    }
    decode_text(answer.status, answer.retry_after, &answer.text)
}

/// The parts of an answer that [`decode_text`] needs.
struct Answer {
    status: u16,
    retry_after: Option<u64>,
    text: String,
}

/// Aborts a request that is still running when its future is dropped.
struct AbortOnDrop(XmlHttpRequest);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if self.0.ready_state() != XmlHttpRequest::DONE {
            // Aborting can only fail for a request that never started.
            let _ = self.0.abort();
        }
    }
}

async fn xhr_post(
    url: &str,
    bearer: Option<&str>,
    form: &FormData,
    progress: &Progress,
) -> Result<Answer, ApiError> {
    let network = |e: wasm_bindgen::JsValue| ApiError::Network(js_text(&e));
    let xhr = XmlHttpRequest::new().map_err(network)?;
    xhr.open("POST", url).map_err(network)?;
    xhr.set_request_header("Accept", "application/json, application/problem+json")
        .map_err(network)?;
    if let Some(token) = bearer {
        xhr.set_request_header("Authorization", &format!("Bearer {token}"))
            .map_err(network)?;
    }
    let report = progress.clone();
    let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |ev: ProgressEvent| {
        if ev.length_computable() && ev.total() > 0.0 {
            // Clamped to 0–100 first, so the cast cannot truncate.
            let percent = (ev.loaded() / ev.total() * 100.0).round().clamp(0.0, 100.0) as u8;
            report(percent);
        }
    });
    // Small bodies may send no progress event at all, only the end of the upload.
    let report = progress.clone();
    let on_sent = Closure::<dyn FnMut()>::new(move || report(100));
    let upload = xhr.upload().map_err(network)?;
    upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    upload.set_onload(Some(on_sent.as_ref().unchecked_ref()));
    let finished = js_sys::Promise::new(&mut |resolve, reject| {
        xhr.set_onload(Some(&resolve));
        xhr.set_onerror(Some(&reject));
        xhr.set_onabort(Some(&reject));
        xhr.set_ontimeout(Some(&reject));
    });
    let guard = AbortOnDrop(xhr.clone());
    xhr.send_with_opt_form_data(Some(form)).map_err(network)?;
    let outcome = JsFuture::from(finished).await;
    upload.set_onprogress(None);
    upload.set_onload(None);
    drop((on_progress, on_sent));
    if outcome.is_err() {
        return Err(ApiError::Network("upload failed".to_owned()));
    }
    progress(100);
    let answer = Answer {
        status: guard.0.status().map_err(network)?,
        retry_after: guard
            .0
            .get_response_header("retry-after")
            .ok()
            .flatten()
            .and_then(|v| v.trim().parse::<u64>().ok()),
        text: guard.0.response_text().ok().flatten().unwrap_or_default(),
    };
    Ok(answer)
}

/// Exchanges the refresh cookie for new tokens, sharing one request among all callers.
/// On success the tokens are kept and `Renewed` is announced; when the server refuses the
/// cookie (4xx) the token is dropped and `Ended` is announced. Network and server failures
/// change nothing.
///
/// # Errors
/// See [`ApiError`].
pub async fn refresh_session() -> Result<TokenResponse, ApiError> {
    let shared = REFRESHING.with(|slot| {
        let mut slot = slot.borrow_mut();
        if let Some(running) = slot.as_ref() {
            return running.clone();
        }
        let running: RefreshFuture = async {
            // Not tied to a page: an aborted refresh could leave a rotated cookie unknown.
            let result = match Call::post_empty("/auth/refresh").send(None, None).await {
                Ok(response) => decode::<TokenResponse>(response).await,
                Err(e) => Err(e),
            };
            REFRESHING.with(|slot| slot.borrow_mut().take());
            match &result {
                Ok(tokens) => accept_tokens(tokens),
                // The cookie was refused (missing, expired, revoked, reused).
                Err(ApiError::Http { status, .. }) if (400..500).contains(status) => {
                    set_access_token(None);
                    emit(SessionEvent::Ended);
                }
                // Server or network trouble says nothing about the session: keep it.
                Err(_) => {}
            }
            result
        }
        .boxed_local()
        .shared();
        *slot = Some(running.clone());
        running
    });
    shared.await
}

/// The status, `Retry-After` and body of an answer.
async fn read(response: Response) -> Result<Answer, ApiError> {
    let status = response.status();
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.trim().parse::<u64>().ok());
    let text = response.text().await.map_err(network)?;
    Ok(Answer {
        status,
        retry_after,
        text,
    })
}

/// Decodes a success body as `T`, or an error body as problem details.
async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let answer = read(response).await?;
    decode_text(answer.status, answer.retry_after, &answer.text)
}

/// The error of an answer with an error status.
async fn failure(response: Response) -> ApiError {
    match decode::<serde_json::Value>(response).await {
        Err(error) => error,
        Ok(_) => ApiError::Decode("an error status with a success body".to_owned()),
    }
}

fn decode_text<T: DeserializeOwned>(
    status: u16,
    retry_after: Option<u64>,
    text: &str,
) -> Result<T, ApiError> {
    if (200..300).contains(&status) {
        // 204 and other empty answers decode as `()` (JSON `null`).
        let text = if text.trim().is_empty() { "null" } else { text };
        serde_json::from_str(text).map_err(|e| ApiError::Decode(e.to_string()))
    } else {
        Err(ApiError::Http {
            status,
            body: Box::new(problem(status, text)),
            retry_after,
        })
    }
}

/// The problem details of an error answer; a body that is not problem JSON (a proxy's HTML
/// page) becomes a minimal problem with the code implied by the status. Its coded messages
/// are remembered so that the views can show them in the chosen language.
fn problem(status: u16, text: &str) -> ErrorBody {
    let body = serde_json::from_str(text).unwrap_or_else(|_| {
        let code = match status {
            400 => ErrorCode::BadRequest,
            401 => ErrorCode::Unauthorized,
            403 => ErrorCode::Forbidden,
            404 => ErrorCode::NotFound,
            405 => ErrorCode::MethodNotAllowed,
            409 => ErrorCode::Conflict,
            413 => ErrorCode::PayloadTooLarge,
            415 => ErrorCode::UnsupportedMediaType,
            422 => ErrorCode::ValidationFailed,
            429 => ErrorCode::TooManyRequests,
            502..=504 => ErrorCode::ServiceUnavailable,
            _ => ErrorCode::Internal,
        };
        ErrorBody {
            type_uri: "about:blank".to_owned(),
            title: format!("HTTP {status}"),
            status,
            detail: None,
            code,
            errors: None,
            message: None,
            messages: None,
        }
    });
    crate::i18n::remember(
        body.coded_texts()
            .into_iter()
            .map(|(text, message)| (text, message.clone())),
    );
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_details_are_decoded() {
        let body = problem(
            422,
            r#"{"type":"urn:kinerja:problem:validation_failed","title":"Data tidak valid","status":422,
               "detail":"Periksa kembali isian yang ditandai.","code":"validation_failed",
               "errors":{"current_password":["Kata sandi saat ini salah."]}}"#,
        );
        assert_eq!(body.code, ErrorCode::ValidationFailed);
        assert_eq!(
            body.field_errors("current_password"),
            ["Kata sandi saat ini salah."]
        );
    }

    #[test]
    fn attachment_names_are_read_from_content_disposition() {
        assert_eq!(
            attachment_name(r#"attachment; filename="pegawai.xlsx""#).as_deref(),
            Some("pegawai.xlsx")
        );
        assert_eq!(attachment_name("attachment"), None);
        assert_eq!(attachment_name(r#"attachment; filename="../x""#), None);
    }

    #[test]
    fn non_problem_bodies_get_a_code_from_the_status() {
        assert_eq!(
            problem(502, "<html>Bad gateway</html>").code,
            ErrorCode::ServiceUnavailable
        );
        assert_eq!(problem(500, "").code, ErrorCode::Internal);
    }
}
