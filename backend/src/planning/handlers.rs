//! HTTP handlers for `/api/v1/periods` and `/api/v1/skp`.

use actix_web::web::{Data, Json, Path};
use actix_web::{HttpResponse, get, post, put};
use kinerja_api::planning::{
    ApproveSkp, CreatePeriode, CreateSkp, DiffQuery, MineQuery, Periode, PeriodeAction,
    PeriodeQuery, ReasonedAction, ReturnSkp, Rhk, Skp, SkpChange, SkpQuery, SkpSummary, SkpVersion,
    StatusPeriode, SubmitSkp, UpdateSkp,
};
use kinerja_api::planning::{BawahanQuery, DaftarBawahan};
use kinerja_api::planning::{
    DistributeRhk, DistributionResult, Pohon, PohonQuery, SaveSkpTemplate, SkpTemplate,
    TemplateQuery, UpdateSkpTemplate,
};
use kinerja_api::{Page, PageQuery};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{TAG, bawahan, daftar, pdf, penetapan, periods, pohon, riwayat, skp, templates};
use crate::auth::Viewer;
use crate::auth::{AuthUser, RequirePermission, perm};
use crate::bacaan::Bacaan;
use crate::error::AppResult;
use crate::extract::{RequestMeta, ValidatedJson, ValidatedQuery};
use crate::problems::{BadRequest, Forbidden, Invalid, JsonBodyProblems, NotFound, Unauthorized};
use crate::state::AppState;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/skp-templates")
            .service(list_templates)
            .service(create_template)
            .service(get_template)
            .service(update_template),
    )
    .service(
        utoipa_actix_web::scope("/periods")
            .service(list_periods)
            .service(create_period)
            .service(open_period)
            .service(close_period),
    );
}

/// The SKP's own operations under `/skp` (other features add theirs to the same scope, see
/// `routes.rs`). Literal segments come before `/{id}`.
pub fn skp_routes(cfg: &mut ServiceConfig) {
    cfg.service(list_skp)
        .service(skp_inbox)
        .service(skp_bawahan)
        .service(my_skp)
        .service(create_skp)
        .service(get_skp)
        .service(update_skp)
        .service(submit_skp)
        .service(approve_skp)
        .service(return_skp)
        .service(revise_skp)
        .service(reopen_skp)
        .service(skp_versions)
        .service(skp_diff)
        .service(skp_pdf)
        .service(skp_tree)
        .service(distribute_rhk)
        .service(superior_rhk);
}

/// List performance periods
#[utoipa::path(tag = TAG, params(PeriodeQuery), responses((status = 200, body = Vec<Periode>), Invalid, Unauthorized), security(("bearer" = [])))]
#[get("")]
async fn list_periods(
    state: Data<AppState>,
    _user: AuthUser,
    ValidatedQuery(q): ValidatedQuery<PeriodeQuery>,
) -> AppResult<Json<Vec<Periode>>> {
    Ok(Json(periods::list(&state.db, q.instansi_id).await?))
}

/// Create a performance period
///
/// One per instansi and year (default 1 January – 31 December), created as `draft`.
#[utoipa::path(
    tag = TAG,
    request_body = CreatePeriode,
    responses((status = 201, body = Periode), JsonBodyProblems, Unauthorized, Forbidden, (status = 409, description = "The year exists", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("")]
async fn create_period(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<CreatePeriode>,
) -> AppResult<HttpResponse> {
    let dto = periods::create(&state.db, Some(actor.id), body, &meta).await?;
    Ok(HttpResponse::Created().json(dto))
}

/// Open a period
///
/// From `draft` (or reopening `ditutup`, with a reason): SKP can be started.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Period id")),
    request_body = PeriodeAction,
    responses((status = 200, body = Periode), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Not allowed from the current status, or a stale `lock_version`", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/open")]
async fn open_period(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<PeriodeAction>,
) -> AppResult<Json<Periode>> {
    Ok(Json(
        periods::transition(
            &state.db,
            Some(actor.id),
            id.into_inner(),
            StatusPeriode::Dibuka,
            body,
            &meta,
        )
        .await?,
    ))
}

/// Close a period
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Period id")),
    request_body = PeriodeAction,
    responses((status = 200, body = Periode), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Not allowed from the current status, or a stale `lock_version`", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/close")]
