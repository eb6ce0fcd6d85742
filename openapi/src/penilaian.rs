//! The evaluation API (penilaian kinerja): request and response bodies. The rules they rest on
//! (kuadran, distribution, angka kredit) are in [`crate::evaluation`].

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::evaluation::{
    AturanDistribusi, Hitungan, Kuota, Pembulatan, Predikat, PredikatOrganisasi, Rating,
};
use crate::organisation::string_enum;
use crate::validation::not_blank;

/// `?periode_ke=`: a sub-period of the rhythm (1–12), or 0 for the annual evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct EvaluasiQuery {
    #[validate(range(min = 0, max = 12, code = "periode_0_12"))]
    #[cfg_attr(feature = "openapi", param(minimum = 0, maximum = 12))]
    pub periode_ke: i32,
}

string_enum! {
    StatusEvaluasi {
        Draft => "draft",
        Ditetapkan => "ditetapkan",
    }
}

/// An evaluation of one SKP for one sub-period (or the year, `periode_ke` 0).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Evaluasi {
    pub id: Uuid,
    pub skp_id: Uuid,
    pub periode_ke: i32,
    pub rating_hasil: Option<Rating>,
    pub rating_perilaku: Option<Rating>,
    /// Derived from the two ratings by the kuadran kinerja; never typed.
    pub predikat: Option<Predikat>,
    pub catatan_hasil: Option<String>,
    pub catatan_perilaku: Option<String>,
    pub rekomendasi: Option<String>,
    /// The rating hasil kerja follows the unit's organisation result (the employee heads it).
    pub hasil_dari_organisasi: bool,
    pub status: StatusEvaluasi,
    pub versi: i32,
    pub ditetapkan_at: Option<DateTime<Utc>>,
    /// Last day on which the employee may object.
    pub batas_keberatan: Option<NaiveDate>,
}

/// One kept state of an evaluation (every change keeps the previous value).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersiEvaluasi {
    pub versi: i32,
    /// `penetapan`, `keberatan` or `koreksi`.
    pub sumber: String,
    pub rating_hasil: Option<Rating>,
    pub rating_perilaku: Option<Rating>,
    pub predikat: Option<Predikat>,
    pub alasan: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// The system's suggestion (the PPKin decides).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SaranRating {
    pub rating_hasil: Option<Rating>,
    pub rating_perilaku: Rating,
    /// Average capaian of the indicators with values (percent, capped for display).
    pub capaian_rata_rata: Option<f64>,
    pub umpan_balik_positif: u32,
    pub umpan_balik_negatif: u32,
    pub keterangan: String,
}

string_enum! {
    StatusKeberatan {
        /// Filed by the employee; waiting for the PPKin's explanation.
        Diajukan => "diajukan",
        /// Explained by the PPKin; waiting for the Atasan PPKin.
        Dijelaskan => "dijelaskan",
        /// Decided by the Atasan PPKin: final.
        Diputus => "diputus",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum KeputusanKeberatan {
    Tetap,
    Diubah,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Keberatan {
    pub id: Uuid,
    pub alasan: String,
    pub status: StatusKeberatan,
    pub penjelasan: Option<String>,
    pub keputusan: Option<KeputusanKeberatan>,
    pub catatan_keputusan: Option<String>,
    pub diajukan_at: DateTime<Utc>,
    pub dijelaskan_at: Option<DateTime<Utc>>,
    pub diputus_at: Option<DateTime<Utc>>,
    /// Files the employee attached to the reasons (added until the PPKin explains).
    pub lampiran: Vec<LampiranKeberatan>,
}

/// At most this many files are attached to one objection: enough for a few letters and photos.
pub const MAKS_LAMPIRAN_KEBERATAN: u64 = 5;

/// A file attached to an objection; downloaded from `/api/v1/lampiran-keberatan/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LampiranKeberatan {
    pub id: Uuid,
    pub nama_berkas: String,
    pub mime: String,
    /// Size in bytes.
    pub ukuran: i64,
    /// SHA-256 (hex) of the stored file.
    pub sha256: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ItemPerbaikan {
    pub id: Uuid,
    /// `aksi` (a concrete action with a due date), `pelatihan` (a recommended training) or
    /// `checkin` (progress noted by the employee or the PPKin).
    pub jenis: String,
    pub uraian: String,
    pub jatuh_tempo: Option<NaiveDate>,
    pub penulis: String,
    pub created_at: DateTime<Utc>,
    /// A `pelatihan` done: a verified development record of the employee bears its name and
    /// ended on or after the day the plan was opened.
    #[serde(default)]
    pub terpenuhi: bool,
}

/// Rencana perbaikan: opened when a result is Di Bawah Ekspektasi or the predikat is Butuh
/// Perbaikan or worse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RencanaPerbaikan {
    pub id: Uuid,
    pub saran: Option<String>,
    pub items: Vec<ItemPerbaikan>,
    pub created_at: DateTime<Utc>,
}

/// The unit's organisation predikat and how the employee predikat of the unit are spread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DistribusiUnit {
    pub unit_id: Uuid,
    pub unit_nama: String,
    pub predikat_organisasi: Option<PredikatOrganisasi>,
    pub dasar: Option<String>,
    pub pembulatan: Pembulatan,
    pub pembulatan_keterangan: String,
    /// Evaluated employees of the unit (ratings set or in draft).
    pub jumlah_pegawai: u32,
    /// Set (ditetapkan) predikat counts.
    pub hitungan: Hitungan,
    pub aturan: Vec<AturanDistribusi>,
    pub kuota: Vec<Kuota>,
    /// Rules the set predikat break (warnings, or a block when the instansi chose so).
    pub pelanggaran: Vec<String>,
    pub blokir: bool,
}

/// What the viewer is to the evaluated SKP: decides which actions the page offers (the
/// server checks each action again).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PeranEvaluasi {
    /// The evaluated employee (may object).
    Pemilik,
    /// The current PPKin (rates, explains an objection, writes the improvement plan).
    PejabatPenilai,
    /// The current Atasan PPKin (decides an objection).
    AtasanPejabatPenilai,
    /// Anyone else who may read the SKP (admins, auditors, higher pimpinan).
    Pembaca,
}

