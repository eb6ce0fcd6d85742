//! Labelled form controls whose messages come from the form's error map.

use leptos::prelude::*;

use crate::forms::FieldErrors;
use crate::i18n::{Key, tr, use_i18n};

/// The label of a control, with a "wajib" marker for required ones.
#[component]
fn Label(name: &'static str, #[prop(into)] label: Signal<Key>, required: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="field__label" for=name>
            {move || i18n.t(label.get())}
            {required
                .then(|| {
                    view! {
                        <span class="field__required">
                            " (" {tr(Key::Required)} ")"
                        </span>
                    }
                })}
        </label>
    }
}

/// The messages of one field (all of them, e.g. every wrong NIP segment), translated.
#[component]
fn Messages(name: &'static str, errors: RwSignal<FieldErrors>) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{name}-error");
    view! {
        <p class="field__error" id=error_id>
            {move || {
                errors
                    .with(|e| e.get(name).cloned().unwrap_or_default())
                    .into_iter()
                    .map(|m| view! { <span class="field__message">{i18n.message(&m)}</span> })
                    .collect_view()
            }}
        </p>
    }
}

fn described_by(name: &str, hint: bool) -> String {
    if hint {
        format!("{name}-hint {name}-error")
    } else {
        format!("{name}-error")
    }
}

/// A label, an input and its error messages, tied together for assistive technology
/// (`for`/`id`, `aria-invalid`, `aria-describedby`). Editing the field clears its error.
#[component]
pub fn Field(
    /// The request DTO's field name: element id, `name`, and key into `errors`.
    name: &'static str,
    /// The visible label (reactive: "NIP" or "NI PPPK").
    #[prop(into)]
    label: Signal<Key>,
    /// The bound value.
    value: RwSignal<String>,
    /// The errors of the whole form.
    errors: RwSignal<FieldErrors>,
    /// The `autocomplete` token (`username`, `current-password`, `new-password`, `off`).
    autocomplete: &'static str,
    /// The input type (`text`, `password`, `date`, `email`, `tel`, `search`); reactive for
    /// "show password".
    #[prop(into, default = Signal::stored("text"))]
    kind: Signal<&'static str>,
    /// A hint shown under the label.
    #[prop(optional)]
    hint: Option<Key>,
    /// Marks the label "wajib" and sets `aria-required`.
    #[prop(optional)]
    required: bool,
    /// The `inputmode` for phone keyboards (`numeric`, `tel`, `email`).
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// Disables the input while the form is being sent.
    #[prop(into, default = Signal::stored(false))]
    disabled: Signal<bool>,
    /// Called when the input loses the focus (e.g. to start checking it).
    #[prop(optional)]
    on_blur: Option<Callback<()>>,
) -> impl IntoView {
    let hint_id = format!("{name}-hint");
    let invalid = Memo::new(move |_| errors.with(|e| e.get(name).is_some_and(|m| !m.is_empty())));
    view! {
        <div class="field" class:field--invalid=move || invalid.get()>
            <Label name=name label=label required=required/>
            {hint.map(|h| view! { <p class="field__hint" id=hint_id>{tr(h)}</p> })}
            <input
                class="field__input"
                id=name
                name=name
                type=kind
                autocomplete=autocomplete
                inputmode=inputmode
                aria-required=required.then_some("true")
                aria-invalid=move || if invalid.get() { "true" } else { "false" }
                aria-describedby=described_by(name, hint.is_some())
                disabled=disabled
                bind:value=value
                on:input=move |_| {
                    if invalid.get_untracked() {
                        errors.update(|e| {
                            e.remove(name);
                        });
                    }
                }
                on:blur=move |_| {
                    if let Some(callback) = on_blur {
                        callback.run(());
                    }
                }
            />
            <Messages name=name errors=errors/>
        </div>
    }
}

/// One `<option>`: its value and its (already translated) text.
pub type Choice = (String, String);

/// A labelled `<select>` bound to a string value; `""` is the empty choice.
#[component]
pub fn SelectField(
    /// The request DTO's field name: element id, `name`, and key into `errors`.
    name: &'static str,
    #[prop(into)] label: Signal<Key>,
    /// The bound value.
    value: RwSignal<String>,
    /// The errors of the whole form.
    errors: RwSignal<FieldErrors>,
    /// The options (reactive, translated).
    #[prop(into)]
    options: Signal<Vec<Choice>>,
    /// The text of the empty first option, if there is one.
    #[prop(optional)]
    empty: Option<Key>,
    #[prop(optional)] hint: Option<Key>,
    #[prop(optional)] required: bool,
    #[prop(into, default = Signal::stored(false))] disabled: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{name}-hint");
    let invalid = Memo::new(move |_| errors.with(|e| e.get(name).is_some_and(|m| !m.is_empty())));
    let choices = move || {
        let current = value.get();
        let empty = empty.map(|k| {
            view! {
                <option value="" selected=current.is_empty()>
                    {i18n.t(k)}
                </option>
            }
        });
        let rest = options
            .get()
            .into_iter()
            .map(|(v, text)| {
                let selected = v == current;
                view! {
                    <option value=v selected=selected>
                        {text}
                    </option>
                }
            })
            .collect_view();
        (empty, rest)
    };
    view! {
        <div class="field" class:field--invalid=move || invalid.get()>
            <Label name=name label=label required=required/>
            {hint.map(|h| view! { <p class="field__hint" id=hint_id>{tr(h)}</p> })}
            <select
                class="field__input field__select"
                id=name
                name=name
                aria-required=required.then_some("true")
                aria-invalid=move || if invalid.get() { "true" } else { "false" }
                aria-describedby=described_by(name, hint.is_some())
                disabled=disabled
                prop:value=move || value.get()
                on:change=move |ev| {
                    value.set(event_target_value(&ev));
                    if invalid.get_untracked() {
                        errors.update(|e| {
                            e.remove(name);
                        });
                    }
                }
            >
                {choices}
            </select>
            <Messages name=name errors=errors/>
        </div>
    }
}

/// Moves the keyboard focus to the element with this id (the first invalid field), after the
/// pending DOM updates (a field may still be disabled while its form is being sent).
pub fn focus(id: impl AsRef<str> + 'static) {
    use wasm_bindgen::JsCast;
    request_animation_frame(move || {
        if let Some(element) = document()
            .get_element_by_id(id.as_ref())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            // Focus can only fail for detached elements; there is nothing to fall back to.
            let _ = element.focus();
        }
    });
}
