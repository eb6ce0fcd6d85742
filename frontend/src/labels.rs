//! Labels for contract enums and locale-aware formatting.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use kinerja_api::ErrorCode;
use kinerja_api::auth::Role;
use kinerja_api::employees::{
    EmployeeSort, JenisPegawai, JenisPenugasan, StatusPegawai, SuperiorReason,
};
use kinerja_api::evaluation::{Predikat, PredikatOrganisasi, Rating};
use kinerja_api::integrations::Scope;
use kinerja_api::measurement::{TagUmpanBalik, Verifikasi};
use kinerja_api::nip::Gender;
use kinerja_api::organisation::{JenisJabatan, Jenjang, UnitKind};
use kinerja_api::penilaian::{JenisPelatihan, StatusKeberatan};
use kinerja_api::planning::{
    Arah, Aspek, JenisRhk, Pendekatan, Perspektif, StatusPeriode, StatusSkp,
};

use crate::api::ApiError;
use crate::i18n::{Key, Lang, fill, message, text};

pub fn role(role: Role) -> Key {
    match role {
        Role::Pegawai => Key::RolePegawai,
        Role::Admin => Key::RoleAdmin,
        Role::Pimpinan => Key::RolePimpinan,
        Role::Auditor => Key::RoleAuditor,
        Role::Superadmin => Key::RoleSuperadmin,
    }
}

pub fn status_skp(status: StatusSkp) -> Key {
    match status {
        StatusSkp::Draft => Key::SkpStatusDraft,
        StatusSkp::Diajukan => Key::SkpStatusDiajukan,
        StatusSkp::Disetujui => Key::SkpStatusDisetujui,
        StatusSkp::Dikembalikan => Key::SkpStatusDikembalikan,
        StatusSkp::Ditutup => Key::SkpStatusDitutup,
    }
}

pub fn status_periode(status: StatusPeriode) -> Key {
    match status {
        StatusPeriode::Draft => Key::PeriodeDraft,
        StatusPeriode::Dibuka => Key::PeriodeDibuka,
        StatusPeriode::Ditutup => Key::PeriodeDitutup,
    }
}

pub fn jenis_rhk(jenis: JenisRhk) -> Key {
    match jenis {
        JenisRhk::Utama => Key::RhkUtama,
        JenisRhk::Tambahan => Key::RhkTambahan,
    }
}

pub fn aspek(aspek: Aspek) -> Key {
    match aspek {
        Aspek::Kuantitas => Key::AspekKuantitas,
        Aspek::Kualitas => Key::AspekKualitas,
        Aspek::Waktu => Key::AspekWaktu,
        Aspek::Biaya => Key::AspekBiaya,
    }
}

pub fn arah(arah: Arah) -> Key {
    match arah {
        Arah::Naik => Key::ArahNaik,
        Arah::Turun => Key::ArahTurun,
    }
}

pub fn perspektif(perspektif: Perspektif) -> Key {
    match perspektif {
        Perspektif::PenerimaLayanan => Key::PerspektifPenerimaLayanan,
        Perspektif::ProsesBisnis => Key::PerspektifProsesBisnis,
        Perspektif::PenguatanInternal => Key::PerspektifPenguatanInternal,
        Perspektif::Anggaran => Key::PerspektifAnggaran,
    }
}

pub fn pendekatan(pendekatan: Pendekatan) -> Key {
    match pendekatan {
        Pendekatan::Kuantitatif => Key::PendekatanKuantitatif,
        Pendekatan::Kualitatif => Key::PendekatanKualitatif,
    }
}

/// The PPKin's verdict on a piece of evidence; `None` while it is unchecked.
pub fn verifikasi(verdict: Option<Verifikasi>) -> Key {
    match verdict {
        None => Key::VerifBelum,
        Some(Verifikasi::Sesuai) => Key::VerifSesuai,
        Some(Verifikasi::Kurang) => Key::VerifKurang,
        Some(Verifikasi::TidakSesuai) => Key::VerifTidakSesuai,
    }
}

