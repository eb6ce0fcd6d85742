//! Performance planning: periods and the SKP (Sasaran Kinerja Pegawai) with its RHK, IKI,
//! perilaku kerja and lampiran, and the agreement workflow (PermenPANRB 6/2022).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::organisation::string_enum;
use crate::validation::not_blank;

string_enum! {
    /// How often performance is evaluated within the year.
    Ritme {
        Bulanan => "bulanan",
        Triwulanan => "triwulanan",
        Semesteran => "semesteran",
    }
}

string_enum! {
    /// Period status: prepared, open for SKP and realisation, or closed.
    StatusPeriode {
        Draft => "draft",
        Dibuka => "dibuka",
        Ditutup => "ditutup",
    }
}

string_enum! {
    /// SKP status (docs/regulation.md, "SKP planning").
    StatusSkp {
        Draft => "draft",
        Diajukan => "diajukan",
        Disetujui => "disetujui",
        Dikembalikan => "dikembalikan",
        Ditutup => "ditutup",
    }
}

string_enum! {
    Pendekatan {
        Kuantitatif => "kuantitatif",
        Kualitatif => "kualitatif",
    }
}

string_enum! {
    /// SKP form: JPT and heads of units (pimpinan unit kerja), or JA/JF.
    JenisSkp {
        JptPimpinan => "jpt_pimpinan",
        JaJf => "ja_jf",
    }
}

string_enum! {
    JenisRhk {
        Utama => "utama",
        Tambahan => "tambahan",
    }
}

string_enum! {
    Aspek {
        Kuantitas => "kuantitas",
        Kualitas => "kualitas",
        Waktu => "waktu",
        Biaya => "biaya",
    }
}

string_enum! {
    /// Whether a higher or a lower realisation is better.
    Arah {
        Naik => "naik",
        Turun => "turun",
    }
}

string_enum! {
    /// How an IKI's yearly target turns into the target of one sub-period (docs/regulation.md,
    /// "Capaian per periode").
    JenisTarget {
        /// A count that accumulates over the year (laporan, dokumen, pasien): each sub-period
        /// carries its share.
        Akumulatif => "akumulatif",
        /// A level held all year (a percentage, an index, a rate): each sub-period carries the
        /// target itself.
        Tetap => "tetap",
        /// Due by a date (`tenggat`): the sub-period containing the date carries the whole
        /// target, the others none.
        Tenggat => "tenggat",
    }
}

impl JenisTarget {
    /// The nature assumed when the owner has not chosen one: a percentage, an index, a score, a
    /// ratio or an average is held every sub-period; anything else is counted.
    #[must_use]
    pub fn dari_satuan(satuan: Option<&str>) -> Self {
        let s = satuan.unwrap_or_default().to_lowercase();
        let held = [
            "%", "persen", "indeks", "index", "nilai", "skor", "rasio", "rata", "predikat",
        ];
        if held.iter().any(|w| s.contains(w)) {
            Self::Tetap
        } else {
            Self::Akumulatif
        }
    }
}

string_enum! {
    /// Perspective of an IKI in the SKP JPT.
    Perspektif {
        PenerimaLayanan => "penerima_layanan",
        ProsesBisnis => "proses_bisnis",
        PenguatanInternal => "penguatan_internal",
        Anggaran => "anggaran",
    }
}

/// A performance period (one year) of an instansi.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Periode {
    /// Optimistic lock: send it back with every edit; bumped by each one.
    pub lock_version: i32,
    pub id: Uuid,
    pub instansi_id: Uuid,
    pub tahun: i32,
    pub mulai: NaiveDate,
    pub selesai: NaiveDate,
    pub ritme: Ritme,
    /// SKP must be set by this date.
    pub batas_penetapan_skp: Option<NaiveDate>,
    /// Days after a period's end during which realisation stays editable.
    pub jeda_kunci_realisasi_hari: i32,
    pub batas_evaluasi_tahunan: Option<NaiveDate>,
    /// Days after an evaluation is set during which an objection may be filed.
    pub jendela_keberatan_hari: i32,
    pub status: StatusPeriode,
}

/// `POST /api/v1/periods`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreatePeriode {
    pub instansi_id: Uuid,
    #[validate(range(min = 2020, max = 2100, code = "tahun_2020_2100"))]
    #[cfg_attr(
        feature = "openapi",
        schema(minimum = 2020, maximum = 2100, example = 2026)
    )]
    pub tahun: i32,
    /// Default 1 January.
    pub mulai: Option<NaiveDate>,
    /// Default 31 December.
    pub selesai: Option<NaiveDate>,
    /// Default `bulanan`.
    pub ritme: Option<Ritme>,
    pub batas_penetapan_skp: Option<NaiveDate>,
    #[validate(range(min = 0, max = 90, code = "hari_0_90"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 90))]
    pub jeda_kunci_realisasi_hari: Option<i32>,
    pub batas_evaluasi_tahunan: Option<NaiveDate>,
    #[validate(range(min = 1, max = 90, code = "hari_1_90"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 90))]
    pub jendela_keberatan_hari: Option<i32>,
}

