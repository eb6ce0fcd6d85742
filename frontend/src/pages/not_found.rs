//! Shown for every unknown address.

use leptos::prelude::*;

use crate::components::LangSwitch;
use crate::i18n::{Key, tr, use_title};

/// "Halaman tidak ditemukan", with a way back.
#[component]
pub fn NotFound() -> impl IntoView {
    use_title(Key::NotFoundTitle);
    view! {
        <main class="standalone" id="konten">
            <div class="standalone__top">
                <LangSwitch/>
            </div>
            <section class="standalone__card card">
                <p class="standalone__code" aria-hidden="true">"404"</p>
                <h1>{tr(Key::NotFoundTitle)}</h1>
                <p class="muted">{tr(Key::NotFoundText)}</p>
                <a class="btn btn--primary" href="/">
                    {tr(Key::BackHome)}
                </a>
            </section>
        </main>
    }
}
