//! Liveness and readiness.

use serde::{Deserialize, Serialize};

/// Answer of `GET /health` and `GET /ready`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HealthStatus {
    /// `ok` when healthy.
    #[cfg_attr(feature = "openapi", schema(example = "ok"))]
    pub status: String,
    /// Application version.
    #[cfg_attr(feature = "openapi", schema(example = "0.1.0"))]
    pub version: String,
    /// `ok` when the database answered (only on `/ready`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub database: Option<String>,
}
