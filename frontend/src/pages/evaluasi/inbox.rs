//! `/evaluasi/bawahan`: the employees I rate (and those whose objection I decide) for one
//! sub-period or the year: each with the capaian summary, the feedback count, the system's
//! suggestion, the two rating selects and the resulting predikat; above them the live quota
//! bar of their unit.

use std::collections::BTreeMap;

use kinerja_api::evaluation::{Hitungan, Predikat, Rating, predikat};
use kinerja_api::penilaian::{
    DistribusiUnit, EvaluasiView, PeranEvaluasi, SimpanEvaluasi, StatusEvaluasi,
};
use kinerja_api::planning::Periode;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use uuid::Uuid;

use super::parts::{
    QuotaBar, RatingSelect, in_open_period, initial_k, predikat_badge, rating_text,
};
use crate::api;
use crate::components::{FormStatus, Outcome, SubPeriodSelect, failed, info};
use crate::components::{Loader, PageHeader, built, load};
use crate::forms::FieldErrors;
use crate::i18n::{Key, text, tr, use_i18n};
use crate::labels;

/// Penilaian Bawahan.
#[component]
pub fn EvaluasiInboxPage() -> impl IntoView {
    view! {
        <PageHeader title=Key::NavEvaluasiBawahan intro=Key::EvaluasiBawahanIntro panduan="nilai-bawahan"/>
        <Loader load=Box::new(move || load(in_open_period(|periode| view! { <Board periode=periode/> })))/>
    }
}

/// The open period (else the first).
/// The sub-period choice and, for it, the server's work list: the employees I rate and those
/// whose objection I decide as Atasan PPKin.
#[component]
fn Board(periode: Periode) -> impl IntoView {
    let k = RwSignal::new(initial_k(&periode));
    let id = periode.id;
    let rows = Box::new(move || {
        let k = k.get();
        load(async move {
            let mine = api::evaluation::work_list(id, k).await?;
            // Positions tell apart two people of the same name; the list is a courtesy, so
            // the ratings still show when it fails.
            let jabatan: BTreeMap<String, String> = api::skp::bawahan(id)
                .await
                .map(|d| {
                    d.items
                        .into_iter()
                        .filter_map(|b| b.pegawai.jabatan.map(|j| (b.pegawai.nip, j)))
                        .collect()
                })
                .unwrap_or_default();
            Ok(built(
                move || view! { <Rows pages=mine.clone() jabatan=jabatan.clone()/> },
            ))
        })
    });
    view! {
        <div class="toolbar skp-toolbar">
            <SubPeriodSelect periode=periode k=k annual=true/>
        </div>
        <Loader load=rows/>
    }
}

/// The units' quota bars and one row per employee. A row that sets its evaluation replaces
/// its unit's distribution with the server's.
#[component]
fn Rows(pages: Vec<EvaluasiView>, jabatan: BTreeMap<String, String>) -> impl IntoView {
    if pages.is_empty() {
        return view! { <section class="card empty-state">{info(Key::NoEvaluasiBawahan)}</section> }
            .into_any();
    }
    let mut by_unit: BTreeMap<Uuid, DistribusiUnit> = BTreeMap::new();
    for d in pages.iter().filter_map(|p| p.distribusi.clone()) {
        by_unit.entry(d.unit_id).or_insert(d);
    }
    let units = RwSignal::new(by_unit);
    // Per employee row: its unit and the predikat chosen but not yet set.
    let planned = RwSignal::new(BTreeMap::<Uuid, (Uuid, Predikat)>::new());
    let bars = move || {
        units
            .get()
            .into_values()
            .map(|d| {
                let unit = d.unit_id;
                let mine = Signal::derive(move || {
                    planned.with(|m| {
                        m.values()
                            .filter(|(u, _)| *u == unit)
                            .map(|(_, p)| *p)
                            .collect::<Hitungan>()
                    })
                });
                view! { <QuotaBar distribusi=d planned=mine/> }
            })
            .collect_view()
    };
    let rows = pages
        .into_iter()
        .map(|page| {
            let jabatan = jabatan.get(&page.nip).cloned();
            view! { <Row page=page jabatan=jabatan units=units planned=planned/> }
        })
        .collect_view();
    view! {
        {bars}
        <section class="card card--flush">
            <ul class="eval-list">{rows}</ul>
        </section>
    }
    .into_any()
}

