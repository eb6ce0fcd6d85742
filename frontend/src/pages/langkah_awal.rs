//! The first steps on the home page (docs/langkah-awal.md): the checklist of the user's roles,
//! ticked by the server from what they did, until they hide it or every step is done.

use kinerja_api::beranda::{DaftarLangkahAwal, LangkahAwal};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api;
use crate::i18n::langkah::{LKey, ltext, tl};
use crate::i18n::{fill, use_i18n};

#[component]
pub fn LangkahAwalCard() -> impl IntoView {
    let data = RwSignal::new(None::<DaftarLangkahAwal>);
    let reload = move || {
        spawn_local(async move {
            // Without the list the home page simply shows no checklist.
            if let Ok(d) = api::beranda::langkah_awal().await {
                data.set(Some(d));
            }
        });
    };
    reload();
    let mark = move |data_ok: bool| {
        spawn_local(async move {
            if api::beranda::tandai_langkah_awal(data_ok).await.is_ok() {
                reload();
            }
        });
    };
    move || {
        data.get()
            .filter(|d| !d.ditutup && !d.semua_selesai)
            .map(|d| view! { <Card d=d mark=mark/> })
    }
}

#[component]
fn Card(d: DaftarLangkahAwal, mark: impl Fn(bool) + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let total = d.langkah.len();
    let selesai = d.langkah.iter().filter(|l| l.selesai).count();
    view! {
        <section class="card first-steps" aria-labelledby="first-steps-title">
            <h2 id="first-steps-title" class="card__title">{tl(LKey::Title)}</h2>
            <p class="muted">{tl(LKey::Intro)}</p>
            <p class="first-steps__progress">{move || fill(ltext(i18n.lang(), LKey::Progress), &[
                ("n", &selesai.to_string()), ("total", &total.to_string()),
            ])}</p>
            <ol class="first-steps__list">
                {d.langkah.into_iter().map(|l| {
                    let done = l.selesai;
                    let key = LKey::of(l.langkah);
                    let link = if l.tautan.starts_with("/docs") {
                        view! { <a href=l.tautan.clone() rel="external">{tl(key)}</a> }.into_any()
                    } else {
                        view! { <A href=l.tautan.clone()>{tl(key)}</A> }.into_any()
                    };
                    view! {
                        <li class=if done { "first-step first-step--done" } else { "first-step" }>
                            <span class="first-step__mark" aria-hidden="true">{if done { "✓" } else { "" }}</span>
                            <span class="sr-only">{if done { tl(LKey::Done) } else { tl(LKey::Todo) }}</span>
                            <span class="first-step__text">{link}</span>
                            {(l.langkah == LangkahAwal::PeriksaData && !done).then(|| view! {
                                <button type="button" class="btn btn--secondary btn--small"
                                    on:click=move |_| mark(true)>{tl(LKey::DataBenar)}</button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            <p class="first-steps__help"><a href="/panduan">{tl(LKey::Panduan)}</a></p>
            <button type="button" class="link-button" on:click=move |_| mark(false)>{tl(LKey::Dismiss)}</button>
        </section>
    }
}
