//! The citizen satisfaction survey (SKM) API: surveys of a service unit, the public form and
//! its answers, and the result (issue #17; docs/ikm.md, "API"). The formula lives in
//! [`crate::ikm`]; these are only the bodies on the wire.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::{Validate, ValidationError};

use crate::ikm::{HasilIkm, Unsur};
use crate::organisation::string_enum;
use crate::pesan::Pesan;
use crate::validation::{error, not_blank};

/// At most this many services per survey.
pub const LAYANAN_MAKS: usize = 20;
/// The longest suggestion a citizen may write.
pub const SARAN_MAKS: u64 = 1000;

string_enum! {
    /// The span a survey covers within a period of the instansi.
    JenisPeriodeSurvei {
        Triwulan => "triwulan",
        Semester => "semester",
        Tahun => "tahun",
    }
}

impl JenisPeriodeSurvei {
    /// The allowed `periode_ke`: 1–4 for a quarter, 1–2 for a half-year, 0 for the year.
    pub fn periode_ke_sah(self, k: i32) -> bool {
        match self {
            JenisPeriodeSurvei::Triwulan => (1..=4).contains(&k),
            JenisPeriodeSurvei::Semester => (1..=2).contains(&k),
            JenisPeriodeSurvei::Tahun => k == 0,
        }
    }
}

string_enum! {
    /// draft → dibuka (the public form answers) → ditutup.
    StatusSurvei {
        Draft => "draft",
        Dibuka => "dibuka",
        Ditutup => "ditutup",
    }
}

string_enum! {
    /// How a response arrived: the public form, or a paper form entered by staff.
    SumberRespons {
        Daring => "daring",
        Kertas => "kertas",
    }
}

string_enum! {
    /// Respondent profile: sex.
    JenisKelamin {
        LakiLaki => "laki_laki",
        Perempuan => "perempuan",
    }
}

string_enum! {
    /// Respondent profile: age group.
    KelompokUsia {
        #[serde(rename = "di_bawah_20")]
        DiBawah20 => "di_bawah_20",
        #[serde(rename = "20_29")]
        Usia20an => "20_29",
        #[serde(rename = "30_39")]
        Usia30an => "30_39",
        #[serde(rename = "40_49")]
        Usia40an => "40_49",
        #[serde(rename = "50_59")]
        Usia50an => "50_59",
        #[serde(rename = "60_ke_atas")]
        Usia60KeAtas => "60_ke_atas",
    }
}

string_enum! {
    /// Respondent profile: highest education.
    Pendidikan {
        TidakSekolah => "tidak_sekolah",
        Sd => "sd",
        Smp => "smp",
        Sma => "sma",
        Diploma => "diploma",
        S1 => "s1",
        S2 => "s2",
        S3 => "s3",
    }
}

string_enum! {
    /// Respondent profile: occupation.
    Pekerjaan {
        PnsTniPolri => "pns_tni_polri",
        PegawaiSwasta => "pegawai_swasta",
        Wiraswasta => "wiraswasta",
        PelajarMahasiswa => "pelajar_mahasiswa",
        IbuRumahTangga => "ibu_rumah_tangga",
        TidakBekerja => "tidak_bekerja",
        Lainnya => "lainnya",
    }
}

/// 1–20 services, each 2–100 visible characters, no name twice (compared trimmed, without case).
///
/// # Errors
/// `daftar_layanan_1_20`, `nama_layanan_2_100` or `layanan_ganda`.
pub fn daftar_layanan(layanan: &[String]) -> Result<(), ValidationError> {
    if layanan.is_empty() || layanan.len() > LAYANAN_MAKS {
        return Err(error(Pesan::DaftarLayanan120));
    }
    let mut seen = std::collections::HashSet::new();
    for l in layanan {
        let n = l.trim().chars().count();
        if !(2..=100).contains(&n) {
            return Err(error(Pesan::NamaLayanan2100));
        }
        if !seen.insert(l.trim().to_lowercase()) {
            return Err(error(Pesan::LayananGanda {
                layanan: l.trim().to_owned(),
            }));
        }
    }
    Ok(())
}

