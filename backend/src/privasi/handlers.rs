//! HTTP routes of personal data: `/api/v1/saya/data` (the employee's own) and
//! `/api/v1/privasi/akses` (the HR office's listing of reads). Thin handlers over the modules.

use actix_web::HttpResponse;
use actix_web::get;
use actix_web::web::{Data, Json};
use kinerja_api::Page;
use kinerja_api::privasi::{AksesData, AksesQuery, DataSaya};
use utoipa_actix_web::service_config::ServiceConfig;

use super::{TAG, akses, data_saya};
use crate::auth::{RequirePermission, Viewer, perm};
use crate::employees::log_akses;
use crate::error::{AppError, AppResult};
use crate::extract::{RequestMeta, ValidatedQuery};
use crate::problems::{BadRequest, Forbidden, Invalid, NotFound, Unauthorized};
use crate::state::AppState;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/saya")
            .service(data_json)
            .service(data_pdf),
    )
    .service(
        utoipa_actix_web::scope("/privasi")
            .service(akses_csv)
            .service(akses_daftar),
    );
}

/// Records built at once by one server. Each holds a person's whole history in memory (a few
/// MB with a long audit trail) until it is written out, and sixteen downloads at once made
/// the server's peak memory (docs/performance.md, "Memory"); the others wait their turn.
static GILIRAN: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// The record and the turn that must be held until it is written out.
async fn kumpulkan(
    state: &AppState,
    viewer: &Viewer,
    meta: &RequestMeta,
) -> AppResult<(DataSaya, tokio::sync::SemaphorePermit<'static>)> {
    let giliran = GILIRAN
        .acquire()
        .await
        .map_err(|e| AppError::Unexpected(e.into()))?;
    let data = data_saya::kumpulkan(&state.db, viewer).await?;
    log_akses::catat_data_saya(&state.db, viewer, data.pegawai.id, meta).await?;
    Ok((data, giliran))
}

/// My data (JSON)
///
/// Everything Kinerja holds about the signed-in employee — the employee record, account,
/// positions, SKPs with their RHK and indicators, realisasi, evaluations and predikat,
/// objections, development and talent records — and the record of its processing: who read
/// the full record (the access log) and who changed what (the audit trail). UU 27/2022
/// Pasal 32. Only one's own: there is no parameter naming a person. 404 for an account
/// without an employee record. The download is logged (`jenis: data_saya`).
#[utoipa::path(
    tag = TAG,
    responses((status = 200, body = DataSaya), Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/data")]
async fn data_json(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
) -> AppResult<HttpResponse> {
    let (data, giliran) = kumpulkan(&state, &viewer, &meta).await?;
    let response = HttpResponse::Ok()
        .insert_header((
            "Content-Disposition",
            format!(
                "attachment; filename=\"data-saya-{}.json\"",
                data.pegawai.nip
            ),
        ))
        .insert_header(("Cache-Control", "no-store"))
        .json(data);
    drop(giliran);
    Ok(response)
}

/// My data (PDF)
///
/// The same content as `GET /api/v1/saya/data`, as a readable document. Logged likewise.
#[utoipa::path(
    tag = TAG,
    responses(
        (status = 200, description = "PDF document", content_type = "application/pdf", body = Vec<u8>),
        Unauthorized,
        NotFound
    ),
    security(("bearer" = []))
)]
#[get("/data.pdf")]
async fn data_pdf(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
) -> AppResult<HttpResponse> {
    let (data, giliran) = kumpulkan(&state, &viewer, &meta).await?;
    let filename = format!("data-saya-{}.pdf", data.pegawai.nip);
    let bytes =
        crate::telemetry::spawn_blocking_with_tracing(move || super::pdf::render(&data)).await??;
    drop(giliran);
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{filename}\""),
        ))
        .insert_header(("Cache-Control", "no-store"))
        .body(bytes))
}

/// Reads of personal data
///
/// Which accounts read which people's full records, newest first, filtered by period
/// (`dari`, `sampai`), account, person and kind: for the breach notice of UU 27/2022 Pasal 46
/// (3×24 hours). For the HR office (admin, superadmin) and the auditor; others get 403.
#[utoipa::path(
    tag = TAG,
    params(AksesQuery),
    responses((status = 200, body = Page<AksesData>), BadRequest, Invalid, Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[get("/akses")]
async fn akses_daftar(
    state: Data<AppState>,
    _auth: RequirePermission<perm::ReadAudit>,
    ValidatedQuery(q): ValidatedQuery<AksesQuery>,
) -> AppResult<Json<Page<AksesData>>> {
    Ok(Json(akses::daftar(&state.db, q).await?))
}

/// Reads of personal data (CSV)
///
/// The same listing as `GET /api/v1/privasi/akses` with the same filters, unpaged (at most
/// 100 000 rows: a longer period is 422, to be split), as CSV for the breach notice.
#[utoipa::path(
    tag = TAG,
    params(AksesQuery),
    responses(
        (status = 200, description = "CSV, UTF-8", content_type = "text/csv", body = String),
        BadRequest, Invalid, Unauthorized, Forbidden
    ),
    security(("bearer" = []))
)]
#[get("/akses.csv")]
async fn akses_csv(
    state: Data<AppState>,
    _auth: RequirePermission<perm::ReadAudit>,
    ValidatedQuery(q): ValidatedQuery<AksesQuery>,
) -> AppResult<HttpResponse> {
    let page = akses::daftar(
        &state.db,
        AksesQuery {
            page: Some(1),
            per_page: Some(1),
            ..q.clone()
        },
    )
    .await?;
    if page.total > akses::CSV_MAKS {
        return Err(AppError::field(
            "sampai",
            kinerja_api::Pesan::AksesTerlaluBanyak {
                jumlah: page.total.to_string(),
                maks: akses::CSV_MAKS.to_string(),
            },
        ));
    }
    let bytes = akses::csv(&state.db, &q).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            "attachment; filename=\"akses-data-pribadi.csv\"",
        ))
        .insert_header(("Cache-Control", "no-store"))
        .body(bytes))
}
