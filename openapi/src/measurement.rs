//! Measurement: rencana aksi and realisasi per IKI and evaluation sub-period, and capaian.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::planning::{Arah, Aspek, JenisRhk, JenisTarget};
use crate::validation::not_blank;

/// Capaian shown at most this high (the raw value is kept and returned as well) [U].
pub const CAPAIAN_TAMPIL_MAKS: f64 = 120.0;

/// Achievement in percent of `target`: `realisasi / target` when higher is better, and
/// `(2 × target − realisasi) / target` (not below 0) when lower is better. `None` without a
/// positive target or a value.
pub fn capaian(target: Option<f64>, realisasi: Option<f64>, arah: Arah) -> Option<f64> {
    let (t, r) = (target?, realisasi?);
    if t <= 0.0 {
        return None;
    }
    let value = match arah {
        Arah::Naik => r / t * 100.0,
        Arah::Turun => ((2.0 * t - r) / t * 100.0).max(0.0),
    };
    Some((value * 100.0).round() / 100.0)
}

/// The target of sub-period `k` (of `n`) derived from the yearly `target` by its nature:
/// a count is spread evenly, a held level stays as it is, a deadline's whole target falls in
/// the sub-period `tenggat_ke` that contains its date (the last one when no date is set) and the
/// others carry none. A rencana aksi target, where the employee set one, takes precedence over
/// this (see [`TargetPeriode`]).
#[must_use]
pub fn target_periode(
    target: Option<f64>,
    jenis: JenisTarget,
    k: i32,
    n: i32,
    tenggat_ke: Option<i32>,
) -> Option<f64> {
    let t = target?;
    match jenis {
        JenisTarget::Akumulatif => (n > 0).then(|| t / f64::from(n)),
        JenisTarget::Tetap => Some(t),
        JenisTarget::Tenggat => (k == tenggat_ke.unwrap_or(n)).then_some(t),
    }
}

/// Realisasi, target and capaian of an IKI over several sub-periods (the year to date or the
/// whole year), from each sub-period's `(target, realisasi)`: counts and deadlines add up, a
/// held level is averaged over the sub-periods that have one. A sub-period without a value
/// counts as nothing done for a count, and is left out of a held level's average.
#[must_use]
pub fn kumulatif(jenis: JenisTarget, arah: Arah, rows: &[(Option<f64>, Option<f64>)]) -> Kumulatif {
    let targets: Vec<f64> = rows.iter().filter_map(|r| r.0).collect();
    let values: Vec<f64> = rows.iter().filter_map(|r| r.1).collect();
    let sum = |v: &[f64]| (!v.is_empty()).then(|| v.iter().sum::<f64>());
    let mean = |v: &[f64]| (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64);
    let (target, realisasi) = match jenis {
        JenisTarget::Tetap => (mean(&targets), mean(&values)),
        JenisTarget::Akumulatif | JenisTarget::Tenggat => (sum(&targets), sum(&values)),
    };
    Kumulatif {
        target,
        realisasi,
        capaian: capaian(target, realisasi, arah),
    }
}

/// An IKI's figures over several sub-periods.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Kumulatif {
    pub target: Option<f64>,
    pub realisasi: Option<f64>,
    pub capaian: Option<f64>,
}

/// What a sub-period's capaian is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TargetPeriode {
    /// The target of this sub-period; none when nothing is due in it (a deadline elsewhere in
    /// the year) or the IKI has no numeric target.
    pub nilai: Option<f64>,
    /// Where it comes from.
    pub dasar: DasarTarget,
    /// The nature of the yearly target (chosen by the owner, else inferred from the unit).
    pub jenis: JenisTarget,
    /// Sub-period of a deadline target's date.
    pub tenggat_ke: Option<i32>,
}

crate::organisation::string_enum! {
    /// Where a sub-period's target comes from.
    DasarTarget {
        /// The employee's rencana aksi target for this sub-period.
        RencanaAksi => "rencana_aksi",
        /// Derived from the IKI's yearly target by its nature.
        TargetTahunan => "target_tahunan",
    }
}

