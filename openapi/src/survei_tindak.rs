//! What follows a survey's result (issue #17, "Results"; docs/ikm.md): the rencana tindak lanjut
//! (follow-up actions for the weakest unsur), the result per respondent profile group, and the
//! results per unit and period read by other systems with the `ikm:read` scope.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::ikm::{HasilIkm, Unsur};
use crate::organisation::string_enum;
pub use crate::survei::{DimensiProfil, HasilKelompok, HasilProfil};
use crate::survei::{JenisPeriodeSurvei, StatusSurvei};
use crate::validation::not_blank;

/// At most this many follow-up actions per survey, so the list needs no paging.
pub const TINDAK_LANJUT_MAKS: u64 = 50;

string_enum! {
    /// rencana → berjalan → selesai; rencana or berjalan → dibatalkan. Selesai and dibatalkan
    /// are final.
    StatusTindakLanjut {
        Rencana => "rencana",
        Berjalan => "berjalan",
        Selesai => "selesai",
        Dibatalkan => "dibatalkan",
    }
}

impl StatusTindakLanjut {
    /// Whether an action in `self` may move to `ke`. Forward only: a planned action may also be
    /// reported done at once (rencana → selesai).
    pub fn boleh_menjadi(self, ke: StatusTindakLanjut) -> bool {
        use StatusTindakLanjut::{Berjalan, Dibatalkan, Rencana, Selesai};
        matches!(
            (self, ke),
            (Rencana, Berjalan | Selesai | Dibatalkan) | (Berjalan, Selesai | Dibatalkan)
        )
    }

    /// Still to be done (counts as overdue after its due date).
    pub fn terbuka(self) -> bool {
        matches!(
            self,
            StatusTindakLanjut::Rencana | StatusTindakLanjut::Berjalan
        )
    }
}

/// One follow-up action of a survey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TindakLanjut {
    pub id: Uuid,
    pub survei_id: Uuid,
    pub unsur: Unsur,
    /// "U1" … "U9".
    pub unsur_kode: String,
    pub tindakan: String,
    /// An employee of the survey's unit (or a unit below it).
    pub penanggung_jawab_id: Uuid,
    /// Name with academic titles.
    pub penanggung_jawab_nama: String,
    /// The instansi's local day.
    pub jatuh_tempo: NaiveDate,
    pub status: StatusTindakLanjut,
    pub catatan: Option<String>,
    /// Still open (rencana/berjalan) and past its due date, by the instansi's local day.
    pub terlambat: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub lock_version: i32,
}

/// `POST /api/v1/survei/{id}/tindak-lanjut`: a new action, status `rencana`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BuatTindakLanjut {
    pub unsur: Unsur,
    #[validate(
        length(min = 5, max = 1000, code = "tindakan_5_1000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 5, max_length = 1000, pattern = "\\S")
    )]
    pub tindakan: String,
    pub penanggung_jawab_id: Uuid,
    /// Not before today (the instansi's local day).
    pub jatuh_tempo: NaiveDate,
    #[validate(length(max = 1000, code = "catatan_maks_1000"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub catatan: Option<String>,
}

/// `PATCH /api/v1/survei/{id}/tindak-lanjut/{tid}`: only the fields given change. A finished
/// or cancelled action only takes a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UbahTindakLanjut {
    /// The version the edit is based on (409 when someone else changed the action since).
    pub lock_version: i32,
    pub unsur: Option<Unsur>,
    #[validate(
        length(min = 5, max = 1000, code = "tindakan_5_1000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 5, max_length = 1000, pattern = "\\S")
    )]
    pub tindakan: Option<String>,
    pub penanggung_jawab_id: Option<Uuid>,
    /// A new due date is not before today (the instansi's local day).
    pub jatuh_tempo: Option<NaiveDate>,
    pub status: Option<StatusTindakLanjut>,
    /// An empty note clears it.
    #[validate(length(max = 1000, code = "catatan_maks_1000"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub catatan: Option<String>,
}

/// `DELETE /api/v1/survei/{id}/tindak-lanjut/{tid}?lock_version=…`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct HapusTindakLanjut {
    /// The version the deletion is based on.
    pub lock_version: i32,
}

/// A survey named in another survey's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveiRingkas {
    pub id: Uuid,
    pub judul: String,
    pub jenis_periode: JenisPeriodeSurvei,
    pub tahun: i32,
    pub periode_ke: i32,
    /// "Triwulan I 2026", "Semester 2 2026", "Tahun 2026".
    pub periode: String,
}

/// `GET /api/v1/survei/{id}/tindak-lanjut-sebelumnya`: the follow-up plan of the same unit's
/// previous survey, to be reviewed with this one's result. `survei` is absent when there is
/// none (or the caller may not read it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TindakLanjutSebelumnya {
    pub survei: Option<SurveiRingkas>,
    pub items: Vec<TindakLanjut>,
}

