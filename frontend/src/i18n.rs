//! Interface text in Bahasa Indonesia (the default) and English.
//!
//! Hand-written rather than `leptos_i18n`: the app has about a hundred short strings, a `Key` enum
//! with one `match` keeps the wasm small (no per-locale JSON, no build script, no ICU), and the
//! `keys!` table below makes a missing translation a compile error. Every visible string goes
//! through [`I18n::t`] (or [`tr`] in views); messages that come from the contract crate or the
//! server (Indonesian) are translated with [`I18n::message`].
//!
//! The choice is remembered in `localStorage` (it is not a secret) and mirrored in `<html lang>`.

use leptos::prelude::*;

const STORAGE_KEY: &str = "kinerja.bahasa";

/// A supported interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Bahasa Indonesia.
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The BCP 47 tag for `<html lang>` and `Intl` formatting.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// The short label on the language switch.
    pub fn short(self) -> &'static str {
        match self {
            Lang::Id => "ID",
            Lang::En => "EN",
        }
    }

    pub fn parse(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.tag() == tag)
    }
}

/// Defines `Key`, `Key::ALL` and the (Indonesian, English) pair of every key. A key without
/// both texts does not compile.
macro_rules! keys {
    ($($key:ident => $id:literal, $en:literal;)*) => {
        /// A piece of interface text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Key { $($key),* }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key),*];

            fn pair(self) -> (&'static str, &'static str) {
                match self { $(Key::$key => ($id, $en)),* }
            }
        }
    };
}

