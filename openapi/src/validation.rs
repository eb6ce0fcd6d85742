//! Validation rules shared by the server and the SPA.

use std::borrow::Cow;

use validator::ValidationError;

use crate::pesan::{Bahasa, Pesan};

pub const USERNAME_MIN: u64 = 3;
pub const USERNAME_MAX: u64 = 64;
pub const PASSWORD_MIN: u64 = 10;
/// Argon2 input is bounded so a huge password cannot be used to burn CPU.
pub const PASSWORD_MAX: u64 = 128;
/// The pattern published in the OpenAPI schema for usernames.
pub const USERNAME_PATTERN: &str = "^[A-Za-z0-9._-]+$";

/// The validator code is the catalogue code, so the server answers with the coded message; the
/// Indonesian text is kept for callers that read `message`.
pub(crate) fn error(pesan: Pesan) -> ValidationError {
    ValidationError::new(pesan.code()).with_message(Cow::Owned(pesan.text(Bahasa::Id)))
}

/// A username (the NIP for staff): letters, digits, dot, dash and underscore.
///
/// # Errors
/// `nama_pengguna_karakter` when another character is present.
pub fn username_chars(value: &str) -> Result<(), ValidationError> {
    if value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    {
        Ok(())
    } else {
        Err(error(Pesan::NamaPenggunaKarakter))
    }
}

/// Rejects a value that is only white space.
///
/// # Errors
/// `wajib_diisi` when the value has no visible character.
pub fn not_blank(value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        Err(error(Pesan::WajibDiisi))
    } else {
        Ok(())
    }
}

/// Normalises a username or NIP for comparison: NIPs are often written with spaces or dots.
pub fn normalise_identity(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The password policy beyond its length: it must not equal the username (the NIP for staff).
///
/// # Errors
/// `sandi_sama_dengan_nama` when it does.
pub fn password_differs_from_username(
    password: &str,
    username: &str,
) -> Result<(), ValidationError> {
    if normalise_identity(password) == normalise_identity(username) {
        Err(error(Pesan::SandiSamaDenganNama))
    } else {
        Ok(())
    }
}

/// A link anyone can open: `http://` or `https://` only (no `javascript:`, `file:` …).
///
/// # Errors
/// `tautan_http` otherwise.
pub fn http_url(value: &str) -> Result<(), ValidationError> {
    let lower = value.trim().to_ascii_lowercase();
    if (lower.starts_with("https://") || lower.starts_with("http://"))
        && lower.len() > 8
        && !lower.contains(char::is_whitespace)
    {
        Ok(())
    } else {
        Err(error(Pesan::TautanHttp))
    }
}

/// An email address, checked without regular expressions (they would add ~80 KB to the SPA):
/// one `@`, a local part of allowed characters, and a dotted domain of letters, digits and
/// hyphens.
///
/// # Errors
/// `email_tidak_valid` otherwise.
pub fn email_address(value: &str) -> Result<(), ValidationError> {
    let invalid = || error(Pesan::EmailTidakValid);
    let Some((local, domain)) = value.split_once('@') else {
        return Err(invalid());
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && domain.len() <= 253
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    if local_ok && domain_ok {
        Ok(())
    } else {
        Err(invalid())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_allow_nip_and_dotted_names() {
        assert!(username_chars("199001012015031001").is_ok());
        assert!(username_chars("admin.bkpsdm_1-x").is_ok());
        assert!(username_chars("budi santoso").is_err());
        assert!(username_chars("budi@serang").is_err());
    }

    #[test]
    fn password_equal_to_nip_is_rejected_even_when_formatted() {
        let nip = "199001012015031001";
        assert!(password_differs_from_username("19900101 201503 1 001", nip).is_err());
        assert!(password_differs_from_username("1990.0101.2015.031001", nip).is_err());
        assert!(password_differs_from_username("Rahasia-Sekali-2026", nip).is_ok());
    }

    #[test]
    fn email_addresses_are_checked_without_regex() {
        for ok in ["siti@serangkota.go.id", "a.b+c@x-y.id"] {
            assert!(email_address(ok).is_ok(), "{ok}");
        }
        for bad in [
            "bukan-email",
            "a@b",
            "@x.id",
            "a@.id",
            "a b@x.id",
            "a@x..id",
            "a@-x.id",
            "a@@x.id",
        ] {
            assert!(email_address(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn blank_values_are_rejected() {
        assert!(not_blank("   ").is_err());
        assert!(not_blank(" a ").is_ok());
    }
}
