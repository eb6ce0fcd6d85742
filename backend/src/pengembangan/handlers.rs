//! HTTP routes of competency development under `/api/v1/pengembangan`: thin handlers over the
//! services of this module.

use actix_web::web::{Data, Json, Path, Payload};
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post};
use kinerja_api::pengembangan::{
    AnggotaTimJp, BuatCatatan, BuatKebutuhan, BuatKompetensi, CatatanPengembangan, FilterCatatan,
    FilterKebutuhan, HapusDenganVersi, JpQuery, Kebutuhan, KepatuhanJp, KepatuhanQuery, Kompetensi,
    KompetensiQuery, PutuskanKebutuhan, RingkasanJp, TahunQuery, UbahKompetensi, VerifikasiCatatan,
};
use kinerja_api::{Page, PageQuery};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{TAG, akses, catatan, jp, kebutuhan, kompetensi};
use crate::auth::{Viewer, ViewerWith, perm};
use crate::error::AppResult;
use crate::extract::{RequestMeta, ValidatedJson, ValidatedQuery, read_named_upload};
use crate::problems::{BadRequest, Forbidden, Invalid, JsonBodyProblems, NotFound, Unauthorized};
use crate::state::AppState;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/pengembangan")
            .service(daftar_kompetensi)
            .service(buat_kompetensi)
            .service(ubah_kompetensi)
            .service(daftar_kebutuhan)
            .service(buat_kebutuhan)
            .service(putuskan_kebutuhan)
            .service(hapus_kebutuhan)
            .service(daftar_catatan)
            .service(buat_catatan)
            .service(hapus_catatan)
            .service(unggah_sertifikat)
            .service(unduh_sertifikat)
            .service(verifikasi_catatan)
            .service(ringkasan_jp)
            .service(tim_jp)
            .service(kepatuhan_jp),
    );
}

const CONFLICT: &str = "A stale `lock_version`, or the record was already decided";

