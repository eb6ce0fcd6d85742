//! Evaluation: ratings, the kuadran kinerja, the pola distribusi of SE MenPANRB 3/2023 and the
//! angka kredit conversion (docs/regulation.md, "Rating and predikat (kuadran)", "Organisation
//! predikat and distribution" and "Angka kredit").
//!
//! Pure functions only, so that the SPA shows the same predikat, quota and warnings as the
//! server computes before anything is saved.

use serde::{Deserialize, Serialize};

use crate::organisation::{Jenjang, string_enum};

string_enum! {
    /// Rating hasil kerja or rating perilaku kerja, set by the PPKin.
    ///
    /// The wire names carry "ekspektasi" as in the regulation; `string_enum!` derives serde's
    /// names from the variants, hence the explicit renames.
    Rating {
        #[serde(rename = "di_atas_ekspektasi")]
        DiAtas => "di_atas_ekspektasi",
        #[serde(rename = "sesuai_ekspektasi")]
        Sesuai => "sesuai_ekspektasi",
        #[serde(rename = "di_bawah_ekspektasi")]
        DiBawah => "di_bawah_ekspektasi",
    }
}

impl Rating {
    pub fn label(self) -> &'static str {
        match self {
            Rating::DiAtas => "Di Atas Ekspektasi",
            Rating::Sesuai => "Sesuai Ekspektasi",
            Rating::DiBawah => "Di Bawah Ekspektasi",
        }
    }
}

string_enum! {
    /// Predikat kinerja pegawai, from best to worst.
    Predikat {
        SangatBaik => "sangat_baik",
        Baik => "baik",
        ButuhPerbaikan => "butuh_perbaikan",
        Kurang => "kurang",
        SangatKurang => "sangat_kurang",
    }
}

impl Predikat {
    pub fn label(self) -> &'static str {
        match self {
            Predikat::SangatBaik => "Sangat Baik",
            Predikat::Baik => "Baik",
            Predikat::ButuhPerbaikan => "Butuh Perbaikan",
            Predikat::Kurang => "Kurang/Misconduct",
            Predikat::SangatKurang => "Sangat Kurang",
        }
    }

    /// Whether the predikat calls for follow-up (pembinaan, pengembangan kompetensi).
    pub fn perlu_perbaikan(self) -> bool {
        matches!(
            self,
            Predikat::ButuhPerbaikan | Predikat::Kurang | Predikat::SangatKurang
        )
    }
}

string_enum! {
    /// Predikat capaian kinerja organisasi, set by the pimpinan of the organisation above.
    PredikatOrganisasi {
        Istimewa => "istimewa",
        Baik => "baik",
        ButuhPerbaikan => "butuh_perbaikan",
        Kurang => "kurang",
        SangatKurang => "sangat_kurang",
    }
}

impl PredikatOrganisasi {
    pub fn label(self) -> &'static str {
        match self {
            PredikatOrganisasi::Istimewa => "Istimewa",
            PredikatOrganisasi::Baik => "Baik",
            PredikatOrganisasi::ButuhPerbaikan => "Butuh Perbaikan",
            PredikatOrganisasi::Kurang => "Kurang",
            PredikatOrganisasi::SangatKurang => "Sangat Kurang",
        }
    }
}

/// The kuadran kinerja of PermenPANRB 6/2022 (docs/regulation.md, "Rating and predikat
/// (kuadran)"). Bad behaviour outweighs good results (Kurang/Misconduct), and there is no
/// numeric weighting between the two ratings.
pub fn predikat(hasil: Rating, perilaku: Rating) -> Predikat {
    match (hasil, perilaku) {
        (Rating::DiBawah, Rating::DiBawah) => Predikat::SangatKurang,
        (Rating::DiBawah, _) => Predikat::ButuhPerbaikan,
        (_, Rating::DiBawah) => Predikat::Kurang,
        (Rating::DiAtas, Rating::DiAtas) => Predikat::SangatBaik,
        _ => Predikat::Baik,
    }
}

/// Rating hasil kerja of a unit head, which follows the capaian kinerja of the unit [C].
///
/// The mapping itself (Istimewa → Di Atas, Baik → Sesuai, the rest → Di Bawah) is the obvious
/// reading but not confirmed by any source [U]: it is only the default, and an instansi that
/// decides otherwise configures its own (`KINERJA_RATING_KEPALA_UNIT`). The ratings are kept in
/// the order Istimewa, Baik, Butuh Perbaikan, Kurang, Sangat Kurang.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RatingKepalaUnit([Rating; 5]);

impl Default for RatingKepalaUnit {
    fn default() -> Self {
        Self([
            Rating::DiAtas,
            Rating::Sesuai,
            Rating::DiBawah,
            Rating::DiBawah,
            Rating::DiBawah,
        ])
    }
}

impl RatingKepalaUnit {
    fn index(org: PredikatOrganisasi) -> usize {
        match org {
            PredikatOrganisasi::Istimewa => 0,
            PredikatOrganisasi::Baik => 1,
            PredikatOrganisasi::ButuhPerbaikan => 2,
            PredikatOrganisasi::Kurang => 3,
            PredikatOrganisasi::SangatKurang => 4,
        }
    }

    pub fn rating(&self, org: PredikatOrganisasi) -> Rating {
        self.0[Self::index(org)]
    }

    /// Overrides of the default as `predikat=rating` pairs separated by commas, e.g.
    /// `butuh_perbaikan=sesuai_ekspektasi`; empty keeps the default.
    ///
    /// # Errors
    /// The pair that names no organisation predikat or no rating.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut map = Self::default();
        for pair in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let parsed = pair.split_once('=').and_then(|(org, rating)| {
                Some((
                    PredikatOrganisasi::parse(org.trim())?,
                    Rating::parse(rating.trim())?,
                ))
            });
            let (org, rating) = parsed.ok_or_else(|| format!("not predikat=rating: {pair:?}"))?;
            map.0[Self::index(org)] = rating;
        }
        Ok(map)
    }
}

string_enum! {
    /// How the percentages of the pola distribusi become head counts.
    ///
    /// SE MenPANRB 3/2023 gives percentages only; it says nothing about units of a few people
    /// (a kelurahan has about 6 ASN), where 70 % or 10 % is not a whole number [U]. The instansi
    /// chooses the rounding, and the screen shows the resulting numbers.
    #[derive(Default)]
    Pembulatan {
        /// Maxima rounded down, minima rounded up: the pattern is never relaxed, at the price
        /// of rules that no distribution can meet in very small units.
        Ketat => "ketat",
        /// Both rounded to the nearest whole number, a half upwards (the default).
        #[default]
        Terdekat => "terdekat",
        /// Maxima rounded up, minima rounded down: small units get the benefit of the doubt.
        Longgar => "longgar",
    }
}

