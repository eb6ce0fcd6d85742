//! Shown for every unknown address.

use leptos::prelude::*;

use kinerja_api::spa::Bundle;
use leptos_router::hooks::use_location;

use crate::components::{FullPageLoading, LangSwitch};
use crate::i18n::{Key, tr, use_title};

const JUMP: &str = "kinerja.lompat";

/// "Halaman tidak ditemukan", with a way back; a route of the other bundle is loaded from the
/// server instead (a full page load, replacing the entry the router just pushed).
#[component]
pub fn NotFound() -> impl IntoView {
    // The router's location: during a client-side navigation the address bar may not show the
    // new path yet.
    let location = use_location();
    let path = location.pathname.get_untracked();
    // Marks the jump, so that a server without the other bundle's page (which then answers
    // with this one) shows "not found" instead of reloading forever.
    let storage = window().session_storage().ok().flatten();
    let jumped = storage
        .as_ref()
        .and_then(|s| s.get_item(JUMP).ok().flatten())
        .is_some_and(|p| p == path);
    if let Some(s) = &storage {
        let _ = s.remove_item(JUMP);
    }
    if Bundle::of(&path) != crate::bundle() && !jumped {
        if let Some(s) = &storage {
            // Without storage the jump still happens, unguarded.
            let _ = s.set_item(JUMP, &path);
        }
        // `search` comes without its "?" (leptos_router 0.8), but be lenient.
        let search = location.search.get_untracked();
        let target = match search.trim_start_matches('?') {
            "" => path,
            query => format!("{path}?{query}"),
        };
        // Failing to leave keeps the spinner; there is nothing better to show.
        let _ = window().location().replace(&target);
        return view! { <FullPageLoading/> }.into_any();
    }
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
    .into_any()
}
