//! The message catalogue: every sentence the server shows a user, as a stable code with named
//! parameters and its text in Bahasa Indonesia and English.
//!
//! The server sends a [`Message`] (code + parameters) next to the Indonesian text it renders
//! from the same entry, so API clients keep reading Indonesian while the SPA renders the code in
//! the reader's language. The `pesan!` table below makes an entry without both texts a compile
//! error; a test checks that both texts use the same placeholders.
//!
//! Parameters are plain strings. A parameter named `pilihan` is a list of enum values joined
//! by `|`; it is rendered in the reader's language ("l atau p", "l or p") with the values as
//! users write them. A date is sent as `YYYY-MM-DD` and written out in the reader's language
//! ("1 Desember 2026", "1 December 2026"). A `benda` (what was not found) is one of the
//! nouns in [`BENDA`], translated with it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A language the catalogue is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Bahasa {
    /// Bahasa Indonesia, the API's language.
    #[default]
    Id,
    /// English.
    En,
}

/// A coded message on the wire: the catalogue code and its parameters.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "code": "nilai_tidak_dikenal",
    "params": {"nilai": "x", "pilihan": "l|p"}
})))]
pub struct Message {
    /// Stable message code from the catalogue (snake_case, Indonesian words).
    pub code: String,
    /// Named parameters filling the text's `{placeholders}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, String>,
}

impl Message {
    /// The text of this message in `bahasa`, `None` for a code this build does not know (a
    /// newer server): the caller then shows the Indonesian text that came with it.
    pub fn render(&self, bahasa: Bahasa) -> Option<String> {
        let entry = entry(&self.code)?;
        Some(fill(entry.text(bahasa), &self.params, bahasa))
    }

    /// The Indonesian text, or the code itself for an unknown code.
    pub fn indonesian(&self) -> String {
        self.render(Bahasa::Id).unwrap_or_else(|| self.code.clone())
    }
}

impl From<Pesan> for Message {
    fn from(pesan: Pesan) -> Self {
        Message {
            code: pesan.code().to_owned(),
            params: pesan.params(),
        }
    }
}

/// One catalogue entry: its code and its two texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub code: &'static str,
    pub id: &'static str,
    pub en: &'static str,
}

impl Entry {
    pub fn text(&self, bahasa: Bahasa) -> &'static str {
        match bahasa {
            Bahasa::Id => self.id,
            Bahasa::En => self.en,
        }
    }
}

/// The catalogue entry of `code`.
pub fn entry(code: &str) -> Option<&'static Entry> {
    CATALOGUE.iter().find(|e| e.code == code)
}

/// The names of the `{placeholders}` in `text`.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// Fills `{name}` placeholders; a `pilihan` list is joined and a date written out in
/// `bahasa`.
fn fill(template: &str, params: &BTreeMap<String, String>, bahasa: Bahasa) -> String {
    params
        .iter()
        .fold(template.to_owned(), |acc, (name, value)| {
            let value = if name == "pilihan" {
                join_choices(value, bahasa)
            } else if name == "benda" && bahasa == Bahasa::En {
                noun_in_english(value)
            } else if let Some(date) = iso_date(value) {
                long_date(date, bahasa)
            } else {
                value.clone()
            };
            acc.replace(&format!("{{{name}}}"), &value)
        })
}

/// The things a request can name that may not exist, in Indonesian (as the server names them)
/// and English.
pub const BENDA: &[(&str, &str)] = &[
    ("Alamat", "Address"),
    ("Berkas", "File"),
    ("Bukti dukung", "Evidence"),
    ("Data", "Record"),
    ("Dokumen", "Document"),
    ("Evaluasi", "Evaluation"),
    ("Indikator", "Indicator"),
    ("Instansi", "Agency"),
    ("Jabatan", "Position"),
    ("Jenjang", "Level"),
    ("Keberatan", "Objection"),
    ("Klien API", "API client"),
    ("Lampiran", "Attachment"),
    ("Notifikasi", "Notification"),
    ("Pegawai", "Employee"),
    ("Pelatihan", "Training"),
    ("Pengguna", "User"),
    ("Periode", "Period"),
    ("Predikat kinerja organisasi", "Organisation rating"),
    ("Rencana perbaikan", "Improvement plan"),
    ("Respons survei", "Survey response"),
    ("SKP", "SKP"),
    ("Survei", "Survey"),
    ("Templat SKP", "SKP template"),
    ("Tindak lanjut", "Follow-up action"),
    ("Kompetensi", "Competency"),
    ("Kebutuhan pengembangan", "Development need"),
    ("Catatan pengembangan", "Development record"),
    ("Sertifikat", "Certificate"),
    ("Umpan balik", "Feedback"),
    ("Pengumuman", "Announcement"),
    ("Jeda pengingat", "Reminder silence"),
    ("Panduan", "Guide"),
    ("Rencana pengembangan", "Development plan"),
    ("Item rencana pengembangan", "Development plan item"),
    ("Unit", "Unit"),
    ("Potensi", "Potential"),
    ("Jabatan kritikal", "Key position"),
    ("Kandidat suksesi", "Succession candidate"),
    ("Pengaturan talenta", "Talent settings"),
    ("Kotak talenta", "Talent box"),
];

fn noun_in_english(benda: &str) -> String {
    BENDA
        .iter()
        .find(|(id, _)| *id == benda)
        .map_or(benda, |(_, en)| en)
        .to_owned()
}

fn iso_date(value: &str) -> Option<chrono::NaiveDate> {
    if value.len() != 10 {
        return None;
    }
    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}

/// Month names in Indonesian, January first.
pub const BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// "1 Desember 2026" or "1 December 2026".
fn long_date(date: chrono::NaiveDate, bahasa: Bahasa) -> String {
    use chrono::Datelike;
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let names = match bahasa {
        Bahasa::Id => BULAN,
        Bahasa::En => MONTHS,
    };
    format!(
        "{} {} {}",
        date.day(),
        names[date.month0() as usize],
        date.year()
    )
}

/// "a|b|c" as "a, b, atau c" (or "a, b or c").
fn join_choices(list: &str, bahasa: Bahasa) -> String {
    let items: Vec<&str> = list.split('|').filter(|s| !s.is_empty()).collect();
    let word = match bahasa {
        Bahasa::Id => "atau",
        Bahasa::En => "or",
    };
    match items.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} {word} {last}", init.join(", ")),
    }
}

