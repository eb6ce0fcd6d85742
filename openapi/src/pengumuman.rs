//! Announcements (pengumuman; issue #19, docs/pengumuman.md): the HR office writes to the
//! whole instansi, a unit subtree or a role, a pimpinan to the units they lead; each shows as
//! a banner between its first and last day (the instansi's local days) until its reader marks
//! it read, and its author sees who has read it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::auth::Role;
use crate::organisation::string_enum;
use crate::validation::not_blank;

string_enum! {
    /// Who an announcement is for.
    SasaranPengumuman {
        /// Everyone of the instansi.
        Semua => "semua",
        /// The staff of a unit and everything below it.
        Unit => "unit",
        /// The accounts holding a role.
        Peran => "peran",
    }
}

/// An announcement as its reader or its author sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Pengumuman {
    pub id: Uuid,
    pub judul: String,
    /// Plain text; line breaks are kept.
    pub isi: String,
    pub sasaran: SasaranPengumuman,
    /// The unit whose subtree it is for (`sasaran = unit`).
    pub unit_id: Option<Uuid>,
    pub unit_nama: Option<String>,
    /// The role it is for (`sasaran = peran`).
    pub peran: Option<Role>,
    /// First and last day it shows, in the instansi's local days.
    pub mulai: NaiveDate,
    pub selesai: NaiveDate,
    pub penulis_nama: String,
    pub dibuat_pada: DateTime<Utc>,
    /// The viewer has marked it read.
    pub dibaca: bool,
    /// For its author and the HR office: accounts it is for, and of them those who read it.
    pub jumlah_sasaran: Option<u64>,
    pub jumlah_dibaca: Option<u64>,
    /// The viewer may change or withdraw it.
    pub boleh_ubah: bool,
    pub lock_version: i32,
}

/// `POST /api/v1/pengumuman` and `PUT /api/v1/pengumuman/{id}` (the whole announcement again,
/// with the `lock_version` it was read at; readers who marked it read are kept). `unit_id` is
/// required for `sasaran = unit` and `peran` for `sasaran = peran`; a pimpinan writes only to
/// a unit they lead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TulisPengumuman {
    /// Required on `PUT`, absent on `POST`.
    pub lock_version: Option<i32>,
    #[validate(
        length(min = 3, max = 200, code = "judul_pengumuman_3_200"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 3, max_length = 200, pattern = "\\S")
    )]
    pub judul: String,
    #[validate(
        length(min = 1, max = 5000, code = "isi_pengumuman_1_5000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 5000, pattern = "\\S")
    )]
    pub isi: String,
    pub sasaran: SasaranPengumuman,
    pub unit_id: Option<Uuid>,
    pub peran: Option<Role>,
    pub mulai: NaiveDate,
    /// Not before `mulai`, at most 366 days after it.
    pub selesai: NaiveDate,
}

/// `GET /api/v1/pengumuman` (the announcements the viewer manages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PengumumanQuery {
    /// Only those showing today (`aktif`), or all (default).
    pub aktif: Option<bool>,
}

/// `DELETE /api/v1/pengumuman/{id}?lock_version=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct TarikPengumuman {
    pub lock_version: i32,
}

/// One reader of an announcement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PembacaPengumuman {
    pub user_id: Uuid,
    /// The employee's name with titles, or the account's username.
    pub nama: String,
    pub nip: Option<String>,
    pub unit_nama: Option<String>,
    pub dibaca_pada: DateTime<Utc>,
}

/// A unit the viewer may address (`GET /api/v1/pengumuman/unit`), in tree order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitSasaran {
    pub id: Uuid,
    pub nama: String,
    /// Depth below the first unit listed (0 for it), for indenting.
    pub tingkat: u32,
}