/// Every reworded question has 10–500 visible characters.
///
/// # Errors
/// `pertanyaan_survei_10_500`.
pub fn teks_pertanyaan(pertanyaan: &BTreeMap<Unsur, String>) -> Result<(), ValidationError> {
    if pertanyaan
        .values()
        .all(|t| (10..=500).contains(&t.trim().chars().count()))
    {
        Ok(())
    } else {
        Err(error(Pesan::PertanyaanSurvei10500))
    }
}

/// A browser token: 16–128 characters of `A–Z a–z 0–9 - _`.
///
/// # Errors
/// `token_survei`.
pub fn token_peramban(token: &str) -> Result<(), ValidationError> {
    let n = token.len();
    if (16..=128).contains(&n)
        && token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        Ok(())
    } else {
        Err(error(Pesan::TokenSurvei))
    }
}

/// A survey as staff see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Survei {
    pub id: Uuid,
    pub instansi_id: Uuid,
    pub unit_id: Uuid,
    pub unit_nama: String,
    pub judul: String,
    /// Public short code: the form is at `/survei/{kode}`, its data at
    /// `GET /api/v1/publik/survei/{kode}`.
    pub kode: String,
    pub jenis_periode: JenisPeriodeSurvei,
    pub period_id: Uuid,
    pub tahun: i32,
    /// 1–4 (triwulan), 1–2 (semester) or 0 (the year).
    pub periode_ke: i32,
    /// People served in the sub-period, for the sample-size hint.
    pub populasi: Option<i32>,
    pub layanan: Vec<String>,
    /// The survey's own wording per unsur; an unsur not named asks its default question.
    pub pertanyaan: BTreeMap<Unsur, String>,
    pub status: StatusSurvei,
    /// Whether the unit publishes the result (readable by every signed-in user, and later on
    /// the public `/ikm` page).
    pub dipublikasikan: bool,
    /// Responses that count (not voided).
    pub jumlah_respons: u64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub lock_version: i32,
}

/// `POST /api/v1/survei`: a new survey, as a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BuatSurvei {
    pub unit_id: Uuid,
    #[validate(
        length(min = 3, max = 200, code = "judul_survei_3_200"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 3, max_length = 200, pattern = "\\S")
    )]
    pub judul: String,
    pub jenis_periode: JenisPeriodeSurvei,
    pub period_id: Uuid,
    /// 1–4 for a triwulan, 1–2 for a semester, 0 for the year.
    #[validate(range(min = 0, max = 4, code = "periode_ke_survei"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 4))]
    pub periode_ke: i32,
    #[validate(range(min = 1, max = 10_000_000, code = "populasi_survei"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 10_000_000))]
    pub populasi: Option<i32>,
    /// 1–20 distinct service names of 2–100 characters each.
    #[validate(custom(function = "daftar_layanan"))]
    #[cfg_attr(
        feature = "openapi",
        schema(min_items = 1, max_items = 20, example = json!(["KTP elektronik", "Kartu keluarga"]))
    )]
    pub layanan: Vec<String>,
    /// Optional wording per unsur (10–500 characters each).
    #[serde(default)]
    #[validate(custom(function = "teks_pertanyaan"))]
    pub pertanyaan: BTreeMap<Unsur, String>,
}

