//! Interface text of the guides (`/panduan`) and the glossary (`/glosarium`). Its own
//! enum so that the guides' sentences stay in the `panduan` bundle (the "?" and the term
//! tooltips on other screens carry their own few words).

use super::{Lang, use_i18n};

macro_rules! panduan_keys {
    ($($key:ident => $id:literal, $en:literal;)*) => {
        /// A piece of the guides' text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum GKey { $($key),* }

        impl GKey {
            pub const ALL: &'static [GKey] = &[$(GKey::$key),*];

            pub fn pair(self) -> (&'static str, &'static str) {
                match self { $(GKey::$key => ($id, $en)),* }
            }
        }
    };
}

panduan_keys! {
    // `/panduan`
    Title => "Panduan", "Guides";
    Intro => "Langkah singkat untuk pekerjaan di Kinerja, menurut peran Anda. Cari dengan kata apa pun dalam Bahasa Indonesia atau Inggris.", "Short steps for the work done in Kinerja, by role. Search with any word, in Indonesian or English.";
    Search => "Cari panduan", "Search the guides";
    SearchButton => "Cari", "Search";
    Role => "Peran", "Role";
    AllRoles => "Semua peran", "All roles";
    RolePegawai => "Pegawai", "Employee";
    RolePpkin => "Pejabat penilai (PPKin)", "Assessor (PPKin)";
    RoleAdmin => "Admin kepegawaian", "HR office";
    Screen => "Layar: {layar}", "Screen: {layar}";
    ShowAll => "Tampilkan semua panduan", "Show all guides";
    Empty => "Tidak ada panduan yang cocok.", "No guide matches.";
    Loading => "Memuat…", "Loading…";
    Found => "{n} panduan", "{n} guides";
    GlossaryLink => "Glosarium istilah", "Glossary of terms";
    New => "Panduan baru", "New guide";
    // `/panduan/{slug}`
    Back => "Semua panduan", "All guides";
    Edit => "Ubah panduan", "Edit the guide";
    ForRole => "Untuk: {peran}", "For: {peran}";
    Updated => "Diperbarui {tanggal}", "Updated {tanggal}";
    BuiltIn => "Bawaan", "Built-in";
    // Editor
    EditTitle => "Ubah panduan", "Edit a guide";
    NewTitle => "Panduan baru", "New guide";
    EditIntro => "Tulis dalam Markdown sederhana: judul (##), daftar bernomor, **tebal**, *miring*, tautan [teks](https://…) dan gambar ![keterangan](/alamat.png). HTML tidak dijalankan: ditampilkan sebagai teks.", "Write in simple Markdown: headings (##), numbered lists, **bold**, *italic*, links [text](https://…) and images ![description](/address.png). HTML is not run: it shows as text.";
    Slug => "Slug (alamat)", "Slug (address)";
    SlugHint => "Huruf kecil, angka dan '-', misalnya ganti-sandi.", "Lowercase letters, digits and '-', e.g. change-password.";
    Screens => "Layar yang dijelaskan", "Screens it explains";
    ScreensHint => "Dipisah koma, misalnya skp, realisasi.", "Comma-separated, e.g. skp, realisasi.";
    Order => "Urutan", "Order";
    TitleId => "Judul (Bahasa Indonesia)", "Title (Indonesian)";
    TitleEn => "Judul (Inggris)", "Title (English)";
    TextId => "Isi (Bahasa Indonesia, Markdown)", "Text (Indonesian, Markdown)";
    TextEn => "Isi (Inggris, Markdown)", "Text (English, Markdown)";
    Save => "Simpan", "Save";
    Saving => "Menyimpan…", "Saving…";
    Saved => "Panduan tersimpan.", "The guide was saved.";
    Cancel => "Batal", "Cancel";
    Delete => "Hapus", "Delete";
    DeleteConfirm => "Hapus panduan ini?", "Delete this guide?";
    Preview => "Pratinjau", "Preview";
    PreviewHint => "Pratinjau dari server muncul setelah disimpan.", "The server's preview shows after saving.";
    // `/glosarium`
    GlossaryTitle => "Glosarium", "Glossary";
    GlossaryIntro => "Istilah manajemen kinerja ASN yang muncul di layar Kinerja, dengan dasar aturannya.", "Terms of civil-service performance management that appear on Kinerja's screens, with their legal basis.";
    Source => "Dasar", "Source";
    GuidesLink => "Panduan", "Guides";
}

/// The text of `key` in `lang`.
pub fn gtext(lang: Lang, key: GKey) -> &'static str {
    let (id, en) = key.pair();
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// A reactive text for views: `{tg(GKey::Title)}`.
pub fn tg(key: GKey) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || gtext(i18n.lang(), key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_guide_key_has_both_languages() {
        for key in GKey::ALL {
            let (id, en) = key.pair();
            assert!(!id.trim().is_empty() && !en.trim().is_empty(), "{key:?}");
            let count = |s: &str| s.matches('{').count();
            assert_eq!(count(id), count(en), "{key:?} placeholders differ");
        }
    }
}
