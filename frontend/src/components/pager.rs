//! Previous/next links for a paged list; the page number lives in the `halaman` query, next
//! to the list's other query parameters (search, filters), which the links keep.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::i18n::{Key, fill, tr, use_i18n};

/// `path?…&halaman=N` with the current query's other parameters.
fn href(path: &str, query: &[(String, String)], page: u64) -> String {
    let mut pairs: Vec<String> = query
        .iter()
        .filter(|(name, _)| name != "halaman")
        .map(|(name, value)| {
            format!(
                "{name}={}",
                String::from(js_sys::encode_uri_component(value))
            )
        })
        .collect();
    pairs.push(format!("halaman={page}"));
    format!("{path}?{}", pairs.join("&"))
}

/// Pagination for `path?halaman=N`.
#[component]
pub fn Pager(
    /// The list's route, e.g. `/pengguna`.
    path: &'static str,
    /// The current page, from 1.
    page: u64,
    /// Number of pages (at least 1).
    pages: u64,
    /// Number of items across all pages.
    total: u64,
    /// `total` is the server's estimate (a list of more than 10 000 rows).
    #[prop(optional)]
    estimated: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let link = move |target: u64, key: Key, enabled: bool| {
        if enabled {
            let to = move || {
                let pairs: Vec<(String, String)> = query.with(|q| {
                    q.into_iter()
                        .map(|(k, v)| (k.to_string(), v.to_owned()))
                        .collect()
                });
                href(path, &pairs, target)
            };
            view! {
                <A href=to attr:class="btn btn--secondary btn--small">
                    {tr(key)}
                </A>
            }
            .into_any()
        } else {
            view! {
                <span class="btn btn--secondary btn--small is-disabled" aria-disabled="true">
                    {tr(key)}
                </span>
            }
            .into_any()
        }
    };
    view! {
        <nav class="pager" aria-label=tr(Key::Pagination)>
            {link(page.saturating_sub(1), Key::Previous, page > 1)}
            <span class="pager__status">
                {move || {
                    fill(
                        i18n.t(if estimated { Key::PageOfAbout } else { Key::PageOf }),
                        &[
                            ("page", &page.to_string()),
                            ("pages", &pages.to_string()),
                            ("total", &total.to_string()),
                        ],
                    )
                }}
            </span>
            {link(page + 1, Key::Next, page < pages)}
        </nav>
    }
}