/// `PATCH /api/v1/survei/{id}`: only the fields given change. The wording only while a draft;
/// services while a draft, or added (never removed) while open; title, population and
/// publication at any time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UbahSurvei {
    /// The version the edit is based on (409 when someone else changed the survey since).
    pub lock_version: i32,
    #[validate(
        length(min = 3, max = 200, code = "judul_survei_3_200"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 3, max_length = 200, pattern = "\\S")
    )]
    pub judul: Option<String>,
    #[validate(range(min = 1, max = 10_000_000, code = "populasi_survei"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 10_000_000))]
    pub populasi: Option<i32>,
    #[validate(custom(function = "daftar_layanan"))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 20))]
    pub layanan: Option<Vec<String>>,
    /// Replaces the whole wording map (an unsur left out asks its default question); each
    /// wording has 10–500 characters.
    #[validate(custom(function = "teks_pertanyaan"))]
    pub pertanyaan: Option<BTreeMap<Unsur, String>>,
    pub dipublikasikan: Option<bool>,
}

/// `POST /api/v1/survei/{id}/buka` and `/tutup`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AksiSurvei {
    pub lock_version: i32,
}

/// `GET /api/v1/survei` filters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct SurveiQuery {
    pub unit_id: Option<Uuid>,
    pub period_id: Option<Uuid>,
    pub status: Option<StatusSurvei>,
}

/// One question of the public form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PertanyaanFormulir {
    pub unsur: Unsur,
    /// "U1" … "U9": the answer's field in [`KirimRespons`] is its lower case (`u1` …).
    pub kode: String,
    pub nama: String,
    pub pertanyaan: String,
    /// The four answers a.–d., worth 1–4.
    pub pilihan: Vec<String>,
}

/// `GET /api/v1/publik/survei/{kode}`: what the public form shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormulirSurvei {
    pub kode: String,
    pub judul: String,
    pub unit_nama: String,
    pub layanan: Vec<String>,
    /// The nine questions, U1–U9.
    pub pertanyaan: Vec<PertanyaanFormulir>,
}

/// `POST /api/v1/publik/survei/{kode}/respons`: a citizen's answers, without an account.
/// Every unsur is answered 1–4; the profile is optional; no name, NIK or phone is asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct KirimRespons {
    /// One of the survey's services.
    #[validate(length(min = 1, max = 100, code = "layanan_tidak_dikenal"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    pub layanan: String,
    #[validate(range(min = 1, max = 4, code = "jawaban_survei_1_4"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 4))]
    pub u1: u8,
    #[validate(range(min = 1, max = 4, code = "jawaban_survei_1_4"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 4))]
    pub u2: u8,
    #[validate(range(min = 1, max = 4, code = "jawaban_survei_1_4"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 4))]
    pub u3: u8,
    #[validate(range(min = 1, max = 4, code = "jawaban_survei_1_4"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 4))]
    pub u4: u8,
    #[validate(range(min = 1, max = 4, code = "jawaban_survei_1_4"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 4))]
    pub u5: u8,
    #[validate(range(min = 1, max = 4, code = "jawaban_survei_1_4"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 4))]
    pub u6: u8,
    #[validate(range(min = 1, max = 4, code = "jawaban_survei_1_4"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 4))]
    pub u7: u8,
    #[validate(range(min = 1, max = 4, code = "jawaban_survei_1_4"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 4))]
    pub u8: u8,
    #[validate(range(min = 1, max = 4, code = "jawaban_survei_1_4"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 4))]
    pub u9: u8,
    pub jenis_kelamin: Option<JenisKelamin>,
    pub usia: Option<KelompokUsia>,
    pub pendidikan: Option<Pendidikan>,
    pub pekerjaan: Option<Pekerjaan>,
    #[validate(length(max = 1000, code = "saran_maks_1000"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub saran: Option<String>,
    /// A random string the browser keeps for this survey (16–128 of `A–Z a–z 0–9 - _`); only
    /// its SHA-256 is stored. A second response with the same token within 24 hours is 409.
    #[validate(custom(function = "token_peramban"))]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 16, max_length = 128, pattern = "^[A-Za-z0-9_-]+$")
    )]
    pub token: String,
    /// Honeypot: a field hidden from people. It must be absent or empty; when filled the
    /// answer looks like success but nothing is stored.
    #[serde(default)]
    pub situs_web: Option<String>,
    /// The kiosk key of the counter tablet (from `GET /api/v1/survei/{id}/tautan`): a
    /// response carrying the right key is exempt from the per-address limit, since every
    /// citizen at the counter shares one address. A wrong key is ignored.
    #[serde(default)]
    #[validate(length(max = 64, code = "token_survei"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 64))]
    pub kios: Option<String>,
}