impl Pembulatan {
    pub fn label(self) -> &'static str {
        match self {
            Pembulatan::Ketat => "Ketat",
            Pembulatan::Terdekat => "Terdekat",
            Pembulatan::Longgar => "Longgar",
        }
    }

    /// The explanation shown next to the choice.
    pub fn keterangan(self) -> &'static str {
        match self {
            Pembulatan::Ketat => {
                "Batas paling banyak dibulatkan ke bawah dan batas paling sedikit dibulatkan ke atas."
            }
            Pembulatan::Terdekat => {
                "Kedua batas dibulatkan ke bilangan bulat terdekat (0,5 dibulatkan ke atas)."
            }
            Pembulatan::Longgar => {
                "Batas paling banyak dibulatkan ke atas dan batas paling sedikit dibulatkan ke bawah."
            }
        }
    }

    /// `pct` % of `n` as a maximum.
    fn batas_atas(self, n: u32, pct: u32) -> u32 {
        match self {
            Pembulatan::Ketat => persen_dari(n, pct, 0),
            Pembulatan::Terdekat => persen_dari(n, pct, 50),
            Pembulatan::Longgar => persen_dari(n, pct, 99),
        }
    }

    /// `pct` % of `n` as a minimum.
    fn batas_bawah(self, n: u32, pct: u32) -> u32 {
        match self {
            Pembulatan::Ketat => persen_dari(n, pct, 99),
            Pembulatan::Terdekat => persen_dari(n, pct, 50),
            Pembulatan::Longgar => persen_dari(n, pct, 0),
        }
    }
}

/// `n × pct / 100` in integers, so that 70 % of 5 is exactly 3.5 before rounding; `tambah` is
/// 0 to round down, 50 to round half up, 99 to round up.
fn persen_dari(n: u32, pct: u32, tambah: u64) -> u32 {
    let x = (u64::from(n) * u64::from(pct) + tambah) / 100;
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// Number of pegawai per predikat in a unit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Hitungan {
    pub sangat_baik: u32,
    pub baik: u32,
    pub butuh_perbaikan: u32,
    pub kurang: u32,
    pub sangat_kurang: u32,
}

impl Hitungan {
    pub fn get(&self, p: Predikat) -> u32 {
        match p {
            Predikat::SangatBaik => self.sangat_baik,
            Predikat::Baik => self.baik,
            Predikat::ButuhPerbaikan => self.butuh_perbaikan,
            Predikat::Kurang => self.kurang,
            Predikat::SangatKurang => self.sangat_kurang,
        }
    }

    /// Counts one more pegawai with predikat `p`.
    pub fn tambah(&mut self, p: Predikat) {
        let slot = match p {
            Predikat::SangatBaik => &mut self.sangat_baik,
            Predikat::Baik => &mut self.baik,
            Predikat::ButuhPerbaikan => &mut self.butuh_perbaikan,
            Predikat::Kurang => &mut self.kurang,
            Predikat::SangatKurang => &mut self.sangat_kurang,
        };
        *slot = slot.saturating_add(1);
    }

    pub fn total(&self) -> u32 {
        Predikat::ALL
            .iter()
            .fold(0u32, |acc, &p| acc.saturating_add(self.get(p)))
    }
}

impl FromIterator<Predikat> for Hitungan {
    fn from_iter<I: IntoIterator<Item = Predikat>>(iter: I) -> Self {
        let mut h = Hitungan::default();
        for p in iter {
            h.tambah(p);
        }
        h
    }
}

/// One rule of the pola distribusi: the number of pegawai whose predikat is one of `predikat`
/// lies in `min..=max`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AturanDistribusi {
    pub predikat: Vec<Predikat>,
    pub min: u32,
    pub max: u32,
    /// "Sebagian besar": no other predikat is more frequent than the listed one (a tie is
    /// allowed, otherwise an even split of a small unit could never conform).
    pub terbanyak: bool,
    /// The rule in Indonesian with the computed numbers, for the screen and the warnings.
    pub teks: String,
}

impl AturanDistribusi {
    /// Whether `hitungan` meets the rule.
    pub fn terpenuhi(&self, hitungan: &Hitungan) -> bool {
        let jumlah = self
            .predikat
            .iter()
            .fold(0u32, |acc, &p| acc.saturating_add(hitungan.get(p)));
        let dalam_batas = (self.min..=self.max).contains(&jumlah);
        let terbanyak = !self.terbanyak
            || Predikat::ALL
                .iter()
                .filter(|p| !self.predikat.contains(p))
                .all(|&p| hitungan.get(p) <= jumlah);
        dalam_batas && terbanyak
    }

    fn maks(predikat: &[Predikat], n: u32, pct: u32, p: Pembulatan, terbanyak: bool) -> Self {
        let max = p.batas_atas(n, pct);
        let mut teks = format!(
            "{} paling banyak {max} dari {n} pegawai ({pct} %)",
            nama(predikat)
        );
        if terbanyak {
            teks.push_str(", dan terbanyak");
        }
        AturanDistribusi {
            predikat: predikat.to_vec(),
            min: 0,
            max,
            terbanyak,
            teks,
        }
    }

    fn min_persen(predikat: &[Predikat], n: u32, pct: u32, p: Pembulatan) -> Self {
        let min = p.batas_bawah(n, pct);
        AturanDistribusi {
            predikat: predikat.to_vec(),
            min,
            max: n,
            terbanyak: false,
            teks: format!(
                "{} paling sedikit {min} dari {n} pegawai ({pct} %)",
                nama(predikat)
            ),
        }
    }

    /// "Harus ada": at least one pegawai, except in an empty unit.
    fn harus_ada(predikat: &[Predikat], n: u32) -> Self {
        let min = n.min(1);
        AturanDistribusi {
            predikat: predikat.to_vec(),
            min,
            max: n,
            terbanyak: false,
            teks: format!("{} paling sedikit {min} dari {n} pegawai", nama(predikat)),
        }
    }

    fn tidak_ada(predikat: &[Predikat]) -> Self {
        AturanDistribusi {
            predikat: predikat.to_vec(),
            min: 0,
            max: 0,
            terbanyak: false,
            teks: format!("{} tidak boleh ada", nama(predikat)),
        }
    }
}

fn nama(predikat: &[Predikat]) -> String {
    predikat
        .iter()
        .map(|p| p.label())
        .collect::<Vec<_>>()
        .join(" dan/atau ")
}

