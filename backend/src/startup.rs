//! Building and running the server. `Application::build` binds the listener (port 0 works, for
//! tests), so `port()` is known before the server runs.

use std::net::TcpListener;
use std::time::Duration;

use actix_cors::Cors;
use actix_files::Files;
use actix_web::dev::{Server, ServiceRequest, ServiceResponse, fn_service};
use actix_web::http::{Method, header};
use actix_web::middleware::{Compress, Condition, from_fn};
use actix_web::web::{self, Data};
use actix_web::{App, HttpServer, ResponseError, guard};
use anyhow::Context;
use kinerja_api::Pesan;
use kinerja_migration::{Migrator, MigratorTrait};
use sea_orm::DatabaseConnection;
use tracing_actix_web::TracingLogger;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::jwt::JwtKeys;
use crate::clock::Clock;
use crate::config::Settings;
use crate::error::AppError;
use crate::http::{self, RouteTable};
use crate::metrics::Metrics;
use crate::spa::Spa;
use crate::state::AppState;
use crate::{database, openapi, routes};

pub struct Application {
    port: u16,
    server: Server,
    clock: Clock,
}

/// Starts the background jobs (reminders, e-mail) on the current runtime.
fn start_jobs(db: &DatabaseConnection, settings: &Settings, clock: &Clock) -> anyhow::Result<()> {
    let mailer = crate::jobs::Mailer::from_settings(settings)?;
    crate::jobs::spawn(db.clone(), settings, mailer, clock.clone());
    Ok(())
}

impl Application {
    /// Resolves the JWT secret, connects (creating the SQLite file on first run), migrates when
    /// `KINERJA_AUTO_MIGRATE` is on, and binds the listener.
    ///
    /// # Errors
    /// When any of those steps fails.
    pub async fn build(mut settings: Settings) -> anyhow::Result<Self> {
        settings.resolve_jwt_secret()?;
        let db = database::connect(&settings).await?;
        if settings.auto_migrate {
            Migrator::up(&db, None)
                .await
                .context("Failed to run migrations")?;
        }
        Self::build_with_db(settings, db)
    }

