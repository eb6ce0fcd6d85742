//! The glossary (issue #19, docs/panduan.md): the terms of civil-service performance
//! management that appear on the screens, each with a one-sentence definition in Bahasa
//! Indonesia and English and the regulation it comes from.
//!
//! It lives in the SPA, not on the server: the tooltips next to the terms on the daily screens
//! (the `utama` bundle) must show without a request, the text is fixed by the regulations
//! (nothing an HR office edits), and the whole table is about 5 KB of text, 2 KB gzip.

/// One term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Istilah {
    /// Its anchor on `/glosarium` (`#rhk`).
    pub id: &'static str,
    pub kata: &'static str,
    pub arti_id: &'static str,
    pub arti_en: &'static str,
    /// The regulation that defines it.
    pub dasar: &'static str,
}

macro_rules! istilah {
    ($($id:literal, $kata:literal => $arti_id:literal, $arti_en:literal; $dasar:literal;)*) => {
        /// Every term, in the order the glossary page lists them.
        pub const SEMUA: &[Istilah] = &[$(Istilah {
            id: $id, kata: $kata, arti_id: $arti_id, arti_en: $arti_en, dasar: $dasar,
        }),*];
    };
}

istilah! {
    "skp", "SKP" =>
        "Sasaran Kinerja Pegawai: rencana kinerja dan target setahun, berisi hasil kerja dan perilaku kerja.",
        "Sasaran Kinerja Pegawai: the year's performance plan and targets, with work results and work behaviour.";
        "PP 30/2019 Pasal 1; PermenPANRB 6/2022";
    "rhk", "RHK" =>
        "Rencana Hasil Kerja: hasil yang dijanjikan pegawai dalam SKP; RHK utama mendukung (mengintervensi) RHK atasan.",
        "Rencana Hasil Kerja: a result the employee commits to in the SKP; a main RHK supports one of the superior's.";
        "PermenPANRB 6/2022";
    "iki", "IKI" =>
        "Indikator Kinerja Individu: ukuran keberhasilan satu RHK, dengan targetnya.",
        "Indikator Kinerja Individu: how success of one RHK is measured, with its target.";
        "PP 30/2019 Pasal 1";
    "realisasi", "Realisasi" =>
        "Hasil kerja yang benar-benar dicapai pada satu periode, dibandingkan dengan target.",
        "The result actually achieved in a period, compared with the target.";
        "PP 30/2019 Pasal 1";
    "ppkin", "PPKin" =>
        "Pejabat Penilai Kinerja: atasan langsung, paling rendah pejabat pengawas, yang menetapkan SKP dan menilai. Bukan PPK (Pejabat Pembina Kepegawaian).",
        "Pejabat Penilai Kinerja: the direct superior, at least a supervisor, who sets the SKP and rates. Not the PPK (the staffing authority).";
        "PermenPANRB 6/2022";
    "atasan-ppkin", "Atasan PPKin" =>
        "Atasan langsung pejabat penilai kinerja; memutus keberatan, dan keputusannya final.",
        "The assessor's direct superior; decides objections, and the decision is final.";
        "PP 30/2019 Pasal 59";
    "ekspektasi", "Ekspektasi" =>
        "Harapan atasan atas hasil dan perilaku kerja, disepakati dalam dialog kinerja; ekspektasi khusus pimpinan dapat ditambahkan per nilai BerAKHLAK.",
        "What the superior expects of results and behaviour, agreed in a performance dialogue; specific expectations may be added per BerAKHLAK value.";
        "PermenPANRB 6/2022 Pasal 5";
    "berakhlak", "BerAKHLAK" =>
        "Nilai dasar ASN: Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif; menjadi perilaku kerja dalam SKP.",
        "The civil service's core values (service, accountable, competent, harmonious, loyal, adaptive, collaborative); the work behaviour of the SKP.";
        "SE MenPANRB 20/2021; PermenPANRB 6/2022";
    "umpan-balik", "Umpan balik" =>
        "Umpan balik berkelanjutan dari atasan atas realisasi dan perilaku, sepanjang tahun.",
        "Continuous feedback from the superior on results and behaviour, all year round.";
        "PermenPANRB 6/2022 Pasal 5";
    "kuadran", "Kuadran kinerja" =>
        "Matriks 3×3 rating hasil kerja × rating perilaku kerja (di bawah, sesuai, di atas ekspektasi) yang menghasilkan predikat, tanpa bobot angka.",
        "The 3×3 matrix of work-results rating × work-behaviour rating (below, as, above expectations) that gives the predikat, with no numeric weights.";
        "PermenPANRB 6/2022";
    "predikat", "Predikat" =>
        "Hasil evaluasi kinerja pegawai: Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang.",
        "The employee's evaluation result: very good, good, needs improvement, poor/misconduct, very poor.";
        "PermenPANRB 6/2022";
    "predikat-organisasi", "Predikat organisasi" =>
        "Capaian kinerja unit (Istimewa, Baik, Butuh Perbaikan, Kurang, Sangat Kurang) yang menentukan pola distribusi predikat pegawainya.",
        "The unit's performance (outstanding to very poor) that sets the distribution pattern of its staff's predikat.";
        "SE MenPANRB 3/2023";
    "keberatan", "Keberatan" =>
        "Pengajuan pegawai yang tidak sependapat dengan hasil evaluasi, kepada atasan PPKin, paling lama 14 hari sejak hasil diterima.",
        "An employee's objection to the evaluation result, to the assessor's superior, within 14 days of receiving it.";
        "PP 30/2019 Pasal 59";
    "jp", "JP" =>
        "Jam Pelajaran (45 menit) pengembangan kompetensi; setiap PNS paling sedikit 20 JP setahun.",
        "Jam Pelajaran, a 45-minute lesson hour of competency development; every civil servant at least 20 a year.";
        "PP 11/2017 jo PP 17/2020; Peraturan LAN 5/2018";
}

/// The term with anchor `id`.
pub fn cari(id: &str) -> Option<&'static Istilah> {
    SEMUA.iter().find(|i| i.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_is_complete_and_unique() {
        for (n, i) in SEMUA.iter().enumerate() {
            assert!(!i.arti_id.is_empty() && !i.arti_en.is_empty() && !i.dasar.is_empty());
            assert!(
                i.id.bytes().all(|c| c.is_ascii_lowercase() || c == b'-'),
                "{}",
                i.id
            );
            assert_eq!(SEMUA.iter().position(|j| j.id == i.id), Some(n), "{}", i.id);
        }
        assert!(cari("rhk").is_some());
    }
}
