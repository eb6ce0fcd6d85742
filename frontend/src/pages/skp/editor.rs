//! The RHK/IKI editor of a draft or returned SKP: rows with their own signals (so typing
//! never re-renders the list), reorder, save with `lock_version`, submit, and the server's
//! field paths (`rhk[1].iki[0].target_nilai`) shown on the rows.

use std::cell::Cell;

use kinerja_api::ErrorCode;
use kinerja_api::planning::{
    Arah, Aspek, Iki, JenisRhk, JenisSkp, JenisTarget, Lampiran, Pendekatan, Perspektif, Rhk, Skp,
    SubmitSkp, UpdateSkp,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::choices;
use crate::api::{self, ApiError};
use crate::components::RowInput;
use crate::components::row_input::messages;
use crate::components::{Alert, AlertKind, Choice, ErrorAlert, Istilah};
use crate::forms::{FieldErrors, push};
use crate::i18n::{Key, fill, tr, use_i18n};
use crate::labels;

thread_local! {
    static NEXT_KEY: Cell<u64> = const { Cell::new(0) };
}

/// A key that identifies a row while it is moved around.
fn next_key() -> u64 {
    NEXT_KEY.with(|k| {
        let key = k.get();
        k.set(key + 1);
        key
    })
}

#[derive(Clone, Copy)]
struct IkiRow {
    key: u64,
    id: Option<Uuid>,
    aspek: RwSignal<String>,
    indikator: RwSignal<String>,
    nilai: RwSignal<String>,
    satuan: RwSignal<String>,
    naratif: RwSignal<String>,
    arah: RwSignal<String>,
    perspektif: RwSignal<String>,
    /// Empty = inferred from the unit.
    jenis_target: RwSignal<String>,
    /// `YYYY-MM-DD` of a deadline target.
    tenggat: RwSignal<String>,
}

#[derive(Clone, Copy)]
struct RhkRow {
    key: u64,
    id: Option<Uuid>,
    jenis: RwSignal<String>,
    deskripsi: RwSignal<String>,
    penugasan: RwSignal<String>,
    intervensi: RwSignal<String>,
    iki: RwSignal<Vec<IkiRow>>,
}

fn text(value: Option<String>) -> RwSignal<String> {
    RwSignal::new(value.unwrap_or_default())
}

fn iki_row(iki: &Iki) -> IkiRow {
    IkiRow {
        key: next_key(),
        id: iki.id,
        aspek: text(iki.aspek.map(|a| a.as_str().to_owned())),
        indikator: RwSignal::new(iki.indikator.clone()),
        nilai: text(iki.target_nilai.map(super::number)),
        satuan: text(iki.target_satuan.clone()),
        naratif: text(iki.target_naratif.clone()),
        arah: RwSignal::new(iki.arah.unwrap_or(Arah::Naik).as_str().to_owned()),
        perspektif: text(iki.perspektif.map(|p| p.as_str().to_owned())),
        jenis_target: text(iki.jenis_target.map(|j| j.as_str().to_owned())),
        tenggat: text(iki.tenggat.map(|d| d.to_string())),
    }
}

fn blank_iki() -> IkiRow {
    iki_row(&Iki {
        id: None,
        aspek: Some(Aspek::Kuantitas),
        indikator: String::new(),
        target_nilai: None,
        target_satuan: None,
        target_naratif: None,
        arah: Some(Arah::Naik),
        perspektif: None,
        jenis_target: None,
        tenggat: None,
    })
}

fn rhk_row(rhk: &Rhk) -> RhkRow {
    RhkRow {
        key: next_key(),
        id: rhk.id,
        jenis: RwSignal::new(rhk.jenis.as_str().to_owned()),
        deskripsi: RwSignal::new(rhk.deskripsi.clone()),
        penugasan: text(rhk.penugasan_dari.clone()),
        intervensi: text(rhk.intervensi_rhk_id.map(|id| id.to_string())),
        iki: RwSignal::new(rhk.iki.iter().map(iki_row).collect()),
    }
}

fn blank_rhk() -> RhkRow {
    let row = rhk_row(&Rhk {
        id: None,
        jenis: JenisRhk::Utama,
        deskripsi: String::new(),
        penugasan_dari: None,
        intervensi_rhk_id: None,
        iki: Vec::new(),
    });
    row.iki.set(vec![blank_iki()]);
    row
}

fn optional(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

fn lines(value: &str) -> Vec<String> {
    value.lines().filter_map(optional).collect()
}

/// The rows as the request's RHK; unparsable targets are reported on their paths.
fn collect(rows: &[RhkRow], errors: &mut FieldErrors) -> Vec<Rhk> {
    rows.iter()
        .enumerate()
        .map(|(i, r)| Rhk {
            id: r.id,
            jenis: JenisRhk::parse(&r.jenis.get_untracked()).unwrap_or(JenisRhk::Utama),
            deskripsi: r.deskripsi.get_untracked().trim().to_owned(),
            penugasan_dari: optional(&r.penugasan.get_untracked()),
            intervensi_rhk_id: Uuid::parse_str(&r.intervensi.get_untracked()).ok(),
            iki: r
                .iki
                .get_untracked()
                .iter()
                .enumerate()
                .map(|(j, k)| {
                    let raw = k.nilai.get_untracked().trim().to_owned();
                    let target_nilai = if raw.is_empty() {
                        None
                    } else {
                        match super::parse_number(&raw) {
                            Some(v) if v >= 0.0 => Some(v),
                            _ => {
                                push(
                                    errors,
                                    &format!("rhk[{i}].iki[{j}].target_nilai"),
                                    "Target harus bilangan tidak negatif.",
                                );
                                None
                            }
                        }
                    };
                    Iki {
                        id: k.id,
                        aspek: Aspek::parse(&k.aspek.get_untracked()),
                        indikator: k.indikator.get_untracked().trim().to_owned(),
                        target_nilai,
                        target_satuan: optional(&k.satuan.get_untracked()),
                        target_naratif: optional(&k.naratif.get_untracked()),
                        arah: Arah::parse(&k.arah.get_untracked()),
                        perspektif: Perspektif::parse(&k.perspektif.get_untracked()),
                        jenis_target: JenisTarget::parse(&k.jenis_target.get_untracked()),
                        // Only a deadline target carries its date.
                        tenggat: (k.jenis_target.get_untracked() == JenisTarget::Tenggat.as_str())
                            .then(|| iso_date(&k.tenggat.get_untracked()))
                            .flatten(),
                    }
                })
                .collect(),
        })
        .collect()
}

/// A labelled select of a row.
#[component]
fn RowSelect(
    label: Key,
    id: String,
    value: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
    #[prop(into)] path: Signal<String>,
    #[prop(into)] options: Signal<Vec<Choice>>,
    #[prop(optional)] empty: Option<Key>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let list = Memo::new(move |_| errors.with(|e| messages(&path.get(), e)));
    view! {
        <div class="field field--compact" class:field--invalid=move || !list.with(Vec::is_empty)>
            <label class="field__label" for=id.clone()>{tr(label)}</label>
            <select
                class="field__input field__select"
                id=id
                aria-describedby=error_id.clone()
                aria-invalid=move || if list.with(Vec::is_empty) { "false" } else { "true" }
                prop:value=move || value.get()
                on:change=move |ev| {
                    value.set(event_target_value(&ev));
                    errors.update(|e| {
                        e.remove(&path.get_untracked());
                    });
                }
            >
                {move || {
                    let current = value.get();
                    let first = empty.map(|k| view! { <option value="" selected=current.is_empty()>{i18n.t(k)}</option> });
                    let rest = options
                        .get()
                        .into_iter()
                        .map(|(v, t)| {
                            let selected = v == current;
                            view! { <option value=v selected=selected>{t}</option> }
                        })
                        .collect_view();
                    (first, rest)
                }}
            </select>
            <p class="field__error" id=error_id>
                {move || {
                    list.get()
                        .into_iter()
                        .map(|m| view! { <span class="field__message">{i18n.message(&m)}</span> })
                        .collect_view()
                }}
            </p>
        </div>
    }
}

fn swap<T>(list: RwSignal<Vec<T>>, at: usize, up: bool)
where
    T: Send + Sync + 'static,
{
    list.update(|v| {
        let other = if up { at.checked_sub(1) } else { Some(at + 1) };
        if let Some(other) = other.filter(|o| *o < v.len()) {
            v.swap(at, other);
        }
    });
}

/// What happened to the last save or submit.
#[derive(Clone, PartialEq)]
enum Outcome {
    Saved,
    Invalid,
    Stale,
    Blocked(String),
    Failed(ApiError),
}

/// The editor of an SKP in `draft` or `dikembalikan`. `current` is replaced by the server's
/// answer after each save or submit.
#[component]
pub(super) fn Editor(
    current: RwSignal<Skp>,
    /// Loads the SKP again (after a 409).
    reload: Callback<()>,
    /// Tells the workspace that the SKP was submitted.
    on_submitted: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let skp = current.get_untracked();
    let id = skp.id;
    let jpt = skp.jenis == JenisSkp::JptPimpinan;
    let rows = RwSignal::new(skp.rhk.iter().map(rhk_row).collect::<Vec<_>>());
    let pendekatan = RwSignal::new(skp.pendekatan.as_str().to_owned());
    let dukungan = RwSignal::new(skp.lampiran.dukungan_sumber_daya.join("\n"));
    let skema = RwSignal::new(skp.lampiran.skema_pertanggungjawaban.join("\n"));
    let konsekuensi = RwSignal::new(skp.lampiran.konsekuensi.join("\n"));
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    let superior = crate::components::background(move || api::skp::superior_rhk(id));
    let superior_choices = Signal::derive(move || {
        superior
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|r| r.id.map(|id| (id.to_string(), r.deskripsi)))
            .collect::<Vec<Choice>>()
    });

    let request = move || -> Result<UpdateSkp, FieldErrors> {
        let mut found = FieldErrors::new();
        let rhk = collect(&rows.get_untracked(), &mut found);
        if !found.is_empty() {
            return Err(found);
        }
        Ok(UpdateSkp {
            lock_version: current.with_untracked(|s| s.lock_version),
            pendekatan: Pendekatan::parse(&pendekatan.get_untracked())
                .unwrap_or(Pendekatan::Kuantitatif),
            rhk,
            lampiran: Lampiran {
                dukungan_sumber_daya: lines(&dukungan.get_untracked()),
                skema_pertanggungjawaban: lines(&skema.get_untracked()),
                konsekuensi: lines(&konsekuensi.get_untracked()),
            },
        })
    };
    // What the server has; submitting an unchanged draft does not save it first (a save
    // re-checks the intervened RHK, which would hide the "SKP atasan belum ditetapkan" answer).
    let baseline = StoredValue::new(request().ok());
    let unchanged = move |body: &UpdateSkp| {
        baseline.with_value(|b| {
            b.as_ref().is_some_and(|b| {
                b.pendekatan == body.pendekatan && b.rhk == body.rhk && b.lampiran == body.lampiran
            })
        })
    };
    let accept = move |saved: Skp| {
        rows.set(saved.rhk.iter().map(rhk_row).collect());
        current.set(saved);
        baseline.set_value(request().ok());
    };
    let fail = move |error: ApiError| {
        let outcome_now = match (error.status(), error.code()) {
            (Some(409), _) => Outcome::Stale,
            (_, Some(ErrorCode::ValidationFailed)) => {
                let mut fields = error.field_errors();
                match fields.remove("status") {
                    Some(list) if !list.is_empty() => Outcome::Blocked(list.join(" ")),
                    _ => {
                        errors.set(fields);
                        Outcome::Invalid
                    }
                }
            }
            _ => Outcome::Failed(error),
        };
        outcome.set(Some(outcome_now));
    };
    let run = move |submit: bool| {
        let body = match request() {
            Ok(body) => body,
            Err(found) => {
                errors.set(found);
                outcome.set(Some(Outcome::Invalid));
                return;
            }
        };
        busy.set(true);
        outcome.set(None);
        errors.set(FieldErrors::new());
        let skip_save = submit && unchanged(&body);
        spawn_local(async move {
            let lock_version = if skip_save {
                body.lock_version
            } else {
                let saved = match api::skp::update(id, &body).await {
                    Ok(saved) => saved,
                    Err(e) => {
                        busy.set(false);
                        fail(e);
                        return;
                    }
                };
                let lock_version = saved.lock_version;
                accept(saved);
                lock_version
            };
            if !submit {
                busy.set(false);
                outcome.set(Some(Outcome::Saved));
                return;
            }
            match api::skp::submit(id, &SubmitSkp { lock_version }).await {
                Ok(submitted) => {
                    busy.set(false);
                    current.set(submitted);
                    on_submitted.run(());
                }
                Err(e) => {
                    busy.set(false);
                    fail(e);
                }
            }
        });
    };

    let status = move || {
        outcome.get().map(|o| match o {
            Outcome::Saved => view! {
                <Alert kind=AlertKind::Success message=Signal::derive(move || i18n.t(Key::SkpSaved).to_owned())/>
            }
            .into_any(),
            Outcome::Invalid => {
                let general = errors.with(|e| {
                    e.iter()
                        .filter(|(k, _)| !k.starts_with("rhk["))
                        .flat_map(|(_, m)| m.clone())
                        .collect::<Vec<_>>()
                });
                view! {
                    <div class="alert alert--error alert--block" role="alert">
                        <span class="alert__icon" aria-hidden="true"></span>
                        <div class="alert__text">
                            <p class="alert__title">{tr(Key::FormHasErrors)}</p>
                            <ul class="alert__list">
                                {general.into_iter().map(|m| view! { <li>{i18n.message(&m)}</li> }).collect_view()}
                            </ul>
                        </div>
                    </div>
                }
                .into_any()
            }
            Outcome::Stale => view! {
                <div class="alert alert--error alert--block" role="alert">
                    <span class="alert__icon" aria-hidden="true"></span>
                    <div class="alert__text">
                        <p>{tr(Key::StaleSkp)}</p>
                        <button type="button" class="btn btn--secondary btn--small" on:click=move |_| reload.run(())>
                            {tr(Key::Reload)}
                        </button>
                    </div>
                </div>
            }
            .into_any(),
            Outcome::Blocked(text) => view! {
                <div class="alert alert--error alert--block skp-blocked" role="alert">
                    <span class="alert__icon" aria-hidden="true"></span>
                    <p class="alert__text alert__title">{move || i18n.message(&text)}</p>
                </div>
            }
            .into_any(),
            Outcome::Failed(e) => view! {
                <ErrorAlert error=e/>
            }
            .into_any(),
        })
    };

    let rhk_list = move || {
        view! {
            <For each=move || rows.get() key=|r| r.key let:row>
                <RhkEditor row=row rows=rows errors=errors jpt=jpt superior=superior_choices/>
            </For>
        }
    };
    let lampiran_field = |label: Key, name: &'static str, value: RwSignal<String>| {
        let path = format!("lampiran.{name}");
        view! {
            <RowInput label=label id=format!("lampiran-{name}") value=value errors=errors path=path multiline=true/>
        }
    };

    view! {
        <form class="skp-editor" novalidate on:submit=move |ev| {
            ev.prevent_default();
            run(false);
        }>
            <section class="card card--skp">
                <div class="card__header">
                    <h2 class="card__title"><Istilah id="rhk">{tr(Key::RhkTitle)}</Istilah></h2>
                </div>
                <RowSelect
                    label=Key::Pendekatan
                    id="pendekatan".to_owned()
                    value=pendekatan
                    errors=errors
                    path="pendekatan".to_owned()
                    options=choices(Pendekatan::ALL, Pendekatan::as_str, labels::pendekatan)
                />
                {move || rows.with(Vec::is_empty).then(|| view! { <p class="muted">{tr(Key::NoRhk)}</p> })}
                <ol class="rhk-editors">{rhk_list}</ol>
                <button type="button" class="btn btn--secondary" on:click=move |_| rows.update(|v| v.push(blank_rhk()))>
                    <span class="icon icon--plus" aria-hidden="true"></span>
                    {tr(Key::AddRhk)}
                </button>
            </section>
            <section class="card card--skp">
                <h2 class="card__title">{tr(Key::LampiranTitle)}</h2>
                <p class="field__hint">{tr(Key::OnePerLine)}</p>
                {lampiran_field(Key::DukunganSumberDaya, "dukungan_sumber_daya", dukungan)}
                {lampiran_field(Key::SkemaPertanggungjawaban, "skema_pertanggungjawaban", skema)}
                {lampiran_field(Key::Konsekuensi, "konsekuensi", konsekuensi)}
            </section>
            <div class="form-status" aria-live="polite">{status}</div>
            <div class="form-actions">
                <button type="submit" class="btn btn--secondary" disabled=move || busy.get()>
                    {move || i18n.t(if busy.get() { Key::Saving } else { Key::SaveDraft })}
                </button>
                <button type="button" class="btn btn--primary" disabled=move || busy.get() on:click=move |_| run(true)>
                    {move || i18n.t(if busy.get() { Key::Submitting } else { Key::SubmitSkp })}
                </button>
            </div>
        </form>
    }
}

