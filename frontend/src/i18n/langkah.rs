//! Interface text of the first steps on the home page (the main bundle only).

use kinerja_api::beranda::LangkahAwal;

use super::{Lang, use_i18n};

macro_rules! langkah_keys {
    ($($key:ident => $id:literal, $en:literal;)*) => {
        /// A piece of the first steps' text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum LKey { $($key),* }

        impl LKey {
            pub const ALL: &'static [LKey] = &[$(LKey::$key),*];

            pub fn pair(self) -> (&'static str, &'static str) {
                match self { $(LKey::$key => ($id, $en)),* }
            }
        }
    };
}

langkah_keys! {
    Title => "Langkah pertama", "First steps";
    Intro => "Beberapa hal yang perlu Anda lakukan lebih dulu. Tanda centang muncul sendiri begitu langkahnya selesai.", "A few things to do first. Each is ticked by itself once it is done.";
    Progress => "{n} dari {total} langkah selesai", "{n} of {total} steps done";
    Done => "Selesai", "Done";
    Todo => "Belum", "Not yet";
    GantiSandi => "Ganti kata sandi dari BKPSDM dengan kata sandi Anda sendiri", "Replace the HR office's password with your own";
    PeriksaData => "Periksa data diri dan atasan Anda di halaman Profil", "Check your data and superiors on your profile";
    DataBenar => "Data saya sudah benar", "My data are right";
    MulaiSkp => "Susun SKP tahun ini", "Draft this year's SKP";
    AjukanSkp => "Ajukan SKP kepada pejabat penilai kinerja", "Submit your SKP to your rater";
    IsiRealisasi => "Isi realisasi pertama Anda", "Enter your first realisasi";
    SetujuiSkpTim => "Setujui SKP anggota tim Anda", "Approve a team member's SKP";
    BukaPeriode => "Buka periode penilaian tahun ini", "Open this year's performance period";
    ImporPegawai => "Impor data pegawai", "Import the staff";
    Panduan => "Belum tahu caranya? Baca panduan untuk peran Anda", "Not sure how? Read the guides for your role";
    Dismiss => "Sembunyikan daftar ini", "Hide this list";
}

impl LKey {
    pub fn of(l: LangkahAwal) -> LKey {
        match l {
            LangkahAwal::GantiSandi => LKey::GantiSandi,
            LangkahAwal::PeriksaData => LKey::PeriksaData,
            LangkahAwal::MulaiSkp => LKey::MulaiSkp,
            LangkahAwal::AjukanSkp => LKey::AjukanSkp,
            LangkahAwal::IsiRealisasi => LKey::IsiRealisasi,
            LangkahAwal::SetujuiSkpTim => LKey::SetujuiSkpTim,
            LangkahAwal::BukaPeriode => LKey::BukaPeriode,
            LangkahAwal::ImporPegawai => LKey::ImporPegawai,
        }
    }
}

/// The text of `key` in `lang`.
pub fn ltext(lang: Lang, key: LKey) -> &'static str {
    let (id, en) = key.pair();
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// A reactive text for views.
pub fn tl(key: LKey) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || ltext(i18n.lang(), key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_first_step_key_has_both_languages() {
        for key in LKey::ALL {
            let (id, en) = key.pair();
            assert!(!id.trim().is_empty() && !en.trim().is_empty(), "{key:?}");
            let count = |s: &str| s.matches('{').count();
            assert_eq!(count(id), count(en), "{key:?} placeholders differ");
        }
    }
}
