//! Liveness and readiness probes.

use actix_web::get;
use actix_web::web::{Data, Json};
use kinerja_api::ErrorBody;
use kinerja_api::system::HealthStatus;

use crate::error::{AppError, AppResult};
use crate::state::AppState;

pub const TAG: &str = "system";

fn status(database: Option<&str>) -> HealthStatus {
    HealthStatus {
        status: "ok".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        database: database.map(str::to_owned),
    }
}

/// Liveness
///
/// The process is up and serving HTTP. Does not touch the database.
#[utoipa::path(tag = TAG, responses((status = 200, description = "Alive", body = HealthStatus)))]
#[get("/health")]
pub async fn health() -> Json<HealthStatus> {
    Json(status(None))
}

/// Readiness
///
/// The database answers; load balancers send traffic only when this is 200.
#[utoipa::path(
    tag = TAG,
    responses(
        (status = 200, description = "Ready", body = HealthStatus),
        (status = 503, description = "Database unreachable", body = ErrorBody, content_type = "application/problem+json"),
    )
)]
#[get("/ready")]
pub async fn ready(state: Data<AppState>) -> AppResult<Json<HealthStatus>> {
    state
        .db
        .ping()
        .await
        .map_err(|e| AppError::ServiceUnavailable(format!("database ping failed: {e}")))?;
    Ok(Json(status(Some("ok"))))
}