/// The pola distribusi predikat pegawai for a unit of `n` evaluated pegawai whose organisation
/// predikat is `org` (SE MenPANRB 3/2023; docs/regulation.md, "Organisation predikat and
/// distribution").
///
/// The SE frames the pattern as "pertimbangan bagi pimpinan": these rules feed warnings, not a
/// hard block. Small units are not covered by the SE and the rounding of the percentages is
/// the instansi's choice [U]. A Baik unit needs two pegawai (a Baik majority next to a Butuh
/// Perbaikan or Kurang), and with [`Pembulatan::Ketat`] no distribution meets the pattern of an
/// Istimewa unit of one pegawai or of a Kurang or Sangat Kurang unit of one or two. For `n = 0`
/// every rule accepts the empty unit.
pub fn pola_distribusi(org: PredikatOrganisasi, n: u32, p: Pembulatan) -> Vec<AturanDistribusi> {
    use Predikat::{Baik, ButuhPerbaikan, Kurang, SangatBaik, SangatKurang};
    match org {
        PredikatOrganisasi::Istimewa => vec![AturanDistribusi::maks(&[SangatBaik], n, 70, p, true)],
        PredikatOrganisasi::Baik => vec![
            AturanDistribusi::maks(&[Baik], n, 70, p, true),
            AturanDistribusi::harus_ada(&[ButuhPerbaikan, Kurang], n),
        ],
        PredikatOrganisasi::ButuhPerbaikan => vec![
            AturanDistribusi::min_persen(&[ButuhPerbaikan], n, 60, p),
            AturanDistribusi::maks(&[SangatBaik], n, 10, p, false),
        ],
        PredikatOrganisasi::Kurang => vec![
            AturanDistribusi::min_persen(&[Kurang], n, 60, p),
            AturanDistribusi::min_persen(&[ButuhPerbaikan], n, 10, p),
            AturanDistribusi::maks(&[SangatBaik], n, 10, p, false),
        ],
        PredikatOrganisasi::SangatKurang => vec![
            AturanDistribusi::min_persen(&[SangatKurang], n, 60, p),
            AturanDistribusi::min_persen(&[Kurang, ButuhPerbaikan], n, 10, p),
            AturanDistribusi::tidak_ada(&[SangatBaik]),
        ],
    }
}

/// How many pegawai of a unit may still get one predikat: the live quota bar of the rating
/// screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Kuota {
    pub predikat: Predikat,
    pub min: u32,
    pub max: u32,
    /// Pegawai already given this predikat.
    pub terpakai: u32,
}

/// One [`Kuota`] per predikat, from Sangat Baik to Sangat Kurang, with the bounds that the
/// rules put on that predikat alone (0 and `n` where none does; rules over several predikat
/// are not split, because the pimpinan chooses how).
pub fn kuota(org: PredikatOrganisasi, n: u32, p: Pembulatan, counts: &Hitungan) -> Vec<Kuota> {
    let aturan = pola_distribusi(org, n, p);
    Predikat::ALL
        .iter()
        .map(|&predikat| {
            let (min, max) = aturan
                .iter()
                .filter(|a| a.predikat == [predikat])
                .fold((0, n), |(min, max), a| (min.max(a.min), max.min(a.max)));
            Kuota {
                predikat,
                min,
                max,
                terpakai: counts.get(predikat),
            }
        })
        .collect()
}

/// The rules of the pola distribusi that `counts` violates, as text; empty when it conforms.
/// The unit size is the number of pegawai counted.
pub fn periksa_distribusi(
    org: PredikatOrganisasi,
    p: Pembulatan,
    counts: &Hitungan,
) -> Vec<String> {
    pola_distribusi(org, counts.total(), p)
        .into_iter()
        .filter(|a| !a.terpenuhi(counts))
        .map(|a| a.teks)
        .collect()
}

/// Thresholds, in percent of capaian, behind the suggested rating hasil kerja. Local policy
/// [U]: no regulation gives numbers, so the instansi configures them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AmbangSaran {
    /// An IKI at or above this capaian is above expectation.
    pub di_atas: f64,
    /// An IKI below this capaian is below expectation.
    pub sesuai: f64,
}

impl Default for AmbangSaran {
    fn default() -> Self {
        AmbangSaran {
            di_atas: 110.0,
            sesuai: 90.0,
        }
    }
}

/// A hint for the rating hasil kerja from the capaian of each IKI, given as (capaian in
/// percent, whether its RHK is utama). The rating is the PPKin's qualitative judgement
/// (docs/regulation.md, "Rating and predikat (kuadran)"); this only mirrors its wording: Di
/// Atas when most results are above and no utama result is below, Di Bawah when most are below.
/// `None` without any IKI.
pub fn saran_rating_hasil(capaian: &[(f64, bool)], ambang: AmbangSaran) -> Option<Rating> {
    if capaian.is_empty() {
        return None;
    }
    let mut di_atas = 0usize;
    let mut di_bawah = 0usize;
    let mut utama_di_bawah = false;
    for &(nilai, utama) in capaian {
        if nilai < ambang.sesuai {
            di_bawah += 1;
            utama_di_bawah |= utama;
        } else if nilai >= ambang.di_atas {
            di_atas += 1;
        }
    }
    let sebagian_besar = |k: usize| k * 2 > capaian.len();
    Some(if sebagian_besar(di_bawah) {
        Rating::DiBawah
    } else if sebagian_besar(di_atas) && !utama_di_bawah {
        Rating::DiAtas
    } else {
        Rating::Sesuai
    })
}

/// A hint for the rating perilaku kerja from the tags of the period's feedback: more negative
/// than positive is Di Bawah, at least three positive and no negative is Di Atas. The
/// threshold is local policy [U].
pub fn saran_rating_perilaku(positif: u32, negatif: u32) -> Rating {
    if negatif > positif {
        Rating::DiBawah
    } else if positif >= 3 && negatif == 0 {
        Rating::DiAtas
    } else {
        Rating::Sesuai
    }
}

/// Percentage of the koefisien tahunan earned with predikat `p` (PerBKN 3/2023).
pub fn persen_angka_kredit(p: Predikat) -> f64 {
    match p {
        Predikat::SangatBaik => 150.0,
        Predikat::Baik => 100.0,
        Predikat::ButuhPerbaikan => 75.0,
        Predikat::Kurang => 50.0,
        Predikat::SangatKurang => 25.0,
    }
}

/// Angka kredit for `bulan` months evaluated with predikat `p`: bulan/12 × % predikat ×
/// koefisien, rounded to 2 decimals (half away from zero) as printed on the PAK.
pub fn angka_kredit(p: Predikat, koefisien_tahunan: f64, bulan: u32) -> f64 {
    let ak = f64::from(bulan) * persen_angka_kredit(p) * koefisien_tahunan / 1200.0;
    (ak * 100.0).round() / 100.0
}

/// The angka kredit of several evaluated stretches together (e.g. the months of a semester):
/// summed at full precision and rounded once, so six monthly lines of 0.78125 make 4.69, not
/// the 4.68 of their rounded values.
pub fn angka_kredit_jumlah(lines: &[(Predikat, u32)], koefisien_tahunan: f64) -> f64 {
    let ak: f64 = lines
        .iter()
        .map(|(p, bulan)| f64::from(*bulan) * persen_angka_kredit(*p) * koefisien_tahunan / 1200.0)
        .sum();
    (ak * 100.0).round() / 100.0
}

