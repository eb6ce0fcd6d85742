//! HTTP handlers of evaluation. The SKP-level routes are mounted in the `/api/v1/skp` scope and
//! the unit-level ones in `/api/v1/units`; the evaluation's own actions live under
//! `/api/v1/evaluasi/{id}`.

use actix_web::web::{Data, Json, Path, Payload};
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, put};
use kinerja_api::organisation::{Jenjang, JenjangInfo};
use kinerja_api::penilaian::{
    AjukanKeberatan, AngkaKredit, CheckinPerbaikan, CreatePelatihan, DistribusiQuery,
    DistribusiUnit, DokumenEvaluasi, EvaluasiQuery, EvaluasiView, JelaskanKeberatan,
    KoreksiEvaluasi, LampiranKeberatan, Pelatihan, PelatihanQuery, PredikatOrganisasiUnit,
    PutuskanKeberatan, SetKoefisien, SimpanEvaluasi, SimpanRencanaPerbaikan,
    TetapkanPredikatOrganisasi, UpdatePelatihan, VerifikasiDokumen,
};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{
    TAG, document, halaman, katalog, keberatan, kredit, lampiran, organisasi, penilaian, perbaikan,
};
use crate::auth::{AuthUser, RequirePermission, perm};
use crate::auth::{Viewer, ViewerWith};
use crate::bacaan::Bacaan;
use crate::error::{AppError, AppResult};
use crate::extract::{RequestMeta, ValidatedJson, ValidatedQuery, read_named_upload};
use crate::problems::{BadRequest, Forbidden, Invalid, JsonBodyProblems, NotFound, Unauthorized};
use crate::state::AppState;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/evaluasi")
            .service(daftar_penilaian)
            .service(koreksi)
            .service(ajukan_keberatan)
            .service(jelaskan_keberatan)
            .service(putuskan_keberatan)
            .service(lampirkan_keberatan)
            .service(simpan_rencana)
            .service(checkin)
            .service(buat_dokumen)
            .service(daftar_dokumen),
    )
    .service(
        utoipa_actix_web::scope("/pelatihan")
            .service(daftar_pelatihan)
            .service(tambah_pelatihan)
            .service(ubah_pelatihan),
    )
    .service(utoipa_actix_web::scope("/predikat-organisasi").service(daftar_organisasi))
    .service(utoipa_actix_web::scope("/jenjang").service(atur_koefisien))
    .service(
        utoipa_actix_web::scope("/lampiran-keberatan")
            .service(unduh_lampiran)
            .service(hapus_lampiran),
    )
    .service(utoipa_actix_web::scope("/dokumen").service(unduh_dokumen))
    .service(utoipa_actix_web::scope("/verifikasi").service(verifikasi_api));
}

/// The evaluation of one SKP, under `/skp`.
pub fn skp_routes(cfg: &mut ServiceConfig) {
    cfg.service(get_evaluasi)
        .service(simpan_evaluasi)
        .service(tetapkan_evaluasi)
        .service(angka_kredit);
}

/// Outside the API: the page a QR code on a printed document opens.
pub fn public_routes(cfg: &mut ServiceConfig) {
    cfg.service(verifikasi_page);
}

