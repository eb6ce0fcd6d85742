//! The route tree. Each feature owns its routes; this only composes them. No state is attached
//! here, so the tree (and the OpenAPI document) can be built without a database.
//!
//! Several features act on one SKP, so `/skp` is one scope that each of them adds its
//! operations to (actix does not fall through from one scope to another with the same prefix).

use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::{
    audit, auth, beranda, cadangan, dasbor, employees, evaluation, health, integrations,
    measurement, metrics, notifications, organisation, panduan, pengembangan, pengembangan_rencana,
    pengingat, pengumuman, planning, privasi, rekap, survei, talenta, users,
};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(
        scope("/api/v1")
            .configure(auth::routes)
            .configure(beranda::routes)
            .configure(dasbor::routes)
            .configure(rekap::routes)
            .configure(users::routes)
            .configure(audit::routes)
            .configure(cadangan::routes)
            .configure(organisation::routes)
            .configure(employees::routes)
            .configure(planning::routes)
            .service(
                scope("/skp")
                    .configure(planning::skp_routes)
                    .configure(measurement::skp_routes)
                    .configure(integrations::skp_routes)
                    .configure(evaluation::skp_routes)
                    .configure(survei::skp_routes),
            )
            .configure(notifications::routes)
            .configure(measurement::routes)
            .configure(integrations::routes)
            .configure(evaluation::routes)
            .configure(survei::routes)
            // Full paths and scopes under /pengembangan go before the development module's
            // `/pengembangan` scope: actix does not fall through between scopes.
            .configure(talenta::routes)
            .configure(pengembangan_rencana::routes)
            .configure(pengembangan::routes)
            .configure(pengumuman::routes)
            .configure(pengingat::routes)
            .configure(privasi::routes)
            .configure(panduan::routes),
    );
    cfg.configure(evaluation::public_routes)
        .configure(survei::public_routes)
        .service(health::health)
        .service(health::ready)
        .service(metrics::metrics_endpoint);
}
