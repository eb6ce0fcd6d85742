//! Employees (pegawai), their assignment history and their superiors.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::nip::Gender;
use crate::organisation::{EmployeeRef, JenisJabatan, Jenjang, string_enum};
use crate::validation::{PASSWORD_MAX, PASSWORD_MIN, not_blank};

string_enum! {
    /// Jenis pegawai. The capitals users write (`PNS`) are accepted too.
    JenisPegawai {
        #[serde(alias = "PNS")]
        Pns => "pns",
        #[serde(alias = "CPNS")]
        Cpns => "cpns",
        #[serde(alias = "PPPK")]
        Pppk => "pppk",
    }
}

string_enum! {
    /// Employment status.
    StatusPegawai {
        Aktif => "aktif",
        Cuti => "cuti",
        TugasBelajar => "tugas_belajar",
        DiberhentikanSementara => "diberhentikan_sementara",
        MutasiKeluar => "mutasi_keluar",
        Pensiun => "pensiun",
        Meninggal => "meninggal",
    }
}

string_enum! {
    /// How a position is held: definitively, or acting (Pelaksana tugas / Pelaksana harian).
    JenisPenugasan {
        Definitif => "definitif",
        Plt => "plt",
        Plh => "plh",
    }
}

string_enum! {
    /// Why someone is the Pejabat Penilai Kinerja.
    SuperiorReason {
        /// The nearest superior position (at least Pengawas) held definitively.
        Derived => "derived",
        /// Set explicitly by the admin.
        Override => "override",
        /// The nearest superior position is held by an acting official (Plt/Plh).
        Acting => "acting",
    }
}

/// Who sees what: the full record, or the directory view (name, NIP, position, unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    Full,
    Directory,
}

/// An employee. With `visibility: directory` only the directory fields are filled; the others
/// are null.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Employee {
    /// Optimistic lock: send it back with every edit; bumped by each one.
    pub lock_version: i32,
    pub id: Uuid,
    pub visibility: Visibility,
    /// 18 digits without spaces.
    #[cfg_attr(feature = "openapi", schema(example = "198609262015051001"))]
    pub nip: String,
    /// Formatted 8-6-1-3 for display.
    #[cfg_attr(feature = "openapi", schema(example = "19860926 201505 1 001"))]
    pub nip_formatted: String,
    /// "NIP" or "NI PPPK".
    pub nip_label: String,
    /// Name with academic titles.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "Dr. Siti Rahmawati, S.E., M.Si.")
    )]
    pub nama_lengkap: String,
    pub jabatan_id: Option<Uuid>,
    pub jabatan: Option<String>,
    pub jenjang: Option<Jenjang>,
    pub jenis_jabatan: Option<JenisJabatan>,
    pub unit_id: Option<Uuid>,
    pub unit: Option<String>,
    // Private fields below: `None` in the directory view.
    pub instansi_id: Option<Uuid>,
    pub nama: Option<String>,
    pub gelar_depan: Option<String>,
    pub gelar_belakang: Option<String>,
    pub nip_lama: Option<String>,
    pub tempat_lahir: Option<String>,
    pub tanggal_lahir: Option<NaiveDate>,
    pub jenis_kelamin: Option<Gender>,
    pub jenis_pegawai: Option<JenisPegawai>,
    pub golongan: Option<String>,
    /// Pangkat of the golongan, e.g. "Penata Muda".
    pub pangkat: Option<String>,
    pub tmt_golongan: Option<NaiveDate>,
    pub tmt_jabatan: Option<NaiveDate>,
    pub status: Option<StatusPegawai>,
    pub email: Option<String>,
    pub telepon: Option<String>,
    /// The linked user account (its username is the NIP).
    pub user_id: Option<Uuid>,
}

