//! Survei Kepuasan Masyarakat: the Indeks Kepuasan Masyarakat of PermenPANRB 14/2017
//! (docs/ikm.md; DOMAIN 4.6, 5.7 and 7.5).
//!
//! Pure functions only, without a database, so that the server, the SPA and the reports compute
//! the same NRR, IKM, mutu and sample hint. Everything is computed at full precision (`f64`);
//! only the displayed figure is rounded ([`dua_desimal`]), and the mutu is read from that
//! displayed IKM so that the figure and the letter printed next to it never disagree.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::organisation::string_enum;

string_enum! {
    /// One of the nine unsur of PermenPANRB 14/2017, in the order U1..U9 of the questionnaire
    /// (docs/ikm.md, "The nine unsur"). The unsur and their scale are fixed; only the question
    /// wording may be edited per survey.
    Unsur {
        Persyaratan => "persyaratan",
        SistemMekanismeProsedur => "sistem_mekanisme_prosedur",
        WaktuPenyelesaian => "waktu_penyelesaian",
        BiayaTarif => "biaya_tarif",
        ProdukSpesifikasi => "produk_spesifikasi",
        KompetensiPelaksana => "kompetensi_pelaksana",
        PerilakuPelaksana => "perilaku_pelaksana",
        SaranaPrasarana => "sarana_prasarana",
        PenangananPengaduan => "penanganan_pengaduan",
    }
}

/// Number of unsur; every response has one answer slot per unsur.
pub const JUMLAH_UNSUR: usize = 9;

/// The factor that turns a weighted NRR on the 1–4 scale into an IKM on the 25–100 scale.
pub const KONVERSI_IKM: f64 = 25.0;

impl Unsur {
    /// Position in the questionnaire, 0 for U1 to 8 for U9.
    pub fn indeks(self) -> usize {
        match self {
            Unsur::Persyaratan => 0,
            Unsur::SistemMekanismeProsedur => 1,
            Unsur::WaktuPenyelesaian => 2,
            Unsur::BiayaTarif => 3,
            Unsur::ProdukSpesifikasi => 4,
            Unsur::KompetensiPelaksana => 5,
            Unsur::PerilakuPelaksana => 6,
            Unsur::SaranaPrasarana => 7,
            Unsur::PenangananPengaduan => 8,
        }
    }

    /// The unsur at questionnaire position `i` (0-based).
    pub fn dari_indeks(i: usize) -> Option<Unsur> {
        Self::ALL.get(i).copied()
    }

    /// "U1" to "U9".
    pub fn kode(self) -> &'static str {
        match self {
            Unsur::Persyaratan => "U1",
            Unsur::SistemMekanismeProsedur => "U2",
            Unsur::WaktuPenyelesaian => "U3",
            Unsur::BiayaTarif => "U4",
            Unsur::ProdukSpesifikasi => "U5",
            Unsur::KompetensiPelaksana => "U6",
            Unsur::PerilakuPelaksana => "U7",
            Unsur::SaranaPrasarana => "U8",
            Unsur::PenangananPengaduan => "U9",
        }
    }

    /// The unsur's name as the regulation writes it.
    pub fn nama(self) -> &'static str {
        match self {
            Unsur::Persyaratan => "Persyaratan",
            Unsur::SistemMekanismeProsedur => "Sistem, Mekanisme, dan Prosedur",
            Unsur::WaktuPenyelesaian => "Waktu Penyelesaian",
            Unsur::BiayaTarif => "Biaya/Tarif",
            Unsur::ProdukSpesifikasi => "Produk Spesifikasi Jenis Pelayanan",
            Unsur::KompetensiPelaksana => "Kompetensi Pelaksana",
            Unsur::PerilakuPelaksana => "Perilaku Pelaksana",
            Unsur::SaranaPrasarana => "Sarana dan Prasarana",
            Unsur::PenangananPengaduan => "Penanganan Pengaduan, Saran dan Masukan",
        }
    }

    /// The default question, as in the regulation's sample questionnaire (docs/ikm.md, "The
    /// nine unsur"). A survey may reword it.
    pub fn pertanyaan_bawaan(self) -> &'static str {
        match self {
            Unsur::Persyaratan => {
                "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis \
                 pelayanannya?"
            }
            Unsur::SistemMekanismeProsedur => {
                "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?"
            }
            Unsur::WaktuPenyelesaian => {
                "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?"
            }
            Unsur::BiayaTarif => {
                "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?"
            }
            Unsur::ProdukSpesifikasi => {
                "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang \
                 tercantum dalam standar pelayanan dengan hasil yang diberikan?"
            }
            Unsur::KompetensiPelaksana => {
                "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?"
            }
            Unsur::PerilakuPelaksana => {
                "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait \
                 kesopanan dan keramahan?"
            }
            Unsur::SaranaPrasarana => {
                "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?"
            }
            Unsur::PenangananPengaduan => {
                "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?"
            }
        }
    }

    /// The answer labels a. to d., worth 1 to 4. Biaya/Tarif has its own ("Sangat mahal" …
    /// "Gratis"). The labels of U6 and U9 were not seen in a source [U] (docs/ikm.md).
    pub fn label_jawaban(self) -> [&'static str; 4] {
        match self {
            Unsur::Persyaratan | Unsur::ProdukSpesifikasi => {
                ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]
            }
            Unsur::SistemMekanismeProsedur => {
                ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"]
            }
            Unsur::WaktuPenyelesaian => ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"],
            Unsur::BiayaTarif => ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"],
            Unsur::KompetensiPelaksana => [
                "Tidak kompeten",
                "Kurang kompeten",
                "Kompeten",
                "Sangat kompeten",
            ],
            Unsur::PerilakuPelaksana => [
                "Tidak sopan dan ramah",
                "Kurang sopan dan ramah",
                "Sopan dan ramah",
                "Sangat sopan dan ramah",
            ],
            Unsur::SaranaPrasarana => ["Buruk", "Cukup", "Baik", "Sangat baik"],
            Unsur::PenangananPengaduan => [
                "Tidak ada",
                "Ada tetapi tidak berfungsi",
                "Berfungsi kurang maksimal",
                "Dikelola dengan baik",
            ],
        }
    }

    /// The label of answer `nilai` to this unsur.
    pub fn label(self, nilai: Nilai) -> &'static str {
        self.label_jawaban()[usize::from(nilai.get() - 1)]
    }
}