/// Everything the evaluation page needs for one SKP and period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluasiView {
    pub skp_id: Uuid,
    pub periode_ke: i32,
    pub pegawai: String,
    pub nip: String,
    pub evaluasi: Option<Evaluasi>,
    pub saran: SaranRating,
    pub distribusi: Option<DistribusiUnit>,
    pub keberatan: Option<Keberatan>,
    pub rencana_perbaikan: Option<RencanaPerbaikan>,
    pub riwayat: Vec<VersiEvaluasi>,
    /// Sangat Baik: a priority for competency development.
    pub prioritas_pengembangan: bool,
    pub peran: PeranEvaluasi,
    /// The employee's development since the previous evaluation: records (verified or
    /// waiting) that ended from the first day of this sub-period (of the year, for the annual
    /// evaluation) on, latest first, at most 20.
    #[serde(default)]
    pub pengembangan: Vec<crate::pengembangan::PengembanganTerakhir>,
}

/// `PUT /api/v1/skp/{id}/evaluasi?periode_ke=` (PPKin, while in draft).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SimpanEvaluasi {
    pub rating_hasil: Option<Rating>,
    pub rating_perilaku: Option<Rating>,
    #[validate(length(max = 2000, code = "maks_2000_karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub catatan_hasil: Option<String>,
    #[validate(length(max = 2000, code = "maks_2000_karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub catatan_perilaku: Option<String>,
    #[validate(length(max = 2000, code = "maks_2000_karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub rekomendasi: Option<String>,
}