/// One RHK with its indicators.
#[component]
fn RhkEditor(
    row: RhkRow,
    rows: RwSignal<Vec<RhkRow>>,
    errors: RwSignal<FieldErrors>,
    jpt: bool,
    superior: Signal<Vec<Choice>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let key = row.key;
    let index =
        Memo::new(move |_| rows.with(|v| v.iter().position(|r| r.key == key).unwrap_or_default()));
    let path =
        move |field: &'static str| Signal::derive(move || format!("rhk[{}].{field}", index.get()));
    let id = move |field: &str| format!("rhk-{key}-{field}");
    let utama = move || row.jenis.get() == JenisRhk::Utama.as_str();
    let count = move || rows.with(Vec::len);
    let intervensi = move || {
        (utama() && !jpt).then(|| {
            let empty = superior.with(Vec::is_empty);
            view! {
                <RowSelect
                    label=Key::Intervensi
                    id=id("intervensi")
                    value=row.intervensi
                    errors=errors
                    path=path("intervensi_rhk_id")
                    options=superior
                    empty=Key::ChooseOption
                />
                {empty.then(|| view! { <p class="field__hint">{tr(Key::NoSuperiorRhk)}</p> })}
            }
        })
    };
    let iki_list = move || {
        view! {
            <For each=move || row.iki.get() key=|k| k.key let:iki>
                <IkiEditor iki=iki list=row.iki rhk_index=index errors=errors jpt=jpt/>
            </For>
        }
    };
    view! {
        <li class="rhk-editor">
            <div class="rhk-editor__head">
                <h3 class="rhk-editor__title">
                    {move || fill(i18n.t(Key::RhkN), &[("n", &(index.get() + 1).to_string())])}
                </h3>
                <div class="row-actions">
                    <button type="button" class="btn btn--secondary btn--small" disabled=move || index.get() == 0
                        on:click=move |_| swap(rows, index.get_untracked(), true)>
                        {tr(Key::MoveUp)}
                    </button>
                    <button type="button" class="btn btn--secondary btn--small" disabled=move || { index.get() + 1 >= count() }
                        on:click=move |_| swap(rows, index.get_untracked(), false)>
                        {tr(Key::MoveDown)}
                    </button>
                    <button type="button" class="btn btn--secondary btn--small"
                        on:click=move |_| rows.update(|v| v.retain(|r| r.key != key))>
                        {tr(Key::RemoveRhk)}
                    </button>
                </div>
            </div>
            <div class="form-grid">
                <RowSelect
                    label=Key::JenisRhk
                    id=id("jenis")
                    value=row.jenis
                    errors=errors
                    path=path("jenis")
                    options=choices(JenisRhk::ALL, JenisRhk::as_str, labels::jenis_rhk)
                />
                <RowInput label=Key::PenugasanDari id=id("penugasan") value=row.penugasan errors=errors path=path("penugasan_dari")/>
            </div>
            <RowInput label=Key::RhkDeskripsi id=id("deskripsi") value=row.deskripsi errors=errors path=path("deskripsi") multiline=true/>
            {intervensi}
            <h4 class="form-subheading"><Istilah id="iki">{tr(Key::IkiTitle)}</Istilah></h4>
            <RowMessages errors=errors path=path("iki")/>
            {move || row.iki.with(Vec::is_empty).then(|| view! { <p class="muted">{tr(Key::NoIki)}</p> })}
            <ul class="iki-editors">{iki_list}</ul>
            <button type="button" class="btn btn--secondary btn--small" on:click=move |_| row.iki.update(|v| v.push(blank_iki()))>
                <span class="icon icon--plus" aria-hidden="true"></span>
                {tr(Key::AddIki)}
            </button>
        </li>
    }
}

