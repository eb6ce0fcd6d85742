//! The announcement banner above every signed-in page: what is showing to the reader today and
//! unread, until they mark it read (docs/pengumuman.md). Loaded when the frame mounts and every
//! ten minutes, not on each navigation.

use kinerja_api::pengumuman::Pengumuman;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::i18n::pengumuman::{AKey, atext, ta};
use crate::i18n::{fill, use_i18n};
use crate::labels;

/// Texts longer than this are folded behind "Selengkapnya".
const FOLD: usize = 280;

#[component]
pub fn AnnouncementBanner() -> impl IntoView {
    let items = RwSignal::new(Vec::<Pengumuman>::new());
    let load = move || {
        spawn_local(async move {
            // A failure shows nothing: the banner must never get in the way of the page.
            if let Ok(list) = api::pengumuman::aktif().await {
                items.set(list.into_iter().filter(|p| !p.dibaca).collect());
            }
        });
    };
    load();
    if let Ok(timer) = set_interval_with_handle(load, std::time::Duration::from_secs(600)) {
        on_cleanup(move || timer.clear());
    }
    move || {
        let list = items.get();
        (!list.is_empty()).then(|| {
            view! {
                <section class="announcements" aria-labelledby="announcements-title">
                    <h2 id="announcements-title" class="sr-only">{ta(AKey::Banner)}</h2>
                    <ul class="announcements__list">
                        {list.into_iter().map(|p| view! { <Item p=p items=items/> }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

#[component]
fn Item(p: Pengumuman, items: RwSignal<Vec<Pengumuman>>) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let id = p.id;
    let long = p.isi.chars().count() > FOLD;
    let short: String = p.isi.chars().take(FOLD).collect();
    let full = p.isi.clone();
    let from = (p.penulis_nama.clone(), p.selesai);
    let mark = move |_| {
        busy.set(true);
        spawn_local(async move {
            // Gone from the banner either way: a 404 means it no longer shows to the reader.
            let _ = api::pengumuman::baca(id).await;
            items.update(|all| all.retain(|x| x.id != id));
        });
    };
    view! {
        <li class="announcement" id=format!("pengumuman-{id}")>
            <span class="announcement__icon" aria-hidden="true"></span>
            <div class="announcement__body">
                <h3 class="announcement__title">{p.judul.clone()}</h3>
                <p class="announcement__text">
                    {move || if open.get() || !long { full.clone() } else { format!("{short}…") }}
                </p>
                {long.then(|| view! {
                    <button type="button" class="link-button" aria-expanded=move || open.get().to_string()
                        on:click=move |_| open.update(|o| *o = !*o)>
                        {move || if open.get() { atext(i18n.lang(), AKey::Less) } else { atext(i18n.lang(), AKey::More) }}
                    </button>
                })}
                <p class="announcement__meta muted">{move || fill(atext(i18n.lang(), AKey::From), &[
                    ("nama", &from.0), ("tanggal", &labels::long_date(i18n.lang(), from.1)),
                ])}</p>
            </div>
            <button type="button" class="btn btn--secondary btn--small announcement__read"
                disabled=move || busy.get() on:click=mark>
                {ta(AKey::MarkRead)}
            </button>
        </li>
    }
}