/// `POST /api/v1/employees`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateEmployee {
    pub instansi_id: Uuid,
    /// NIP (PNS/CPNS) or NI PPPK: 18 digits; spaces and dots are ignored. Must agree with the
    /// birth date and gender.
    #[validate(length(min = 1, max = 30, code = "nip_wajib"))]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 30, example = "19860926 201505 1 001")
    )]
    pub nip: String,
    /// Old 9-digit NIP, if any.
    #[validate(length(min = 9, max = 9, code = "nip_lama_9_digit"))]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 9, max_length = 9, pattern = "^[0-9]{9}$")
    )]
    pub nip_lama: Option<String>,
    #[validate(
        length(min = 1, max = 200, code = "nama_wajib_200"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 200,
            pattern = "\\S",
            example = "Siti Rahmawati"
        )
    )]
    pub nama: String,
    #[validate(length(max = 50, code = "gelar_depan_maks_50"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 50, example = "Dr."))]
    pub gelar_depan: Option<String>,
    #[validate(length(max = 80, code = "gelar_belakang_maks_80"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 80, example = "S.E., M.Si."))]
    pub gelar_belakang: Option<String>,
    #[validate(length(max = 100, code = "tempat_lahir_maks_100"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub tempat_lahir: Option<String>,
    pub tanggal_lahir: NaiveDate,
    pub jenis_kelamin: Gender,
    pub jenis_pegawai: JenisPegawai,
    /// Golongan ruang, e.g. `III/a` (see `GET /api/v1/reference`).
    #[validate(length(max = 6, code = "golongan_tidak_dikenal_singkat"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 6, example = "III/a"))]
    pub golongan: Option<String>,
    pub tmt_golongan: Option<NaiveDate>,
    /// Position held definitively from `tmt_jabatan` (default today).
    pub jabatan_id: Option<Uuid>,
    pub tmt_jabatan: Option<NaiveDate>,
    /// Default `aktif`.
    pub status: Option<StatusPegawai>,
    #[validate(
        custom(function = "crate::validation::email_address"),
        length(max = 254, code = "email_maks_254")
    )]
    #[cfg_attr(feature = "openapi", schema(format = Email, max_length = 254))]
    pub email: Option<String>,
    #[validate(length(max = 30, code = "telepon_maks_30"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 30))]
    pub telepon: Option<String>,
    /// When given, a user account is created with the NIP as username and this initial password.
    #[validate(length(min = "PASSWORD_MIN", max = "PASSWORD_MAX", code = "sandi_10_128"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 128, format = Password))]
    pub password: Option<String>,
}

/// `PATCH /api/v1/employees/{id}`. Position changes go through assignments (mutasi).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdateEmployee {
    /// Optimistic lock: the `lock_version` of the record as it was read. Required, so that an
    /// edit based on an older version is refused (409) instead of overwriting a change made
    /// in the meantime; reload and redo the edit then.
    pub lock_version: i32,
    #[validate(length(min = 1, max = 30, code = "nip_wajib"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 30))]
    pub nip: Option<String>,
    #[validate(length(min = 9, max = 9, code = "nip_lama_9_digit"))]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 9, max_length = 9, pattern = "^[0-9]{9}$")
    )]
    pub nip_lama: Option<String>,
    #[validate(
        length(min = 1, max = 200, code = "nama_wajib_200"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = "\\S")
    )]
    pub nama: Option<String>,
    #[validate(length(max = 50, code = "gelar_depan_maks_50"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 50))]
    pub gelar_depan: Option<String>,
    #[validate(length(max = 80, code = "gelar_belakang_maks_80"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 80))]
    pub gelar_belakang: Option<String>,
    #[validate(length(max = 100, code = "tempat_lahir_maks_100"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub tempat_lahir: Option<String>,
    pub tanggal_lahir: Option<NaiveDate>,
    pub jenis_kelamin: Option<Gender>,
    pub jenis_pegawai: Option<JenisPegawai>,
    #[validate(length(max = 6, code = "golongan_tidak_dikenal_singkat"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 6))]
    pub golongan: Option<String>,
    pub tmt_golongan: Option<NaiveDate>,
    pub status: Option<StatusPegawai>,
    #[validate(
        custom(function = "crate::validation::email_address"),
        length(max = 254, code = "email_maks_254")
    )]
    #[cfg_attr(feature = "openapi", schema(format = Email, max_length = 254))]
    pub email: Option<String>,
    #[validate(length(max = 30, code = "telepon_maks_30"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 30))]
    pub telepon: Option<String>,
    #[validate(length(max = 500, code = "alasan_maks_500"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub reason: Option<String>,
}

string_enum! {
    /// Sort order of the employee list.
    EmployeeSort {
        Nama => "nama",
        NamaDesc => "nama_desc",
        Nip => "nip",
        Golongan => "golongan",
        GolonganDesc => "golongan_desc",
    }
}

/// Filters of `GET /api/v1/employees`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct EmployeeQuery {
    /// Name (any part) or NIP prefix.
    #[validate(length(max = 100, code = "kata_kunci_maks_100"))]
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    /// Employees of this unit and every unit below it.
    pub within: Option<Uuid>,
    pub instansi_id: Option<Uuid>,
    pub jenis_jabatan: Option<JenisJabatan>,
    pub jenjang: Option<Jenjang>,
    #[validate(length(max = 6, code = "golongan_tidak_dikenal_singkat"))]
    #[cfg_attr(feature = "openapi", param(max_length = 6))]
    pub golongan: Option<String>,
    pub status: Option<StatusPegawai>,
    pub jenis_pegawai: Option<JenisPegawai>,
    /// Default `nama`.
    pub sort: Option<EmployeeSort>,
}

