//! `GET /api/v1/beranda`: the signed-in user's to-do list.

use actix_web::get;
use actix_web::web::{Data, Json};
use kinerja_api::beranda::Beranda;
use utoipa_actix_web::service_config::ServiceConfig;

use super::{TAG, service};
use crate::auth::Viewer;
use crate::error::AppResult;
use crate::problems::Unauthorized;
use crate::state::AppState;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(utoipa_actix_web::scope("/beranda").service(get_beranda));
}

/// My to-do list
///
/// What the signed-in user is to do next and by when: their own SKP, realisasi, objection
/// windows and unread feedback; as Pejabat Penilai Kinerja the SKPs to approve, evidence to
/// check, people to rate and objections to explain; as Atasan PPKin the objections to decide;
/// for the HR office the periods not yet open. Each item has a stable `jenis`, facts (no
/// prose: the app words them in the user's language) and the app path where it is done. Any
/// signed-in user gets their own list, possibly empty.
#[utoipa::path(
    tag = TAG,
    responses((status = 200, body = Beranda), Unauthorized),
    security(("bearer" = []))
)]
#[get("")]
async fn get_beranda(state: Data<AppState>, viewer: Viewer) -> AppResult<Json<Beranda>> {
    Ok(Json(service::beranda(&state.db, &viewer).await?))
}
