//! HTTP handlers of the survey's documents and paper forms: the QR poster, one paper form,
//! the XLSX import with its template, and the reports (XLSX and PDF). Registered in
//! [`super::handlers::routes`] under `/api/v1/survei`.

use actix_web::web::{Data, Json, Path, Payload};
use actix_web::{HttpRequest, HttpResponse, get, post};
use kinerja_api::survei::ResponsSurvei;
use kinerja_api::survei_kertas::{EntriKertas, ImporQuery, LaporanImpor};
use uuid::Uuid;

use super::{TAG, kertas, laporan, poster};
use crate::auth::Viewer;
use crate::error::AppResult;
use crate::extract::{RequestMeta, ValidatedJson, ValidatedQuery, read_upload};
use crate::problems::{BadRequest, Forbidden, JsonBodyProblems, NotFound, Unauthorized};
use crate::state::AppState;
use crate::telemetry::spawn_blocking_with_tracing;

fn pdf(bytes: Vec<u8>, filename: &str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{filename}\""),
        ))
        .insert_header(("Cache-Control", "no-store"))
        .body(bytes)
}

/// QR poster (PDF)
///
/// An A4 poster for the counter: the unit, the survey and its period, the services, a short
/// invitation and a QR code to the public form `{KINERJA_PUBLIC_URL}/survei/{kode}`, with
/// that address printed. For those who manage the survey (the HR office, the unit's head).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Survey id")),
    responses(
        (status = 200, description = "PDF document", content_type = "application/pdf", body = Vec<u8>),
        BadRequest, Unauthorized, Forbidden, NotFound
    ),
    security(("bearer" = []))
)]
#[get("/{id}/poster.pdf")]
pub async fn poster_pdf(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<HttpResponse> {
    let s = poster::survei(&state.db, &viewer, id.into_inner()).await?;
    let filename = format!("poster-survei-{}.pdf", s.kode);
    let public_url = state.settings.public_url.clone();
    let bytes = spawn_blocking_with_tracing(move || poster::render(&s, &public_url)).await??;
    Ok(pdf(bytes, &filename))
}

/// Enter a paper form
///
/// One respondent's paper form, typed in by a manager of the survey (source `kertas`). The
/// rules of the public form, except that an unsur may be left blank (at least one answered)
/// and there is no browser token nor honeypot. Taken while the survey is open or closed
/// (forms collected in the period may arrive late), never while a draft (409). Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Survey id")),
    request_body = EntriKertas,
    responses(
        (status = 201, body = ResponsSurvei),
        JsonBodyProblems, Unauthorized, Forbidden, NotFound,
        (status = 409, description = "The survey is a draft", body = kinerja_api::ErrorBody, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/{id}/respons")]
pub async fn entri_kertas(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<EntriKertas>,
) -> AppResult<HttpResponse> {
    let r = kertas::entri(&state.db, &viewer, id.into_inner(), body, &meta).await?;
    Ok(HttpResponse::Created().json(r))
}

/// Paper form import template (XLSX)
///
/// Sheet `Responden`: one row per respondent with the columns Layanan, U1–U9 (headed with the
/// unsur names; answers 1–4, blank when not answered), Jenis Kelamin, Usia, Pendidikan,
/// Pekerjaan, Saran. Sheet `Petunjuk`: the survey's services, every answer label and the
/// profile codes and labels. For those who manage the survey.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Survey id")),
    responses(
        (status = 200, description = "XLSX workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        BadRequest, Unauthorized, Forbidden, NotFound
    ),
    security(("bearer" = []))
)]
#[get("/{id}/impor/templat.xlsx")]
pub async fn templat_impor(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<HttpResponse> {
    let bytes = kertas::templat(&state.db, &viewer, id.into_inner()).await?;
    Ok(crate::http::xlsx_download(
        bytes,
        "templat-impor-survei-kertas.xlsx",
    ))
}

/// Import paper forms (XLSX/CSV)
///
/// The template filled in, as the multipart field `file`. `dry_run=true` (the default)
/// checks every row and reports errors by row and column, in Indonesian and English,
/// storing nothing; `dry_run=false` stores every row in one transaction, or nothing when any
/// row has an error, and returns the count stored. At most 10 000 rows. Taken while the
/// survey is open or closed, never while a draft (409). A stored import is audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Survey id"), ImporQuery),
    request_body(content = inline(crate::extract::FileUpload), content_type = "multipart/form-data"),
    responses(
        (status = 200, body = LaporanImpor),
        JsonBodyProblems, Unauthorized, Forbidden, NotFound,
        (status = 409, description = "The survey is a draft", body = kinerja_api::ErrorBody, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/{id}/impor")]
pub async fn impor(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    req: HttpRequest,
    payload: Payload,
    id: Path<Uuid>,
    ValidatedQuery(q): ValidatedQuery<ImporQuery>,
) -> AppResult<Json<LaporanImpor>> {
    let bytes = read_upload(&req, payload, state.settings.max_upload_bytes).await?;
    Ok(Json(
        kertas::impor(
            &state.db,
            &viewer,
            id.into_inner(),
            q.dry_run.unwrap_or(true),
            &bytes,
            &meta,
        )
        .await?,
    ))
}

/// Survey report (XLSX)
///
/// The usual SKM report layout: sheet `Rekap` (NRR, weight and weighted NRR per unsur, IKM to
/// two decimals, mutu, kinerja unit, the sample against its minimum, priorities), sheet
/// `Responden` (one row per response that counts) and sheet `Profil` (respondents and IKM per
/// service and per profile group). Voided responses are left out. For whoever may read the
/// survey's result.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Survey id")),
    responses(
        (status = 200, description = "XLSX workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        BadRequest, Unauthorized, NotFound
    ),
    security(("bearer" = []))
)]
#[get("/{id}/laporan.xlsx")]
pub async fn laporan_xlsx(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<HttpResponse> {
    let d = laporan::data(&state.db, &viewer, id.into_inner()).await?;
    let filename = format!("laporan-skm-{}.xlsx", d.survei.kode);
    let bytes = spawn_blocking_with_tracing(move || laporan::xlsx(&d)).await??;
    Ok(crate::http::xlsx_download(bytes, &filename))
}

/// Survey report (PDF)
///
/// For publication: the unit, the period, the sample against the Krejcie–Morgan minimum, the
/// NRR per unsur, the IKM to two decimals, its mutu and kinerja unit, the IKM per service and
/// the priorities for improvement. Voided responses are left out. For whoever may read the
/// survey's result.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Survey id")),
    responses(
        (status = 200, description = "PDF document", content_type = "application/pdf", body = Vec<u8>),
        BadRequest, Unauthorized, NotFound
    ),
    security(("bearer" = []))
)]
#[get("/{id}/laporan.pdf")]
pub async fn laporan_pdf(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<HttpResponse> {
    let d = laporan::data(&state.db, &viewer, id.into_inner()).await?;
    let filename = format!("laporan-skm-{}.pdf", d.survei.kode);
    let bytes = spawn_blocking_with_tracing(move || laporan::pdf(&d)).await??;
    Ok(pdf(bytes, &filename))
}
