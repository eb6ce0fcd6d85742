//! HTTP endpoints of the yearly development plan, under `/api/v1/pengembangan/rencana`.

use actix_web::web::{Data, Json, Path};
use actix_web::{HttpResponse, delete, get, patch, post};
use kinerja_api::pengembangan_rencana::{
    BuatItemRencana, HapusItemRencana, HasilKonsolidasi, ItemRencana, KonsolidasiRencana,
    PegawaiBelum20Jp, RencanaDetail, RencanaPengembangan, RencanaQuery, RencanaUnitQuery,
    RevisiRencana, TetapkanRencana, UbahItemRencana,
};
use kinerja_api::{Page, PageQuery};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::{TAG, service, xlsx};
use crate::auth::Viewer;
use crate::error::AppResult;
use crate::extract::{RequestMeta, ValidatedJson, ValidatedQuery};
use crate::problems::{BadRequest, Forbidden, Invalid, JsonBodyProblems, NotFound, Unauthorized};
use crate::state::AppState;
use crate::telemetry::spawn_blocking_with_tracing;

/// Mounted before the lead's `/pengembangan` scope: actix does not fall through from one
/// scope to another, so the longer prefix must come first.
pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/pengembangan/rencana")
            .service(daftar)
            .service(konsolidasi)
            .service(lihat)
            .service(daftar_item)
            .service(belum_20_jp)
            .service(unduh_xlsx)
            .service(tambah_item)
            .service(ubah_item)
            .service(hapus_item)
            .service(tetapkan)
            .service(revisi),
    );
}

/// Development plans of an instansi
///
/// Every version of the instansi's yearly competency development plans (of one year with
/// `tahun`), newest first, with their totals. The HR office reads all units; a pimpinan only
/// the units of their subtree (totals included); others get 403.
#[utoipa::path(
    tag = TAG,
    params(RencanaQuery),
    responses((status = 200, body = Vec<RencanaPengembangan>), BadRequest, Invalid, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("")]
pub async fn daftar(
    state: Data<AppState>,
    viewer: Viewer,
    ValidatedQuery(q): ValidatedQuery<RencanaQuery>,
) -> AppResult<Json<Vec<RencanaPengembangan>>> {
    Ok(Json(service::list(&state.db, &viewer, q).await?))
}

/// Consolidate the agreed needs into the year's plan
///
/// For the HR office. Adds one item per agreed need of the instansi and year not yet in the
/// draft (in the employee's unit, with the need's kind, JP and cost). Starts version 1, or
/// after a set version the next one as its copy, when the year has no draft (201); otherwise
/// refreshes the draft (200). Audited.
#[utoipa::path(
    tag = TAG,
    request_body = KonsolidasiRencana,
    responses(
        (status = 200, description = "The draft was refreshed", body = HasilKonsolidasi),
        (status = 201, description = "A new version was started", body = HasilKonsolidasi),
        JsonBodyProblems, Unauthorized, Forbidden, NotFound,
        (status = 409, description = "Another officer wrote the draft at the same moment", body = kinerja_api::ErrorBody, content_type = "application/problem+json")
    ),
    security(("bearer" = []))
)]
#[post("/konsolidasi")]
pub async fn konsolidasi(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<KonsolidasiRencana>,
) -> AppResult<HttpResponse> {
    let out = service::konsolidasi(&state.db, &viewer, body, &meta).await?;
    Ok(if out.versi_baru {
        HttpResponse::Created().json(out)
    } else {
        HttpResponse::Ok().json(out)
    })
}

/// A plan version per unit
///
/// The version with a page of its units (by name): items, JP and budget per unit, the unit's
/// active employees and how many of them stay below 20 JP with this plan (planned JP here plus
/// verified JP of the year). A pimpinan sees the units of their subtree only.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Plan version id"), PageQuery),
    responses((status = 200, body = RencanaDetail), BadRequest, Invalid, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}")]
pub async fn lihat(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
) -> AppResult<Json<RencanaDetail>> {
    Ok(Json(
        service::detail(&state.db, &viewer, id.into_inner(), page).await?,
    ))
}

