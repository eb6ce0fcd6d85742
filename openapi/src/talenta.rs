//! Career and talent management (issue #18, "Career"; PermenPANRB 3/2020 on manajemen talenta;
//! docs/pengembangan.md, "Karier dan manajemen talenta"): the career page, the potential the
//! HR office records, the nine boxes and the key positions with their succession candidates.
//!
//! The performance axis comes from the annual predikat of two years by [`tingkat_kinerja`];
//! the nine-box layout seeded for every instansi is [`KOTAK_BAKU`], to be confirmed locally.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::{Validate, ValidationError};

use crate::employees::JenisPenugasan;
use crate::evaluation::Predikat;
use crate::organisation::string_enum;
use crate::pengembangan::{BentukPengembangan, PeranKegiatan, StatusCatatan};
use crate::validation::not_blank;

string_enum! {
    /// A level of either axis of the nine boxes.
    TingkatTalenta {
        Rendah => "rendah",
        Menengah => "menengah",
        Tinggi => "tinggi",
    }
}

impl TingkatTalenta {
    pub fn label(self) -> &'static str {
        match self {
            TingkatTalenta::Rendah => "Rendah",
            TingkatTalenta::Menengah => "Menengah",
            TingkatTalenta::Tinggi => "Tinggi",
        }
    }
}

/// The performance level from the annual predikat of the two years considered (one or two
/// values; the order does not matter). The rule (docs/pengembangan.md; a local choice, to be
/// confirmed locally):
/// - any predikat below Baik (Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang) → rendah;
/// - otherwise at least one Sangat Baik (Sangat Baik twice, or Sangat Baik and Baik) → tinggi;
/// - otherwise (Baik) → menengah.
///
/// With one year only, that year decides alone; with none there is no level (the employee is
/// not placed in a box). The server computes the same rule in SQL.
pub fn tingkat_kinerja(predikat: &[Predikat]) -> Option<TingkatTalenta> {
    if predikat.is_empty() {
        None
    } else if predikat.iter().any(|p| p.perlu_perbaikan()) {
        Some(TingkatTalenta::Rendah)
    } else if predikat.contains(&Predikat::SangatBaik) {
        Some(TingkatTalenta::Tinggi)
    } else {
        Some(TingkatTalenta::Menengah)
    }
}

/// One box of the seeded layout: number, performance, potential, label, recommendation.
pub type KotakBaku = (
    i32,
    TingkatTalenta,
    TingkatTalenta,
    &'static str,
    &'static str,
);

/// The common nine-box layout (box 9 = performance above expectation and high potential, box 1
/// = low and low; boxes 7–9 are the succession pool). Seeded for every instansi with
/// `dikonfirmasi = false`: the numbering of the middle boxes and the labels vary between
/// instansi and are to be confirmed locally.
pub const KOTAK_BAKU: [KotakBaku; 9] = {
    use TingkatTalenta::{Menengah as M, Rendah as R, Tinggi as T};
    [
        (
            1,
            R,
            R,
            "Perlu perhatian",
            "Pembinaan kinerja dan konseling; evaluasi penempatan.",
        ),
        (
            2,
            R,
            M,
            "Perlu perhatian",
            "Bimbingan kinerja (coaching) dan target yang jelas.",
        ),
        (
            3,
            M,
            R,
            "Pelaksana andal",
            "Pengembangan kompetensi teknis; pertahankan di jabatan.",
        ),
        (
            4,
            R,
            T,
            "Potensi belum tampil",
            "Mentoring dan penyesuaian tugas agar potensi terlihat dalam kinerja.",
        ),
        (
            5,
            M,
            M,
            "Andalan",
            "Pengembangan kompetensi sesuai kebutuhan; penugasan yang menantang.",
        ),
        (
            6,
            T,
            R,
            "Spesialis berkinerja",
            "Rotasi atau pengayaan jabatan; pengembangan kompetensi.",
        ),
        (
            7,
            M,
            T,
            "Kandidat suksesor",
            "Pengembangan kepemimpinan; penugasan khusus.",
        ),
        (
            8,
            T,
            M,
            "Kandidat suksesor",
            "Pengembangan kompetensi manajerial; rotasi ke jabatan kritikal.",
        ),
        (
            9,
            T,
            T,
            "Kandidat suksesor utama",
            "Promosi atau jabatan kritikal; program percepatan.",
        ),
    ]
};

