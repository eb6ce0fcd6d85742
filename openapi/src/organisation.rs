//! Organisation: instansi, the unit tree, positions (jabatan), and the reference lists.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::validation::not_blank;

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The snake_case name stored in the database and used on the wire.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(value: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == value)
            }
        }
    };
}
pub(crate) use string_enum;

string_enum! {
    /// Kind of organisational unit.
    UnitKind {
        Pemda => "pemda",
        SekretariatDaerah => "sekretariat_daerah",
        Dinas => "dinas",
        Badan => "badan",
        Kecamatan => "kecamatan",
        Sekretariat => "sekretariat",
        Bidang => "bidang",
        Subbagian => "subbagian",
        Seksi => "seksi",
        Kelurahan => "kelurahan",
        Puskesmas => "puskesmas",
        Sekolah => "sekolah",
        Lainnya => "lainnya",
    }
}

string_enum! {
    /// Jenis jabatan.
    JenisJabatan {
        Jpt => "jpt",
        Administrasi => "administrasi",
        FungsionalKeahlian => "fungsional_keahlian",
        FungsionalKeterampilan => "fungsional_keterampilan",
    }
}

string_enum! {
    /// Jenjang jabatan (docs/regulation.md, "Reference data and the NIP").
    Jenjang {
        JptUtama => "jpt_utama",
        JptMadya => "jpt_madya",
        JptPratama => "jpt_pratama",
        Administrator => "administrator",
        Pengawas => "pengawas",
        Pelaksana => "pelaksana",
        AhliUtama => "ahli_utama",
        AhliMadya => "ahli_madya",
        AhliMuda => "ahli_muda",
        AhliPertama => "ahli_pertama",
        Penyelia => "penyelia",
        Mahir => "mahir",
        Terampil => "terampil",
        Pemula => "pemula",
    }
}

impl Jenjang {
    pub fn jenis(self) -> JenisJabatan {
        match self {
            Jenjang::JptUtama | Jenjang::JptMadya | Jenjang::JptPratama => JenisJabatan::Jpt,
            Jenjang::Administrator | Jenjang::Pengawas | Jenjang::Pelaksana => {
                JenisJabatan::Administrasi
            }
            Jenjang::AhliUtama | Jenjang::AhliMadya | Jenjang::AhliMuda | Jenjang::AhliPertama => {
                JenisJabatan::FungsionalKeahlian
            }
            Jenjang::Penyelia | Jenjang::Mahir | Jenjang::Terampil | Jenjang::Pemula => {
                JenisJabatan::FungsionalKeterampilan
            }
        }
    }
}

string_enum! {
    /// Kelompok jabatan pelaksana (PermenPANRB 45/2022).
    KelompokPelaksana {
        Klerek => "klerek",
        Operator => "operator",
        Teknisi => "teknisi",
    }
}

/// The time zone of an instansi; every date of its cycle is a day in it (docs/regulation.md,
/// "Local time"). Indonesia's zones have no daylight saving, so each is a fixed offset.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ZonaWaktu {
    /// WIB, UTC+7.
    #[default]
    #[serde(rename = "Asia/Jakarta")]
    AsiaJakarta,
    /// WITA, UTC+8.
    #[serde(rename = "Asia/Makassar")]
    AsiaMakassar,
    /// WIT, UTC+9.
    #[serde(rename = "Asia/Jayapura")]
    AsiaJayapura,
}

impl ZonaWaktu {
    pub const ALL: &'static [ZonaWaktu] = &[
        ZonaWaktu::AsiaJakarta,
        ZonaWaktu::AsiaMakassar,
        ZonaWaktu::AsiaJayapura,
    ];

    /// The IANA name stored in the database and used on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            ZonaWaktu::AsiaJakarta => "Asia/Jakarta",
            ZonaWaktu::AsiaMakassar => "Asia/Makassar",
            ZonaWaktu::AsiaJayapura => "Asia/Jayapura",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }

    /// Seconds east of UTC.
    pub fn offset_secs(self) -> i32 {
        match self {
            ZonaWaktu::AsiaJakarta => 7 * 3600,
            ZonaWaktu::AsiaMakassar => 8 * 3600,
            ZonaWaktu::AsiaJayapura => 9 * 3600,
        }
    }
}

/// An instansi: the root of an organisation tree (one installation may serve several).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Instansi {
    pub id: Uuid,
    #[cfg_attr(feature = "openapi", schema(example = "Pemerintah Kota Serang"))]
    pub nama: String,
    pub kode: Option<String>,
    pub aktif: bool,
    pub zona_waktu: ZonaWaktu,
}