/// The competency list
///
/// The instansi's competencies by group and name, for everyone signed in (needs name them).
#[utoipa::path(
    tag = TAG,
    params(KompetensiQuery),
    responses((status = 200, body = Vec<Kompetensi>), BadRequest, Invalid, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/kompetensi")]
pub async fn daftar_kompetensi(
    state: Data<AppState>,
    viewer: Viewer,
    ValidatedQuery(q): ValidatedQuery<KompetensiQuery>,
) -> AppResult<Json<Vec<Kompetensi>>> {
    let instansi = akses::instansi(&state.db, &viewer, q.instansi_id).await?;
    Ok(Json(
        kompetensi::list(&state.db, instansi, q.semua.unwrap_or(false)).await?,
    ))
}

/// Add a competency
///
/// For the HR office (`manage_organisation`), to its instansi; audited.
#[utoipa::path(
    tag = TAG,
    params(("instansi_id" = Option<Uuid>, Query, description = "The instansi; the viewer's own when left out")),
    request_body = BuatKompetensi,
    responses((status = 201, body = Kompetensi), JsonBodyProblems, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[post("/kompetensi")]
pub async fn buat_kompetensi(
    state: Data<AppState>,
    ViewerWith(viewer, _): ViewerWith<perm::ManageOrganisation>,
    meta: RequestMeta,
    ValidatedQuery(q): ValidatedQuery<KompetensiQuery>,
    ValidatedJson(body): ValidatedJson<BuatKompetensi>,
) -> AppResult<HttpResponse> {
    let instansi = akses::instansi(&state.db, &viewer, q.instansi_id).await?;
    let created = kompetensi::create(&state.db, &viewer, instansi, body, &meta).await?;
    Ok(HttpResponse::Created().json(created))
}

/// Change a competency
///
/// Rename, regroup, link a BerAKHLAK value, or retire it (`aktif: false`; needs that name it
/// keep it). For the HR office; names the `lock_version` it is based on; audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Competency id"), ("instansi_id" = Option<Uuid>, Query, description = "The instansi; the viewer's own when left out")),
    request_body = UbahKompetensi,
    responses((status = 200, body = Kompetensi), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Stale `lock_version`", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[patch("/kompetensi/{id}")]
pub async fn ubah_kompetensi(
    state: Data<AppState>,
    ViewerWith(viewer, _): ViewerWith<perm::ManageOrganisation>,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedQuery(q): ValidatedQuery<KompetensiQuery>,
    ValidatedJson(body): ValidatedJson<UbahKompetensi>,
) -> AppResult<Json<Kompetensi>> {
    let instansi = akses::instansi(&state.db, &viewer, q.instansi_id).await?;
    Ok(Json(
        kompetensi::update(&state.db, &viewer, instansi, id.into_inner(), body, &meta).await?,
    ))
}

/// Development needs
///
/// One employee's (for them, their PPKin, the HR office and the pimpinan of their unit), the
/// viewer's team's (`tim=true`, as PPKin), or the viewer's own; newest first. Someone outside
/// those gets 404.
#[utoipa::path(
    tag = TAG,
    params(PageQuery, FilterKebutuhan),
    responses((status = 200, body = Page<Kebutuhan>), BadRequest, Invalid, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/kebutuhan")]
pub async fn daftar_kebutuhan(
    state: Data<AppState>,
    viewer: Viewer,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    ValidatedQuery(f): ValidatedQuery<FilterKebutuhan>,
) -> AppResult<Json<Page<Kebutuhan>>> {
    Ok(Json(kebutuhan::list(&state.db, &viewer, f, page).await?))
}

/// Propose a development need
///
/// By the employee for themself or by their PPKin (the HR office and others get 403, or 404
/// for someone they may not see). Status `diusulkan`; the PPKin is told of an employee's
/// proposal. Audited.
#[utoipa::path(
    tag = TAG,
    request_body = BuatKebutuhan,
    responses((status = 201, body = Kebutuhan), JsonBodyProblems, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[post("/kebutuhan")]
pub async fn buat_kebutuhan(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<BuatKebutuhan>,
) -> AppResult<HttpResponse> {
    let created = kebutuhan::create(&state.db, &viewer, body, &meta).await?;
    Ok(HttpResponse::Created().json(created))
}

/// Agree or reject a need (the PPKin)
///
/// Only the employee's PPKin, only while `diusulkan`. Agreeing needs a competency (given here
/// for a need made from an evaluation); rejecting needs a note the employee reads. Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Need id")),
    request_body = PutuskanKebutuhan,
    responses((status = 200, body = Kebutuhan), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = CONFLICT, body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/kebutuhan/{id}/keputusan")]
pub async fn putuskan_kebutuhan(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<PutuskanKebutuhan>,
) -> AppResult<Json<Kebutuhan>> {
    Ok(Json(
        kebutuhan::putuskan(&state.db, &viewer, id.into_inner(), body, &meta).await?,
    ))
}

/// Delete a proposed need
///
/// By whoever proposed it, while still `diusulkan`. Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Need id"), HapusDenganVersi),
    responses((status = 204, description = "Deleted"), BadRequest, Invalid, Unauthorized, NotFound, (status = 409, description = CONFLICT, body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[delete("/kebutuhan/{id}")]
pub async fn hapus_kebutuhan(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedQuery(q): ValidatedQuery<HapusDenganVersi>,
) -> AppResult<HttpResponse> {
    kebutuhan::delete(&state.db, &viewer, id.into_inner(), q.lock_version, &meta).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Development records
///
/// One employee's (latest first), the viewer's own, or for the HR office with a `status` and
/// no employee, the instansi's verification queue (oldest first).
#[utoipa::path(
    tag = TAG,
    params(PageQuery, FilterCatatan),
    responses((status = 200, body = Page<CatatanPengembangan>), BadRequest, Invalid, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/catatan")]
pub async fn daftar_catatan(
    state: Data<AppState>,
    viewer: Viewer,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    ValidatedQuery(f): ValidatedQuery<FilterCatatan>,
) -> AppResult<Json<Page<CatatanPengembangan>>> {
    Ok(Json(catatan::list(&state.db, &viewer, f, page).await?))
}

/// Record a development activity
///
/// An activity that has ended (not after today, the instansi's local day), with either its JP
/// or its hours (converted at 45 minutes a JP). The employee records their own, the HR office
/// anyone's. Waits for the HR office's verification. Audited.
#[utoipa::path(
    tag = TAG,
    request_body = BuatCatatan,
    responses((status = 201, body = CatatanPengembangan), JsonBodyProblems, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[post("/catatan")]
pub async fn buat_catatan(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<BuatCatatan>,
) -> AppResult<HttpResponse> {
    let created = catatan::create(&state.db, &viewer, body, &meta).await?;
    Ok(HttpResponse::Created().json(created))
}

/// Delete a waiting record
///
/// By whoever may record for the employee, while it waits for verification. Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Record id"), HapusDenganVersi),
    responses((status = 204, description = "Deleted"), BadRequest, Invalid, Unauthorized, Forbidden, NotFound, (status = 409, description = CONFLICT, body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[delete("/catatan/{id}")]
pub async fn hapus_catatan(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedQuery(q): ValidatedQuery<HapusDenganVersi>,
) -> AppResult<HttpResponse> {
    catatan::delete(
        &state.db,
        &state.storage,
        &viewer,
        id.into_inner(),
        q.lock_version,
        &meta,
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Attach the certificate of a record
///
/// `multipart/form-data` with the field `file`: PDF, JPEG or PNG recognised by content (415
/// otherwise), at most `KINERJA_MAX_UPLOAD_BYTES` (413 above). Replaces an earlier one; only
/// while the record waits (409 after). Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Record id")),
    request_body(content = inline(crate::extract::FileUpload), content_type = "multipart/form-data"),
    responses((status = 200, body = CatatanPengembangan), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Already verified or rejected", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/catatan/{id}/sertifikat")]
pub async fn unggah_sertifikat(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    req: HttpRequest,
    payload: Payload,
    id: Path<Uuid>,
) -> AppResult<Json<CatatanPengembangan>> {
    let file = read_named_upload(&req, payload, state.settings.max_upload_bytes).await?;
    Ok(Json(
        catatan::unggah_sertifikat(
            &state.db,
            &state.storage,
            &viewer,
            id.into_inner(),
            file,
            &meta,
        )
        .await?,
    ))
}

/// Download the certificate of a record
///
/// For whoever may read the record; as an attachment with `X-Content-Type-Options: nosniff`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Record id")),
    responses((status = 200, description = "The stored file", content_type = "application/octet-stream", body = Vec<u8>), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/catatan/{id}/sertifikat")]
pub async fn unduh_sertifikat(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<HttpResponse> {
    let (name, mime, bytes) =
        catatan::unduh_sertifikat(&state.db, &state.storage, &viewer, id.into_inner()).await?;
    Ok(crate::uploads::attachment(&name, &mime, bytes))
}

/// Verify or reject a record (the HR office)
///
/// Only the HR office, never for its own record, only while it waits; verifying needs the
/// certificate attached (409 without), a rejection needs a note. Only verified JP count. The
/// employee is told; audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Record id")),
    request_body = VerifikasiCatatan,
    responses((status = 200, body = CatatanPengembangan), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = CONFLICT, body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/catatan/{id}/verifikasi")]
pub async fn verifikasi_catatan(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<VerifikasiCatatan>,
) -> AppResult<Json<CatatanPengembangan>> {
    Ok(Json(
        catatan::verifikasi(&state.db, &viewer, id.into_inner(), body, &meta).await?,
    ))
}

/// JP of a year
///
/// Verified, waiting and planned JP against the 20 JP a year, and verified JP per month, of
/// one employee (as for their needs) or the viewer.
#[utoipa::path(
    tag = TAG,
    params(JpQuery),
    responses((status = 200, body = RingkasanJp), BadRequest, Invalid, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/jp")]
pub async fn ringkasan_jp(
    state: Data<AppState>,
    viewer: Viewer,
    ValidatedQuery(q): ValidatedQuery<JpQuery>,
) -> AppResult<Json<RingkasanJp>> {
    Ok(Json(
        jp::ringkasan(&state.db, &viewer, q.employee_id, q.tahun).await?,
    ))
}

/// The PPKin's team: JP and needs
///
/// The people the viewer rates as PPKin today, with their JP of the year and the needs that
/// wait for the viewer, fewest JP first. Empty for someone who rates nobody.
#[utoipa::path(
    tag = TAG,
    params(TahunQuery),
    responses((status = 200, body = Vec<AnggotaTimJp>), BadRequest, Invalid, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/tim")]
pub async fn tim_jp(
    state: Data<AppState>,
    viewer: Viewer,
    ValidatedQuery(q): ValidatedQuery<TahunQuery>,
) -> AppResult<Json<Vec<AnggotaTimJp>>> {
    Ok(Json(jp::tim(&state.db, &viewer, q.tahun).await?))
}

/// 20 JP compliance of a unit
///
/// A unit with everything below it: active employees and those with 20 verified JP in the
/// year, per direct sub-unit, and a page of the people below 20 JP (fewest first). The HR
/// office and readers of every employee read any unit; a pimpinan their own subtree (404
/// elsewhere); others 404.
#[utoipa::path(
    tag = TAG,
    params(PageQuery, KepatuhanQuery),
    responses((status = 200, body = KepatuhanJp), BadRequest, Invalid, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("/kepatuhan")]
pub async fn kepatuhan_jp(
    state: Data<AppState>,
    viewer: Viewer,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    ValidatedQuery(q): ValidatedQuery<KepatuhanQuery>,
) -> AppResult<Json<KepatuhanJp>> {
    Ok(Json(
        jp::kepatuhan(&state.db, &viewer, q.unit_id, q.tahun, page).await?,
    ))
}
