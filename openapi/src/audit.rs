//! The tamper-evident audit trail.

use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

/// One recorded change or security event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEvent {
    pub id: Uuid,
    /// Order of all events (newest highest). Events written before chains per instansi are
    /// linked in this order; later ones by their place in their chain (`rantai_seq`).
    pub seq: i64,
    /// The chain: the instansi's id, `sistem` for events of no instansi, absent for events
    /// of the legacy chain (written before chains per instansi).
    #[serde(default)]
    pub rantai: Option<String>,
    /// Place in its chain, starting at 1.
    #[serde(default)]
    pub rantai_seq: Option<i64>,
    pub occurred_at: chrono::DateTime<chrono::Utc>,
    /// The user who acted; absent for anonymous events such as a failed login.
    pub actor_id: Option<Uuid>,
    /// The acting user's full name.
    #[serde(default)]
    pub actor_nama: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "auth.login_succeeded"))]
    pub action: String,
    #[cfg_attr(feature = "openapi", schema(example = "user"))]
    pub entity_type: String,
    pub entity_id: Option<String>,
    /// What the record is called today (a person's name, "SKP 2026 Rina Marlina", a unit's
    /// name), when it still exists and its type is known.
    #[serde(default)]
    pub entity_nama: Option<String>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub request_id: Option<String>,
    pub reason: Option<String>,
    pub ip: Option<String>,
    /// SHA-256 (hex) of the previous event's hash and this event's content.
    pub hash: String,
    pub prev_hash: String,
}

/// Filters of `GET /api/v1/audit`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct AuditQuery {
    /// Exact action, e.g. `auth.login_failed`.
    #[validate(length(max = 100, code = "maks_100_karakter"))]
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub action: Option<String>,
    #[validate(length(max = 100, code = "maks_100_karakter"))]
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub entity_type: Option<String>,
    #[validate(length(max = 100, code = "maks_100_karakter"))]
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub entity_id: Option<String>,
    pub actor_id: Option<Uuid>,
    /// The acting user by name or username (part of it, any case).
    #[validate(length(min = 1, max = 100, code = "isi_1_100_karakter"))]
    #[cfg_attr(feature = "openapi", param(min_length = 1, max_length = 100))]
    pub aktor: Option<String>,
    /// From this day on (the instansi's local day, inclusive).
    pub tanggal_dari: Option<chrono::NaiveDate>,
    /// Up to and including this day (local); not before `tanggal_dari` (else 422).
    pub tanggal_sampai: Option<chrono::NaiveDate>,
    /// Events at or after this instant.
    pub from: Option<chrono::DateTime<chrono::Utc>>,
    /// Events before this instant.
    pub to: Option<chrono::DateTime<chrono::Utc>>,
}

/// Which chain `GET /api/v1/audit/verify` checks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct AuditVerifyQuery {
    /// Only this instansi's chain; without it every chain (the legacy chain, `sistem` and
    /// each instansi's).
    pub instansi_id: Option<Uuid>,
}

/// Result of verifying the hash chains.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditVerification {
    /// True when every link is intact.
    pub intact: bool,
    /// Number of events checked.
    pub checked: u64,
    /// Number of chains verified (or to verify, when one is broken).
    #[serde(default)]
    pub chains: u64,
    /// The first event whose link is broken.
    pub first_broken: Option<BrokenLink>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BrokenLink {
    /// The event's `seq` (that of the chain's last intact event when events are missing from
    /// its end; 0 when none is left).
    pub seq: i64,
    pub id: Uuid,
    /// The broken chain: an instansi's id, `sistem`, or `lama` (the legacy chain).
    pub rantai: String,
    /// The event's place in its chain.
    pub rantai_seq: Option<i64>,
    /// The instansi whose chain is broken.
    pub instansi_id: Option<Uuid>,
    /// Why the link is broken (hash mismatch, wrong previous hash, gap in the sequence).
    pub reason: String,
}
