//! HTTP handlers of the survey: staff operations under `/api/v1/survei`, the public form under
//! `/api/v1/publik/survei/{kode}` (no account).

use actix_web::web::{Data, Json, Path, Payload};
use actix_web::{HttpRequest, HttpResponse, get, patch, post};
use kinerja_api::survei::{
    AksiSurvei, BatalkanRespons, BuatSurvei, FormulirSurvei, HasilSurvei, KirimRespons,
    ResponsDiterima, ResponsQuery, ResponsSurvei, StatusSurvei, Survei, SurveiQuery, TautanSurvei,
    TitikTrenSurvei, UbahSurvei,
};
use kinerja_api::{Page, PageQuery};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{TAG, halaman, handlers_dokumen, ikm_publik, publik, service, tindak_lanjut};
use crate::auth::Viewer;
use crate::error::AppResult;
use crate::extract::{RequestMeta, ValidatedJson, ValidatedQuery, small_json};
use crate::problems::{BadRequest, Forbidden, Invalid, JsonBodyProblems, NotFound, Unauthorized};
use crate::state::AppState;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/survei")
            .service(daftar)
            .service(buat)
            .service(lihat)
            .service(ubah)
            .service(buka)
            .service(tutup)
            .service(hasil)
            .service(daftar_respons)
            .service(batalkan)
            .service(tautan)
            .service(tren)
            .service(handlers_dokumen::poster_pdf)
            .service(handlers_dokumen::entri_kertas)
            .service(handlers_dokumen::templat_impor)
            .service(handlers_dokumen::impor)
            .service(handlers_dokumen::laporan_xlsx)
            .service(handlers_dokumen::laporan_pdf)
            .service(tindak_lanjut::daftar_tindak_lanjut)
            .service(tindak_lanjut::buat_tindak_lanjut)
            .service(tindak_lanjut::ubah_tindak_lanjut)
            .service(tindak_lanjut::hapus_tindak_lanjut)
            .service(tindak_lanjut::tindak_lanjut_sebelumnya),
    )
    .service(
        utoipa_actix_web::scope("/publik/survei")
            .service(formulir)
            .service(kirim),
    )
    .service(utoipa_actix_web::scope("/publik/ikm").service(ikm_publik::ikm_publik))
    .service(utoipa_actix_web::scope("/ikm").service(ikm_publik::ikm_klien));
}

/// Surveys
///
/// The HR office sees every survey; a unit head the surveys of the units they head; everyone
/// else the published ones. Newest first; filter by unit, period and status.
#[utoipa::path(
    tag = TAG,
    params(PageQuery, SurveiQuery),
    responses((status = 200, body = Page<Survei>), BadRequest, Invalid, Unauthorized),
    security(("bearer" = []))
)]
#[get("")]
pub async fn daftar(
    state: Data<AppState>,
    viewer: Viewer,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    ValidatedQuery(q): ValidatedQuery<SurveiQuery>,
) -> AppResult<Json<Page<Survei>>> {
    Ok(Json(service::list(&state.db, &viewer, q, page).await?))
}