/// `POST /api/v1/periods/{id}/open` and `/close`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PeriodeAction {
    /// Optimistic lock: the `lock_version` of the record as it was read. Required, so that an
    /// edit based on an older version is refused (409) instead of overwriting a change made
    /// in the meantime; reload and redo the edit then.
    pub lock_version: i32,
    #[validate(length(max = 500, code = "alasan_maks_500"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub reason: Option<String>,
}

/// Who someone was when the SKP was set: printed on the document whatever changes later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonSnapshot {
    pub employee_id: Uuid,
    pub nama_lengkap: String,
    pub nip: String,
    pub pangkat_golongan: Option<String>,
    pub jabatan: Option<String>,
    pub unit: Option<String>,
}

/// One Indikator Kinerja Individu.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Iki {
    /// Absent for a new IKI; kept across edits.
    pub id: Option<Uuid>,
    pub aspek: Option<Aspek>,
    #[validate(
        length(min = 1, max = 1000, code = "indikator_wajib_1000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 1000,
            pattern = "\\S",
            example = "Jumlah dokumen laporan pelayanan administrasi kependudukan"
        )
    )]
    pub indikator: String,
    /// Numeric target (kuantitatif).
    #[validate(range(min = 0.0, max = 1e12, code = "target_tidak_negatif"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1e12, example = 12))]
    pub target_nilai: Option<f64>,
    #[validate(length(max = 50, code = "satuan_maks_50"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 50, example = "dokumen"))]
    pub target_satuan: Option<String>,
    /// Narrative target (kualitatif).
    #[validate(length(max = 1000, code = "target_naratif_maks_1000"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub target_naratif: Option<String>,
    /// Default `naik` (higher is better).
    pub arah: Option<Arah>,
    /// SKP JPT only.
    pub perspektif: Option<Perspektif>,
    /// How the yearly target is split over the sub-periods; absent = inferred from the unit
    /// (`persen`, `indeks`, … are held, anything else counted).
    #[serde(default)]
    pub jenis_target: Option<JenisTarget>,
    /// Due date of a `tenggat` target (within the period).
    #[serde(default)]
    pub tenggat: Option<NaiveDate>,
}

/// One Rencana Hasil Kerja with its indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Rhk {
    pub id: Option<Uuid>,
    pub jenis: JenisRhk,
    /// Phrased as a result, not an activity.
    #[validate(
        length(min = 1, max = 1000, code = "rhk_wajib_1000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 1000,
            pattern = "\\S",
            example = "Tersedianya layanan administrasi kependudukan yang tepat waktu"
        )
    )]
    pub deskripsi: String,
    /// E.g. "Penugasan dari Wali Kota".
    #[validate(length(max = 300, code = "maks_300_karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 300))]
    pub penugasan_dari: Option<String>,
    /// The PPKin's RHK this one intervenes (required for RHK utama of JA/JF to submit).
    pub intervensi_rhk_id: Option<Uuid>,
    #[validate(length(max = 20, code = "maks_20_indikator_per_rhk"), nested)]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub iki: Vec<Iki>,
}

/// Ekspektasi khusus pimpinan for one BerAKHLAK value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Perilaku {
    #[cfg_attr(feature = "openapi", schema(example = "berorientasi_pelayanan"))]
    pub nilai_kode: String,
    pub nama: String,
    /// The three panduan perilaku.
    pub panduan: Vec<String>,
    pub ekspektasi_khusus: Option<String>,
}

/// Lampiran SKP: each a list of lines.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Lampiran {
    #[serde(default)]
    #[validate(length(max = 30, code = "maks_30_butir"))]
    #[cfg_attr(feature = "openapi", schema(max_items = 30))]
    pub dukungan_sumber_daya: Vec<String>,
    #[serde(default)]
    #[validate(length(max = 30, code = "maks_30_butir"))]
    #[cfg_attr(feature = "openapi", schema(max_items = 30))]
    pub skema_pertanggungjawaban: Vec<String>,
    #[serde(default)]
    #[validate(length(max = 30, code = "maks_30_butir"))]
    #[cfg_attr(feature = "openapi", schema(max_items = 30))]
    pub konsekuensi: Vec<String>,
}