keys! {
    AppName => "Kinerja", "Kinerja";
    AppTagline => "Sistem Manajemen Kinerja ASN", "Civil Service Performance Management";
    Loading => "Memuat…", "Loading…";
    RestoringSession => "Memulihkan sesi…", "Restoring your session…";
    SkipToContent => "Lewati ke konten utama", "Skip to main content";
    Language => "Bahasa", "Language";
    LanguageName => "Bahasa Indonesia", "English";
    SwitchToOther => "Ganti ke Bahasa Inggris", "Switch to Bahasa Indonesia";
    // Navigation and shell
    MainNavigation => "Navigasi utama", "Main navigation";
    Menu => "Menu", "Menu";
    NavHome => "Beranda", "Home";
    NavProfile => "Profil", "Profile";
    NavUsers => "Pengguna", "Users";
    NavAudit => "Audit", "Audit";
    SignOut => "Keluar", "Sign out";
    SigningOut => "Sedang keluar…", "Signing out…";
    SignedInAs => "Masuk sebagai", "Signed in as";
    // Login
    LoginTitle => "Masuk", "Sign in";
    LoginIntro => "Masuk dengan NIP atau nama pengguna Anda.", "Sign in with your NIP or username.";
    Username => "NIP / Nama pengguna", "NIP / Username";
    Password => "Kata sandi", "Password";
    ShowPassword => "Tampilkan kata sandi", "Show password";
    SignIn => "Masuk", "Sign in";
    SigningIn => "Memproses…", "Signing in…";
    WrongCredentials => "Nama pengguna atau kata sandi salah. Periksa kembali lalu coba lagi.",
        "Wrong username or password. Check them and try again.";
    Throttled => "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {n} menit.",
        "Too many failed sign-in attempts. Try again in {n} minutes.";
    ThrottledLater => "Terlalu banyak percobaan masuk yang gagal. Coba lagi nanti.",
        "Too many failed sign-in attempts. Try again later.";
    SessionExpired => "Sesi Anda telah berakhir. Silakan masuk kembali.",
        "Your session has ended. Please sign in again.";
    SignedOut => "Anda telah keluar.", "You have signed out.";
    LoginFootnote => "Lupa kata sandi? Hubungi admin kepegawaian (BKPSDM) instansi Anda.",
        "Forgot your password? Contact your agency's HR administrator (BKPSDM).";
    // Home
    HomeTitle => "Beranda", "Home";
    Welcome => "Selamat datang, {name}", "Welcome, {name}";
    WelcomeIntro => "Ringkasan akun Anda dan hal yang dapat Anda lakukan di Kinerja.",
        "A summary of your account and what you can do in Kinerja.";
    AccountSummary => "Akun Anda", "Your account";
    FullName => "Nama lengkap", "Full name";
    Email => "Email", "Email";
    NoEmail => "Belum diisi", "Not set";
    Roles => "Peran", "Roles";
    Capabilities => "Yang dapat Anda lakukan", "What you can do";
    NoCapabilities => "Akun Anda belum memiliki hak akses.", "Your account has no permissions yet.";
    Open => "Buka", "Open";
    // Roles
    RolePegawai => "Pegawai", "Employee";
    RoleAdmin => "Admin kepegawaian", "HR administrator";
    RolePimpinan => "Pimpinan", "Head of unit";
    RoleAuditor => "Auditor", "Auditor";
    RoleSuperadmin => "Superadmin", "Superadmin";
    // Permissions
    PermOwnProfile => "Mengelola profil dan kata sandi sendiri", "Manage your own profile and password";
    PermOwnProfileDesc => "Melihat data akun dan mengganti kata sandi.",
        "View your account and change your password.";
    PermManageUsers => "Mengelola akun pengguna", "Manage user accounts";
    PermManageUsersDesc => "Membuat akun, mengubah peran, dan menonaktifkan pengguna.",
        "Create accounts, change roles and deactivate users.";
    PermGrantAdmin => "Memberikan peran admin", "Grant administrator roles";
    PermGrantAdminDesc => "Memberikan atau mencabut peran admin dan superadmin.",
        "Grant or revoke the admin and superadmin roles.";
    PermReadAudit => "Membaca jejak audit", "Read the audit trail";
    PermReadAuditDesc => "Melihat catatan perubahan dan peristiwa keamanan.",
        "View recorded changes and security events.";
    PermUnitDashboards => "Melihat dasbor kinerja unit", "View unit performance dashboards";
    PermUnitDashboardsDesc => "Memantau capaian kinerja unit yang Anda pimpin.",
        "Follow the performance of the units you lead.";
    PermManageOrganisation => "Mengelola organisasi", "Manage the organisation";
    PermManageOrganisationDesc => "Membuat dan mengubah unit kerja, jabatan, dan data pegawai.",
        "Create and change units, positions and employees.";
    PermReadAllEmployees => "Melihat data seluruh pegawai", "View every employee's record";
    PermReadAllEmployeesDesc => "Membaca data lengkap setiap pegawai, bukan hanya direktori.",
        "Read the full record of every employee, not only the directory.";
    // Profile
    ProfileTitle => "Profil", "Profile";
    ProfileIntro => "Data akun Anda dan penggantian kata sandi.",
        "Your account details and password change.";
    PasswordChangedAt => "Kata sandi terakhir diganti", "Password last changed";
    ChangePassword => "Ganti kata sandi", "Change password";
    ChangePasswordIntro => "Kata sandi baru minimal 10 karakter dan tidak boleh sama dengan NIP atau nama pengguna. Sesi di perangkat lain akan diakhiri.",
        "The new password needs at least 10 characters and must differ from your NIP or username. Sessions on other devices will be signed out.";
    CurrentPassword => "Kata sandi saat ini", "Current password";
    NewPassword => "Kata sandi baru", "New password";
    ConfirmPassword => "Ulangi kata sandi baru", "Repeat the new password";
    ConfirmMismatch => "Ulangan kata sandi baru tidak sama.", "The repeated password does not match.";
    SavePassword => "Simpan kata sandi", "Save password";
    Saving => "Menyimpan…", "Saving…";
    PasswordChanged => "Kata sandi berhasil diganti.", "Your password has been changed.";
    // Lists
    UsersTitle => "Pengguna", "Users";
    UsersIntro => "Akun yang terdaftar di instansi.", "Accounts registered in the agency.";
    AuditTitle => "Jejak audit", "Audit trail";
    AuditIntro => "Catatan perubahan dan peristiwa keamanan, terbaru lebih dulu.",
        "Recorded changes and security events, newest first.";
    Status => "Status", "Status";
    Active => "Aktif", "Active";
    Inactive => "Nonaktif", "Inactive";
    LastLogin => "Terakhir masuk", "Last sign-in";
    Never => "Belum pernah", "Never";
    Time => "Waktu", "Time";
    Action => "Tindakan", "Action";
    Entity => "Objek", "Object";
    Sequence => "No.", "No.";
    Empty => "Belum ada data.", "Nothing here yet.";
    PageOf => "Halaman {page} dari {pages} ({total} data)", "Page {page} of {pages} ({total} items)";
    Previous => "Sebelumnya", "Previous";
    Next => "Berikutnya", "Next";
    Pagination => "Navigasi halaman", "Pagination";
    NoAccess => "Anda tidak memiliki hak untuk membuka halaman ini.",
        "You do not have permission to open this page.";
    // Not found
    NotFoundTitle => "Halaman tidak ditemukan", "Page not found";
    NotFoundText => "Alamat yang Anda buka tidak ada atau sudah dipindahkan.",
        "The address you opened does not exist or has moved.";
    BackHome => "Kembali ke beranda", "Back to home";
    // Errors
    ErrorTitle => "Terjadi kesalahan", "Something went wrong";
    Retry => "Coba lagi", "Try again";
    FormHasErrors => "Periksa kembali isian yang ditandai.", "Please check the highlighted fields.";
    ErrNetwork => "Tidak dapat terhubung ke server. Periksa koneksi lalu coba lagi.",
        "Cannot reach the server. Check your connection and try again.";
    ErrDecode => "Jawaban server tidak dapat dibaca. Muat ulang halaman.",
        "The server's answer could not be read. Reload the page.";
    ErrUnauthorized => "Anda belum masuk atau sesi telah berakhir.",
        "You are not signed in or your session has ended.";
    ErrForbidden => "Anda tidak memiliki hak untuk tindakan ini.",
        "You are not allowed to do this.";
    ErrNotFound => "Data tidak ditemukan.", "Not found.";
    ErrConflict => "Data bertentangan dengan perubahan lain. Muat ulang lalu coba lagi.",
        "This conflicts with another change. Reload and try again.";
    ErrInvalidRequest => "Permintaan tidak valid.", "The request is invalid.";
    ErrUnavailable => "Layanan sedang tidak tersedia. Silakan coba lagi nanti.",
        "The service is unavailable. Please try again later.";
    ErrInternal => "Terjadi kesalahan pada server. Silakan coba lagi atau hubungi admin.",
        "The server had a problem. Try again or contact the administrator.";
}

