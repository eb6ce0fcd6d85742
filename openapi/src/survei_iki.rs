//! An IKI whose realisasi is the IKM of its unit's citizen satisfaction survey (issue #17;
//! docs/ikm.md, "Feeding the SKP").
//!
//! The binding is kept as a data-key binding with a reserved key, `survei.ikm.<unit id>`: it
//! then follows the IKI through SKP edits and new versions like any other binding. No other
//! system may push values under that key.

use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

/// The reserved prefix of the data keys of survey-fed IKIs.
pub const AWALAN_KUNCI: &str = "survei.ikm.";

/// The value of `realisasi.sumber` for a value landed from a survey.
pub const SUMBER_SURVEI: &str = "survei";

/// The data key that binds an IKI to the surveys of `unit_id`.
pub fn kunci_data(unit_id: Uuid) -> String {
    format!("{AWALAN_KUNCI}{unit_id}")
}

/// Whether a data key is reserved for surveys (another system may not push it).
pub fn kunci_survei(data_key: &str) -> bool {
    data_key.starts_with(AWALAN_KUNCI)
}

/// The unit a survey data key names.
pub fn unit_dari_kunci(data_key: &str) -> Option<Uuid> {
    data_key
        .strip_prefix(AWALAN_KUNCI)
        .and_then(|u| Uuid::parse_str(u).ok())
}

/// `PUT /api/v1/skp/{id}/iki/{iki_id}/survei`: take this IKI's realisasi from the IKM of the
/// unit's surveys, or stop with `unit_id: null`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SetSurveiIki {
    /// A unit of the employee's instansi; `null` removes the binding.
    pub unit_id: Option<Uuid>,
}

/// An IKI of an SKP fed by the IKM of a unit's surveys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveiIki {
    pub iki_id: Uuid,
    pub skp_id: Uuid,
    pub indikator: String,
    pub unit_id: Uuid,
    pub unit_nama: String,
    /// The reserved data key that stores the binding.
    pub data_key: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_names_the_unit_and_passes_the_data_key_format() {
        let unit = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0001);
        let key = kunci_data(unit);
        assert!(crate::integrations::data_key_format(&key).is_ok());
        assert!(kunci_survei(&key));
        assert_eq!(unit_dari_kunci(&key), Some(unit));
        assert!(!kunci_survei("simpus.pasien_dilayani"));
        assert_eq!(unit_dari_kunci("survei.ikm.bukan-uuid"), None);
    }
}
