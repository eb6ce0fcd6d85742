//! The cycle's reminders that escalate (issue #19, docs/pengingat.md): the HR office silences
//! them for a unit and everything below it, or for the whole instansi, on some local days
//! (e.g. the Lebaran leave).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::validation::not_blank;

/// A silence of the reminders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct JedaPengingat {
    pub id: Uuid,
    /// The unit silenced with everything below it; none for the whole instansi.
    pub unit_id: Option<Uuid>,
    pub unit_nama: Option<String>,
    /// First and last silenced day, in the instansi's local days.
    pub mulai: NaiveDate,
    pub selesai: NaiveDate,
    pub alasan: String,
    pub dibuat_oleh: String,
    pub dibuat_pada: DateTime<Utc>,
    /// It covers the instansi's today.
    pub berlaku: bool,
}

/// `POST /api/v1/pengingat/jeda`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct JedaBaru {
    /// A unit of the instansi (with everything below it); none for the whole instansi.
    pub unit_id: Option<Uuid>,
    pub mulai: NaiveDate,
    /// Not before `mulai`, at most 92 days after it.
    pub selesai: NaiveDate,
    #[validate(
        length(min = 3, max = 500, code = "alasan_jeda_3_500"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 3,
            max_length = 500,
            pattern = "\\S",
            example = "Cuti bersama Idulfitri"
        )
    )]
    pub alasan: String,
}

/// `GET /api/v1/pengingat/jeda`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct JedaQuery {
    /// Also those whose last day has passed (default: only current and future ones).
    pub semua: Option<bool>,
}