pub fn tag(tag: TagUmpanBalik) -> Key {
    match tag {
        TagUmpanBalik::Positif => Key::TagPositif,
        TagUmpanBalik::Negatif => Key::TagNegatif,
    }
}

pub fn unit_kind(kind: UnitKind) -> Key {
    match kind {
        UnitKind::Pemda => Key::KindPemda,
        UnitKind::SekretariatDaerah => Key::KindSekretariatDaerah,
        UnitKind::Dinas => Key::KindDinas,
        UnitKind::Badan => Key::KindBadan,
        UnitKind::Kecamatan => Key::KindKecamatan,
        UnitKind::Sekretariat => Key::KindSekretariat,
        UnitKind::Bidang => Key::KindBidang,
        UnitKind::Subbagian => Key::KindSubbagian,
        UnitKind::Seksi => Key::KindSeksi,
        UnitKind::Kelurahan => Key::KindKelurahan,
        UnitKind::Puskesmas => Key::KindPuskesmas,
        UnitKind::Sekolah => Key::KindSekolah,
        UnitKind::Lainnya => Key::KindLainnya,
    }
}

pub fn jenis_jabatan(jenis: JenisJabatan) -> Key {
    match jenis {
        JenisJabatan::Jpt => Key::JenisJpt,
        JenisJabatan::Administrasi => Key::JenisAdministrasi,
        JenisJabatan::FungsionalKeahlian => Key::JenisFungsionalKeahlian,
        JenisJabatan::FungsionalKeterampilan => Key::JenisFungsionalKeterampilan,
    }
}

pub fn jenjang(jenjang: Jenjang) -> Key {
    match jenjang {
        Jenjang::JptUtama => Key::JenjangJptUtama,
        Jenjang::JptMadya => Key::JenjangJptMadya,
        Jenjang::JptPratama => Key::JenjangJptPratama,
        Jenjang::Administrator => Key::JenjangAdministrator,
        Jenjang::Pengawas => Key::JenjangPengawas,
        Jenjang::Pelaksana => Key::JenjangPelaksana,
        Jenjang::AhliUtama => Key::JenjangAhliUtama,
        Jenjang::AhliMadya => Key::JenjangAhliMadya,
        Jenjang::AhliMuda => Key::JenjangAhliMuda,
        Jenjang::AhliPertama => Key::JenjangAhliPertama,
        Jenjang::Penyelia => Key::JenjangPenyelia,
        Jenjang::Mahir => Key::JenjangMahir,
        Jenjang::Terampil => Key::JenjangTerampil,
        Jenjang::Pemula => Key::JenjangPemula,
    }
}

pub fn status_pegawai(status: StatusPegawai) -> Key {
    match status {
        StatusPegawai::Aktif => Key::StatusAktif,
        StatusPegawai::Cuti => Key::StatusCuti,
        StatusPegawai::TugasBelajar => Key::StatusTugasBelajar,
        StatusPegawai::DiberhentikanSementara => Key::StatusDiberhentikanSementara,
        StatusPegawai::MutasiKeluar => Key::StatusMutasiKeluar,
        StatusPegawai::Pensiun => Key::StatusPensiun,
        StatusPegawai::Meninggal => Key::StatusMeninggal,
    }
}

pub fn jenis_pegawai(jenis: JenisPegawai) -> Key {
    match jenis {
        JenisPegawai::Pns => Key::PegawaiPns,
        JenisPegawai::Cpns => Key::PegawaiCpns,
        JenisPegawai::Pppk => Key::PegawaiPppk,
    }
}

pub fn gender(gender: Gender) -> Key {
    match gender {
        Gender::L => Key::GenderL,
        Gender::P => Key::GenderP,
    }
}

pub fn superior_reason(reason: SuperiorReason) -> Key {
    match reason {
        SuperiorReason::Derived => Key::ReasonDerived,
        SuperiorReason::Override => Key::ReasonOverride,
        SuperiorReason::Acting => Key::ReasonActing,
    }
}

