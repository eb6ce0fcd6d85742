//! `/skp`: my SKP of a period — start it, edit the draft, submit it, read it once submitted,
//! request a change once approved, versions with what changed between them, and the PDF.

use kinerja_api::planning::{CreateSkp, Periode, ReasonedAction, Skp, StatusSkp};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use uuid::Uuid;

use super::editor::Editor;
use super::{Download, DownloadButton, SkpMeta, document, return_note, snapshots};
use crate::api::{self, ApiError};
use crate::components::{Alert, AlertKind, ErrorAlert, Loader, PageHeader, built, load};
use crate::i18n::{Key, fill, text, tr, use_i18n};
use crate::labels;

/// My SKP.
#[component]
pub fn SkpMinePage() -> impl IntoView {
    let periods = Box::new(|| {
        load(async {
            let list = api::skp::periods().await?;
            Ok(built(move || view! { <Periods periods=list.clone()/> }))
        })
    });
    view! {
        <PageHeader title=Key::SkpMineTitle intro=Key::SkpMineIntro panduan="isi-skp"/>
        <Loader load=periods/>
    }
}

#[component]
fn Periods(periods: Vec<Periode>) -> impl IntoView {
    let i18n = use_i18n();
    if periods.is_empty() {
        return view! { <p class="empty-state muted">{tr(Key::NoPeriods)}</p> }.into_any();
    }
    let default = super::default_period(&periods)
        .map(|p| p.id.to_string())
        .unwrap_or_default();
    let selected = RwSignal::new(default);
    let options = periods
        .iter()
        .map(|p| (p.id.to_string(), p.tahun, p.status))
        .collect::<Vec<_>>();
    // Bumped to load the SKP again (after a 409, or once started).
    let version = RwSignal::new(0_u32);
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    let mine = Box::new(move || {
        version.track();
        let periode = Uuid::parse_str(&selected.get()).ok();
        load(async move {
            let content = match periode {
                Some(id) => api::skp::mine(id).await,
                None => Err(ApiError::not_found()),
            };
            let content = match content {
                Ok(skp) => Ok(skp),
                Err(e) if e.field_errors().contains_key("akun") => Err(()),
                Err(e) => return Err(e),
            };
            Ok(built(move || match content.clone() {
                Ok(Some(skp)) => view! { <Workspace skp=skp reload=reload/> }.into_any(),
                Ok(None) => view! { <Start periode=periode reload=reload/> }.into_any(),
                Err(()) => view! {
                    <div class="alert alert--info alert--block" role="status">
                        <span class="alert__icon" aria-hidden="true"></span>
                        <p class="alert__text">{tr(Key::SkpNoEmployee)}</p>
                    </div>
                }
                .into_any(),
            }))
        })
    });
    view! {
        <div class="toolbar skp-toolbar">
            <div class="field field--compact">
                <label class="field__label" for="periode">{tr(Key::Periode)}</label>
                <select
                    class="field__input field__select"
                    id="periode"
                    prop:value=move || selected.get()
                    on:change=move |ev| selected.set(event_target_value(&ev))
                >
                    {move || {
                        options
                            .iter()
                            .map(|(id, tahun, status)| {
                                let text = format!("{tahun} · {}", i18n.t(labels::status_periode(*status)));
                                let chosen = *id == selected.get();
                                view! { <option value=id.clone() selected=chosen>{text}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        </div>
        <Loader load=mine/>
    }
    .into_any()
}

/// No SKP yet: start an empty one.
#[component]
fn Start(periode: Option<Uuid>, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let start = move |_| {
        let Some(periode_id) = periode else { return };
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let request = CreateSkp {
                periode_id,
                pendekatan: None,
                salin_dari: None,
                templat_id: None,
            };
            match api::skp::create(&request).await {
                Ok(_) => reload.run(()),
                Err(e) => {
                    busy.set(false);
                    error.set(Some(e));
                }
            }
        });
    };
    let message = move || {
        error.get().map(|e| {
            let text = if e.field_errors().contains_key("akun") {
                i18n.t(Key::SkpNoEmployee).to_owned()
            } else {
                labels::error_message(i18n.lang(), &e)
            };
            view! { <Alert kind=AlertKind::Error message=Signal::derive(move || text.clone())/> }
        })
    };
    view! {
        <section class="card empty-state">
            <p>{tr(Key::SkpNotStarted)}</p>
            {message}
            <button type="button" class="btn btn--primary" on:click=start disabled=move || busy.get()>
                {move || i18n.t(if busy.get() { Key::Starting } else { Key::StartSkp })}
            </button>
        </section>
    }
}

/// One SKP of mine: editor while it is a draft, the document otherwise.
#[component]
fn Workspace(skp: Skp, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let current = RwSignal::new(skp);
    let notice = RwSignal::new(None::<Key>);
    let status = Memo::new(move |_| current.with(|s| s.status));
    let skp_id = Memo::new(move |_| current.with(|s| s.id));
    let editable =
        Memo::new(move |_| matches!(status.get(), StatusSkp::Draft | StatusSkp::Dikembalikan));
    let head = move || {
        current.with(|s| {
            let (id, tahun, versi, status) = (s.id, s.tahun, s.versi, s.status);
            view! {
                <div class="skp-head">
                    <SkpMeta versi=versi status=status/>
                    <DownloadButton file=Download::SkpPdf(id, tahun)/>
                    {(status == StatusSkp::Disetujui)
                        .then(|| view! {
                            <A href=format!("/skp/{id}/pohon") attr:class="btn btn--secondary">{tr(Key::PohonLink)}</A>
                            <A href=format!("/realisasi/{id}") attr:class="btn btn--primary">{tr(Key::OpenRealisasi)}</A>
                        })}
                </div>
            }
        })
    };
    let hints = move || {
        current.with(|s| {
            (!s.hints.is_empty() && editable.get()).then(|| {
                let items = s
                    .hints
                    .iter()
                    .map(|h| {
                        let m = h.message.clone();
                        view! { <li>{move || i18n.message(&m)}</li> }
                    })
                    .collect_view();
                view! {
                    <div class="alert alert--info alert--block hints" role="status">
                        <span class="alert__icon" aria-hidden="true"></span>
                        <div class="alert__text">
                            <p class="alert__title">{tr(Key::HintsTitle)}</p>
                            <ul class="alert__list">{items}</ul>
                        </div>
                    </div>
                }
            })
        })
    };
    let on_submitted = Callback::new(move |()| notice.set(Some(Key::SkpSubmitted)));
    let body = move || {
        if editable.get() {
            view! { <Editor current=current reload=reload on_submitted=on_submitted/> }.into_any()
        } else {
            let skp = current.get_untracked();
            let approved = skp.status == StatusSkp::Disetujui;
            view! {
                {document(skp)}
                {approved.then(|| view! { <ReviseForm current=current notice=notice/> })}
            }
            .into_any()
        }
    };
    view! {
        {head}
        {move || {
            notice
                .get()
                .map(|k| view! { <Alert kind=AlertKind::Success message=Signal::derive(move || i18n.t(k).to_owned())/> })
        }}
        {move || current.with(return_note)}
        {move || current.with(snapshots)}
        {hints}
        {body}
        {move || view! { <Versions id=skp_id.get()/> }}
    }
}

/// "Ajukan perubahan": a new draft version of an approved SKP.
#[component]
fn ReviseForm(current: RwSignal<Skp>, notice: RwSignal<Option<Key>>) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let alasan = reason.get_untracked().trim().to_owned();
        if alasan.is_empty() || alasan.chars().count() > 1000 {
            error.set(Some(
                "Alasan wajib diisi (maksimal 1000 karakter).".to_owned(),
            ));
            return;
        }
        let (id, lock_version) = current.with_untracked(|s| (s.id, s.lock_version));
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api::skp::revise(
                id,
                &ReasonedAction {
                    lock_version,
                    alasan,
                },
            )
            .await
            {
                Ok(skp) => {
                    busy.set(false);
                    notice.set(Some(Key::SkpRevised));
                    current.set(skp);
                }
                Err(e) => {
                    busy.set(false);
                    let text = e
                        .field_errors()
                        .get("alasan")
                        .and_then(|m| m.first().cloned())
                        .unwrap_or_else(|| labels::error_message(i18n.lang(), &e));
                    error.set(Some(text));
                }
            }
        });
    };
    view! {
        <form class="card card--skp" novalidate on:submit=submit>
            <h2 class="card__title">{tr(Key::Revise)}</h2>
            <div class="field" class:field--invalid=move || error.with(Option::is_some)>
                <label class="field__label" for="alasan">{tr(Key::ReviseReason)}</label>
                <textarea
                    class="field__input field__textarea"
                    id="alasan"
                    rows="2"
                    aria-describedby="alasan-error"
                    prop:value=move || reason.get()
                    on:input=move |ev| reason.set(event_target_value(&ev))
                ></textarea>
                <p class="field__error" id="alasan-error">
                    {move || error.get().map(|m| view! { <span class="field__message">{i18n.message(&m)}</span> })}
                </p>
            </div>
            <div class="form-actions">
                <button type="submit" class="btn btn--primary" disabled=move || busy.get()>
                    {tr(Key::Revise)}
                </button>
            </div>
        </form>
    }
}

