//! Data from other government systems: API clients (OAuth2 client credentials), IKI data-key
//! bindings, and the batch ingest of indicator values.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::{Validate, ValidationError};

use crate::pesan::Pesan;
use crate::validation::not_blank;

/// What a client may do; granted by the admin, requested (optionally narrowed) at token time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Scope {
    /// Push indicator values (`POST /api/v1/ingest/indicator-values`).
    #[serde(rename = "realisasi:write")]
    RealisasiWrite,
    /// Read the data-key bindings of the employees in the client's unit.
    #[serde(rename = "pegawai:read")]
    PegawaiRead,
    /// Read the survey results (IKM) of the client's unit and the units below it
    /// (`GET /api/v1/ikm`).
    #[serde(rename = "ikm:read")]
    IkmRead,
}

impl Scope {
    pub const ALL: &'static [Scope] = &[Scope::RealisasiWrite, Scope::PegawaiRead, Scope::IkmRead];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::RealisasiWrite => "realisasi:write",
            Scope::PegawaiRead => "pegawai:read",
            Scope::IkmRead => "ikm:read",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|s| s.as_str() == value)
    }
}

/// An API client as the admin sees it (never with its secret).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiClient {
    /// The OAuth2 `client_id`.
    pub id: Uuid,
    pub nama: String,
    /// The unit whose employees (and sub-units) the client may send values for.
    pub unit_id: Uuid,
    pub unit_nama: String,
    pub scopes: Vec<Scope>,
    pub aktif: bool,
    /// The first characters of the secret, to tell secrets apart.
    pub secret_prefix: String,
    pub last_used_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

fn scopes_not_empty(scopes: &[Scope]) -> Result<(), ValidationError> {
    if scopes.is_empty() {
        return Err(crate::validation::error(Pesan::PilihCakupan));
    }
    Ok(())
}

/// `POST /api/v1/api-clients` (admin).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateApiClient {
    /// For example "SIMPUS Puskesmas Banjar Agung".
    #[validate(
        length(min = 3, max = 120, code = "nama_klien_3_120"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 3, max_length = 120, pattern = "\\S")
    )]
    pub nama: String,
    pub unit_id: Uuid,
    #[validate(custom(function = "scopes_not_empty"))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1))]
    pub scopes: Vec<Scope>,
}

/// The answer to creating a client: the only time the secret is shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiClientCreated {
    pub client: ApiClient,
    /// Store it now: only its hash is kept.
    pub client_secret: String,
}

/// `PATCH /api/v1/api-clients/{id}` (admin): enable or disable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdateApiClient {
    pub aktif: bool,
}

/// `POST /api/v1/oauth/token` (form-encoded, RFC 6749 section 4.4). The client authenticates
/// with HTTP Basic or with `client_id` and `client_secret` in the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenRequest {
    /// Must be `client_credentials`.
    pub grant_type: String,
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
    /// Space-separated; defaults to every scope granted to the client.
    pub scope: Option<String>,
}

/// RFC 6749 section 5.1.
// Not `TokenResponse`: that is the sign-in answer, and schema names share one namespace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OAuthTokenResponse {
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    pub expires_in: i64,
    /// Space-separated scopes of the token.
    pub scope: String,
}

/// RFC 6749 section 5.2 error answer of the token endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OAuthErrorBody {
    /// `invalid_request`, `invalid_client`, `unsupported_grant_type` or `invalid_scope`.
    pub error: String,
    pub error_description: String,
}

/// How the values pushed for one sub-period become its realisasi.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Agregasi {
    /// Daily counts add up (patients served).
    Sum,
    /// The latest value stands (a cumulative figure, a percentage).
    Last,
    /// The mean of the values (a daily attendance rate).
    Avg,
}

impl Agregasi {
    pub const ALL: &'static [Agregasi] = &[Agregasi::Sum, Agregasi::Last, Agregasi::Avg];

    pub fn as_str(self) -> &'static str {
        match self {
            Agregasi::Sum => "sum",
            Agregasi::Last => "last",
            Agregasi::Avg => "avg",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|a| a.as_str() == value)
    }

    /// Combines values ordered by date (oldest first); `None` for no values.
    pub fn apply(self, values: &[f64]) -> Option<f64> {
        let last = *values.last()?;
        Some(match self {
            Agregasi::Sum => values.iter().sum(),
            Agregasi::Last => last,
            Agregasi::Avg => values.iter().sum::<f64>() / values.len() as f64,
        })
    }
}

/// A data key: lower-case segments of letters, digits, `_` or `-`, separated by dots, such as
/// `simpus.pasien_dilayani`.
pub fn data_key_format(value: &str) -> Result<(), ValidationError> {
    let segments_ok = value.split('.').all(|s| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
    });
    if value.contains('.') && segments_ok && (3..=100).contains(&value.len()) {
        Ok(())
    } else {
        Err(crate::validation::error(Pesan::KunciDataFormat))
    }
}

/// `PUT /api/v1/skp/{id}/iki/{iki_id}/data-key`: bind an IKI to a data key, or unbind it with
/// `data_key: null`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SetDataKey {
    #[validate(custom(function = "data_key_format"))]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 3, max_length = 100, example = "simpus.pasien_dilayani")
    )]
    pub data_key: Option<String>,
    /// Defaults to `sum`.
    pub agregasi: Option<Agregasi>,
}

/// An IKI bound to a data key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DataKeyBinding {
    pub iki_id: Uuid,
    pub skp_id: Uuid,
    pub data_key: String,
    pub agregasi: Agregasi,
    pub nip: String,
    pub nama: String,
    pub indikator: String,
    pub tahun: i32,
}

