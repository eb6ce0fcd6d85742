//! HTTP routes of the dashboards under `/api/v1/dasbor`: thin handlers over [`super::service`].

use actix_web::get;
use actix_web::web::{Data, Json};
use kinerja_api::PageQuery;
use kinerja_api::dasbor::{Dasbor, DasborQuery, PegawaiDasbor, PegawaiLangkahQuery};
use utoipa_actix_web::service_config::ServiceConfig;

use super::{TAG, service};
use crate::auth::{ViewerWith, perm};
use crate::error::AppResult;
use crate::extract::ValidatedQuery;
use crate::problems::{BadRequest, Forbidden, Invalid, NotFound, Unauthorized};
use crate::replika::Baca;
use crate::state::AppState;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/dasbor")
            .service(dasbor)
            .service(pegawai),
    );
}

/// The dashboard of a unit
///
/// The compliance of the cycle of the unit and of each direct sub-unit (people per SKP state,
/// realisasi missing for the last ended sub-period, evidence waiting for the PPKin, evaluations
/// not set, objections open past their window, improvement plans overdue), and what they
/// achieved: capaian per sub-period, the predikat spread against the organisation's pattern,
/// the IKM of the surveys and the 20 JP. For pimpinan (their unit and below) and the HR office
/// (the instansi); others get 403, a unit outside the viewer's subtree 404.
#[utoipa::path(
    tag = TAG,
    params(DasborQuery),
    responses((status = 200, body = Dasbor), BadRequest, Invalid, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("")]
pub async fn dasbor(
    state: Data<AppState>,
    ViewerWith(viewer, _): ViewerWith<perm::ReadUnitDashboards>,
    ValidatedQuery(q): ValidatedQuery<DasborQuery>,
    Baca(bacaan): Baca,
) -> AppResult<Json<Dasbor>> {
    let aturan = super::Aturan::from_settings(&state.settings);
    Ok(Json(
        super::simpan::dasbor(
            &state.db,
            &bacaan,
            state.kebijakan,
            &viewer,
            q,
            &aturan,
            &state.clock,
        )
        .await?,
    ))
}

/// The people behind one number
///
/// A page of the active employees of the unit and below who are behind in `langkah`, by unit
/// and name, each with the SPA route of the page where the step is done. Same access as the
/// dashboard.
#[utoipa::path(
    tag = TAG,
    params(PegawaiLangkahQuery, PageQuery),
    responses((status = 200, body = PegawaiDasbor), BadRequest, Invalid, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("/pegawai")]
pub async fn pegawai(
    ViewerWith(viewer, _): ViewerWith<perm::ReadUnitDashboards>,
    ValidatedQuery(q): ValidatedQuery<PegawaiLangkahQuery>,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    Baca(bacaan): Baca,
) -> AppResult<Json<PegawaiDasbor>> {
    Ok(Json(service::pegawai(&bacaan, &viewer, q, page).await?))
}