/// The box of `kinerja` and `potensi` in the seeded layout.
pub fn nomor_baku(kinerja: TingkatTalenta, potensi: TingkatTalenta) -> i32 {
    KOTAK_BAKU
        .iter()
        .find(|k| k.1 == kinerja && k.2 == potensi)
        .map_or(0, |k| k.0)
}

// ---------------------------------------------------------------------------------------------
// Career page

/// One position held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RiwayatJabatan {
    pub jabatan_id: Uuid,
    pub jabatan: String,
    /// Jenjang code of the position (`GET /api/v1/reference`).
    pub jenjang: String,
    pub unit_id: Uuid,
    pub unit: String,
    /// Definitif, or acting (Plt/Plh).
    pub jenis: JenisPenugasan,
    pub mulai: NaiveDate,
    pub selesai: Option<NaiveDate>,
}

/// The evaluations of one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KinerjaTahunan {
    pub tahun: i32,
    /// The annual predikat (periode_ke 0), once set.
    pub predikat_tahunan: Option<Predikat>,
    /// Set periodic predikat of the year, by sub-period.
    pub periodik: Vec<PredikatPeriodik>,
    /// Angka kredit of the year for a jabatan fungsional (docs/regulation.md, "Angka
    /// kredit"): from the annual predikat when set, otherwise the periodic ones pro-rated by
    /// months; empty outside JF or without a coefficient.
    pub angka_kredit: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PredikatPeriodik {
    pub periode_ke: i32,
    pub predikat: Predikat,
}

/// A development record on the career page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PengembanganKarier {
    pub id: Uuid,
    pub tahun: i32,
    pub nama: String,
    pub bentuk: BentukPengembangan,
    pub peran: PeranKegiatan,
    pub tanggal_mulai: NaiveDate,
    pub tanggal_selesai: NaiveDate,
    pub menit: i32,
    /// `menit` / 45, two decimals.
    pub jp: f64,
    pub status: StatusCatatan,
}

/// Verified JP of one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct JpTahunan {
    pub tahun: i32,
    pub menit_terverifikasi: i64,
    pub jp_terverifikasi: f64,
    /// At least 20 verified JP.
    pub memenuhi: bool,
}

/// `GET /api/v1/pengembangan/karier/{employee_id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Karier {
    pub employee_id: Uuid,
    pub nama: String,
    pub nip: String,
    /// Golongan ruang as stored on the employee record (no rank history is kept).
    pub golongan: Option<String>,
    pub pangkat: Option<String>,
    pub tmt_golongan: Option<NaiveDate>,
    /// Newest first.
    pub jabatan: Vec<RiwayatJabatan>,
    /// Newest year first.
    pub kinerja: Vec<KinerjaTahunan>,
    /// Angka kredit of all years together (JF only).
    pub angka_kredit_total: Option<f64>,
    /// Newest first.
    pub pengembangan: Vec<PengembanganKarier>,
    /// Newest year first.
    pub jp_per_tahun: Vec<JpTahunan>,
}

// ---------------------------------------------------------------------------------------------
// Potential

/// A potential assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Potensi {
    pub id: Uuid,
    pub employee_id: Uuid,
    pub tingkat: TingkatTalenta,
    pub tanggal: NaiveDate,
    pub sumber: String,
    pub catatan: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// `POST /api/v1/pengembangan/talenta/potensi` (HR office).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CatatPotensi {
    pub employee_id: Uuid,
    pub tingkat: TingkatTalenta,
    /// The assessment's date: not after today (the instansi's local day).
    pub tanggal: NaiveDate,
    /// Where it comes from, e.g. "Assessment center BKPSDM 2026".
    #[validate(
        length(min = 3, max = 200, code = "sumber_potensi_3_200"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 3, max_length = 200, pattern = "\\S")
    )]
    pub sumber: String,
    #[validate(length(max = 2000, code = "catatan_3_2000"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub catatan: Option<String>,
}