/// A quality hint (warning, not an error) about the SKP's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Hint {
    /// Path of the element, e.g. `rhk[0].iki[1]`.
    pub path: String,
    pub message: String,
}

/// An SKP (one version).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Skp {
    pub id: Uuid,
    pub periode_id: Uuid,
    pub tahun: i32,
    pub employee_id: Uuid,
    pub versi: i32,
    /// Optimistic lock: send it back with every write.
    pub lock_version: i32,
    pub status: StatusSkp,
    pub pendekatan: Pendekatan,
    pub jenis: JenisSkp,
    pub pegawai: PersonSnapshot,
    pub pejabat_penilai: Option<PersonSnapshot>,
    pub atasan_pejabat_penilai: Option<PersonSnapshot>,
    pub rhk: Vec<Rhk>,
    pub perilaku: Vec<Perilaku>,
    pub lampiran: Lampiran,
    pub catatan_pengembalian: Option<String>,
    /// The employee's reason for a perubahan SKP (versions after the first; `None` for
    /// version 1 and for versions made before reasons were kept).
    pub alasan_perubahan: Option<String>,
    pub diajukan_at: Option<DateTime<Utc>>,
    pub disetujui_at: Option<DateTime<Utc>>,
    /// The first sub-period this version governs once approved (1 for the first version; for a
    /// perubahan SKP the sub-period of the day it was approved); none before approval.
    pub berlaku_dari_ke: Option<i32>,
    pub hints: Vec<Hint>,
}

/// `POST /api/v1/skp`: start one's own SKP for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateSkp {
    pub periode_id: Uuid,
    /// Default `kuantitatif`.
    pub pendekatan: Option<Pendekatan>,
    /// Start from one's own SKP of another period: RHK, IKI and lampiran are copied (the
    /// intervened RHK are not, since the superior's RHK are new each year).
    pub salin_dari: Option<Uuid>,
    /// Start from an SKP template of the HR office (ignored with `salin_dari`).
    pub templat_id: Option<Uuid>,
}

/// `PUT /api/v1/skp/{id}`: the whole editable content of a draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdateSkp {
    pub lock_version: i32,
    pub pendekatan: Pendekatan,
    #[validate(length(max = 30, code = "maks_30_rhk"), nested)]
    #[cfg_attr(feature = "openapi", schema(max_items = 30))]
    pub rhk: Vec<Rhk>,
    #[validate(nested)]
    pub lampiran: Lampiran,
}

/// `POST /api/v1/skp/{id}/submit`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SubmitSkp {
    pub lock_version: i32,
}

/// Ekspektasi khusus set by the PPKin at approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EkspektasiKhusus {
    #[validate(length(min = 1, max = 40, code = "nilai_berakhlak_tidak_dikenal"))]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 40, example = "berorientasi_pelayanan")
    )]
    pub nilai_kode: String,
    #[validate(length(max = 1000, code = "maks_1000_karakter"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub teks: String,
}

/// `POST /api/v1/skp/{id}/approve`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ApproveSkp {
    pub lock_version: i32,
    #[serde(default)]
    #[validate(length(max = 7, code = "maks_satu_ekspektasi"), nested)]
    #[cfg_attr(feature = "openapi", schema(max_items = 7))]
    pub ekspektasi_khusus: Vec<EkspektasiKhusus>,
}

/// `POST /api/v1/skp/{id}/return`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnSkp {
    pub lock_version: i32,
    /// What the employee must change.
    #[validate(
        length(min = 1, max = 2000, code = "catatan_pengembalian_wajib_2000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 2000, pattern = "\\S")
    )]
    pub catatan: String,
}

/// A short entry of a list of SKPs (inbox, admin list).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkpSummary {
    pub id: Uuid,
    pub tahun: i32,
    pub versi: i32,
    pub status: StatusSkp,
    pub jenis: JenisSkp,
    pub pegawai: PersonSnapshot,
    pub jumlah_rhk: u64,
    pub diajukan_at: Option<DateTime<Utc>>,
}

/// Filters of `GET /api/v1/skp`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct SkpQuery {
    pub periode_id: Option<Uuid>,
    pub status: Option<StatusSkp>,
    pub employee_id: Option<Uuid>,
}

