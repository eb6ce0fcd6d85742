//! `/referensi-penilaian` (needs `manage_organisation`): the training catalogue that
//! improvement plans recommend from (add, withdraw, restore) and the yearly angka kredit
//! coefficient of each jenjang fungsional.

use kinerja_api::auth::Permission;
use kinerja_api::organisation::{Jenjang, JenjangInfo};
use kinerja_api::penilaian::{CreatePelatihan, JenisPelatihan, Pelatihan};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::components::{
    Alert, AlertKind, ErrorAlert, Field, LoadedList, PageHeader, SelectField, background,
    replace_item,
};
use crate::components::{FormStatus, Outcome, failed};
use crate::forms::{FieldErrors, push};
use crate::i18n::{Key, tr, use_i18n};
use crate::labels;
use crate::state::auth::use_auth;

/// Referensi Penilaian.
#[component]
pub fn ReferensiPage() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let body = if auth.can(Permission::ManageOrganisation) {
        view! { <Catalogue/> <Coefficients/> }.into_any()
    } else {
        view! { <Alert kind=AlertKind::Error message=Signal::derive(move || i18n.t(Key::NoAccess).to_owned())/> }
            .into_any()
    };
    view! {
        <PageHeader title=Key::NavReferensi intro=Key::ReferensiIntro/>
        {body}
    }
}

type Items = LoadedList<Pelatihan>;