/// `?periode_ke=` of the realisasi sheet: 1–12 for a monthly rhythm, 1–4 quarterly, 1–2 by
/// semester.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PeriodeKeQuery {
    #[validate(range(min = 1, max = 12, code = "periode_1_12"))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 12))]
    pub periode_ke: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RencanaAksi {
    pub uraian: String,
    pub target_nilai: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RealisasiValue {
    pub nilai: Option<f64>,
    pub naratif: Option<String>,
    pub dasar: Option<String>,
    /// `pegawai` (entered by the employee), `api` (pushed by another system) or `survei` (the
    /// IKM of a citizen satisfaction survey, see `survei_iki`).
    pub sumber: String,
    pub updated_at: DateTime<Utc>,
}

/// One IKI in the sheet of a sub-period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RealisasiRow {
    pub iki_id: Uuid,
    pub rhk_id: Uuid,
    pub rhk: String,
    pub jenis_rhk: JenisRhk,
    pub aspek: Option<Aspek>,
    pub indikator: String,
    pub target_nilai: Option<f64>,
    pub target_satuan: Option<String>,
    pub target_naratif: Option<String>,
    pub arah: Arah,
    pub rencana_aksi: Option<RencanaAksi>,
    pub realisasi: Option<RealisasiValue>,
    /// What this sub-period's realisasi is compared with.
    pub target_periode: TargetPeriode,
    /// Percent of the sub-period's target (`target_periode`), rounded to two decimals and
    /// uncapped.
    pub capaian: Option<f64>,
    /// From the first sub-period of the year through this one, across SKP versions.
    pub sampai_periode_ini: Kumulatif,
    /// `capaian` capped at 120 % for display.
    pub capaian_tampil: Option<f64>,
    /// Evidence attached to the realisasi.
    pub bukti: Vec<BuktiDukung>,
}

/// Average capaian of an RHK's IKI: information for the superior, not a rating.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RhkCapaian {
    pub rhk_id: Uuid,
    pub rhk: String,
    pub capaian: Option<f64>,
}

/// The realisasi sheet of an SKP for one sub-period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RealisasiSheet {
    /// The SKP version in force for this sub-period (which may be an earlier version than the
    /// one asked for, after a perubahan SKP).
    pub skp_id: Uuid,
    pub versi: i32,
    pub periode_ke: i32,
    /// Number of sub-periods in the year (12, 4 or 2).
    pub jumlah_periode: i32,
    pub mulai: NaiveDate,
    pub selesai: NaiveDate,
    /// The last day realisasi can be changed (end + the configured delay).
    pub batas_kunci: NaiveDate,
    pub terkunci: bool,
    /// When the admin unlocked it: until when.
    pub dibuka_sampai: Option<NaiveDate>,
    pub rows: Vec<RealisasiRow>,
    pub rhk: Vec<RhkCapaian>,
    /// Average over the RHK: information only.
    pub capaian_skp: Option<f64>,
    /// Average over the IKI of their capaian from the first sub-period through this one.
    pub capaian_sampai_periode_ini: Option<f64>,
}

/// `PUT /api/v1/skp/{id}/realisasi/{iki_id}?periode_ke=`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SaveRealisasi {
    #[validate(range(min = 0.0, max = 1e12, code = "realisasi_tidak_negatif"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1e12))]
    pub nilai: Option<f64>,
    #[validate(length(max = 2000, code = "maks_2000_karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub naratif: Option<String>,
    /// Dasar realisasi: what the value rests on.
    #[validate(length(max = 1000, code = "maks_1000_karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub dasar: Option<String>,
}

/// `PUT /api/v1/skp/{id}/rencana-aksi/{iki_id}?periode_ke=`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SaveRencanaAksi {
    #[validate(
        length(min = 1, max = 1000, code = "uraian_aksi_wajib_1000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 1000, pattern = "\\S")
    )]
    pub uraian: String,
    #[validate(range(min = 0.0, max = 1e12, code = "target_tidak_negatif"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1e12))]
    pub target_nilai: Option<f64>,
}

