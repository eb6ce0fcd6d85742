//! HTTP handlers: API clients (admin), the OAuth2 token endpoint, the ingest endpoint and the
//! data-key bindings (the last two are mounted in the `/api/v1/skp` scope).

use actix_web::http::header;
use actix_web::web::{Bytes, Data, Json, Path};
use actix_web::{HttpRequest, HttpResponse, get, patch, post, put};
use base64::Engine;
use kinerja_api::integrations::{
    ApiClient, ApiClientCreated, CreateApiClient, DataKeyBinding, IngestRequest, IngestResult,
    OAuthErrorBody, OAuthTokenResponse, Scope, SetDataKey, TokenRequest, UpdateApiClient,
};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

use super::client_auth::ApiClientAuth;
use super::{TAG, bindings, clients, ingest};
use crate::auth::Viewer;
use crate::auth::{RequirePermission, perm};
use crate::error::{AppError, AppResult};
use crate::extract::{RequestMeta, ValidatedJson, ValidatedQuery};
use crate::problems::{BadRequest, Forbidden, Invalid, JsonBodyProblems, NotFound, Unauthorized};
use crate::state::AppState;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/api-clients")
            .service(list_clients)
            .service(create_client)
            .service(update_client),
    )
    .service(utoipa_actix_web::scope("/oauth").service(token))
    .service(
        utoipa_actix_web::scope("/ingest")
            .service(ingest_values)
            .service(client_bindings),
    );
}

/// The IKI data-key bindings of one SKP, under `/skp`.
pub fn skp_routes(cfg: &mut ServiceConfig) {
    cfg.service(skp_bindings).service(set_binding);
}

/// API clients
///
/// Every registered client (never with its secret).
#[utoipa::path(
    tag = TAG,
    responses((status = 200, body = Vec<ApiClient>), Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[get("")]
pub async fn list_clients(
    state: Data<AppState>,
    _admin: RequirePermission<perm::ManageUsers>,
) -> AppResult<Json<Vec<ApiClient>>> {
    Ok(Json(clients::list(&state.db).await?))
}

/// Register an API client
///
/// For another government system (a puskesmas SIMPUS, a survey application) owned by a unit.
/// The answer holds `client_secret`: it is shown only this once.
#[utoipa::path(
    tag = TAG,
    request_body = CreateApiClient,
    responses((status = 201, body = ApiClientCreated), JsonBodyProblems, Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[post("")]
pub async fn create_client(
    state: Data<AppState>,
    RequirePermission(admin, _): RequirePermission<perm::ManageUsers>,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<CreateApiClient>,
) -> AppResult<HttpResponse> {
    let created = clients::create(&state.db, admin.id, body, &meta).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(created))
}

/// Enable or disable an API client
///
/// A disabled client gets no new token, and its current tokens stop working at once.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Client id")),
    request_body = UpdateApiClient,
    responses((status = 200, body = ApiClient), JsonBodyProblems, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[patch("/{id}")]
pub async fn update_client(
    state: Data<AppState>,
    RequirePermission(admin, _): RequirePermission<perm::ManageUsers>,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdateApiClient>,
) -> AppResult<Json<ApiClient>> {
    Ok(Json(
        clients::update(&state.db, admin.id, id.into_inner(), body, &meta).await?,
    ))
}

fn oauth_error(error: &'static str, description: &'static str) -> AppError {
    AppError::OAuth { error, description }
}

/// `client_id:client_secret` from an HTTP Basic header.
fn basic_credentials(req: &HttpRequest) -> Option<(String, String)> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}

/// Token for an API client (OAuth2 client credentials)
///
/// RFC 6749 section 4.4: `grant_type=client_credentials`, the client authenticated with HTTP
/// Basic or with `client_id` and `client_secret` in the form, an optional space-separated
/// `scope`. Errors use the RFC 6749 format (`error`, `error_description`).
#[utoipa::path(
    tag = TAG,
    request_body(content = TokenRequest, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, body = OAuthTokenResponse),
        (status = 400, description = "invalid_request, unsupported_grant_type or invalid_scope", body = OAuthErrorBody),
        (status = 401, description = "invalid_client", body = OAuthErrorBody),
    )
)]
#[post("/token")]
pub async fn token(
    state: Data<AppState>,
    req: HttpRequest,
    body: Bytes,
) -> AppResult<HttpResponse> {
    let form_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !form_type {
        return Err(oauth_error(
            "invalid_request",
            "Kirim formulir application/x-www-form-urlencoded.",
        ));
    }
    let form: TokenRequest = serde_urlencoded::from_bytes(&body).map_err(|_| {
        oauth_error(
            "invalid_request",
            "Formulir tidak lengkap: grant_type wajib diisi.",
        )
    })?;
    if form.grant_type != "client_credentials" {
        return Err(oauth_error(
            "unsupported_grant_type",
            "Hanya grant_type=client_credentials yang didukung.",
        ));
    }
    let (id, secret) = match (
        basic_credentials(&req),
        form.client_id.clone(),
        form.client_secret.clone(),
    ) {
        (Some(pair), _, _) => pair,
        (None, Some(id), Some(secret)) => (id, secret),
        _ => {
            return Err(oauth_error(
                "invalid_client",
                "Sertakan client_id dan client_secret (HTTP Basic atau formulir).",
            ));
        }
    };
    let issued = clients::issue_token(
        &state.db,
        &state.jwt,
        state.settings.client_token_ttl_secs,
        &id,
        &secret,
        form.scope.as_deref(),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(issued))
}

