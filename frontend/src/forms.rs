//! Form errors: the contract's `validator` rules and the server's 422 `errors` map share one
//! shape, field name → messages, so both land on the same fields.

use std::collections::BTreeMap;

use kinerja_api::auth::{ChangePasswordRequest, LoginRequest};
use kinerja_api::validation::{PASSWORD_MAX, PASSWORD_MIN, USERNAME_MAX};

/// Field name (as in the request DTO) → messages (Indonesian, from the contract or server).
pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// The text under a form field: its messages in the reader's language, or nothing. Called as
/// `field_text(errors)("nama")` inside a view.
pub fn field_text(
    errors: leptos::prelude::RwSignal<FieldErrors>,
) -> impl Fn(&'static str) -> Box<dyn Fn() -> Option<String> + Send + Sync> + Copy {
    use leptos::prelude::With;
    let i18n = crate::i18n::use_i18n();
    move |name| {
        Box::new(move || {
            errors.with(|e| {
                e.get(name).map(|m| {
                    m.iter()
                        .map(|t| i18n.message(t))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
            })
        })
    }
}

/// Adds one message to a field.
pub fn push(errors: &mut FieldErrors, field: &str, message: impl Into<String>) {
    errors
        .entry(field.to_owned())
        .or_default()
        .push(message.into());
}

/// The field rules of `LoginRequest` with the contract's messages, in its order. Written out
/// like [`employee_rules`]: calling `validate()` links the `validator` crate into the wasm. A
/// test checks that both agree.
pub fn login_rules(request: &LoginRequest) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let username = request.username.chars().count() as u64;
    if !(1..=USERNAME_MAX).contains(&username) {
        push(
            &mut errors,
            "username",
            "Nama pengguna wajib diisi (maksimal 64 karakter).",
        );
    }
    if request.username.trim().is_empty() {
        push(&mut errors, "username", "Wajib diisi.");
    }
    if !(1..=PASSWORD_MAX).contains(&(request.password.chars().count() as u64)) {
        push(
            &mut errors,
            "password",
            "Kata sandi wajib diisi (maksimal 128 karakter).",
        );
    }
    errors
}

/// The field rules of `ChangePasswordRequest` with the contract's messages (see
/// [`login_rules`]).
pub fn change_password_rules(request: &ChangePasswordRequest) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if !(1..=PASSWORD_MAX).contains(&(request.current_password.chars().count() as u64)) {
        push(
            &mut errors,
            "current_password",
            "Kata sandi saat ini wajib diisi.",
        );
    }
    if !(PASSWORD_MIN..=PASSWORD_MAX).contains(&(request.new_password.chars().count() as u64)) {
        push(
            &mut errors,
            "new_password",
            "Kata sandi baru minimal 10 dan maksimal 128 karakter.",
        );
    }
    errors
}

/// The optional text fields of an employee record, as typed.
#[derive(Debug, Clone, Default)]
pub struct EmployeeTexts<'a> {
    pub nama: &'a str,
    pub nip_lama: &'a str,
    pub gelar_depan: &'a str,
    pub gelar_belakang: &'a str,
    pub tempat_lahir: &'a str,
    pub email: &'a str,
    pub telepon: &'a str,
    pub password: &'a str,
    pub reason: &'a str,
}