/// `POST /api/v1/skp/{id}/unlock` (admin): keep a locked sub-period editable until a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UnlockPeriode {
    #[validate(range(min = 1, max = 12, code = "periode_1_12"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 12))]
    pub periode_ke: i32,
    pub sampai: NaiveDate,
    #[validate(
        length(min = 1, max = 1000, code = "alasan_wajib_1000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 1000, pattern = "\\S")
    )]
    pub alasan: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capaian_follows_the_direction_of_the_indicator() {
        assert_eq!(capaian(Some(100.0), Some(80.0), Arah::Naik), Some(80.0));
        assert_eq!(capaian(Some(10.0), Some(12.5), Arah::Naik), Some(125.0));
        // Lower is better: 8 complaints against a ceiling of 10 is 120 %.
        assert_eq!(capaian(Some(10.0), Some(8.0), Arah::Turun), Some(120.0));
        assert_eq!(capaian(Some(10.0), Some(30.0), Arah::Turun), Some(0.0));
        assert_eq!(capaian(Some(0.0), Some(3.0), Arah::Naik), None);
        assert_eq!(capaian(Some(3.0), None, Arah::Naik), None);
        assert_eq!(capaian(Some(3.0), Some(1.0), Arah::Naik), Some(33.33));
    }

    #[test]
    fn a_count_is_spread_over_the_sub_periods() {
        // 12 laporan a year, monthly: one report in December is 100 %, not 8.33 %.
        let t = target_periode(Some(12.0), JenisTarget::Akumulatif, 12, 12, None);
        assert_eq!(t, Some(1.0));
        assert_eq!(capaian(t, Some(1.0), Arah::Naik), Some(100.0));
        // Quarterly: a quarter carries a fourth.
        assert_eq!(
            target_periode(Some(3000.0), JenisTarget::Akumulatif, 2, 4, None),
            Some(750.0)
        );
        // Lower is better (complaints, at most 24 a year): 3 in a month against 2 is 50 %.
        let t = target_periode(Some(24.0), JenisTarget::Akumulatif, 5, 12, None);
        assert_eq!(capaian(t, Some(3.0), Arah::Turun), Some(50.0));
        assert_eq!(
            target_periode(None, JenisTarget::Akumulatif, 1, 12, None),
            None
        );
    }

    #[test]
    fn a_percentage_or_an_index_is_held_every_sub_period() {
        assert_eq!(JenisTarget::dari_satuan(Some("persen")), JenisTarget::Tetap);
        assert_eq!(JenisTarget::dari_satuan(Some("%")), JenisTarget::Tetap);
        assert_eq!(JenisTarget::dari_satuan(Some("Indeks")), JenisTarget::Tetap);
        assert_eq!(
            JenisTarget::dari_satuan(Some("laporan")),
            JenisTarget::Akumulatif
        );
        assert_eq!(JenisTarget::dari_satuan(None), JenisTarget::Akumulatif);
        let t = target_periode(Some(90.0), JenisTarget::Tetap, 7, 12, None);
        assert_eq!(capaian(t, Some(81.0), Arah::Naik), Some(90.0));
        // Lower is better (an error rate held under 5 %): 4 % is 120 %.
        assert_eq!(capaian(t.map(|_| 5.0), Some(4.0), Arah::Turun), Some(120.0));
    }

    #[test]
    fn a_deadline_falls_in_the_sub_period_of_its_date() {
        // One document due in June: June carries it, the other months nothing.
        assert_eq!(
            target_periode(Some(1.0), JenisTarget::Tenggat, 6, 12, Some(6)),
            Some(1.0)
        );
        assert_eq!(
            target_periode(Some(1.0), JenisTarget::Tenggat, 5, 12, Some(6)),
            None
        );
        // Without a date it is due at the end of the year.
        assert_eq!(
            target_periode(Some(1.0), JenisTarget::Tenggat, 12, 12, None),
            Some(1.0)
        );
    }

    #[test]
    fn year_to_date_adds_counts_and_averages_levels() {
        // Three months of a 12-a-year count: 1, 2, nothing → 3 of 3 due = 100 %.
        let rows = [
            (Some(1.0), Some(1.0)),
            (Some(1.0), Some(2.0)),
            (Some(1.0), None),
        ];
        let k = kumulatif(JenisTarget::Akumulatif, Arah::Naik, &rows);
        assert_eq!(
            (k.target, k.realisasi, k.capaian),
            (Some(3.0), Some(3.0), Some(100.0))
        );
        // A held 90 %: 80 and 100 average 90 → 100 %; the empty month is left out.
        let rows = [
            (Some(90.0), Some(80.0)),
            (Some(90.0), Some(100.0)),
            (Some(90.0), None),
        ];
        let k = kumulatif(JenisTarget::Tetap, Arah::Naik, &rows);
        assert_eq!(
            (k.target, k.realisasi, k.capaian),
            (Some(90.0), Some(90.0), Some(100.0))
        );
        // Nothing entered yet: no realisasi and no capaian, the target still shown.
        let k = kumulatif(JenisTarget::Akumulatif, Arah::Naik, &[(Some(1.0), None)]);
        assert_eq!((k.target, k.realisasi, k.capaian), (Some(1.0), None, None));
        // A deadline not yet due: no target.
        let k = kumulatif(JenisTarget::Tenggat, Arah::Naik, &[(None, Some(1.0))]);
        assert_eq!((k.target, k.capaian), (None, None));
    }
}

