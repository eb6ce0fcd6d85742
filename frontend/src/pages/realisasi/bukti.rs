//! Evidence (bukti dukung) of one IKI's realisasi: the list with each piece's verification,
//! the owner's upload (with its progress) and link, and the PPKin's verdict.

use kinerja_api::measurement::{
    AddBuktiTautan, BuktiDukung, RealisasiRow, RealisasiSheet, Verifikasi, VerifyBukti,
};
use kinerja_api::validation::http_url;
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::{Ctx, Role};
use crate::api::{self, ApiError, Progress};
use crate::components::RowInput;
use crate::components::{ErrorAlert, FileUpload, UploadTexts};
use crate::components::{FormStatus, Outcome, failed};
use crate::forms::{FieldErrors, push};
use crate::i18n::{Key, Lang, text, tr, use_i18n};
use crate::labels;
use crate::pages::skp::{Download, DownloadButton};

/// Adds a new piece of evidence to its row, or replaces a verified one.
fn put(state: RwSignal<RealisasiSheet>, iki: Uuid, bukti: BuktiDukung) {
    state.update(|s| {
        if let Some(row) = s.rows.iter_mut().find(|r| r.iki_id == iki) {
            match row.bukti.iter_mut().find(|b| b.id == bukti.id) {
                Some(old) => *old = bukti,
                None => row.bukti.push(bukti),
            }
        }
    });
}