/// Indonesian messages from the contract crate's validator rules and the server, with their
/// English versions. Unknown messages are shown as they are.
const MESSAGES_EN: &[(&str, &str)] = &[
    (
        "Nama pengguna wajib diisi (maksimal 64 karakter).",
        "Username is required (at most 64 characters).",
    ),
    (
        "Kata sandi wajib diisi (maksimal 128 karakter).",
        "Password is required (at most 128 characters).",
    ),
    ("Wajib diisi.", "Required."),
    (
        "Kata sandi saat ini wajib diisi.",
        "Enter your current password.",
    ),
    (
        "Kata sandi baru minimal 10 dan maksimal 128 karakter.",
        "The new password needs 10 to 128 characters.",
    ),
    (
        "Kata sandi saat ini salah.",
        "The current password is wrong.",
    ),
    (
        "Kata sandi tidak boleh sama dengan nama pengguna atau NIP.",
        "The password must not be your username or NIP.",
    ),
    (
        "Akun tidak aktif. Hubungi admin kepegawaian.",
        "This account is inactive. Contact the HR administrator.",
    ),
    (
        "Sesi tidak ditemukan. Silakan masuk kembali.",
        "No session found. Please sign in again.",
    ),
    (
        "Periksa kembali isian yang ditandai.",
        "Please check the highlighted fields.",
    ),
];