crate::organisation::string_enum! {
    /// The PPKin's verdict on a piece of evidence.
    Verifikasi {
        Sesuai => "sesuai",
        Kurang => "kurang",
        TidakSesuai => "tidak_sesuai",
    }
}

/// A piece of evidence (bukti dukung).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BuktiDukung {
    pub id: Uuid,
    /// `berkas` or `tautan`.
    pub jenis: String,
    pub nama_berkas: Option<String>,
    pub mime: Option<String>,
    pub ukuran: Option<i64>,
    /// SHA-256 (hex) of the stored file.
    pub sha256: Option<String>,
    pub url: Option<String>,
    pub verifikasi: Option<Verifikasi>,
    pub catatan_verifikasi: Option<String>,
    pub diverifikasi_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// `POST .../bukti-tautan`: evidence as a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AddBuktiTautan {
    #[validate(
        custom(function = "crate::validation::http_url"),
        length(max = 2000, code = "maks_2000_karakter")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 2000,
            pattern = "^https?://",
            example = "https://drive.serangkota.go.id/berkas/123"
        )
    )]
    pub url: String,
}

/// `POST /api/v1/bukti/{id}/verify` (PPKin).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct VerifyBukti {
    pub verifikasi: Verifikasi,
    #[validate(length(max = 1000, code = "maks_1000_karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub catatan: Option<String>,
}

crate::organisation::string_enum! {
    /// A quick tag on feedback.
    TagUmpanBalik {
        Positif => "positif",
        Negatif => "negatif",
    }
}

/// `POST /api/v1/skp/{id}/feedback`: the PPKin's feedback on one RHK, IKI or BerAKHLAK value
/// (exactly one of them) in one sub-period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateFeedback {
    #[validate(range(min = 1, max = 12, code = "periode_1_12"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 12))]
    pub periode_ke: i32,
    pub rhk_id: Option<Uuid>,
    pub iki_id: Option<Uuid>,
    #[validate(length(max = 40, code = "nilai_berakhlak_tidak_dikenal"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 40, example = "kolaboratif"))]
    pub nilai_kode: Option<String>,
    #[validate(
        length(min = 1, max = 2000, code = "umpan_balik_wajib_2000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 2000, pattern = "\\S")
    )]
    pub teks: String,
    pub tag: Option<TagUmpanBalik>,
}

/// `POST /api/v1/feedback/{id}/reply`: the employee answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReplyFeedback {
    #[validate(
        length(min = 1, max = 2000, code = "balasan_wajib_2000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 2000, pattern = "\\S")
    )]
    pub teks: String,
}

/// One feedback entry with its replies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UmpanBalik {
    pub id: Uuid,
    pub periode_ke: i32,
    pub rhk_id: Option<Uuid>,
    pub iki_id: Option<Uuid>,
    pub nilai_kode: Option<String>,
    /// What it is about, as written on the SKP version it was given on (the RHK, the
    /// indicator, or the BerAKHLAK value's name).
    pub sasaran: Option<String>,
    pub penulis: String,
    pub teks: String,
    pub tag: Option<TagUmpanBalik>,
    pub created_at: DateTime<Utc>,
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub balasan: Vec<UmpanBalik>,
}
