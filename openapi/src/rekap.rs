//! Recaps and exports the HR office sends upward (issue #19; docs/rekap.md): the rekap SKP,
//! rekap evaluasi and rekap angka kredit of a unit and below (a preview here, the same rows as
//! XLSX), and the year's results for the national system (SIASN / e-Kinerja) as CSV or JSON
//! in a versioned layout, with the list of people who cannot be exported yet.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::evaluation::{Hitungan, Predikat, Rating};
use crate::organisation::string_enum;
use crate::pagination::Page;
use crate::penilaian::DistribusiUnit;
use crate::planning::StatusSkp;

/// The version of the national export's layout (`versi` of every row). A change of columns
/// or of their meaning makes a new version; docs/rekap.md lists each.
pub const VERSI_SIASN: &str = "kinerja-siasn-1";

/// The columns of the national export, in file order (CSV header = JSON keys).
pub const KOLOM_SIASN: [&str; 10] = [
    "versi",
    "nip",
    "nama",
    "tahun",
    "periode_mulai",
    "periode_selesai",
    "rating_hasil_kerja",
    "rating_perilaku_kerja",
    "predikat_kinerja",
    "nip_pejabat_penilai",
];

/// `?unit_id=&periode_id=&periode_ke=` of every recap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct RekapQuery {
    /// The unit, with everything below it: for a pimpinan their own unit, for the HR office
    /// the instansi's root, when left out.
    pub unit_id: Option<Uuid>,
    /// The period; the instansi's open period of the latest year when left out.
    pub periode_id: Option<Uuid>,
    /// Rekap evaluasi only: the sub-period (1–12, within the period's rhythm), or 0 for the
    /// annual evaluation; the last ended sub-period (else 0) when left out.
    #[validate(range(min = 0, max = 12, code = "periode_0_12"))]
    #[cfg_attr(feature = "openapi", param(minimum = 0, maximum = 12))]
    pub periode_ke: Option<i32>,
}

/// What every recap prints on top.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KepalaRekap {
    pub instansi: String,
    pub unit_id: Uuid,
    pub unit: String,
    pub periode_id: Uuid,
    pub tahun: i32,
    /// The sub-period (0 = annual) of a rekap evaluasi; none for the others.
    pub periode_ke: Option<i32>,
    /// The number of sub-periods of the period (12, 4 or 2).
    pub jumlah_periode: i32,
    /// The instansi's local day the recap is made ("dicetak").
    pub dicetak: NaiveDate,
    /// The file name the XLSX download carries (unit and period in it).
    pub nama_berkas: String,
}

/// One employee of the rekap SKP: the latest SKP version of the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BarisRekapSkp {
    pub employee_id: Uuid,
    pub nip: String,
    pub nama: String,
    pub jabatan: Option<String>,
    pub unit: Option<String>,
    /// None: no SKP started.
    pub status: Option<StatusSkp>,
    pub versi: Option<i32>,
    /// Local day of submission of that version.
    pub diajukan: Option<NaiveDate>,
    /// Local day of approval of that version.
    pub disetujui: Option<NaiveDate>,
    pub ppkin_nip: Option<String>,
    pub ppkin_nama: Option<String>,
}

/// `GET /api/v1/rekap/skp`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RekapSkp {
    pub kepala: KepalaRekap,
    pub baris: Page<BarisRekapSkp>,
}

/// One employee of the rekap evaluasi: the set evaluation of the sub-period (the latest SKP
/// version's when several).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BarisRekapEvaluasi {
    pub employee_id: Uuid,
    pub nip: String,
    pub nama: String,
    pub jabatan: Option<String>,
    pub unit: Option<String>,
    pub rating_hasil: Option<Rating>,
    pub rating_perilaku: Option<Rating>,
    /// None: no set evaluation for the sub-period.
    pub predikat: Option<Predikat>,
    pub ditetapkan: Option<NaiveDate>,
}