/// `GET /api/v1/survei/{id}/tautan`: the addresses staff hand out for a survey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TautanSurvei {
    /// The public form, relative to the server: `/survei/{kode}` (print it, or use the poster).
    pub formulir: String,
    /// The form in kiosk mode for a tablet at the counter: resets for the next citizen after
    /// the thank-you page. Only for those who manage the survey; do not publish it.
    pub kios: String,
}

impl KirimRespons {
    /// The nine answers, U1–U9.
    pub fn jawaban(&self) -> [u8; 9] {
        [
            self.u1, self.u2, self.u3, self.u4, self.u5, self.u6, self.u7, self.u8, self.u9,
        ]
    }
}

/// The answer to a public submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResponsDiterima {
    /// The thank-you text.
    pub pesan: String,
}

/// One response as staff see it (never editable).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResponsSurvei {
    pub id: Uuid,
    pub survei_id: Uuid,
    pub layanan: String,
    /// The answers U1–U9 (1–4; none for an unsur left blank on paper).
    pub jawaban: Vec<Option<u8>>,
    pub jenis_kelamin: Option<JenisKelamin>,
    pub usia: Option<KelompokUsia>,
    pub pendidikan: Option<Pendidikan>,
    pub pekerjaan: Option<Pekerjaan>,
    pub saran: Option<String>,
    pub sumber: SumberRespons,
    pub created_at: DateTime<Utc>,
    pub dibatalkan_at: Option<DateTime<Utc>>,
    pub dibatalkan_oleh: Option<Uuid>,
    pub alasan_batal: Option<String>,
}

/// `POST /api/v1/survei/{id}/respons/{rid}/batal`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BatalkanRespons {
    #[validate(
        length(min = 5, max = 500, code = "alasan_batal_5_500"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 5, max_length = 500, pattern = "\\S")
    )]
    pub alasan: String,
}

/// `GET /api/v1/survei/{id}/respons` filters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ResponsQuery {
    /// Include voided responses (default: only those that count).
    pub dibatalkan: Option<bool>,
}

/// The result of one service within a survey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HasilLayanan {
    pub layanan: String,
    pub hasil: HasilIkm,
    /// The IKM rounded to two decimals, as published.
    pub ikm_tampil: Option<f64>,
}

/// `GET /api/v1/survei/{id}/hasil`: NRR per unsur, IKM (full precision and as published),
/// mutu, sample sufficiency and priorities, over the responses that count; and per service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HasilSurvei {
    pub survei_id: Uuid,
    pub hasil: HasilIkm,
    /// The IKM rounded to two decimals, as published.
    pub ikm_tampil: Option<f64>,
    /// Voided responses, left out of the figures.
    pub dibatalkan: u64,
    pub per_layanan: Vec<HasilLayanan>,
    /// Per respondent profile question (jenis kelamin, usia, pendidikan, pekerjaan).
    #[serde(default)]
    pub per_profil: Vec<HasilProfil>,
}

string_enum! {
    /// A respondent profile question.
    DimensiProfil {
        JenisKelamin => "jenis_kelamin",
        Usia => "usia",
        Pendidikan => "pendidikan",
        Pekerjaan => "pekerjaan",
    }
}

/// The result of the respondents who gave one answer to a profile question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HasilKelompok {
    /// The answer as on the wire (`perempuan`, `30_39`, `s1`, …); absent for the respondents
    /// who left the question blank.
    pub nilai: Option<String>,
    pub hasil: HasilIkm,
    /// The IKM rounded to two decimals, as published.
    pub ikm_tampil: Option<f64>,
}

