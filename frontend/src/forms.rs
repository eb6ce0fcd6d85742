//! Form errors: the contract's `validator` rules and the server's 422 `errors` map share one
//! shape, field name → messages, so both land on the same fields.

use std::collections::BTreeMap;

use validator::ValidationErrors;

/// Field name (as in the request DTO) → messages (Indonesian, from the contract or server).
pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// The messages of a failed `validate()`, in the order the rules are declared.
pub fn from_validation(errors: &ValidationErrors) -> FieldErrors {
    errors
        .field_errors()
        .into_iter()
        .map(|(field, errors)| {
            let messages = errors
                .iter()
                .map(|e| {
                    e.message
                        .as_ref()
                        .map_or_else(|| e.code.to_string(), ToString::to_string)
                })
                .collect();
            (field.to_string(), messages)
        })
        .collect()
}

/// Adds one message to a field.
pub fn push(errors: &mut FieldErrors, field: &str, message: impl Into<String>) {
    errors
        .entry(field.to_owned())
        .or_default()
        .push(message.into());
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
    use kinerja_api::auth::{ChangePasswordRequest, LoginRequest, RefreshDelivery};
    use validator::Validate;

    use super::*;
    use crate::i18n::{Lang, message};

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