/// The set predikat of one direct sub-unit (or the unit's own staff, first) with everything
/// below it, and the people without a set evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SebaranRekap {
    pub unit_id: Uuid,
    pub nama: String,
    pub jumlah_pegawai: u64,
    pub hitungan: Hitungan,
    pub belum_dinilai: u64,
}

/// `GET /api/v1/rekap/evaluasi`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RekapEvaluasi {
    pub kepala: KepalaRekap,
    pub baris: Page<BarisRekapEvaluasi>,
    /// The unit (its own staff and each direct sub-unit with everything below it).
    pub per_unit: Vec<SebaranRekap>,
    /// The distribution check of the organisation predikat governing the unit (the same as
    /// the evaluation pages), when one is set for the sub-period.
    pub pola: Option<DistribusiUnit>,
}

/// One jabatan fungsional employee of the rekap angka kredit (PerBKN 3/2023 conversion).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BarisRekapAngkaKredit {
    pub employee_id: Uuid,
    pub nip: String,
    pub nama: String,
    pub jabatan: Option<String>,
    pub jenjang: String,
    pub unit: Option<String>,
    /// Yearly coefficient of the jenjang.
    pub koefisien: f64,
    /// The annual predikat, when set.
    pub predikat_tahunan: Option<Predikat>,
    /// Number of sub-periods with a set predikat (used when there is no annual one).
    pub periode_dinilai: u32,
    /// Months counted: 12 with an annual predikat, else the months of the set sub-periods.
    pub bulan: u32,
    /// The angka kredit of the year (two decimals); none without any set predikat.
    pub angka_kredit: Option<f64>,
}

/// `GET /api/v1/rekap/angka-kredit`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RekapAngkaKredit {
    pub kepala: KepalaRekap,
    pub baris: Page<BarisRekapAngkaKredit>,
}

/// One row of the national export (layout [`VERSI_SIASN`]; docs/rekap.md marks the columns
/// whose official names are unverified).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BarisSiasn {
    pub versi: String,
    pub nip: String,
    pub nama: String,
    pub tahun: i32,
    pub periode_mulai: NaiveDate,
    pub periode_selesai: NaiveDate,
    pub rating_hasil_kerja: Rating,
    pub rating_perilaku_kerja: Rating,
    pub predikat_kinerja: Predikat,
    pub nip_pejabat_penilai: String,
}

string_enum! {
    /// Why an employee cannot be exported yet.
    AlasanTidakSiap {
        /// No approved SKP for the period.
        SkpBelumDisetujui => "skp_belum_disetujui",
        /// The annual evaluation is not set.
        EvaluasiTahunanBelum => "evaluasi_tahunan_belum",
        /// The set annual evaluation lacks a rating or the predikat.
        NilaiTidakLengkap => "nilai_tidak_lengkap",
        /// Neither the evaluation's assessor nor the SKP's PPKin is known.
        PpkinTidakDiketahui => "ppkin_tidak_diketahui",
        /// An objection to the annual evaluation is not decided yet.
        KeberatanTerbuka => "keberatan_terbuka",
    }
}

/// One employee who cannot be exported yet, with every reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TidakSiap {
    pub employee_id: Uuid,
    pub nip: String,
    pub nama: String,
    pub unit: Option<String>,
    pub alasan: Vec<AlasanTidakSiap>,
}

/// `GET /api/v1/rekap/siasn/validasi`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ValidasiSiasn {
    pub kepala: KepalaRekap,
    /// The layout version the export writes.
    pub versi: String,
    /// Active employees of the unit and below.
    pub jumlah_pegawai: u64,
    /// Of whom this many are in the export.
    pub siap: u64,
    /// The others, by unit and name.
    pub tidak_siap: Page<TidakSiap>,
}

string_enum! {
    /// The file format of the national export.
    FormatEkspor {
        Csv => "csv",
        Json => "json",
    }
}

/// `?format=` of the national export, with the recap's filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct EksporQuery {
    pub format: FormatEkspor,
    pub unit_id: Option<Uuid>,
    pub periode_id: Option<Uuid>,
}