/// The catalogue: the add form and every training, withdrawn ones included.
#[component]
fn Catalogue() -> impl IntoView {
    let i18n = use_i18n();
    let items: Items = RwSignal::new(None);
    spawn_local(async move { items.set(Some(api::evaluation::all_trainings().await)) });
    let nama = RwSignal::new(String::new());
    let jenis = RwSignal::new(JenisPelatihan::Teknis.as_str().to_owned());
    let jp = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);
    let kinds = Signal::derive(move || {
        JenisPelatihan::ALL
            .iter()
            .map(|j| {
                (
                    j.as_str().to_owned(),
                    i18n.t(labels::jenis_pelatihan(*j)).to_owned(),
                )
            })
            .collect::<Vec<_>>()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = FieldErrors::new();
        let name = nama.get_untracked().trim().to_owned();
        if name.chars().count() < 3 {
            push(&mut found, "nama", "Nama pelatihan 3–200 karakter.");
        }
        let hours = jp.get_untracked();
        let hours = hours.trim();
        let jp_value = if hours.is_empty() {
            None
        } else {
            match hours.parse::<i32>() {
                Ok(n) if (1..=1000).contains(&n) => Some(n),
                _ => {
                    push(&mut found, "jp", "JP antara 1 dan 1000.");
                    None
                }
            }
        };
        let kind = JenisPelatihan::parse(&jenis.get_untracked());
        let (Some(kind), true) = (kind, found.is_empty()) else {
            errors.set(found);
            outcome.set(Some(Outcome::Invalid(Vec::new())));
            return;
        };
        let request = CreatePelatihan {
            nama: name,
            jenis: kind,
            jp: jp_value,
        };
        busy.set(true);
        outcome.set(None);
        spawn_local(async move {
            match api::evaluation::add_training(&request).await {
                Ok(added) => {
                    items.update(|all| {
                        if let Some(Ok(list)) = all {
                            list.push(added);
                            list.sort_by(|a, b| a.nama.cmp(&b.nama));
                        }
                    });
                    nama.set(String::new());
                    jp.set(String::new());
                    errors.set(FieldErrors::new());
                    outcome.set(Some(Outcome::Done(Key::PelatihanAdded)));
                }
                Err(e) => failed(e, &["nama", "jenis", "jp"], errors, outcome),
            }
            busy.set(false);
        });
    };
    let list = move || match items.get() {
        None => view! { <p class="muted">{tr(Key::Loading)}</p> }.into_any(),
        Some(Err(e)) => view! { <ErrorAlert error=e/> }.into_any(),
        Some(Ok(list)) if list.is_empty() => {
            view! { <p class="empty muted">{tr(Key::Empty)}</p> }.into_any()
        }
        Some(Ok(list)) => {
            let rows = list
                .into_iter()
                .map(|t| view! { <TrainingRow t=t items=items outcome=outcome/> })
                .collect_view();
            view! {
                <div class="table-wrap">
                    <table class="table">
                        <thead>
                            <tr>
                                <th scope="col">{tr(Key::PelatihanNama)}</th>
                                <th scope="col">{tr(Key::PelatihanJenis)}</th>
                                <th scope="col">"JP"</th>
                                <th scope="col">{tr(Key::Status)}</th>
                                <th scope="col"><span class="sr-only">{tr(Key::Status)}</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <section class="card card--skp" aria-labelledby="katalog">
            <h2 class="card__title" id="katalog">{tr(Key::KatalogPelatihan)}</h2>
            <form novalidate on:submit=submit class="form-grid">
                <Field name="nama" label=Key::PelatihanNama value=nama errors=errors autocomplete="off" required=true/>
                <SelectField name="jenis" label=Key::PelatihanJenis value=jenis errors=errors options=kinds required=true/>
                <Field name="jp" label=Key::PelatihanJp value=jp errors=errors autocomplete="off" inputmode="numeric"/>
                <div class="form-actions">
                    <button type="submit" class="btn btn--primary" disabled=move || busy.get()>{tr(Key::TambahPelatihan)}</button>
                </div>
            </form>
            <FormStatus outcome=outcome/>
            {list}
        </section>
    }
}

/// One training with its withdraw/restore button.
#[component]
fn TrainingRow(t: Pelatihan, items: Items, outcome: RwSignal<Option<Outcome>>) -> impl IntoView {
    let i18n = use_i18n();
    let (id, aktif, nama) = (t.id, t.aktif, t.nama.clone());
    let toggle = move |_| {
        spawn_local(async move {
            match api::evaluation::set_training_active(id, !aktif).await {
                Ok(updated) => replace_item(items, updated, |x| x.id == id),
                Err(e) => outcome.set(Some(Outcome::Failed(e))),
            }
        });
    };
    view! {
        <tr data-pelatihan=nama>
            <td>{t.nama}</td>
            <td>{tr(labels::jenis_pelatihan(t.jenis))}</td>
            <td>{t.jp.map(|jp| jp.to_string()).unwrap_or_else(|| "–".to_owned())}</td>
            <td>
                <span class="status" class:status--inactive=!aktif>
                    {move || i18n.t(if aktif { Key::Active } else { Key::Inactive })}
                </span>
            </td>
            <td>
                <button type="button" class="btn btn--secondary btn--small" on:click=toggle>
                    {tr(if aktif { Key::PelatihanTarik } else { Key::ApiClientEnable })}
                </button>
            </td>
        </tr>
    }
}

/// The yearly coefficient of each jenjang fungsional, each saved on its own.
#[component]
fn Coefficients() -> impl IntoView {
    let reference = background(|| async { api::organisation::reference().await.ok() });
    let rows = move || {
        reference.get().flatten().map(|r| {
            r.jenjang
                .into_iter()
                .filter(|j| j.koefisien_angka_kredit.is_some())
                .map(|j| view! { <CoefficientRow j=j/> })
                .collect_view()
        })
    };
    view! {
        <section class="card card--skp" aria-labelledby="koefisien">
            <h2 class="card__title" id="koefisien">{tr(Key::KoefisienTitle)}</h2>
            <p class="field__hint">{tr(Key::KoefisienIntro)}</p>
            <ul class="coef-list">{rows}</ul>
        </section>
    }
}

#[component]
fn CoefficientRow(j: JenjangInfo) -> impl IntoView {
    let jenjang: Jenjang = j.kode;
    let value = RwSignal::new(
        j.koefisien_angka_kredit
            .map(|k| k.to_string())
            .unwrap_or_default(),
    );
    let errors = RwSignal::new(FieldErrors::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let id = format!("koefisien-{}", jenjang.as_str());
    let save = move |_| {
        let Ok(k) = value
            .get_untracked()
            .trim()
            .replace(',', ".")
            .parse::<f64>()
        else {
            let mut found = FieldErrors::new();
            push(
                &mut found,
                "koefisien",
                "Koefisien lebih dari 0 dan paling besar 100.",
            );
            errors.set(found);
            return;
        };
        spawn_local(async move {
            match api::evaluation::set_koefisien(jenjang, k).await {
                Ok(_) => {
                    errors.set(FieldErrors::new());
                    outcome.set(Some(Outcome::Done(Key::KoefisienSaved)));
                }
                Err(e) => failed(e, &["koefisien"], errors, outcome),
            }
        });
    };
    view! {
        <li class="coef-row">
            <crate::components::RowInput label=labels::jenjang(jenjang) id=id value=value errors=errors path="koefisien".to_owned() inputmode="decimal"/>
            <button type="button" class="btn btn--secondary btn--small" on:click=save>{tr(Key::Save)}</button>
            <FormStatus outcome=outcome/>
        </li>
    }
}
