//! Paper forms of the citizen satisfaction survey (issue #17; docs/ikm.md, "Documents and paper
//! forms"): one form entered by staff, and the XLSX import of many with a dry run.
//!
//! A paper form may leave an unsur blank (stored as no answer, which the IKM leaves out of
//! that unsur's NRR); at least one unsur must be answered.

use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::pesan::Message;
use crate::survei::{JenisKelamin, KelompokUsia, Pekerjaan, Pendidikan};

/// `POST /api/v1/survei/{id}/respons`: one paper form, entered by staff. The same rules as
/// the public form, except that an unsur may be blank (at least one answered) and there is
/// no browser token nor honeypot.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EntriKertas {
    /// One of the survey's services.
    #[validate(length(min = 1, max = 100, code = "layanan_tidak_dikenal"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    pub layanan: String,
    #[validate(range(min = 1, max = 4, code = "jawaban_survei_1_4"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 4))]
    pub u1: Option<u8>,
    #[validate(range(min = 1, max = 4, code = "jawaban_survei_1_4"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 4))]
    pub u2: Option<u8>,
    #[validate(range(min = 1, max = 4, code = "jawaban_survei_1_4"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 4))]
    pub u3: Option<u8>,
    #[validate(range(min = 1, max = 4, code = "jawaban_survei_1_4"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 4))]
    pub u4: Option<u8>,
    #[validate(range(min = 1, max = 4, code = "jawaban_survei_1_4"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 4))]
    pub u5: Option<u8>,
    #[validate(range(min = 1, max = 4, code = "jawaban_survei_1_4"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 4))]
    pub u6: Option<u8>,
    #[validate(range(min = 1, max = 4, code = "jawaban_survei_1_4"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 4))]
    pub u7: Option<u8>,
    #[validate(range(min = 1, max = 4, code = "jawaban_survei_1_4"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 4))]
    pub u8: Option<u8>,
    #[validate(range(min = 1, max = 4, code = "jawaban_survei_1_4"))]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 4))]
    pub u9: Option<u8>,
    pub jenis_kelamin: Option<JenisKelamin>,
    pub usia: Option<KelompokUsia>,
    pub pendidikan: Option<Pendidikan>,
    pub pekerjaan: Option<Pekerjaan>,
    #[validate(length(max = 1000, code = "saran_maks_1000"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub saran: Option<String>,
}

impl EntriKertas {
    /// The nine answers, U1–U9 (none for a blank).
    pub fn jawaban(&self) -> [Option<u8>; 9] {
        [
            self.u1, self.u2, self.u3, self.u4, self.u5, self.u6, self.u7, self.u8, self.u9,
        ]
    }
}

/// Query of `POST /api/v1/survei/{id}/impor`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ImporQuery {
    /// `true` (the default) only checks the file; `false` stores every row in one
    /// transaction, or nothing when any row has an error.
    pub dry_run: Option<bool>,
}

/// One problem in an imported file, in Indonesian and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GalatBarisImpor {
    /// Row number as the spreadsheet shows it (the header is row 1).
    pub baris: u64,
    /// Column header as in the template, e.g. `U3 Waktu Penyelesaian`.
    pub kolom: String,
    /// The message in Bahasa Indonesia.
    pub pesan: String,
    /// The message in English.
    pub pesan_en: String,
    /// The message as a catalogue code with parameters.
    pub kode: Message,
}

/// Outcome of `POST /api/v1/survei/{id}/impor`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LaporanImpor {
    pub dry_run: bool,
    /// Data rows read (without the header and empty rows).
    pub jumlah_baris: u64,
    /// Rows without any error.
    pub baris_sah: u64,
    /// Responses stored (0 for a dry run or when any row has an error).
    pub disimpan: u64,
    pub galat: Vec<GalatBarisImpor>,
}

/// The fixed choices of the respondent profile: their wire code and the label a paper form
/// (and the import template) shows. The import accepts either.
pub trait PilihanProfil: Copy + Sized + 'static {
    const SEMUA: &'static [Self];
    /// The snake_case code.
    fn kode_profil(self) -> &'static str;
    /// The label in Bahasa Indonesia.
    fn label_profil(self) -> &'static str;

    /// A value from its code or its label, in any case, with spaces, `-`, `/` or `–` for `_`.
    fn dari_teks(teks: &str) -> Option<Self> {
        let t = normal(teks);
        Self::SEMUA
            .iter()
            .copied()
            .find(|v| t == v.kode_profil() || t == normal(v.label_profil()))
    }
}