/// The field rules of `CreateEmployee`/`UpdateEmployee` with the contract's messages.
///
/// Written out instead of calling the DTOs' `validate()`: its `email` rule links the `regex`
/// and `idna` crates into the wasm (about 500 KB gzip). A test checks that both agree.
pub fn employee_rules(t: &EmployeeTexts<'_>) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let chars = |s: &str| s.chars().count();
    let mut over = |field: &str, value: &str, max: usize, message: &str| {
        if chars(value) > max {
            push(&mut errors, field, message);
        }
    };
    over(
        "nama",
        t.nama,
        200,
        "Nama wajib diisi (maksimal 200 karakter).",
    );
    over(
        "gelar_depan",
        t.gelar_depan,
        50,
        "Gelar depan maksimal 50 karakter.",
    );
    over(
        "gelar_belakang",
        t.gelar_belakang,
        80,
        "Gelar belakang maksimal 80 karakter.",
    );
    over(
        "tempat_lahir",
        t.tempat_lahir,
        100,
        "Tempat lahir maksimal 100 karakter.",
    );
    over(
        "telepon",
        t.telepon,
        30,
        "Nomor telepon maksimal 30 karakter.",
    );
    over("reason", t.reason, 500, "Alasan maksimal 500 karakter.");
    let nip_lama = t.nip_lama.trim();
    if !nip_lama.is_empty() && chars(nip_lama) != 9 {
        push(&mut errors, "nip_lama", "NIP lama terdiri dari 9 digit.");
    }
    let email = t.email.trim();
    if !email.is_empty() {
        if !looks_like_email(email) {
            push(&mut errors, "email", "Alamat email tidak valid.");
        } else if chars(email) > 254 {
            push(&mut errors, "email", "Email maksimal 254 karakter.");
        }
    }
    let password = chars(t.password) as u64;
    if !t.password.is_empty() && !(PASSWORD_MIN..=PASSWORD_MAX).contains(&password) {
        push(
            &mut errors,
            "password",
            "Kata sandi minimal 10 dan maksimal 128 karakter.",
        );
    }
    errors
}

/// `name@domain.tld` without spaces; the server checks the address fully.
fn looks_like_email(value: &str) -> bool {
    match value.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty()
                && !domain.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !value.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

/// The first of `fields` that has an error, for moving the focus there.
pub fn first_invalid<'a>(errors: &FieldErrors, fields: &[&'a str]) -> Option<&'a str> {
    fields
        .iter()
        .copied()
        .find(|f| errors.get(*f).is_some_and(|m| !m.is_empty()))
}

#[cfg(test)]
mod tests {
    use kinerja_api::auth::RefreshDelivery;
    use validator::{Validate, ValidationErrors};

    use super::*;
    use crate::i18n::{Lang, message};

    /// The messages of a failed `validate()`, in the order the rules are declared.
    fn from_validation(errors: &ValidationErrors) -> FieldErrors {
        errors
            .field_errors()
            .into_iter()
            .map(|(field, errors)| {
                let messages = errors
                    .iter()
                    .map(|e| {
                        // Coded rules carry no message of their own: the catalogue has it.
                        kinerja_api::pesan::entry(&e.code).map_or_else(
                            || {
                                e.message
                                    .as_ref()
                                    .map_or_else(|| e.code.to_string(), ToString::to_string)
                            },
                            |entry| entry.id.to_owned(),
                        )
                    })
                    .collect();
                (field.to_string(), messages)
            })
            .collect()
    }

    #[test]
    fn login_and_password_rules_match_the_contract() {
        let long = |n: usize| "x".repeat(n);
        for (username, password) in [
            (String::new(), String::new()),
            ("   ".to_owned(), "x".to_owned()),
            (long(65), long(129)),
            (
                "199003172015032001".to_owned(),
                "Demo-Kinerja-2026".to_owned(),
            ),
        ] {
            let request = LoginRequest {
                username: username.clone(),
                password: password.clone(),
                refresh_delivery: RefreshDelivery::Cookie,
            };
            let expected = request
                .validate()
                .err()
                .map(|e| from_validation(&e))
                .unwrap_or_default();
            assert_eq!(login_rules(&request), expected, "{username:?}");
            let change = ChangePasswordRequest {
                current_password: password.clone(),
                new_password: username,
            };
            let expected = change
                .validate()
                .err()
                .map(|e| from_validation(&e))
                .unwrap_or_default();
            assert_eq!(change_password_rules(&change), expected);
        }
    }

