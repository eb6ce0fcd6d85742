//! The heading block of a page inside the frame.

use leptos::prelude::*;

use crate::i18n::{Key, Lang, tr, use_i18n, use_title};

/// The page's `<h1>` and introduction; also sets the document title. Children (buttons,
/// links) are shown as the page's actions next to the title.
#[component]
pub fn PageHeader(
    /// The page title (also the document title).
    title: Key,
    /// One sentence under the title.
    intro: Key,
    /// The slug of the guide to this screen: a "?" after the title links to it.
    #[prop(optional)]
    panduan: Option<&'static str>,
    /// The page's main actions.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    use_title(title);
    view! {
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title">{tr(title)}{panduan.map(|slug| view! { " " <Bantuan slug=slug/> })}</h1>
                <p class="page-header__intro">{tr(intro)}</p>
            </div>
            {children.map(|c| view! { <div class="page-header__actions">{c()}</div> })}
        </header>
    }
}

/// The "?" linking a screen to its guide (`/panduan/{slug}`, in the `panduan` bundle).
#[component]
pub fn Bantuan(slug: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    // Its own two words rather than a key of the guides' table, which stays in its bundle.
    let label = move || match i18n.lang() {
        Lang::Id => "Panduan layar ini",
        Lang::En => "Guide to this screen",
    };
    view! {
        <a class="page-header__help" href=format!("/panduan/{slug}") aria-label=label title=label>"?"</a>
    }
}