fn normal(teks: &str) -> String {
    let t: String = teks
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            ' ' | '-' | '/' | '–' | '(' | ')' => '_',
            c => c,
        })
        .collect();
    t.split('_')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

impl PilihanProfil for JenisKelamin {
    const SEMUA: &'static [Self] = JenisKelamin::ALL;
    fn kode_profil(self) -> &'static str {
        self.as_str()
    }
    fn label_profil(self) -> &'static str {
        match self {
            JenisKelamin::LakiLaki => "Laki-laki",
            JenisKelamin::Perempuan => "Perempuan",
        }
    }
    fn dari_teks(teks: &str) -> Option<Self> {
        match normal(teks).as_str() {
            "l" | "laki_laki" | "pria" => Some(JenisKelamin::LakiLaki),
            "p" | "perempuan" | "wanita" => Some(JenisKelamin::Perempuan),
            _ => None,
        }
    }
}

impl PilihanProfil for KelompokUsia {
    const SEMUA: &'static [Self] = KelompokUsia::ALL;
    fn kode_profil(self) -> &'static str {
        self.as_str()
    }
    fn label_profil(self) -> &'static str {
        match self {
            KelompokUsia::DiBawah20 => "Di bawah 20 tahun",
            KelompokUsia::Usia20an => "20-29 tahun",
            KelompokUsia::Usia30an => "30-39 tahun",
            KelompokUsia::Usia40an => "40-49 tahun",
            KelompokUsia::Usia50an => "50-59 tahun",
            KelompokUsia::Usia60KeAtas => "60 tahun ke atas",
        }
    }
}

impl PilihanProfil for Pendidikan {
    const SEMUA: &'static [Self] = Pendidikan::ALL;
    fn kode_profil(self) -> &'static str {
        self.as_str()
    }
    fn label_profil(self) -> &'static str {
        match self {
            Pendidikan::TidakSekolah => "Tidak sekolah",
            Pendidikan::Sd => "SD",
            Pendidikan::Smp => "SMP",
            Pendidikan::Sma => "SMA/SMK",
            Pendidikan::Diploma => "Diploma (D1-D4)",
            Pendidikan::S1 => "S1",
            Pendidikan::S2 => "S2",
            Pendidikan::S3 => "S3",
        }
    }
}

impl PilihanProfil for Pekerjaan {
    const SEMUA: &'static [Self] = Pekerjaan::ALL;
    fn kode_profil(self) -> &'static str {
        self.as_str()
    }
    fn label_profil(self) -> &'static str {
        match self {
            Pekerjaan::PnsTniPolri => "PNS/TNI/Polri",
            Pekerjaan::PegawaiSwasta => "Pegawai swasta",
            Pekerjaan::Wiraswasta => "Wiraswasta",
            Pekerjaan::PelajarMahasiswa => "Pelajar/Mahasiswa",
            Pekerjaan::IbuRumahTangga => "Ibu rumah tangga",
            Pekerjaan::TidakBekerja => "Tidak bekerja",
            Pekerjaan::Lainnya => "Lainnya",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pulang_pergi<T: PilihanProfil + PartialEq + std::fmt::Debug>() {
        for v in T::SEMUA {
            assert_eq!(T::dari_teks(v.kode_profil()), Some(*v));
            assert_eq!(T::dari_teks(v.label_profil()), Some(*v));
            assert_eq!(T::dari_teks(&v.label_profil().to_uppercase()), Some(*v));
        }
        assert_eq!(T::dari_teks("bukan pilihan"), None);
    }

    #[test]
    fn profile_choices_read_back_from_code_and_label() {
        pulang_pergi::<JenisKelamin>();
        pulang_pergi::<KelompokUsia>();
        pulang_pergi::<Pendidikan>();
        pulang_pergi::<Pekerjaan>();
        assert_eq!(JenisKelamin::dari_teks("L"), Some(JenisKelamin::LakiLaki));
        assert_eq!(
            KelompokUsia::dari_teks("20–29"),
            Some(KelompokUsia::Usia20an)
        );
        assert_eq!(Pendidikan::dari_teks("sma smk"), Some(Pendidikan::Sma));
    }

    #[test]
    fn a_paper_form_may_leave_an_unsur_blank_but_not_answer_out_of_scale() {
        let e = EntriKertas {
            layanan: "KTP-el".into(),
            u1: Some(4),
            ..Default::default()
        };
        assert!(e.validate().is_ok());
        assert_eq!(e.jawaban()[1], None);
        let e = EntriKertas { u9: Some(5), ..e };
        assert!(e.validate().unwrap_err().field_errors().contains_key("u9"));
    }
}