async fn close_period(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<PeriodeAction>,
) -> AppResult<Json<Periode>> {
    Ok(Json(
        periods::transition(
            &state.db,
            Some(actor.id),
            id.into_inner(),
            StatusPeriode::Ditutup,
            body,
            &meta,
        )
        .await?,
    ))
}

/// List SKP
///
/// Admins and auditors see all; everyone else their own and those they rate.
#[utoipa::path(tag = TAG, params(PageQuery, SkpQuery), responses((status = 200, body = Page<SkpSummary>), Invalid, Unauthorized), security(("bearer" = [])))]
#[get("")]
async fn list_skp(
    state: Data<AppState>,
    viewer: Viewer,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    ValidatedQuery(q): ValidatedQuery<SkpQuery>,
) -> AppResult<Json<Page<SkpSummary>>> {
    Ok(Json(
        daftar::list(&state.db, &viewer, q, false, page).await?,
    ))
}

/// SKP waiting for my decision
///
/// Subordinates' SKP submitted to the signed-in Pejabat Penilai Kinerja.
#[utoipa::path(tag = TAG, params(PageQuery, SkpQuery), responses((status = 200, body = Page<SkpSummary>), Invalid, Unauthorized), security(("bearer" = [])))]
#[get("/inbox")]
async fn skp_inbox(
    state: Data<AppState>,
    viewer: Viewer,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    ValidatedQuery(q): ValidatedQuery<SkpQuery>,
) -> AppResult<Json<Page<SkpSummary>>> {
    let db = Bacaan::ambil(&state).await?;
    Ok(Json(daftar::list(&db, &viewer, q, true, page).await?))
}

/// My subordinates and where they stand
///
/// The employees the signed-in official rates today as Pejabat Penilai Kinerja (`langsung`)
/// and, as Atasan PPKin, those rated by the officials they lead: name, NIP and position, the
/// latest SKP version and its status, the SKP in force, evidence not yet checked, indicators
/// without realisasi in the last ended sub-period and that sub-period's evaluation. Empty for
/// accounts without an employee record.
#[utoipa::path(tag = TAG, params(BawahanQuery), responses((status = 200, body = DaftarBawahan), Invalid, Unauthorized), security(("bearer" = [])))]
#[get("/bawahan")]
async fn skp_bawahan(
    state: Data<AppState>,
    viewer: Viewer,
    ValidatedQuery(q): ValidatedQuery<BawahanQuery>,
) -> AppResult<Json<DaftarBawahan>> {
    Ok(Json(bawahan::list(&state.db, &viewer, q.periode_id).await?))
}

/// My SKP for a period
///
/// The latest version, or 404 when not started yet.
#[utoipa::path(tag = TAG, params(MineQuery), responses((status = 200, body = Skp), Invalid, Unauthorized, NotFound), security(("bearer" = [])))]
#[get("/mine")]
async fn my_skp(
    state: Data<AppState>,
    viewer: Viewer,
    ValidatedQuery(q): ValidatedQuery<MineQuery>,
) -> AppResult<Json<Skp>> {
    skp::mine(&state.db, &viewer, q.periode_id)
        .await?
        .map(Json)
        .ok_or(crate::error::AppError::NotFound("SKP"))
}

/// Start my SKP
///
/// Creates the signed-in employee's SKP for an open period, with the seven BerAKHLAK values
/// and snapshots of the employee, the PPKin and the Atasan PPKin.
#[utoipa::path(
    tag = TAG,
    request_body = CreateSkp,
    responses((status = 201, body = Skp), JsonBodyProblems, Unauthorized, (status = 409, description = "Already started", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("")]
async fn create_skp(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<CreateSkp>,
) -> AppResult<HttpResponse> {
    let dto = skp::create(&state.db, &viewer, body, &meta).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/skp/{}", dto.id)))
        .json(dto))
}

/// Get an SKP
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id")),
    responses((status = 200, body = Skp), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}")]
async fn get_skp(state: Data<AppState>, viewer: Viewer, id: Path<Uuid>) -> AppResult<Json<Skp>> {
    let db = Bacaan::ambil(&state).await?;
    Ok(Json(skp::get(&db, &viewer, id.into_inner()).await?))
}