/// Push indicator values
///
/// A batch of values from another system (`realisasi:write`). Each item names a data key, an
/// employee (`nip`) or a unit (`unit_id`: every employee there whose IKI is bound to the key),
/// and a day (`tanggal`) or a sub-period (`tahun` + `periode_ke`). The answer lists every
/// item as accepted or rejected with a reason (`unknown_key`, `unknown_employee`,
/// `outside_unit`, `no_period`, `period_locked`). Daily values are aggregated into the
/// sub-period by the binding's rule. The `Idempotency-Key` header is required: a replay returns
/// the first answer (`replay: true`) and writes nothing.
#[utoipa::path(
    tag = TAG,
    params(("Idempotency-Key" = String, Header, description = "Unique per batch, 1–100 visible ASCII characters (a UUID is a good choice)")),
    request_body = IngestRequest,
    responses(
        (status = 200, body = IngestResult),
        JsonBodyProblems,
        (status = 401, description = "No valid client token", body = kinerja_api::ErrorBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks realisasi:write", body = kinerja_api::ErrorBody, content_type = "application/problem+json"),
        (status = 409, description = "The Idempotency-Key was used with another body", body = kinerja_api::ErrorBody, content_type = "application/problem+json"),
    ),
    security(("oauth2" = ["realisasi:write"]))
)]
#[post("/indicator-values")]
pub async fn ingest_values(
    state: Data<AppState>,
    client: ApiClientAuth,
    req: HttpRequest,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<IngestRequest>,
) -> AppResult<Json<IngestResult>> {
    client.require(Scope::RealisasiWrite)?;
    let key = ingest::check_key(
        req.headers()
            .get("idempotency-key")
            .and_then(|v| v.to_str().ok()),
    )?;
    Ok(Json(
        ingest::ingest(&state.db, &client, &key, body, &meta).await?,
    ))
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct TahunQuery {
    /// Year of the SKPs.
    #[validate(range(min = 2000, max = 2100, message = "Tahun tidak valid."))]
    #[param(minimum = 2000, maximum = 2100)]
    pub tahun: i32,
}

/// Data keys a client can send
///
/// The IKIs bound to data keys in the approved SKPs of the client's unit (and below) for a
/// year (`pegawai:read`).
#[utoipa::path(
    tag = TAG,
    params(TahunQuery),
    responses(
        (status = 200, body = Vec<DataKeyBinding>),
        BadRequest,
        Invalid,
        (status = 401, description = "No valid client token", body = kinerja_api::ErrorBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks pegawai:read", body = kinerja_api::ErrorBody, content_type = "application/problem+json"),
    ),
    security(("oauth2" = ["pegawai:read"]))
)]
#[get("/bindings")]
pub async fn client_bindings(
    state: Data<AppState>,
    client: ApiClientAuth,
    ValidatedQuery(q): ValidatedQuery<TahunQuery>,
) -> AppResult<Json<Vec<DataKeyBinding>>> {
    client.require(Scope::PegawaiRead)?;
    Ok(Json(
        bindings::for_client(&state.db, client.unit_id, q.tahun).await?,
    ))
}

/// Data-key bindings of an SKP
///
/// Which IKIs receive values from other systems, for readers of the SKP.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id")),
    responses((status = 200, body = Vec<DataKeyBinding>), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/data-keys")]
pub async fn skp_bindings(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<Json<Vec<DataKeyBinding>>> {
    Ok(Json(
        bindings::of_skp(&state.db, &viewer, id.into_inner()).await?,
    ))
}

/// Bind an IKI to a data key
///
/// The owner or the HR admin binds one IKI to a data key such as `simpus.pasien_dilayani`
/// (aggregation `sum`, `last` or `avg` of daily values), or unbinds it with `data_key: null`.
/// Returns the SKP's bindings.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id"), ("iki_id" = Uuid, Path, description = "IKI id")),
    request_body = SetDataKey,
    responses((status = 200, body = Vec<DataKeyBinding>), JsonBodyProblems, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[put("/{id}/iki/{iki_id}/data-key")]
pub async fn set_binding(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    path: Path<(Uuid, Uuid)>,
    ValidatedJson(body): ValidatedJson<SetDataKey>,
) -> AppResult<Json<Vec<DataKeyBinding>>> {
    let (id, iki) = path.into_inner();
    Ok(Json(
        bindings::set(&state.db, &viewer, id, iki, body, &meta).await?,
    ))
}
