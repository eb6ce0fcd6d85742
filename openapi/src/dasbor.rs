//! The dashboards of pimpinan and the HR office (issue #19; docs/dasbor.md): where a unit and
//! its direct sub-units stand in the cycle (compliance), with the people behind each number,
//! and what they achieved (capaian, predikat spread, IKM, 20 JP).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::evaluation::Hitungan;
use crate::ikm::Mutu;
use crate::organisation::string_enum;
use crate::pengembangan::KepatuhanUnit;
use crate::penilaian::DistribusiUnit;
use crate::planning::Ritme;

string_enum! {
    /// A step of the cycle a person can be behind in (docs/dasbor.md says what each counts).
    Langkah {
        /// No SKP started for the period.
        SkpBelum => "skp_belum",
        /// Drafted or returned, not submitted.
        SkpDraft => "skp_draft",
        /// Submitted, waiting for the PPKin.
        SkpDiajukan => "skp_diajukan",
        /// Approved (a version in force).
        SkpDisetujui => "skp_disetujui",
        /// An indicator without realisasi in the last ended sub-period.
        RealisasiKosong => "realisasi_kosong",
        /// Evidence not yet checked by the PPKin.
        BuktiMenunggu => "bukti_menunggu",
        /// No set evaluation for the last ended sub-period.
        EvaluasiBelum => "evaluasi_belum",
        /// An objection still undecided after the evaluation's objection window closed.
        KeberatanLewat => "keberatan_lewat",
        /// An improvement-plan action past its due date without a check-in since.
        PerbaikanLewat => "perbaikan_lewat",
    }
}

/// `?unit_id=&periode_id=` of the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct DasborQuery {
    /// The unit (with everything below it): for a pimpinan their own unit, for the HR office
    /// the instansi's root, when left out.
    pub unit_id: Option<Uuid>,
    /// The period; the unit's instansi's open period of the latest year when left out.
    pub periode_id: Option<Uuid>,
}

/// `?langkah=&unit_id=&periode_id=` of the list of people behind one number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PegawaiLangkahQuery {
    pub langkah: Langkah,
    pub unit_id: Option<Uuid>,
    pub periode_id: Option<Uuid>,
}

/// The period a dashboard reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PeriodeDasbor {
    pub id: Uuid,
    pub tahun: i32,
    pub ritme: Ritme,
    /// The number of sub-periods (12, 4 or 2).
    pub jumlah_periode: i32,
    /// The last sub-period whose last day has passed (none early in the first one).
    pub periode_ke_terakhir: Option<i32>,
    pub batas_penetapan_skp: Option<NaiveDate>,
    /// The SKP deadline has passed: SKPs not approved are late.
    pub lewat_batas_skp: bool,
    /// The instansi's local day the counts are made on.
    pub hari_ini: NaiveDate,
}

/// A unit on the way from the viewer's top unit down to the one shown (for the breadcrumb).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitJalur {
    pub unit_id: Uuid,
    pub nama: String,
}

/// The compliance counts of a unit with everything below it: people (active employees), not
/// documents. The four SKP counts add up to `jumlah_pegawai`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BarisKepatuhan {
    pub unit_id: Uuid,
    pub nama: String,
    /// Whether the unit has active sub-units (the SPA offers to drill down).
    pub punya_sub_unit: bool,
    pub jumlah_pegawai: u64,
    pub skp_belum: u64,
    pub skp_draft: u64,
    pub skp_diajukan: u64,
    pub skp_disetujui: u64,
    pub realisasi_kosong: u64,
    pub bukti_menunggu: u64,
    pub evaluasi_belum: u64,
    pub keberatan_lewat: u64,
    pub perbaikan_lewat: u64,
}

