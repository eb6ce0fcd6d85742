//! Personal data under UU 27/2022 "PDP" (issue #20, docs/privasi.md): the employee's own data
//! and the record of its processing ("Data Saya"), and the HR office's listing of who read whose
//! record (for the breach notice).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::audit::AuditEvent;
use crate::employees::Employee;
use crate::organisation::string_enum;

string_enum! {
    /// What kind of read of personal data was logged.
    JenisAkses {
        /// Another person's employee detail with its private fields.
        Detail => "detail",
        /// An export with private columns (of several people: no `pegawai_id`).
        Ekspor => "ekspor",
        /// The person downloaded their own Data Saya.
        DataSaya => "data_saya",
    }
}

/// One logged read of personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AksesData {
    pub id: Uuid,
    pub waktu: DateTime<Utc>,
    /// The account that read.
    pub aktor_id: Uuid,
    pub aktor_username: Option<String>,
    pub aktor_nama: Option<String>,
    /// Whose record; none for an export of several.
    pub pegawai_id: Option<Uuid>,
    pub pegawai_nip: Option<String>,
    pub pegawai_nama: Option<String>,
    pub jenis: JenisAkses,
    /// Why the role allowed it: `semua_pegawai` (HR office, auditor), `pimpinan_unit` (a
    /// pimpinan of the person's unit subtree) or `pemilik_data` (the person themself).
    #[cfg_attr(feature = "openapi", schema(example = "semua_pegawai"))]
    pub dasar: String,
    /// Records with private fields in the read (1 for a detail).
    pub jumlah: i32,
    pub ip: Option<String>,
    pub request_id: Option<String>,
}

/// Filters of `GET /api/v1/privasi/akses` (and its CSV).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct AksesQuery {
    /// Reads at or after this instant.
    pub dari: Option<DateTime<Utc>>,
    /// Reads before this instant; not before `dari` (else 422).
    pub sampai: Option<DateTime<Utc>>,
    /// The account that read.
    pub aktor_id: Option<Uuid>,
    /// The person whose record was read.
    pub pegawai_id: Option<Uuid>,
    pub jenis: Option<JenisAkses>,
    /// Paging (ignored by the CSV, which has every matching row up to 100 000).
    #[serde(default)]
    #[validate(range(min = 1, max = 1_000_000, code = "halaman_minimal_1"))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 1_000_000))]
    pub page: Option<u64>,
    #[serde(default)]
    #[validate(range(min = 1, max = 100, code = "per_halaman_1_100"))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub per_page: Option<u64>,
}

/// One kind of record Kinerja holds about the person, as stored: each row an object of its
/// columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BagianData {
    /// The table, e.g. `skps`, `realisasi`.
    #[cfg_attr(feature = "openapi", schema(example = "skps"))]
    pub kunci: String,
    /// Its Indonesian title, e.g. "Sasaran Kinerja Pegawai (SKP)".
    pub judul: String,
    /// Its English title.
    pub title: String,
    pub baris: Vec<serde_json::Map<String, serde_json::Value>>,
}

/// The employee's own account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AkunSaya {
    pub id: Uuid,
    pub username: String,
    pub email: Option<String>,
    pub full_name: String,
    pub active: bool,
    pub roles: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub last_login_at: Option<DateTime<Utc>>,
}

/// `GET /api/v1/saya/data`: everything Kinerja holds about the signed-in employee and the
/// record of its processing (UU 27/2022 Pasal 32).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DataSaya {
    pub dibuat_pada: DateTime<Utc>,
    pub pegawai: Employee,
    pub akun: Option<AkunSaya>,
    /// Positions and assignments, SKPs with their RHK, indicators and perilaku, realisasi,
    /// evaluations and predikat, objections, development records, talent data.
    pub bagian: Vec<BagianData>,
    /// Who read the full record, newest first (from the access log).
    pub akses: Vec<AksesData>,
    /// Who changed what about the person, newest first (from the audit trail): their
    /// employee record, account, SKPs, evaluations and development records. At most
    /// 5 000 events; `perubahan_terpotong` when there were more.
    pub perubahan: Vec<AuditEvent>,
    pub perubahan_terpotong: bool,
}
