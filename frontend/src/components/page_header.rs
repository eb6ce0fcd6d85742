//! The heading block of a page inside the frame.

use leptos::prelude::*;

use crate::i18n::{Key, tr, use_title};

/// The page's `<h1>` and introduction; also sets the document title.
#[component]
pub fn PageHeader(
    /// The page title (also the document title).
    title: Key,
    /// One sentence under the title.
    intro: Key,
) -> impl IntoView {
    use_title(title);
    view! {
        <header class="page-header">
            <h1 class="page-header__title">{tr(title)}</h1>
            <p class="page-header__intro">{tr(intro)}</p>
        </header>
    }
}