/// Defines [`Pesan`] (one variant per code, its parameters as fields) and [`CATALOGUE`].
macro_rules! pesan {
    ($(
        $(#[$doc:meta])*
        $name:ident $({ $($param:ident),+ $(,)? })? = $code:literal
            => $id:literal, $en:literal;
    )*) => {
        /// A message the server shows a user, with its parameters. Convert it into a
        /// [`Message`] for the wire.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Pesan {
            $( $(#[$doc])* $name $({ $($param: String),+ })? ),*
        }

        impl Pesan {
            /// The stable code.
            pub fn code(&self) -> &'static str {
                match self {
                    $( Pesan::$name { .. } => $code ),*
                }
            }

            /// The parameters by name.
            pub fn params(&self) -> BTreeMap<String, String> {
                match self {
                    $( Pesan::$name $({ $($param),+ })? => {
                        let pairs: &[(&str, &String)] =
                            &[$($( (stringify!($param), $param) ),+)?];
                        pairs
                            .iter()
                            .map(|(k, v)| ((*k).to_owned(), (*v).clone()))
                            .collect()
                    } ),*
                }
            }

            /// The text in `bahasa`.
            pub fn text(&self, bahasa: Bahasa) -> String {
                Message::from(self.clone())
                    .render(bahasa)
                    .unwrap_or_default()
            }
        }

        /// Every entry, in declaration order.
        pub const CATALOGUE: &[Entry] = &[
            $( Entry { code: $code, id: $id, en: $en } ),*
        ];
    };
}

pesan! {
    // Request decoding (the server's extractors) and generic problems.
    WajibDiisi = "wajib_diisi" => "Wajib diisi.", "Required.";
    KolomTidakDikenal = "kolom_tidak_dikenal" => "Kolom tidak dikenal.", "Unknown field.";
    /// An enum value outside the contract; `pilihan` lists the values.
    NilaiTidakDikenal { nilai, pilihan } = "nilai_tidak_dikenal"
        => "Nilai '{nilai}' tidak dikenal; pilihan: {pilihan}.",
           "Value '{nilai}' is not recognised; choose {pilihan}.";
    TipeTeks = "tipe_teks" => "Tipe data tidak sesuai; diharapkan teks.",
        "Wrong type; text expected.";
    TipeBoolean = "tipe_boolean" => "Tipe data tidak sesuai; diharapkan true atau false.",
        "Wrong type; true or false expected.";
    TipeBilanganBulat = "tipe_bilangan_bulat"
        => "Tipe data tidak sesuai; diharapkan bilangan bulat.",
           "Wrong type; a whole number expected.";
    TipeBilangan = "tipe_bilangan" => "Tipe data tidak sesuai; diharapkan bilangan.",
        "Wrong type; a number expected.";
    TipeDaftar = "tipe_daftar" => "Tipe data tidak sesuai; diharapkan daftar (array).",
        "Wrong type; a list (array) expected.";
    TipeObjek = "tipe_objek" => "Tipe data tidak sesuai; diharapkan objek.",
        "Wrong type; an object expected.";
    TipeLain { diharapkan } = "tipe_lain" => "Tipe data tidak sesuai; diharapkan {diharapkan}.",
        "Wrong type; {diharapkan} expected.";
    HarusBilanganBulat = "harus_bilangan_bulat" => "Harus berupa bilangan bulat.",
        "Must be a whole number.";
    /// A value serde rejected for another reason; `alasan` is serde's own (English) words.
    NilaiTidakValid { alasan } = "nilai_tidak_valid" => "Nilai tidak valid: {alasan}",
        "Invalid value: {alasan}";
    BodyBukanObjek = "body_bukan_objek" => "Isi permintaan harus berupa objek JSON.",
        "The request body must be a JSON object.";
    PeriksaIsian = "periksa_isian" => "Periksa kembali isian yang ditandai.",
        "Please check the highlighted fields.";
    JsonTidakValid { alasan } = "json_tidak_valid"
        => "Isi permintaan bukan JSON yang valid: {alasan}",
           "The request body is not valid JSON: {alasan}";
    GagalMembacaIsi { alasan } = "gagal_membaca_isi"
        => "Gagal membaca isi permintaan: {alasan}", "The request body could not be read: {alasan}";
    ParameterAlamatTidakValid { alasan } = "parameter_alamat_tidak_valid"
        => "Parameter alamat tidak valid: {alasan}", "Invalid path parameter: {alasan}";
    KirimJson = "kirim_json" => "Kirim isi permintaan sebagai application/json.",
        "Send the request body as application/json.";
    TerlaluBesar { batas } = "terlalu_besar" => "Isi permintaan melebihi batas {batas} byte.",
        "The request body exceeds the limit of {batas} bytes.";
    KredensialSalah = "kredensial_salah"
        => "Nama pengguna atau kata sandi salah. Periksa kembali lalu coba lagi.",
           "Wrong username or password. Check them and try again.";
    TidakBerhak = "tidak_berhak" => "Anda tidak memiliki hak untuk tindakan ini.",
        "You are not allowed to do this.";
    GantiSandiDulu = "ganti_sandi_dulu"
        => "Akun ini memakai kata sandi sekali pakai. Ganti kata sandi terlebih dahulu.",
           "This account uses a one-time password. Change the password first.";
    MetodeTidakDidukung = "metode_tidak_didukung"
        => "Alamat ini tidak mendukung metode HTTP tersebut.",
           "This address does not support that HTTP method.";
    TerlaluBanyakPercobaan { menit } = "terlalu_banyak_percobaan"
        => "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {menit} menit.",
           "Too many failed sign-in attempts. Try again in {menit} minutes.";
    WaktuHabis = "waktu_habis" => "Permintaan terlalu lama diproses. Silakan coba lagi.",
        "The request took too long. Please try again.";
    LayananTidakTersedia = "layanan_tidak_tersedia"
        => "Layanan sedang tidak tersedia. Silakan coba lagi nanti.",
           "The service is unavailable right now. Please try again later.";
    /// `benda` is one of [`BENDA`].
    TidakDitemukan { benda } = "tidak_ditemukan" => "{benda} tidak ditemukan.",
        "{benda} not found.";
    KesalahanServer = "kesalahan_server"
        => "Terjadi kesalahan pada server. Silakan coba lagi atau hubungi admin.",
           "Something went wrong on the server. Try again or contact the administrator.";
    // Sign-in and sessions
    SilakanMasuk = "silakan_masuk" => "Silakan masuk terlebih dahulu.", "Please sign in first.";
    AkunTidakDitemukan = "akun_tidak_ditemukan" => "Akun tidak ditemukan.", "Account not found.";
    AkunTidakAktif = "akun_tidak_aktif" => "Akun tidak aktif.", "This account is inactive.";
    AkunTidakAktifHubungiAdmin = "akun_tidak_aktif_hubungi_admin"
        => "Akun tidak aktif. Hubungi admin kepegawaian.",
           "This account is inactive. Contact the HR administrator.";
    SandiTelahDiganti = "sandi_telah_diganti"
        => "Kata sandi telah diganti. Silakan masuk kembali.",
           "The password has been changed. Please sign in again.";
    SesiBerakhir = "sesi_berakhir" => "Sesi telah berakhir. Silakan masuk kembali.",
        "The session has ended. Please sign in again.";
    TokenTidakValid = "token_tidak_valid" => "Token tidak valid. Silakan masuk kembali.",
        "The token is not valid. Please sign in again.";
    SesiTidakValid = "sesi_tidak_valid"
        => "Sesi tidak valid atau telah berakhir. Silakan masuk kembali.",
           "The session is invalid or has ended. Please sign in again.";
    SesiTidakDitemukan = "sesi_tidak_ditemukan"
        => "Sesi tidak ditemukan. Silakan masuk kembali.",
           "No session found. Please sign in again.";
    TokenKlienKedaluwarsa = "token_klien_kedaluwarsa"
        => "Token klien kedaluwarsa. Minta token baru di /api/v1/oauth/token.",
           "The client token has expired. Request a new one at /api/v1/oauth/token.";
    TokenKlienTidakValid = "token_klien_tidak_valid"
        => "Token klien tidak valid. Minta token di /api/v1/oauth/token.",
           "The client token is not valid. Request one at /api/v1/oauth/token.";
    TokenKlienDiperlukan = "token_klien_diperlukan"
        => "Token klien diperlukan. Minta token di /api/v1/oauth/token.",
           "A client token is required. Request one at /api/v1/oauth/token.";
    KlienTidakAktif = "klien_tidak_aktif" => "Klien API tidak aktif.",
        "The API client is disabled.";
    SandiBaruSamaDenganLama = "sandi_baru_sama_dengan_lama"
        => "Kata sandi baru harus berbeda dari kata sandi saat ini.",
           "The new password must differ from the current one.";
    SandiSaatIniSalah = "sandi_saat_ini_salah" => "Kata sandi saat ini salah.",
        "The current password is wrong.";
    SandiSamaDenganNama = "sandi_sama_dengan_nama"
        => "Kata sandi tidak boleh sama dengan nama pengguna atau NIP.",
           "The password must not be your username or NIP.";
    // Rules of the contract's validators (`crate::validation`)
    NamaPenggunaKarakter = "nama_pengguna_karakter"
        => "Nama pengguna hanya boleh berisi huruf, angka, titik, garis bawah, dan tanda hubung.",
           "A username may only contain letters, digits, dots, underscores and hyphens.";
    TautanHttp = "tautan_http" => "Tautan harus diawali http:// atau https://.",
        "The link must start with http:// or https://.";
    EmailTidakValid = "email_tidak_valid" => "Alamat email tidak valid.",
        "The email address is not valid.";
    // The contract's field rules (`#[validate(..., code = "...")]`)
    AlasanMaks500 = "alasan_maks_500"
        => "Alasan maksimal 500 karakter.",
           "The reason has at most 500 characters.";
    Maks2000Karakter = "maks_2000_karakter"
        => "Maksimal 2000 karakter.",
           "At most 2000 characters.";
    Periode112 = "periode_1_12"
        => "Periode antara 1 dan 12.",
           "The period is between 1 and 12.";
    Maks1000Karakter = "maks_1000_karakter"
        => "Maksimal 1000 karakter.",
           "At most 1000 characters.";
    Maks100Karakter = "maks_100_karakter"
        => "Maksimal 100 karakter.",
           "At most 100 characters.";
    KataKunciMaks100 = "kata_kunci_maks_100"
        => "Kata kunci maksimal 100 karakter.",
           "The search text has at most 100 characters.";
    EmailMaks254 = "email_maks_254"
        => "Email maksimal 254 karakter.",
           "The email has at most 254 characters.";
    Periode012 = "periode_0_12"
        => "Periode antara 0 (tahunan) dan 12.",
           "The period is between 0 (the year) and 12.";
    Maks30Butir = "maks_30_butir"
        => "Maksimal 30 butir.",
           "At most 30 items.";
    KodeMaks50 = "kode_maks_50"
        => "Kode maksimal 50 karakter.",
           "The code has at most 50 characters.";
    GolonganTidakDikenalSingkat = "golongan_tidak_dikenal_singkat"
        => "Golongan tidak dikenal.",
           "Unknown grade.";
    TempatLahirMaks100 = "tempat_lahir_maks_100"
        => "Tempat lahir maksimal 100 karakter.",
           "The place of birth has at most 100 characters.";
    TargetTidakNegatif = "target_tidak_negatif"
        => "Target harus bilangan tidak negatif.",
           "The target must be a non-negative number.";
    TeleponMaks30 = "telepon_maks_30"
        => "Nomor telepon maksimal 30 karakter.",
           "The phone number has at most 30 characters.";
    NamaWajib200 = "nama_wajib_200"
        => "Nama wajib diisi (maksimal 200 karakter).",
           "Enter the name (at most 200 characters).";
    NamaUnitWajib200 = "nama_unit_wajib_200"
        => "Nama unit wajib diisi (maksimal 200 karakter).",
           "Enter the unit's name (at most 200 characters).";
    NamaPelatihan3200 = "nama_pelatihan_3_200"
        => "Nama pelatihan 3–200 karakter.",
           "The training's name has 3–200 characters.";
    NamaLengkapWajib200 = "nama_lengkap_wajib_200"
        => "Nama lengkap wajib diisi (maksimal 200 karakter).",
           "Enter the full name (at most 200 characters).";
    NamaJabatanWajib200 = "nama_jabatan_wajib_200"
        => "Nama jabatan wajib diisi (maksimal 200 karakter).",
           "Enter the position's name (at most 200 characters).";
    NipWajib = "nip_wajib"
        => "NIP wajib diisi.",
           "Enter the NIP.";
    NipLama9Digit = "nip_lama_9_digit"
        => "NIP lama terdiri dari 9 digit.",
           "The old NIP has 9 digits.";
    Sandi10128 = "sandi_10_128"
        => "Kata sandi minimal 10 dan maksimal 128 karakter.",
           "The password needs 10 to 128 characters.";
    Jp11000 = "jp_1_1000"
        => "JP antara 1 dan 1000.",
           "The hours (JP) are between 1 and 1000.";
    GelarDepanMaks50 = "gelar_depan_maks_50"
        => "Gelar depan maksimal 50 karakter.",
           "The title before the name has at most 50 characters.";
    GelarBelakangMaks80 = "gelar_belakang_maks_80"
        => "Gelar belakang maksimal 80 karakter.",
           "The titles after the name have at most 80 characters.";
    AlasanWajib1000 = "alasan_wajib_1000"
        => "Alasan wajib diisi (maksimal 1000 karakter).",
           "Enter a reason (at most 1000 characters).";
    AlamatMaks500 = "alamat_maks_500"
        => "Alamat maksimal 500 karakter.",
           "The address has at most 500 characters.";
    UraianAksiWajib1000 = "uraian_aksi_wajib_1000"
        => "Uraian rencana aksi wajib diisi (maksimal 1000 karakter).",
           "Describe the action plan (at most 1000 characters).";
    Uraian31000 = "uraian_3_1000"
        => "Uraian 3–1000 karakter.",
           "The description has 3–1000 characters.";
    UmpanBalikWajib2000 = "umpan_balik_wajib_2000"
        => "Umpan balik wajib diisi (maksimal 2000 karakter).",
           "Write the feedback (at most 2000 characters).";
    SaranPerbaikan104000 = "saran_perbaikan_10_4000"
        => "Tuliskan saran perbaikan (10–4000 karakter).",
           "Write the suggested improvement (10–4000 characters).";
    PertimbanganMaks4000 = "pertimbangan_maks_4000"
        => "Tuliskan pertimbangan keputusan (maksimal 4000 karakter).",
           "Write the grounds for the decision (at most 4000 characters).";
    Penjelasan104000 = "penjelasan_10_4000"
        => "Tuliskan penjelasan (10–4000 karakter).",
           "Write the explanation (10–4000 characters).";
    DasarPenetapan104000 = "dasar_penetapan_10_4000"
        => "Tuliskan dasar penetapan (10–4000 karakter).",
           "Write the basis (10–4000 characters).";
    AlasanKoreksi102000 = "alasan_koreksi_10_2000"
        => "Tuliskan alasan koreksi (10–2000 karakter).",
           "Write the reason for the correction (10–2000 characters).";
    AlasanKeberatan104000 = "alasan_keberatan_10_4000"
        => "Tuliskan alasan keberatan (10–4000 karakter).",
           "Write the grounds of the objection (10–4000 characters).";
    TokenTidakValidSingkat = "token_tidak_valid_singkat"
        => "Token tidak valid.",
           "The token is not valid.";
    TerlaluBanyakPeran = "terlalu_banyak_peran"
        => "Terlalu banyak peran.",
           "Too many roles.";
    TargetNaratifMaks1000 = "target_naratif_maks_1000"
        => "Target naratif maksimal 1000 karakter.",
           "The narrative target has at most 1000 characters.";
    Tahun20202100 = "tahun_2020_2100"
        => "Tahun antara 2020 dan 2100.",
           "The year is between 2020 and 2100.";
    SatuanMaks50 = "satuan_maks_50"
        => "Satuan maksimal 50 karakter.",
           "The unit of measure has at most 50 characters.";
    RhkWajib1000 = "rhk_wajib_1000"
        => "Rencana hasil kerja wajib diisi (maksimal 1000 karakter).",
           "Enter the planned work result (at most 1000 characters).";
    RealisasiTidakNegatif = "realisasi_tidak_negatif"
        => "Realisasi harus bilangan tidak negatif.",
           "The result must be a non-negative number.";
    Pilih15Peran = "pilih_1_5_peran"
        => "Pilih 1 sampai 5 peran.",
           "Choose 1 to 5 roles.";
    Pilih1100Bawahan = "pilih_1_100_bawahan"
        => "Pilih 1 sampai 100 bawahan.",
           "Choose 1 to 100 subordinates.";
    Kedalaman18 = "kedalaman_1_8"
        => "Kedalaman pohon antara 1 dan 8 tingkat.",
           "The tree depth is between 1 and 8 levels.";
    Maks30Aksi = "maks_30_aksi"
        => "Paling banyak 30 aksi.",
           "At most 30 actions.";
    Maks20Pelatihan = "maks_20_pelatihan"
        => "Paling banyak 20 pelatihan.",
           "At most 20 trainings.";
    NilaiTidakNegatif = "nilai_tidak_negatif"
        => "Nilai harus bilangan tidak negatif.",
           "The value must be a non-negative number.";
    NamaTemplatWajib200 = "nama_templat_wajib_200"
        => "Nama templat wajib diisi (maksimal 200 karakter).",
           "Enter the template's name (at most 200 characters).";
    NamaPenggunaWajib64 = "nama_pengguna_wajib_64"
        => "Nama pengguna wajib diisi (maksimal 64 karakter).",
           "Username is required (at most 64 characters).";
    NamaPengguna364 = "nama_pengguna_3_64"
        => "Nama pengguna 3–64 karakter.",
           "The username has 3–64 characters.";
    NamaKlien3120 = "nama_klien_3_120"
        => "Nama klien 3–120 karakter.",
           "The client's name has 3–120 characters.";
    NamaInstansiWajib200 = "nama_instansi_wajib_200"
        => "Nama instansi wajib diisi (maksimal 200 karakter).",
           "Enter the agency's name (at most 200 characters).";
    Nip18Digit = "nip_18_digit"
        => "NIP 18 digit.",
           "The NIP has 18 digits.";
    MaksSatuEkspektasi = "maks_satu_ekspektasi"
        => "Maksimal satu ekspektasi per nilai.",
           "At most one expectation per value.";
    Maks300Karakter = "maks_300_karakter"
        => "Maksimal 300 karakter.",
           "At most 300 characters.";
    Maks30Rhk = "maks_30_rhk"
        => "Maksimal 30 rencana hasil kerja.",
           "At most 30 planned work results.";
    Maks20Indikator = "maks_20_indikator"
        => "Maksimal 20 indikator.",
           "At most 20 indicators.";
    Maks20IndikatorPerRhk = "maks_20_indikator_per_rhk"
        => "Maksimal 20 indikator per RHK.",
           "At most 20 indicators per RHK.";
    Koefisien0100 = "koefisien_0_100"
        => "Koefisien lebih dari 0 dan paling besar 100.",
           "The coefficient is above 0 and at most 100.";
    Kirim15000Nilai = "kirim_1_5000_nilai"
        => "Kirim 1–5000 nilai per permintaan.",
           "Send 1–5000 values per request.";
    KeteranganMaks500 = "keterangan_maks_500"
        => "Keterangan maksimal 500 karakter.",
           "The note has at most 500 characters.";
    SandiWajib128 = "sandi_wajib_128"
        => "Kata sandi wajib diisi (maksimal 128 karakter).",
           "Password is required (at most 128 characters).";
    SandiSaatIniWajib = "sandi_saat_ini_wajib"
        => "Kata sandi saat ini wajib diisi.",
           "Enter your current password.";
    SandiBaru10128 = "sandi_baru_10_128"
        => "Kata sandi baru minimal 10 dan maksimal 128 karakter.",
           "The new password needs 10 to 128 characters.";
    PerHalaman1100 = "per_halaman_1_100"
        => "Jumlah per halaman antara 1 dan 100.",
           "Items per page are between 1 and 100.";
    Isi1100Karakter = "isi_1_100_karakter"
        => "Isi 1–100 karakter.",
           "Enter 1–100 characters.";
    Isi130Rhk = "isi_1_30_rhk"
        => "Isi 1 sampai 30 rencana hasil kerja.",
           "Enter 1 to 30 planned work results.";
    IndikatorWajib1000 = "indikator_wajib_1000"
        => "Indikator wajib diisi (maksimal 1000 karakter).",
           "Enter the indicator (at most 1000 characters).";
    HalamanMinimal1 = "halaman_minimal_1"
        => "Halaman minimal 1.",
           "The page is at least 1.";
    CatatanPengembalianWajib2000 = "catatan_pengembalian_wajib_2000"
        => "Catatan pengembalian wajib diisi (maksimal 2000 karakter).",
           "Enter a note for the employee (at most 2000 characters).";
    Catatan32000 = "catatan_3_2000"
        => "Catatan 3–2000 karakter.",
           "The note has 3–2000 characters.";
    BalasanWajib2000 = "balasan_wajib_2000"
        => "Balasan wajib diisi (maksimal 2000 karakter).",
           "Write the reply (at most 2000 characters).";
    Hari190 = "hari_1_90"
        => "Antara 1 dan 90 hari.",
           "Between 1 and 90 days.";
    Hari090 = "hari_0_90"
        => "Antara 0 dan 90 hari.",
           "Between 0 and 90 days.";
    AlasanWajib500 = "alasan_wajib_500"
        => "Alasan wajib diisi (maksimal 500 karakter).",
           "Enter a reason (at most 500 characters).";
    // Accounts
    NamaAtauEmailTerdaftar = "nama_atau_email_terdaftar"
        => "Nama pengguna atau email sudah terdaftar.",
           "The username or email is already registered.";
    EmailDipakai = "email_dipakai" => "Email sudah dipakai akun lain.",
        "This email is already used by another account.";
    TidakBolehNonaktifkanDiri = "tidak_boleh_nonaktifkan_diri"
        => "Anda tidak dapat menonaktifkan akun Anda sendiri.",
           "You cannot deactivate your own account.";
    NipSudahAkunLain = "nip_sudah_akun_lain"
        => "Nama pengguna (NIP) sudah dipakai akun lain. Muat ulang lalu coba lagi.",
           "A username (NIP) is already used by another account. Reload and try again.";
    PegawaiSudahBerakun = "pegawai_sudah_berakun" => "Pegawai ini sudah memiliki akun.",
        "This employee already has an account.";
    PegawaiTidakAktif = "pegawai_tidak_aktif"
        => "Pegawai ini tidak aktif lagi; akun tidak dibuat.",
           "This employee is no longer active; no account was created.";
    NipPegawaiDipakaiAkun = "nip_pegawai_dipakai_akun"
        => "NIP pegawai ini sudah dipakai sebagai nama pengguna akun lain.",
           "This employee's NIP is already another account's username.";
    // Lookups by id in a request body
    InstansiTidakDitemukan = "instansi_tidak_ditemukan" => "Instansi tidak ditemukan.",
        "Agency not found.";
    JabatanTidakDitemukan = "jabatan_tidak_ditemukan" => "Jabatan tidak ditemukan.",
        "Position not found.";
    PeriodeTidakDitemukan = "periode_tidak_ditemukan" => "Periode tidak ditemukan.",
        "Period not found.";
    UnitTidakDitemukan = "unit_tidak_ditemukan" => "Unit tidak ditemukan.", "Unit not found.";
    UnitIndukTidakDitemukan = "unit_induk_tidak_ditemukan" => "Unit induk tidak ditemukan.",
        "Parent unit not found.";
    JabatanAtasanTidakDitemukan = "jabatan_atasan_tidak_ditemukan"
        => "Jabatan atasan tidak ditemukan.", "Superior position not found.";
    PenilaiTidakDitemukan = "penilai_tidak_ditemukan" => "Pejabat penilai tidak ditemukan.",
        "Assessor not found.";
    // Dates and periods
    TahunTidakValid = "tahun_tidak_valid" => "Tahun tidak valid.", "Invalid year.";
    SelesaiSebelumMulai = "selesai_sebelum_mulai"
        => "Tanggal selesai tidak boleh sebelum tanggal mulai.",
           "The end date cannot be before the start date.";
    AkhirSebelumAwal = "akhir_sebelum_awal"
        => "Tanggal akhir tidak boleh sebelum tanggal awal.",
           "The end date cannot be before the start date.";
    BerlakuSampaiSebelumMulai = "berlaku_sampai_sebelum_mulai"
        => "Tanggal akhir berlaku tidak boleh sebelum tanggal mulai.",
           "The valid-until date cannot be before the start date.";
    TanggalLampau = "tanggal_lampau" => "Tanggal tidak boleh di masa lalu.",
        "The date cannot be in the past.";
    /// Two writers raced to the same key; the loser is told to reload.
    KonflikData = "konflik_data"
        => "Data ini baru saja diubah oleh pengguna lain. Muat ulang lalu ulangi.",
           "Someone else has just changed this data. Reload, then try again.";
    /// A stale optimistic-lock write; `benda` is a noun of [`BENDA`].
    DiubahPenggunaLain { benda } = "diubah_pengguna_lain"
        => "Data {benda} ini baru saja diubah oleh pengguna lain. Muat ulang halaman, lalu ulangi perubahan Anda.",
           "Someone else has just changed this record ({benda}). Reload the page, then redo your changes.";
    PeriodeSudahAda { tahun } = "periode_sudah_ada"
        => "Periode tahun {tahun} sudah ada untuk instansi ini.",
           "A period for {tahun} already exists for this agency.";
    /// `dari` and `ke` are period statuses as the API writes them.
    StatusPeriodeTidakBoleh { dari, ke } = "status_periode_tidak_boleh"
        => "Periode berstatus {dari} tidak dapat diubah menjadi {ke}.",
           "A period with status {dari} cannot become {ke}.";
    PeriodeTerkunci { sejak } = "periode_terkunci"
        => "Periode ini terkunci sejak {sejak}. Minta admin kepegawaian membukanya bila perlu.",
           "This period has been locked since {sejak}. Ask the HR administrator to unlock it if needed.";
    PeriodeDiLuarRitme = "periode_di_luar_ritme"
        => "Periode tidak ada dalam ritme evaluasi periode kinerja ini.",
           "This period is not part of the performance period's rhythm.";
    // The NIP rules (`crate::nip`); `label` is "NIP" or "NI PPPK"
    NipPanjang { label } = "nip_panjang"
        => "{label} harus terdiri dari 18 digit angka (boleh ditulis dengan spasi).",
           "The {label} must have 18 digits (spaces are allowed).";
    NipTanggalLahirTidakValid { label, segmen } = "nip_tanggal_lahir_tidak_valid"
        => "Segmen tanggal lahir {label} (digit 1–8, {segmen}) bukan tanggal yang valid.",
           "The birth-date segment of the {label} (digits 1–8, {segmen}) is not a valid date.";
    NipTanggalLahirBeda { label, segmen, tanggal } = "nip_tanggal_lahir_beda"
        => "Segmen tanggal lahir {label} (digit 1–8, {segmen}) tidak sama dengan tanggal lahir {tanggal}.",
           "The birth-date segment of the {label} (digits 1–8, {segmen}) does not match the date of birth {tanggal}.";
    NipTmtTidakValid { segmen } = "nip_tmt_tidak_valid"
        => "Segmen TMT CPNS (digit 9–14, {segmen}) bukan bulan dan tahun yang valid.",
           "The CPNS start segment (digits 9–14, {segmen}) is not a valid month and year.";
    NipTmtMasaDepan { segmen } = "nip_tmt_masa_depan"
        => "Segmen TMT CPNS (digit 9–14, {segmen}) tidak boleh di masa depan.",
           "The CPNS start segment (digits 9–14, {segmen}) must not be in the future.";
    NipTmtSebelumLahir { segmen } = "nip_tmt_sebelum_lahir"
        => "Segmen TMT CPNS (digit 9–14, {segmen}) harus sesudah tanggal lahir.",
           "The CPNS start segment (digits 9–14, {segmen}) must be after the date of birth.";
    NiPppkTahunTidakValid { segmen } = "ni_pppk_tahun_tidak_valid"
        => "Segmen tahun pengangkatan (digit 9–12, {segmen}) bukan bulan dan tahun yang valid.",
           "The appointment-year segment (digits 9–12, {segmen}) is not a valid year.";
    NiPppkTahunMasaDepan { segmen } = "ni_pppk_tahun_masa_depan"
        => "Segmen tahun pengangkatan (digit 9–12, {segmen}) tidak boleh di masa depan.",
           "The appointment-year segment (digits 9–12, {segmen}) must not be in the future.";
    NiPppkTahunSebelumLahir { segmen } = "ni_pppk_tahun_sebelum_lahir"
        => "Segmen tahun pengangkatan (digit 9–12, {segmen}) harus sesudah tanggal lahir.",
           "The appointment-year segment (digits 9–12, {segmen}) must be after the date of birth.";
    NipDigitKelamin { label } = "nip_digit_kelamin"
        => "Digit jenis kelamin {label} (digit 15) harus 1 (laki-laki) atau 2 (perempuan).",
           "The sex digit of the {label} (digit 15) must be 1 (male) or 2 (female).";
    NipBukanLakiLaki { label } = "nip_bukan_laki_laki"
        => "Digit jenis kelamin {label} (digit 15) tidak sesuai dengan jenis kelamin laki-laki.",
           "The sex digit of the {label} (digit 15) does not match the sex (male).";
    NipBukanPerempuan { label } = "nip_bukan_perempuan"
        => "Digit jenis kelamin {label} (digit 15) tidak sesuai dengan jenis kelamin perempuan.",
           "The sex digit of the {label} (digit 15) does not match the sex (female).";
    // Employees and positions
    NipTerdaftar = "nip_terdaftar" => "NIP sudah terdaftar untuk pegawai lain.",
        "This NIP is already registered for another employee.";
    GolonganTidakDikenal = "golongan_tidak_dikenal" => "Golongan tidak dikenal (contoh: III/a).",
        "Unknown grade (e.g. III/a).";
    PltWajibSelesai = "plt_wajib_selesai"
        => "Penugasan Plt/Plh wajib memiliki tanggal selesai.",
           "An acting (Plt/Plh) assignment needs an end date.";
    JabatanMasihDiduduki { nama } = "jabatan_masih_diduduki"
        => "Jabatan ini masih diduduki {nama}; pindahkan pejabat tersebut lebih dahulu.",
           "This position is still held by {nama}; move that official first.";
    MulaiSebelumJabatanKini = "mulai_sebelum_jabatan_kini"
        => "Tanggal mulai harus sesudah awal jabatan saat ini.",
           "The start date must be after the start of the current position.";
    PenilaiDiriSendiri = "penilai_diri_sendiri"
        => "Pegawai tidak dapat menjadi pejabat penilai dirinya sendiri.",
           "An employee cannot be their own assessor.";
    // Organisation
    UnitIndukInstansiLain = "unit_induk_instansi_lain" => "Unit induk berada di instansi lain.",
        "The parent unit belongs to another agency.";
    UnitKeBawahDiri = "unit_ke_bawah_diri"
        => "Unit tidak dapat dipindahkan ke bawah dirinya sendiri.",
           "A unit cannot be moved under itself.";
    UnitSudahDiInduk = "unit_sudah_di_induk"
        => "Unit sudah berada di bawah unit induk tersebut.",
           "The unit is already under that parent unit.";
    KelompokHanyaPelaksana = "kelompok_hanya_pelaksana"
        => "Kelompok hanya untuk jabatan pelaksana.",
           "A group is only for pelaksana positions.";
    AtasanDiriAtauBawahan = "atasan_diri_atau_bawahan"
        => "Jabatan atasan tidak boleh jabatan itu sendiri atau bawahannya.",
           "The superior position cannot be the position itself or one below it.";
    // Uploads and imports
    BerkasKosong = "berkas_kosong" => "Berkas kosong.", "The file is empty.";
    PilihBerkas = "pilih_berkas" => "Pilih berkas untuk diunggah (kolom `file`).",
        "Choose a file to upload (field `file`).";
    UnggahMultipart = "unggah_multipart"
        => "Unggah berkas sebagai multipart/form-data dengan kolom `file`.",
           "Upload the file as multipart/form-data with the field `file`.";
    UnggahanTidakTerbaca { alasan } = "unggahan_tidak_terbaca"
        => "Unggahan tidak dapat dibaca: {alasan}", "The upload cannot be read: {alasan}";
    JenisBerkasTidakDidukung = "jenis_berkas_tidak_didukung"
        => "Jenis berkas tidak didukung: gunakan PDF, JPG, PNG, XLSX, atau DOCX.",
           "This file type is not supported: use PDF, JPG, PNG, XLSX or DOCX.";
    BerkasXlsxAtauCsv = "berkas_xlsx_atau_csv" => "Berkas harus berupa XLSX atau CSV.",
        "The file must be XLSX or CSV.";
    BerkasTidakTerbaca { alasan } = "berkas_tidak_terbaca"
        => "Berkas tidak dapat dibaca: {alasan}", "The file cannot be read: {alasan}";
    JudulKolomWajib { kolom } = "judul_kolom_wajib"
        => "Baris pertama harus berisi judul kolom, termasuk kolom {kolom} (unduh templatnya).",
           "The first row must hold the column headings, including {kolom} (download the template).";
    BarisTerlaluBanyak { jumlah, maks } = "baris_terlalu_banyak"
        => "Berkas berisi {jumlah} baris; maksimal {maks} baris per impor.",
           "The file has {jumlah} rows; at most {maks} rows per import.";
    AksesTerlaluBanyak { jumlah, maks } = "akses_terlalu_banyak"
        => "Periode ini berisi {jumlah} catatan akses; maksimal {maks} per berkas CSV. Persempit periodenya.",
           "This period holds {jumlah} reads; a CSV holds at most {maks}. Narrow the period.";
    // Measurement and feedback
    RealisasiHanyaSkpDisetujui = "realisasi_hanya_skp_disetujui"
        => "Realisasi hanya dapat diisi pada SKP yang sudah disetujui.",
           "Results can only be entered on an approved SKP.";
    IsiRealisasiDulu = "isi_realisasi_dulu"
        => "Isi realisasi lebih dahulu, lalu lampirkan bukti dukungnya.",
           "Enter the result first, then attach its evidence.";
    BuktiSudahDiperiksa = "bukti_sudah_diperiksa"
        => "Bukti yang sudah diperiksa pejabat penilai tidak dapat dihapus.",
           "Evidence the assessor has checked cannot be removed.";
    UmpanBalikSkpDisetujui = "umpan_balik_skp_disetujui"
        => "Umpan balik diberikan pada SKP yang sudah disetujui.",
           "Feedback is given on an approved SKP.";
    PilihSatuSasaran = "pilih_satu_sasaran"
        => "Pilih tepat satu: RHK, indikator, atau nilai perilaku.",
           "Choose exactly one: an RHK, an indicator or a behaviour value.";
    RhkBukanBagianSkp = "rhk_bukan_bagian_skp" => "RHK bukan bagian dari SKP ini.",
        "The RHK is not part of this SKP.";
    IndikatorBukanBagianSkp = "indikator_bukan_bagian_skp"
        => "Indikator bukan bagian dari SKP ini.", "The indicator is not part of this SKP.";
    NilaiBerakhlakTidakDikenal = "nilai_berakhlak_tidak_dikenal"
        => "Nilai BerAKHLAK tidak dikenal.", "Unknown BerAKHLAK value.";
    BalasUmpanBalikAtasan = "balas_umpan_balik_atasan"
        => "Balas umpan balik atasan, bukan balasan.",
           "Reply to the superior's feedback, not to a reply.";
    // Evaluation documents, objections and the catalogue of trainings
    DokumenSetelahDitetapkan = "dokumen_setelah_ditetapkan"
        => "Dokumen dibuat setelah evaluasi ditetapkan.",
           "The document is issued once the evaluation is final.";
    LampiranSebelumPenjelasan = "lampiran_sebelum_penjelasan"
        => "Lampiran hanya dapat diubah sebelum pejabat penilai memberi penjelasan.",
           "Attachments can only change before the assessor explains.";
    AjukanKeberatanDulu = "ajukan_keberatan_dulu"
        => "Ajukan keberatan lebih dahulu, lalu lampirkan berkasnya.",
           "File the objection first, then attach the files.";
    LampiranPenuh { maks } = "lampiran_penuh"
        => "Maksimal {maks} lampiran per keberatan; hapus salah satu lebih dahulu.",
           "At most {maks} attachments per objection; remove one first.";
    PelatihanSudahAda = "pelatihan_sudah_ada"
        => "Pelatihan dengan nama ini sudah ada di katalog.",
           "A training with this name is already in the catalogue.";
    AngkaKreditHanyaJf = "angka_kredit_hanya_jf"
        => "Angka kredit hanya untuk jenjang jabatan fungsional.",
           "Credit points are only for functional-position levels.";
    // Integrations
    PilihCakupan = "pilih_cakupan" => "Pilih setidaknya satu cakupan (scope).",
        "Choose at least one scope.";
    KunciDataFormat = "kunci_data_format"
        => "Kunci data berupa huruf kecil, angka, _ atau -, dipisah titik (mis. simpus.pasien_dilayani).",
           "A data key is lower-case letters, digits, _ or -, separated by dots (e.g. simpus.pasien_dilayani).";
    NipAtauUnit = "nip_atau_unit" => "Isi tepat salah satu: nip atau unit_id.",
        "Fill in exactly one of nip and unit_id.";
    TanggalAtauTahunPeriode = "tanggal_atau_tahun_periode"
        => "Isi tanggal, atau tahun bersama periode_ke.",
           "Fill in tanggal, or tahun together with periode_ke.";
    IdempotencyKeyWajib = "idempotency_key_wajib"
        => "Header Idempotency-Key wajib diisi: 1–100 karakter ASCII tanpa spasi (mis. UUID).",
           "The Idempotency-Key header is required: 1–100 ASCII characters without spaces (e.g. a UUID).";
    IdempotencyKeyBeda = "idempotency_key_beda"
        => "Idempotency-Key ini sudah dipakai untuk permintaan dengan isi lain. Pakai kunci baru.",
           "This Idempotency-Key was used for a request with a different body. Use a new key.";
    IdempotencyKeyDiproses = "idempotency_key_diproses"
        => "Permintaan lain dengan Idempotency-Key yang sama sedang diproses. Ulangi sebentar lagi.",
           "Another request with the same Idempotency-Key is in progress. Retry shortly.";
    // SKP planning (drafts, submission, approval, versions, cascading)
    AkunBelumTerhubung = "akun_belum_terhubung"
        => "Akun Anda belum terhubung dengan data pegawai. Hubungi admin kepegawaian.",
           "Your account is not linked to an employee record yet. Contact the HR administrator.";
    SalinHanyaSkpSendiri = "salin_hanya_skp_sendiri"
        => "Salin hanya dari SKP Anda sendiri pada periode lain.",
           "Copy only from your own SKP of another period.";
    TemplatSkpTidakDitemukan = "templat_skp_tidak_ditemukan" => "Templat SKP tidak ditemukan.",
        "SKP template not found.";
    PeriodeBelumDibuka = "periode_belum_dibuka"
        => "Periode belum dibuka atau sudah ditutup.",
           "The period is not open yet or has already been closed.";
    PeriodeInstansiLain = "periode_instansi_lain" => "Periode ini milik instansi lain.",
        "This period belongs to another agency.";
    SkpTahunSudahAda { tahun } = "skp_tahun_sudah_ada" => "SKP tahun {tahun} sudah ada.",
        "An SKP for {tahun} already exists.";
    /// A stale `lock_version`: `versi` is the stored one, `dikirim` the one the client sent.
    SkpVersiBerbeda { versi, dikirim } = "skp_versi_berbeda"
        => "SKP telah diubah di tempat lain (versi {versi} ; Anda mengirim versi {dikirim}). Muat ulang lalu ulangi perubahan Anda.",
           "The SKP has been changed elsewhere (version {versi}; you sent version {dikirim}). Reload, then redo your changes.";
    SkpBaruDiubah = "skp_baru_diubah"
        => "SKP baru saja diubah di tempat lain. Muat ulang lalu ulangi.",
           "The SKP has just been changed elsewhere. Reload, then try again.";
    SkpTidakDapatDiubah = "skp_tidak_dapat_diubah"
        => "SKP yang sudah diajukan atau disetujui tidak dapat diubah.",
           "An SKP that has been submitted or approved cannot be changed.";
    IntervensiHarusRhkPenilai = "intervensi_harus_rhk_penilai"
        => "RHK yang diintervensi harus RHK dari SKP pejabat penilai yang sudah disetujui.",
           "The RHK intervened in must be an RHK of the assessor's approved SKP.";
    TenggatDiLuarPeriode = "tenggat_di_luar_periode"
        => "Tanggal tenggat harus di dalam periode kinerja.",
           "The deadline must fall within the performance period.";
    HanyaDraftDiajukan = "hanya_draft_diajukan"
        => "Hanya SKP draft atau yang dikembalikan yang dapat diajukan.",
           "Only a draft or returned SKP can be submitted.";
    PenilaiBelumDitentukan = "penilai_belum_ditentukan"
        => "Pejabat penilai kinerja Anda belum dapat ditentukan. Hubungi admin kepegawaian.",
           "Your performance assessor cannot be determined yet. Contact the HR administrator.";
    SkpAtasanBelumDitetapkan = "skp_atasan_belum_ditetapkan"
        => "SKP atasan belum ditetapkan: SKP pejabat penilai kinerja Anda untuk periode ini belum disetujui. Pejabat penilai sudah diberi tahu.",
           "Superior's SKP not yet approved: your performance assessor's SKP for this period has not been approved. The assessor has been notified.";
    HanyaDisetujuiDibukaKembali = "hanya_disetujui_dibuka_kembali"
        => "Hanya SKP yang sudah disetujui yang dapat dibuka kembali.",
           "Only an approved SKP can be reopened.";
    RhkUtamaMinimalSatu = "rhk_utama_minimal_satu"
        => "SKP harus memiliki paling sedikit satu RHK utama.",
           "The SKP must have at least one main RHK.";
    RhkUtamaWajibIntervensi = "rhk_utama_wajib_intervensi"
        => "RHK utama wajib mengintervensi RHK pejabat penilai kinerja.",
           "A main RHK must intervene in an RHK of the performance assessor.";
    RhkWajibIndikator = "rhk_wajib_indikator"
        => "Setiap RHK wajib memiliki paling sedikit satu indikator.",
           "Every RHK must have at least one indicator.";
    PilihAspekIndikator = "pilih_aspek_indikator" => "Pilih aspek indikator.",
        "Choose the indicator's aspect.";
    TargetKuantitatif = "target_kuantitatif"
        => "Pendekatan kuantitatif: isi target berupa angka dan satuannya.",
           "Quantitative approach: fill in the target as a number and its unit.";
    TargetKualitatif = "target_kualitatif"
        => "Pendekatan kualitatif: isi target secara naratif.",
           "Qualitative approach: describe the target in words.";
    TenggatWajibDiisi = "tenggat_wajib_diisi" => "Target bertenggat: isi tanggal tenggatnya.",
        "Target with a deadline: fill in the deadline date.";
    PilihPerspektifIndikator = "pilih_perspektif_indikator"
        => "SKP JPT/pimpinan unit: pilih perspektif indikator.",
           "SKP of a senior executive or unit head: choose the indicator's perspective.";
    WajibDiisiAtauStrip = "wajib_diisi_atau_strip"
        => "Wajib diisi (boleh \"-\" bila tidak ada).",
           "Required (write \"-\" if there is none).";
    BandingkanVersiSkpSama = "bandingkan_versi_skp_sama"
        => "Hanya versi dari SKP yang sama yang dapat dibandingkan.",
           "Only versions of the same SKP can be compared.";
    PerubahanDariVersiTerakhir = "perubahan_dari_versi_terakhir"
        => "Perubahan hanya dapat dibuat dari versi terakhir yang sudah disetujui.",
           "A revision can only be made from the latest approved version.";
    HanyaDiajukanDitetapkan = "hanya_diajukan_ditetapkan"
        => "Hanya SKP yang sedang diajukan yang dapat disetujui atau dikembalikan.",
           "Only a submitted SKP can be approved or returned.";
    BagikanDariSkpDisetujui = "bagikan_dari_skp_disetujui"
        => "RHK hanya dapat dibagikan dari SKP yang sudah disetujui.",
           "RHK can only be cascaded from an approved SKP.";
    RhkTidakPadaSkp = "rhk_tidak_pada_skp" => "RHK tidak ditemukan pada SKP ini.",
        "RHK not found in this SKP.";
    // Evaluation: ratings, finalising, objections
    /// `n` is the number of sub-periods in the period's rhythm.
    PeriodeKeRentang { n } = "periode_ke_rentang"
        => "Periode 0 (tahunan) atau 1–{n} menurut ritme periode ini.",
           "Period 0 (annual) or 1–{n} according to this period's rhythm.";
    KeberatanHanyaDitetapkan = "keberatan_hanya_ditetapkan"
        => "Keberatan hanya atas evaluasi yang sudah ditetapkan.",
           "An objection can only be made against a final evaluation.";
    /// `batas` is an ISO date.
    BatasKeberatanLewat { batas } = "batas_keberatan_lewat"
        => "Batas pengajuan keberatan telah lewat pada {batas}.",
           "The deadline for objections passed on {batas}.";
    KeberatanSudahDiajukan = "keberatan_sudah_diajukan"
        => "Keberatan atas evaluasi ini sudah diajukan.",
           "An objection to this evaluation has already been filed.";
    TidakAdaKeberatanMenunggu = "tidak_ada_keberatan_menunggu"
        => "Tidak ada keberatan yang menunggu penjelasan.",
           "No objection is waiting for an explanation.";
    TidakAdaKeberatan = "tidak_ada_keberatan" => "Tidak ada keberatan atas evaluasi ini.",
        "There is no objection to this evaluation.";
    KeberatanSudahDiputus = "keberatan_sudah_diputus"
        => "Keberatan ini sudah diputus; keputusan bersifat final.",
           "This objection has been decided; the decision is final.";
    MenungguPenjelasanPenilai = "menunggu_penjelasan_penilai"
        => "Menunggu penjelasan pejabat penilai kinerja.",
           "Waiting for the performance assessor's explanation.";
    IsiRatingHasilBaru = "isi_rating_hasil_baru" => "Isi rating hasil kerja yang baru.",
        "Fill in the new work-results rating.";
    IsiRatingPerilakuBaru = "isi_rating_perilaku_baru" => "Isi rating perilaku kerja yang baru.",
        "Fill in the new work-behaviour rating.";
    EvaluasiHanyaSkpDisetujui = "evaluasi_hanya_skp_disetujui"
        => "Evaluasi hanya untuk SKP yang sudah disetujui.",
           "Only an approved SKP can be evaluated.";
    EvaluasiFinal = "evaluasi_final"
        => "Evaluasi sudah ditetapkan dan tidak dapat diubah, kecuali melalui keberatan atau koreksi admin.",
           "The evaluation is final and cannot be changed except through an objection or an administrator's correction.";
    SimpanRatingDulu = "simpan_rating_dulu" => "Isi dan simpan rating terlebih dahulu.",
        "Fill in and save the ratings first.";
    EvaluasiSudahDitetapkan = "evaluasi_sudah_ditetapkan" => "Evaluasi ini sudah ditetapkan.",
        "This evaluation is already final.";
    RatingHasilWajib = "rating_hasil_wajib" => "Rating hasil kerja wajib diisi.",
        "The work-results rating is required.";
    RatingPerilakuWajib = "rating_perilaku_wajib" => "Rating perilaku kerja wajib diisi.",
        "The work-behaviour rating is required.";
    /// `pelanggaran` lists the broken rules (Indonesian, from `rules::periksa_distribusi`).
    MelanggarDistribusi { unit, pelanggaran } = "melanggar_distribusi"
        => "Penetapan ini melanggar pola distribusi predikat unit {unit}: {pelanggaran}",
           "Finalising this breaks the rating distribution pattern of unit {unit}: {pelanggaran}";
    KoreksiHanyaDitetapkan = "koreksi_hanya_ditetapkan"
        => "Hanya evaluasi yang sudah ditetapkan yang dikoreksi; draf diubah oleh pejabat penilai.",
           "Only final evaluations are corrected; a draft is changed by the assessor.";
    // Survey paper forms and documents (issue #17; survei_kertas).
    SurveiDraftKertas = "survei_draft_kertas"
        => "Survei masih draft. Buka survei terlebih dahulu sebelum memasukkan formulir kertas.",
           "The survey is still a draft. Open it before entering paper forms.";
    JawabanKertasKosong = "jawaban_kertas_kosong"
        => "Isi jawaban setidaknya satu unsur (U1 sampai U9).",
           "Answer at least one unsur (U1 to U9).";
    JawabanKertas14 { nilai } = "jawaban_kertas_1_4"
        => "Jawaban '{nilai}' tidak sah; isi 1, 2, 3 atau 4, atau kosongkan.",
           "The answer '{nilai}' is not valid; enter 1, 2, 3 or 4, or leave it blank.";
    LayananBukanSurvei { layanan, pilihan } = "layanan_bukan_survei"
        => "Layanan '{layanan}' tidak ada di survei ini; pilihan: {pilihan}.",
           "The service '{layanan}' is not in this survey; choose {pilihan}.";
    // Announcements (issue #19).
    JudulPengumuman3200 = "judul_pengumuman_3_200"
        => "Judul pengumuman 3–200 karakter.",
           "The announcement's title has 3–200 characters.";
    IsiPengumuman15000 = "isi_pengumuman_1_5000"
        => "Isi pengumuman 1–5000 karakter.",
           "The announcement's text has 1–5000 characters.";
    PengumumanMaks366Hari = "pengumuman_maks_366_hari"
        => "Pengumuman tampil paling lama 366 hari.",
           "An announcement shows for at most 366 days.";
    SasaranPimpinanUnit = "sasaran_pimpinan_unit"
        => "Pimpinan mengumumkan kepada unit yang dipimpinnya.",
           "A pimpinan announces to a unit they lead.";
    UnitBukanWewenang = "unit_bukan_wewenang"
        => "Unit ini tidak berada di bawah pimpinan Anda.",
           "This unit is not one you lead.";
    // Silences of the cycle's reminders (issue #19).
    AlasanJeda3500 = "alasan_jeda_3_500"
        => "Alasan jeda 3–500 karakter.",
           "The reason has 3–500 characters.";
    JedaMaks92Hari = "jeda_maks_92_hari"
        => "Pengingat dijeda paling lama 92 hari.",
           "Reminders are silenced for at most 92 days.";
    // Guides (panduan, issue #19).
    JudulPanduan3200 = "judul_panduan_3_200"
        => "Judul panduan 3–200 karakter.",
           "A guide's title has 3–200 characters.";
    IsiPanduan120000 = "isi_panduan_1_20000"
        => "Isi panduan 1–20000 karakter.",
           "A guide's text has 1–20000 characters.";
    SlugPanduan = "slug_panduan"
        => "Slug 3–60 karakter: huruf kecil, angka dan '-', tidak diawali atau diakhiri '-'.",
           "A slug has 3–60 characters: lowercase letters, digits and '-', not starting or ending with '-'.";
    LayarPanduan = "layar_panduan"
        => "Nama layar 2–30 karakter: huruf kecil, angka dan '-', diawali huruf.",
           "A screen name has 2–30 characters: lowercase letters, digits and '-', starting with a letter.";
    LayarMaks6 = "layar_maks_6"
        => "Paling banyak 6 layar per panduan.",
           "At most 6 screens per guide.";
    Urutan01000 = "urutan_0_1000"
        => "Urutan antara 0 dan 1000.",
           "The order is between 0 and 1000.";
    SlugPanduanDipakai = "slug_panduan_dipakai"
        => "Slug ini sudah dipakai panduan lain.",
           "Another guide already uses this slug.";
    PanduanBawaanTetap = "panduan_bawaan_tetap"
        => "Panduan bawaan tidak dapat dihapus; ubah isinya bila perlu.",
           "A built-in guide cannot be deleted; change its text instead.";
    // Citizen satisfaction survey (SKM/IKM, issue #17).
    JudulSurvei3200 = "judul_survei_3_200"
        => "Judul survei 3–200 karakter.",
           "The survey's title has 3–200 characters.";
    DaftarLayanan120 = "daftar_layanan_1_20"
        => "Isi 1 sampai 20 jenis layanan.",
           "Enter 1 to 20 services.";
    NamaLayanan2100 = "nama_layanan_2_100"
        => "Nama layanan 2–100 karakter.",
           "A service's name has 2–100 characters.";
    LayananGanda { layanan } = "layanan_ganda"
        => "Layanan '{layanan}' tercantum lebih dari sekali.",
           "The service '{layanan}' is listed more than once.";
    PertanyaanSurvei10500 = "pertanyaan_survei_10_500"
        => "Teks pertanyaan 10–500 karakter.",
           "A question's wording has 10–500 characters.";
    PopulasiSurvei = "populasi_survei"
        => "Populasi antara 1 dan 10.000.000 orang.",
           "The population is between 1 and 10,000,000 people.";
    PeriodeKeSurvei = "periode_ke_survei"
        => "Periode ke- tidak sesuai: triwulan 1–4, semester 1–2, tahunan 0.",
           "Wrong sub-period: quarter 1–4, half-year 1–2, year 0.";
    PeriodeBukanInstansiUnit = "periode_bukan_instansi_unit"
        => "Periode ini bukan milik instansi unit tersebut.",
           "This period does not belong to the unit's agency.";
    JawabanSurvei14 = "jawaban_survei_1_4"
        => "Pilih salah satu jawaban (1 sampai 4).",
           "Choose one of the answers (1 to 4).";
    SaranMaks1000 = "saran_maks_1000"
        => "Saran maksimal 1000 karakter.",
           "The suggestion has at most 1000 characters.";
    TokenSurvei = "token_survei"
        => "Token peramban tidak valid (16–128 huruf, angka, '-' atau '_').",
           "Invalid browser token (16–128 letters, digits, '-' or '_').";
    AlasanBatal5500 = "alasan_batal_5_500"
        => "Alasan pembatalan 5–500 karakter.",
           "The reason for voiding has 5–500 characters.";
    LayananTidakDikenal = "layanan_tidak_dikenal"
        => "Pilih salah satu jenis layanan survei ini.",
           "Choose one of this survey's services.";
    SurveiBelumDibuka = "survei_belum_dibuka"
        => "Survei ini belum dibuka. Silakan kembali lagi nanti.",
           "This survey is not open yet. Please come back later.";
    SurveiSudahDitutup = "survei_sudah_ditutup"
        => "Survei ini sudah ditutup. Terima kasih atas perhatian Anda.",
           "This survey is closed. Thank you for your interest.";
    StatusSurveiTidakBoleh { dari, ke } = "status_survei_tidak_boleh"
        => "Survei berstatus {dari} tidak dapat diubah menjadi {ke}.",
           "A survey with status {dari} cannot become {ke}.";
    SudahMengisiSurvei = "sudah_mengisi_survei"
        => "Anda sudah mengisi survei ini dalam 24 jam terakhir. Terima kasih.",
           "You have already answered this survey in the last 24 hours. Thank you.";
    TerlaluBanyakRespons { menit } = "terlalu_banyak_respons"
        => "Terlalu banyak jawaban dari jaringan ini. Coba lagi dalam {menit} menit.",
           "Too many answers from this network. Try again in {menit} minutes.";
    PertanyaanHanyaDraft = "pertanyaan_hanya_draft"
        => "Teks pertanyaan hanya dapat diubah selama survei berstatus draft.",
           "The questions can only be reworded while the survey is a draft.";
    LayananTidakDapatDihapus { layanan } = "layanan_tidak_dapat_dihapus"
        => "Layanan '{layanan}' tidak dapat dihapus: survei sudah dibuka. Layanan baru boleh ditambahkan.",
           "The service '{layanan}' cannot be removed: the survey is open. New services may be added.";
    LayananSurveiDitutup = "layanan_survei_ditutup"
        => "Layanan survei yang sudah ditutup tidak dapat diubah.",
           "The services of a closed survey cannot be changed.";
    ResponsSudahDibatalkan = "respons_sudah_dibatalkan"
        => "Respons ini sudah dibatalkan.",
           "This response is already void.";
    TerimaKasihSurvei = "terima_kasih_survei"
        => "Terima kasih. Jawaban Anda sudah kami terima.",
           "Thank you. We have received your answers.";
    SurveiSibuk { menit } = "survei_sibuk"
        => "Survei ini sedang menerima sangat banyak jawaban. Coba lagi dalam {menit} menit.",
           "This survey is receiving very many answers. Try again in {menit} minutes.";
    // Follow-up plan of a survey, public IKM (issue #17).
    Tindakan51000 = "tindakan_5_1000"
        => "Uraian tindakan 5–1000 karakter.",
           "The action has 5–1000 characters.";
    CatatanMaks1000 = "catatan_maks_1000"
        => "Catatan maksimal 1000 karakter.",
           "The note has at most 1000 characters.";
    JatuhTempoLampau { hari_ini } = "jatuh_tempo_lampau"
        => "Jatuh tempo tidak boleh sebelum hari ini ({hari_ini}).",
           "The due date cannot be before today ({hari_ini}).";
    PenanggungJawabBukanUnit = "penanggung_jawab_bukan_unit"
        => "Penanggung jawab harus pegawai aktif pada unit survei ini atau unit di bawahnya.",
           "The person responsible must be an active employee of the survey's unit or a unit below it.";
    StatusTindakLanjutTidakBoleh { dari, ke } = "status_tindak_lanjut_tidak_boleh"
        => "Tindak lanjut berstatus {dari} tidak dapat diubah menjadi {ke}.",
           "A follow-up action with status {dari} cannot become {ke}.";
    TindakLanjutSudahFinal = "tindak_lanjut_sudah_final"
        => "Tindak lanjut yang sudah selesai atau dibatalkan hanya dapat diberi catatan.",
           "A finished or cancelled follow-up action only takes a note.";
    HapusHanyaRencana = "hapus_hanya_rencana"
        => "Hanya tindak lanjut berstatus rencana yang dapat dihapus; yang sudah berjalan dapat dibatalkan.",
           "Only a planned follow-up action can be deleted; one under way can be cancelled.";
    TindakLanjutPenuh { maks } = "tindak_lanjut_penuh"
        => "Satu survei paling banyak memiliki {maks} tindak lanjut.",
           "A survey has at most {maks} follow-up actions.";
    PerHalaman150 = "per_halaman_1_50"
        => "Jumlah per halaman 1–50.",
           "1–50 items per page.";
    RealisasiDariSurvei = "realisasi_dari_survei"
        => "Realisasi indikator ini diisi otomatis dari IKM survei kepuasan masyarakat dan tidak dapat diubah.",
           "This indicator's realisation comes from the citizen satisfaction survey's IKM and cannot be changed.";
    UnitBukanInstansiPegawai = "unit_bukan_instansi_pegawai"
        => "Unit ini bukan bagian dari instansi pemilik SKP.",
           "This unit does not belong to the SKP owner's agency.";
    // Competency development (issue #18).
    JamPelajaran0750 = "jam_pelajaran_0_750"
        => "Jumlah jam harus lebih dari 0 dan paling banyak 750.",
           "Hours must be more than 0 and at most 750.";
    NamaKegiatan3300 = "nama_kegiatan_3_300"
        => "Nama kegiatan 3–300 karakter.",
           "The activity's name has 3–300 characters.";
    Penyelenggara2200 = "penyelenggara_2_200"
        => "Penyelenggara wajib diisi (2–200 karakter).",
           "The provider is required (2–200 characters).";
    IsiJpAtauJam = "isi_jp_atau_jam"
        => "Isi salah satu: JP atau jumlah jam.",
           "Give either the JP or the hours, not both.";
    NamaAtauKatalog = "nama_atau_katalog"
        => "Isi nama kegiatan atau pilih dari katalog pelatihan.",
           "Give the activity's name or choose it from the training catalogue.";
    KegiatanBelumSelesai { hari_ini } = "kegiatan_belum_selesai"
        => "Tanggal selesai tidak boleh setelah hari ini ({hari_ini}): catat kegiatan yang sudah selesai.",
           "The end date cannot be after today ({hari_ini}): record activities that have ended.";
    KompetensiTidakAktif = "kompetensi_tidak_aktif"
        => "Kompetensi tidak ditemukan pada daftar instansi atau sudah tidak aktif.",
           "The competency is not on the agency's list or is no longer active.";
    KompetensiSudahAda = "kompetensi_sudah_ada"
        => "Kompetensi dengan nama ini sudah ada.",
           "A competency with this name already exists.";
    KebutuhanSudahDiputuskan = "kebutuhan_sudah_diputuskan"
        => "Kebutuhan ini sudah disetujui atau ditolak.",
           "This need has already been agreed or rejected.";
    AlasanPenolakanWajib = "alasan_penolakan_wajib"
        => "Tuliskan alasan penolakan (minimal 3 karakter); pegawai akan membacanya.",
           "Write why it is rejected (at least 3 characters); the employee reads it.";
    PilihKompetensiDulu = "pilih_kompetensi_dulu"
        => "Tentukan kompetensinya sebelum menyetujui kebutuhan ini.",
           "Name the competency before agreeing this need.";
    HapusKebutuhanDiusulkan = "hapus_kebutuhan_diusulkan"
        => "Hanya kebutuhan yang masih diusulkan yang dapat dihapus, oleh pengusulnya.",
           "Only a need still proposed can be deleted, by whoever proposed it.";
    KebutuhanPegawaiLain = "kebutuhan_pegawai_lain"
        => "Kebutuhan ini milik pegawai lain atau belum disetujui.",
           "This need belongs to someone else or has not been agreed.";
    CatatanSudahDiverifikasi = "catatan_sudah_diverifikasi"
        => "Catatan ini sudah diverifikasi atau ditolak.",
           "This record has already been verified or rejected.";
    SertifikatHanyaMenunggu = "sertifikat_hanya_menunggu"
        => "Sertifikat hanya dapat diganti selama catatan menunggu verifikasi.",
           "The certificate can only be replaced while the record waits for verification.";
    SertifikatWajib = "sertifikat_wajib"
        => "Catatan tanpa sertifikat tidak dapat diverifikasi: lampirkan sertifikatnya dulu, atau tolak dengan catatan.",
           "A record without a certificate cannot be verified: attach its certificate first, or reject it with a note.";
    JenisSertifikat = "jenis_sertifikat"
        => "Sertifikat harus berkas PDF, JPEG atau PNG.",
           "The certificate must be a PDF, JPEG or PNG file.";
    PengembanganPegawaiLain = "pengembangan_pegawai_lain"
        => "Anda hanya dapat mencatat untuk diri sendiri; pengelola kepegawaian mencatat untuk pegawai lain.",
           "You can only record for yourself; the HR office records for others.";
    Bulan112 = "bulan_1_12"
        => "Bulan 1–12.",
           "The month is 1–12.";
    RencanaSudahDitetapkan = "rencana_sudah_ditetapkan"
        => "Versi rencana ini sudah ditetapkan; mulai versi berikutnya untuk mengubahnya.",
           "This version of the plan has been set; start the next version to change it.";
    RencanaBukanVersiTerbaru = "rencana_bukan_versi_terbaru"
        => "Hanya versi terbaru yang sudah ditetapkan yang dapat direvisi.",
           "Only the newest version, once set, can be revised.";
    RencanaMasihDraft = "rencana_masih_draft"
        => "Versi ini masih draf: ubah langsung tanpa memulai versi baru.",
           "This version is still a draft: edit it without starting a new version.";
    RencanaKosong = "rencana_kosong"
        => "Rencana tanpa item tidak dapat ditetapkan.",
           "A plan without items cannot be set.";
    PegawaiBukanInstansi = "pegawai_bukan_instansi"
        => "Pegawai tidak aktif atau bukan pegawai instansi ini.",
           "The employee is not active or not of this agency.";
    PilihInstansi = "pilih_instansi"
        => "Pilih instansinya.",
           "Choose the agency.";
    // Career and talent management (issue #18).
    SumberPotensi3200 = "sumber_potensi_3_200"
        => "Sumber penilaian potensi wajib diisi (3–200 karakter), misalnya \"Assessment center BKPSDM 2026\".",
           "The source of the potential assessment is required (3–200 characters), e.g. \"Assessment center BKPSDM 2026\".";
    NomorKotak19 = "nomor_kotak_1_9"
        => "Nomor kotak 1–9.",
           "Box numbers run from 1 to 9.";
    LabelKotak2100 = "label_kotak_2_100"
        => "Label kotak wajib diisi (2–100 karakter).",
           "The box's label is required (2–100 characters).";
    SembilanKotak = "sembilan_kotak"
        => "Isi sembilan kotak bernomor 1–9, masing-masing dengan pasangan tingkat kinerja dan potensi yang berbeda.",
           "Give nine boxes numbered 1–9, each with a different pair of performance and potential levels.";
    ToleransiGolongan04 = "toleransi_golongan_0_4"
        => "Toleransi golongan 0–4 tingkat.",
           "The grade tolerance is 0–4 steps.";
    TanggalPenilaianLampau { hari_ini } = "tanggal_penilaian_lampau"
        => "Tanggal penilaian tidak boleh setelah hari ini ({hari_ini}).",
           "The assessment date cannot be after today ({hari_ini}).";
    JabatanSudahKritikal = "jabatan_sudah_kritikal"
        => "Jabatan ini sudah ditandai sebagai jabatan kritikal.",
           "This position is already marked as a key position.";
    KandidatSudahAda = "kandidat_sudah_ada"
        => "Pegawai ini sudah menjadi kandidat jabatan ini.",
           "This employee is already a candidate for this position.";
    KandidatPemegangJabatan = "kandidat_pemegang_jabatan"
        => "Pemegang jabatan ini tidak dapat menjadi kandidat suksesornya sendiri.",
           "The holder of this position cannot be their own successor.";
    // Recaps and exports (docs/rekap.md)
    /// `maks` is the largest number of rows one XLSX recap holds.
    RekapTerlaluBesar { maks } = "rekap_terlalu_besar"
        => "Rekap XLSX paling banyak {maks} baris; pilih unit yang lebih kecil.",
           "An XLSX recap holds at most {maks} rows; choose a smaller unit.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_both_texts_with_the_same_placeholders() {
        let mut codes = std::collections::HashSet::new();
        for e in CATALOGUE {
            assert!(codes.insert(e.code), "{} is declared twice", e.code);
            assert!(
                !e.code.is_empty()
                    && e.code
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{} is not snake_case",
                e.code
            );
            assert!(!e.id.trim().is_empty(), "{} has no Indonesian text", e.code);
            assert!(!e.en.trim().is_empty(), "{} has no English text", e.code);
            assert_eq!(
                placeholders(e.id),
                placeholders(e.en),
                "{} placeholders differ",
                e.code
            );
        }
    }

    #[test]
    fn every_code_renders_without_unfilled_placeholders() {
        for e in CATALOGUE {
            let message = Message {
                code: e.code.to_owned(),
                params: placeholders(e.id)
                    .into_iter()
                    .map(|p| (p.to_owned(), "x".to_owned()))
                    .collect(),
            };
            for bahasa in [Bahasa::Id, Bahasa::En] {
                let text = message.render(bahasa).unwrap_or_default();
                assert!(!text.trim().is_empty(), "{} is empty", e.code);
                assert!(!text.contains('{'), "{}: {text}", e.code);
            }
        }
    }

    #[test]
    fn typed_messages_carry_their_parameters() {
        let m = Message::from(Pesan::BarisTerlaluBanyak {
            jumlah: "5001".into(),
            maks: "5000".into(),
        });
        assert_eq!(m.code, "baris_terlalu_banyak");
        assert_eq!(
            m.indonesian(),
            "Berkas berisi 5001 baris; maksimal 5000 baris per impor."
        );
        assert_eq!(
            m.render(Bahasa::En).as_deref(),
            Some("The file has 5001 rows; at most 5000 rows per import.")
        );
        assert_eq!(Message::from(Pesan::WajibDiisi).params.len(), 0);
    }

    #[test]
    fn choices_are_joined_in_the_readers_language() {
        let m = Message::from(Pesan::NilaiTidakDikenal {
            nilai: "x".into(),
            pilihan: "l|p".into(),
        });
        assert_eq!(
            m.indonesian(),
            "Nilai 'x' tidak dikenal; pilihan: l atau p."
        );
        assert_eq!(
            m.render(Bahasa::En).as_deref(),
            Some("Value 'x' is not recognised; choose l or p.")
        );
        assert_eq!(
            join_choices("pns|cpns|pppk", Bahasa::Id),
            "pns, cpns atau pppk"
        );
    }

    #[test]
    fn dates_are_written_out_in_the_readers_language() {
        let m = Message::from(Pesan::PeriodeTerkunci {
            sejak: "2026-12-01".into(),
        });
        assert!(m.indonesian().contains("sejak 1 Desember 2026."));
        let english = m.render(Bahasa::En).unwrap_or_default();
        assert!(english.contains("since 1 December 2026."), "{english}");
    }

    #[test]
    fn what_was_not_found_is_named_in_the_readers_language() {
        let m = Message::from(Pesan::TidakDitemukan {
            benda: "Bukti dukung".into(),
        });
        assert_eq!(m.indonesian(), "Bukti dukung tidak ditemukan.");
        assert_eq!(m.render(Bahasa::En).as_deref(), Some("Evidence not found."));
    }

    #[test]
    fn unknown_codes_are_not_rendered() {
        let m = Message {
            code: "kode_baru".into(),
            params: BTreeMap::new(),
        };
        assert_eq!(m.render(Bahasa::En), None);
    }

    #[test]
    fn messages_round_trip_through_json() {
        let m = Message::from(Pesan::LampiranPenuh { maks: "5".into() });
        let json = serde_json::to_string(&m).unwrap_or_default();
        assert_eq!(json, r#"{"code":"lampiran_penuh","params":{"maks":"5"}}"#);
        assert_eq!(serde_json::from_str::<Message>(&json).ok(), Some(m));
    }
}