/// The result per group of one profile question: the groups that have responses, in the
/// order of the question's choices, then the blank group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HasilProfil {
    pub dimensi: DimensiProfil,
    pub kelompok: Vec<HasilKelompok>,
}

/// `GET /api/v1/survei/{id}/tren`: one survey of the unit in the trend, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TitikTrenSurvei {
    pub survei_id: Uuid,
    /// "Triwulan I 2026", "Semester 2 2026", "Tahun 2026" (Indonesian; clients in another
    /// language build theirs from the next three fields).
    pub periode: String,
    pub jenis_periode: JenisPeriodeSurvei,
    /// 1–4 (triwulan), 1–2 (semester) or 0 (the year).
    pub periode_ke: i32,
    pub tahun: i32,
    /// Two decimals; absent without any counted response.
    pub ikm: Option<f64>,
    pub mutu: Option<crate::ikm::Mutu>,
    pub responden: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kiriman() -> KirimRespons {
        KirimRespons {
            layanan: "KTP-el".into(),
            u1: 4,
            u2: 3,
            u3: 3,
            u4: 4,
            u5: 3,
            u6: 4,
            u7: 4,
            u8: 3,
            u9: 4,
            jenis_kelamin: Some(JenisKelamin::Perempuan),
            usia: Some(KelompokUsia::Usia30an),
            pendidikan: None,
            pekerjaan: None,
            saran: None,
            token: "abcdefghijklmnop".into(),
            situs_web: None,
            kios: None,
        }
    }

    #[test]
    fn survei_answers_are_one_to_four_and_the_token_is_url_safe() {
        assert!(kiriman().validate().is_ok());
        let mut k = kiriman();
        k.u3 = 5;
        assert!(k.validate().unwrap_err().field_errors().contains_key("u3"));
        let mut k = kiriman();
        k.token = "pendek".into();
        assert!(k.validate().is_err());
        let mut k = kiriman();
        k.token = "a b c d e f g h i j".into();
        assert!(k.validate().is_err());
        let mut k = kiriman();
        k.saran = Some("x".repeat(1001));
        assert!(k.validate().is_err());
    }

    #[test]
    fn survei_services_are_distinct_and_bounded() {
        assert!(daftar_layanan(&["KTP-el".into(), "KK".into()]).is_ok());
        assert!(daftar_layanan(&[]).is_err());
        assert!(daftar_layanan(&["KK".into(), " kk ".into()]).is_err());
        assert!(daftar_layanan(&["K".into()]).is_err());
        assert!(daftar_layanan(&vec!["Layanan".to_owned(); 1]).is_ok());
        let banyak: Vec<String> = (0..21).map(|i| format!("Layanan {i}")).collect();
        assert!(daftar_layanan(&banyak).is_err());
    }

    #[test]
    fn survei_wire_names() {
        assert_eq!(
            serde_json::to_string(&KelompokUsia::Usia20an).unwrap(),
            "\"20_29\""
        );
        for u in KelompokUsia::ALL {
            assert_eq!(
                serde_json::to_string(u).unwrap(),
                format!("\"{}\"", u.as_str())
            );
        }
        for p in Pendidikan::ALL {
            assert_eq!(
                serde_json::to_string(p).unwrap(),
                format!("\"{}\"", p.as_str())
            );
        }
        for p in Pekerjaan::ALL {
            assert_eq!(
                serde_json::to_string(p).unwrap(),
                format!("\"{}\"", p.as_str())
            );
        }
        assert!(JenisPeriodeSurvei::Triwulan.periode_ke_sah(4));
        assert!(!JenisPeriodeSurvei::Semester.periode_ke_sah(3));
        assert!(JenisPeriodeSurvei::Tahun.periode_ke_sah(0));
        assert!(!JenisPeriodeSurvei::Tahun.periode_ke_sah(1));
    }
}