/// The evidence of one IKI, with the forms the viewer may use.
#[component]
pub(super) fn Bukti(
    iki: Uuid,
    current: Memo<Option<RealisasiRow>>,
    editable: bool,
) -> impl IntoView {
    let has_value =
        Memo::new(move |_| current.with(|r| r.as_ref().is_some_and(|r| r.realisasi.is_some())));
    // Only the ids: a verdict updates its item, not the list (the PPKin's other forms stay).
    let ids = Memo::new(move |_| {
        current.with(|r| {
            r.as_ref()
                .map(|r| r.bukti.iter().map(|b| b.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let list = move || {
        let ids = ids.get();
        let items = current.with_untracked(|r| {
            r.as_ref().map_or_else(Vec::new, |r| {
                ids.iter()
                    .filter_map(|id| r.bukti.iter().find(|b| b.id == *id).cloned())
                    .collect::<Vec<_>>()
            })
        });
        let empty = items.is_empty();
        let items = items
            .into_iter()
            .map(|b| view! { <BuktiItem iki=iki initial=b current=current editable=editable/> })
            .collect_view();
        view! {
            {empty.then(|| view! { <p class="muted">{tr(Key::NoBukti)}</p> })}
            <ul class="bukti-list">{items}</ul>
        }
    };
    let forms = editable.then(|| {
        view! {
            {move || (!has_value.get()).then(|| view! { <p class="field__hint">{tr(Key::SaveRealisasiFirst)}</p> })}
            <Upload iki=iki has_value=has_value/>
            <LinkForm iki=iki has_value=has_value/>
        }
    });
    view! {
        <div class="bukti">
            <h4 class="form-subheading">{tr(Key::BuktiTitle)}</h4>
            {list}
            {forms}
        </div>
    }
}

/// One piece of evidence: the file (download) or link, its verdict and note.
#[component]
fn BuktiItem(
    iki: Uuid,
    initial: BuktiDukung,
    current: Memo<Option<RealisasiRow>>,
    /// The owner's open sub-period: an unchecked piece can be removed.
    editable: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = expect_context::<Ctx>();
    let id = initial.id;
    // The verdict changes; the rest stays.
    let bukti = Memo::new(move |_| {
        current.with(|r| {
            r.as_ref()
                .and_then(|r| r.bukti.iter().find(|b| b.id == id))
                .cloned()
        })
    });
    let tautan = initial.jenis == "tautan";
    let url = initial.url.clone().unwrap_or_default();
    // Only http(s) links are followed (the server checks that too).
    let safe = tautan && http_url(&url).is_ok();
    let name = if tautan {
        url.clone()
    } else {
        initial
            .nama_berkas
            .clone()
            .unwrap_or_else(|| "bukti".to_owned())
    };
    let size = initial.ukuran.map(|s| s as f64);
    let file = (!tautan).then(|| {
        view! {
            <span class="muted">
                {move || size.map(|s| format!(" · {}", labels::file_size(i18n.lang(), s)))}
            </span>
            <DownloadButton file=Download::Bukti(id, name.clone())/>
        }
    });
    let what = view! {
        {safe.then(|| view! { <a class="bukti__link" href=url.clone() target="_blank" rel="noopener noreferrer">{url.clone()}</a> })}
        {(!safe).then(|| view! { <span class="bukti__name">{name.clone()}</span> })}
        {file}
    };
    let verdict = move || bukti.with(|b| b.as_ref().and_then(|b| b.verifikasi));
    let status_class = move || {
        format!(
            "badge bukti__status verif--{}",
            verdict().map_or("belum", Verifikasi::as_str)
        )
    };
    let note = move || {
        bukti.with(|b| {
            b.as_ref()
                .and_then(|b| b.catatan_verifikasi.clone())
                .map(|c| view! { <p class="bukti__note">{tr(Key::VerifyNote)} ": " {c}</p> })
        })
    };
    let created = initial.created_at;
    view! {
        <li class="bukti-item">
            <p class="bukti-item__head">
                {what}
                <span class=status_class>{move || i18n.t(labels::verifikasi(verdict()))}</span>
            </p>
            <p class="field__hint">{move || labels::datetime(i18n.lang(), created)}</p>
            {note}
            {move || (editable && verdict().is_none()).then(|| view! { <RemoveBukti iki=iki id=id/> })}
            {(ctx.role == Role::Ppkin).then(|| view! { <VerifyForm iki=iki bukti=initial/> })}
        </li>
    }
}

/// The PPKin's verdict on one piece of evidence.
#[component]
fn VerifyForm(iki: Uuid, bukti: BuktiDukung) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<RwSignal<RealisasiSheet>>();
    let id = bukti.id;
    let verdict = RwSignal::new(bukti.verifikasi);
    let note = RwSignal::new(bukti.catatan_verifikasi.unwrap_or_default());
    let errors = RwSignal::new(FieldErrors::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(verifikasi) = verdict.get_untracked() else {
            let mut found = FieldErrors::new();
            push(&mut found, "verifikasi", text(Lang::Id, Key::ChooseVerdict));
            errors.set(found);
            return;
        };
        let catatan = note.get_untracked().trim().to_owned();
        let request = VerifyBukti {
            verifikasi,
            catatan: (!catatan.is_empty()).then_some(catatan),
        };
        busy.set(true);
        outcome.set(None);
        errors.set(FieldErrors::new());
        spawn_local(async move {
            match api::measurement::verify_bukti(id, &request).await {
                Ok(saved) => {
                    put(state, iki, saved);
                    outcome.set(Some(Outcome::Done(Key::Verified)));
                }
                Err(e) => failed(e, &["verifikasi", "catatan"], errors, outcome),
            }
            busy.set(false);
        });
    };
    let name = format!("verif-{id}");
    let choices = Verifikasi::ALL
        .iter()
        .map(|v| {
            let v = *v;
            view! {
                <label class="checkbox checkbox--inline">
                    <input
                        type="radio"
                        name=name.clone()
                        value=v.as_str()
                        prop:checked=move || verdict.get() == Some(v)
                        on:change=move |_| {
                            verdict.set(Some(v));
                            errors.update(|e| {
                                e.remove("verifikasi");
                            });
                        }
                    />
                    <span>{tr(labels::verifikasi(Some(v)))}</span>
                </label>
            }
        })
        .collect_view();
    let verdict_error = move || {
        errors.with(|e| {
            e.get("verifikasi")
                .and_then(|m| m.first().cloned())
                .map(|m| view! { <span class="field__message">{i18n.message(&m)}</span> })
        })
    };
    view! {
        <form class="verify-form" novalidate on:submit=submit>
            <fieldset class="field field--compact" class:field--invalid=move || errors.with(|e| e.contains_key("verifikasi"))>
                <legend class="field__label">{tr(Key::VerifyLegend)}</legend>
                <div class="radio-row">{choices}</div>
                <p class="field__error">{verdict_error}</p>
            </fieldset>
            <RowInput label=Key::VerifyNote id=format!("verif-{id}-catatan") value=note errors=errors path="catatan".to_owned() multiline=true/>
            <FormStatus outcome=outcome/>
            <button type="submit" class="btn btn--primary btn--small" disabled=move || busy.get()>
                {tr(Key::SaveVerify)}
            </button>
        </form>
    }
}

/// Uploads a file as evidence, with its progress; leaving the page cancels it.
#[component]
fn Upload(iki: Uuid, has_value: Memo<bool>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<RwSignal<RealisasiSheet>>();
    let texts = UploadTexts {
        label: Key::BuktiFile,
        button: Key::UploadBukti,
        choose_first: Key::ChooseBuktiFirst,
        uploaded: Key::BuktiUploaded,
    };
    let send = move |file: web_sys::File, progress: Progress| async move {
        let k = ctx.k.get_untracked();
        let saved = api::measurement::upload_bukti(ctx.skp, iki, k, &file, progress).await?;
        put(state, iki, saved);
        Ok(())
    };
    view! { <FileUpload id=format!("bukti-{iki}-file") texts=texts enabled=has_value send=send/> }
}

/// The owner removes an unchecked piece of evidence (a wrong upload, a dead link).
#[component]
fn RemoveBukti(iki: Uuid, id: Uuid) -> impl IntoView {
    let state = expect_context::<RwSignal<RealisasiSheet>>();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let remove = move |_| {
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let done = api::measurement::remove_bukti(id).await;
            busy.set(false);
            match done {
                Ok(()) => state.update(|s| {
                    if let Some(row) = s.rows.iter_mut().find(|r| r.iki_id == iki) {
                        row.bukti.retain(|b| b.id != id);
                    }
                }),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <button type="button" class="btn btn--secondary btn--small" disabled=move || busy.get() on:click=remove>
            {tr(Key::Remove)}
        </button>
        {move || error.get().map(|e| view! { <ErrorAlert error=e/> })}
    }
}

/// Adds a link (http or https) as evidence.
#[component]
fn LinkForm(iki: Uuid, has_value: Memo<bool>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<RwSignal<RealisasiSheet>>();
    let url = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let link = url.get_untracked().trim().to_owned();
        if let Err(e) = http_url(&link) {
            let mut found = FieldErrors::new();
            push(
                &mut found,
                "url",
                e.message.map(|m| m.to_string()).unwrap_or_default(),
            );
            errors.set(found);
            outcome.set(Some(Outcome::Invalid(Vec::new())));
            return;
        }
        let k = ctx.k.get_untracked();
        busy.set(true);
        outcome.set(None);
        errors.set(FieldErrors::new());
        spawn_local(async move {
            let request = AddBuktiTautan { url: link };
            match api::measurement::link_bukti(ctx.skp, iki, k, &request).await {
                Ok(saved) => {
                    put(state, iki, saved);
                    url.set(String::new());
                    outcome.set(Some(Outcome::Done(Key::LinkAdded)));
                }
                Err(e) => failed(e, &["url"], errors, outcome),
            }
            busy.set(false);
        });
    };
    view! {
        <form class="bukti-form" novalidate on:submit=submit>
            <RowInput label=Key::BuktiLink id=format!("bukti-{iki}-url") value=url errors=errors path="url".to_owned() inputmode="url"/>
            <FormStatus outcome=outcome/>
            <button type="submit" class="btn btn--secondary btn--small" disabled=move || busy.get() || !has_value.get()>
                {tr(Key::AddLink)}
            </button>
        </form>
    }
}
