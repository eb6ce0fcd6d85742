//! Competency development (issue #18; docs/pengembangan.md): the HR office's competency list,
//! each employee's development needs per year, the records of what they attended and the 20 JP
//! a year that PP 11/2017 and Perlan 5/2018 ask of every civil servant (1 JP = 45 minutes).
//!
//! JP travel as numbers with two decimals, but the server keeps minutes: sums are exact and a
//! year reaches 20 JP at exactly 900 verified minutes.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::{Validate, ValidationError};

use crate::organisation::string_enum;
use crate::validation::not_blank;

/// Minutes in one jam pelajaran (Perlan 5/2018).
pub const MENIT_PER_JP: i32 = 45;
/// JP a civil servant develops at least in a year (PP 11/2017).
pub const JP_WAJIB: i32 = 20;
/// [`JP_WAJIB`] in minutes.
pub const MENIT_WAJIB: i64 = (JP_WAJIB * MENIT_PER_JP) as i64;

/// JP of `menit` minutes, to two decimals (display only: sums are made in minutes).
pub fn jp_dari_menit(menit: i64) -> f64 {
    ((menit as f64 / f64::from(MENIT_PER_JP)) * 100.0).round() / 100.0
}

/// Minutes of a JP figure given with at most two decimals.
pub fn menit_dari_jp(jp: f64) -> i64 {
    (jp * f64::from(MENIT_PER_JP)).round() as i64
}

/// Minutes of a duration given in hours.
pub fn menit_dari_jam(jam: f64) -> i64 {
    (jam * 60.0).round() as i64
}

string_enum! {
    /// The three groups of competencies of PP 11/2017.
    KelompokKompetensi {
        Teknis => "teknis",
        Manajerial => "manajerial",
        SosialKultural => "sosial_kultural",
    }
}

string_enum! {
    /// What a need closes: a competency gap (profile against the position's standard), a
    /// performance gap (the rating against the target), or both.
    JenisKesenjangan {
        Kompetensi => "kompetensi",
        Kinerja => "kinerja",
        Keduanya => "keduanya",
    }
}

string_enum! {
    /// Where a need came from. The last three are made by the system from an evaluation.
    SumberKebutuhan {
        UsulanPegawai => "usulan_pegawai",
        UsulanPpkin => "usulan_ppkin",
        RencanaPerbaikan => "rencana_perbaikan",
        RatingRendah => "rating_rendah",
        PerilakuRendah => "perilaku_rendah",
    }
}

string_enum! {
    /// Jalur pengembangan: face to face (klasikal) or not (nonklasikal), plus formal education.
    Jalur {
        Klasikal => "klasikal",
        Nonklasikal => "nonklasikal",
        Pendidikan => "pendidikan",
    }
}

string_enum! {
    /// The kind of development (LAN's klasikal and nonklasikal kinds; docs/pengembangan.md).
    BentukPengembangan {
        Diklat => "diklat",
        Bimtek => "bimtek",
        Seminar => "seminar",
        Workshop => "workshop",
        Kursus => "kursus",
        Penataran => "penataran",
        Sosialisasi => "sosialisasi",
        ELearning => "e_learning",
        PelatihanJarakJauh => "pelatihan_jarak_jauh",
        Coaching => "coaching",
        Mentoring => "mentoring",
        Magang => "magang",
        Detasering => "detasering",
        PatokBanding => "patok_banding",
        KomunitasBelajar => "komunitas_belajar",
        BelajarMandiri => "belajar_mandiri",
        Pendidikan => "pendidikan",
    }
}

impl BentukPengembangan {
    /// The route of this kind.
    pub fn jalur(self) -> Jalur {
        use BentukPengembangan::*;
        match self {
            Diklat | Bimtek | Seminar | Workshop | Kursus | Penataran | Sosialisasi => {
                Jalur::Klasikal
            }
            Pendidikan => Jalur::Pendidikan,
            _ => Jalur::Nonklasikal,
        }
    }
}

string_enum! {
    Prioritas {
        Tinggi => "tinggi",
        Sedang => "sedang",
        Rendah => "rendah",
    }
}

string_enum! {
    /// diusulkan → disetujui or ditolak, by the employee's PPKin.
    StatusKebutuhan {
        Diusulkan => "diusulkan",
        Disetujui => "disetujui",
        Ditolak => "ditolak",
    }
}

string_enum! {
    /// The part someone played in an activity.
    PeranKegiatan {
        Peserta => "peserta",
        Narasumber => "narasumber",
        Fasilitator => "fasilitator",
    }
}

string_enum! {
    /// menunggu → diverifikasi or ditolak, by the HR office; only verified JP count.
    StatusCatatan {
        Menunggu => "menunggu",
        Diverifikasi => "diverifikasi",
        Ditolak => "ditolak",
    }
}