/// `POST /api/v1/instansi`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateInstansi {
    #[validate(
        length(min = 1, max = 200, code = "nama_instansi_wajib_200"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = "\\S")
    )]
    pub nama: String,
    #[validate(length(max = 50, code = "kode_maks_50"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 50))]
    pub kode: Option<String>,
    /// Defaults to Asia/Jakarta (WIB).
    #[serde(default)]
    pub zona_waktu: Option<ZonaWaktu>,
}

/// `PATCH /api/v1/instansi/{id}`: the instansi's time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdateInstansi {
    pub zona_waktu: ZonaWaktu,
}

/// A unit organisasi.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Unit {
    /// Optimistic lock: send it back with every edit; bumped by each one.
    pub lock_version: i32,
    pub id: Uuid,
    pub instansi_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub kind: UnitKind,
    #[cfg_attr(feature = "openapi", schema(example = "Kecamatan Cipocok Jaya"))]
    pub nama: String,
    pub kode: Option<String>,
    pub alamat: Option<String>,
    pub aktif: bool,
    pub berlaku_mulai: NaiveDate,
    pub berlaku_sampai: Option<NaiveDate>,
}

/// A unit with its sub-units, for the tree view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitNode {
    #[serde(flatten)]
    pub unit: Unit,
    /// Number of employees placed directly in this unit.
    pub jumlah_pegawai: u64,
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub children: Vec<UnitNode>,
}

/// `POST /api/v1/units`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateUnit {
    pub instansi_id: Uuid,
    /// Absent for a top-level unit of the instansi.
    pub parent_id: Option<Uuid>,
    pub kind: UnitKind,
    #[validate(
        length(min = 1, max = 200, code = "nama_unit_wajib_200"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = "\\S")
    )]
    pub nama: String,
    /// Official code, e.g. the Kemendagri code of a kelurahan.
    #[validate(length(max = 50, code = "kode_maks_50"))]
    #[cfg_attr(
        feature = "openapi",
        schema(max_length = 50, example = "36.73.05.1004")
    )]
    pub kode: Option<String>,
    #[validate(length(max = 500, code = "alamat_maks_500"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub alamat: Option<String>,
    /// Defaults to today.
    pub berlaku_mulai: Option<NaiveDate>,
}

/// `PATCH /api/v1/units/{id}`; moving to another parent is `POST /api/v1/units/{id}/move`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdateUnit {
    /// Optimistic lock: the `lock_version` of the record as it was read. Required, so that an
    /// edit based on an older version is refused (409) instead of overwriting a change made
    /// in the meantime; reload and redo the edit then.
    pub lock_version: i32,
    pub kind: Option<UnitKind>,
    #[validate(
        length(min = 1, max = 200, code = "nama_unit_wajib_200"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = "\\S")
    )]
    pub nama: Option<String>,
    #[validate(length(max = 50, code = "kode_maks_50"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 50))]
    pub kode: Option<String>,
    #[validate(length(max = 500, code = "alamat_maks_500"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub alamat: Option<String>,
    pub aktif: Option<bool>,
    pub berlaku_sampai: Option<NaiveDate>,
    #[validate(length(max = 500, code = "alasan_maks_500"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub reason: Option<String>,
}

/// `POST /api/v1/units/{id}/move`: the subtree moves with the unit; the move is kept in history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MoveUnit {
    /// The new parent; absent to make it a top-level unit.
    pub parent_id: Option<Uuid>,
    pub effective_date: NaiveDate,
    #[validate(length(max = 500, code = "alasan_maks_500"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub reason: Option<String>,
}

/// One entry of a unit's history of moves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitMove {
    pub from_parent_id: Option<Uuid>,
    pub to_parent_id: Option<Uuid>,
    pub effective_date: NaiveDate,
    pub reason: Option<String>,
}

/// Filters of `GET /api/v1/units`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct UnitQuery {
    pub instansi_id: Option<Uuid>,
    /// Direct children of this unit.
    pub parent_id: Option<Uuid>,
    /// This unit and everything below it.
    pub within: Option<Uuid>,
    pub kind: Option<UnitKind>,
    pub aktif: Option<bool>,
    /// Search in the name.
    #[validate(length(max = 100, code = "kata_kunci_maks_100"))]
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
}

/// Filters of `GET /api/v1/units/tree`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct TreeQuery {
    /// Only this instansi (default: all).
    pub instansi_id: Option<Uuid>,
    /// Include inactive units (default false).
    #[serde(default)]
    pub include_inactive: bool,
}

