//! Labels for contract enums and locale-aware formatting.

use chrono::{DateTime, Utc};
use kinerja_api::ErrorCode;
use kinerja_api::auth::{Permission, Role};

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

/// Title and description of a permission.
pub fn permission(permission: Permission) -> (Key, Key) {
    match permission {
        Permission::ManageOwnProfile => (Key::PermOwnProfile, Key::PermOwnProfileDesc),
        Permission::ManageUsers => (Key::PermManageUsers, Key::PermManageUsersDesc),
        Permission::GrantAdminRoles => (Key::PermGrantAdmin, Key::PermGrantAdminDesc),
        Permission::ReadAudit => (Key::PermReadAudit, Key::PermReadAuditDesc),
        Permission::ReadUnitDashboards => (Key::PermUnitDashboards, Key::PermUnitDashboardsDesc),
        Permission::ManageOrganisation => {
            (Key::PermManageOrganisation, Key::PermManageOrganisationDesc)
        }
        Permission::ReadAllEmployees => (Key::PermReadAllEmployees, Key::PermReadAllEmployeesDesc),
    }
}

/// Where a permission can be used in the app, if it has a page yet.
pub fn permission_link(permission: Permission) -> Option<&'static str> {
    match permission {
        Permission::ManageOwnProfile => Some("/profil"),
        Permission::ManageUsers => Some("/pengguna"),
        Permission::ReadAudit => Some("/audit"),
        Permission::GrantAdminRoles
        | Permission::ReadUnitDashboards
        | Permission::ManageOrganisation
        | Permission::ReadAllEmployees => None,
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
/// (it is written for users); English translates known details or falls back to the code.
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
            (Some(detail), Lang::En) if message(Lang::En, detail) != *detail => {
                message(Lang::En, detail)
            }
            _ => text(lang, by_code(code)).to_owned(),
        },
    }
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
    let locale = match lang {
        Lang::Id => "id-ID",
        Lang::En => "en-GB",
    };
    date.to_locale_string(locale, &options).into()
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
}