/// "Triwulan I 2026", "Semester 2 2026" or "Tahun 2026".
pub fn label_periode(jenis: JenisPeriodeSurvei, periode_ke: i32, tahun: i32) -> String {
    const ROMAWI: [&str; 4] = ["I", "II", "III", "IV"];
    match jenis {
        JenisPeriodeSurvei::Triwulan => {
            let ke = usize::try_from(periode_ke.clamp(1, 4) - 1).unwrap_or(0);
            format!("Triwulan {} {tahun}", ROMAWI[ke])
        }
        JenisPeriodeSurvei::Semester => format!("Semester {periode_ke} {tahun}"),
        JenisPeriodeSurvei::Tahun => format!("Tahun {tahun}"),
    }
}

/// The first month of a survey's span (1–12), to order surveys of different spans in time.
pub fn bulan_mulai(jenis: JenisPeriodeSurvei, periode_ke: i32) -> i32 {
    match jenis {
        JenisPeriodeSurvei::Triwulan => (periode_ke - 1) * 3 + 1,
        JenisPeriodeSurvei::Semester => (periode_ke - 1) * 6 + 1,
        JenisPeriodeSurvei::Tahun => 1,
    }
}

/// `GET /api/v1/ikm` filters (`ikm:read`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct IkmQuery {
    /// One unit (within the client's unit).
    pub unit_id: Option<Uuid>,
    pub period_id: Option<Uuid>,
    #[validate(range(min = 2000, max = 2100, code = "tahun_tidak_valid"))]
    #[cfg_attr(feature = "openapi", param(minimum = 2000, maximum = 2100))]
    pub tahun: Option<i32>,
}

/// The result of one survey of a unit and period, for other systems (`ikm:read`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IkmSurvei {
    pub survei_id: Uuid,
    pub unit_id: Uuid,
    pub unit_nama: String,
    pub judul: String,
    pub period_id: Uuid,
    pub tahun: i32,
    pub jenis_periode: JenisPeriodeSurvei,
    pub periode_ke: i32,
    /// "Triwulan I 2026", "Semester 2 2026", "Tahun 2026".
    pub periode: String,
    pub status: StatusSurvei,
    pub dipublikasikan: bool,
    pub populasi: Option<i32>,
    /// NRR per unsur, IKM at full precision, mutu, sample, priorities.
    pub hasil: HasilIkm,
    /// The IKM rounded to two decimals, as published.
    pub ikm_tampil: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use StatusTindakLanjut::{Berjalan, Dibatalkan, Rencana, Selesai};

    #[test]
    fn tindak_lanjut_moves_forward_only() {
        assert!(Rencana.boleh_menjadi(Berjalan));
        assert!(Rencana.boleh_menjadi(Selesai));
        assert!(Berjalan.boleh_menjadi(Selesai));
        assert!(Berjalan.boleh_menjadi(Dibatalkan));
        for akhir in [Selesai, Dibatalkan] {
            for ke in StatusTindakLanjut::ALL {
                assert!(!akhir.boleh_menjadi(*ke), "{akhir:?} → {ke:?}");
            }
        }
        assert!(!Berjalan.boleh_menjadi(Rencana));
        assert!(!Rencana.boleh_menjadi(Rencana));
        assert!(Rencana.terbuka() && Berjalan.terbuka() && !Selesai.terbuka());
    }

    #[test]
    fn period_labels_and_order() {
        use JenisPeriodeSurvei::{Semester, Tahun, Triwulan};
        assert_eq!(label_periode(Triwulan, 3, 2026), "Triwulan III 2026");
        assert_eq!(label_periode(Semester, 2, 2026), "Semester 2 2026");
        assert_eq!(label_periode(Tahun, 0, 2026), "Tahun 2026");
        assert_eq!(bulan_mulai(Triwulan, 4), 10);
        assert_eq!(bulan_mulai(Semester, 2), 7);
        assert_eq!(bulan_mulai(Tahun, 0), 1);
    }

    #[test]
    fn follow_up_input_is_validated() {
        let ok = BuatTindakLanjut {
            unsur: Unsur::WaktuPenyelesaian,
            tindakan: "Menambah loket pada jam sibuk".into(),
            penanggung_jawab_id: Uuid::nil(),
            jatuh_tempo: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
            catatan: None,
        };
        assert!(ok.validate().is_ok());
        let mut bad = ok.clone();
        bad.tindakan = "    ".into();
        assert!(
            bad.validate()
                .unwrap_err()
                .field_errors()
                .contains_key("tindakan")
        );
        let mut bad = ok;
        bad.catatan = Some("x".repeat(1001));
        assert!(
            bad.validate()
                .unwrap_err()
                .field_errors()
                .contains_key("catatan")
        );
    }
}