/// A short reference to an employee, as shown next to positions and superiors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmployeeRef {
    pub id: Uuid,
    /// 18 digits, no spaces.
    pub nip: String,
    /// Name with academic titles.
    pub nama_lengkap: String,
    pub jabatan: Option<String>,
}

/// A position (jabatan).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Position {
    /// Optimistic lock: send it back with every edit; bumped by each one.
    pub lock_version: i32,
    pub id: Uuid,
    pub unit_id: Uuid,
    pub unit_nama: String,
    #[cfg_attr(feature = "openapi", schema(example = "Kepala Seksi Pemerintahan"))]
    pub nama: String,
    pub jenis: JenisJabatan,
    pub jenjang: Jenjang,
    pub kelompok: Option<KelompokPelaksana>,
    /// The superior position, which defines the default Pejabat Penilai Kinerja.
    pub atasan_id: Option<Uuid>,
    /// Whether the position heads its unit (camat, lurah, kepala puskesmas, …).
    pub kepala_unit: bool,
    pub aktif: bool,
    /// Current definitive holder, if any.
    pub pemegang: Option<EmployeeRef>,
}

/// `POST /api/v1/positions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreatePosition {
    pub unit_id: Uuid,
    #[validate(
        length(min = 1, max = 200, code = "nama_jabatan_wajib_200"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = "\\S")
    )]
    pub nama: String,
    pub jenjang: Jenjang,
    /// Only for jabatan pelaksana.
    pub kelompok: Option<KelompokPelaksana>,
    pub atasan_id: Option<Uuid>,
    #[serde(default)]
    pub kepala_unit: bool,
}

/// `PATCH /api/v1/positions/{id}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdatePosition {
    /// Optimistic lock: the `lock_version` of the record as it was read. Required, so that an
    /// edit based on an older version is refused (409) instead of overwriting a change made
    /// in the meantime; reload and redo the edit then.
    pub lock_version: i32,
    #[validate(
        length(min = 1, max = 200, code = "nama_jabatan_wajib_200"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = "\\S")
    )]
    pub nama: Option<String>,
    pub jenjang: Option<Jenjang>,
    pub kelompok: Option<KelompokPelaksana>,
    /// The new superior position (use `clear_atasan` to remove it).
    pub atasan_id: Option<Uuid>,
    #[serde(default)]
    pub clear_atasan: bool,
    pub kepala_unit: Option<bool>,
    pub aktif: Option<bool>,
    #[validate(length(max = 500, code = "alasan_maks_500"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub reason: Option<String>,
}

/// Filters of `GET /api/v1/positions`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PositionQuery {
    /// Positions in this unit and the units below it.
    pub within: Option<Uuid>,
    pub jenis: Option<JenisJabatan>,
    pub jenjang: Option<Jenjang>,
    /// Only positions nobody holds definitively.
    pub vacant: Option<bool>,
    #[validate(length(max = 100, code = "kata_kunci_maks_100"))]
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
}

/// Golongan ruang with its pangkat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Golongan {
    #[cfg_attr(feature = "openapi", schema(example = "III/a"))]
    pub kode: String,
    #[cfg_attr(feature = "openapi", schema(example = "Penata Muda"))]
    pub pangkat: String,
    pub urutan: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct JenjangInfo {
    pub kode: Jenjang,
    pub jenis: JenisJabatan,
    pub nama: String,
    /// Whether holders can be Pejabat Penilai Kinerja (at least Pengawas).
    pub dapat_menilai: bool,
    /// Koefisien angka kredit tahunan of a jenjang fungsional (set by the HR office; seeded
    /// with PerBKN 3/2023 defaults, some unverified).
    pub koefisien_angka_kredit: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PanduanPerilaku {
    #[cfg_attr(feature = "openapi", schema(example = "akuntabel.a"))]
    pub kode: String,
    pub huruf: String,
    pub teks: String,
}

/// A BerAKHLAK core value with its three panduan perilaku.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NilaiBerakhlak {
    #[cfg_attr(feature = "openapi", schema(example = "akuntabel"))]
    pub kode: String,
    pub nama: String,
    pub urutan: i32,
    pub panduan: Vec<PanduanPerilaku>,
}

/// Reference lists fixed by regulation, seeded by migrations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReferenceData {
    pub golongan: Vec<Golongan>,
    pub jenjang: Vec<JenjangInfo>,
    pub berakhlak: Vec<NilaiBerakhlak>,
}