/// One value from another system. The employee is named by `nip`, or every employee of
/// `unit_id` whose IKI is bound to the key receives it; the sub-period by `tanggal` (a daily
/// value) or by `tahun` and `periode_ke`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[validate(schema(function = "item_targets"))]
pub struct IngestItem {
    #[validate(custom(function = "data_key_format"))]
    #[cfg_attr(feature = "openapi", schema(example = "simpus.pasien_dilayani"))]
    pub data_key: String,
    #[validate(length(min = 18, max = 18, code = "nip_18_digit"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 18, max_length = 18))]
    pub nip: Option<String>,
    pub unit_id: Option<Uuid>,
    pub tanggal: Option<NaiveDate>,
    #[validate(range(min = 2000, max = 2100, code = "tahun_tidak_valid"))]
    pub tahun: Option<i32>,
    #[validate(range(min = 1, max = 12, code = "periode_1_12"))]
    pub periode_ke: Option<i32>,
    #[validate(range(min = 0.0, max = 1e12, code = "nilai_tidak_negatif"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1e12))]
    pub nilai: f64,
}

fn item_targets(item: &IngestItem) -> Result<(), ValidationError> {
    let fail = |pesan: Pesan| Err(crate::validation::error(pesan));
    if item.nip.is_some() == item.unit_id.is_some() {
        return fail(Pesan::NipAtauUnit);
    }
    match (item.tanggal, item.tahun, item.periode_ke) {
        (Some(_), None, None) | (None, Some(_), Some(_)) => Ok(()),
        _ => fail(Pesan::TanggalAtauTahunPeriode),
    }
}

/// Most items a batch may carry.
pub const INGEST_MAX_ITEMS: u64 = 5000;

/// `POST /api/v1/ingest/indicator-values`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct IngestRequest {
    #[validate(
        length(min = 1, max = "INGEST_MAX_ITEMS", code = "kirim_1_5000_nilai"),
        nested
    )]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 5000))]
    pub items: Vec<IngestItem>,
}

/// Why an item was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum IngestRejection {
    /// No approved SKP of the employee (or unit) has an IKI bound to the key for that year.
    UnknownKey,
    /// No employee has this NIP.
    UnknownEmployee,
    /// The employee or unit is outside the client's unit.
    OutsideUnit,
    /// No evaluation period holds the date, or `periode_ke` is outside its rhythm.
    NoPeriod,
    /// The sub-period is locked.
    PeriodLocked,
}

impl IngestRejection {
    /// The reason in words, for people reading the answer.
    pub fn alasan(self) -> &'static str {
        match self {
            IngestRejection::UnknownKey => {
                "Kunci data tidak terikat pada IKI SKP yang disetujui untuk tahun itu."
            }
            IngestRejection::UnknownEmployee => "Tidak ada pegawai dengan NIP ini.",
            IngestRejection::OutsideUnit => "Pegawai atau unit di luar unit klien.",
            IngestRejection::NoPeriod => "Tidak ada periode penilaian untuk tanggal/periode ini.",
            IngestRejection::PeriodLocked => "Periode realisasi sudah terkunci.",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum IngestStatus {
    Accepted,
    Rejected,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IngestItemResult {
    /// Position of the item in the request, from 0.
    pub index: usize,
    pub status: IngestStatus,
    pub kode: Option<IngestRejection>,
    pub alasan: Option<String>,
    /// How many IKI received the value (more than one for a unit-wide value).
    pub iki: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IngestResult {
    pub diterima: usize,
    pub ditolak: usize,
    /// True when this answer is the stored answer to an earlier request with the same
    /// `Idempotency-Key` (nothing was written this time).
    pub replay: bool,
    pub items: Vec<IngestItemResult>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_keys_are_dotted_lower_case_names() {
        assert!(data_key_format("simpus.pasien_dilayani").is_ok());
        assert!(data_key_format("skm.ikm-2026").is_ok());
        assert!(data_key_format("pasien").is_err());
        assert!(data_key_format("Simpus.Pasien").is_err());
        assert!(data_key_format("simpus..x").is_err());
        assert!(data_key_format("a b.c").is_err());
    }

    #[test]
    fn aggregation_of_daily_values() {
        let v = [3.0, 5.0, 4.0];
        assert_eq!(Agregasi::Sum.apply(&v), Some(12.0));
        assert_eq!(Agregasi::Last.apply(&v), Some(4.0));
        assert_eq!(Agregasi::Avg.apply(&v), Some(4.0));
        assert_eq!(Agregasi::Sum.apply(&[]), None);
    }

    #[test]
    fn an_item_names_one_target_and_one_period() {
        let item = IngestItem {
            data_key: "simpus.pasien_dilayani".into(),
            nip: Some("199003172015032001".into()),
            unit_id: None,
            tanggal: NaiveDate::from_ymd_opt(2026, 3, 2),
            tahun: None,
            periode_ke: None,
            nilai: 3.0,
        };
        assert!(item.validate().is_ok());
        let both = IngestItem {
            unit_id: Some(Uuid::nil()),
            ..item.clone()
        };
        assert!(both.validate().is_err());
        let no_period = IngestItem {
            tanggal: None,
            tahun: Some(2026),
            ..item
        };
        assert!(no_period.validate().is_err());
    }

    #[test]
    fn scopes_round_trip_with_their_colon_names() {
        let json = serde_json::to_string(&Scope::RealisasiWrite).unwrap();
        assert_eq!(json, "\"realisasi:write\"");
        assert_eq!(Scope::parse("pegawai:read"), Some(Scope::PegawaiRead));
        for s in Scope::ALL {
            let json = serde_json::to_string(s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
            assert_eq!(Scope::parse(s.as_str()), Some(*s));
        }
    }
}