pub fn penugasan(jenis: JenisPenugasan) -> Key {
    match jenis {
        JenisPenugasan::Definitif => Key::Definitif,
        JenisPenugasan::Plt => Key::Plt,
        JenisPenugasan::Plh => Key::Plh,
    }
}

pub fn sort(sort: EmployeeSort) -> Key {
    match sort {
        EmployeeSort::Nama => Key::SortNama,
        EmployeeSort::NamaDesc => Key::SortNamaDesc,
        EmployeeSort::Nip => Key::SortNip,
        EmployeeSort::Golongan => Key::SortGolongan,
        EmployeeSort::GolonganDesc => Key::SortGolonganDesc,
    }
}

/// The roles of a user as one line, e.g. "Pimpinan, Pegawai".
pub fn roles_line(lang: Lang, roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| text(lang, role(*r)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What to tell the user about a failed call. Indonesian uses the server's own `detail`
/// (it is written for users); English renders its code, translates known uncoded details, or
/// falls back to the problem code.
pub fn error_message(lang: Lang, error: &ApiError) -> String {
    let ApiError::Http {
        body, retry_after, ..
    } = error
    else {
        return text(
            lang,
            match error {
                ApiError::Network(_) => Key::ErrNetwork,
                _ => Key::ErrDecode,
            },
        )
        .to_owned();
    };
    let by_code = |code: ErrorCode| -> Key {
        match code {
            ErrorCode::InvalidCredentials => Key::WrongCredentials,
            ErrorCode::Unauthorized => Key::ErrUnauthorized,
            ErrorCode::Forbidden => Key::ErrForbidden,
            ErrorCode::PasswordChangeRequired => Key::ErrPasswordChangeRequired,
            ErrorCode::NotFound => Key::ErrNotFound,
            ErrorCode::Conflict => Key::ErrConflict,
            ErrorCode::ValidationFailed => Key::FormHasErrors,
            ErrorCode::RequestTimeout | ErrorCode::ServiceUnavailable => Key::ErrUnavailable,
            ErrorCode::TooManyRequests => Key::ThrottledLater,
            ErrorCode::Internal => Key::ErrInternal,
            ErrorCode::MalformedJson
            | ErrorCode::BadRequest
            | ErrorCode::UnsupportedMediaType
            | ErrorCode::PayloadTooLarge
            | ErrorCode::MethodNotAllowed => Key::ErrInvalidRequest,
        }
    };
    match (body.code, retry_after) {
        (ErrorCode::InvalidCredentials, _) => text(lang, Key::WrongCredentials).to_owned(),
        (ErrorCode::TooManyRequests, Some(secs)) => {
            let minutes = secs.div_ceil(60).max(1).to_string();
            fill(text(lang, Key::Throttled), &[("n", &minutes)])
        }
        (code, _) => match (&body.detail, lang) {
            (Some(detail), Lang::Id) => detail.clone(),
            (Some(detail), Lang::En) => coded_detail(body)
                .or_else(|| {
                    let english = message(Lang::En, detail);
                    (english != *detail).then_some(english)
                })
                .unwrap_or_else(|| text(lang, by_code(code)).to_owned()),
            _ => text(lang, by_code(code)).to_owned(),
        },
    }
}

/// The English of a coded `detail`, rendered from its code.
fn coded_detail(body: &kinerja_api::ErrorBody) -> Option<String> {
    body.message
        .as_ref()
        .and_then(|m| m.render(kinerja_api::pesan::Bahasa::En))
}

/// A date and time in the user's language and time zone (the browser's `Intl`).
pub fn datetime(lang: Lang, at: DateTime<Utc>) -> String {
    #[expect(
        clippy::cast_precision_loss,
        reason = "milliseconds since 1970 stay far below 2^53"
    )]
    let millis = at.timestamp_millis() as f64;
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis));
    let options = js_sys::JSON::parse(r#"{"dateStyle":"medium","timeStyle":"short"}"#)
        .unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
    date.to_locale_string(locale(lang), &options).into()
}

fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "id-ID",
        Lang::En => "en-GB",
    }
}

/// A calendar date in the user's language, e.g. "17 Mar 1990" (no time zone shift).
pub fn date(lang: Lang, day: NaiveDate) -> String {
    let utc = js_sys::Date::utc(f64::from(day.year()), f64::from(day.month0()))
        + f64::from(day.day0()) * 86_400_000.0;
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(utc));
    let options = js_sys::JSON::parse(r#"{"dateStyle":"medium","timeZone":"UTC"}"#)
        .unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
    date.to_locale_date_string(locale(lang), &options).into()
}

/// A calendar date in words, e.g. "5 Januari 2027" / "5 January 2027" (no time zone shift).
pub fn long_date(lang: Lang, day: NaiveDate) -> String {
    let utc = js_sys::Date::utc(f64::from(day.year()), f64::from(day.month0()))
        + f64::from(day.day0()) * 86_400_000.0;
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(utc));
    let options = js_sys::JSON::parse(r#"{"dateStyle":"long","timeZone":"UTC"}"#)
        .unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
    date.to_locale_date_string(locale(lang), &options).into()
}

/// A number in the user's language ("83,33" in Indonesian), by the browser's `Intl`.
pub fn decimal(lang: Lang, value: f64) -> String {
    js_sys::Number::from(value)
        .to_locale_string(locale(lang))
        .into()
}

/// A percentage, e.g. "83,33%".
pub fn percent(lang: Lang, value: f64) -> String {
    format!("{}%", decimal(lang, value))
}

/// A month and its year, e.g. "November 2026" (`month0` from 0).
pub fn month(lang: Lang, year: i32, month0: u32) -> String {
    let utc = js_sys::Date::utc(f64::from(year), f64::from(month0));
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(utc));
    let options = js_sys::JSON::parse(r#"{"month":"long","year":"numeric","timeZone":"UTC"}"#)
        .unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
    date.to_locale_date_string(locale(lang), &options).into()
}

/// Today in the browser's time zone (for the NIP rules and date pickers).
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        i32::try_from(now.get_full_year()).unwrap_or(1970),
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// A file size in KB or MB, e.g. "1,2 MB".
pub fn file_size(lang: Lang, bytes: f64) -> String {
    let (value, unit) = if bytes >= 1_048_576.0 {
        (bytes / 1_048_576.0, "MB")
    } else {
        ((bytes / 1024.0).max(0.1), "KB")
    };
    // One decimal by JavaScript's `toFixed`: Rust's float formatting would add its tables
    // to the wasm for this one use.
    let text: String = js_sys::Number::from(value)
        .to_fixed(1)
        .map(String::from)
        .unwrap_or_default();
    let text = match lang {
        Lang::Id => text.replace('.', ","),
        Lang::En => text,
    };
    format!("{text} {unit}")
}

pub fn rating(rating: Rating) -> Key {
    match rating {
        Rating::DiAtas => Key::RatingDiAtas,
        Rating::Sesuai => Key::RatingSesuai,
        Rating::DiBawah => Key::RatingDiBawah,
    }
}

pub fn predikat(predikat: Predikat) -> Key {
    match predikat {
        Predikat::SangatBaik => Key::PredikatSangatBaik,
        Predikat::Baik => Key::PredikatBaik,
        Predikat::ButuhPerbaikan => Key::PredikatButuhPerbaikan,
        Predikat::Kurang => Key::PredikatKurang,
        Predikat::SangatKurang => Key::PredikatSangatKurang,
    }
}

pub fn predikat_org(predikat: PredikatOrganisasi) -> Key {
    match predikat {
        PredikatOrganisasi::Istimewa => Key::OrgIstimewa,
        PredikatOrganisasi::Baik => Key::PredikatBaik,
        PredikatOrganisasi::ButuhPerbaikan => Key::PredikatButuhPerbaikan,
        PredikatOrganisasi::Kurang => Key::OrgKurang,
        PredikatOrganisasi::SangatKurang => Key::PredikatSangatKurang,
    }
}