/// Create a survey (draft)
///
/// For a unit the caller manages: the HR office (`manage_organisation`) for any unit, the
/// head of the unit for their own. The public code is drawn by the server. Audited.
#[utoipa::path(
    tag = TAG,
    request_body = BuatSurvei,
    responses((status = 201, body = Survei), JsonBodyProblems, Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[post("")]
pub async fn buat(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<BuatSurvei>,
) -> AppResult<HttpResponse> {
    let created = service::create(&state.db, &viewer, body, &meta).await?;
    Ok(HttpResponse::Created().json(created))
}

/// A survey
///
/// 404 for a survey the caller neither manages nor may read (unpublished).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Survey id")),
    responses((status = 200, body = Survei), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}")]
pub async fn lihat(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<Json<Survei>> {
    Ok(Json(
        service::get(&state.db, &viewer, id.into_inner()).await?,
    ))
}

/// Change a survey
///
/// Title, population and publication at any time; services while a draft, or added while
/// open; the questions' wording only while a draft. Names the `lock_version` it is based on.
/// Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Survey id")),
    request_body = UbahSurvei,
    responses((status = 200, body = Survei), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Stale `lock_version`, or a change the status does not allow", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[patch("/{id}")]
pub async fn ubah(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UbahSurvei>,
) -> AppResult<Json<Survei>> {
    Ok(Json(
        service::update(&state.db, &viewer, id.into_inner(), body, &meta).await?,
    ))
}

/// Open a survey (draft → dibuka)
///
/// The public form starts taking answers. Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Survey id")),
    request_body = AksiSurvei,
    responses((status = 200, body = Survei), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Stale `lock_version`, or not a draft", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/buka")]
pub async fn buka(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<AksiSurvei>,
) -> AppResult<Json<Survei>> {
    Ok(Json(
        service::transition(
            &state.db,
            &viewer,
            id.into_inner(),
            StatusSurvei::Dibuka,
            body,
            &meta,
        )
        .await?,
    ))
}

/// Close a survey (dibuka → ditutup)
///
/// The public form stops taking answers. Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Survey id")),
    request_body = AksiSurvei,
    responses((status = 200, body = Survei), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Stale `lock_version`, or not open", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/tutup")]
pub async fn tutup(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<AksiSurvei>,
) -> AppResult<Json<Survei>> {
    Ok(Json(
        service::transition(
            &state.db,
            &viewer,
            id.into_inner(),
            StatusSurvei::Ditutup,
            body,
            &meta,
        )
        .await?,
    ))
}

/// Result of a survey (IKM)
///
/// NRR per unsur, IKM at full precision and as published (two decimals), mutu and kinerja
/// unit, the sample against the Krejcie–Morgan minimum, the priorities, and the same per
/// service, over the responses that are not void (PermenPANRB 14/2017; docs/ikm.md). For
/// those who manage the survey, and for everyone signed in once it is published.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Survey id")),
    responses((status = 200, body = HasilSurvei), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/hasil")]
pub async fn hasil(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<Json<HasilSurvei>> {
    Ok(Json(
        service::hasil(&state.db, &viewer, id.into_inner()).await?,
    ))
}

/// Responses of a survey
///
/// Oldest first; void ones with `dibatalkan=true`. For those who manage the survey.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Survey id"), PageQuery, ResponsQuery),
    responses((status = 200, body = Page<ResponsSurvei>), BadRequest, Invalid, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/respons")]
pub async fn daftar_respons(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    ValidatedQuery(q): ValidatedQuery<ResponsQuery>,
) -> AppResult<Json<Page<ResponsSurvei>>> {
    Ok(Json(
        service::list_respons(&state.db, &viewer, id.into_inner(), q, page).await?,
    ))
}

/// Void a response
///
/// The HR office only, with a reason: the response is kept, marked void and left out of the
/// result. Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Survey id"), ("rid" = Uuid, Path, description = "Response id")),
    request_body = BatalkanRespons,
    responses((status = 200, body = ResponsSurvei), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Already void", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/respons/{rid}/batal")]
pub async fn batalkan(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    path: Path<(Uuid, Uuid)>,
    ValidatedJson(body): ValidatedJson<BatalkanRespons>,
) -> AppResult<Json<ResponsSurvei>> {
    let (id, rid) = path.into_inner();
    Ok(Json(
        service::batalkan(&state.db, &viewer, id, rid, body, &meta).await?,
    ))
}

/// The public survey form (no sign-in)
///
/// The unit, the services and the nine questions with their four answers. A survey that is
/// not open is a 409 whose message says so ("belum dibuka" / "sudah ditutup").
#[utoipa::path(
    tag = TAG,
    params(("kode" = String, Path, description = "The survey's public code")),
    responses((status = 200, body = FormulirSurvei), NotFound, (status = 409, description = "The survey is a draft or closed", body = kinerja_api::ErrorBody, content_type = "application/problem+json"))
)]
#[get("/{kode}")]
pub async fn formulir(
    state: Data<AppState>,
    kode: Path<String>,
) -> AppResult<Json<FormulirSurvei>> {
    Ok(Json(publik::formulir(&state.db, &kode).await?))
}

/// Answer a survey (no sign-in)
///
/// Every unsur answered 1–4, one of the survey's services, an optional profile and
/// suggestion, and the browser's random `token`. At most 8 KiB. A second response with the
/// same token within 24 hours is 409; more than `KINERJA_SURVEI_RESPONS_PER_JAM` responses
/// from one address to one survey within an hour is 429 with `Retry-After`. A filled
/// honeypot (`situs_web`) is answered like success and not stored. Responses are never
/// editable.
#[utoipa::path(
    tag = TAG,
    params(("kode" = String, Path, description = "The survey's public code")),
    request_body = KirimRespons,
    responses(
        (status = 201, body = ResponsDiterima),
        JsonBodyProblems,
        NotFound,
        (status = 409, description = "The survey is not open, or this browser already answered it today", body = kinerja_api::ErrorBody, content_type = "application/problem+json"),
        (status = 429, description = "Too many answers from this address; see `Retry-After`", body = kinerja_api::ErrorBody, content_type = "application/problem+json")
    )
)]
#[post("/{kode}/respons")]
pub async fn kirim(
    state: Data<AppState>,
    req: HttpRequest,
    payload: Payload,
    kode: Path<String>,
) -> AppResult<HttpResponse> {
    let mut payload = payload.into_inner();
    let body: KirimRespons = small_json(&req, &mut payload, publik::BATAS_BODY).await?;
    let meta = RequestMeta::from_request(&req);
    let done = publik::kirim(&state, &kode, body, &meta).await?;
    Ok(HttpResponse::Created().json(done))
}

/// Links to hand out
///
/// The public form's address and the kiosk address for a tablet at the counter (which resets
/// after each citizen and is exempt from the per-address limit). Only for those who manage
/// the survey.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Survey id")),
    responses((status = 200, body = TautanSurvei), Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/tautan")]
pub async fn tautan(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<Json<TautanSurvei>> {
    let s = service::kelola(&state.db, &viewer, id.into_inner()).await?;
    let kunci = publik::kunci_kios(&state, &s);
    Ok(Json(TautanSurvei {
        formulir: format!("/survei/{}", s.kode),
        kios: format!("/survei/{}?kios={kunci}", s.kode),
    }))
}

/// The unit's IKM over its surveys
///
/// The surveys of this survey's unit the viewer may read (those who manage it: every open or
/// closed one; others: the published ones), oldest first, the latest 12, each with its IKM
/// (two decimals), mutu and respondents.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Survey id")),
    responses((status = 200, body = Vec<TitikTrenSurvei>), Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/tren")]
pub async fn tren(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<Json<Vec<TitikTrenSurvei>>> {
    Ok(Json(
        super::tren::tren(&state.db, &viewer, id.into_inner()).await?,
    ))
}

/// Outside the API: the citizen's pages.
pub fn public_routes(cfg: &mut ServiceConfig) {
    cfg.service(halaman::formulir_page)
        .service(super::halaman_ikm::ikm_page);
}
