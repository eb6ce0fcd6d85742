//! Rules of evaluation. The predikat is always derived from the two ratings (never typed); a
//! set evaluation changes only through an objection decided by the Atasan PPKin or an audited
//! admin correction, and every state is kept in `evaluation_versions`.

use kinerja_api::evaluation::{AmbangSaran, Pembulatan, RatingKepalaUnit};

use crate::config::Settings;

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