pub fn status_keberatan(status: StatusKeberatan) -> Key {
    match status {
        StatusKeberatan::Diajukan => Key::KeberatanDiajukan,
        StatusKeberatan::Dijelaskan => Key::KeberatanDijelaskan,
        StatusKeberatan::Diputus => Key::KeberatanDiputus,
    }
}

pub fn jenis_pelatihan(jenis: JenisPelatihan) -> Key {
    match jenis {
        JenisPelatihan::Teknis => Key::JenisTeknis,
        JenisPelatihan::Manajerial => Key::JenisManajerial,
        JenisPelatihan::SosialKultural => Key::JenisSosialKultural,
        JenisPelatihan::Fungsional => Key::JenisFungsional,
    }
}

pub fn scope(scope: Scope) -> Key {
    match scope {
        Scope::RealisasiWrite => Key::ScopeRealisasiWrite,
        Scope::PegawaiRead => Key::ScopePegawaiRead,
        Scope::IkmRead => Key::ScopeIkmRead,
    }
}

#[cfg(test)]
mod tests {
    use kinerja_api::ErrorBody;

    use super::*;

    fn http(code: ErrorCode, detail: Option<&str>, retry_after: Option<u64>) -> ApiError {
        ApiError::Http {
            status: 400,
            body: Box::new(ErrorBody {
                type_uri: String::new(),
                title: String::new(),
                status: 400,
                detail: detail.map(str::to_owned),
                code,
                errors: None,
                message: None,
                messages: None,
            }),
            retry_after,
        }
    }

    #[test]
    fn throttling_shows_the_wait_in_minutes() {
        let e = http(ErrorCode::TooManyRequests, Some("x"), Some(61));
        assert_eq!(
            error_message(Lang::Id, &e),
            "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 2 menit."
        );
        assert!(error_message(Lang::En, &e).contains("2 minutes"));
    }

    #[test]
    fn wrong_credentials_have_a_fixed_message() {
        let e = http(ErrorCode::InvalidCredentials, Some("apa saja"), None);
        assert!(error_message(Lang::Id, &e).starts_with("Nama pengguna atau kata sandi salah"));
        assert!(error_message(Lang::En, &e).starts_with("Wrong username or password"));
    }

    #[test]
    fn english_falls_back_to_the_code_for_unknown_details() {
        let e = http(ErrorCode::Forbidden, Some("Tidak boleh."), None);
        assert_eq!(error_message(Lang::Id, &e), "Tidak boleh.");
        assert_eq!(
            error_message(Lang::En, &e),
            text(Lang::En, Key::ErrForbidden)
        );
        assert_eq!(
            error_message(Lang::En, &ApiError::Network(String::new())),
            text(Lang::En, Key::ErrNetwork)
        );
    }

    #[test]
    fn coded_details_are_rendered_from_their_code() {
        let coded = kinerja_api::Message::from(kinerja_api::Pesan::PeriodeTerkunci {
            sejak: "2026-12-01".into(),
        });
        let mut e = http(ErrorCode::Conflict, Some(&coded.indonesian()), None);
        if let ApiError::Http { body, .. } = &mut e {
            body.message = Some(coded);
        }
        assert!(error_message(Lang::Id, &e).starts_with("Periode ini terkunci sejak"));
        assert_eq!(
            error_message(Lang::En, &e),
            "This period has been locked since 1 December 2026. Ask the HR administrator to \
             unlock it if needed."
        );
    }
}

/// A month's short name, `m` from 1 ("Jan", "Agu" / "Aug").
pub fn month_short(lang: Lang, m: u32) -> String {
    const ID: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
    ];
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let names = if lang == Lang::Id { ID } else { EN };
    names
        .get(m.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("")
        .to_owned()
}