/// `GET /api/v1/pengembangan/talenta/saya`: the viewer's own potential and box, when the
/// instansi shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TalentaSaya {
    pub potensi: Option<Potensi>,
    pub kinerja: Option<TingkatTalenta>,
    pub kotak: Option<Kotak>,
}

// ---------------------------------------------------------------------------------------------
// Settings and the nine boxes

/// Query naming the instansi (the viewer's own when left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct InstansiQuery {
    pub instansi_id: Option<Uuid>,
}

/// The instansi's talent settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PengaturanTalenta {
    pub instansi_id: Uuid,
    /// Whether each employee sees their own potential and box (never anyone else's).
    pub tampilkan_ke_pegawai: bool,
    pub lock_version: i32,
}

/// `PUT /api/v1/pengembangan/talenta/pengaturan` (HR office).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UbahPengaturanTalenta {
    pub instansi_id: Option<Uuid>,
    pub lock_version: i32,
    pub tampilkan_ke_pegawai: bool,
}

/// One box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Kotak {
    #[validate(range(min = 1, max = 9, code = "nomor_kotak_1_9"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 9))]
    pub nomor: i32,
    pub kinerja: TingkatTalenta,
    pub potensi: TingkatTalenta,
    #[validate(
        length(min = 2, max = 100, code = "label_kotak_2_100"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 2, max_length = 100, pattern = "\\S")
    )]
    pub label: String,
    #[validate(length(max = 1000, code = "maks_1000_karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub rekomendasi: String,
}

/// The instansi's nine boxes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KonfigurasiKotak {
    pub instansi_id: Uuid,
    /// By number.
    pub kotak: Vec<Kotak>,
    /// False while the seeded layout stands: "to be confirmed locally".
    pub dikonfirmasi: bool,
    pub lock_version: i32,
}

fn sembilan_kotak(kotak: &[Kotak]) -> Result<(), ValidationError> {
    let mut nomor: Vec<i32> = kotak.iter().map(|k| k.nomor).collect();
    nomor.sort_unstable();
    let mut sel: Vec<(TingkatTalenta, TingkatTalenta)> =
        kotak.iter().map(|k| (k.kinerja, k.potensi)).collect();
    sel.sort();
    sel.dedup();
    if nomor == (1..=9).collect::<Vec<_>>() && sel.len() == 9 {
        Ok(())
    } else {
        Err(ValidationError::new("sembilan_kotak"))
    }
}

/// `PUT /api/v1/pengembangan/talenta/kotak` (HR office): the whole table, each number 1–9 and
/// each pair of levels once; marks it confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UbahKotak {
    pub instansi_id: Option<Uuid>,
    pub lock_version: i32,
    #[validate(custom(function = "sembilan_kotak"), nested)]
    pub kotak: Vec<Kotak>,
}

/// Query of the grid and of a box's names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct GridQuery {
    /// The HR office's instansi (its own employee record's when left out).
    pub instansi_id: Option<Uuid>,
    /// One unit with everything below it; a pimpinan's own subtree when left out.
    pub unit_id: Option<Uuid>,
    /// The later of the two years whose annual predikat count; last year (the instansi's
    /// local day) when left out.
    #[validate(range(min = 2020, max = 2100, code = "tahun_2020_2100"))]
    #[cfg_attr(feature = "openapi", param(minimum = 2020, maximum = 2100))]
    pub tahun: Option<i32>,
}

/// A box with its count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SelGrid {
    pub kotak: Kotak,
    pub jumlah: u64,
}

