//! `/notifikasi`: my notifications, newest first, with mark-as-read; links open inside the
//! SPA.

use kinerja_api::planning::Notification;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use crate::api;
use crate::components::shell::NotificationsChanged;
use crate::components::{Loader, PageHeader, built, load};
use crate::i18n::{Key, fill, tr, use_i18n};
use crate::labels;

/// The notification list.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let changed = use_context::<NotificationsChanged>();
    // Bumped to load the list again after marking notifications as read.
    let version = RwSignal::new(0_u32);
    let refresh = Callback::new(move |()| {
        version.update(|v| *v += 1);
        if let Some(c) = changed {
            c.0.update(|n| *n += 1);
        }
    });
    let list = Box::new(move || {
        version.track();
        load(async move {
            let page = api::notifications::list(false).await?;
            Ok(built(move || {
                let unread = page.belum_dibaca.to_string();
                let items = page.items.clone();
                view! {
                    <p class="muted">{move || fill(i18n.t(Key::UnreadCount), &[("n", &unread)])}</p>
                    {if items.is_empty() {
                        view! { <section class="card"><p class="empty muted">{tr(Key::NoNotifications)}</p></section> }.into_any()
                    } else {
                        view! {
                            <ul class="notifications">
                                {items.into_iter().map(|n| view! { <Item n=n refresh=refresh/> }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    }}
                }
            }))
        })
    });
    let mark_all = move |_| {
        spawn_local(async move {
            // A failure leaves the list as it is; the next load shows the truth.
            let _ = api::notifications::read_all().await;
            refresh.run(());
        });
    };
    view! {
        <PageHeader title=Key::NotificationsTitle intro=Key::NotificationsIntro>
            <button type="button" class="btn btn--secondary" on:click=mark_all>
                {tr(Key::MarkAllRead)}
            </button>
        </PageHeader>
        <Loader load=list/>
    }
}

#[component]
fn Item(n: Notification, refresh: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let changed = use_context::<NotificationsChanged>();
    let navigate = use_navigate();
    let id = n.id;
    let unread = n.dibaca_at.is_none();
    let created = n.created_at;
    let open = n.tautan.clone().map(|href| {
        let navigate = navigate.clone();
        let target = href.clone();
        let go = move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            let navigate = navigate.clone();
            let target = target.clone();
            spawn_local(async move {
                if unread {
                    // Opening still works when marking fails.
                    let _ = api::notifications::read(id).await;
                    if let Some(c) = changed {
                        c.0.update(|n| *n += 1);
                    }
                }
                navigate(&target, Default::default());
            });
        };
        view! {
            <a class="btn btn--primary btn--small" href=href on:click=go>
                {tr(Key::Open)}
            </a>
        }
    });
    let mark = move |_| {
        spawn_local(async move {
            let _ = api::notifications::read(id).await;
            refresh.run(());
        });
    };
    view! {
        <li class="card notification" class:notification--unread=unread>
            <div class="notification__text">
                <p class="notification__title">
                    {unread.then(|| view! { <span class="badge">{tr(Key::Unread)}</span> " " })}
                    {n.judul}
                </p>
                <p class="notification__body">{n.pesan}</p>
                <p class="notification__time muted">{move || labels::datetime(i18n.lang(), created)}</p>
            </div>
            <div class="row-actions">
                {open}
                {unread.then(|| view! {
                    <button type="button" class="btn btn--secondary btn--small" on:click=mark>
                        {tr(Key::MarkRead)}
                    </button>
                })}
            </div>
        </li>
    }
}