    #[test]
    fn login_rules_give_per_field_messages_with_english_versions() {
        let request = LoginRequest {
            username: String::new(),
            password: String::new(),
            refresh_delivery: RefreshDelivery::Cookie,
        };
        let errors = from_validation(&request.validate().unwrap_err());
        assert_eq!(
            first_invalid(&errors, &["username", "password"]),
            Some("username")
        );
        assert!(errors.contains_key("password"));
        for messages in errors.values() {
            for m in messages {
                assert_ne!(message(Lang::En, m), *m, "no English for {m:?}");
            }
        }
    }

    #[test]
    fn employee_rules_match_the_contract() {
        use chrono::NaiveDate;
        use kinerja_api::employees::{CreateEmployee, JenisPegawai, UpdateEmployee};
        use kinerja_api::nip::Gender;

        let long = |n: usize| "x".repeat(n);
        let (nama, gelar_depan, gelar_belakang, tempat_lahir, telepon, reason) = (
            long(201),
            long(51),
            long(81),
            long(101),
            long(31),
            long(501),
        );
        let texts = EmployeeTexts {
            nama: &nama,
            nip_lama: "12345",
            gelar_depan: &gelar_depan,
            gelar_belakang: &gelar_belakang,
            tempat_lahir: &tempat_lahir,
            email: "bukan-email",
            telepon: &telepon,
            password: "pendek",
            reason: &reason,
        };
        let create = CreateEmployee {
            instansi_id: uuid::Uuid::nil(),
            nip: "199003172015032001".to_owned(),
            nip_lama: Some(texts.nip_lama.to_owned()),
            nama: nama.clone(),
            gelar_depan: Some(gelar_depan.clone()),
            gelar_belakang: Some(gelar_belakang.clone()),
            tempat_lahir: Some(tempat_lahir.clone()),
            tanggal_lahir: NaiveDate::default(),
            jenis_kelamin: Gender::P,
            jenis_pegawai: JenisPegawai::Pns,
            golongan: None,
            tmt_golongan: None,
            jabatan_id: None,
            tmt_jabatan: None,
            status: None,
            email: Some(texts.email.to_owned()),
            telepon: Some(telepon.clone()),
            password: Some(texts.password.to_owned()),
        };
        let mut expected = from_validation(&create.validate().unwrap_err());
        let update = UpdateEmployee {
            reason: Some(reason.clone()),
            ..UpdateEmployee::default()
        };
        expected.extend(from_validation(&update.validate().unwrap_err()));
        assert_eq!(employee_rules(&texts), expected);
        for messages in expected.values() {
            for m in messages {
                assert_ne!(message(Lang::En, m), *m, "no English for {m:?}");
            }
        }

        let fine = EmployeeTexts {
            nama: "Rina Marlina",
            email: "rina@serangkota.go.id",
            password: "Rahasia-Sekali-1",
            nip_lama: "123456789",
            ..EmployeeTexts::default()
        };
        assert!(employee_rules(&fine).is_empty());
        assert!(
            !looks_like_email("a b@c.id") && !looks_like_email("a@b") && looks_like_email("a@b.id")
        );
    }

    #[test]
    fn blank_username_is_rejected() {
        let request = LoginRequest {
            username: "   ".to_owned(),
            password: "x".to_owned(),
            refresh_delivery: RefreshDelivery::Cookie,
        };
        let errors = from_validation(&request.validate().unwrap_err());
        assert_eq!(errors["username"], ["Wajib diisi."]);
    }

    #[test]
    fn change_password_rules_have_english_versions() {
        let request = ChangePasswordRequest {
            current_password: String::new(),
            new_password: "pendek".to_owned(),
        };
        let errors = from_validation(&request.validate().unwrap_err());
        assert_eq!(errors.len(), 2);
        for messages in errors.values() {
            for m in messages {
                assert_ne!(message(Lang::En, m), *m, "no English for {m:?}");
            }
        }
        let equal = kinerja_api::validation::password_differs_from_username(
            "199003172015032001",
            "199003172015032001",
        )
        .unwrap_err();
        let text = equal.message.unwrap_or_default().to_string();
        assert_ne!(message(Lang::En, &text), text);
    }
}
