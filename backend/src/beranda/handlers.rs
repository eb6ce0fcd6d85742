//! `GET /api/v1/beranda`: the signed-in user's to-do list.

use actix_web::web::{Data, Json};
use actix_web::{HttpResponse, get, post};
use kinerja_api::beranda::{Beranda, DaftarLangkahAwal};
use utoipa_actix_web::service_config::ServiceConfig;

use super::{TAG, langkah, service};
use crate::auth::Viewer;
use crate::bacaan::Bacaan;
use crate::error::AppResult;
use crate::problems::Unauthorized;
use crate::state::AppState;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/beranda")
            .service(get_beranda)
            .service(get_langkah_awal)
            .service(data_diperiksa)
            .service(tutup_langkah_awal),
    );
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
    let db = Bacaan::mulai(&state).await?;
    Ok(Json(service::beranda(&db, &viewer).await?))
}

/// My first steps
///
/// A short checklist for the user's roles (change the password, check one's data, start and
/// submit the SKP, enter a realisasi; as PPKin approve an SKP; for the HR office open the
/// period and import the staff), each ticked from what the user has done, with the app path
/// where it is done.
#[utoipa::path(
    tag = TAG,
    responses((status = 200, body = DaftarLangkahAwal), Unauthorized),
    security(("bearer" = []))
)]
#[get("/langkah-awal")]
async fn get_langkah_awal(
    state: Data<AppState>,
    viewer: Viewer,
) -> AppResult<Json<DaftarLangkahAwal>> {
    Ok(Json(langkah::daftar(&state.db, &viewer).await?))
}

/// I checked my data
///
/// Ticks `periksa_data`: the user looked at their data and superiors on the profile and found
/// them right (or asked the HR office to correct them). Again changes nothing.
#[utoipa::path(
    tag = TAG,
    responses((status = 204, description = "Recorded"), Unauthorized),
    security(("bearer" = []))
)]
#[post("/langkah-awal/data-diperiksa")]
async fn data_diperiksa(state: Data<AppState>, viewer: Viewer) -> AppResult<HttpResponse> {
    langkah::tandai(&state.db, &viewer, true).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Dismiss my first steps
///
/// The app shows the checklist no more. Again changes nothing.
#[utoipa::path(
    tag = TAG,
    responses((status = 204, description = "Dismissed"), Unauthorized),
    security(("bearer" = []))
)]
#[post("/langkah-awal/tutup")]
async fn tutup_langkah_awal(state: Data<AppState>, viewer: Viewer) -> AppResult<HttpResponse> {
    langkah::tandai(&state.db, &viewer, false).await?;
    Ok(HttpResponse::NoContent().finish())
}
