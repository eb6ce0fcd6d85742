//! The home page (beranda): what the signed-in user is to do next, and by when.
//!
//! The server sends no prose: each item has a stable [`JenisTugas`] and the facts the SPA needs
//! to say it in the user's language (the subject, the sub-period, the due date, a count) and
//! the SPA path where it is done.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::organisation::string_enum;
use crate::planning::Ritme;

string_enum! {
    /// What a to-do item asks. The employee's own work comes first in this list, then what waits
    /// for them as a rater, then the HR office's.
    JenisTugas {
        /// No SKP yet in an open period: draft one (`/skp`).
        SusunSkp => "susun_skp",
        /// A draft SKP (or SKP perubahan) to submit.
        AjukanSkp => "ajukan_skp",
        /// An SKP returned by the PPKin, to revise and submit again.
        PerbaikiSkp => "perbaiki_skp",
        /// A submitted SKP waiting for the PPKin's approval (nothing to do but wait).
        SkpMenunggu => "skp_menunggu",
        /// An open sub-period whose realisasi is not complete: `jumlah` indicators still empty,
        /// editable until `batas`.
        IsiRealisasi => "isi_realisasi",
        /// A set evaluation that may still be objected to, until `batas`.
        BatasKeberatan => "batas_keberatan",
        /// `jumlah` unread pieces of feedback from the PPKin.
        UmpanBalikBaru => "umpan_balik_baru",
        /// `jumlah` unread replies to the feedback the user gave.
        BalasanUmpanBalik => "balasan_umpan_balik",
        /// A subordinate's SKP waiting for the user's approval (as PPKin).
        SetujuiSkp => "setujui_skp",
        /// `jumlah` pieces of a subordinate's evidence of a sub-period to check (as PPKin).
        PeriksaBukti => "periksa_bukti",
        /// `jumlah` subordinates not yet rated for a sub-period (as PPKin; 0 = the year).
        NilaiBawahan => "nilai_bawahan",
        /// An objection to explain to the Atasan PPKin (as PPKin).
        JelaskanKeberatan => "jelaskan_keberatan",
        /// An explained objection to decide (as Atasan PPKin).
        PutuskanKeberatan => "putuskan_keberatan",
        /// The HR office: the year's performance period of an instansi is not open.
        BukaPeriode => "buka_periode",
    }
}

impl JenisTugas {
    /// Whether the item is work the user does for others (as rater or HR office) rather than
    /// their own.
    #[must_use]
    pub fn untuk_orang_lain(self) -> bool {
        matches!(
            self,
            Self::SetujuiSkp
                | Self::PeriksaBukti
                | Self::NilaiBawahan
                | Self::JelaskanKeberatan
                | Self::PutuskanKeberatan
                | Self::BukaPeriode
        )
    }
}

/// The evaluation sub-period an item is about: year, rhythm and number (0 = the whole year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PeriodeTugas {
    #[cfg_attr(feature = "openapi", schema(example = 2026))]
    pub tahun: i32,
    pub ritme: Ritme,
    /// 1…12, 1…4 or 1…2 by the rhythm; 0 = the year.
    #[cfg_attr(feature = "openapi", schema(example = 12))]
    pub ke: i32,
}

/// One thing to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Tugas {
    pub jenis: JenisTugas,
    /// The last day to do it (inclusive), when it has one.
    pub batas: Option<NaiveDate>,
    /// How many things the item groups (indicators, pieces of evidence, people, notifications);
    /// 1 for a single thing.
    #[cfg_attr(feature = "openapi", schema(example = 3))]
    pub jumlah: u32,
    /// The employee it concerns, when it is someone else (a subordinate), with titles.
    pub pegawai: Option<String>,
    /// The instansi it concerns (the HR office's items).
    pub instansi: Option<String>,
    /// The performance year, for items about a whole period (an SKP, a period to open).
    pub tahun: Option<i32>,
    /// The sub-period, for items about one.
    pub periode: Option<PeriodeTugas>,
    /// About an SKP perubahan (a version after the first).
    pub perubahan: bool,
    /// The SKP it concerns, if any.
    pub skp_id: Option<Uuid>,
    /// Where it is done: an SPA path, or `/docs/…` (Swagger UI) for what has no page yet.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "/realisasi/0190d1a2-7c3e-7000-8000-000000000000?periode_ke=12")
    )]
    pub tautan: String,
}

/// `GET /api/v1/beranda`: the user's to-do list, most urgent first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Beranda {
    /// Today in the instansi's time zone: the day the list was made for.
    pub hari_ini: NaiveDate,
    /// Items with a due date first (earliest first), then the others.
    pub tugas: Vec<Tugas>,
}

string_enum! {
    /// A first step of a new user (issue #19, docs/langkah-awal.md). Each is ticked by the
    /// server from what the user has done, except `periksa_data`, which they confirm.
    LangkahAwal {
        /// Change the password given by the HR office (everyone).
        GantiSandi => "ganti_sandi",
        /// Check one's own data and superiors on the profile, and confirm it.
        PeriksaData => "periksa_data",
        /// Start this year's SKP.
        MulaiSkp => "mulai_skp",
        /// Submit it to the PPKin.
        AjukanSkp => "ajukan_skp",
        /// Enter a first realisasi.
        IsiRealisasi => "isi_realisasi",
        /// As a PPKin: approve a team member's SKP.
        SetujuiSkpTim => "setujui_skp_tim",
        /// The HR office: open this year's period.
        BukaPeriode => "buka_periode",
        /// The HR office: import the staff.
        ImporPegawai => "impor_pegawai",
    }
}

/// One first step: done or not, and where it is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LangkahAwalItem {
    pub langkah: LangkahAwal,
    pub selesai: bool,
    /// An SPA path, or `/docs/…` for what has no page yet.
    pub tautan: String,
}

/// `GET /api/v1/beranda/langkah-awal`: the first steps of the user's roles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DaftarLangkahAwal {
    pub langkah: Vec<LangkahAwalItem>,
    /// The user dismissed the list (the SPA then shows it no more).
    pub ditutup: bool,
    pub semua_selesai: bool,
}
