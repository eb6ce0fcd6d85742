//! Interface text of the recaps and exports (`/dasbor/rekap`, the `pantau` bundle). A separate
//! enum from [`super::Key`] so that these sentences are linked into that bundle only.

use kinerja_api::rekap::AlasanTidakSiap;

use super::{Lang, use_i18n};

macro_rules! rekap_keys {
    ($($key:ident => $id:literal, $en:literal;)*) => {
        /// A piece of the recaps' text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum RKey { $($key),* }

        impl RKey {
            pub const ALL: &'static [RKey] = &[$(RKey::$key),*];

            pub fn pair(self) -> (&'static str, &'static str) {
                match self { $(RKey::$key => ($id, $en)),* }
            }
        }
    };
}

rekap_keys! {
    Title => "Rekap & ekspor", "Recaps & exports";
    Intro => "Rekap yang dikirim BKPSDM ke atas, untuk unit ini dan unit di bawahnya. Tabel di bawah menunjukkan isi berkas yang akan diunduh.", "The recaps the HR office sends upward, for this unit and the units below it. The table below shows what the file will hold.";
    Link => "Rekap & ekspor", "Recaps & exports";
    Back => "Kembali ke dasbor", "Back to the dashboard";
    Loading => "Memuat…", "Loading…";
    Kind => "Jenis rekap", "Recap";
    KindSkp => "Rekap SKP", "SKP recap";
    KindEvaluasi => "Rekap evaluasi", "Evaluation recap";
    KindAngkaKredit => "Rekap angka kredit", "Angka kredit recap";
    KindSiasn => "Ekspor SIASN / e-Kinerja", "SIASN / e-Kinerja export";
    SubPeriod => "Periode penilaian", "Evaluation period";
    Annual => "Tahunan", "Annual";
    Header => "{instansi} · {unit} · tahun {tahun} · dicetak {hari}", "{instansi} · {unit} · year {tahun} · printed {hari}";
    Rows => "{n} baris", "{n} rows";
    Empty => "Tidak ada baris untuk pilihan ini.", "No rows for this choice.";
    DownloadXlsx => "Unduh XLSX", "Download XLSX";
    DownloadCsv => "Unduh CSV", "Download CSV";
    DownloadJson => "Unduh JSON", "Download JSON";
    Downloading => "Mengunduh… {ukuran}", "Downloading… {ukuran}";
    Downloaded => "Selesai: {ukuran}", "Done: {ukuran}";
    No => "No", "No";
    Nip => "NIP", "NIP";
    Name => "Nama", "Name";
    Position => "Jabatan", "Position";
    Unit => "Unit kerja", "Unit";
    SkpStatus => "Status SKP", "SKP status";
    NotStarted => "Belum dibuat", "Not started";
    Version => "Versi", "Version";
    Submitted => "Diajukan", "Submitted";
    Approved => "Disetujui", "Approved";
    Ppkin => "Pejabat penilai", "Assessing official";
    RatingHasil => "Rating hasil kerja", "Work result rating";
    RatingPerilaku => "Rating perilaku kerja", "Work behaviour rating";
    Predikat => "Predikat", "Predikat";
    NotSet => "Belum ditetapkan", "Not set";
    PerUnit => "Predikat per unit", "Predikat per unit";
    People => "Pegawai", "Employees";
    NotRated => "Belum dinilai", "Not rated";
    OwnStaff => "{unit} (pegawai langsung)", "{unit} (its own staff)";
    PatternOk => "Distribusi {unit} sesuai pola predikat organisasi.", "The distribution of {unit} fits the organisation predikat's pattern.";
    PatternBroken => "Distribusi {unit} belum sesuai pola predikat organisasi ({n} aturan).", "The distribution of {unit} does not fit the organisation predikat's pattern yet ({n} rules).";
    PatternNone => "Predikat organisasi belum ditetapkan untuk periode ini: distribusi tidak diperiksa.", "No organisation predikat for this sub-period: the distribution is not checked.";
    Jenjang => "Jenjang", "Level";
    Koefisien => "Koefisien", "Coefficient";
    AnnualPredikat => "Predikat tahunan", "Annual predikat";
    Months => "Bulan", "Months";
    AngkaKredit => "Angka kredit", "Credit points";
    Version2 => "Tata letak {versi}", "Layout {versi}";
    Ready => "{siap} dari {n} pegawai siap diekspor.", "{siap} of {n} employees are ready for export.";
    NotReady => "Belum dapat diekspor", "Cannot be exported yet";
    Reasons => "Alasan", "Reasons";
    AllReady => "Semua pegawai siap diekspor.", "Every employee is ready for export.";
    HrOnly => "Ekspor nasional hanya untuk BKPSDM.", "The national export is for the HR office only.";
}

/// The text of `key` in `lang`.
pub fn rtext(lang: Lang, key: RKey) -> &'static str {
    let (id, en) = key.pair();
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// A reactive text for views: `{tr(RKey::Title)}`.
pub fn tr(key: RKey) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || rtext(i18n.lang(), key)
}

/// Why an employee cannot be exported yet.
pub fn alasan(lang: Lang, a: AlasanTidakSiap) -> &'static str {
    let (id, en) = match a {
        AlasanTidakSiap::SkpBelumDisetujui => ("SKP belum disetujui", "No approved SKP"),
        AlasanTidakSiap::EvaluasiTahunanBelum => (
            "Evaluasi tahunan belum ditetapkan",
            "Annual evaluation not set",
        ),
        AlasanTidakSiap::NilaiTidakLengkap => (
            "Rating atau predikat belum lengkap",
            "Ratings or predikat incomplete",
        ),
        AlasanTidakSiap::PpkinTidakDiketahui => (
            "Pejabat penilai tidak diketahui",
            "Assessing official unknown",
        ),
        AlasanTidakSiap::KeberatanTerbuka => {
            ("Keberatan belum diputus", "Objection not decided yet")
        }
    };
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_recap_key_has_both_languages() {
        for key in RKey::ALL {
            let (id, en) = key.pair();
            assert!(!id.trim().is_empty() && !en.trim().is_empty(), "{key:?}");
            let count = |s: &str| s.matches('{').count();
            assert_eq!(count(id), count(en), "{key:?} placeholders differ");
        }
        for a in AlasanTidakSiap::ALL {
            assert_ne!(alasan(Lang::Id, *a), alasan(Lang::En, *a));
        }
    }
}