/// Evaluation page of an SKP
///
/// The evaluation of `periode_ke` (0 = the year) if any, the system's suggested ratings from
/// capaian and feedback (the PPKin decides), the unit's organisation predikat with the
/// distribution quota, the objection, the improvement plan and the version history.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id"), EvaluasiQuery),
    responses((status = 200, body = EvaluasiView), BadRequest, Invalid, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/evaluasi")]
pub async fn get_evaluasi(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
    ValidatedQuery(q): ValidatedQuery<EvaluasiQuery>,
) -> AppResult<Json<EvaluasiView>> {
    let k = state.kebijakan;
    let db = Bacaan::mulai(&state).await?;
    Ok(Json(
        halaman::view(&db, k, &viewer, id.into_inner(), q.periode_ke).await?,
    ))
}

/// Save ratings (PPKin, draft)
///
/// Rating hasil kerja and perilaku kerja with notes; the predikat follows from the kuadran.
/// For a unit head with an organisation predikat, rating hasil kerja follows it.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id"), EvaluasiQuery),
    request_body = SimpanEvaluasi,
    responses((status = 200, body = EvaluasiView), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "SKP not approved, or the evaluation is set", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[put("/{id}/evaluasi")]
pub async fn simpan_evaluasi(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedQuery(q): ValidatedQuery<EvaluasiQuery>,
    ValidatedJson(body): ValidatedJson<SimpanEvaluasi>,
) -> AppResult<Json<EvaluasiView>> {
    let k = state.kebijakan;
    Ok(Json(
        penilaian::save(
            &state.db,
            k,
            &viewer,
            id.into_inner(),
            q.periode_ke,
            body,
            &meta,
        )
        .await?,
    ))
}

/// Set the evaluation (PPKin)
///
/// Makes the saved ratings final (immutable except by objection or admin correction), opens
/// the objection window, notifies the employee and opens an improvement plan for a low result.
/// The distribution pattern is a warning unless `KINERJA_DISTRIBUSI_BLOKIR` is on (then 409).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id"), EvaluasiQuery),
    responses((status = 200, body = EvaluasiView), BadRequest, Invalid, Unauthorized, Forbidden, NotFound, (status = 409, description = "Already set, or the distribution pattern blocks it", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/evaluasi/tetapkan")]
pub async fn tetapkan_evaluasi(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedQuery(q): ValidatedQuery<EvaluasiQuery>,
) -> AppResult<Json<EvaluasiView>> {
    let k = state.kebijakan;
    Ok(Json(
        penilaian::tetapkan(&state.db, k, &viewer, id.into_inner(), q.periode_ke, &meta).await?,
    ))
}

/// Angka kredit (JF)
///
/// Per set evaluation: percent of the predikat × the jenjang's yearly coefficient × months/12.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "SKP id")),
    responses((status = 200, body = AngkaKredit), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/angka-kredit")]
pub async fn angka_kredit(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<Json<AngkaKredit>> {
    Ok(Json(
        kredit::angka_kredit(&state.db, &viewer, id.into_inner()).await?,
    ))
}

/// Correct a set evaluation (admin)
///
/// New ratings with a reason; audited, and the previous value stays in the history.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Evaluation id")),
    request_body = KoreksiEvaluasi,
    responses((status = 200, body = EvaluasiView), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Not set yet", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/koreksi")]
pub async fn koreksi(
    state: Data<AppState>,
    ViewerWith(viewer, _): ViewerWith<perm::ManageOrganisation>,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<KoreksiEvaluasi>,
) -> AppResult<Json<EvaluasiView>> {
    let k = state.kebijakan;
    Ok(Json(
        penilaian::koreksi(&state.db, k, &viewer, id.into_inner(), body, &meta).await?,
    ))
}

/// Evaluations to give (the PPKin's and Atasan PPKin's work list)
///
/// For the period's sub-period `periode_ke` (0 = the year): the evaluation page of every
/// employee the viewer rates today as PPKin, and of those whose objection the viewer decides as
/// Atasan PPKin, sorted by name. Empty for a user without an employee record.
#[utoipa::path(
    tag = TAG,
    params(DistribusiQuery),
    responses((status = 200, body = Vec<EvaluasiView>), BadRequest, Invalid, Unauthorized),
    security(("bearer" = []))
)]
#[get("")]
pub async fn daftar_penilaian(
    state: Data<AppState>,
    viewer: Viewer,
    ValidatedQuery(q): ValidatedQuery<DistribusiQuery>,
) -> AppResult<Json<Vec<EvaluasiView>>> {
    let k = state.kebijakan;
    let db = Bacaan::mulai(&state).await?;
    Ok(Json(halaman::daftar_penilaian(&db, k, &viewer, &q).await?))
}

/// Object to an evaluation (the employee)
///
/// Within the window after it was set (the period's `jendela_keberatan_hari`, 14 days by
/// default); outside it, 422.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Evaluation id")),
    request_body = AjukanKeberatan,
    responses((status = 200, body = EvaluasiView), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Not set, or already objected", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/keberatan")]
pub async fn ajukan_keberatan(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<AjukanKeberatan>,
) -> AppResult<Json<EvaluasiView>> {
    let k = state.kebijakan;
    Ok(Json(
        keberatan::ajukan_keberatan(&state.db, k, &viewer, id.into_inner(), body, &meta).await?,
    ))
}

/// Explain an objected evaluation (PPKin)
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Evaluation id")),
    request_body = JelaskanKeberatan,
    responses((status = 200, body = EvaluasiView), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "No objection waiting for an explanation", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/keberatan/penjelasan")]
pub async fn jelaskan_keberatan(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<JelaskanKeberatan>,
) -> AppResult<Json<EvaluasiView>> {
    let k = state.kebijakan;
    Ok(Json(
        keberatan::jelaskan_keberatan(&state.db, k, &viewer, id.into_inner(), body, &meta).await?,
    ))
}

/// Decide an objection (Atasan PPKin)
///
/// `tetap` or `diubah` with the new ratings; final. The original result stays in the history.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Evaluation id")),
    request_body = PutuskanKeberatan,
    responses((status = 200, body = EvaluasiView), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Not explained yet, or already decided", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/keberatan/keputusan")]
pub async fn putuskan_keberatan(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<PutuskanKeberatan>,
) -> AppResult<Json<EvaluasiView>> {
    let k = state.kebijakan;
    Ok(Json(
        keberatan::putuskan_keberatan(&state.db, k, &viewer, id.into_inner(), body, &meta).await?,
    ))
}

/// Attach a file to an objection (the employee)
///
/// `multipart/form-data` with the field `file`: PDF, JPEG, PNG, XLSX or DOCX, recognised by
/// content (415 otherwise), at most `KINERJA_MAX_UPLOAD_BYTES` (413 above), at most five per
/// objection (422 on `file`). Only until the PPKin explains (409 after).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Evaluation id")),
    request_body(content = inline(crate::extract::FileUpload), content_type = "multipart/form-data"),
    responses((status = 201, body = LampiranKeberatan), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "No objection, or already explained", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/keberatan/lampiran")]
pub async fn lampirkan_keberatan(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    req: HttpRequest,
    payload: Payload,
    id: Path<Uuid>,
) -> AppResult<HttpResponse> {
    let file = read_named_upload(&req, payload, state.settings.max_upload_bytes).await?;
    let dto = lampiran::upload(
        &state.db,
        &state.storage,
        &viewer,
        id.into_inner(),
        file,
        &meta,
    )
    .await?;
    Ok(HttpResponse::Created().json(dto))
}

/// Download an objection attachment
///
/// For the employee, the PPKin, the Atasan PPKin and other readers of the SKP; as an
/// attachment with `X-Content-Type-Options: nosniff`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Attachment id")),
    responses((status = 200, description = "The stored file", content_type = "application/octet-stream", body = Vec<u8>), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}")]
pub async fn unduh_lampiran(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<HttpResponse> {
    let (name, mime, bytes) =
        lampiran::download(&state.db, &state.storage, &viewer, id.into_inner()).await?;
    Ok(crate::uploads::attachment(&name, &mime, bytes))
}

/// Remove an objection attachment (the employee, before the explanation)
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Attachment id")),
    responses((status = 204, description = "Removed with its file"), BadRequest, Unauthorized, Forbidden, NotFound, (status = 409, description = "Already explained", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[delete("/{id}")]
pub async fn hapus_lampiran(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
) -> AppResult<HttpResponse> {
    lampiran::remove(&state.db, &state.storage, &viewer, id.into_inner(), &meta).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Write the improvement plan (PPKin)
///
/// Advice, concrete actions with due dates and recommended trainings; check-ins are kept.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Evaluation id")),
    request_body = SimpanRencanaPerbaikan,
    responses((status = 200, body = EvaluasiView), JsonBodyProblems, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[put("/{id}/rencana-perbaikan")]
pub async fn simpan_rencana(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<SimpanRencanaPerbaikan>,
) -> AppResult<Json<EvaluasiView>> {
    let k = state.kebijakan;
    Ok(Json(
        perbaikan::simpan_rencana(&state.db, k, &viewer, id.into_inner(), body, &meta).await?,
    ))
}

/// Check in on the improvement plan (employee or PPKin)
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Evaluation id")),
    request_body = CheckinPerbaikan,
    responses((status = 200, body = EvaluasiView), JsonBodyProblems, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[post("/{id}/rencana-perbaikan/checkin")]
pub async fn checkin(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<CheckinPerbaikan>,
) -> AppResult<Json<EvaluasiView>> {
    let k = state.kebijakan;
    Ok(Json(
        perbaikan::checkin(&state.db, k, &viewer, id.into_inner(), body, &meta).await?,
    ))
}

/// Set a unit's organisation predikat
///
/// By the pimpinan of the unit above (or the HR admin), for a period's sub-period or the year
/// (`periode_ke` 0), with its basis. Returns the unit's distribution pattern.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Unit id")),
    request_body = TetapkanPredikatOrganisasi,
    responses((status = 200, body = DistribusiUnit), JsonBodyProblems, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[put("/{id}/predikat-organisasi")]
pub async fn tetapkan_organisasi(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<TetapkanPredikatOrganisasi>,
) -> AppResult<Json<DistribusiUnit>> {
    let k = state.kebijakan;
    Ok(Json(
        organisasi::tetapkan_organisasi(&state.db, k, &viewer, id.into_inner(), body, &meta)
            .await?,
    ))
}

/// Organisation predikat of a period, per unit
///
/// Every unit the viewer sees (all units of the period's instansi for readers of all
/// employees, else the pimpinan's unit and those below it), in tree order, with its predikat
/// for `periode_ke` (0 = the year) and whether the viewer may set it.
#[utoipa::path(
    tag = TAG,
    params(DistribusiQuery),
    responses((status = 200, body = Vec<PredikatOrganisasiUnit>), BadRequest, Invalid, Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[get("")]
pub async fn daftar_organisasi(
    state: Data<AppState>,
    viewer: Viewer,
    ValidatedQuery(q): ValidatedQuery<DistribusiQuery>,
) -> AppResult<Json<Vec<PredikatOrganisasiUnit>>> {
    Ok(Json(
        organisasi::daftar_organisasi(&state.db, &viewer, &q).await?,
    ))
}

/// Format Penetapan Predikat Kinerja of a unit
///
/// The organisation predikat, the distribution pattern with its rounding explained, the quota
/// and the actual spread of the set employee predikat, and the rules they break.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Unit id"), DistribusiQuery),
    responses((status = 200, body = DistribusiUnit), BadRequest, Invalid, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/penetapan-predikat")]
pub async fn penetapan(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
    ValidatedQuery(q): ValidatedQuery<DistribusiQuery>,
) -> AppResult<Json<DistribusiUnit>> {
    let k = state.kebijakan;
    Ok(Json(
        organisasi::penetapan(
            &state.db,
            k,
            &viewer,
            id.into_inner(),
            q.periode_id,
            q.periode_ke,
        )
        .await?,
    ))
}

/// Make the Dokumen Evaluasi Kinerja
///
/// A numbered PDF of a set evaluation (blocks for the employee, the PPKin and the Atasan PPKin
/// from the SKP's snapshots, the organisation result, the predikat, notes, the objection and
/// its decision, signature blocks) with a QR code to `/verifikasi/{kode}`. Stored with its
/// SHA-256. Made by the employee, the PPKin and Atasan PPKin, and the HR office; other
/// readers of the SKP (auditor, pimpinan) get 403.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Evaluation id")),
    responses((status = 201, body = DokumenEvaluasi), BadRequest, Unauthorized, Forbidden, NotFound, (status = 409, description = "The evaluation is not set", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/dokumen")]
pub async fn buat_dokumen(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
) -> AppResult<HttpResponse> {
    let doc = document::generate(
        &state.db,
        &state.storage,
        &state.settings.public_url,
        &viewer,
        id.into_inner(),
        &meta,
    )
    .await?;
    Ok(HttpResponse::Created().json(doc))
}

/// Documents of an evaluation
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Evaluation id")),
    responses((status = 200, body = Vec<DokumenEvaluasi>), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/dokumen")]
pub async fn daftar_dokumen(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<Json<Vec<DokumenEvaluasi>>> {
    Ok(Json(
        document::list(&state.db, &viewer, id.into_inner()).await?,
    ))
}

/// Download a Dokumen Evaluasi Kinerja
///
/// The stored PDF, as an attachment, for readers of the SKP.
#[utoipa::path(
    tag = TAG,
    params(("kode" = String, Path, description = "Verification code")),
    responses((status = 200, description = "PDF document", content_type = "application/pdf", body = Vec<u8>), Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{kode}")]
pub async fn unduh_dokumen(
    state: Data<AppState>,
    viewer: Viewer,
    kode: Path<String>,
) -> AppResult<HttpResponse> {
    let (name, bytes) = document::download(&state.db, &state.storage, &viewer, &kode).await?;
    Ok(crate::uploads::attachment(&name, "application/pdf", bytes))
}

/// Verify a document (public)
///
/// Only the number, the name, the period and the predikat, and whether the stored file still
/// matches the hash recorded when it was made. No sign-in.
#[utoipa::path(
    tag = TAG,
    params(("kode" = String, Path, description = "Verification code from the QR")),
    responses((status = 200, body = VerifikasiDokumen), NotFound)
)]
#[get("/{kode}")]
pub async fn verifikasi_api(
    state: Data<AppState>,
    kode: Path<String>,
) -> AppResult<Json<VerifikasiDokumen>> {
    Ok(Json(
        document::verify(&state.db, &state.storage, &kode).await?,
    ))
}

/// Verification page (public, HTML)
///
/// What the QR code on a Dokumen Evaluasi Kinerja opens.
#[utoipa::path(
    tag = TAG,
    params(("kode" = String, Path, description = "Verification code from the QR")),
    responses((status = 200, description = "HTML page", content_type = "text/html"), (status = 404, description = "Unknown code (HTML page)", content_type = "text/html"))
)]
#[get("/verifikasi/{kode}")]
pub async fn verifikasi_page(state: Data<AppState>, kode: Path<String>) -> HttpResponse {
    let found = document::verify(&state.db, &state.storage, &kode).await;
    let (status, html) = match &found {
        Ok(v) => (actix_web::http::StatusCode::OK, document::page(Some(v))),
        Err(_) => (actix_web::http::StatusCode::NOT_FOUND, document::page(None)),
    };
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(html)
}

/// Training catalogue
///
/// The trainings an improvement plan can recommend, by name; only the active ones unless
/// `semua=true`. Every signed-in user may read it.
#[utoipa::path(
    tag = TAG,
    params(PelatihanQuery),
    responses((status = 200, body = Vec<Pelatihan>), BadRequest, Invalid, Unauthorized),
    security(("bearer" = []))
)]
#[get("")]
pub async fn daftar_pelatihan(
    state: Data<AppState>,
    _user: AuthUser,
    ValidatedQuery(q): ValidatedQuery<PelatihanQuery>,
) -> AppResult<Json<Vec<Pelatihan>>> {
    Ok(Json(katalog::list(&state.db, q).await?))
}

/// Add a training to the catalogue
///
/// For the HR office (`manage_organisation`); audited.
#[utoipa::path(
    tag = TAG,
    request_body = CreatePelatihan,
    responses((status = 201, body = Pelatihan), JsonBodyProblems, Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[post("")]
pub async fn tambah_pelatihan(
    state: Data<AppState>,
    RequirePermission(admin, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<CreatePelatihan>,
) -> AppResult<HttpResponse> {
    let created = katalog::create(&state.db, admin.id, body, &meta).await?;
    Ok(HttpResponse::Created().json(created))
}

/// Change a training of the catalogue
///
/// Rename, re-classify, set the JP, or withdraw it (`aktif: false`: plans that name it keep
/// it). For the HR office; audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Training id")),
    request_body = UpdatePelatihan,
    responses((status = 200, body = Pelatihan), JsonBodyProblems, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[patch("/{id}")]
pub async fn ubah_pelatihan(
    state: Data<AppState>,
    RequirePermission(admin, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UpdatePelatihan>,
) -> AppResult<Json<Pelatihan>> {
    Ok(Json(
        katalog::update(&state.db, admin.id, id.into_inner(), body, &meta).await?,
    ))
}

/// Set the angka kredit coefficient of a jenjang
///
/// The yearly koefisien of a jenjang fungsional (seeded with the PerBKN 3/2023 defaults, some
/// unverified), used by `GET /skp/{id}/angka-kredit`. For the HR office; audited. The answer
/// is the jenjang as `GET /reference` lists it.
#[utoipa::path(
    tag = TAG,
    params(("kode" = Jenjang, Path, description = "Jenjang, e.g. `ahli_pertama`")),
    request_body = SetKoefisien,
    responses((status = 200, body = JenjangInfo), JsonBodyProblems, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[put("/{kode}/koefisien-angka-kredit")]
pub async fn atur_koefisien(
    state: Data<AppState>,
    RequirePermission(admin, _): RequirePermission<perm::ManageOrganisation>,
    meta: RequestMeta,
    kode: Path<String>,
    ValidatedJson(body): ValidatedJson<SetKoefisien>,
) -> AppResult<Json<JenjangInfo>> {
    let jenjang = Jenjang::parse(&kode).ok_or(AppError::NotFound("Jenjang"))?;
    Ok(Json(
        katalog::set_koefisien(&state.db, admin.id, jenjang, body, &meta).await?,
    ))
}
