//! `/skp/:id`: one SKP read-only (the link of notifications and of the inbox), with the
//! PPKin's decision while it is submitted: approve (optional ekspektasi khusus per BerAKHLAK
//! value) or return (a note is required).

use kinerja_api::planning::{ApproveSkp, EkspektasiKhusus, ReturnSkp, Skp, StatusSkp};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::{Download, DownloadButton, SkpMeta, digits, document, return_note, snapshots};
use crate::api::{self, ApiError};
use crate::components::{Alert, AlertKind, ErrorAlert, Loader, PageHeader, built, load};
use crate::i18n::{Key, fill, tr, use_i18n};
use crate::state::auth::use_auth;

/// One SKP.
#[component]
pub fn SkpDetailPage() -> impl IntoView {
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| Uuid::parse_str(&id).ok())));
    let skp = Box::new(move || {
        let id = id.get();
        load(async move {
            let skp = api::skp::get(id.ok_or_else(ApiError::not_found)?).await?;
            Ok(built(move || view! { <Detail skp=skp.clone()/> }))
        })
    });
    view! {
        <p class="back-link">
            <A href="/skp/bawahan">
                <span aria-hidden="true">"← "</span>
                {tr(Key::BackToInbox)}
            </A>
        </p>
        <PageHeader title=Key::SkpDetailTitle intro=Key::SkpDetailIntro panduan="isi-skp"/>
        <Loader load=skp/>
    }
}

#[component]
fn Detail(skp: Skp) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let own = auth
        .user()
        .is_some_and(|u| u.username == digits(&skp.pegawai.nip));
    let current = RwSignal::new(skp);
    let notice = RwSignal::new(None::<Key>);
    let status = Memo::new(move |_| current.with(|s| s.status));
    let head = move || {
        current.with(|s| {
            let (id, tahun, versi, status) = (s.id, s.tahun, s.versi, s.status);
            view! {
                <div class="skp-head">
                    <SkpMeta versi=versi status=status/>
                    <DownloadButton file=Download::SkpPdf(id, tahun)/>
                    <A href=format!("/skp/{id}/pohon") attr:class="btn btn--secondary">{tr(Key::PohonLink)}</A>
                    {(own && matches!(status, StatusSkp::Draft | StatusSkp::Dikembalikan))
                        .then(|| view! { <A href="/skp" attr:class="btn btn--primary">{tr(Key::EditInMine)}</A> })}
                    {(status == StatusSkp::Disetujui)
                        .then(|| view! { <A href=format!("/realisasi/{id}") attr:class="btn btn--primary">{tr(Key::OpenResults)}</A> })}
                </div>
            }
        })
    };
    let decide = move || {
        (status.get() == StatusSkp::Diajukan && !own)
            .then(|| view! { <Decision current=current notice=notice/> })
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
        {move || current.with(|s| (s.versi > 1).then(|| view! { <Revision skp=s.clone()/> }))}
        {move || document(current.get())}
        {decide}
    }
}

/// A perubahan SKP: the employee's reason and what changed against the version in force (the
/// latest approved one before it), for the PPKin who decides.
#[component]
fn Revision(skp: Skp) -> impl IntoView {
    let i18n = use_i18n();
    let (id, versi) = (skp.id, skp.versi);
    let alasan = skp.alasan_perubahan.clone();
    let changes = Box::new(move || {
        load(async move {
            let previous = api::skp::versions(id)
                .await?
                .into_iter()
                .filter(|v| v.versi < versi && v.disetujui_at.is_some())
                .max_by_key(|v| v.versi);
            Ok(built(move || {
                previous.clone().map(|p| {
                    let n = p.versi.to_string();
                    view! {
                        <p class="muted">{move || fill(i18n.t(Key::RevisionAgainst), &[("n", &n)])}</p>
                        <super::mine::Diff older=p.id newer=id a=p.versi b=versi/>
                    }
                })
            }))
        })
    });
    let title = versi.to_string();
    view! {
        <section class="card card--skp revision" aria-labelledby="revision-title">
            <h2 class="card__title" id="revision-title">
                {move || fill(i18n.t(Key::RevisionTitle), &[("n", &title)])}
            </h2>
            <h3 class="form-subheading">{tr(Key::RevisionReason)}</h3>
            {match alasan {
                Some(a) => view! { <p class="revision__reason">{a}</p> }.into_any(),
                None => view! { <p class="muted">{tr(Key::RevisionNoReason)}</p> }.into_any(),
            }}
            <Loader load=changes/>
        </section>
    }
}