impl BarisKepatuhan {
    /// The count of one step.
    #[must_use]
    pub fn jumlah(&self, l: Langkah) -> u64 {
        match l {
            Langkah::SkpBelum => self.skp_belum,
            Langkah::SkpDraft => self.skp_draft,
            Langkah::SkpDiajukan => self.skp_diajukan,
            Langkah::SkpDisetujui => self.skp_disetujui,
            Langkah::RealisasiKosong => self.realisasi_kosong,
            Langkah::BuktiMenunggu => self.bukti_menunggu,
            Langkah::EvaluasiBelum => self.evaluasi_belum,
            Langkah::KeberatanLewat => self.keberatan_lewat,
            Langkah::PerbaikanLewat => self.perbaikan_lewat,
        }
    }
}

/// Average capaian of one unit (with everything below it) per sub-period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CapaianUnit {
    pub unit_id: Uuid,
    pub nama: String,
    /// One value per sub-period, 1 first (length `jumlah_periode`): the mean capaian, in
    /// percent capped at 120, of the indicators with a target and a value; none without any.
    pub per_periode: Vec<Option<f64>>,
}

/// The IKM of one survey of a unit in the subtree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IkmUnit {
    pub survei_id: Uuid,
    pub unit_id: Uuid,
    pub unit_nama: String,
    pub judul: String,
    /// Two decimals; none without a counted response.
    pub ikm: Option<f64>,
    pub mutu: Option<Mutu>,
    pub responden: u32,
}

/// `GET /api/v1/dasbor`: one dashboard view, everything in one answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Dasbor {
    pub periode: PeriodeDasbor,
    /// From the viewer's top unit down to `unit` (`unit` last).
    pub jalur: Vec<UnitJalur>,
    pub unit: BarisKepatuhan,
    /// One line per active direct sub-unit, by name; the unit's own staff (not in a sub-unit)
    /// count in `unit` only.
    pub sub_unit: Vec<BarisKepatuhan>,
    /// Capaian of the unit, then of each direct sub-unit (same order as `sub_unit`).
    pub capaian: Vec<CapaianUnit>,
    /// The sub-period the predikat spread is for (`periode_ke_terakhir`).
    pub periode_ke_predikat: Option<i32>,
    /// Set predikat of the evaluations of that sub-period in the unit and below.
    pub sebaran_predikat: Hitungan,
    /// The pattern of the organisation predikat that governs the unit, when one is set (the
    /// unit's own or the nearest above it), counted over that unit's subtree.
    pub pola: Option<DistribusiUnit>,
    /// The surveys of the period in the subtree (published ones; the HR office sees all).
    pub ikm: Vec<IkmUnit>,
    /// 20 JP of the year: the unit, then its direct sub-units.
    pub jp: Vec<KepatuhanUnit>,
    /// When the numbers were counted: a kept dashboard is served until it is older than
    /// `KINERJA_DASBOR_UMUR_KECIL_DETIK` seconds (a subtree of fewer than
    /// `KINERJA_DASBOR_SIMPAN_UNIT` units) or `KINERJA_DASBOR_UMUR_DETIK` (a larger one), then
    /// recounted in the background (docs/dasbor.md, "Cost"); none when they were counted for
    /// this request.
    #[serde(default)]
    pub dihitung_pada: Option<DateTime<Utc>>,
}

/// `GET /api/v1/dasbor/pegawai`: the people of a unit and below behind one number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PegawaiDasbor {
    pub langkah: Langkah,
    /// From the viewer's top unit down to the unit asked for (that unit last).
    pub jalur: Vec<UnitJalur>,
    pub pegawai: crate::pagination::Page<PegawaiLangkah>,
    /// When the list was counted: the people of a kept dashboard are those of its last count
    /// (see `Dasbor::dihitung_pada`); none when counted for this request.
    #[serde(default)]
    pub dihitung_pada: Option<DateTime<Utc>>,
}

/// One person behind a number, with the page where the step is done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PegawaiLangkah {
    pub employee_id: Uuid,
    pub nama: String,
    pub nip: String,
    pub unit_nama: Option<String>,
    /// The SKP the step is on (none when no SKP was started).
    pub skp_id: Option<Uuid>,
    /// The sub-period the step is on, where it has one.
    pub periode_ke: Option<i32>,
    /// The SPA route of the page where the step is done.
    pub tautan: String,
}
