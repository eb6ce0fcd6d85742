//! `/evaluasi/organisasi`: the predikat kinerja organisasi of one sub-period or the year for
//! every unit the viewer sees (the pimpinan: their unit and below; the HR office: all). The
//! pimpinan of the unit above sets it with its basis; each unit opens its "Format Penetapan
//! Predikat Kinerja" (the pattern, the quota and the actual spread of the employees' predikat).

use kinerja_api::evaluation::{Hitungan, PredikatOrganisasi};
use kinerja_api::penilaian::{DistribusiUnit, PredikatOrganisasiUnit, TetapkanPredikatOrganisasi};
use kinerja_api::planning::Periode;
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::parts::{QuotaBar, in_open_period, initial_k};
use crate::api::{self, ApiError};
use crate::components::RowInput;
use crate::components::{ErrorAlert, Loader, PageHeader, SelectField, built, load};
use crate::components::{FormStatus, Outcome, SubPeriodSelect, failed, info};
use crate::forms::{FieldErrors, push};
use crate::i18n::{Key, tr, use_i18n};
use crate::labels;

/// Predikat Kinerja Organisasi.
#[component]
pub fn OrganisasiPage() -> impl IntoView {
    view! {
        <PageHeader title=Key::NavPredikatOrganisasi intro=Key::PredikatOrganisasiIntro panduan="distribusi-predikat"/>
        <Loader load=Box::new(move || load(in_open_period(|periode| view! { <Units periode=periode/> })))/>
    }
}

/// The sub-period select and the units of the chosen sub-period.
#[component]
fn Units(periode: Periode) -> impl IntoView {
    let k = RwSignal::new(initial_k(&periode));
    let id = periode.id;
    let list = Box::new(move || {
        let k = k.get();
        load(async move {
            let units = api::evaluation::org_units(id, k).await?;
            Ok(built(
                move || view! { <Table periode=id k=k units=units.clone()/> },
            ))
        })
    });
    view! {
        <div class="toolbar skp-toolbar">
            <SubPeriodSelect periode=periode k=k annual=true/>
        </div>
        <Loader load=list/>
    }
}