/// Edit a draft SKP
///
/// Replaces RHK, IKI, pendekatan and lampiran. Owner only, while `draft` or `dikembalikan`.
/// Send the `lock_version` you read: a stale one is refused with 409.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id")),
    request_body = UpdateSkp,
    responses((status = 200, body = Skp), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Stale lock_version or not editable", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[put("/{id}")]
async fn update_skp(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdateSkp>,
) -> AppResult<Json<Skp>> {
    Ok(Json(
        skp::update(&state.db, &viewer, id.into_inner(), body, &meta).await?,
    ))
}

/// Submit an SKP
///
/// To the Pejabat Penilai Kinerja. A JA/JF cannot submit before the PPKin's own SKP for the
/// period is approved ("SKP atasan belum ditetapkan"; the PPKin is notified).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id")),
    request_body = SubmitSkp,
    responses((status = 200, body = Skp), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Stale lock_version or wrong status", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/submit")]
async fn submit_skp(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<SubmitSkp>,
) -> AppResult<Json<Skp>> {
    Ok(Json(
        skp::submit(&state.db, &viewer, id.into_inner(), body, &meta).await?,
    ))
}

/// Approve (menetapkan) an SKP
///
/// By the current Pejabat Penilai Kinerja (or acting official), optionally with ekspektasi
/// khusus per BerAKHLAK value.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id")),
    request_body = ApproveSkp,
    responses((status = 200, body = Skp), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Stale lock_version or wrong status", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/approve")]
async fn approve_skp(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<ApproveSkp>,
) -> AppResult<Json<Skp>> {
    Ok(Json(
        penetapan::approve(&state.db, &viewer, id.into_inner(), body, &meta).await?,
    ))
}

/// Return an SKP
///
/// Back to the employee with a note (required); the employee edits and submits again.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id")),
    request_body = ReturnSkp,
    responses((status = 200, body = Skp), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Stale lock_version or wrong status", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/return")]
async fn return_skp(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<ReturnSkp>,
) -> AppResult<Json<Skp>> {
    Ok(Json(
        penetapan::return_to_owner(&state.db, &viewer, id.into_inner(), body, &meta).await?,
    ))
}

/// RHK that can be intervened
///
/// The RHK of the PPKin's approved SKP for the same period (empty while it is not approved).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id")),
    responses((status = 200, body = Vec<Rhk>), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/superior-rhk")]
async fn superior_rhk(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<Json<Vec<Rhk>>> {
    Ok(Json(
        pohon::superior_rhk(&state.db, &viewer, id.into_inner()).await?,
    ))
}

/// Change an approved SKP (perubahan SKP)
///
/// The owner starts a new version in draft from the latest approved one (after a mutasi, an
/// organisational change, …). The approved version stays in force until the new one is
/// approved, then it is closed; every version stays readable.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id (the latest approved version)")),
    request_body = ReasonedAction,
    responses((status = 201, body = Skp), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Not the latest approved version, or stale", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/revise")]
async fn revise_skp(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<ReasonedAction>,
) -> AppResult<HttpResponse> {
    let dto = riwayat::revise(&state.db, &viewer, id.into_inner(), body, &meta).await?;
    Ok(HttpResponse::Created().json(dto))
}

/// Reopen an approved SKP (admin)
///
/// Back to draft, with a reason; audited and the employee is notified.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id")),
    request_body = ReasonedAction,
    responses((status = 200, body = Skp), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Not approved, or stale", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/reopen")]
async fn reopen_skp(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<ReasonedAction>,
) -> AppResult<Json<Skp>> {
    Ok(Json(
        skp::reopen(&state.db, actor.id, id.into_inner(), body, &meta).await?,
    ))
}

/// Versions of an SKP
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Any version's id")),
    responses((status = 200, body = Vec<SkpVersion>), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/versions")]
async fn skp_versions(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<Json<Vec<SkpVersion>>> {
    Ok(Json(
        riwayat::versions(&state.db, &viewer, id.into_inner()).await?,
    ))
}

/// Compare two versions
///
/// What changed from version `id` to version `with`, path by path.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "The earlier version"), DiffQuery),
    responses((status = 200, body = Vec<SkpChange>), BadRequest, Invalid, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/diff")]
async fn skp_diff(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
    ValidatedQuery(q): ValidatedQuery<DiffQuery>,
) -> AppResult<Json<Vec<SkpChange>>> {
    Ok(Json(
        riwayat::diff(&state.db, &viewer, id.into_inner(), q.with).await?,
    ))
}

/// SKP as PDF
///
/// The official layout on A4: header, the employee and the Pejabat Penilai Kinerja as they were
/// when the SKP was set, RHK/IKI/target, perilaku kerja with ekspektasi khusus, lampiran and
/// signature blocks.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id")),
    responses((status = 200, description = "PDF document", content_type = "application/pdf", body = Vec<u8>), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/pdf")]
async fn skp_pdf(state: Data<AppState>, viewer: Viewer, id: Path<Uuid>) -> AppResult<HttpResponse> {
    let document = pdf::document(&state.db, &viewer, id.into_inner()).await?;
    let filename = format!(
        "SKP-{}-{}-v{}.pdf",
        document.skp.pegawai.nip.replace(' ', ""),
        document.skp.tahun,
        document.skp.versi
    );
    let bytes =
        crate::telemetry::spawn_blocking_with_tracing(move || super::pdf::render(&document))
            .await??;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{filename}\""),
        ))
        .insert_header(("Cache-Control", "no-store"))
        .body(bytes))
}