/// `GET /api/v1/pengembangan/talenta/grid`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GridTalenta {
    pub instansi_id: Uuid,
    /// The unit the grid covers (with everything below it); the whole instansi when empty.
    pub unit_id: Option<Uuid>,
    /// The two years whose annual predikat count, earlier first.
    pub tahun_kinerja: [i32; 2],
    /// By number, all nine.
    pub sel: Vec<SelGrid>,
    /// Active employees covered.
    pub jumlah_pegawai: u64,
    /// Of them, without a recorded potential.
    pub tanpa_potensi: u64,
    /// Of them, without an annual predikat in either year.
    pub tanpa_predikat: u64,
    /// False while the seeded layout stands.
    pub dikonfirmasi: bool,
}

/// `?tahun=` of the succession candidates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct TahunKinerjaQuery {
    /// The later of the two years whose annual predikat count; last year (the instansi's
    /// local day) when left out.
    #[validate(range(min = 2020, max = 2100, code = "tahun_2020_2100"))]
    #[cfg_attr(feature = "openapi", param(minimum = 2020, maximum = 2100))]
    pub tahun: Option<i32>,
}

/// Query of the names in one box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct IsiKotakQuery {
    pub instansi_id: Option<Uuid>,
    pub unit_id: Option<Uuid>,
    #[validate(range(min = 2020, max = 2100, code = "tahun_2020_2100"))]
    #[cfg_attr(feature = "openapi", param(minimum = 2020, maximum = 2100))]
    pub tahun: Option<i32>,
    #[serde(default = "first_page")]
    #[validate(range(min = 1, max = 1_000_000, code = "halaman_minimal_1"))]
    #[cfg_attr(
        feature = "openapi",
        param(minimum = 1, maximum = 1_000_000, default = 1)
    )]
    pub page: u64,
    #[serde(default = "per_page_default")]
    #[validate(range(min = 1, max = 100, code = "per_halaman_1_100"))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100, default = 20))]
    pub per_page: u64,
}

fn first_page() -> u64 {
    1
}

fn per_page_default() -> u64 {
    20
}

/// An employee in a box.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PegawaiTalenta {
    pub employee_id: Uuid,
    pub nama: String,
    pub nip: String,
    pub jabatan: Option<String>,
    pub unit: Option<String>,
    pub golongan: Option<String>,
    pub nomor_kotak: i32,
    pub kinerja: TingkatTalenta,
    pub potensi: TingkatTalenta,
}

// ---------------------------------------------------------------------------------------------
// Key positions and succession

/// A key position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct JabatanKritikal {
    pub id: Uuid,
    pub position_id: Uuid,
    pub jabatan: String,
    pub unit: String,
    /// The definitive holder today, if any.
    pub pemegang: Option<String>,
    pub alasan: Option<String>,
    /// The golongan the position asks for; no rank rule when empty.
    pub golongan_minimal: Option<String>,
    /// Golongan steps a candidate may be below `golongan_minimal`.
    pub toleransi_golongan: i32,
    /// Lowest box proposed (7 by default: boxes 7–9).
    pub kotak_minimal: i32,
    /// Candidates added by hand.
    pub jumlah_kandidat_manual: u64,
    pub lock_version: i32,
}

fn toleransi(v: i32) -> Result<(), ValidationError> {
    if (0..=4).contains(&v) {
        Ok(())
    } else {
        Err(ValidationError::new("toleransi_golongan_0_4"))
    }
}

/// `POST /api/v1/pengembangan/talenta/jabatan-kritikal` (HR office).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TandaiJabatanKritikal {
    pub position_id: Uuid,
    #[validate(length(max = 1000, code = "maks_1000_karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub alasan: Option<String>,
    /// A golongan code of `GET /api/v1/reference`.
    #[validate(length(max = 6, code = "golongan_tidak_dikenal_singkat"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 6))]
    pub golongan_minimal: Option<String>,
    /// 1 when left out.
    #[validate(custom(function = "toleransi"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 4))]
    pub toleransi_golongan: Option<i32>,
    /// 7 when left out.
    #[validate(range(min = 1, max = 9, code = "nomor_kotak_1_9"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 9))]
    pub kotak_minimal: Option<i32>,
}