/// A stored notification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notification {
    pub id: Uuid,
    #[cfg_attr(feature = "openapi", schema(example = "skp.diajukan"))]
    pub kind: String,
    pub judul: String,
    pub pesan: String,
    /// SPA path to open.
    pub tautan: Option<String>,
    /// What the notification is about, so a client can word it in its own language from
    /// `kind`; `judul` and `pesan` are the Indonesian wording. `None` for notifications made
    /// before parameters were kept.
    pub params: Option<NotificationParams>,
    pub dibaca_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// Parameters of a notification; which ones are set depends on its `kind`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationParams {
    /// Full name of the employee the SKP belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = "Rina Marlina"))]
    pub pegawai: Option<String>,
    /// Year of the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tahun: Option<i32>,
    /// Sub-period of the period's rhythm (1-based); 0 = the whole year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periode_ke: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ritme: Option<Ritme>,
    /// A code whose meaning the kind gives: the predikat (`evaluasi_ditetapkan`), the verdict
    /// (`bukti.diverifikasi`), the decision (`keberatan_diputus`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hasil: Option<String>,
    /// Text quoted as written, in any language: a note, a reason, feedback, an RHK.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teks: Option<String>,
    /// A deadline: the end of the objection window, the lock date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tanggal: Option<NaiveDate>,
    /// A count: indicators still without realisasi.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jumlah: Option<i64>,
    /// An improvement plan was opened with the result (`evaluasi_ditetapkan`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rencana_perbaikan: Option<bool>,
}

/// `?periode_id=` of `GET /api/v1/skp/mine`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct MineQuery {
    pub periode_id: Uuid,
}

/// Filters of `GET /api/v1/periods`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PeriodeQuery {
    pub instansi_id: Option<Uuid>,
}

/// `POST /api/v1/skp/{id}/revise` (perubahan SKP) and `/reopen` (admin).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReasonedAction {
    pub lock_version: i32,
    /// Why (e.g. "mutasi", "perubahan organisasi"); stored in the audit trail.
    #[validate(
        length(min = 1, max = 1000, code = "alasan_wajib_1000"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 1000, pattern = "\\S")
    )]
    pub alasan: String,
}

/// One version in an SKP's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkpVersion {
    pub id: Uuid,
    pub versi: i32,
    pub status: StatusSkp,
    pub disetujui_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// One difference between two SKP versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkpChange {
    /// Where, e.g. `rhk[0].iki[1].target_nilai`.
    pub path: String,
    pub sebelum: Option<serde_json::Value>,
    pub sesudah: Option<serde_json::Value>,
}

/// `?with=` of `GET /api/v1/skp/{id}/diff`: the other version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct DiffQuery {
    pub with: Uuid,
}

/// One RHK in the pohon kinerja, with the subordinates' RHK that intervene it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PohonRhk {
    pub id: Uuid,
    pub skp_id: Uuid,
    pub deskripsi: String,
    pub jenis: JenisRhk,
    pub pegawai: PersonSnapshot,
    pub status_skp: StatusSkp,
    /// An RHK utama of a JA/JF that intervenes nothing.
    pub yatim: bool,
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub turunan: Vec<PohonRhk>,
    /// RHK that intervene this one but lie below the `kedalaman` asked for (so not in
    /// `turunan`): the tree of this RHK's SKP shows them.
    #[serde(default)]
    pub turunan_lain: u32,
}

/// `?kedalaman=` of `GET /api/v1/skp/{id}/tree`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PohonQuery {
    /// Levels of subordinates' RHK below the SKP's own (1–8); without it the whole cascade
    /// (8 levels). The SPA asks for 2 and opens deeper branches one at a time.
    #[validate(range(min = 1, max = 8, code = "kedalaman_1_8"))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 8))]
    pub kedalaman: Option<u8>,
}

impl PohonQuery {
    /// The deepest the server goes.
    pub const MAKS: u8 = 8;
}

/// `GET /api/v1/skp/{id}/tree`: the cascade below an SKP.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Pohon {
    pub skp_id: Uuid,
    pub pegawai: PersonSnapshot,
    pub rhk: Vec<PohonRhk>,
    /// Direct subordinates' RHK utama that intervene none of this SKP's RHK.
    pub yatim: Vec<PohonRhk>,
}

/// `POST /api/v1/skp/{id}/distribute` (Matriks Peran Hasil): hand one RHK down to subordinates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DistributeRhk {
    /// The superior's RHK (of this approved SKP) to intervene.
    pub rhk_id: Uuid,
    /// Subordinates who receive it (their PPKin must be the owner of this SKP).
    #[validate(length(min = 1, max = 100, code = "pilih_1_100_bawahan"))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 100))]
    pub bawahan: Vec<Uuid>,
    /// The subordinates' RHK (the "peran hasil"); default: the superior's RHK text.
    #[validate(length(min = 1, max = 1000, code = "maks_1000_karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub deskripsi: Option<String>,
    /// Suggested indicators.
    #[serde(default)]
    #[validate(length(max = 20, code = "maks_20_indikator"), nested)]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub iki: Vec<Iki>,
}