    /// Binds the server on an existing, migrated connection.
    ///
    /// # Errors
    /// When the JWT secret is unresolved or the address cannot be bound.
    pub fn build_with_db(settings: Settings, db: DatabaseConnection) -> anyhow::Result<Self> {
        let secret = settings
            .jwt_secret
            .clone()
            .context("JWT secret not resolved")?;
        let listener = TcpListener::bind(&settings.bind)
            .with_context(|| format!("Failed to bind {}", settings.bind))?;
        let port = listener.local_addr()?.port();
        let doc = openapi::document();
        let routes = RouteTable::from_openapi(&doc);
        // Serialised once and shared: each worker holding its own copy of the document for
        // Swagger UI cost about 25 MB of memory per worker.
        let doc_json = web::Bytes::from(serde_json::to_vec(&doc)?);
        drop(doc);
        let spa = Spa::load(&settings.spa_dir);
        if spa.is_none() {
            tracing::warn!(dir = %settings.spa_dir.display(), "SPA not built (run `make spa`); serving the API only");
        }
        let clock = Clock::default();
        start_jobs(&db, &settings, &clock)?;
        let akun = std::sync::Arc::new(crate::auth::akun_cache::AkunCache::default());
        crate::auth::akun_cache::spawn_listener(&db, &settings, akun.clone());
        let replika = crate::database::connect_read(&settings)?
            .map(|db| std::sync::Arc::new(crate::replika::Replika::new(db)));
        let workers = settings.workers;
        let share = pool_share(settings.db_max_connections, workers);
        let cors_origins = settings.cors_origins.clone();
        let storage =
            crate::storage::Storage::from_choice(&settings.storage, &settings.upload_dir, &db)?;
        tracing::info!(store = %settings.storage.label(), "stored files");
        let state = Data::new(AppState {
            storage,
            jwt: std::sync::Arc::new(JwtKeys::new(
                secret.expose().as_bytes(),
                settings.access_token_ttl_secs,
            )),
            routes: std::sync::Arc::new(routes),
            kebijakan: crate::evaluation::service::Kebijakan::from_settings(&settings),
            spa: spa.map(std::sync::Arc::new),
            db,
            bacaan: crate::bacaan::Bacaan::giliran(),
            simpanan: None,
            replika,
            settings,
            clock: clock.clone(),
            akun,
        });
        let metrics = Data::new(Metrics::new()?);
        let spa_dir = state.spa.as_ref().map(|s| s.dir.clone());

        let mut server = HttpServer::new(move || {
            // Runs on each worker's thread, so its pool's connections open on that worker.
            let state = match crate::database::worker_pool(&state.db, share) {
                Some(db) => Data::new(AppState {
                    simpanan: crate::bacaan::Simpanan::new(&db, share),
                    db,
                    bacaan: crate::bacaan::Bacaan::giliran(),
                    ..AppState::clone(&state)
                }),
                None => state.clone(),
            };
            let (app, _) = App::new()
                .app_data(state)
                .app_data(metrics.clone())
                .app_data(web::PathConfig::default().error_handler(|err, _| {
                    AppError::bad_request(Pesan::ParameterAlamatTidakValid {
                        alasan: err.to_string(),
                    })
                    .into()
                }))
                .wrap(from_fn(http::literal_segments))
                .wrap(from_fn(crate::auth::read_only::guard))
                .wrap(from_fn(
                    crate::auth::akun_cache::forget_after_account_writes,
                ))
                .wrap(from_fn(crate::replika::ikuti_tulisan))
                .wrap(from_fn(http::request_timeout))
                .wrap(from_fn(http::server_clock))
                .wrap(from_fn(crate::metrics::track))
                .wrap(from_fn(http::security_headers))
                .wrap(Compress::default())
                .wrap(Condition::new(
                    !cors_origins.is_empty(),
                    cors(&cors_origins),
                ))
                .wrap(from_fn(http::request_id_header))
                .wrap(TracingLogger::default())
                .into_utoipa_app()
                .configure(routes::configure)
                .split_for_parts();
            let doc_json = doc_json.clone();
            let mut app = app
                .service(web::redirect("/docs", "/docs/"))
                .service(web::resource(OPENAPI_JSON).route(web::get().to(move || {
                    let body = doc_json.clone();
                    async move {
                        actix_web::HttpResponse::Ok()
                            .content_type(actix_web::http::header::ContentType::json())
                            .body(body)
                    }
                })))
                .service(
                    SwaggerUi::new("/docs/{_:.*}")
                        .config(utoipa_swagger_ui::Config::from(OPENAPI_JSON)),
                );
            if let Some(dir) = &spa_dir {
                app = app
                    .service(
                        web::resource("/")
                            .route(web::get().to(spa_index))
                            .default_service(fn_service(fallback_service)),
                    )
                    .service(
                        Files::new("/", dir)
                            .guard(guard::Any(guard::Get()).or(guard::Head()))
                            .prefer_utf8(true)
                            .default_handler(fn_service(fallback_service)),
                    );
            }
            app.default_service(fn_service(fallback_service))
        })
        .listen(listener)?
        .client_request_timeout(Duration::from_secs(10))
        .shutdown_timeout(30);
        if workers > 0 {
            server = server.workers(workers);
        }
        Ok(Self {
            port,
            server: server.run(),
            clock,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// This server's clock, for tests that move its time.
    pub fn clock(&self) -> Clock {
        self.clock.clone()
    }

    /// Serves until SIGTERM/SIGINT, then drains in-flight requests (up to 30 s).
    ///
    /// # Errors
    /// When the server fails.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

/// Where Swagger UI and other tools read the API's description.
const OPENAPI_JSON: &str = "/api-docs/openapi.json";

async fn spa_index(state: Data<AppState>) -> actix_web::HttpResponse {
    match &state.spa {
        Some(spa) => spa.page_response("/"),
        None => AppError::NotFound("Alamat").error_response(),
    }
}

async fn fallback_service(req: ServiceRequest) -> Result<ServiceResponse, actix_web::Error> {
    let (http_req, _) = req.into_parts();
    let response = match http_req.app_data::<Data<AppState>>().cloned() {
        Some(state) => match http::fallback(http_req.clone(), state).await {
            Ok(res) => res,
            Err(e) => e.error_response(),
        },
        None => AppError::NotFound("Alamat").error_response(),
    };
    Ok(ServiceResponse::new(http_req, response))
}

fn cors(origins: &[String]) -> Cors {
    origins
        .iter()
        .fold(Cors::default(), |cors, origin| cors.allowed_origin(origin))
        .allowed_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
        ])
        .allowed_headers([header::AUTHORIZATION, header::CONTENT_TYPE, header::ACCEPT])
        .expose_headers(["x-request-id", "retry-after", "location"])
        .supports_credentials()
        .max_age(3600)
}

/// Each worker's part of `KINERJA_DB_MAX_CONNECTIONS` (at least one); `workers` 0 means
/// actix's default, one per core.
fn pool_share(max_connections: u32, workers: usize) -> u32 {
    let workers = if workers > 0 {
        workers
    } else {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    };
    let workers = u32::try_from(workers).unwrap_or(u32::MAX);
    max_connections.div_ceil(workers).max(1)
}

#[cfg(test)]
mod tests {
    use super::pool_share;

    #[test]
    fn workers_share_the_pool_and_each_gets_at_least_one() {
        assert_eq!(pool_share(10, 2), 5);
        assert_eq!(pool_share(10, 3), 4);
        assert_eq!(pool_share(2, 4), 1);
        assert_eq!(pool_share(0, 2), 1);
        // 0 workers: one per core, as actix starts them.
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        assert_eq!(
            pool_share(64, 0),
            64_u32.div_ceil(u32::try_from(cores).unwrap())
        );
    }
}
