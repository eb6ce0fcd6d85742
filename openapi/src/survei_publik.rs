//! The public IKM data (issue #17, "Public transparency page"): the latest published IKM of
//! each unit that chose to publish, with its trend, for the `/ikm` page. No account; small
//! bodies for citizens' phones.

use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::ikm::{KinerjaUnit, Mutu};

/// At most this many units per page of the public list.
pub const UNIT_PER_HALAMAN_MAKS: u64 = 50;
/// The trend shows at most this many published surveys (the latest ones).
pub const TREN_MAKS: usize = 12;

/// `GET /api/v1/publik/ikm` parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct IkmPublikQuery {
    /// Search in the unit's name.
    #[validate(length(max = 100, code = "kata_kunci_maks_100"))]
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    /// Page number, starting at 1.
    #[serde(default = "halaman_pertama")]
    #[validate(range(min = 1, max = 10_000, code = "halaman_minimal_1"))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 10_000, default = 1))]
    pub page: u64,
    /// Units per page (1–50).
    #[serde(default = "per_halaman_bawaan")]
    #[validate(range(min = 1, max = 50, code = "per_halaman_1_50"))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 50, default = 20))]
    pub per_page: u64,
}

fn halaman_pertama() -> u64 {
    1
}

fn per_halaman_bawaan() -> u64 {
    20
}

impl Default for IkmPublikQuery {
    fn default() -> Self {
        IkmPublikQuery {
            q: None,
            page: 1,
            per_page: per_halaman_bawaan(),
        }
    }
}

/// One published survey in a unit's trend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TitikTren {
    /// "Triwulan I 2026", "Semester 2 2026", "Tahun 2026".
    pub periode: String,
    /// Two decimals; absent without any response.
    pub ikm: Option<f64>,
    pub mutu: Option<Mutu>,
}

/// A unit's published IKM.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IkmPublik {
    pub unit_id: Uuid,
    pub unit_nama: String,
    /// The latest published survey's period.
    pub periode: String,
    /// The latest published IKM, two decimals; absent without any response.
    pub ikm: Option<f64>,
    pub mutu: Option<Mutu>,
    pub kinerja_unit: Option<KinerjaUnit>,
    /// Responses counted in the latest IKM.
    pub responden: u32,
    /// Published surveys of the unit, oldest first (the latest [`TREN_MAKS`]).
    pub tren: Vec<TitikTren>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_query_is_bounded() {
        assert!(IkmPublikQuery::default().validate().is_ok());
        let q = IkmPublikQuery {
            per_page: 51,
            ..IkmPublikQuery::default()
        };
        assert!(
            q.validate()
                .unwrap_err()
                .field_errors()
                .contains_key("per_page")
        );
        let q = IkmPublikQuery {
            q: Some("x".repeat(101)),
            ..IkmPublikQuery::default()
        };
        assert!(q.validate().is_err());
    }
}