/// Pohon kinerja
///
/// The cascade below this SKP: each RHK with the subordinates' RHK that intervene it, down the
/// hierarchy to `kedalaman` levels (each RHK at the last level counts in `turunan_lain` those
/// left out), and the direct subordinates' RHK utama that intervene nothing of it (`yatim`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id"), PohonQuery),
    responses((status = 200, body = Pohon), BadRequest, Invalid, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/tree")]
async fn skp_tree(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
    ValidatedQuery(q): ValidatedQuery<PohonQuery>,
) -> AppResult<Json<Pohon>> {
    let depth = q.kedalaman.unwrap_or(PohonQuery::MAKS);
    Ok(Json(
        pohon::tree(&state.db, &viewer, id.into_inner(), depth).await?,
    ))
}

/// Hand an RHK down (Matriks Peran Hasil)
///
/// The owner of an approved SKP gives one of its RHK to direct subordinates in one action: each
/// gets an RHK utama intervening it, with the suggested IKI, in their draft (started for them if
/// needed). Submitted or approved SKP are reported and left alone.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "The superior's approved SKP")),
    request_body = DistributeRhk,
    responses((status = 200, body = Vec<DistributionResult>), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "The SKP is not approved", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/distribute")]
async fn distribute_rhk(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<DistributeRhk>,
) -> AppResult<Json<Vec<DistributionResult>>> {
    Ok(Json(
        pohon::distribute(&state.db, &viewer, id.into_inner(), body, &meta).await?,
    ))
}

/// List SKP templates
///
/// With `jabatan_id`: the templates for that position and the general ones.
#[utoipa::path(tag = TAG, params(TemplateQuery), responses((status = 200, body = Vec<SkpTemplate>), Invalid, Unauthorized), security(("bearer" = [])))]
#[get("")]
async fn list_templates(
    state: Data<AppState>,
    _user: AuthUser,
    ValidatedQuery(q): ValidatedQuery<TemplateQuery>,
) -> AppResult<Json<Vec<SkpTemplate>>> {
    Ok(Json(templates::list(&state.db, q).await?))
}

/// Get an SKP template
#[utoipa::path(tag = TAG, params(("id" = Uuid, Path, description = "Template id")), responses((status = 200, body = SkpTemplate), BadRequest, Unauthorized, NotFound), security(("bearer" = [])))]
#[get("/{id}")]
async fn get_template(
    state: Data<AppState>,
    _user: AuthUser,
    id: Path<Uuid>,
) -> AppResult<Json<SkpTemplate>> {
    Ok(Json(templates::get(&state.db, id.into_inner()).await?))
}

/// Create an SKP template (HR office)
#[utoipa::path(tag = TAG, request_body = SaveSkpTemplate, responses((status = 201, body = SkpTemplate), JsonBodyProblems, Unauthorized, Forbidden), security(("bearer" = [])))]
#[post("")]
async fn create_template(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<SaveSkpTemplate>,
) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Created().json(templates::create(&state.db, actor.id, body, &meta).await?))
}

/// Replace an SKP template (HR office)
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Template id")),
    request_body = UpdateSkpTemplate,
    responses((status = 200, body = SkpTemplate), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "A stale `lock_version`: someone else changed the template", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[put("/{id}")]
async fn update_template(
    state: Data<AppState>,
    RequirePermission(actor, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdateSkpTemplate>,
) -> AppResult<Json<SkpTemplate>> {
    Ok(Json(
        templates::replace(&state.db, actor.id, id.into_inner(), body, &meta).await?,
    ))
}