/// One entry of the assignment history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Assignment {
    pub id: Uuid,
    pub jabatan_id: Uuid,
    pub jabatan: String,
    pub unit_id: Uuid,
    pub unit: String,
    pub jenis: JenisPenugasan,
    pub mulai: NaiveDate,
    pub selesai: Option<NaiveDate>,
    pub keterangan: Option<String>,
}

/// `POST /api/v1/employees/{id}/assignments`: a mutasi or promotion (definitif, closing the
/// current definitive assignment the day before), or an acting assignment (Plt/Plh).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateAssignment {
    pub jabatan_id: Uuid,
    pub jenis: JenisPenugasan,
    pub mulai: NaiveDate,
    /// Required for Plt/Plh; open-ended for definitif.
    pub selesai: Option<NaiveDate>,
    #[validate(length(max = 500, code = "keterangan_maks_500"))]
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 500, example = "SK Wali Kota Serang No. 821/…")
    )]
    pub keterangan: Option<String>,
}

/// A Pejabat Penilai Kinerja or Atasan PPKin, with why they are it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Superior {
    pub employee: EmployeeRef,
    pub reason: SuperiorReason,
    /// The position through which the superior was found (for derived and acting).
    pub via_jabatan: Option<String>,
}

/// `GET /api/v1/employees/{id}/superiors`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Superiors {
    pub date: NaiveDate,
    pub employee: EmployeeRef,
    /// Pejabat Penilai Kinerja.
    pub ppkin: Option<Superior>,
    /// The PPKin's own PPKin.
    pub atasan_ppkin: Option<Superior>,
    /// Why the PPKin could not be resolved, when it could not.
    pub unresolved: Option<String>,
}

/// Query of `GET /api/v1/employees/{id}/superiors` and the unresolved report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct DateQuery {
    /// The date to resolve at (default today).
    pub date: Option<NaiveDate>,
}

/// `POST /api/v1/employees/{id}/superior-overrides`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateSuperiorOverride {
    pub ppkin_employee_id: Uuid,
    pub mulai: NaiveDate,
    pub selesai: Option<NaiveDate>,
    #[validate(
        length(min = 1, max = 500, code = "alasan_wajib_500"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 500, pattern = "\\S")
    )]
    pub alasan: String,
}

/// An override as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SuperiorOverride {
    pub id: Uuid,
    pub ppkin: EmployeeRef,
    pub mulai: NaiveDate,
    pub selesai: Option<NaiveDate>,
    pub alasan: String,
}

/// An employee whose PPKin cannot be resolved (`GET /api/v1/reports/unresolved-superiors`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnresolvedSuperior {
    pub employee: EmployeeRef,
    pub unit: Option<String>,
    pub reason: String,
}

/// Name with academic titles as printed on official documents: `Dr. Siti Rahmawati, S.E., M.Si.`.
pub fn full_name(gelar_depan: Option<&str>, nama: &str, gelar_belakang: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(depan) = gelar_depan.map(str::trim).filter(|s| !s.is_empty()) {
        out.push_str(depan);
        out.push(' ');
    }
    out.push_str(nama.trim());
    if let Some(belakang) = gelar_belakang.map(str::trim).filter(|s| !s.is_empty()) {
        out.push_str(", ");
        out.push_str(belakang);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_wrap_the_name() {
        assert_eq!(
            full_name(Some("Dr."), "Siti Rahmawati", Some("S.E., M.Si.")),
            "Dr. Siti Rahmawati, S.E., M.Si."
        );
        assert_eq!(full_name(None, " Ahmad ", Some(" ")), "Ahmad");
    }
}

string_enum! {
    /// `dry_run` checks every row and changes nothing; `commit` applies all rows in one
    /// transaction, or nothing when any row has an error.
    ImportMode {
        DryRun => "dry_run",
        Commit => "commit",
    }
}

/// Query of `POST /api/v1/employees/import`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ImportQuery {
    /// The instansi the employees belong to; units and positions are looked up in it.
    pub instansi_id: Uuid,
    /// Default `dry_run`.
    pub mode: Option<ImportMode>,
}

/// One problem in an imported file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportRowError {
    /// Row number as shown in the spreadsheet (the header is row 1).
    pub row: u64,
    /// Column header, e.g. `NIP`.
    pub column: String,
    pub message: String,
}

/// Outcome of an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportReport {
    pub mode: ImportMode,
    /// Data rows read (without the header and empty rows).
    pub total_rows: u64,
    /// Rows without any error.
    pub valid_rows: u64,
    /// Employees created (0 for a dry run or when any row has an error).
    pub created: u64,
    pub committed: bool,
    pub errors: Vec<ImportRowError>,
}
