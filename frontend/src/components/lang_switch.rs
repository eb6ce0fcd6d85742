//! The language switch: two toggle buttons, Bahasa Indonesia and English.

use leptos::prelude::*;

use crate::i18n::{Key, Lang, text, tr, use_i18n};

/// Switches the interface language; the choice is remembered.
#[component]
pub fn LangSwitch(
    /// Extra class, e.g. for the light variant on dark backgrounds.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class=format!("lang-switch {class}") role="group" aria-label=tr(Key::Language)>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            class="lang-switch__option"
                            lang=lang.tag()
                            title=text(lang, Key::LanguageName)
                            aria-pressed=move || if i18n.lang() == lang { "true" } else { "false" }
                            on:click=move |_| i18n.set_lang(lang)
                        >
                            {lang.short()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
