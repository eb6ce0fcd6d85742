//! Validation rules shared by the server and the SPA.

use std::borrow::Cow;

use validator::ValidationError;

pub const USERNAME_MIN: u64 = 3;
pub const USERNAME_MAX: u64 = 64;
pub const PASSWORD_MIN: u64 = 10;
/// Argon2 input is bounded so a huge password cannot be used to burn CPU.
pub const PASSWORD_MAX: u64 = 128;
/// The pattern published in the OpenAPI schema for usernames.
pub const USERNAME_PATTERN: &str = "^[A-Za-z0-9._-]+$";

fn error(code: &'static str, message: &'static str) -> ValidationError {
    ValidationError::new(code).with_message(Cow::Borrowed(message))
}

/// A username (the NIP for staff): letters, digits, dot, dash and underscore.
///
/// # Errors
/// `username_chars` when another character is present.
pub fn username_chars(value: &str) -> Result<(), ValidationError> {
    if value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    {
        Ok(())
    } else {
        Err(error(
            "username_chars",
            "Nama pengguna hanya boleh berisi huruf, angka, titik, garis bawah, dan tanda hubung.",
        ))
    }
}

/// Rejects a value that is only white space.
///
/// # Errors
/// `blank` when the value has no visible character.
pub fn not_blank(value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        Err(error("blank", "Wajib diisi."))
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
/// `password_equals_username` when it does.
pub fn password_differs_from_username(
    password: &str,
    username: &str,
) -> Result<(), ValidationError> {
    if normalise_identity(password) == normalise_identity(username) {
        Err(error(
            "password_equals_username",
            "Kata sandi tidak boleh sama dengan nama pengguna atau NIP.",
        ))
    } else {
        Ok(())
    }
}

/// A link anyone can open: `http://` or `https://` only (no `javascript:`, `file:` …).
///
/// # Errors
/// `http_url` otherwise.
pub fn http_url(value: &str) -> Result<(), ValidationError> {
    let lower = value.trim().to_ascii_lowercase();
    if (lower.starts_with("https://") || lower.starts_with("http://"))
        && lower.len() > 8
        && !lower.contains(char::is_whitespace)
    {
        Ok(())
    } else {
        Err(error(
            "http_url",
            "Tautan harus diawali http:// atau https://.",
        ))
    }
}

/// An email address, checked without regular expressions (they would add ~80 KB to the SPA):
/// one `@`, a local part of allowed characters, and a dotted domain of letters, digits and
/// hyphens.
///
/// # Errors
/// `email` otherwise.
pub fn email_address(value: &str) -> Result<(), ValidationError> {
    let invalid = || error("email", "Alamat email tidak valid.");
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
