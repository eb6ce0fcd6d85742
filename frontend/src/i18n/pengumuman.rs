//! Interface text of announcements: the banner (every bundle) and `/pengumuman` (the main
//! bundle). Its own enum so that the sentences of the management page stay small.

use super::{Lang, use_i18n};

macro_rules! pengumuman_keys {
    ($($key:ident => $id:literal, $en:literal;)*) => {
        /// A piece of the announcements' text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum AKey { $($key),* }

        impl AKey {
            pub const ALL: &'static [AKey] = &[$(AKey::$key),*];

            pub fn pair(self) -> (&'static str, &'static str) {
                match self { $(AKey::$key => ($id, $en)),* }
            }
        }
    };
}

pengumuman_keys! {
    Banner => "Pengumuman", "Announcements";
    From => "Dari {nama} · berlaku sampai {tanggal}", "From {nama} · until {tanggal}";
    MarkRead => "Tandai sudah dibaca", "Mark as read";
    More => "Selengkapnya", "Read more";
    Less => "Ringkas", "Show less";
    Title => "Pengumuman", "Announcements";
    Intro => "Umumkan tenggat, pelatihan dan perubahan kepada pegawai di dalam aplikasi. Pengumuman tampil sebagai spanduk pada hari-hari berlakunya sampai pembacanya menandainya sudah dibaca.", "Announce deadlines, training and changes to staff inside the application. An announcement shows as a banner on its days until its reader marks it read.";
    New => "Pengumuman baru", "New announcement";
    Edit => "Ubah pengumuman", "Edit announcement";
    Judul => "Judul", "Title";
    Isi => "Isi", "Text";
    Sasaran => "Ditujukan kepada", "Addressed to";
    SasaranSemua => "Seluruh pegawai instansi", "Everyone in the agency";
    SasaranUnit => "Satu unit beserta unit di bawahnya", "A unit and the units below it";
    SasaranPeran => "Pemegang peran tertentu", "Holders of a role";
    Unit => "Unit", "Unit";
    ChooseUnit => "— pilih unit —", "— choose a unit —";
    Peran => "Peran", "Role";
    ChooseRole => "— pilih peran —", "— choose a role —";
    Mulai => "Tampil mulai", "Shows from";
    Selesai => "Tampil sampai", "Shows until";
    Publish => "Umumkan", "Publish";
    Save => "Simpan", "Save";
    Saving => "Menyimpan…", "Saving…";
    Cancel => "Batal", "Cancel";
    Loading => "Memuat…", "Loading…";
    Empty => "Belum ada pengumuman.", "No announcements yet.";
    ReadOf => "Dibaca {r} dari {n} akun", "Read by {r} of {n} accounts";
    Readers => "Pembaca", "Readers";
    NoReaders => "Belum ada yang membaca.", "Nobody has read it yet.";
    Withdraw => "Tarik", "Withdraw";
    WithdrawConfirm => "Tarik pengumuman ini? Pengumuman tidak akan tampil lagi bagi siapa pun.", "Withdraw this announcement? It will no longer show to anyone.";
    Showing => "Sedang tampil", "Showing";
    Upcoming => "Akan tampil", "Upcoming";
    Ended => "Selesai tampil", "Ended";
    Days => "{mulai} – {selesai}", "{mulai} – {selesai}";
    Name => "Nama", "Name";
    ReadAt => "Dibaca", "Read";
    Published => "Pengumuman diterbitkan.", "The announcement is published.";
    Saved => "Perubahan disimpan.", "Changes saved.";
    Previous => "Sebelumnya", "Previous";
    Next => "Berikutnya", "Next";
    PageOf => "Halaman {p} dari {n}", "Page {p} of {n}";
    Nav => "Pengumuman", "Announcements";
}

/// The text of `key` in `lang`.
pub fn atext(lang: Lang, key: AKey) -> &'static str {
    let (id, en) = key.pair();
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// A reactive text for views: `{ta(AKey::Title)}`.
pub fn ta(key: AKey) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || atext(i18n.lang(), key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_announcement_key_has_both_languages() {
        for key in AKey::ALL {
            let (id, en) = key.pair();
            assert!(!id.trim().is_empty() && !en.trim().is_empty(), "{key:?}");
            let count = |s: &str| s.matches('{').count();
            assert_eq!(count(id), count(en), "{key:?} placeholders differ");
        }
    }
}
