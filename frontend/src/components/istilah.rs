//! A glossary term where it appears on a screen: the word, underlined, as a link to its entry
//! on `/glosarium`; hovering or focusing it (Tab) shows its one-sentence definition, tied to it
//! with `aria-describedby` so that screen readers read it too. No script: CSS shows the tip.

use leptos::prelude::*;

use crate::glosarium;
use crate::i18n::{Lang, use_i18n};

/// `<Istilah id="rhk"/>` (the term's own word) or around the words as the screen has them:
/// `<Istilah id="rhk">{tr(Key::RhkTitle)}</Istilah>`.
#[component]
pub fn Istilah(
    /// The term's anchor in [`glosarium::SEMUA`].
    id: &'static str,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Some(term) = glosarium::cari(id) else {
        return children.map(|c| c()).into_any();
    };
    // Unique per page: a term may appear more than once.
    let tip = format!("istilah-{id}-{}", next_id());
    view! {
        <span class="istilah">
            // `rel="external"`: a full page load (the glossary is another bundle), keeping the
            // `#id` the router's jump to another bundle would drop.
            <a class="istilah__kata" href=format!("/glosarium#{id}") rel="external" aria-describedby=tip.clone()>
                {match children {
                    Some(c) => c().into_any(),
                    None => term.kata.into_any(),
                }}
            </a>
            <span class="istilah__tip" role="tooltip" id=tip>
                {move || match i18n.lang() { Lang::Id => term.arti_id, Lang::En => term.arti_en }}
            </span>
        </span>
    }
    .into_any()
}

fn next_id() -> u32 {
    thread_local! {
        static N: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }
    N.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    })
}