/// The units with their predikat; one unit at a time opens below the table.
#[component]
fn Table(periode: Uuid, k: i32, units: Vec<PredikatOrganisasiUnit>) -> impl IntoView {
    if units.is_empty() {
        return view! { <section class="card empty-state">{info(Key::Empty)}</section> }.into_any();
    }
    let i18n = use_i18n();
    let rows = RwSignal::new(units);
    let open = RwSignal::new(None::<Uuid>);
    let body = move || {
        rows.get()
            .into_iter()
            .map(|u| {
                let id = u.unit_id;
                let indent = format!("org-unit org-unit--{}", u.tingkat.min(4));
                let action = if u.dapat_menetapkan {
                    if u.predikat.is_some() { Key::UbahPredikatOrg } else { Key::TetapkanPredikatOrg }
                } else {
                    Key::FormatPenetapan
                };
                let shown = u.dapat_menetapkan || u.predikat.is_some();
                let predikat = u.predikat.map_or(Key::PredikatOrgBelum, labels::predikat_org);
                let badge = format!(
                    "badge predikat predikat--{}",
                    u.predikat.map_or("none", PredikatOrganisasi::as_str)
                );
                view! {
                    <tr class:is-selected=move || open.get() == Some(id)>
                        <th scope="row"><span class=indent>{u.unit_nama.clone()}</span></th>
                        <td data-label=move || i18n.t(Key::PredikatOrganisasi)><span class=badge>{tr(predikat)}</span></td>
                        <td class="table__actions">
                            {shown.then(|| view! {
                                <button type="button" class="btn btn--secondary btn--small"
                                    aria-expanded=move || if open.get() == Some(id) { "true" } else { "false" }
                                    on:click=move |_| open.update(|o| *o = if *o == Some(id) { None } else { Some(id) })>
                                    {tr(action)}
                                </button>
                            })}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let panel = move || {
        let id = open.get()?;
        let unit = rows.with_untracked(|r| r.iter().find(|u| u.unit_id == id).cloned())?;
        Some(view! { <UnitPanel periode=periode k=k unit=unit rows=rows/> })
    };
    // The panel opens below a long table: bring it into view.
    let anchor = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if open.get().is_some()
            && let Some(el) = anchor.get()
        {
            el.scroll_into_view();
        }
    });
    view! {
        <section class="card card--skp">
            <div class="table-wrap">
                <table class="table table--cards">
                    <thead>
                        <tr>
                            <th scope="col">{tr(Key::FilterUnit)}</th>
                            <th scope="col">{tr(Key::PredikatOrganisasi)}</th>
                            <th scope="col"><span class="sr-only">{tr(Key::FormatPenetapan)}</span></th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
        <div node_ref=anchor>{panel}</div>
    }
    .into_any()
}

/// One unit: its Format Penetapan (when set) and the form of whoever may set it.
#[component]
fn UnitPanel(
    periode: Uuid,
    k: i32,
    unit: PredikatOrganisasiUnit,
    rows: RwSignal<Vec<PredikatOrganisasiUnit>>,
) -> impl IntoView {
    let id = unit.unit_id;
    let format = RwSignal::new(None::<Result<DistribusiUnit, ApiError>>);
    if unit.predikat.is_some() {
        spawn_local(
            async move { format.set(Some(api::evaluation::penetapan(id, periode, k).await)) },
        );
    }
    let shown = move || match format.get() {
        None if unit.predikat.is_some() => {
            Some(view! { <p class="muted">{tr(Key::Loading)}</p> }.into_any())
        }
        None => None,
        Some(Err(e)) => Some(view! { <ErrorAlert error=e/> }.into_any()),
        Some(Ok(d)) => Some(view! { <Format distribusi=d/> }.into_any()),
    };
    let form = unit.dapat_menetapkan.then(|| {
        view! { <SetForm periode=periode k=k unit=unit.clone() rows=rows format=format/> }
    });
    view! {
        <div class="org-panel">
            {shown}
            {form}
        </div>
    }
}

/// Format Penetapan Predikat Kinerja: the organisation predikat with its basis, the quota of
/// each employee predikat and how many are set.
#[component]
fn Format(distribusi: DistribusiUnit) -> impl IntoView {
    let dasar = distribusi.dasar.clone();
    view! {
        <section class="card card--skp" aria-labelledby="format-penetapan">
            <h2 class="card__title" id="format-penetapan">{tr(Key::FormatPenetapan)} " · " {distribusi.unit_nama.clone()}</h2>
            {dasar.map(|d| view! {
                <dl class="eval-ratings">
                    <dt>{tr(Key::DasarPenetapan)}</dt>
                    <dd class="eval-note">{d}</dd>
                </dl>
            })}
        </section>
        <QuotaBar distribusi=distribusi planned=Signal::stored(Hitungan::default())/>
    }
}

/// The pimpinan above (or the HR office) sets or changes the predikat with its basis.
#[component]
fn SetForm(
    periode: Uuid,
    k: i32,
    unit: PredikatOrganisasiUnit,
    rows: RwSignal<Vec<PredikatOrganisasiUnit>>,
    format: RwSignal<Option<Result<DistribusiUnit, ApiError>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = unit.unit_id;
    let predikat = RwSignal::new(
        unit.predikat
            .map_or_else(String::new, |p| p.as_str().to_owned()),
    );
    let dasar = RwSignal::new(unit.dasar.clone().unwrap_or_default());
    let errors = RwSignal::new(FieldErrors::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);
    let options = Signal::derive(move || {
        PredikatOrganisasi::ALL
            .iter()
            .map(|p| {
                (
                    p.as_str().to_owned(),
                    i18n.t(labels::predikat_org(*p)).to_owned(),
                )
            })
            .collect::<Vec<_>>()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = FieldErrors::new();
        let chosen = PredikatOrganisasi::parse(&predikat.get_untracked());
        if chosen.is_none() {
            push(&mut found, "predikat", "Pilih predikat kinerja organisasi.");
        }
        let basis = dasar.get_untracked().trim().to_owned();
        if !(10..=4000).contains(&basis.chars().count()) {
            push(
                &mut found,
                "dasar",
                "Tuliskan dasar penetapan (10–4000 karakter).",
            );
        }
        let (Some(chosen), true) = (chosen, found.is_empty()) else {
            errors.set(found);
            outcome.set(Some(Outcome::Invalid(Vec::new())));
            return;
        };
        let request = TetapkanPredikatOrganisasi {
            periode_id: periode,
            periode_ke: k,
            predikat: chosen,
            dasar: basis.clone(),
        };
        busy.set(true);
        outcome.set(None);
        errors.set(FieldErrors::new());
        spawn_local(async move {
            match api::evaluation::set_org_predikat(id, &request).await {
                Ok(d) => {
                    rows.update(|all| {
                        if let Some(u) = all.iter_mut().find(|u| u.unit_id == id) {
                            u.predikat = Some(chosen);
                            u.dasar = Some(basis);
                        }
                    });
                    format.set(Some(Ok(d)));
                    outcome.set(Some(Outcome::Done(Key::PredikatOrgSaved)));
                }
                Err(e) => failed(e, &["predikat", "dasar"], errors, outcome),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="card card--skp" aria-labelledby="tetapkan-org">
            <h2 class="card__title" id="tetapkan-org">{tr(Key::TetapkanPredikatOrg)} " · " {unit.unit_nama.clone()}</h2>
            <p class="field__hint">{tr(Key::PredikatOrgHint)}</p>
            <form novalidate on:submit=submit>
                <SelectField name="predikat" label=Key::PredikatOrganisasi value=predikat errors=errors options=options empty=Key::ChooseOption required=true/>
                <RowInput label=Key::DasarPenetapan id="dasar".to_owned() value=dasar errors=errors path="dasar".to_owned() multiline=true/>
                <div class="form-actions">
                    <button type="submit" class="btn btn--primary" disabled=move || busy.get()>{tr(Key::SimpanPredikatOrg)}</button>
                </div>
            </form>
            <FormStatus outcome=outcome/>
        </section>
    }
}
