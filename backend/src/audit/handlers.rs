//! HTTP handlers for `/api/v1/audit` (auditor and admin).

use actix_web::get;
use actix_web::web::{Data, Json};
use kinerja_api::audit::{AuditEvent, AuditQuery, AuditVerification, AuditVerifyQuery};
use kinerja_api::{Page, PageQuery};
use utoipa_actix_web::service_config::ServiceConfig;

use super::{TAG, service};
use crate::auth::{RequirePermission, perm};
use crate::error::AppResult;
use crate::extract::ValidatedQuery;
use crate::problems::{Forbidden, Invalid, Unauthorized};
use crate::replika::Baca;
use crate::state::AppState;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(
        utoipa_actix_web::scope("/audit")
            .service(list_audit_events)
            .service(verify_audit_chain),
    );
}

/// List audit events
///
/// Newest first, filtered by action, entity, actor and time. For auditors and admins.
#[utoipa::path(
    tag = TAG,
    params(PageQuery, AuditQuery),
    responses(
        (status = 200, description = "A page of events", body = Page<AuditEvent>),
        Unauthorized,
        Forbidden,
        Invalid,
    ),
    security(("bearer" = []))
)]
#[get("")]
async fn list_audit_events(
    _auth: RequirePermission<perm::ReadAudit>,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    ValidatedQuery(query): ValidatedQuery<AuditQuery>,
    Baca(bacaan): Baca,
) -> AppResult<Json<Page<AuditEvent>>> {
    Ok(Json(service::list(&bacaan, query, page).await?))
}

/// Verify the hash chains
///
/// Recomputes every event's hash, of one instansi's chain (`instansi_id`) or of every chain,
/// and reports the first broken link, if any, with its chain.
#[utoipa::path(
    tag = TAG,
    params(AuditVerifyQuery),
    responses(
        (status = 200, description = "Verification result", body = AuditVerification),
        Unauthorized,
        Forbidden,
        Invalid,
    ),
    security(("bearer" = []))
)]
#[get("/verify")]
async fn verify_audit_chain(
    state: Data<AppState>,
    _auth: RequirePermission<perm::ReadAudit>,
    ValidatedQuery(q): ValidatedQuery<AuditVerifyQuery>,
) -> AppResult<Json<AuditVerification>> {
    Ok(Json(super::verify::verify(&state.db, q.instansi_id).await?))
}