/// A competency of the instansi's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Kompetensi {
    pub id: Uuid,
    pub nama: String,
    pub kelompok: KelompokKompetensi,
    /// The BerAKHLAK core value it serves (`berorientasi_pelayanan`, …), where it does.
    pub nilai_berakhlak: Option<String>,
    pub deskripsi: Option<String>,
    pub aktif: bool,
    pub lock_version: i32,
}

/// `POST /api/v1/pengembangan/kompetensi`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BuatKompetensi {
    #[validate(
        length(min = 1, max = 200, code = "nama_wajib_200"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = "\\S")
    )]
    pub nama: String,
    pub kelompok: KelompokKompetensi,
    /// A code of `GET /api/v1/ref/berakhlak`.
    #[validate(length(max = 40, code = "nilai_berakhlak_tidak_dikenal"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub nilai_berakhlak: Option<String>,
    #[validate(length(max = 1000, code = "maks_1000_karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub deskripsi: Option<String>,
}

/// `PATCH /api/v1/pengembangan/kompetensi/{id}`: only the fields given change; an empty
/// `nilai_berakhlak` or `deskripsi` clears it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UbahKompetensi {
    pub lock_version: i32,
    #[validate(
        length(min = 1, max = 200, code = "nama_wajib_200"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = "\\S")
    )]
    pub nama: Option<String>,
    pub kelompok: Option<KelompokKompetensi>,
    #[validate(length(max = 40, code = "nilai_berakhlak_tidak_dikenal"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub nilai_berakhlak: Option<String>,
    #[validate(length(max = 1000, code = "maks_1000_karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub deskripsi: Option<String>,
    pub aktif: Option<bool>,
}

/// A development need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Kebutuhan {
    pub id: Uuid,
    pub employee_id: Uuid,
    /// Name with academic titles.
    pub pegawai_nama: String,
    pub tahun: i32,
    /// Empty on a need made from an evaluation until the PPKin names it.
    pub kompetensi: Option<Kompetensi>,
    pub kesenjangan: JenisKesenjangan,
    pub sumber: SumberKebutuhan,
    /// The evaluation it was made from (sumber rating_rendah, perilaku_rendah,
    /// rencana_perbaikan).
    pub evaluation_id: Option<Uuid>,
    /// Where the evaluation is read in the SPA.
    pub tautan_evaluasi: Option<String>,
    /// The sub-period of that evaluation (0 = the year), for wording a need made from it.
    pub evaluasi_periode_ke: Option<i32>,
    pub bentuk: BentukPengembangan,
    pub jalur: Jalur,
    pub prioritas: Prioritas,
    pub perkiraan_jp: Option<i32>,
    /// Rupiah.
    pub perkiraan_biaya: Option<i64>,
    pub uraian: String,
    pub status: StatusKebutuhan,
    /// The PPKin's reason, shown to the employee.
    pub catatan_keputusan: Option<String>,
    pub diputuskan_oleh_nama: Option<String>,
    pub diputuskan_at: Option<DateTime<Utc>>,
    /// Verified JP of the records that fulfil it.
    pub jp_terpenuhi: f64,
    /// Whether the viewer may agree or reject it (the employee's PPKin, while proposed).
    pub boleh_diputuskan: bool,
    pub created_at: DateTime<Utc>,
    pub lock_version: i32,
}

fn biaya_wajar(b: i64) -> Result<(), ValidationError> {
    if (0..=1_000_000_000_000).contains(&b) {
        Ok(())
    } else {
        Err(ValidationError::new("nilai_tidak_negatif"))
    }
}

/// `POST /api/v1/pengembangan/kebutuhan`: by the employee for themselves or by their PPKin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BuatKebutuhan {
    /// Whose need; the viewer's own when left out.
    pub employee_id: Option<Uuid>,
    #[validate(range(min = 2020, max = 2100, code = "tahun_2020_2100"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 2020, maximum = 2100))]
    pub tahun: i32,
    /// An active competency of the employee's instansi.
    pub kompetensi_id: Uuid,
    pub kesenjangan: JenisKesenjangan,
    pub bentuk: BentukPengembangan,
    pub prioritas: Prioritas,
    #[validate(range(min = 1, max = 1000, code = "jp_1_1000"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000))]
    pub perkiraan_jp: Option<i32>,
    #[validate(custom(function = "biaya_wajar"))]
    #[cfg_attr(
        feature = "openapi",
        schema(minimum = 0, maximum = 1_000_000_000_000_i64)
    )]
    pub perkiraan_biaya: Option<i64>,
    /// Why it is needed.
    #[validate(
        length(min = 3, max = 1000, code = "uraian_3_1000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 3, max_length = 1000, pattern = "\\S")
    )]
    pub uraian: String,
}

