//! Rules of evaluation. The predikat is always derived from the two ratings (never typed); a
//! set evaluation changes only through an objection decided by the Atasan PPKin or an audited
//! admin correction, and every state is kept in `evaluation_versions`.

use kinerja_api::Pesan;
use kinerja_api::evaluation::{AmbangSaran, Pembulatan, RatingKepalaUnit};
use kinerja_api::planning::Ritme;

use crate::config::Settings;
use crate::entities::periods;
use crate::error::{AppError, AppResult};
use crate::measurement::service::jumlah_periode;

/// The instansi's choices for evaluation (from the settings).
#[derive(Debug, Clone, Copy)]
pub struct Kebijakan {
    pub blokir: bool,
    pub pembulatan: Pembulatan,
    pub ambang: AmbangSaran,
    pub kepala_unit: RatingKepalaUnit,
}

impl Kebijakan {
    pub fn from_settings(s: &Settings) -> Self {
        Self {
            blokir: s.distribusi_blokir,
            pembulatan: s.distribusi_pembulatan,
            ambang: AmbangSaran {
                di_atas: s.saran_di_atas,
                sesuai: s.saran_sesuai,
            },
            kepala_unit: s.rating_kepala_unit,
        }
    }
}

/// A sub-period of the period's rhythm, or 0 for the year.
///
/// # Errors
/// `Validation` for any other `k`.
pub(crate) fn check_periode(period: &periods::Model, k: i32) -> AppResult<()> {
    let n = jumlah_periode(Ritme::parse(&period.ritme).unwrap_or(Ritme::Bulanan));
    if (0..=n).contains(&k) {
        Ok(())
    } else {
        Err(AppError::field(
            "periode_ke",
            Pesan::PeriodeKeRentang { n: n.to_string() },
        ))
    }
}