/// The text of `key` in `lang`.
pub fn text(lang: Lang, key: Key) -> &'static str {
    let (id, en) = key.pair();
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// A message from the contract, the server or this table (Indonesian) in `lang`.
pub fn message(lang: Lang, indonesian: &str) -> String {
    match lang {
        Lang::Id => indonesian.to_owned(),
        Lang::En => MESSAGES_EN
            .iter()
            .copied()
            .chain(Key::ALL.iter().map(|k| k.pair()))
            .find(|(id, _)| *id == indonesian)
            .map_or_else(|| indonesian.to_owned(), |(_, en)| en.to_owned()),
    }
}

/// Replaces `{name}` placeholders.
pub fn fill(template: &str, params: &[(&str, &str)]) -> String {
    params
        .iter()
        .fold(template.to_owned(), |acc, (name, value)| {
            acc.replace(&format!("{{{name}}}"), value)
        })
}

/// The language context: read it with [`use_i18n`].
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// The current language (tracked).
    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    pub fn set_lang(self, lang: Lang) {
        self.lang.set(lang);
    }

    /// The text of `key` in the current language (tracked).
    pub fn t(self, key: Key) -> &'static str {
        text(self.lang.get(), key)
    }

    /// A contract or server message in the current language (tracked).
    pub fn message(self, indonesian: &str) -> String {
        message(self.lang.get(), indonesian)
    }
}

/// Creates the language context from the remembered choice and keeps `<html lang>` and
/// `localStorage` in step with it.
pub fn provide_i18n() -> I18n {
    let initial = storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|tag| Lang::parse(&tag))
        .unwrap_or_default();
    let i18n = I18n {
        lang: RwSignal::new(initial),
    };
    Effect::new(move |_| {
        let lang = i18n.lang.get();
        if let Some(root) = document().document_element() {
            // Failing to set an attribute leaves the previous language; nothing to recover.
            let _ = root.set_attribute("lang", lang.tag());
        }
        if let Some(storage) = storage() {
            // Private browsing may refuse storage; the choice then lasts for this page only.
            let _ = storage.set_item(STORAGE_KEY, lang.tag());
        }
    });
    provide_context(i18n);
    i18n
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The language context provided by the app root.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// A reactive text for views: `{tr(Key::SignIn)}`, `aria-label=tr(Key::Menu)`.
pub fn tr(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.t(key)
}

/// Keeps `document.title` as "<page> · Kinerja" in the current language.
pub fn use_title(key: Key) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        document().set_title(&format!("{} · {}", i18n.t(key), i18n.t(Key::AppName)));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<&str> {
        let mut found: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn every_key_has_both_languages_with_the_same_placeholders() {
        for key in Key::ALL {
            let (id, en) = (text(Lang::Id, *key), text(Lang::En, *key));
            assert!(!id.trim().is_empty(), "{key:?} has no Indonesian text");
            assert!(!en.trim().is_empty(), "{key:?} has no English text");
            assert_eq!(
                placeholders(id),
                placeholders(en),
                "{key:?} placeholders differ"
            );
        }
    }

    #[test]
    fn contract_messages_are_translated() {
        assert_eq!(
            message(Lang::En, "Kata sandi saat ini salah."),
            "The current password is wrong."
        );
        assert_eq!(
            message(Lang::Id, "Kata sandi saat ini salah."),
            "Kata sandi saat ini salah."
        );
        assert_eq!(message(Lang::En, "Pesan baru"), "Pesan baru");
        assert_eq!(
            message(Lang::En, text(Lang::Id, Key::ConfirmMismatch)),
            text(Lang::En, Key::ConfirmMismatch)
        );
        for (id, en) in MESSAGES_EN {
            assert!(!id.is_empty() && !en.is_empty());
        }
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill(text(Lang::Id, Key::Throttled), &[("n", "3")]),
            "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 3 menit."
        );
    }

    #[test]
    fn languages_round_trip_through_their_tags() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::parse("fr"), None);
    }
}