/// What happened for one subordinate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DistributionResult {
    pub employee_id: Uuid,
    pub skp_id: Option<Uuid>,
    /// True when the RHK was added to the subordinate's draft.
    pub ditambahkan: bool,
    pub keterangan: String,
}

/// An SKP template: RHK with suggested IKI and lampiran that a new SKP can start from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkpTemplate {
    /// Optimistic lock: send it back with every edit; bumped by each one.
    pub lock_version: i32,
    pub id: Uuid,
    pub instansi_id: Uuid,
    /// The position it is meant for; absent for a general template.
    pub jabatan_id: Option<Uuid>,
    pub nama: String,
    pub rhk: Vec<Rhk>,
    pub lampiran: Lampiran,
}

/// `POST /api/v1/skp-templates`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SaveSkpTemplate {
    pub instansi_id: Uuid,
    pub jabatan_id: Option<Uuid>,
    #[validate(
        length(min = 1, max = 200, code = "nama_templat_wajib_200"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = "\\S")
    )]
    pub nama: String,
    #[validate(length(min = 1, max = 30, code = "isi_1_30_rhk"), nested)]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 30))]
    pub rhk: Vec<Rhk>,
    #[serde(default)]
    #[validate(nested)]
    pub lampiran: Lampiran,
}

/// `PUT /api/v1/skp-templates/{id}`: replaces the template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdateSkpTemplate {
    /// Optimistic lock: the `lock_version` of the record as it was read. Required, so that an
    /// edit based on an older version is refused (409) instead of overwriting a change made
    /// in the meantime; reload and redo the edit then.
    pub lock_version: i32,
    pub instansi_id: Uuid,
    pub jabatan_id: Option<Uuid>,
    #[validate(
        length(
            min = 1,
            max = 200,
            message = "Nama templat wajib diisi (maksimal 200 karakter)."
        ),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = "\\S")
    )]
    pub nama: String,
    #[validate(
        length(min = 1, max = 30, message = "Isi 1 sampai 30 rencana hasil kerja."),
        nested
    )]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 30))]
    pub rhk: Vec<Rhk>,
    #[serde(default)]
    #[validate(nested)]
    pub lampiran: Lampiran,
}

/// Filters of `GET /api/v1/skp-templates`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct TemplateQuery {
    pub instansi_id: Option<Uuid>,
    /// Templates for this position (and general ones).
    pub jabatan_id: Option<Uuid>,
}

/// Filters of `GET /api/v1/notifications`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct NotificationQuery {
    /// Only unread ones.
    pub unread: Option<bool>,
}

/// A page of notifications with the unread count (for the bell).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationPage {
    pub items: Vec<Notification>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
    pub belum_dibaca: u64,
}

/// `?periode_id=` of `GET /api/v1/skp/bawahan`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct BawahanQuery {
    pub periode_id: Uuid,
}

/// The viewer's subordinates for a period and where each stands: the employees they rate
/// today as PPKin and, for an Atasan PPKin, those rated by the officials they lead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DaftarBawahan {
    /// The last sub-period that has ended (by the instansi's local day); `None` before the
    /// first one ends. `realisasi_kosong` and `evaluasi` are about this sub-period.
    pub periode_ke: Option<i32>,
    /// By name.
    pub items: Vec<Bawahan>,
}

/// One subordinate in [`DaftarBawahan`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Bawahan {
    /// Name, NIP and today's position (tells apart two people of the same name).
    pub pegawai: crate::organisation::EmployeeRef,
    /// Rated by the viewer (else the viewer is their Atasan PPKin).
    pub langsung: bool,
    /// The latest SKP version of the period; `None` when not started.
    pub skp: Option<SkpSingkat>,
    /// The approved version in force (realisasi and evaluation belong to it).
    pub skp_berlaku_id: Option<Uuid>,
    /// Evidence of the year's realisasi not yet checked by the PPKin.
    pub bukti_belum_diperiksa: u64,
    /// Indicators of the SKP in force without realisasi for `periode_ke`; `None` without an
    /// SKP in force or an ended sub-period.
    pub realisasi_kosong: Option<u64>,
    /// The evaluation of `periode_ke`: `None` when not rated yet.
    pub evaluasi: Option<crate::penilaian::StatusEvaluasi>,
}

/// An SKP version's id, number and status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkpSingkat {
    pub id: Uuid,
    pub versi: i32,
    pub status: StatusSkp,
    pub diajukan_at: Option<DateTime<Utc>>,
}