/// One employee: what the system suggests, the two ratings and the predikat they give; the
/// PPKin saves a draft or sets it here (notes and the rest on the SKP's evaluation page).
#[component]
fn Row(
    page: EvaluasiView,
    jabatan: Option<String>,
    units: RwSignal<BTreeMap<Uuid, DistribusiUnit>>,
    planned: RwSignal<BTreeMap<Uuid, (Uuid, Predikat)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (skp, k) = (page.skp_id, page.periode_ke);
    let unit = page.distribusi.as_ref().map(|d| d.unit_id);
    let evaluasi = RwSignal::new(page.evaluasi.clone());
    let set = move || {
        evaluasi.with(|e| {
            e.as_ref()
                .is_some_and(|e| e.status == StatusEvaluasi::Ditetapkan)
        })
    };
    let can_rate = page.peran == PeranEvaluasi::PejabatPenilai;
    let hasil = RwSignal::new(page.evaluasi.as_ref().and_then(|e| e.rating_hasil));
    let perilaku = RwSignal::new(page.evaluasi.as_ref().and_then(|e| e.rating_perilaku));
    let chosen = move || match (hasil.get(), perilaku.get()) {
        (Some(h), Some(p)) => Some(predikat(h, p)),
        _ => None,
    };
    // The choice counts on the quota bar until it is set (then the server counts it).
    Effect::new(move |_| {
        let choice = if set() { None } else { chosen() };
        planned.update(|m| match (unit, choice) {
            (Some(u), Some(p)) => {
                m.insert(skp, (u, p));
            }
            _ => {
                m.remove(&skp);
            }
        });
    });
    let errors = RwSignal::new(FieldErrors::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);
    let act = move |then_set: bool| {
        let request = SimpanEvaluasi {
            rating_hasil: hasil.get_untracked(),
            rating_perilaku: perilaku.get_untracked(),
            catatan_hasil: evaluasi
                .with_untracked(|e| e.as_ref().and_then(|e| e.catatan_hasil.clone())),
            catatan_perilaku: evaluasi
                .with_untracked(|e| e.as_ref().and_then(|e| e.catatan_perilaku.clone())),
            rekomendasi: evaluasi
                .with_untracked(|e| e.as_ref().and_then(|e| e.rekomendasi.clone())),
        };
        busy.set(true);
        outcome.set(None);
        spawn_local(async move {
            let done = api::evaluation::save_then(skp, k, &request, then_set).await;
            match done {
                Ok(page) => {
                    if let Some(d) = page.distribusi {
                        units.update(|u| {
                            u.insert(d.unit_id, d);
                        });
                    }
                    evaluasi.set(page.evaluasi);
                    outcome.set(Some(Outcome::Done(if then_set {
                        Key::EvaluasiSet
                    } else {
                        Key::EvaluasiSaved
                    })));
                }
                Err(e) => failed(e, &["rating_hasil", "rating_perilaku"], errors, outcome),
            }
            busy.set(false);
        });
    };
    let saran = page.saran.clone();
    let capaian = saran.capaian_rata_rata;
    let ratings = move |hasil: Option<Rating>, perilaku: Option<Rating>| {
        let lang = i18n.lang();
        format!(
            "{}: {} · {}: {}",
            text(lang, Key::RatingHasil),
            rating_text(lang, hasil),
            text(lang, Key::RatingPerilaku),
            rating_text(lang, perilaku),
        )
    };
    let suggestion = move || ratings(saran.rating_hasil, Some(saran.rating_perilaku));
    let href = format!("/evaluasi/{skp}?periode_ke={k}");
    let id = format!("eval-{skp}");
    let who = page.pegawai.clone();
    let controls = move || {
        if can_rate && !set() {
            view! {
                <div class="eval-row__form">
                    <RatingSelect id=format!("{id}-hasil") label=Key::RatingHasil name="rating_hasil" value=hasil errors=errors who=who.clone()/>
                    <RatingSelect id=format!("{id}-perilaku") label=Key::RatingPerilaku name="rating_perilaku" value=perilaku errors=errors who=who.clone()/>
                    <div class="form-actions">
                        <button type="button" class="btn btn--secondary btn--small" disabled=move || busy.get() on:click=move |_| act(false)>{tr(Key::SaveDraft)}</button>
                        <button type="button" class="btn btn--primary btn--small" disabled=move || busy.get() on:click=move |_| act(true)>{tr(Key::SetEvaluasi)}</button>
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! { <p class="eval-row__ratings">{ratings(hasil.get(), perilaku.get())}</p> }
                .into_any()
        }
    };
    let status = move || {
        let key = match evaluasi.with(|e| e.as_ref().map(|e| e.status)) {
            None => Key::EvaluasiBelum,
            Some(StatusEvaluasi::Draft) => Key::EvaluasiDraft,
            Some(StatusEvaluasi::Ditetapkan) => Key::EvaluasiDitetapkan,
        };
        i18n.t(key)
    };
    let objection = page
        .keberatan
        .as_ref()
        .map(|kb| labels::status_keberatan(kb.status));
    view! {
        <li class="eval-row" data-nip=page.nip.clone()>
            <div class="eval-row__who">
                <A href=href attr:class="table__primary">{page.pegawai.clone()}</A>
                <span class="table__secondary mono">{page.nip.clone()}</span>
                {jabatan.map(|j| view! { <span class="table__secondary">{j}</span> })}
                <span class="badge badge--muted">{status}</span>
                {objection.map(|key| view! { <span class="badge badge--warning">{tr(key)}</span> })}
            </div>
            <div class="eval-row__facts">
                <span>{tr(Key::Capaian)} ": " {move || capaian.map_or_else(|| i18n.t(Key::CapaianNone).to_owned(), |c| labels::percent(i18n.lang(), c))}</span>
                <span>{tr(Key::FeedbackTitle)} ": +" {saran.umpan_balik_positif} " / −" {saran.umpan_balik_negatif}</span>
                <span class="muted">{tr(Key::Saran)} " — " {suggestion}</span>
            </div>
            {controls}
            <div class="eval-row__result">
                {tr(Key::Predikat)} ": "
                {move || predikat_badge(if set() { evaluasi.with(|e| e.as_ref().and_then(|e| e.predikat)) } else { chosen() })}
            </div>
            <FormStatus outcome=outcome/>
        </li>
    }
}
