//! Measurement: rencana aksi and realisasi per IKI and evaluation sub-period, and capaian.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::planning::{Arah, Aspek, JenisRhk};
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

/// `?periode_ke=` of the realisasi sheet: 1–12 for a monthly rhythm, 1–4 quarterly, 1–2 by
/// semester.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PeriodeKeQuery {
    #[validate(range(min = 1, max = 12, message = "Periode antara 1 dan 12."))]
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
    /// `pegawai` (entered by the employee) or `api` (pushed by another system).
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
    /// Percent of the sub-period target (rencana aksi target, else the IKI target), unrounded
    /// beyond two decimals and uncapped.
    pub capaian: Option<f64>,
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
    pub skp_id: Uuid,
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
}

/// `PUT /api/v1/skp/{id}/realisasi/{iki_id}?periode_ke=`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SaveRealisasi {
    #[validate(range(
        min = 0.0,
        max = 1e12,
        message = "Realisasi harus bilangan tidak negatif."
    ))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1e12))]
    pub nilai: Option<f64>,
    #[validate(length(max = 2000, message = "Maksimal 2000 karakter."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub naratif: Option<String>,
    /// Dasar realisasi: what the value rests on.
    #[validate(length(max = 1000, message = "Maksimal 1000 karakter."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub dasar: Option<String>,
}

/// `PUT /api/v1/skp/{id}/rencana-aksi/{iki_id}?periode_ke=`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SaveRencanaAksi {
    #[validate(
        length(
            min = 1,
            max = 1000,
            message = "Uraian rencana aksi wajib diisi (maksimal 1000 karakter)."
        ),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 1000, pattern = "\\S")
    )]
    pub uraian: String,
    #[validate(range(
        min = 0.0,
        max = 1e12,
        message = "Target harus bilangan tidak negatif."
    ))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1e12))]
    pub target_nilai: Option<f64>,
}

/// `POST /api/v1/skp/{id}/unlock` (admin): keep a locked sub-period editable until a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UnlockPeriode {
    #[validate(range(min = 1, max = 12, message = "Periode antara 1 dan 12."))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 12))]
    pub periode_ke: i32,
    pub sampai: NaiveDate,
    #[validate(
        length(
            min = 1,
            max = 1000,
            message = "Alasan wajib diisi (maksimal 1000 karakter)."
        ),
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
        length(max = 2000, message = "Maksimal 2000 karakter.")
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
    #[validate(length(max = 1000, message = "Maksimal 1000 karakter."))]
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
    #[validate(range(min = 1, max = 12, message = "Periode antara 1 dan 12."))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 12))]
    pub periode_ke: i32,
    pub rhk_id: Option<Uuid>,
    pub iki_id: Option<Uuid>,
    #[validate(length(max = 40, message = "Nilai BerAKHLAK tidak dikenal."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 40, example = "kolaboratif"))]
    pub nilai_kode: Option<String>,
    #[validate(
        length(
            min = 1,
            max = 2000,
            message = "Umpan balik wajib diisi (maksimal 2000 karakter)."
        ),
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
        length(
            min = 1,
            max = 2000,
            message = "Balasan wajib diisi (maksimal 2000 karakter)."
        ),
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
    pub penulis: String,
    pub teks: String,
    pub tag: Option<TagUmpanBalik>,
    pub created_at: DateTime<Utc>,
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub balasan: Vec<UmpanBalik>,
}
