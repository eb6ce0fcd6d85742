//! The silences of the cycle's reminders on `/sistem` (HR office, `manage_organisation`;
//! docs/pengingat.md): the current and coming ones, a form to add one, and a button to lift
//! one. The text is kept here so that only this bundle carries it.

use chrono::NaiveDate;
use kinerja_api::PageQuery;
use kinerja_api::pengingat::{JedaBaru, JedaPengingat};
use kinerja_api::pengumuman::UnitSasaran;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiError};
use crate::components::ErrorAlert;
use crate::forms::{FieldErrors, field_text, push};
use crate::i18n::{Lang, use_i18n};
use crate::labels;

type Text = (&'static str, &'static str);

const TITLE: Text = ("Jeda pengingat", "Reminder silences");
const INTRO: Text = (
    "Hentikan sementara pengingat dan eskalasi siklus kinerja untuk satu unit (beserta unit di bawahnya) atau seluruh instansi, misalnya selama cuti bersama. Yang masih tertinggal diingatkan lagi setelah jeda berakhir.",
    "Pause the cycle's reminders and escalations for a unit (with the units below it) or the whole instansi, e.g. during a collective leave. What is still behind is reminded again after the silence ends.",
);
const EMPTY: Text = (
    "Tidak ada jeda yang berlaku atau terjadwal.",
    "No current or upcoming silences.",
);
const UNIT: Text = ("Unit", "Unit");
const ALL: Text = ("Seluruh instansi", "The whole instansi");
const FROM: Text = ("Mulai", "From");
const UNTIL: Text = ("Sampai", "Until");
const REASON: Text = ("Alasan", "Reason");
const ADD: Text = ("Tambah jeda", "Add a silence");
const REMOVE: Text = ("Hapus", "Remove");
const ACTIVE: Text = ("berlaku", "active");
const BY: Text = ("Dibuat oleh", "Set by");
const REQUIRED: Text = ("Wajib diisi.", "Required.");