/// One answer on the four-point scale: 1 (a.) to 4 (d.). Only [`Nilai::baru`] makes one, so
/// a value outside the scale never reaches the computation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Nilai(u8);

impl Nilai {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 4;

    pub fn baru(nilai: u8) -> Option<Nilai> {
        (Self::MIN..=Self::MAX)
            .contains(&nilai)
            .then_some(Nilai(nilai))
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

/// Why a response is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JawabanTidakSah {
    /// An answer outside 1..=4.
    DiLuarSkala { unsur: Unsur, nilai: u8 },
    /// No unsur answered at all: not a response.
    Kosong,
}

impl fmt::Display for JawabanTidakSah {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JawabanTidakSah::DiLuarSkala { unsur, nilai } => write!(
                f,
                "Jawaban {} ({}) harus 1 sampai 4, bukan {}.",
                unsur.kode(),
                unsur.nama(),
                nilai
            ),
            JawabanTidakSah::Kosong => f.write_str("Tidak ada unsur yang dijawab."),
        }
    }
}

impl std::error::Error for JawabanTidakSah {}

/// One respondent's answers to U1..U9, each on the scale or left blank (a paper form may skip
/// an unsur; the public form requires all nine, which the backend checks with
/// [`Respons::lengkap`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Respons([Option<Nilai>; JUMLAH_UNSUR]);

impl Respons {
    /// Validates raw answers: every given answer must be 1..=4 and at least one must be given.
    pub fn baru(jawaban: [Option<u8>; JUMLAH_UNSUR]) -> Result<Respons, JawabanTidakSah> {
        let mut nilai = [None; JUMLAH_UNSUR];
        for (unsur, (slot, raw)) in Unsur::ALL.iter().zip(nilai.iter_mut().zip(jawaban)) {
            if let Some(raw) = raw {
                *slot = Some(Nilai::baru(raw).ok_or(JawabanTidakSah::DiLuarSkala {
                    unsur: *unsur,
                    nilai: raw,
                })?);
            }
        }
        if nilai.iter().all(Option::is_none) {
            return Err(JawabanTidakSah::Kosong);
        }
        Ok(Respons(nilai))
    }

    /// The answer to `unsur`, if given.
    pub fn jawaban(&self, unsur: Unsur) -> Option<Nilai> {
        self.0[unsur.indeks()]
    }

    /// Whether all nine unsur are answered.
    pub fn lengkap(&self) -> bool {
        self.0.iter().all(Option::is_some)
    }
}

/// A refused row of [`hitung`]'s input: its 0-based position and the reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResponsTidakSah {
    pub baris: usize,
    pub alasan: JawabanTidakSah,
}

impl fmt::Display for ResponsTidakSah {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Responden ke-{}: {}", self.baris + 1, self.alasan)
    }
}

impl std::error::Error for ResponsTidakSah {}

string_enum! {
    /// Mutu pelayanan, from the conversion table of PermenPANRB 14/2017 (docs/ikm.md, "Mutu
    /// and kinerja unit").
    Mutu {
        #[serde(rename = "A")]
        A => "A",
        #[serde(rename = "B")]
        B => "B",
        #[serde(rename = "C")]
        C => "C",
        #[serde(rename = "D")]
        D => "D",
    }
}

string_enum! {
    /// Kinerja unit pelayanan that goes with each mutu.
    KinerjaUnit {
        SangatBaik => "sangat_baik",
        Baik => "baik",
        KurangBaik => "kurang_baik",
        TidakBaik => "tidak_baik",
    }
}

impl KinerjaUnit {
    pub fn label(self) -> &'static str {
        match self {
            KinerjaUnit::SangatBaik => "Sangat Baik",
            KinerjaUnit::Baik => "Baik",
            KinerjaUnit::KurangBaik => "Kurang Baik",
            KinerjaUnit::TidakBaik => "Tidak Baik",
        }
    }
}

/// Round-half-up to hundredths, as an integer count of hundredths. The tolerance absorbs the
/// binary representation error of a value whose exact result lies on a half (e.g. 64.995,
/// computed as 64.99499999999999); it is far below anything a two-decimal figure shows.
fn ratusan(x: f64) -> f64 {
    (x * 100.0 + 1e-7).round()
}

/// A value rounded for display to two decimals, half up (an IKM, or an NRR shown to two
/// decimals). Keep computing with the unrounded value.
pub fn dua_desimal(x: f64) -> f64 {
    ratusan(x) / 100.0
}

impl Mutu {
    /// The IKM interval of the conversion table, as printed (two decimals, both ends included).
    pub fn interval_ikm(self) -> (f64, f64) {
        match self {
            Mutu::D => (25.00, 64.99),
            Mutu::C => (65.00, 76.60),
            Mutu::B => (76.61, 88.30),
            Mutu::A => (88.31, 100.00),
        }
    }

    /// The NRR (nilai persepsi) interval of the conversion table, as printed. It is the IKM
    /// interval divided by 25.
    pub fn interval_nrr(self) -> (f64, f64) {
        match self {
            Mutu::D => (1.00, 2.5996),
            Mutu::C => (2.60, 3.064),
            Mutu::B => (3.0644, 3.532),
            Mutu::A => (3.5324, 4.00),
        }
    }

    /// The mutu of an IKM (25–100). The table's intervals are written in two decimals and
    /// leave gaps between them at full precision (64.99 | 65.00), so the IKM is first rounded
    /// to the two decimals that are published, then looked up; the letter always matches the
    /// printed figure. `None` outside 25–100 or for a non-finite value.
    pub fn dari_ikm(ikm: f64) -> Option<Mutu> {
        if !ikm.is_finite() {
            return None;
        }
        let h = ratusan(ikm);
        if !(2500.0..=10000.0).contains(&h) {
            return None;
        }
        Some(if h <= 6499.0 {
            Mutu::D
        } else if h <= 7660.0 {
            Mutu::C
        } else if h <= 8830.0 {
            Mutu::B
        } else {
            Mutu::A
        })
    }

    /// The mutu of a weighted NRR (1–4), by the NRR column of the table. Its bounds (2,5996 |
    /// 2,60, 3,064 | 3,0644, 3,532 | 3,5324) are the IKM bounds divided by 25 and leave the same
    /// gaps, so this is [`Mutu::dari_ikm`] of NRR × 25: both columns always give the same mutu.
    pub fn dari_nrr(nrr: f64) -> Option<Mutu> {
        Mutu::dari_ikm(nrr * KONVERSI_IKM)
    }

