//! `/glosarium`: every term with its definition in both languages and its legal basis; the
//! tooltips on the other screens link to the entries here (`#rhk`).

use leptos::prelude::*;

use crate::glosarium::SEMUA;
use crate::i18n::panduan::{GKey, gtext, tg};
use crate::i18n::{Lang, use_i18n};

#[component]
pub fn GlosariumPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        document().set_title(&format!(
            "{} · Kinerja",
            gtext(i18n.lang(), GKey::GlossaryTitle)
        ));
    });
    // Rendered after the page loaded: go to the entry the address names.
    request_animation_frame(|| {
        let hash = window().location().hash().unwrap_or_default();
        if let Some(el) = hash
            .strip_prefix('#')
            .and_then(|id| document().get_element_by_id(id))
        {
            el.scroll_into_view();
        }
    });
    view! {
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title">{tg(GKey::GlossaryTitle)}</h1>
                <p class="page-header__intro">{tg(GKey::GlossaryIntro)}</p>
            </div>
            <div class="page-header__actions">
                <a class="btn btn--secondary" href="/panduan">{tg(GKey::GuidesLink)}</a>
            </div>
        </header>
        <section class="card">
            <dl class="glosarium">
                {SEMUA.iter().map(|t| view! {
                    <div class="glosarium__entri" id=t.id>
                        <dt class="glosarium__kata">{t.kata}</dt>
                        <dd>
                            <p>{move || match i18n.lang() { Lang::Id => t.arti_id, Lang::En => t.arti_en }}</p>
                            <p class="muted">{tg(GKey::Source)} ": " {t.dasar}</p>
                        </dd>
                    </div>
                }).collect_view()}
            </dl>
        </section>
    }
}
