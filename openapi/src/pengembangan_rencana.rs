//! The yearly competency development plan of an instansi (rencana pengembangan kompetensi,
//! PP 11/2017 Pasal 205–207; issue #18, docs/pengembangan.md): the HR office consolidates the
//! agreed needs into a draft per year, edits its items, and the pimpinan who heads the
//! instansi sets it. A set version is frozen; changing it starts the next version as a copy.
//!
//! Every write names the plan's `lock_version` (one counter per version guards the plan and
//! all its items), and answers with the new one.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::{Validate, ValidationError};

use crate::organisation::string_enum;
use crate::pengembangan::{BentukPengembangan, Jalur, KelompokKompetensi};

string_enum! {
    /// A version is drafted by the HR office, then set (frozen) by the pimpinan.
    StatusRencana {
        Draft => "draft",
        Ditetapkan => "ditetapkan",
    }
}

/// One version of an instansi's plan for a year, with its totals (over the units the viewer
/// may read).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RencanaPengembangan {
    pub id: Uuid,
    pub instansi_id: Uuid,
    pub instansi_nama: String,
    pub tahun: i32,
    /// 1 for the first version of the year.
    pub versi: i32,
    pub status: StatusRencana,
    /// The pimpinan's note when setting it.
    pub catatan: Option<String>,
    pub ditetapkan_oleh_nama: Option<String>,
    pub ditetapkan_at: Option<DateTime<Utc>>,
    /// Whether this is the year's newest version.
    pub terbaru: bool,
    pub jumlah_item: u64,
    pub jumlah_jp: i64,
    /// Rupiah.
    pub jumlah_anggaran: i64,
    /// The viewer drafts and edits plans (the HR office).
    pub boleh_kelola: bool,
    /// The viewer may set it (the pimpinan heading the instansi, or a superadmin).
    pub boleh_tetapkan: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub lock_version: i32,
}

/// Query of `GET /api/v1/pengembangan/rencana`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct RencanaQuery {
    /// The viewer's own instansi (or the only one) when left out.
    pub instansi_id: Option<Uuid>,
    /// Every year when left out.
    #[validate(range(min = 2020, max = 2100, code = "tahun_2020_2100"))]
    #[cfg_attr(feature = "openapi", param(minimum = 2020, maximum = 2100))]
    pub tahun: Option<i32>,
}

/// `POST /api/v1/pengembangan/rencana/konsolidasi`: adds the instansi's agreed needs of the
/// year that are not in the draft yet; starts the draft (or, after a set version, the next
/// version as a copy) when there is none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct KonsolidasiRencana {
    /// The viewer's own instansi (or the only one) when left out.
    pub instansi_id: Option<Uuid>,
    #[validate(range(min = 2020, max = 2100, code = "tahun_2020_2100"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 2020, maximum = 2100))]
    pub tahun: i32,
}

/// The answer of a consolidation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HasilKonsolidasi {
    pub rencana: RencanaPengembangan,
    /// Items made from needs by this consolidation.
    pub ditambahkan: u64,
    /// Whether a new version was started (the first, or a copy of the set one).
    pub versi_baru: bool,
}

/// One unit of a plan: its totals and who in it still lacks a plan to reach 20 JP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RencanaUnit {
    pub unit_id: Uuid,
    pub unit_nama: String,
    pub jumlah_item: u64,
    pub jumlah_jp: i64,
    /// Rupiah.
    pub jumlah_anggaran: i64,
    /// Active employees of the unit (not of the units below it).
    pub jumlah_pegawai: u64,
    /// Of them, those whose planned JP in this version plus verified JP of the year stay
    /// below 20.
    pub belum_20_jp: u64,
}

/// `GET /api/v1/pengembangan/rencana/{id}`: the version and a page of its units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RencanaDetail {
    pub rencana: RencanaPengembangan,
    /// Units with items or active employees, by name.
    pub unit: crate::pagination::Page<RencanaUnit>,
}

/// An item of a plan: one development for one employee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ItemRencana {
    pub id: Uuid,
    pub rencana_id: Uuid,
    pub unit_id: Uuid,
    pub unit_nama: String,
    pub employee_id: Uuid,
    pub pegawai_nama: String,
    pub nip: String,
    /// The agreed need it comes from; none for an item added by hand.
    pub kebutuhan_id: Option<Uuid>,
    pub kompetensi_id: Uuid,
    pub kompetensi_nama: String,
    pub kelompok: KelompokKompetensi,
    pub bentuk: BentukPengembangan,
    pub jalur: Jalur,
    pub penyelenggara: Option<String>,
    /// 1–12; not yet scheduled when empty.
    pub bulan_rencana: Option<i32>,
    pub jp: i32,
    /// Rupiah.
    pub anggaran: i64,
    /// The plan's version counter after this write (send it with the next write).
    pub rencana_lock_version: i32,
}