/// Items of a plan version
///
/// A page of the items (of one unit with `unit_id`), by unit and employee.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Plan version id"), RencanaUnitQuery),
    responses((status = 200, body = Page<ItemRencana>), BadRequest, Invalid, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/item")]
pub async fn daftar_item(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
    ValidatedQuery(q): ValidatedQuery<RencanaUnitQuery>,
) -> AppResult<Json<Page<ItemRencana>>> {
    Ok(Json(
        service::items(&state.db, &viewer, id.into_inner(), q).await?,
    ))
}

/// Who still lacks a plan to reach 20 JP
///
/// Active employees (of one unit with `unit_id`) whose JP planned in this version plus JP
/// verified in the plan's year stay below 20 (PP 11/2017; 1 JP = 45 minutes), fewest first.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Plan version id"), RencanaUnitQuery),
    responses((status = 200, body = Page<PegawaiBelum20Jp>), BadRequest, Invalid, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/belum-20-jp")]
pub async fn belum_20_jp(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
    ValidatedQuery(q): ValidatedQuery<RencanaUnitQuery>,
) -> AppResult<Json<Page<PegawaiBelum20Jp>>> {
    Ok(Json(
        service::belum_20_jp(&state.db, &viewer, id.into_inner(), q).await?,
    ))
}

/// A plan version as XLSX
///
/// The layout an HR office submits: a header (instansi, year, version, status, who set it),
/// then per unit and per competency the items (employee, kind, route, provider, month, JP,
/// budget) with a subtotal per competency and per unit, and the grand total.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Plan version id")),
    responses(
        (status = 200, description = "XLSX workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        BadRequest, Unauthorized, Forbidden, NotFound
    ),
    security(("bearer" = []))
)]
#[get("/{id}/rencana.xlsx")]
pub async fn unduh_xlsx(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<HttpResponse> {
    let d = service::data_xlsx(&state.db, &viewer, id.into_inner()).await?;
    let filename = format!(
        "rencana-pengembangan-{}-v{}.xlsx",
        d.rencana.tahun, d.rencana.versi
    );
    let bytes = spawn_blocking_with_tracing(move || xlsx::render(&d)).await??;
    Ok(crate::http::xlsx_download(bytes, &filename))
}

/// Add an item by hand
///
/// For the HR office, while draft: an active employee of the instansi (the item goes to their
/// unit) and an active competency of its list. Names the plan's `lock_version`. Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Plan version id")),
    request_body = BuatItemRencana,
    responses((status = 201, body = ItemRencana), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Stale `lock_version`, or the version is set", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/item")]
pub async fn tambah_item(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<BuatItemRencana>,
) -> AppResult<HttpResponse> {
    let out = service::tambah_item(&state.db, &viewer, id.into_inner(), body, &meta).await?;
    Ok(HttpResponse::Created().json(out))
}

/// Change an item
///
/// For the HR office, while draft: kind, provider, month, JP, budget. Names the plan's
/// `lock_version`; two officers writing from the same version: one gets 409. Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Plan version id"), ("item_id" = Uuid, Path, description = "Item id")),
    request_body = UbahItemRencana,
    responses((status = 200, body = ItemRencana), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Stale `lock_version`, or the version is set", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[patch("/{id}/item/{item_id}")]
pub async fn ubah_item(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    path: Path<(Uuid, Uuid)>,
    ValidatedJson(body): ValidatedJson<UbahItemRencana>,
) -> AppResult<Json<ItemRencana>> {
    let (id, item_id) = path.into_inner();
    Ok(Json(
        service::ubah_item(&state.db, &viewer, id, item_id, body, &meta).await?,
    ))
}

/// Remove an item
///
/// For the HR office, while draft. An item made from a need comes back at the next
/// consolidation while the need stays agreed. Names the plan's `lock_version`. Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Plan version id"), ("item_id" = Uuid, Path, description = "Item id"), HapusItemRencana),
    responses((status = 204, description = "Removed"), BadRequest, Invalid, Unauthorized, Forbidden, NotFound, (status = 409, description = "Stale `lock_version`, or the version is set", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[delete("/{id}/item/{item_id}")]
pub async fn hapus_item(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    path: Path<(Uuid, Uuid)>,
    ValidatedQuery(q): ValidatedQuery<HapusItemRencana>,
) -> AppResult<HttpResponse> {
    let (id, item_id) = path.into_inner();
    service::hapus_item(&state.db, &viewer, id, item_id, q.lock_version, &meta).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Set the plan (penetapan)
///
/// By the pimpinan heading the instansi (their subtree holds its root unit) or a superadmin
/// (PP 11/2017 Pasal 206). The version is frozen from then on; changing it starts the next
/// version. A plan without items cannot be set. Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Plan version id")),
    request_body = TetapkanRencana,
    responses((status = 200, body = RencanaPengembangan), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Stale `lock_version`, already set, or no items", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/tetapkan")]
pub async fn tetapkan(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<TetapkanRencana>,
) -> AppResult<Json<RencanaPengembangan>> {
    Ok(Json(
        service::tetapkan(&state.db, &viewer, id.into_inner(), body, &meta).await?,
    ))
}

/// Start the next version
///
/// For the HR office: a draft copy of the newest set version, to change it; the set version
/// stays as it was. Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Plan version id")),
    request_body = RevisiRencana,
    responses((status = 201, body = RencanaPengembangan), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Still a draft, not the newest version, or a stale `lock_version`", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/revisi")]
pub async fn revisi(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<RevisiRencana>,
) -> AppResult<HttpResponse> {
    let out = service::revisi(&state.db, &viewer, id.into_inner(), body, &meta).await?;
    Ok(HttpResponse::Created().json(out))
}