/// Default koefisien angka kredit tahunan of a jenjang jabatan fungsional; `None` for JPT and
/// jabatan administrasi. Ahli Pertama is confirmed; the others come from a third-party seeder
/// or general knowledge [P]/[U], hence defaults that the instansi can override.
pub fn koefisien_default(j: Jenjang) -> Option<f64> {
    match j {
        Jenjang::Pemula => Some(3.75),
        Jenjang::Terampil => Some(5.0),
        Jenjang::Mahir => Some(12.5),
        Jenjang::Penyelia => Some(25.0),
        Jenjang::AhliPertama => Some(12.5),
        Jenjang::AhliMuda => Some(25.0),
        Jenjang::AhliMadya => Some(37.5),
        Jenjang::AhliUtama => Some(50.0),
        Jenjang::JptUtama
        | Jenjang::JptMadya
        | Jenjang::JptPratama
        | Jenjang::Administrator
        | Jenjang::Pengawas
        | Jenjang::Pelaksana => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use Pembulatan::{Ketat, Longgar, Terdekat};
    use Predikat::{Baik, ButuhPerbaikan, Kurang, SangatBaik, SangatKurang};

    fn h(sb: u32, b: u32, bp: u32, k: u32, sk: u32) -> Hitungan {
        Hitungan {
            sangat_baik: sb,
            baik: b,
            butuh_perbaikan: bp,
            kurang: k,
            sangat_kurang: sk,
        }
    }

    /// (min, max) of each rule, in the order of `pola_distribusi`.
    fn batas(org: PredikatOrganisasi, n: u32, p: Pembulatan) -> Vec<(u32, u32)> {
        pola_distribusi(org, n, p)
            .iter()
            .map(|a| (a.min, a.max))
            .collect()
    }

    /// Every way of giving `n` pegawai a predikat.
    fn semua_hitungan(n: u32) -> Vec<Hitungan> {
        let mut out = Vec::new();
        for sb in 0..=n {
            for b in 0..=n - sb {
                for bp in 0..=n - sb - b {
                    for k in 0..=n - sb - b - bp {
                        out.push(h(sb, b, bp, k, n - sb - b - bp - k));
                    }
                }
            }
        }
        out
    }

    fn ada_yang_sesuai(org: PredikatOrganisasi, n: u32, p: Pembulatan) -> bool {
        semua_hitungan(n)
            .iter()
            .any(|c| periksa_distribusi(org, p, c).is_empty())
    }

    #[test]
    fn kuadran_kinerja_all_nine_cells() {
        use Rating::{DiAtas, DiBawah, Sesuai};
        // (hasil kerja, perilaku kerja, predikat): docs/regulation.md, "Rating and predikat
        // (kuadran)", row by row.
        let tabel = [
            (DiAtas, DiBawah, Kurang),
            (DiAtas, Sesuai, Baik),
            (DiAtas, DiAtas, SangatBaik),
            (Sesuai, DiBawah, Kurang),
            (Sesuai, Sesuai, Baik),
            (Sesuai, DiAtas, Baik),
            (DiBawah, DiBawah, SangatKurang),
            (DiBawah, Sesuai, ButuhPerbaikan),
            (DiBawah, DiAtas, ButuhPerbaikan),
        ];
        for (hasil, perilaku, expected) in tabel {
            assert_eq!(
                predikat(hasil, perilaku),
                expected,
                "{hasil:?} × {perilaku:?}"
            );
        }
    }

    #[test]
    fn labels_and_wire_names() -> Result<(), serde_json::Error> {
        assert_eq!(Rating::DiAtas.label(), "Di Atas Ekspektasi");
        assert_eq!(Rating::Sesuai.label(), "Sesuai Ekspektasi");
        assert_eq!(Rating::DiBawah.label(), "Di Bawah Ekspektasi");
        assert_eq!(Rating::parse("di_bawah_ekspektasi"), Some(Rating::DiBawah));
        assert_eq!(
            serde_json::to_string(&Rating::DiAtas)?,
            "\"di_atas_ekspektasi\""
        );
        assert_eq!(
            serde_json::from_str::<Rating>("\"sesuai_ekspektasi\"")?,
            Rating::Sesuai
        );

        let labels: Vec<_> = Predikat::ALL.iter().map(|p| p.label()).collect();
        assert_eq!(
            labels,
            [
                "Sangat Baik",
                "Baik",
                "Butuh Perbaikan",
                "Kurang/Misconduct",
                "Sangat Kurang"
            ]
        );
        // The serde names and `as_str` (stored in the database) must agree.
        for r in Rating::ALL {
            assert_eq!(serde_json::to_string(r)?, format!("\"{}\"", r.as_str()));
        }
        for p in Predikat::ALL {
            assert_eq!(serde_json::to_string(p)?, format!("\"{}\"", p.as_str()));
        }
        for o in PredikatOrganisasi::ALL {
            assert_eq!(serde_json::to_string(o)?, format!("\"{}\"", o.as_str()));
        }
        for b in Pembulatan::ALL {
            assert_eq!(serde_json::to_string(b)?, format!("\"{}\"", b.as_str()));
        }
        assert_eq!(
            serde_json::to_string(&ButuhPerbaikan)?,
            "\"butuh_perbaikan\""
        );

        let labels: Vec<_> = PredikatOrganisasi::ALL.iter().map(|p| p.label()).collect();
        assert_eq!(
            labels,
            [
                "Istimewa",
                "Baik",
                "Butuh Perbaikan",
                "Kurang",
                "Sangat Kurang"
            ]
        );
        assert_eq!(
            PredikatOrganisasi::parse("istimewa"),
            Some(PredikatOrganisasi::Istimewa)
        );

        assert_eq!(Pembulatan::default(), Terdekat);
        assert_eq!(serde_json::to_string(&Longgar)?, "\"longgar\"");
        for p in Pembulatan::ALL {
            assert!(!p.label().is_empty() && p.keterangan().ends_with('.'));
        }
        Ok(())
    }

    #[test]
    fn perlu_perbaikan_from_butuh_perbaikan_down() {
        let perlu: Vec<_> = Predikat::ALL
            .iter()
            .copied()
            .filter(|p| p.perlu_perbaikan())
            .collect();
        assert_eq!(perlu, [ButuhPerbaikan, Kurang, SangatKurang]);
    }

    #[test]
    fn unit_head_rating_follows_the_organisation() {
        use PredikatOrganisasi as O;
        let map = RatingKepalaUnit::default();
        assert_eq!(map.rating(O::Istimewa), Rating::DiAtas);
        assert_eq!(map.rating(O::Baik), Rating::Sesuai);
        assert_eq!(map.rating(O::ButuhPerbaikan), Rating::DiBawah);
        assert_eq!(map.rating(O::Kurang), Rating::DiBawah);
        assert_eq!(map.rating(O::SangatKurang), Rating::DiBawah);
        assert_eq!(RatingKepalaUnit::parse(" "), Ok(map));
    }

    #[test]
    fn an_instansi_overrides_the_unit_head_mapping() {
        use PredikatOrganisasi as O;
        let map =
            RatingKepalaUnit::parse("butuh_perbaikan=sesuai_ekspektasi, baik = di_atas_ekspektasi")
                .expect("valid pairs");
        assert_eq!(map.rating(O::ButuhPerbaikan), Rating::Sesuai);
        assert_eq!(map.rating(O::Baik), Rating::DiAtas);
        assert_eq!(
            map.rating(O::Kurang),
            Rating::DiBawah,
            "the rest keeps the default"
        );
        assert!(RatingKepalaUnit::parse("baik=bagus").is_err());
        assert!(RatingKepalaUnit::parse("istimewa").is_err());
        assert!(RatingKepalaUnit::parse("luar_biasa=di_atas_ekspektasi").is_err());
    }

    #[test]
    fn hitungan_counts_and_serialises_with_named_fields() -> Result<(), serde_json::Error> {
        let c = Hitungan::from_iter([SangatBaik, Baik, Baik, Kurang]);
        assert_eq!(c, h(1, 2, 0, 1, 0));
        assert_eq!(c.get(Baik), 2);
        assert_eq!(c.get(SangatKurang), 0);
        assert_eq!(c.total(), 4);
        let collected: Hitungan = [SangatKurang; 3].into_iter().collect();
        assert_eq!(collected.total(), 3);
        assert_eq!(Hitungan::default().total(), 0);
        assert_eq!(
            serde_json::to_value(c)?,
            serde_json::json!({
                "sangat_baik": 1, "baik": 2, "butuh_perbaikan": 0, "kurang": 1, "sangat_kurang": 0
            })
        );
        Ok(())
    }

    #[test]
    fn rounding_modes() {
        // 70 % of 5 = 3.5, 60 % of 6 = 3.6, 10 % of 5 = 0.5.
        assert_eq!(
            (
                Ketat.batas_atas(5, 70),
                Terdekat.batas_atas(5, 70),
                Longgar.batas_atas(5, 70)
            ),
            (3, 4, 4)
        );
        assert_eq!(
            (
                Ketat.batas_bawah(6, 60),
                Terdekat.batas_bawah(6, 60),
                Longgar.batas_bawah(6, 60)
            ),
            (4, 4, 3)
        );
        assert_eq!(
            (
                Ketat.batas_atas(5, 10),
                Terdekat.batas_atas(5, 10),
                Longgar.batas_atas(5, 10)
            ),
            (0, 1, 1)
        );
        assert_eq!(
            (
                Ketat.batas_bawah(5, 10),
                Terdekat.batas_bawah(5, 10),
                Longgar.batas_bawah(5, 10)
            ),
            (1, 1, 0)
        );
        // Whole results are never moved.
        for p in Pembulatan::ALL {
            assert_eq!(p.batas_atas(10, 70), 7);
            assert_eq!(p.batas_bawah(10, 60), 6);
            assert_eq!(p.batas_bawah(20, 10), 2);
        }
        assert_eq!(Terdekat.batas_atas(u32::MAX, 70), 3_006_477_107);
    }

    #[test]
    fn pola_istimewa_bounds() {
        let org = PredikatOrganisasi::Istimewa;
        let terdekat = [
            (1, 1),
            (2, 1),
            (3, 2),
            (4, 3),
            (5, 4),
            (6, 4),
            (10, 7),
            (20, 14),
        ];
        for (n, max) in terdekat {
            assert_eq!(batas(org, n, Terdekat), [(0, max)], "n = {n}");
        }
        assert_eq!(batas(org, 1, Ketat), [(0, 0)]);
        assert_eq!(batas(org, 5, Ketat), [(0, 3)]);
        assert_eq!(batas(org, 6, Ketat), [(0, 4)]);
        assert_eq!(batas(org, 10, Ketat), [(0, 7)]);
        assert_eq!(batas(org, 6, Longgar), [(0, 5)]);

        let aturan = pola_distribusi(org, 6, Terdekat);
        assert_eq!(aturan[0].predikat, [SangatBaik]);
        assert!(aturan[0].terbanyak);
        assert_eq!(
            aturan[0].teks,
            "Sangat Baik paling banyak 4 dari 6 pegawai (70 %), dan terbanyak"
        );
    }

    #[test]
    fn pola_baik_bounds() {
        let org = PredikatOrganisasi::Baik;
        let terdekat = [
            (1, 1),
            (2, 1),
            (3, 2),
            (4, 3),
            (5, 4),
            (6, 4),
            (10, 7),
            (20, 14),
        ];
        for (n, max) in terdekat {
            assert_eq!(batas(org, n, Terdekat), [(0, max), (1, n)], "n = {n}");
        }
        assert_eq!(batas(org, 6, Ketat), [(0, 4), (1, 6)]);
        assert_eq!(batas(org, 10, Ketat), [(0, 7), (1, 10)]);

        let aturan = pola_distribusi(org, 10, Terdekat);
        assert_eq!(aturan[0].predikat, [Baik]);
        assert!(aturan[0].terbanyak && !aturan[1].terbanyak);
        assert_eq!(aturan[1].predikat, [ButuhPerbaikan, Kurang]);
        assert_eq!(
            aturan[1].teks,
            "Butuh Perbaikan dan/atau Kurang/Misconduct paling sedikit 1 dari 10 pegawai"
        );
    }

    #[test]
    fn pola_butuh_perbaikan_bounds() {
        let org = PredikatOrganisasi::ButuhPerbaikan;
        // (n, min Butuh Perbaikan, max Sangat Baik)
        let terdekat = [
            (1, 1, 0),
            (2, 1, 0),
            (3, 2, 0),
            (4, 2, 0),
            (5, 3, 1),
            (6, 4, 1),
            (10, 6, 1),
            (20, 12, 2),
        ];
        for (n, min_bp, max_sb) in terdekat {
            assert_eq!(
                batas(org, n, Terdekat),
                [(min_bp, n), (0, max_sb)],
                "n = {n}"
            );
        }
        assert_eq!(batas(org, 6, Ketat), [(4, 6), (0, 0)]);
        assert_eq!(batas(org, 10, Ketat), [(6, 10), (0, 1)]);
        assert_eq!(batas(org, 6, Longgar), [(3, 6), (0, 1)]);

        let teks: Vec<_> = pola_distribusi(org, 6, Ketat)
            .into_iter()
            .map(|a| a.teks)
            .collect();
        assert_eq!(
            teks,
            [
                "Butuh Perbaikan paling sedikit 4 dari 6 pegawai (60 %)",
                "Sangat Baik paling banyak 0 dari 6 pegawai (10 %)",
            ]
        );
    }

    #[test]
    fn pola_kurang_bounds() {
        let org = PredikatOrganisasi::Kurang;
        // (n, min Kurang, min Butuh Perbaikan, max Sangat Baik)
        let terdekat = [
            (1, 1, 0, 0),
            (2, 1, 0, 0),
            (3, 2, 0, 0),
            (4, 2, 0, 0),
            (5, 3, 1, 1),
            (6, 4, 1, 1),
            (10, 6, 1, 1),
            (20, 12, 2, 2),
        ];
        for (n, min_k, min_bp, max_sb) in terdekat {
            assert_eq!(
                batas(org, n, Terdekat),
                [(min_k, n), (min_bp, n), (0, max_sb)],
                "n = {n}"
            );
        }
        assert_eq!(batas(org, 1, Ketat), [(1, 1), (1, 1), (0, 0)]);
        assert_eq!(batas(org, 6, Ketat), [(4, 6), (1, 6), (0, 0)]);
        assert_eq!(batas(org, 10, Ketat), [(6, 10), (1, 10), (0, 1)]);
        assert_eq!(batas(org, 6, Longgar), [(3, 6), (0, 6), (0, 1)]);
    }

    #[test]
    fn pola_sangat_kurang_bounds() {
        let org = PredikatOrganisasi::SangatKurang;
        // (n, min Sangat Kurang, min Kurang + Butuh Perbaikan); Sangat Baik is always 0.
        let terdekat = [
            (1, 1, 0),
            (2, 1, 0),
            (3, 2, 0),
            (4, 2, 0),
            (5, 3, 1),
            (6, 4, 1),
            (10, 6, 1),
            (20, 12, 2),
        ];
        for (n, min_sk, min_k_bp) in terdekat {
            assert_eq!(
                batas(org, n, Terdekat),
                [(min_sk, n), (min_k_bp, n), (0, 0)],
                "n = {n}"
            );
        }
        assert_eq!(batas(org, 6, Ketat), [(4, 6), (1, 6), (0, 0)]);
        assert_eq!(batas(org, 10, Ketat), [(6, 10), (1, 10), (0, 0)]);

        let aturan = pola_distribusi(org, 20, Terdekat);
        assert_eq!(aturan[1].predikat, [Kurang, ButuhPerbaikan]);
        assert_eq!(
            aturan[1].teks,
            "Kurang/Misconduct dan/atau Butuh Perbaikan paling sedikit 2 dari 20 pegawai (10 %)"
        );
        assert_eq!(aturan[2].teks, "Sangat Baik tidak boleh ada");
    }

    #[test]
    fn empty_unit_always_conforms() {
        for &org in PredikatOrganisasi::ALL {
            for &p in Pembulatan::ALL {
                assert!(batas(org, 0, p).iter().all(|&b| b == (0, 0)));
                assert!(periksa_distribusi(org, p, &Hitungan::default()).is_empty());
                assert!(
                    kuota(org, 0, p, &Hitungan::default())
                        .iter()
                        .all(|k| k.min == 0 && k.max == 0 && k.terpakai == 0)
                );
            }
        }
    }

    #[test]
    fn istimewa_examples() {
        let org = PredikatOrganisasi::Istimewa;
        // 5 of 6 Sangat Baik exceeds 70 % (at most 4) unless rounding is generous.
        let lima_sb = h(5, 1, 0, 0, 0);
        let pesan = "Sangat Baik paling banyak 4 dari 6 pegawai (70 %), dan terbanyak";
        assert_eq!(periksa_distribusi(org, Terdekat, &lima_sb), [pesan]);
        assert_eq!(periksa_distribusi(org, Ketat, &lima_sb), [pesan]);
        assert!(periksa_distribusi(org, Longgar, &lima_sb).is_empty());

        assert!(periksa_distribusi(org, Terdekat, &h(4, 2, 0, 0, 0)).is_empty());
        // A tie for the most frequent predikat is still "sebagian besar".
        assert!(periksa_distribusi(org, Ketat, &h(3, 3, 0, 0, 0)).is_empty());
        assert_eq!(
            periksa_distribusi(org, Terdekat, &h(2, 3, 1, 0, 0)).len(),
            1
        );
        assert!(periksa_distribusi(org, Terdekat, &h(7, 2, 1, 0, 0)).is_empty());
        assert_eq!(
            periksa_distribusi(org, Terdekat, &h(8, 2, 0, 0, 0)).len(),
            1
        );
        // One pegawai: Sangat Baik is fine when rounded to the nearest, nothing fits Ketat.
        assert!(periksa_distribusi(org, Terdekat, &h(1, 0, 0, 0, 0)).is_empty());
        assert!(!ada_yang_sesuai(org, 1, Ketat));
    }

    #[test]
    fn baik_examples() {
        let org = PredikatOrganisasi::Baik;
        assert_eq!(
            periksa_distribusi(org, Terdekat, &h(2, 4, 0, 0, 0)),
            ["Butuh Perbaikan dan/atau Kurang/Misconduct paling sedikit 1 dari 6 pegawai"]
        );
        assert!(periksa_distribusi(org, Terdekat, &h(1, 4, 1, 0, 0)).is_empty());
        assert!(periksa_distribusi(org, Ketat, &h(2, 3, 0, 1, 0)).is_empty());
        assert!(periksa_distribusi(org, Ketat, &h(0, 4, 1, 0, 1)).is_empty());
        // Baik is not the most frequent.
        assert_eq!(
            periksa_distribusi(org, Terdekat, &h(3, 2, 1, 0, 0)),
            ["Baik paling banyak 4 dari 6 pegawai (70 %), dan terbanyak"]
        );
        // Too many Baik and no Butuh Perbaikan/Kurang: both rules reported.
        assert_eq!(
            periksa_distribusi(org, Terdekat, &h(0, 6, 0, 0, 0)).len(),
            2
        );
        // Two pegawai: one Baik and one Butuh Perbaikan; one pegawai can never conform.
        assert!(periksa_distribusi(org, Terdekat, &h(0, 1, 1, 0, 0)).is_empty());
        for &p in Pembulatan::ALL {
            assert!(!ada_yang_sesuai(org, 1, p));
            assert!(ada_yang_sesuai(org, 2, p));
        }
        assert!(periksa_distribusi(org, Terdekat, &h(3, 14, 2, 1, 0)).is_empty());
    }

    #[test]
    fn butuh_perbaikan_examples() {
        let org = PredikatOrganisasi::ButuhPerbaikan;
        assert!(periksa_distribusi(org, Terdekat, &h(1, 1, 4, 0, 0)).is_empty());
        // 10 % of 6 rounds down to no Sangat Baik under Ketat.
        assert_eq!(
            periksa_distribusi(org, Ketat, &h(1, 1, 4, 0, 0)),
            ["Sangat Baik paling banyak 0 dari 6 pegawai (10 %)"]
        );
        assert_eq!(
            periksa_distribusi(org, Terdekat, &h(0, 3, 3, 0, 0)),
            ["Butuh Perbaikan paling sedikit 4 dari 6 pegawai (60 %)"]
        );
        assert_eq!(
            periksa_distribusi(org, Terdekat, &h(2, 0, 4, 0, 0)).len(),
            1
        );
        assert!(periksa_distribusi(org, Ketat, &h(1, 2, 6, 1, 0)).is_empty());
        assert_eq!(periksa_distribusi(org, Ketat, &h(2, 2, 5, 1, 0)).len(), 2);
        assert!(periksa_distribusi(org, Ketat, &h(0, 0, 1, 0, 0)).is_empty());
    }

    #[test]
    fn kurang_examples() {
        let org = PredikatOrganisasi::Kurang;
        assert!(periksa_distribusi(org, Terdekat, &h(0, 1, 1, 4, 0)).is_empty());
        assert!(periksa_distribusi(org, Ketat, &h(0, 1, 1, 4, 0)).is_empty());
        assert_eq!(
            periksa_distribusi(org, Terdekat, &h(0, 1, 0, 5, 0)),
            ["Butuh Perbaikan paling sedikit 1 dari 6 pegawai (10 %)"]
        );
        assert!(periksa_distribusi(org, Terdekat, &h(1, 0, 1, 4, 0)).is_empty());
        assert_eq!(periksa_distribusi(org, Ketat, &h(1, 0, 1, 4, 0)).len(), 1);
        assert_eq!(
            periksa_distribusi(org, Terdekat, &h(1, 2, 0, 3, 0)).len(),
            2
        );
        assert!(periksa_distribusi(org, Terdekat, &h(2, 3, 2, 12, 1)).is_empty());
        // Under Ketat 60 % Kurang and 10 % Butuh Perbaikan both round up: 2 + 1 of 2 pegawai.
        assert_eq!(batas(org, 2, Ketat), [(2, 2), (1, 2), (0, 0)]);
        assert!(!ada_yang_sesuai(org, 2, Ketat));
        assert!(ada_yang_sesuai(org, 3, Ketat));
        assert!(ada_yang_sesuai(org, 1, Terdekat));
    }

    #[test]
    fn sangat_kurang_examples() {
        let org = PredikatOrganisasi::SangatKurang;
        assert!(periksa_distribusi(org, Terdekat, &h(0, 1, 0, 1, 4)).is_empty());
        assert!(periksa_distribusi(org, Ketat, &h(0, 0, 1, 0, 5)).is_empty());
        // Any Sangat Baik violates, whatever the rounding.
        for &p in Pembulatan::ALL {
            assert_eq!(
                periksa_distribusi(org, p, &h(1, 0, 0, 1, 4)),
                ["Sangat Baik tidak boleh ada"]
            );
            assert_eq!(
                periksa_distribusi(org, p, &h(1, 0, 2, 0, 17)),
                ["Sangat Baik tidak boleh ada"]
            );
        }
        assert_eq!(
            periksa_distribusi(org, Terdekat, &h(0, 1, 0, 0, 5)),
            ["Kurang/Misconduct dan/atau Butuh Perbaikan paling sedikit 1 dari 6 pegawai (10 %)"]
        );
        assert_eq!(
            periksa_distribusi(org, Terdekat, &h(0, 3, 0, 0, 3)).len(),
            2
        );
        assert!(periksa_distribusi(org, Terdekat, &h(0, 6, 2, 0, 12)).is_empty());
        assert!(periksa_distribusi(org, Terdekat, &h(0, 0, 0, 0, 1)).is_empty());
    }

    #[test]
    fn kuota_lists_single_predikat_bounds_and_usage() {
        let c = h(3, 1, 0, 0, 0);
        let k = kuota(PredikatOrganisasi::Istimewa, 6, Terdekat, &c);
        let ringkas: Vec<_> = k
            .iter()
            .map(|k| (k.predikat, k.min, k.max, k.terpakai))
            .collect();
        assert_eq!(
            ringkas,
            [
                (SangatBaik, 0, 4, 3),
                (Baik, 0, 6, 1),
                (ButuhPerbaikan, 0, 6, 0),
                (Kurang, 0, 6, 0),
                (SangatKurang, 0, 6, 0),
            ]
        );

        let bounds = |org, n, p| -> Vec<(u32, u32)> {
            kuota(org, n, p, &Hitungan::default())
                .iter()
                .map(|k| (k.min, k.max))
                .collect()
        };
        // Butuh Perbaikan + Kurang ≥ 1 constrains neither alone.
        assert_eq!(
            bounds(PredikatOrganisasi::Baik, 10, Terdekat),
            [(0, 10), (0, 7), (0, 10), (0, 10), (0, 10)]
        );
        assert_eq!(
            bounds(PredikatOrganisasi::ButuhPerbaikan, 6, Ketat),
            [(0, 0), (0, 6), (4, 6), (0, 6), (0, 6)]
        );
        assert_eq!(
            bounds(PredikatOrganisasi::Kurang, 20, Terdekat),
            [(0, 2), (0, 20), (2, 20), (12, 20), (0, 20)]
        );
        assert_eq!(
            bounds(PredikatOrganisasi::SangatKurang, 6, Terdekat),
            [(0, 0), (0, 6), (0, 6), (0, 6), (4, 6)]
        );
    }

    #[test]
    fn conforming_counts_stay_within_kuota() {
        for &org in PredikatOrganisasi::ALL {
            for &p in Pembulatan::ALL {
                for n in 0..=10 {
                    for c in semua_hitungan(n) {
                        let aturan = pola_distribusi(org, n, p);
                        let pelanggaran = periksa_distribusi(org, p, &c);
                        assert_eq!(
                            pelanggaran.is_empty(),
                            aturan.iter().all(|a| a.terpenuhi(&c))
                        );
                        if pelanggaran.is_empty() {
                            assert!(
                                kuota(org, n, p, &c)
                                    .iter()
                                    .all(|k| (k.min..=k.max).contains(&k.terpakai)),
                                "{org:?} {p:?} {c:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn small_units_that_no_distribution_fits() {
        use PredikatOrganisasi as O;
        let mut mustahil = Vec::new();
        for &p in Pembulatan::ALL {
            for &org in O::ALL {
                for n in 0..=10 {
                    if !ada_yang_sesuai(org, n, p) {
                        mustahil.push((p, org, n));
                    }
                }
            }
        }
        assert_eq!(
            mustahil,
            [
                (Ketat, O::Istimewa, 1),
                (Ketat, O::Baik, 1),
                (Ketat, O::Kurang, 1),
                (Ketat, O::Kurang, 2),
                (Ketat, O::SangatKurang, 1),
                (Ketat, O::SangatKurang, 2),
                (Terdekat, O::Baik, 1),
                (Longgar, O::Baik, 1),
            ]
        );
    }

    #[test]
    fn every_pattern_can_be_met_from_ten_pegawai() {
        for &org in PredikatOrganisasi::ALL {
            for &p in Pembulatan::ALL {
                for n in [10, 20] {
                    assert!(ada_yang_sesuai(org, n, p), "{org:?} {p:?} n = {n}");
                }
            }
        }
        // With the default rounding every unit of two or more can conform.
        for &org in PredikatOrganisasi::ALL {
            for n in 2..=6 {
                assert!(ada_yang_sesuai(org, n, Terdekat), "{org:?} n = {n}");
            }
        }
    }

    #[test]
    fn saran_rating_hasil_mirrors_the_definitions() {
        let a = AmbangSaran::default();
        assert_eq!((a.di_atas, a.sesuai), (110.0, 90.0));
        assert_eq!(saran_rating_hasil(&[], a), None);
        assert_eq!(
            saran_rating_hasil(&[(120.0, true), (115.0, false), (100.0, false)], a),
            Some(Rating::DiAtas)
        );
        // Most above, but a utama result below: not Di Atas.
        assert_eq!(
            saran_rating_hasil(&[(120.0, false), (115.0, false), (80.0, true)], a),
            Some(Rating::Sesuai)
        );
        // A tambahan result below does not block Di Atas.
        assert_eq!(
            saran_rating_hasil(&[(120.0, true), (115.0, true), (80.0, false)], a),
            Some(Rating::DiAtas)
        );
        // Exactly half is not "sebagian besar".
        assert_eq!(
            saran_rating_hasil(&[(120.0, true), (100.0, true)], a),
            Some(Rating::Sesuai)
        );
        assert_eq!(
            saran_rating_hasil(&[(50.0, true), (100.0, true)], a),
            Some(Rating::Sesuai)
        );
        assert_eq!(
            saran_rating_hasil(&[(50.0, false), (89.99, false), (150.0, true)], a),
            Some(Rating::DiBawah)
        );
        // The thresholds themselves: 110 is above, 90 is as expected.
        assert_eq!(
            saran_rating_hasil(&[(110.0, true)], a),
            Some(Rating::DiAtas)
        );
        assert_eq!(saran_rating_hasil(&[(90.0, true)], a), Some(Rating::Sesuai));
        assert_eq!(
            saran_rating_hasil(&[(109.99, true)], a),
            Some(Rating::Sesuai)
        );
        assert_eq!(
            saran_rating_hasil(&[(0.0, false)], a),
            Some(Rating::DiBawah)
        );
        // Configured thresholds.
        let ketat = AmbangSaran {
            di_atas: 120.0,
            sesuai: 100.0,
        };
        assert_eq!(
            saran_rating_hasil(&[(110.0, true)], ketat),
            Some(Rating::Sesuai)
        );
        assert_eq!(
            saran_rating_hasil(&[(95.0, true)], ketat),
            Some(Rating::DiBawah)
        );
    }

    #[test]
    fn ambang_saran_serialises() -> Result<(), serde_json::Error> {
        let json = serde_json::to_value(AmbangSaran::default())?;
        assert_eq!(
            json,
            serde_json::json!({ "di_atas": 110.0, "sesuai": 90.0 })
        );
        assert_eq!(
            serde_json::from_value::<AmbangSaran>(json)?,
            AmbangSaran::default()
        );
        Ok(())
    }

    #[test]
    fn saran_rating_perilaku_from_feedback_tags() {
        assert_eq!(saran_rating_perilaku(0, 0), Rating::Sesuai);
        assert_eq!(saran_rating_perilaku(2, 0), Rating::Sesuai);
        assert_eq!(saran_rating_perilaku(3, 0), Rating::DiAtas);
        assert_eq!(saran_rating_perilaku(10, 1), Rating::Sesuai);
        assert_eq!(saran_rating_perilaku(1, 1), Rating::Sesuai);
        assert_eq!(saran_rating_perilaku(1, 2), Rating::DiBawah);
        assert_eq!(saran_rating_perilaku(0, 1), Rating::DiBawah);
    }

    #[test]
    fn angka_kredit_percentages() {
        let persen: Vec<_> = Predikat::ALL
            .iter()
            .map(|&p| persen_angka_kredit(p))
            .collect();
        assert_eq!(persen, [150.0, 100.0, 75.0, 50.0, 25.0]);
    }

    #[test]
    fn angka_kredit_examples_of_perbkn_3_2023() {
        let ahli_pertama = koefisien_default(Jenjang::AhliPertama);
        assert_eq!(ahli_pertama, Some(12.5));
        let k = ahli_pertama.unwrap_or_default();
        assert_eq!(angka_kredit(Baik, k, 2), 2.08);
        assert_eq!(angka_kredit(SangatBaik, k, 12), 18.75);
        assert_eq!(angka_kredit(Baik, k, 12), 12.5);
        assert_eq!(angka_kredit(ButuhPerbaikan, k, 12), 9.38);
        assert_eq!(angka_kredit(Kurang, k, 12), 6.25);
        assert_eq!(angka_kredit(SangatKurang, k, 12), 3.13);
        assert_eq!(angka_kredit(SangatKurang, k, 0), 0.0);
        // Pemula, Kurang, one month: 1/12 × 50 % × 3.75 = 0.15625.
        assert_eq!(angka_kredit(Kurang, 3.75, 1), 0.16);
        assert_eq!(angka_kredit(SangatBaik, 50.0, 6), 37.5);
    }

    #[test]
    fn koefisien_defaults_per_jenjang() {
        let tabel = [
            (Jenjang::Pemula, Some(3.75)),
            (Jenjang::Terampil, Some(5.0)),
            (Jenjang::Mahir, Some(12.5)),
            (Jenjang::Penyelia, Some(25.0)),
            (Jenjang::AhliPertama, Some(12.5)),
            (Jenjang::AhliMuda, Some(25.0)),
            (Jenjang::AhliMadya, Some(37.5)),
            (Jenjang::AhliUtama, Some(50.0)),
            (Jenjang::JptUtama, None),
            (Jenjang::JptMadya, None),
            (Jenjang::JptPratama, None),
            (Jenjang::Administrator, None),
            (Jenjang::Pengawas, None),
            (Jenjang::Pelaksana, None),
        ];
        assert_eq!(tabel.len(), Jenjang::ALL.len());
        for (j, k) in tabel {
            assert_eq!(koefisien_default(j), k, "{j:?}");
        }
    }

    #[test]
    fn a_total_of_angka_kredit_is_rounded_once() {
        // Ahli Pertama (12.5 a year), six months each Butuh Perbaikan (75%): 0.78125 a month.
        let month = (Predikat::ButuhPerbaikan, 1);
        assert_eq!(angka_kredit(Predikat::ButuhPerbaikan, 12.5, 1), 0.78);
        assert_eq!(angka_kredit_jumlah(&[month; 6], 12.5), 4.69);
        assert_eq!(angka_kredit(Predikat::ButuhPerbaikan, 12.5, 6), 4.69);
        assert_eq!(angka_kredit_jumlah(&[], 12.5), 0.0);
    }
}
