//! A labelled text input whose messages come from the form's error map.

use leptos::prelude::*;

use crate::forms::FieldErrors;
use crate::i18n::{Key, tr, use_i18n};

/// A label, an input and its error message, tied together for assistive technology
/// (`for`/`id`, `aria-invalid`, `aria-describedby`). Editing the field clears its error.
#[component]
pub fn Field(
    /// The request DTO's field name: element id, `name`, and key into `errors`.
    name: &'static str,
    /// The visible label.
    label: Key,
    /// The bound value.
    value: RwSignal<String>,
    /// The errors of the whole form.
    errors: RwSignal<FieldErrors>,
    /// The `autocomplete` token (`username`, `current-password`, `new-password`).
    autocomplete: &'static str,
    /// The input type (`text`, `password`); reactive for "show password".
    #[prop(into, default = Signal::stored("text"))]
    kind: Signal<&'static str>,
    /// A hint shown under the label.
    #[prop(optional)]
    hint: Option<Key>,
    /// Disables the input while the form is being sent.
    #[prop(into, default = Signal::stored(false))]
    disabled: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{name}-error");
    let hint_id = format!("{name}-hint");
    let described_by = match hint {
        Some(_) => format!("{hint_id} {error_id}"),
        None => error_id.clone(),
    };
    let message = Memo::new(move |_| errors.with(|e| e.get(name).and_then(|m| m.first().cloned())));
    let invalid = move || message.with(Option::is_some);
    view! {
        <div class="field" class:field--invalid=invalid>
            <label class="field__label" for=name>
                {tr(label)}
            </label>
            {hint.map(|h| view! { <p class="field__hint" id=hint_id>{tr(h)}</p> })}
            <input
                class="field__input"
                id=name
                name=name
                type=kind
                autocomplete=autocomplete
                aria-invalid=move || if invalid() { "true" } else { "false" }
                aria-describedby=described_by
                disabled=disabled
                bind:value=value
                on:input=move |_| {
                    if message.with_untracked(Option::is_some) {
                        errors.update(|e| {
                            e.remove(name);
                        });
                    }
                }
            />
            <p class="field__error" id=error_id>
                {move || message.get().map(|m| i18n.message(&m))}
            </p>
        </div>
    }
}

/// Moves the keyboard focus to the element with this id (the first invalid field), after the
/// pending DOM updates (a field may still be disabled while its form is being sent).
pub fn focus(id: &'static str) {
    use wasm_bindgen::JsCast;
    request_animation_frame(move || {
        if let Some(element) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            // Focus can only fail for detached elements; there is nothing to fall back to.
            let _ = element.focus();
        }
    });
}