    pub fn kinerja_unit(self) -> KinerjaUnit {
        match self {
            Mutu::A => KinerjaUnit::SangatBaik,
            Mutu::B => KinerjaUnit::Baik,
            Mutu::C => KinerjaUnit::KurangBaik,
            Mutu::D => KinerjaUnit::TidakBaik,
        }
    }
}

/// The NRR of one unsur.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NrrUnsur {
    pub unsur: Unsur,
    /// Respondents who answered this unsur.
    pub jumlah_jawaban: u32,
    /// Sum of their answers.
    pub total_nilai: u64,
    /// `total_nilai / jumlah_jawaban` at full precision; absent when nobody answered.
    pub nrr: Option<f64>,
}

/// NRR per unsur, U1..U9 in order: the mean of the answers given to each unsur (a blank is
/// not counted in the denominator).
pub fn nrr_per_unsur(respons: &[Respons]) -> Vec<NrrUnsur> {
    Unsur::ALL
        .iter()
        .map(|&unsur| {
            let (jumlah, total) = respons
                .iter()
                .filter_map(|r| r.jawaban(unsur))
                .fold((0u32, 0u64), |(n, s), v| {
                    (n.saturating_add(1), s.saturating_add(u64::from(v.get())))
                });
            NrrUnsur {
                unsur,
                jumlah_jawaban: jumlah,
                total_nilai: total,
                nrr: (jumlah > 0).then(|| total as f64 / f64::from(jumlah)),
            }
        })
        .collect()
}

/// Weighted NRR: Σ NRR_u × 1/9, the mean of the nine NRR. If some unsur has no answer at all,
/// the source is silent; Kinerja then weighs each of the n unsur that have answers by 1/n
/// (docs/ikm.md, "Formula"). `None` when no unsur has an answer.
pub fn nrr_tertimbang(nrr: &[NrrUnsur]) -> Option<f64> {
    let (n, jumlah) = nrr
        .iter()
        .filter_map(|u| u.nrr)
        .fold((0u32, 0.0f64), |(n, s), v| (n + 1, s + v));
    (n > 0).then(|| jumlah / f64::from(n))
}

/// IKM = weighted NRR × 25, on the 25–100 scale, unrounded.
pub fn ikm(nrr_tertimbang: f64) -> f64 {
    nrr_tertimbang * KONVERSI_IKM
}

/// The Krejcie & Morgan (1970) table: population N → minimum sample S, for a proportion with
/// χ² = 3,841 (1 df, 95 %), P = 0,5 and d = 0,05. Every row is the formula of
/// [`krejcie_morgan_rumus`] rounded to the nearest whole respondent.
pub const KREJCIE_MORGAN: [(u32, u32); 90] = [
    (10, 10),
    (15, 14),
    (20, 19),
    (25, 24),
    (30, 28),
    (35, 32),
    (40, 36),
    (45, 40),
    (50, 44),
    (55, 48),
    (60, 52),
    (65, 56),
    (70, 59),
    (75, 63),
    (80, 66),
    (85, 70),
    (90, 73),
    (95, 76),
    (100, 80),
    (110, 86),
    (120, 92),
    (130, 97),
    (140, 103),
    (150, 108),
    (160, 113),
    (170, 118),
    (180, 123),
    (190, 127),
    (200, 132),
    (210, 136),
    (220, 140),
    (230, 144),
    (240, 148),
    (250, 152),
    (260, 155),
    (270, 159),
    (280, 162),
    (290, 165),
    (300, 169),
    (320, 175),
    (340, 181),
    (360, 186),
    (380, 191),
    (400, 196),
    (420, 201),
    (440, 205),
    (460, 210),
    (480, 214),
    (500, 217),
    (550, 226),
    (600, 234),
    (650, 242),
    (700, 248),
    (750, 254),
    (800, 260),
    (850, 265),
    (900, 269),
    (950, 274),
    (1000, 278),
    (1100, 285),
    (1200, 291),
    (1300, 297),
    (1400, 302),
    (1500, 306),
    (1600, 310),
    (1700, 313),
    (1800, 317),
    (1900, 320),
    (2000, 322),
    (2200, 327),
    (2400, 331),
    (2600, 335),
    (2800, 338),
    (3000, 341),
    (3500, 346),
    (4000, 351),
    (4500, 354),
    (5000, 357),
    (6000, 361),
    (7000, 364),
    (8000, 367),
    (9000, 368),
    (10000, 370),
    (15000, 375),
    (20000, 377),
    (30000, 379),
    (40000, 380),
    (50000, 381),
    (75000, 382),
    (1000000, 384),
];

/// The Krejcie & Morgan formula behind the table, unrounded:
/// s = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P)), χ² = 3,841, P = 0,5, d = 0,05.
/// Shown for reference; the sample rule is the table ([`sampel_minimum_krejcie_morgan`]).
pub fn krejcie_morgan_rumus(populasi: u32) -> f64 {
    const CHI2: f64 = 3.841;
    const P: f64 = 0.5;
    const D: f64 = 0.05;
    let n = f64::from(populasi);
    let pq = P * (1.0 - P);
    CHI2 * n * pq / (D * D * (n - 1.0) + CHI2 * pq)
}

/// The minimum sample for a population by the Krejcie & Morgan table: the row of the
/// population, or for a population between rows the next higher row (the safe side); above
/// the last row (1 000 000) its 384. Never more than the population itself (a unit that served
/// 7 people asks all 7).
pub fn sampel_minimum_krejcie_morgan(populasi: u32) -> u32 {
    let i = KREJCIE_MORGAN.partition_point(|&(n, _)| n < populasi);
    let s = KREJCIE_MORGAN.get(i).map_or(384, |&(_, s)| s);
    s.min(populasi)
}

/// Which unsur are flagged as priorities for improvement. The regulation's practice names the
/// unsur with the lowest NRR; how many is not stated in the sources consulted [U], so it is a
/// setting (docs/ikm.md, "Priorities").
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "jenis", rename_all = "snake_case")]
pub enum AturanPrioritas {
    /// The `jumlah` unsur with the lowest NRR; an unsur tied with the last one taken is taken
    /// too (two unsur with the same NRR are not told apart).
    Terendah { jumlah: u8 },
    /// Every unsur whose NRR is below `nrr` (e.g. 3,0644, the lower bound of mutu B).
    DiBawah { nrr: f64 },
}

impl Default for AturanPrioritas {
    fn default() -> Self {
        AturanPrioritas::Terendah { jumlah: 3 }
    }
}

