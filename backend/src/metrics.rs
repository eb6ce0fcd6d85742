//! Prometheus metrics: request counts and latency histograms per route pattern.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web::Data;
use actix_web::{Error, HttpResponse, get};
use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, Opts, Registry, TextEncoder,
};

use crate::error::{AppError, AppResult};

pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
}

impl Metrics {
    /// # Errors
    /// Only if the metric definitions are invalid (a bug).
    pub fn new() -> anyhow::Result<Self> {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new(
                "kinerja_http_requests_total",
                "HTTP requests by route, method and status",
            ),
            &["method", "route", "status"],
        )?;
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "kinerja_http_request_duration_seconds",
                "HTTP request latency by route and method",
            )
            .buckets(vec![
                0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
            ]),
            &["method", "route"],
        )?;
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(latency.clone()))?;
        Ok(Self {
            registry,
            requests,
            latency,
        })
    }

    fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        self.requests
            .with_label_values(&[method, route, &status.to_string()])
            .inc();
        self.latency
            .with_label_values(&[method, route])
            .observe(seconds);
    }

    fn render(&self) -> AppResult<String> {
        let mut buffer = Vec::new();
        TextEncoder::new()
            .encode(&self.registry.gather(), &mut buffer)
            .map_err(|e| AppError::Unexpected(e.into()))?;
        let mut text = String::from_utf8(buffer).map_err(|e| AppError::Unexpected(e.into()))?;
        text.push_str(&format!(
            "# HELP kinerja_db_statements_total SQL statements run by this process\n\
             # TYPE kinerja_db_statements_total counter\n\
             kinerja_db_statements_total {}\n",
            crate::database::statements_run()
        ));
        Ok(text)
    }
}

/// Middleware: records every request under its route pattern (never the raw path, which
/// would explode the label cardinality with ids).
pub async fn track(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let start = Instant::now();
    let metrics = req.app_data::<Data<Metrics>>().cloned();
    let method = req.method().as_str().to_owned();
    let response = next.call(req).await?;
    if let Some(metrics) = metrics {
        let route = response
            .request()
            .match_pattern()
            .unwrap_or_else(|| "unmatched".to_owned());
        metrics.observe(
            &method,
            &route,
            response.status().as_u16(),
            start.elapsed().as_secs_f64(),
        );
    }
    Ok(response)
}

/// Prometheus metrics
///
/// Text exposition format for a Prometheus scraper.
#[utoipa::path(
    tag = crate::health::TAG,
    responses((status = 200, description = "Metrics in Prometheus text format", body = String, content_type = "text/plain"))
)]
#[get("/metrics")]
pub async fn metrics_endpoint(metrics: Data<Metrics>) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(metrics.render()?))
}