fn pick(lang: Lang, (id, en): Text) -> &'static str {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// The section: list and form; reloads after each change.
#[component]
pub fn JedaSection() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |text: Text| pick(i18n.lang(), text);
    let list = RwSignal::new(None::<Result<Vec<JedaPengingat>, ApiError>>);
    let version = RwSignal::new(0u32);
    Effect::new(move |_| {
        version.track();
        spawn_local(async move {
            let r = api::sistem::jeda(PageQuery {
                page: 1,
                per_page: 100,
            })
            .await
            .map(|p| p.items);
            list.set(Some(r));
        });
    });
    let units = RwSignal::new(Vec::<UnitSasaran>::new());
    spawn_local(async move {
        // Without the list only the whole instansi can be chosen.
        if let Ok(u) = api::pengumuman::unit_sasaran().await {
            units.set(u);
        }
    });
    let unit = RwSignal::new(String::new());
    let mulai = RwSignal::new(String::new());
    let selesai = RwSignal::new(String::new());
    let alasan = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        let lang = untrack(|| i18n.lang());
        let mut e = FieldErrors::new();
        let date = |name: &str, v: String, e: &mut FieldErrors| {
            let d = NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok();
            if d.is_none() {
                push(e, name, pick(lang, REQUIRED));
            }
            d
        };
        let m = date("mulai", mulai.get_untracked(), &mut e);
        let s = date("selesai", selesai.get_untracked(), &mut e);
        let (Some(m), Some(s)) = (m, s) else {
            errors.set(e);
            return;
        };
        let req = JedaBaru {
            unit_id: unit.get_untracked().parse().ok(),
            mulai: m,
            selesai: s,
            alasan: alasan.get_untracked(),
        };
        errors.set(FieldErrors::new());
        busy.set(true);
        spawn_local(async move {
            match api::sistem::jeda_baru(&req).await {
                Ok(_) => {
                    alasan.set(String::new());
                    version.update(|v| *v += 1);
                }
                Err(e) => {
                    errors.set(e.field_errors());
                    failure.set(Some(e));
                }
            }
            busy.set(false);
        });
    };
    let msg = field_text(errors);
    let remove = move |id: uuid::Uuid| {
        spawn_local(async move {
            if let Err(e) = api::sistem::jeda_hapus(id).await {
                failure.set(Some(e));
            }
            version.update(|v| *v += 1);
        });
    };
    let rows = move || {
        match list.get() {
        None => view! { <p class="muted">"…"</p> }.into_any(),
        // A fresh installation without an instansi has nothing to silence yet.
        Some(Err(e)) if e.code() == Some(kinerja_api::ErrorCode::NotFound) => {
            view! { <p class="muted" id="jeda-kosong">{move || t(EMPTY)}</p> }.into_any()
        }
        Some(Err(e)) => view! { <ErrorAlert error=e/> }.into_any(),
        Some(Ok(items)) if items.is_empty() => {
            view! { <p class="muted" id="jeda-kosong">{move || t(EMPTY)}</p> }.into_any()
        }
        Some(Ok(items)) => view! {
            <ul class="jeda-list" id="jeda-daftar">
                {items.into_iter().map(|j| {
                    let id = j.id;
                    let (m, s, at) = (j.mulai, j.selesai, j.dibuat_pada);
                    let unit = j.unit_nama.clone();
                    view! {
                        <li class="jeda-item" data-jeda=id.to_string()>
                            <div>
                                <strong>{move || unit.clone().unwrap_or_else(|| t(ALL).to_owned())}</strong>
                                {j.berlaku.then(|| view! { <span class="status">{move || t(ACTIVE)}</span> })}
                                <div>{move || format!("{} – {}", labels::date(i18n.lang(), m), labels::date(i18n.lang(), s))}</div>
                                <div class="table__secondary">{j.alasan.clone()}</div>
                                <div class="table__secondary">{move || format!("{} {} · {}", t(BY), j.dibuat_oleh, labels::datetime(i18n.lang(), at))}</div>
                            </div>
                            <button type="button" class="btn btn--secondary" on:click=move |_| remove(id)>{move || t(REMOVE)}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any(),
    }
    };
    view! {
        <section class="card" aria-labelledby="jeda-judul">
            <h2 id="jeda-judul">{move || t(TITLE)}</h2>
            <p class="muted">{move || t(INTRO)}</p>
            {rows}
            <form class="form" on:submit=submit novalidate>
                <div class="field">
                    <label class="field__label" for="jeda-unit">{move || t(UNIT)}</label>
                    <select id="jeda-unit" class="field__input" bind:value=unit>
                        <option value="">{move || t(ALL)}</option>
                        {move || units.get().into_iter().map(|u| {
                            let pad = "\u{a0}\u{a0}".repeat(u.tingkat as usize);
                            view! { <option value=u.id.to_string()>{format!("{pad}{}", u.nama)}</option> }
                        }).collect_view()}
                    </select>
                    <p class="field__error" role="alert">{msg("unit_id")}</p>
                </div>
                <div class="form-grid">
                    <div class="field">
                        <label class="field__label" for="jeda-mulai">{move || t(FROM)}</label>
                        <input id="jeda-mulai" type="date" class="field__input" bind:value=mulai required/>
                        <p class="field__error" role="alert">{msg("mulai")}</p>
                    </div>
                    <div class="field">
                        <label class="field__label" for="jeda-selesai">{move || t(UNTIL)}</label>
                        <input id="jeda-selesai" type="date" class="field__input" bind:value=selesai required/>
                        <p class="field__error" role="alert">{msg("selesai")}</p>
                    </div>
                </div>
                <div class="field">
                    <label class="field__label" for="jeda-alasan">{move || t(REASON)}</label>
                    <input id="jeda-alasan" class="field__input" bind:value=alasan maxlength="500" required/>
                    <p class="field__error" role="alert">{msg("alasan")}</p>
                </div>
                {move || failure.get().filter(|e| e.field_errors().is_empty()).map(|e| view! { <ErrorAlert error=e/> })}
                <div class="form-actions">
                    <button type="submit" class="btn btn--primary" disabled=move || busy.get()>{move || t(ADD)}</button>
                </div>
            </form>
        </section>
    }
}