/// `POST /api/v1/pengembangan/kebutuhan/{id}/keputusan`: the PPKin agrees or rejects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PutuskanKebutuhan {
    pub lock_version: i32,
    pub setuju: bool,
    /// Required when rejecting: the employee reads it.
    #[validate(length(max = 2000, code = "catatan_3_2000"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub catatan: Option<String>,
    /// Names the competency of a need made from an evaluation; required to agree one that has
    /// none.
    pub kompetensi_id: Option<Uuid>,
    pub bentuk: Option<BentukPengembangan>,
    #[validate(range(min = 1, max = 1000, code = "jp_1_1000"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000))]
    pub perkiraan_jp: Option<i32>,
}

/// Filters of `GET /api/v1/pengembangan/kebutuhan`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct FilterKebutuhan {
    /// One employee's needs; the viewer's own when neither this nor `tim` is given.
    pub employee_id: Option<Uuid>,
    /// The needs of the people the viewer rates as PPKin.
    #[serde(default)]
    pub tim: bool,
    #[validate(range(min = 2020, max = 2100, code = "tahun_2020_2100"))]
    #[cfg_attr(feature = "openapi", param(minimum = 2020, maximum = 2100))]
    pub tahun: Option<i32>,
    pub status: Option<StatusKebutuhan>,
}

/// A certificate file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Sertifikat {
    pub nama: String,
    pub mime: String,
    pub ukuran: i64,
}

/// A development record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CatatanPengembangan {
    pub id: Uuid,
    pub employee_id: Uuid,
    pub pegawai_nama: String,
    /// The year it counts for: the year of `tanggal_selesai`.
    pub tahun: i32,
    pub nama: String,
    pub katalog_id: Option<Uuid>,
    pub bentuk: BentukPengembangan,
    pub jalur: Jalur,
    pub penyelenggara: String,
    pub tanggal_mulai: NaiveDate,
    pub tanggal_selesai: NaiveDate,
    /// Minutes of learning.
    pub menit: i32,
    /// `menit` / 45, two decimals.
    pub jp: f64,
    pub peran: PeranKegiatan,
    pub kebutuhan_id: Option<Uuid>,
    pub status: StatusCatatan,
    pub catatan_verifikasi: Option<String>,
    pub diverifikasi_at: Option<DateTime<Utc>>,
    pub sertifikat: Option<Sertifikat>,
    /// Whether the viewer may verify or reject it (the HR office, while it waits).
    pub boleh_diverifikasi: bool,
    pub created_at: DateTime<Utc>,
    pub lock_version: i32,
}

fn jp_wajar(jp: f64) -> Result<(), ValidationError> {
    if jp > 0.0 && jp <= 1000.0 && (jp * 100.0 - (jp * 100.0).round()).abs() < 1e-6 {
        Ok(())
    } else {
        Err(ValidationError::new("jp_1_1000"))
    }
}

fn jam_wajar(jam: f64) -> Result<(), ValidationError> {
    if jam > 0.0 && jam <= 750.0 {
        Ok(())
    } else {
        Err(ValidationError::new("jam_pelajaran_0_750"))
    }
}

/// `POST /api/v1/pengembangan/catatan`: give either `jp` or `jam` (hours, converted at 45
/// minutes a JP).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BuatCatatan {
    /// Whose record; the viewer's own when left out (the HR office records for others).
    pub employee_id: Option<Uuid>,
    /// What was attended; the catalogue entry's name when `katalog_id` is given and this is
    /// left out.
    #[validate(length(min = 3, max = 300, code = "nama_kegiatan_3_300"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 300))]
    pub nama: Option<String>,
    pub katalog_id: Option<Uuid>,
    pub bentuk: BentukPengembangan,
    #[validate(
        length(min = 2, max = 200, code = "penyelenggara_2_200"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 2, max_length = 200, pattern = "\\S")
    )]
    pub penyelenggara: String,
    pub tanggal_mulai: NaiveDate,
    /// Not before `tanggal_mulai`, not after today (the instansi's local day).
    pub tanggal_selesai: NaiveDate,
    /// Jam pelajaran, at most two decimals.
    #[validate(custom(function = "jp_wajar"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0.01, maximum = 1000))]
    pub jp: Option<f64>,
    /// Clock hours, converted to JP at 45 minutes.
    #[validate(custom(function = "jam_wajar"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0.01, maximum = 750))]
    pub jam: Option<f64>,
    pub peran: PeranKegiatan,
    /// The need (of the same employee) it fulfils.
    pub kebutuhan_id: Option<Uuid>,
}