/// The versions of the SKP.
#[component]
fn Versions(id: Uuid) -> impl IntoView {
    // (older id, newer id, older versi, newer versi)
    let comparing = RwSignal::new(None::<(Uuid, Uuid, i32, i32)>);
    let versions = Box::new(move || {
        load(async move {
            let result = api::skp::versions(id).await;
            Ok(built(move || versions_table(result.clone(), comparing)))
        })
    });
    view! {
        <section class="card card--flush versions">
            <h2 class="card__title card__title--padded">{tr(Key::VersionsTitle)}</h2>
            <Loader load=versions/>
            {move || comparing.get().map(|(older, newer, a, b)| view! { <Diff older=older newer=newer a=a b=b/> })}
        </section>
    }
}

/// The version table (or why there is none).
fn versions_table(
    result: Result<Vec<kinerja_api::planning::SkpVersion>, ApiError>,
    comparing: RwSignal<Option<(Uuid, Uuid, i32, i32)>>,
) -> AnyView {
    let i18n = use_i18n();
    match result {
        Ok(mut list) if !list.is_empty() => {
            // Newest first; each version is compared with the one before it.
            list.sort_by_key(|v| std::cmp::Reverse(v.versi));
            let previous: Vec<Option<(Uuid, i32)>> = list
                .iter()
                .skip(1)
                .map(|p| Some((p.id, p.versi)))
                .chain([None])
                .collect();
            let rows = list
                .into_iter()
                .zip(previous)
                .map(|(v, prev)| {
                    let compare = prev.map(|(pid, pversi)| {
                        let pair = (pid, v.id, pversi, v.versi);
                        let label = pversi.to_string();
                        view! {
                            <button type="button" class="btn btn--secondary btn--small" on:click=move |_| comparing.set(Some(pair))>
                                {move || fill(i18n.t(Key::CompareWith), &[("n", &label)])}
                            </button>
                        }
                    });
                    let status = v.status;
                    let created = v.created_at;
                    let approved = v.disetujui_at;
                    view! {
                        <tr>
                            <td>{move || fill(i18n.t(Key::VersionN), &[("n", &v.versi.to_string())])}</td>
                            <td><super::StatusBadge status=status/></td>
                            <td>{move || labels::datetime(i18n.lang(), created)}</td>
                            <td>
                                {move || approved.map(|a| labels::datetime(i18n.lang(), a)).unwrap_or_else(|| "—".to_owned())}
                            </td>
                            <td>{compare}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-wrap">
                    <table class="table">
                        <thead>
                            <tr>
                                <th scope="col">{tr(Key::VersionCol)}</th>
                                <th scope="col">{tr(Key::Status)}</th>
                                <th scope="col">{tr(Key::CreatedAt)}</th>
                                <th scope="col">{tr(Key::ApprovedAt)}</th>
                                <th scope="col"><span class="sr-only">{tr(Key::CompareVersions)}</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }
        Ok(_) => view! { <p class="empty muted">{tr(Key::Empty)}</p> }.into_any(),
        Err(e) => view! {
            <ErrorAlert error=e/>
        }
        .into_any(),
    }
}

/// A JSON value of a change, readably: numbers in the user's format ("17", "95,5").
fn shown(lang: crate::i18n::Lang, value: Option<serde_json::Value>) -> String {
    match value {
        None | Some(serde_json::Value::Null) => "—".to_owned(),
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n
            .as_f64()
            .map_or_else(|| n.to_string(), |f| labels::decimal(lang, f)),
        Some(other) => other.to_string(),
    }
}

/// The changes between two versions.
#[component]
pub(crate) fn Diff(older: Uuid, newer: Uuid, a: i32, b: i32) -> impl IntoView {
    let i18n = use_i18n();
    let changes = Box::new(move || {
        load(async move {
            let result = api::skp::diff(older, newer).await;
            Ok(built(move || diff_table(result.clone())))
        })
    });
    let (a, b) = (a.to_string(), b.to_string());
    view! {
        <div class="diff">
            <h3 class="form-subheading">
                {move || fill(i18n.t(Key::DiffTitle), &[("a", &a), ("b", &b)])}
            </h3>
            <Loader load=changes/>
        </div>
    }
}

/// The table of changes (or why there is none).
fn diff_table(result: Result<Vec<kinerja_api::planning::SkpChange>, ApiError>) -> AnyView {
    let lang = use_i18n().lang();
    match result {
        Ok(list) if list.is_empty() => {
            view! { <p class="muted">{tr(Key::DiffEmpty)}</p> }.into_any()
        }
        Ok(list) => {
            let rows = list
                .into_iter()
                .map(|c| {
                    view! {
                        <tr>
                            <td class="mono table__wrap">{c.path}</td>
                            <td class="diff__before" data-label=text(lang, Key::DiffBefore)>{shown(lang, c.sebelum)}</td>
                            <td class="diff__after" data-label=text(lang, Key::DiffAfter)>{shown(lang, c.sesudah)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-wrap">
                    <table class="table table--cards">
                        <thead>
                            <tr>
                                <th scope="col">{tr(Key::DiffPath)}</th>
                                <th scope="col">{tr(Key::DiffBefore)}</th>
                                <th scope="col">{tr(Key::DiffAfter)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }
        Err(e) => view! {
            <ErrorAlert error=e/>
        }
        .into_any(),
    }
}