/// `PATCH /api/v1/pengembangan/talenta/jabatan-kritikal/{id}`: only the fields given change;
/// an empty `golongan_minimal` or `alasan` clears it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UbahJabatanKritikal {
    pub lock_version: i32,
    #[validate(length(max = 1000, code = "maks_1000_karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub alasan: Option<String>,
    #[validate(length(max = 6, code = "golongan_tidak_dikenal_singkat"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 6))]
    pub golongan_minimal: Option<String>,
    #[validate(custom(function = "toleransi"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 4))]
    pub toleransi_golongan: Option<i32>,
    #[validate(range(min = 1, max = 9, code = "nomor_kotak_1_9"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 9))]
    pub kotak_minimal: Option<i32>,
}

/// `?lock_version=` of a delete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct LockQuery {
    pub lock_version: i32,
}

/// A succession candidate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KandidatSuksesi {
    pub employee_id: Uuid,
    pub nama: String,
    pub nip: String,
    pub jabatan: Option<String>,
    pub golongan: Option<String>,
    /// The box today; empty when the employee is not placed (no potential or predikat).
    pub nomor_kotak: Option<i32>,
    /// Added by hand (with a note) rather than drawn from the boxes.
    pub manual: bool,
    pub catatan: Option<String>,
}

/// `GET /api/v1/pengembangan/talenta/jabatan-kritikal/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Suksesi {
    pub jabatan: JabatanKritikal,
    pub tahun_kinerja: [i32; 2],
    /// Drawn from boxes `kotak_minimal`–9 among the eligible ranks, best box first (at most
    /// 50), then the hand-picked ones not among them.
    pub kandidat: Vec<KandidatSuksesi>,
}

/// `POST /api/v1/pengembangan/talenta/jabatan-kritikal/{id}/kandidat`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TambahKandidat {
    /// Of the key position.
    pub lock_version: i32,
    pub employee_id: Uuid,
    /// Why this person.
    #[validate(
        length(min = 3, max = 2000, code = "catatan_3_2000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 3, max_length = 2000, pattern = "\\S")
    )]
    pub catatan: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use Predikat::*;
    use TingkatTalenta::*;

    #[test]
    fn performance_level_from_two_years() {
        assert_eq!(tingkat_kinerja(&[SangatBaik, SangatBaik]), Some(Tinggi));
        assert_eq!(tingkat_kinerja(&[SangatBaik, Baik]), Some(Tinggi));
        assert_eq!(tingkat_kinerja(&[Baik, SangatBaik]), Some(Tinggi));
        assert_eq!(tingkat_kinerja(&[Baik, Baik]), Some(Menengah));
        assert_eq!(tingkat_kinerja(&[SangatBaik, ButuhPerbaikan]), Some(Rendah));
        assert_eq!(tingkat_kinerja(&[Baik, Kurang]), Some(Rendah));
        assert_eq!(tingkat_kinerja(&[SangatKurang]), Some(Rendah));
        assert_eq!(tingkat_kinerja(&[Baik]), Some(Menengah));
        assert_eq!(tingkat_kinerja(&[]), None);
    }

    #[test]
    fn the_seeded_layout_covers_every_pair_once() {
        let k: Vec<Kotak> = KOTAK_BAKU
            .iter()
            .map(|b| Kotak {
                nomor: b.0,
                kinerja: b.1,
                potensi: b.2,
                label: b.3.to_owned(),
                rekomendasi: b.4.to_owned(),
            })
            .collect();
        assert!(sembilan_kotak(&k).is_ok());
        assert_eq!(nomor_baku(Tinggi, Tinggi), 9);
        assert_eq!(nomor_baku(Rendah, Rendah), 1);
        let mut dup = k.clone();
        dup[0].kinerja = Tinggi;
        dup[0].potensi = Tinggi;
        assert!(sembilan_kotak(&dup).is_err());
    }
}