/// The priorities for improvement, lowest NRR first (ties in questionnaire order). An unsur
/// without answers has no NRR and is never a priority.
pub fn prioritas(nrr: &[NrrUnsur], aturan: AturanPrioritas) -> Vec<Unsur> {
    let mut dinilai: Vec<(Unsur, f64)> = nrr
        .iter()
        .filter_map(|u| u.nrr.map(|v| (u.unsur, v)))
        .collect();
    dinilai.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.indeks().cmp(&b.0.indeks())));
    match aturan {
        AturanPrioritas::Terendah { jumlah } => {
            let jumlah = usize::from(jumlah).min(dinilai.len());
            let Some(&(_, batas)) = jumlah.checked_sub(1).and_then(|i| dinilai.get(i)) else {
                return Vec::new();
            };
            dinilai
                .iter()
                .take_while(|&&(_, v)| v <= batas)
                .map(|&(u, _)| u)
                .collect()
        }
        AturanPrioritas::DiBawah { nrr: ambang } => dinilai
            .iter()
            .take_while(|&&(_, v)| v < ambang)
            .map(|&(u, _)| u)
            .collect(),
    }
}

/// The settings of the computation that rest on unverified sources [U] (docs/ikm.md,
/// "Settings").
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParameterIkm {
    /// Which unsur are priorities; default the three lowest.
    pub prioritas: AturanPrioritas,
    /// An absolute floor on the sample on top of Krejcie & Morgan (one repository claims
    /// "minimal 150 responden" [U]); default none. Capped at the population.
    pub sampel_minimum_mutlak: Option<u32>,
}

impl ParameterIkm {
    /// The minimum sample for `populasi`: Krejcie & Morgan, raised to the absolute floor if
    /// one is set, never above the population.
    pub fn sampel_minimum(&self, populasi: u32) -> u32 {
        let km = sampel_minimum_krejcie_morgan(populasi);
        match self.sampel_minimum_mutlak {
            Some(m) => km.max(m.min(populasi)),
            None => km,
        }
    }

    /// Whether `responden` responses suffice for `populasi`.
    pub fn sampel_cukup(&self, responden: u32, populasi: u32) -> bool {
        responden >= self.sampel_minimum(populasi)
    }
}

/// The result of a survey (or of any group of its responses: one service, one profile group).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HasilIkm {
    /// Number of valid responses.
    pub responden: u32,
    /// U1..U9 in order.
    pub nrr_per_unsur: Vec<NrrUnsur>,
    /// Unrounded; absent without any answer.
    pub nrr_tertimbang: Option<f64>,
    /// Unrounded, 25–100; round with [`dua_desimal`] for display.
    pub ikm: Option<f64>,
    pub mutu: Option<Mutu>,
    pub kinerja_unit: Option<KinerjaUnit>,
    /// Absent when the population is not known.
    pub sampel_minimum: Option<u32>,
    /// "Sampel belum mencukupi" when false; the result is still computed.
    pub sampel_cukup: Option<bool>,
    /// Lowest unsur first.
    pub prioritas: Vec<Unsur>,
}

impl HasilIkm {
    /// The IKM as published, two decimals.
    pub fn ikm_tampil(&self) -> Option<f64> {
        self.ikm.map(dua_desimal)
    }
}

/// Validates raw answers (U1..U9 per respondent, `None` for a blank) and computes the result
/// with the default settings. A row with an answer outside 1..=4, or with no answer at all,
/// refuses the whole input: nothing invalid is computed.
pub fn hitung(
    answers: &[[Option<u8>; JUMLAH_UNSUR]],
    populasi: Option<u32>,
) -> Result<HasilIkm, ResponsTidakSah> {
    let respons = answers
        .iter()
        .enumerate()
        .map(|(baris, &a)| Respons::baru(a).map_err(|alasan| ResponsTidakSah { baris, alasan }))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(hitung_respons(&respons, populasi, &ParameterIkm::default()))
}

/// The result of validated responses with the given settings.
pub fn hitung_respons(
    respons: &[Respons],
    populasi: Option<u32>,
    parameter: &ParameterIkm,
) -> HasilIkm {
    let responden = u32::try_from(respons.len()).unwrap_or(u32::MAX);
    dari_nrr(responden, nrr_per_unsur(respons), populasi, parameter)
}

/// The answers to one unsur summed over a group of responses: how many answered it and the
/// sum of their answers (SQL `COUNT(u)` and `SUM(u)`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JumlahUnsur {
    pub jumlah_jawaban: u32,
    pub total_nilai: u64,
}

impl JumlahUnsur {
    /// Both groups together (exact integer sums).
    pub fn tambah(self, lain: JumlahUnsur) -> JumlahUnsur {
        JumlahUnsur {
            jumlah_jawaban: self.jumlah_jawaban.saturating_add(lain.jumlah_jawaban),
            total_nilai: self.total_nilai.saturating_add(lain.total_nilai),
        }
    }
}

/// The result from per-unsur totals (U1..U9) of `responden` valid responses, such as a
/// database's `COUNT`/`SUM` per unsur: the same figures as [`hitung_respons`] over the
/// responses they were summed from, without holding every response in memory. The NRR is
/// the same division of the same integers, so nothing is rounded differently.
pub fn hitung_dari_jumlah(
    responden: u32,
    jumlah: &[JumlahUnsur; JUMLAH_UNSUR],
    populasi: Option<u32>,
    parameter: &ParameterIkm,
) -> HasilIkm {
    let nrr = Unsur::ALL
        .iter()
        .zip(jumlah)
        .map(|(&unsur, j)| NrrUnsur {
            unsur,
            jumlah_jawaban: j.jumlah_jawaban,
            total_nilai: j.total_nilai,
            nrr: (j.jumlah_jawaban > 0).then(|| j.total_nilai as f64 / f64::from(j.jumlah_jawaban)),
        })
        .collect();
    dari_nrr(responden, nrr, populasi, parameter)
}

