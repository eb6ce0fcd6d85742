//! A labelled text input (or textarea) bound to a request path, showing that path's messages.

use leptos::prelude::*;

use crate::forms::FieldErrors;
use crate::i18n::{Key, tr, use_i18n};

/// A labelled text input (or textarea) of a row, with the messages of its request path.
#[component]
pub fn RowInput(
    label: Key,
    id: String,
    value: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
    /// The request path of the value (`rhk[0].deskripsi`), reactive as rows move.
    #[prop(into)]
    path: Signal<String>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// The input's type (default `text`), e.g. `date`.
    #[prop(optional)]
    kind: Option<&'static str>,
    /// The unit shown after the input ("laporan"); none when empty.
    #[prop(optional, into)]
    suffix: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let list = Memo::new(move |_| errors.with(|e| messages(&path.get(), e)));
    let invalid = move || {
        if list.with(Vec::is_empty) {
            "false"
        } else {
            "true"
        }
    };
    let clear = move |ev| {
        value.set(event_target_value(&ev));
        if !list.with_untracked(Vec::is_empty) {
            errors.update(|e| {
                e.remove(&path.get_untracked());
            });
        }
    };
    let control = if multiline {
        view! {
            <textarea
                class="field__input field__textarea"
                id=id.clone()
                rows="2"
                aria-invalid=invalid
                aria-describedby=error_id.clone()
                prop:value=move || value.get()
                on:input=clear
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                class="field__input"
                id=id.clone()
                type=kind.unwrap_or("text")
                inputmode=inputmode
                autocomplete="off"
                aria-invalid=invalid
                aria-describedby=error_id.clone()
                prop:value=move || value.get()
                on:input=clear
            />
        }
        .into_any()
    };
    view! {
        <div class="field field--compact" class:field--invalid=move || !list.with(Vec::is_empty)>
            <label class="field__label" for=id>{tr(label)}</label>
            {if suffix.is_empty() {
                control
            } else {
                view! {
                    <div class="field__with-suffix">
                        {control}
                        <span class="field__suffix" aria-hidden="true">{suffix}</span>
                    </div>
                }
                .into_any()
            }}
            <p class="field__error" id=error_id>
                {move || {
                    list.get()
                        .into_iter()
                        .map(|m| view! { <span class="field__message">{i18n.message(&m)}</span> })
                        .collect_view()
                }}
            </p>
        </div>
    }
}

/// The field messages under `path`, translated.
pub fn messages(path: &str, errors: &crate::forms::FieldErrors) -> Vec<String> {
    errors.get(path).cloned().unwrap_or_default()
}