/// Approve or return a submitted SKP.
#[component]
fn Decision(current: RwSignal<Skp>, notice: RwSignal<Option<Key>>) -> impl IntoView {
    let i18n = use_i18n();
    let skp = current.get_untracked();
    let values: Vec<(String, String, RwSignal<String>)> = skp
        .perilaku
        .iter()
        .map(|p| {
            (
                p.nilai_kode.clone(),
                p.nama.clone(),
                RwSignal::new(String::new()),
            )
        })
        .collect();
    let catatan = RwSignal::new(String::new());
    let catatan_error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let done = move |result: Result<Skp, ApiError>, key: Key| {
        busy.set(false);
        match result {
            Ok(skp) => {
                notice.set(Some(key));
                current.set(skp);
            }
            Err(e) => {
                if let Some(m) = e.field_errors().get("catatan").and_then(|m| m.first()) {
                    catatan_error.set(Some(m.clone()));
                }
                error.set(Some(e));
            }
        }
    };
    let values_for_approve = values.clone();
    let approve = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ekspektasi_khusus = values_for_approve
            .iter()
            .filter_map(|(kode, _, text)| {
                let teks = text.get_untracked().trim().to_owned();
                (!teks.is_empty()).then(|| EkspektasiKhusus {
                    nilai_kode: kode.clone(),
                    teks,
                })
            })
            .collect();
        let (id, lock_version) = current.with_untracked(|s| (s.id, s.lock_version));
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let result = api::skp::approve(
                id,
                &ApproveSkp {
                    lock_version,
                    ekspektasi_khusus,
                },
            )
            .await;
            done(result, Key::SkpApproved);
        });
    };
    let send_back = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let note = catatan.get_untracked().trim().to_owned();
        if note.is_empty() || note.chars().count() > 2000 {
            catatan_error.set(Some(
                "Catatan pengembalian wajib diisi (maksimal 2000 karakter).".to_owned(),
            ));
            crate::components::field::focus("catatan");
            return;
        }
        let (id, lock_version) = current.with_untracked(|s| (s.id, s.lock_version));
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let result = api::skp::send_back(
                id,
                &ReturnSkp {
                    lock_version,
                    catatan: note,
                },
            )
            .await;
            done(result, Key::SkpReturned);
        });
    };
    let fields = values
        .into_iter()
        .map(|(kode, nama, text)| {
            let id = format!("ekspektasi-{kode}");
            view! {
                <div class="field field--compact">
                    <label class="field__label" for=id.clone()>
                        {tr(Key::EkspektasiKhusus)} " — " {nama}
                    </label>
                    <textarea
                        class="field__input field__textarea"
                        id=id
                        rows="2"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    ></textarea>
                </div>
            }
        })
        .collect_view();
    view! {
        {move || {
            error
                .get()
                .map(|e| view! { <ErrorAlert error=e/> })
        }}
        <div class="grid grid--two">
            <form class="card card--skp" novalidate on:submit=approve>
                <h2 class="card__title">{tr(Key::ApproveTitle)}</h2>
                <p class="field__hint">{tr(Key::ApproveIntro)}</p>
                {fields}
                <div class="form-actions">
                    <button type="submit" class="btn btn--primary" disabled=move || busy.get()>
                        {move || i18n.t(if busy.get() { Key::Approving } else { Key::Approve })}
                    </button>
                </div>
            </form>
            <form class="card card--skp" novalidate on:submit=send_back>
                <h2 class="card__title">{tr(Key::ReturnTitle)}</h2>
                <div class="field" class:field--invalid=move || catatan_error.with(Option::is_some)>
                    <label class="field__label" for="catatan">
                        {tr(Key::Catatan)}
                        <span class="field__required">" (" {tr(Key::Required)} ")"</span>
                    </label>
                    <textarea
                        class="field__input field__textarea"
                        id="catatan"
                        rows="4"
                        aria-required="true"
                        aria-invalid=move || if catatan_error.with(Option::is_some) { "true" } else { "false" }
                        aria-describedby="catatan-error"
                        prop:value=move || catatan.get()
                        on:input=move |ev| {
                            catatan.set(event_target_value(&ev));
                            catatan_error.set(None);
                        }
                    ></textarea>
                    <p class="field__error" id="catatan-error">
                        {move || catatan_error.get().map(|m| view! { <span class="field__message">{i18n.message(&m)}</span> })}
                    </p>
                </div>
                <div class="form-actions">
                    <button type="submit" class="btn btn--secondary" disabled=move || busy.get()>
                        {move || i18n.t(if busy.get() { Key::Returning } else { Key::ReturnSkp })}
                    </button>
                </div>
            </form>
        </div>
    }
}