/// `POST /api/v1/pengembangan/catatan/{id}/verifikasi`: the HR office's decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct VerifikasiCatatan {
    pub lock_version: i32,
    pub terima: bool,
    /// Required when rejecting.
    #[validate(length(max = 2000, code = "catatan_3_2000"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub catatan: Option<String>,
}

/// Filters of `GET /api/v1/pengembangan/catatan`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct FilterCatatan {
    /// One employee's records; without it the viewer's own, or for the HR office with a
    /// `status`, the instansi's queue.
    pub employee_id: Option<Uuid>,
    #[validate(range(min = 2020, max = 2100, code = "tahun_2020_2100"))]
    #[cfg_attr(feature = "openapi", param(minimum = 2020, maximum = 2100))]
    pub tahun: Option<i32>,
    pub status: Option<StatusCatatan>,
}

/// One employee's JP of a year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RingkasanJp {
    pub employee_id: Uuid,
    pub pegawai_nama: String,
    pub tahun: i32,
    /// 20.
    pub jp_wajib: i32,
    pub jp_terverifikasi: f64,
    /// Recorded, waiting for the HR office.
    pub jp_menunggu: f64,
    /// Estimated JP of the agreed needs not yet fulfilled.
    pub jp_direncanakan: f64,
    /// Verified JP as a share of 20, capped at 100.
    pub persen: f64,
    pub memenuhi: bool,
    /// Verified JP per month (January first), by `tanggal_selesai`.
    pub per_bulan: Vec<f64>,
}

/// Query of the JP summaries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct TahunQuery {
    /// The current year (the instansi's local day) when left out.
    #[validate(range(min = 2020, max = 2100, code = "tahun_2020_2100"))]
    #[cfg_attr(feature = "openapi", param(minimum = 2020, maximum = 2100))]
    pub tahun: Option<i32>,
}

/// A member of the PPKin's team with their JP and needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnggotaTimJp {
    pub employee_id: Uuid,
    pub nama: String,
    pub jabatan: Option<String>,
    pub jp_terverifikasi: f64,
    pub jp_menunggu: f64,
    pub memenuhi: bool,
    /// Needs waiting for the PPKin's decision.
    pub kebutuhan_diusulkan: u64,
}

/// Query of a unit's 20 JP compliance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct KepatuhanQuery {
    /// The unit (with everything below it); the viewer's own subtree or, for the HR office,
    /// the instansi's root when left out.
    pub unit_id: Option<Uuid>,
    #[validate(range(min = 2020, max = 2100, code = "tahun_2020_2100"))]
    #[cfg_attr(feature = "openapi", param(minimum = 2020, maximum = 2100))]
    pub tahun: Option<i32>,
}

/// Compliance of one unit (with everything below it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KepatuhanUnit {
    pub unit_id: Uuid,
    pub nama: String,
    /// Active employees in the unit and below.
    pub jumlah_pegawai: u64,
    /// Of them, with at least 20 verified JP in the year.
    pub memenuhi: u64,
    pub persen: f64,
}

/// A person below 20 JP.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PegawaiKurangJp {
    pub employee_id: Uuid,
    pub nama: String,
    pub nip: String,
    pub unit_nama: Option<String>,
    pub jp_terverifikasi: f64,
}

/// `GET /api/v1/pengembangan/kepatuhan`: the unit, its direct sub-units, and the people below
/// 20 JP by fewest JP first (a page of them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KepatuhanJp {
    pub tahun: i32,
    pub unit: KepatuhanUnit,
    pub sub_unit: Vec<KepatuhanUnit>,
    pub kurang: crate::pagination::Page<PegawaiKurangJp>,
}

/// Query of `GET /api/v1/pengembangan/kompetensi`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct KompetensiQuery {
    /// Also the inactive ones (default: only active).
    pub semua: Option<bool>,
    /// The instansi; the viewer's own when left out.
    pub instansi_id: Option<Uuid>,
}

/// `DELETE …?lock_version=…`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct HapusDenganVersi {
    /// The version the deletion is based on (409 when someone else changed it since).
    pub lock_version: i32,
}

/// Query of `GET /api/v1/pengembangan/jp`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct JpQuery {
    /// Whose JP; the viewer's own when left out.
    pub employee_id: Option<Uuid>,
    /// The current year (the instansi's local day) when left out.
    #[validate(range(min = 2020, max = 2100, code = "tahun_2020_2100"))]
    #[cfg_attr(feature = "openapi", param(minimum = 2020, maximum = 2100))]
    pub tahun: Option<i32>,
}

/// A development record as the evaluation page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PengembanganTerakhir {
    pub id: Uuid,
    pub nama: String,
    pub bentuk: BentukPengembangan,
    pub tanggal_selesai: NaiveDate,
    pub jp: f64,
    pub status: StatusCatatan,
}