fn dari_nrr(
    responden: u32,
    nrr: Vec<NrrUnsur>,
    populasi: Option<u32>,
    parameter: &ParameterIkm,
) -> HasilIkm {
    let tertimbang = nrr_tertimbang(&nrr);
    let nilai_ikm = tertimbang.map(ikm);
    let mutu = nilai_ikm.and_then(Mutu::dari_ikm);
    let sampel_minimum = populasi.map(|p| parameter.sampel_minimum(p));
    HasilIkm {
        responden,
        prioritas: prioritas(&nrr, parameter.prioritas),
        nrr_per_unsur: nrr,
        nrr_tertimbang: tertimbang,
        ikm: nilai_ikm,
        mutu,
        kinerja_unit: mutu.map(Mutu::kinerja_unit),
        sampel_minimum,
        sampel_cukup: sampel_minimum.map(|m| responden >= m),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use Unsur::{
        BiayaTarif, KompetensiPelaksana, PenangananPengaduan, PerilakuPelaksana, Persyaratan,
        ProdukSpesifikasi, SaranaPrasarana, SistemMekanismeProsedur, WaktuPenyelesaian,
    };

    /// Builds rows from per-unsur columns given as (value, how many respondents) runs; every
    /// column must describe the same number of respondents, missing ones are blanks.
    fn baris(kolom: [&[(u8, usize)]; 9]) -> Vec<[Option<u8>; 9]> {
        let n = kolom
            .iter()
            .map(|k| k.iter().map(|&(_, c)| c).sum::<usize>())
            .max()
            .unwrap();
        let mut rows = vec![[None; 9]; n];
        for (u, runs) in kolom.iter().enumerate() {
            let values = runs
                .iter()
                .flat_map(|&(v, c)| std::iter::repeat_n(v, c))
                .collect::<Vec<_>>();
            for (row, v) in rows.iter_mut().zip(values) {
                row[u] = Some(v);
            }
        }
        rows
    }

    /// DOMAIN 7.5's worked example (S-gaspul): 29 respondents, totals per unsur 105, 101, 100,
    /// 116, 102, 105, 106, 105, 115 (955 in all).
    fn contoh_domain() -> Vec<[Option<u8>; 9]> {
        baris([
            &[(4, 18), (3, 11)],
            &[(4, 14), (3, 15)],
            &[(4, 15), (3, 12), (2, 2)],
            &[(4, 29)],
            &[(4, 15), (3, 14)],
            &[(4, 18), (3, 11)],
            &[(4, 19), (3, 10)],
            &[(4, 18), (3, 11)],
            &[(4, 28), (3, 1)],
        ])
    }

    #[test]
    fn ikm_worked_example_full_precision_and_two_decimals() {
        let h = hitung(&contoh_domain(), Some(30)).unwrap();
        assert_eq!(h.responden, 29);
        let totals: Vec<u64> = h.nrr_per_unsur.iter().map(|u| u.total_nilai).collect();
        assert_eq!(totals, [105, 101, 100, 116, 102, 105, 106, 105, 115]);
        assert!(h.nrr_per_unsur.iter().all(|u| u.jumlah_jawaban == 29));
        // NRR per unsur exactly total / 29, and the source's four-decimal figures.
        for u in &h.nrr_per_unsur {
            assert_eq!(u.nrr, Some(u.total_nilai as f64 / 29.0));
        }
        let empat: Vec<String> = h
            .nrr_per_unsur
            .iter()
            .map(|u| format!("{:.4}", u.nrr.unwrap()))
            .collect();
        assert_eq!(
            empat,
            [
                "3.6207", "3.4828", "3.4483", "4.0000", "3.5172", "3.6207", "3.6552", "3.6207",
                "3.9655"
            ]
        );
        // Weighted NRR = 955 / 261 = 3,6590…; IKM = 91,4750957…
        let tertimbang = h.nrr_tertimbang.unwrap();
        assert!((tertimbang - 955.0 / 261.0).abs() < 1e-12);
        assert_eq!(format!("{tertimbang:.4}"), "3.6590");
        let ikm = h.ikm.unwrap();
        assert!((ikm - 955.0 / 261.0 * 25.0).abs() < 1e-12);
        assert!((ikm - 91.475_095_785_440_6).abs() < 1e-12);
        assert_eq!(h.ikm_tampil(), Some(91.48));
        assert_eq!(format!("{:.2}", h.ikm_tampil().unwrap()), "91.48");
        // Not the 90,56 the source gets by rounding each weighted term early (0,4400 for U4).
        assert_ne!(h.ikm_tampil(), Some(90.56));
        assert_eq!(h.mutu, Some(Mutu::A));
        assert_eq!(h.kinerja_unit, Some(KinerjaUnit::SangatBaik));
        // Population 30 → table row 30 → 28; 29 responses suffice.
        assert_eq!(h.sampel_minimum, Some(28));
        assert_eq!(h.sampel_cukup, Some(true));
        assert_eq!(
            h.prioritas,
            [
                WaktuPenyelesaian,
                SistemMekanismeProsedur,
                ProdukSpesifikasi
            ]
        );
    }

    #[test]
    fn ikm_rounding_early_changes_the_published_figure() {
        // The source's 90,56: each NRR to four decimals, × 0,1111, to four decimals, summed.
        let h = hitung(&contoh_domain(), None).unwrap();
        let salah: f64 = h
            .nrr_per_unsur
            .iter()
            .map(|u| {
                let nrr4 = (u.nrr.unwrap() * 1e4).round() / 1e4;
                (nrr4 * 0.1111 * 1e4).round() / 1e4
            })
            .sum();
        // Each NRR to four decimals, × 0,1111, to four decimals, summed: 3,6588 → 91,47, one
        // hundredth off the exact 91,48. (The source's own 3,6224 / 90,56 is further off still:
        // it prints 0,4400 for 4 × 0,1111 and other per-term figures that do not follow from
        // its NRR.) Hence `hitung` keeps full precision and rounds only the IKM.
        assert!((salah - 3.6588).abs() < 1e-9);
        assert_eq!(dua_desimal(salah * 25.0), 91.47);
        assert_ne!(dua_desimal(salah * 25.0), h.ikm_tampil().unwrap());
    }

    #[test]
    fn ikm_unsur_without_answers_is_left_out_with_weight_one_over_n() {
        // Four respondents; nobody answers U9 (paper forms); U1 all 4, U2..U8 all 3.
        let mut rows = vec![[Some(3u8); 9]; 4];
        for r in &mut rows {
            r[0] = Some(4);
            r[8] = None;
        }
        let h = hitung(&rows, None).unwrap();
        let u9 = h.nrr_per_unsur[PenangananPengaduan.indeks()];
        assert_eq!(u9.jumlah_jawaban, 0);
        assert_eq!(u9.nrr, None);
        // (4 + 7 × 3) / 8 = 3,125, not (4 + 7 × 3) / 9 = 2,78 (which would count the missing
        // unsur as zero and drop the unit two mutu).
        assert_eq!(h.nrr_tertimbang, Some(3.125));
        assert_eq!(h.ikm, Some(78.125));
        assert_eq!(h.ikm_tampil(), Some(78.13));
        assert_eq!(h.mutu, Some(Mutu::B));
        assert_eq!(h.kinerja_unit, Some(KinerjaUnit::Baik));
        // An unsur without NRR is never a priority; the seven tied at 3 are all flagged.
        assert_eq!(h.prioritas.len(), 7);
        assert!(!h.prioritas.contains(&PenangananPengaduan));
        assert!(!h.prioritas.contains(&Persyaratan));
    }

    #[test]
    fn ikm_blank_answers_are_not_in_the_denominator() {
        let rows = [
            [
                Some(4),
                Some(4),
                Some(4),
                Some(4),
                Some(4),
                Some(4),
                Some(4),
                Some(4),
                Some(4),
            ],
            [
                Some(2),
                Some(4),
                Some(4),
                None,
                Some(4),
                Some(4),
                Some(4),
                Some(4),
                Some(4),
            ],
            [
                Some(3),
                Some(4),
                Some(4),
                Some(2),
                Some(4),
                Some(4),
                Some(4),
                Some(4),
                Some(4),
            ],
        ];
        let h = hitung(&rows, None).unwrap();
        let u4 = h.nrr_per_unsur[BiayaTarif.indeks()];
        assert_eq!(
            (u4.jumlah_jawaban, u4.total_nilai, u4.nrr),
            (2, 6, Some(3.0))
        );
        let u1 = h.nrr_per_unsur[Persyaratan.indeks()];
        assert_eq!((u1.jumlah_jawaban, u1.nrr), (3, Some(3.0)));
        // (3 + 3 + 7 × 4) / 9
        assert!((h.nrr_tertimbang.unwrap() - 34.0 / 9.0).abs() < 1e-12);
        // Default: the three lowest; the third lowest (4,0) is shared by the seven others, and
        // ties at the cut are all taken.
        assert_eq!(h.prioritas.len(), 9);
        assert_eq!(h.prioritas[..2], [Persyaratan, BiayaTarif]);
        let respons: Vec<Respons> = rows.iter().map(|&r| Respons::baru(r).unwrap()).collect();
        let p = ParameterIkm {
            prioritas: AturanPrioritas::Terendah { jumlah: 2 },
            ..ParameterIkm::default()
        };
        assert_eq!(
            hitung_respons(&respons, None, &p).prioritas,
            [Persyaratan, BiayaTarif]
        );
    }

    /// Per-unsur totals of `rows`, summed the way SQL does it (COUNT and SUM per column).
    fn jumlah_sql(rows: &[[Option<u8>; 9]]) -> [JumlahUnsur; 9] {
        std::array::from_fn(|u| {
            rows.iter()
                .filter_map(|r| r[u])
                .fold(JumlahUnsur::default(), |j, v| {
                    j.tambah(JumlahUnsur {
                        jumlah_jawaban: 1,
                        total_nilai: u64::from(v),
                    })
                })
        })
    }

    #[test]
    fn ikm_from_totals_equals_the_per_response_computation() {
        // A fixed pseudo-random set with blanks, plus the worked example and the empty set.
        let mut x: u32 = 12_345;
        let mut acak = Vec::new();
        for _ in 0..1_000 {
            let mut row = [None; 9];
            for v in &mut row {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                let r = (x >> 16) % 9;
                *v = (r < 8).then(|| u8::try_from(r % 4 + 1).unwrap());
            }
            if row.iter().any(Option::is_some) {
                acak.push(row);
            }
        }
        let p = ParameterIkm {
            prioritas: AturanPrioritas::Terendah { jumlah: 2 },
            sampel_minimum_mutlak: Some(150),
        };
        for rows in [contoh_domain(), acak, Vec::new()] {
            let respons: Vec<Respons> = rows.iter().map(|&r| Respons::baru(r).unwrap()).collect();
            let n = u32::try_from(rows.len()).unwrap();
            for (populasi, parameter) in [(None, ParameterIkm::default()), (Some(5_000), p)] {
                let satu_satu = hitung_respons(&respons, populasi, &parameter);
                let dari_total = hitung_dari_jumlah(n, &jumlah_sql(&rows), populasi, &parameter);
                // Exactly equal, not within a tolerance: the same integers, the same divisions.
                assert_eq!(dari_total, satu_satu);
            }
        }
        let h = hitung_dari_jumlah(
            29,
            &jumlah_sql(&contoh_domain()),
            None,
            &ParameterIkm::default(),
        );
        assert_eq!(h.ikm_tampil(), Some(91.48));
        // Two groups added are the group of both.
        let semua = contoh_domain();
        let (a, b) = semua.split_at(10);
        let gabung: [JumlahUnsur; 9] =
            std::array::from_fn(|u| jumlah_sql(a)[u].tambah(jumlah_sql(b)[u]));
        assert_eq!(gabung, jumlah_sql(&semua));
    }

    #[test]
    fn ikm_empty_input() {
        let h = hitung(&[], None).unwrap();
        assert_eq!(h.responden, 0);
        assert_eq!(h.nrr_per_unsur.len(), 9);
        assert!(
            h.nrr_per_unsur
                .iter()
                .all(|u| u.nrr.is_none() && u.jumlah_jawaban == 0)
        );
        assert_eq!(h.nrr_tertimbang, None);
        assert_eq!(h.ikm, None);
        assert_eq!(h.ikm_tampil(), None);
        assert_eq!(h.mutu, None);
        assert_eq!(h.kinerja_unit, None);
        assert_eq!(h.sampel_minimum, None);
        assert_eq!(h.sampel_cukup, None);
        assert!(h.prioritas.is_empty());

        let h = hitung(&[], Some(100)).unwrap();
        assert_eq!(h.sampel_minimum, Some(80));
        assert_eq!(h.sampel_cukup, Some(false));
    }

    #[test]
    fn ikm_invalid_answers_are_refused_before_computing() {
        for v in [0u8, 5, 255] {
            let mut row = [Some(3u8); 9];
            row[3] = Some(v);
            assert_eq!(
                Respons::baru(row),
                Err(JawabanTidakSah::DiLuarSkala {
                    unsur: BiayaTarif,
                    nilai: v
                })
            );
        }
        assert_eq!(Respons::baru([None; 9]), Err(JawabanTidakSah::Kosong));
        for v in 1..=4u8 {
            assert_eq!(Nilai::baru(v).map(Nilai::get), Some(v));
        }
        assert_eq!(Nilai::baru(0), None);
        assert_eq!(Nilai::baru(5), None);

        let r = Respons::baru([Some(1), None, Some(4), None, None, None, None, None, None]);
        let r = r.unwrap();
        assert!(!r.lengkap());
        assert_eq!(r.jawaban(WaktuPenyelesaian), Nilai::baru(4));
        assert!(Respons::baru([Some(2); 9]).unwrap().lengkap());

        let rows = [
            [Some(4u8); 9],
            [Some(4), Some(7), None, None, None, None, None, None, None],
        ];
        let err = hitung(&rows, Some(10)).unwrap_err();
        assert_eq!(
            err,
            ResponsTidakSah {
                baris: 1,
                alasan: JawabanTidakSah::DiLuarSkala {
                    unsur: SistemMekanismeProsedur,
                    nilai: 7
                }
            }
        );
        assert_eq!(
            err.to_string(),
            "Responden ke-2: Jawaban U2 (Sistem, Mekanisme, dan Prosedur) harus 1 sampai 4, \
             bukan 7."
        );
        let err = hitung(&[[None; 9]], None).unwrap_err();
        assert_eq!(err.alasan, JawabanTidakSah::Kosong);
    }

    #[test]
    fn ikm_mutu_boundaries_ikm_interval() {
        use Mutu::{A, B, C, D};
        let cases = [
            (25.00, Some(D)),
            (64.99, Some(D)),
            (65.00, Some(C)),
            (76.60, Some(C)),
            (76.61, Some(B)),
            (88.30, Some(B)),
            (88.31, Some(A)),
            (100.00, Some(A)),
            // Full precision inside the table's gaps: decided by the published two decimals.
            (64.994_999, Some(D)),
            (64.995, Some(C)),
            (76.604_999, Some(C)),
            (76.605, Some(B)),
            (88.304_999, Some(B)),
            (88.305, Some(A)),
            // Outside the scale.
            (24.994, None),
            (24.995, Some(D)),
            (100.004, Some(A)),
            (100.005, None),
            (f64::NAN, None),
            (f64::INFINITY, None),
        ];
        for (ikm, mutu) in cases {
            assert_eq!(Mutu::dari_ikm(ikm), mutu, "IKM {ikm}");
        }
        // Every printed end of every interval gives its own mutu.
        for m in Mutu::ALL.iter().copied() {
            let (lo, hi) = m.interval_ikm();
            assert_eq!(Mutu::dari_ikm(lo), Some(m));
            assert_eq!(Mutu::dari_ikm(hi), Some(m));
        }
    }

    #[test]
    fn ikm_mutu_boundaries_nrr_interval() {
        use Mutu::{A, B, C, D};
        let cases = [
            (1.00, D),
            (2.5996, D),
            (2.60, C),
            (3.064, C),
            (3.0644, B),
            (3.532, B),
            (3.5324, A),
            (4.00, A),
            // Inside the gaps of the NRR column: × 25 then the published two decimals.
            (2.5997, D), // 64,9925 → 64,99
            (2.5998, C), // 64,995 → 65,00
            (3.0641, C), // 76,6025 → 76,60
            (3.0642, B), // 76,605 → 76,61
            (3.5321, B), // 88,3025 → 88,30
            (3.5322, A), // 88,305 → 88,31
        ];
        for (nrr, mutu) in cases {
            assert_eq!(Mutu::dari_nrr(nrr), Some(mutu), "NRR {nrr}");
        }
        for m in Mutu::ALL.iter().copied() {
            let (lo, hi) = m.interval_nrr();
            assert_eq!(Mutu::dari_nrr(lo), Some(m));
            assert_eq!(Mutu::dari_nrr(hi), Some(m));
        }
        assert_eq!(Mutu::dari_nrr(0.99), None);
        // Both columns agree on every published IKM.
        for h in 2500..=10000u32 {
            let ikm = f64::from(h) / 100.0;
            assert_eq!(Mutu::dari_nrr(ikm / 25.0), Mutu::dari_ikm(ikm), "IKM {ikm}");
        }
    }

    #[test]
    fn ikm_mutu_and_kinerja_unit_from_responses() {
        // Every unsur 3,3,3,2,2 → NRR 2,6 → IKM 65,00 exactly: C, not D.
        let rows = baris([&[(3, 3), (2, 2)]; 9]);
        let h = hitung(&rows, None).unwrap();
        assert!((h.ikm.unwrap() - 65.0).abs() < 1e-12);
        assert_eq!(h.ikm_tampil(), Some(65.0));
        assert_eq!(h.mutu, Some(Mutu::C));
        assert_eq!(h.kinerja_unit, Some(KinerjaUnit::KurangBaik));

        let h = hitung(&[[Some(1); 9]], None).unwrap();
        assert_eq!((h.ikm, h.mutu), (Some(25.0), Some(Mutu::D)));
        assert_eq!(h.kinerja_unit, Some(KinerjaUnit::TidakBaik));
        let h = hitung(&[[Some(4); 9]], None).unwrap();
        assert_eq!((h.ikm, h.mutu), (Some(100.0), Some(Mutu::A)));

        assert_eq!(KinerjaUnit::KurangBaik.label(), "Kurang Baik");
        assert_eq!(Mutu::B.kinerja_unit().label(), "Baik");
    }

    #[test]
    fn ikm_two_decimal_display_rounds_half_up() {
        assert_eq!(dua_desimal(91.475_095_785), 91.48);
        assert_eq!(dua_desimal(78.125), 78.13);
        assert_eq!(dua_desimal(2.5998 * 25.0), 65.0);
        assert_eq!(dua_desimal(64.994_9), 64.99);
        assert_eq!(dua_desimal(100.0), 100.0);
        assert_eq!(dua_desimal(25.0), 25.0);
    }

    #[test]
    fn ikm_krejcie_morgan_table() {
        for (populasi, sampel) in [
            (10, 10),
            (100, 80),
            (1_000, 278),
            (10_000, 370),
            (1_000_000, 384),
            // Between rows: the next higher row.
            (11, 11), // row 15 says 14, capped at the population
            (41, 40),
            (101, 86),
            (1_001, 285),
            (10_001, 375),
            (75_001, 384),
            // Beyond the table, and below its first row (never more than the population).
            (5_000_000, 384),
            (u32::MAX, 384),
            (7, 7),
            (1, 1),
            (0, 0),
        ] {
            assert_eq!(
                sampel_minimum_krejcie_morgan(populasi),
                sampel,
                "populasi {populasi}"
            );
        }
        assert!(
            KREJCIE_MORGAN
                .windows(2)
                .all(|w| w[0].0 < w[1].0 && w[0].1 <= w[1].1)
        );
    }

    #[test]
    fn ikm_krejcie_morgan_formula_reproduces_every_row() {
        for (populasi, sampel) in KREJCIE_MORGAN {
            let s = krejcie_morgan_rumus(populasi);
            assert_eq!(s.round(), f64::from(sampel), "populasi {populasi}: {s}");
        }
        assert!((krejcie_morgan_rumus(1_000) - 277.71).abs() < 0.01);
    }

    #[test]
    fn ikm_sample_sufficiency_and_absolute_floor() {
        let p = ParameterIkm::default();
        assert_eq!(p.sampel_minimum(1_000), 278);
        assert!(p.sampel_cukup(278, 1_000));
        assert!(!p.sampel_cukup(277, 1_000));

        let p = ParameterIkm {
            sampel_minimum_mutlak: Some(150),
            ..ParameterIkm::default()
        };
        assert_eq!(p.sampel_minimum(1_000), 278);
        assert_eq!(p.sampel_minimum(200), 150);
        assert_eq!(p.sampel_minimum(100), 100);
        assert_eq!(p.sampel_minimum(0), 0);

        let respons: Vec<Respons> = contoh_domain()
            .into_iter()
            .map(|r| Respons::baru(r).unwrap())
            .collect();
        let h = hitung_respons(&respons, Some(100), &p);
        assert_eq!((h.sampel_minimum, h.sampel_cukup), (Some(100), Some(false)));
        // Still computed, only marked.
        assert_eq!(h.ikm_tampil(), Some(91.48));
    }

    #[test]
    fn ikm_priorities() {
        let respons: Vec<Respons> = contoh_domain()
            .into_iter()
            .map(|r| Respons::baru(r).unwrap())
            .collect();
        let nrr = nrr_per_unsur(&respons);
        let t = |jumlah| prioritas(&nrr, AturanPrioritas::Terendah { jumlah });
        assert!(t(0).is_empty());
        assert_eq!(t(1), [WaktuPenyelesaian]);
        // The fourth lowest (3,6207) is shared by U1, U6 and U8: all three are taken.
        assert_eq!(
            t(4),
            [
                WaktuPenyelesaian,
                SistemMekanismeProsedur,
                ProdukSpesifikasi,
                Persyaratan,
                KompetensiPelaksana,
                SaranaPrasarana
            ]
        );
        assert_eq!(t(20).len(), 9);
        assert_eq!(t(20).last(), Some(&BiayaTarif));
        assert_eq!(
            prioritas(&nrr, AturanPrioritas::DiBawah { nrr: 3.6 }),
            [
                WaktuPenyelesaian,
                SistemMekanismeProsedur,
                ProdukSpesifikasi
            ]
        );
        assert!(prioritas(&nrr, AturanPrioritas::DiBawah { nrr: 3.0644 }).is_empty());
        assert!(prioritas(&[], AturanPrioritas::default()).is_empty());

        let p = ParameterIkm {
            prioritas: AturanPrioritas::Terendah { jumlah: 1 },
            ..ParameterIkm::default()
        };
        assert_eq!(
            hitung_respons(&respons, None, &p).prioritas,
            [WaktuPenyelesaian]
        );
    }

    #[test]
    fn ikm_unsur_scale_and_labels() {
        assert_eq!(Unsur::ALL.len(), JUMLAH_UNSUR);
        for (i, u) in Unsur::ALL.iter().copied().enumerate() {
            assert_eq!(u.indeks(), i);
            assert_eq!(Unsur::dari_indeks(i), Some(u));
            assert_eq!(u.kode(), format!("U{}", i + 1));
            assert_eq!(Unsur::parse(u.as_str()), Some(u));
            assert!(u.pertanyaan_bawaan().ends_with('?'));
            assert!(!u.nama().is_empty());
        }
        assert_eq!(Unsur::dari_indeks(9), None);
        assert_eq!(
            BiayaTarif.label_jawaban(),
            ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"]
        );
        assert_eq!(
            Persyaratan.label_jawaban(),
            ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]
        );
        let empat = Nilai::baru(4).unwrap();
        assert_eq!(BiayaTarif.label(empat), "Gratis");
        assert_eq!(
            PerilakuPelaksana.label(Nilai::baru(1).unwrap()),
            "Tidak sopan dan ramah"
        );
        assert_eq!(SaranaPrasarana.kode(), "U8");
        assert_eq!(PenangananPengaduan.kode(), "U9");
        assert_eq!(
            PenangananPengaduan.nama(),
            "Penanganan Pengaduan, Saran dan Masukan"
        );
    }

    #[test]
    fn ikm_wire_names() {
        assert_eq!(serde_json::to_string(&Mutu::A).unwrap(), "\"A\"");
        assert_eq!(
            serde_json::to_string(&KinerjaUnit::KurangBaik).unwrap(),
            "\"kurang_baik\""
        );
        assert_eq!(
            serde_json::to_string(&BiayaTarif).unwrap(),
            "\"biaya_tarif\""
        );
        for u in Unsur::ALL {
            assert_eq!(
                serde_json::to_string(u).unwrap(),
                format!("\"{}\"", u.as_str())
            );
        }
        for m in Mutu::ALL {
            assert_eq!(
                serde_json::to_string(m).unwrap(),
                format!("\"{}\"", m.as_str())
            );
        }
        assert_eq!(
            serde_json::to_value(AturanPrioritas::default()).unwrap(),
            serde_json::json!({ "jenis": "terendah", "jumlah": 3 })
        );
        let h = hitung(&contoh_domain(), Some(30)).unwrap();
        let back: HasilIkm = serde_json::from_str(&serde_json::to_string(&h).unwrap()).unwrap();
        // serde_json may lose the last bit of an f64; everything else is exact.
        assert!((back.ikm.unwrap() - h.ikm.unwrap()).abs() < 1e-12);
        assert_eq!(
            (
                back.responden,
                back.mutu,
                back.kinerja_unit,
                &back.prioritas
            ),
            (h.responden, h.mutu, h.kinerja_unit, &h.prioritas)
        );
        assert_eq!(
            (back.sampel_minimum, back.sampel_cukup),
            (Some(28), Some(true))
        );
    }
}