/// A reason, required for an admin correction and for an objection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AjukanKeberatan {
    #[validate(
        length(min = 10, max = 4000, code = "alasan_keberatan_10_4000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 4000))]
    pub alasan: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct JelaskanKeberatan {
    #[validate(
        length(min = 10, max = 4000, code = "penjelasan_10_4000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 4000))]
    pub penjelasan: String,
}

/// The Atasan PPKin's final decision; `diubah` carries the new ratings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PutuskanKeberatan {
    pub keputusan: KeputusanKeberatan,
    pub rating_hasil: Option<Rating>,
    pub rating_perilaku: Option<Rating>,
    #[validate(
        length(min = 1, max = 4000, code = "pertimbangan_maks_4000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 4000))]
    pub catatan: String,
}

/// `POST /api/v1/evaluasi/{id}/koreksi` (admin): an audited correction of a set evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct KoreksiEvaluasi {
    pub rating_hasil: Rating,
    pub rating_perilaku: Rating,
    #[validate(
        length(min = 10, max = 2000, code = "alasan_koreksi_10_2000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 2000))]
    pub alasan: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AksiPerbaikan {
    #[validate(
        length(min = 3, max = 1000, code = "uraian_3_1000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 1000))]
    pub uraian: String,
    pub jatuh_tempo: Option<NaiveDate>,
}

/// `PUT /api/v1/evaluasi/{id}/rencana-perbaikan` (PPKin): advice, actions and trainings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SimpanRencanaPerbaikan {
    #[validate(
        length(min = 10, max = 4000, code = "saran_perbaikan_10_4000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 4000))]
    pub saran: String,
    #[validate(nested, length(max = 30, code = "maks_30_aksi"))]
    pub aksi: Vec<AksiPerbaikan>,
    /// Recommended trainings (names from the training catalogue or free text).
    #[validate(length(max = 20, code = "maks_20_pelatihan"))]
    pub pelatihan: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CheckinPerbaikan {
    #[validate(
        length(min = 3, max = 2000, code = "catatan_3_2000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 2000))]
    pub catatan: String,
}

/// `PUT /api/v1/units/{id}/predikat-organisasi`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TetapkanPredikatOrganisasi {
    pub periode_id: Uuid,
    #[validate(range(min = 0, max = 12, code = "periode_0_12"))]
    pub periode_ke: i32,
    pub predikat: PredikatOrganisasi,
    /// The basis: rencana aksi progress, capaian Perjanjian Kinerja, recommendations.
    #[validate(
        length(min = 10, max = 4000, code = "dasar_penetapan_10_4000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 4000))]
    pub dasar: String,
}

/// `?periode_id=&periode_ke=` of a unit's distribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct DistribusiQuery {
    pub periode_id: Uuid,
    #[validate(range(min = 0, max = 12, code = "periode_0_12"))]
    #[cfg_attr(feature = "openapi", param(minimum = 0, maximum = 12))]
    pub periode_ke: i32,
}

/// One unit in the list of organisation predikat of a period (`GET /predikat-organisasi`):
/// the units the viewer sees, in tree order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PredikatOrganisasiUnit {
    pub unit_id: Uuid,
    pub unit_nama: String,
    /// Depth below the first listed level (0), for indentation.
    pub tingkat: u32,
    pub predikat: Option<PredikatOrganisasi>,
    pub dasar: Option<String>,
    /// Whether the viewer may set it: the pimpinan of the unit above, or the HR office.
    pub dapat_menetapkan: bool,
}

/// One line of the angka kredit conversion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RincianAngkaKredit {
    pub periode_ke: i32,
    pub bulan: u32,
    pub predikat: Predikat,
    pub persen: f64,
    pub angka_kredit: f64,
}

/// Angka kredit of a JF employee from the set evaluations of an SKP.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AngkaKredit {
    pub skp_id: Uuid,
    pub jenjang: Option<String>,
    /// Yearly coefficient of the jenjang (a configurable default) [U].
    pub koefisien_tahunan: Option<f64>,
    /// Periodic lines; the annual line (periode_ke 0) when the year is set.
    pub rincian: Vec<RincianAngkaKredit>,
    /// The periodic lines (not the annual one) together: computed at full precision and
    /// rounded once, so it may differ by 0.01 from the sum of the rounded lines. `None`
    /// without a periodic line.
    pub jumlah_periodik: Option<f64>,
}

/// A generated Dokumen Evaluasi Kinerja.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DokumenEvaluasi {
    pub nomor: String,
    /// The code in the QR and in `/verifikasi/{kode}`.
    pub kode: String,
    /// SHA-256 (hex) of the PDF as stored.
    pub sha256: String,
    /// The evaluation version the document shows.
    pub versi_evaluasi: i32,
    pub created_at: DateTime<Utc>,
}

/// What the public verification page shows: nothing beyond number, name, period and predikat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VerifikasiDokumen {
    pub nomor: String,
    pub nama: String,
    pub periode: String,
    pub predikat: Option<Predikat>,
    /// Whether the stored document still has the hash recorded when it was made.
    pub cocok: bool,
}

/// `PUT /api/v1/reference/jenjang/{kode}/koefisien` (HR office): the yearly angka kredit
/// coefficient of a jenjang fungsional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SetKoefisien {
    #[validate(range(exclusive_min = 0.0, max = 100.0, code = "koefisien_0_100"))]
    #[cfg_attr(
        feature = "openapi",
        schema(exclusive_minimum = 0.0, maximum = 100.0, example = 12.5)
    )]
    pub koefisien: f64,
}

crate::organisation::string_enum! {
    /// Kind of competency a training develops (PermenPANRB 6/2022 and PerLAN on pengembangan
    /// kompetensi).
    JenisPelatihan {
        Teknis => "teknis",
        Manajerial => "manajerial",
        SosialKultural => "sosial_kultural",
        Fungsional => "fungsional",
    }
}

/// A training of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Pelatihan {
    pub id: Uuid,
    pub nama: String,
    pub jenis: JenisPelatihan,
    /// Jam pelajaran (JP).
    pub jp: Option<i32>,
    /// Inactive trainings are kept (plans name them) but no longer offered.
    pub aktif: bool,
}

/// `POST /api/v1/pelatihan` (HR office).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreatePelatihan {
    #[validate(
        length(min = 3, max = 200, code = "nama_pelatihan_3_200"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 3, max_length = 200, pattern = "\\S")
    )]
    pub nama: String,
    pub jenis: JenisPelatihan,
    #[validate(range(min = 1, max = 1000, code = "jp_1_1000"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000))]
    pub jp: Option<i32>,
}

/// `PATCH /api/v1/pelatihan/{id}` (HR office): only the fields given change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdatePelatihan {
    #[validate(
        length(min = 3, max = 200, code = "nama_pelatihan_3_200"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 3, max_length = 200, pattern = "\\S")
    )]
    pub nama: Option<String>,
    pub jenis: Option<JenisPelatihan>,
    #[validate(range(min = 1, max = 1000, code = "jp_1_1000"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000))]
    pub jp: Option<i32>,
    pub aktif: Option<bool>,
}

/// `?q=&semua=` of the training catalogue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PelatihanQuery {
    /// Part of the name.
    #[validate(length(max = 100, code = "maks_100_karakter"))]
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    /// Also the inactive ones (default: only active).
    pub semua: Option<bool>,
}
