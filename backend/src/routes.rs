//! The route tree. Each feature owns its routes; this only composes them. No state is attached
//! here, so the tree (and the OpenAPI document) can be built without a database.

use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::{
    audit, auth, employees, health, metrics, notifications, organisation, planning, users,
};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(
        scope("/api/v1")
            .configure(auth::routes)
            .configure(crate::beranda::routes)
            .configure(users::routes)
            .configure(audit::routes)
            .configure(organisation::routes)
            .configure(employees::routes)
            .configure(planning::routes)
            .configure(notifications::routes)
            .configure(crate::measurement::handlers::bukti_routes)
            .configure(crate::measurement::handlers::feedback_routes)
            .configure(crate::integrations::routes)
            .configure(crate::evaluation::routes),
    );
    cfg.service(crate::evaluation::handlers::verifikasi_page)
        .service(health::health)
        .service(health::ready)
        .service(metrics::metrics_endpoint);
}
