//! The heading block of a page inside the frame.

use leptos::prelude::*;

use crate::i18n::{Key, tr, use_title};

/// The page's `<h1>` and introduction; also sets the document title. Children (buttons,
/// links) are shown as the page's actions next to the title.
#[component]
pub fn PageHeader(
    /// The page title (also the document title).
    title: Key,
    /// One sentence under the title.
    intro: Key,
    /// The page's main actions.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    use_title(title);
    view! {
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title">{tr(title)}</h1>
                <p class="page-header__intro">{tr(intro)}</p>
            </div>
            {children.map(|c| view! { <div class="page-header__actions">{c()}</div> })}
        </header>
    }
}