/// Messages on a path that has no control of its own (`rhk[0].iki`).
#[component]
fn RowMessages(errors: RwSignal<FieldErrors>, #[prop(into)] path: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let list = errors.with(|e| messages(&path.get(), e));
        (!list.is_empty()).then(|| {
            view! {
                <p class="field__error">
                    {list.into_iter().map(|m| view! { <span class="field__message">{i18n.message(&m)}</span> }).collect_view()}
                </p>
            }
        })
    }
}

/// A date input's `YYYY-MM-DD` (by hand: chrono's parser would weigh on the wasm).
fn iso_date(value: &str) -> Option<chrono::NaiveDate> {
    let mut parts = value.trim().splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    chrono::NaiveDate::from_ymd_opt(y, m, d)
}

fn jenis_target_label(j: JenisTarget) -> Key {
    match j {
        JenisTarget::Akumulatif => Key::JenisTargetAkumulatif,
        JenisTarget::Tetap => Key::JenisTargetTetap,
        JenisTarget::Tenggat => Key::JenisTargetTenggat,
    }
}

/// One IKI row.
#[component]
fn IkiEditor(
    iki: IkiRow,
    list: RwSignal<Vec<IkiRow>>,
    rhk_index: Memo<usize>,
    errors: RwSignal<FieldErrors>,
    jpt: bool,
) -> impl IntoView {
    let key = iki.key;
    let index =
        Memo::new(move |_| list.with(|v| v.iter().position(|k| k.key == key).unwrap_or_default()));
    let path = move |field: &'static str| {
        Signal::derive(move || format!("rhk[{}].iki[{}].{field}", rhk_index.get(), index.get()))
    };
    let id = move |field: &str| format!("iki-{key}-{field}");
    let count = move || list.with(Vec::len);
    view! {
        <li class="iki-editor">
            <div class="iki-grid">
                <RowSelect
                    label=Key::Aspek
                    id=id("aspek")
                    value=iki.aspek
                    errors=errors
                    path=path("aspek")
                    options=choices(Aspek::ALL, Aspek::as_str, labels::aspek)
                    empty=Key::ChooseOption
                />
                <div class="iki-grid__wide">
                    <RowInput label=Key::Indikator id=id("indikator") value=iki.indikator errors=errors path=path("indikator") multiline=true/>
                </div>
                <RowInput label=Key::TargetNilai id=id("nilai") value=iki.nilai errors=errors path=path("target_nilai") inputmode="decimal"/>
                <RowInput label=Key::TargetSatuan id=id("satuan") value=iki.satuan errors=errors path=path("target_satuan")/>
                <div class="iki-grid__wide">
                    <RowInput label=Key::TargetNaratif id=id("naratif") value=iki.naratif errors=errors path=path("target_naratif")/>
                </div>
                <RowSelect
                    label=Key::Arah
                    id=id("arah")
                    value=iki.arah
                    errors=errors
                    path=path("arah")
                    options=choices(Arah::ALL, Arah::as_str, labels::arah)
                />
                <RowSelect
                    label=Key::JenisTargetLabel
                    id=id("jenis-target")
                    value=iki.jenis_target
                    errors=errors
                    path=path("jenis_target")
                    options=choices(JenisTarget::ALL, JenisTarget::as_str, jenis_target_label)
                    empty=Key::JenisTargetAuto
                />
                {move || (iki.jenis_target.get() == JenisTarget::Tenggat.as_str()).then(|| view! {
                    <RowInput label=Key::TenggatLabel id=id("tenggat") value=iki.tenggat errors=errors path=path("tenggat") kind="date"/>
                })}
                {jpt.then(|| view! {
                    <RowSelect
                        label=Key::Perspektif
                        id=id("perspektif")
                        value=iki.perspektif
                        errors=errors
                        path=path("perspektif")
                        options=choices(Perspektif::ALL, Perspektif::as_str, labels::perspektif)
                        empty=Key::ChooseOption
                    />
                })}
            </div>
            <div class="row-actions">
                <button type="button" class="btn btn--secondary btn--small" disabled=move || index.get() == 0
                    on:click=move |_| swap(list, index.get_untracked(), true)>
                    {tr(Key::MoveUp)}
                </button>
                <button type="button" class="btn btn--secondary btn--small" disabled=move || { index.get() + 1 >= count() }
                    on:click=move |_| swap(list, index.get_untracked(), false)>
                    {tr(Key::MoveDown)}
                </button>
                <button type="button" class="btn btn--secondary btn--small"
                    on:click=move |_| list.update(|v| v.retain(|k| k.key != key))>
                    {tr(Key::RemoveIki)}
                </button>
            </div>
        </li>
    }
}
