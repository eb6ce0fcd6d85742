//! The result of a form's last write: saved, invalid (field errors) or failed, announced politely.

use kinerja_api::ErrorCode;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::{Alert, AlertKind};
use crate::forms::FieldErrors;
use crate::i18n::{Key, message, text, tr, use_i18n};
use crate::labels;

/// What happened to the last write of a form.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Done(Key),
    /// Field errors; the messages of fields without a control of the form.
    Invalid(Vec<String>),
    Failed(ApiError),
}

/// Puts a failed write on its form: the messages of a 422 on the form's `fields` (under the
/// name of the control, see `rename`), other failures as an alert.
pub fn failed(
    error: ApiError,
    fields: &[&str],
    errors: RwSignal<FieldErrors>,
    outcome: RwSignal<Option<Outcome>>,
) {
    if error.code() != Some(ErrorCode::ValidationFailed) {
        outcome.set(Some(Outcome::Failed(error)));
        return;
    }
    let (known, other): (FieldErrors, FieldErrors) = error
        .field_errors()
        .into_iter()
        .partition(|(field, _)| fields.contains(&field.as_str()));
    errors.set(known);
    outcome.set(Some(Outcome::Invalid(
        other.into_values().flatten().collect(),
    )));
}

/// The result of a form's last write, announced politely.
#[component]
pub fn FormStatus(outcome: RwSignal<Option<Outcome>>) -> impl IntoView {
    let i18n = use_i18n();
    let alert = move || {
        outcome.with(|o| {
            o.as_ref().map(|o| {
                let lang = i18n.lang();
                let (kind, text) = match o {
                    Outcome::Done(key) => (AlertKind::Success, text(lang, *key).to_owned()),
                    Outcome::Invalid(general) => (
                        AlertKind::Error,
                        general
                            .iter()
                            .fold(text(lang, Key::FormHasErrors).to_owned(), |all, m| {
                                format!("{all} {}", message(lang, m))
                            }),
                    ),
                    Outcome::Failed(e) => (AlertKind::Error, labels::error_message(lang, e)),
                };
                view! { <Alert kind=kind message=text/> }
            })
        })
    };
    view! { <div class="form-status" aria-live="polite">{alert}</div> }
}

/// An info box.
pub fn info(key: Key) -> impl IntoView {
    view! {
        <div class="alert alert--info alert--block" role="status">
            <span class="alert__icon" aria-hidden="true"></span>
            <p class="alert__text">{tr(key)}</p>
        </div>
    }
}