/// Query of the item and "belum 20 JP" pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct RencanaUnitQuery {
    /// One unit; every unit the viewer may read when left out.
    pub unit_id: Option<Uuid>,
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

impl RencanaUnitQuery {
    pub fn page_query(&self) -> crate::PageQuery {
        crate::PageQuery {
            page: self.page,
            per_page: self.per_page,
        }
    }
}

fn first_page() -> u64 {
    1
}

fn per_page_default() -> u64 {
    20
}

fn bulan_valid(b: i32) -> Result<(), ValidationError> {
    if (1..=12).contains(&b) {
        Ok(())
    } else {
        Err(ValidationError::new("bulan_1_12"))
    }
}

fn anggaran_wajar(b: i64) -> Result<(), ValidationError> {
    if (0..=1_000_000_000_000).contains(&b) {
        Ok(())
    } else {
        Err(ValidationError::new("nilai_tidak_negatif"))
    }
}

/// `POST /api/v1/pengembangan/rencana/{id}/item`: an item added by hand to a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BuatItemRencana {
    /// The plan's `lock_version`.
    pub lock_version: i32,
    /// An active employee of the plan's instansi; the item goes to their unit.
    pub employee_id: Uuid,
    /// An active competency of the instansi's list.
    pub kompetensi_id: Uuid,
    pub bentuk: BentukPengembangan,
    #[validate(length(min = 2, max = 200, code = "penyelenggara_2_200"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 200))]
    pub penyelenggara: Option<String>,
    #[validate(custom(function = "bulan_valid"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 12))]
    pub bulan_rencana: Option<i32>,
    #[validate(range(min = 1, max = 1000, code = "jp_1_1000"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000))]
    pub jp: i32,
    /// Rupiah.
    #[validate(custom(function = "anggaran_wajar"))]
    #[cfg_attr(
        feature = "openapi",
        schema(minimum = 0, maximum = 1_000_000_000_000_i64)
    )]
    pub anggaran: i64,
}

/// `PATCH /api/v1/pengembangan/rencana/{id}/item/{item_id}`: only the fields given change; an
/// empty `penyelenggara` clears it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UbahItemRencana {
    /// The plan's `lock_version`.
    pub lock_version: i32,
    pub bentuk: Option<BentukPengembangan>,
    #[validate(length(max = 200, code = "penyelenggara_2_200"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub penyelenggara: Option<String>,
    #[validate(custom(function = "bulan_valid"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 12))]
    pub bulan_rencana: Option<i32>,
    #[validate(range(min = 1, max = 1000, code = "jp_1_1000"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000))]
    pub jp: Option<i32>,
    #[validate(custom(function = "anggaran_wajar"))]
    #[cfg_attr(
        feature = "openapi",
        schema(minimum = 0, maximum = 1_000_000_000_000_i64)
    )]
    pub anggaran: Option<i64>,
}

/// `?lock_version=` of `DELETE /api/v1/pengembangan/rencana/{id}/item/{item_id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct HapusItemRencana {
    /// The plan's `lock_version`.
    pub lock_version: i32,
}

/// `POST /api/v1/pengembangan/rencana/{id}/tetapkan`: the pimpinan sets the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TetapkanRencana {
    pub lock_version: i32,
    #[validate(length(max = 2000, code = "catatan_3_2000"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub catatan: Option<String>,
}

/// `POST /api/v1/pengembangan/rencana/{id}/revisi`: the next version, a draft copy of this
/// set one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RevisiRencana {
    pub lock_version: i32,
}

/// An active employee whose planned JP in the version plus verified JP of the year stay below
/// 20.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PegawaiBelum20Jp {
    pub employee_id: Uuid,
    pub nama: String,
    pub nip: String,
    pub unit_id: Uuid,
    pub unit_nama: String,
    /// JP of their items in this version.
    pub jp_direncanakan: i64,
    /// Verified JP of the year, two decimals.
    pub jp_terverifikasi: f64,
    /// What is missing to 20, two decimals.
    pub jp_kurang: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_budgets_are_checked() {
        assert!(bulan_valid(1).is_ok() && bulan_valid(12).is_ok());
        assert!(bulan_valid(0).is_err() && bulan_valid(13).is_err());
        assert!(anggaran_wajar(0).is_ok());
        assert!(anggaran_wajar(-1).is_err());
    }
}
