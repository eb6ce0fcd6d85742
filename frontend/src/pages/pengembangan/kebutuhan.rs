//! Development needs: the employee's own with the form to propose one, and one need as a card
//! that the PPKin decides on (agree naming the competency, or reject with a reason).

use kinerja_api::pengembangan::{
    BentukPengembangan, BuatKebutuhan, JenisKesenjangan, Kebutuhan, Kompetensi, Prioritas,
    PutuskanKebutuhan, SumberKebutuhan,
};
use kinerja_api::{Page, PageQuery};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::{bentuk_label, gap_key, jp_text, prioritas_key, status_kebutuhan_key, sumber_key};
use crate::api::{self, ApiError};
use crate::components::{ErrorAlert, background};
use crate::forms::{FieldErrors, push};
use crate::i18n::pengembangan::{PKey, ptext, tp};
use crate::i18n::{fill, use_i18n};

pub(crate) const ALL: PageQuery = PageQuery {
    page: 1,
    per_page: 100,
};

/// The employee's own needs of `year`, and a proposal.
#[component]
pub fn MyNeeds(year: RwSignal<i32>) -> impl IntoView {
    let version = RwSignal::new(0u32);
    let list = RwSignal::new(None::<Result<Page<Kebutuhan>, ApiError>>);
    Effect::new(move |_| {
        let y = year.get();
        version.track();
        spawn_local(async move {
            list.set(Some(
                api::pengembangan::kebutuhan(false, Some(y), None, ALL).await,
            ));
        });
    });
    let show_new = RwSignal::new(false);
    view! {
        <section class="card card--flush">
            <div class="card__header dev-head">
                <h2 class="card__title">{tp(PKey::Needs)}</h2>
                <button type="button" class="btn btn--secondary" on:click=move |_| show_new.update(|v| *v = !*v)>
                    {tp(PKey::NewNeed)}
                </button>
            </div>
            <p class="card__body muted">{tp(PKey::NeedsIntro)}</p>
            <Show when=move || show_new.get()>
                <Propose year=year done=move || { show_new.set(false); version.update(|v| *v += 1); }/>
            </Show>
            <NeedList list=list version=version/>
        </section>
    }
}

/// A list of needs (loading, error and empty states).
#[component]
pub fn NeedList(
    list: RwSignal<Option<Result<Page<Kebutuhan>, ApiError>>>,
    version: RwSignal<u32>,
) -> impl IntoView {
    view! {
        {move || match list.get() {
            None => view! { <p class="card__body muted">{tp(PKey::Loading)}</p> }.into_any(),
            Some(Err(e)) => view! { <div class="card__body"><ErrorAlert error=e/></div> }.into_any(),
            Some(Ok(p)) if p.items.is_empty() => view! { <p class="empty muted">{tp(PKey::NoNeeds)}</p> }.into_any(),
            Some(Ok(p)) => view! {
                <ul class="records">
                    {p.items.into_iter().map(|k| view! { <Need need=k version=version/> }).collect_view()}
                </ul>
            }.into_any(),
        }}
    }
}

/// One need; the PPKin's decision form when the viewer may decide it.
#[component]
pub fn Need(need: Kebutuhan, version: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let k = need.clone();
    let status = k.status;
    let title = k.kompetensi.as_ref().map(|c| c.nama.clone());
    // A need made from a rating is worded here from its source, not from the server's text.
    let from_rating = matches!(
        k.sumber,
        SumberKebutuhan::RatingRendah | SumberKebutuhan::PerilakuRendah
    );
    let uraian = k.uraian.clone();
    view! {
        <li class="record">
            <div class="record__main">
                <p class="record__title">
                    <strong>{move || title.clone().unwrap_or_else(|| ptext(i18n.lang(), PKey::NoCompetencyYet).to_owned())}</strong>
                    " · " {k.pegawai_nama.clone()}
                </p>
                <p class="muted">
                    {move || ptext(i18n.lang(), sumber_key(k.sumber))} " · "
                    {move || ptext(i18n.lang(), gap_key(k.kesenjangan))} " · "
                    {move || bentuk_label(k.bentuk, i18n.lang())} " · "
                    {move || ptext(i18n.lang(), prioritas_key(k.prioritas))}
                    {k.perkiraan_jp.map(|j| format!(" · {j} JP"))}
                </p>
                {(!from_rating).then(|| view! { <p>{uraian.clone()}</p> })}
                {k.tautan_evaluasi.clone().map(|href| view! { <p><a href=href>{tp(PKey::SeeEvaluation)}</a></p> })}
                {k.catatan_keputusan.clone().map(|c| view! { <p class="record__note">{c}</p> })}
                {(k.jp_terpenuhi > 0.0).then(|| view! {
                    <p class="muted">{move || fill(ptext(i18n.lang(), PKey::Fulfilled), &[("n", &jp_text(i18n.lang(), k.jp_terpenuhi))])}</p>
                })}
                {need.boleh_diputuskan.then(|| view! { <Decide need=need.clone() version=version/> })}
            </div>
            <div class="record__side">
                <span class=format!("badge dev-status--{}", status.as_str())>{move || ptext(i18n.lang(), status_kebutuhan_key(status))}</span>
            </div>
        </li>
    }
}

fn competencies() -> Signal<Option<Vec<Kompetensi>>> {
    background(|| async {
        api::pengembangan::kompetensi(false)
            .await
            .unwrap_or_default()
    })
}

/// The PPKin's decision on a proposed need.
#[component]
fn Decide(need: Kebutuhan, version: RwSignal<u32>) -> impl IntoView {
    let list = competencies();
    let kompetensi = RwSignal::new(
        need.kompetensi
            .as_ref()
            .map(|k| k.id.to_string())
            .unwrap_or_default(),
    );
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let id = need.id;
    let lock_version = need.lock_version;
    let decide = move |setuju: bool| {
        let request = PutuskanKebutuhan {
            lock_version,
            setuju,
            catatan: Some(note.get_untracked().trim().to_owned()).filter(|c| !c.is_empty()),
            kompetensi_id: Uuid::parse_str(&kompetensi.get_untracked()).ok(),
            bentuk: None,
            perkiraan_jp: None,
        };
        busy.set(true);
        failure.set(None);
        spawn_local(async move {
            match api::pengembangan::putuskan(id, &request).await {
                Ok(_) => version.update(|v| *v += 1),
                Err(e) => {
                    errors.set(e.field_errors());
                    failure.set(Some(e));
                }
            }
            busy.set(false);
        });
    };
    let err = crate::forms::field_text(errors);
    view! {
        <div class="decide">
            {move || failure.get().filter(|e| e.field_errors().is_empty()).map(|e| view! { <ErrorAlert error=e/> })}
            <div class="form-grid">
                <div class="field">
                    <label class="field__label" for=format!("komp-{id}")>{tp(PKey::Competency)}</label>
                    <select id=format!("komp-{id}") class="field__input field__select" bind:value=kompetensi>
                        <option value="">{tp(PKey::ChooseCompetency)}</option>
                        // The options arrive after the value: each says whether it is the one.
                        {move || list.get().unwrap_or_default().into_iter().map(|k| {
                            let value = k.id.to_string();
                            let chosen = value.clone();
                            view! { <option value=value selected=move || kompetensi.get() == chosen>{k.nama}</option> }
                        }).collect_view()}
                    </select>
                    <p class="field__error" role="alert">{err("kompetensi_id")}</p>
                </div>
                <div class="field">
                    <label class="field__label" for=format!("note-{id}")>{tp(PKey::RejectNote)}</label>
                    <input id=format!("note-{id}") class="field__input" bind:value=note maxlength="2000"/>
                    <p class="field__error" role="alert">{err("catatan")}</p>
                </div>
            </div>
            <div class="form-actions">
                <button type="button" class="btn btn--primary" disabled=move || busy.get() on:click=move |_| decide(true)>{tp(PKey::Agree)}</button>
                <button type="button" class="btn btn--secondary" disabled=move || busy.get() on:click=move |_| decide(false)>{tp(PKey::Reject)}</button>
            </div>
        </div>
    }
}

/// The employee's proposal.
#[component]
fn Propose(year: RwSignal<i32>, done: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let list = competencies();
    let kompetensi = RwSignal::new(String::new());
    let gap = RwSignal::new("kompetensi".to_owned());
    let bentuk = RwSignal::new("e_learning".to_owned());
    let prioritas = RwSignal::new("sedang".to_owned());
    let jp = RwSignal::new(String::new());
    let uraian = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(kompetensi_id) = Uuid::parse_str(&kompetensi.get_untracked()) else {
            let mut found = FieldErrors::new();
            push(
                &mut found,
                "kompetensi_id",
                ptext(i18n.lang(), PKey::ChooseCompetency),
            );
            errors.set(found);
            return;
        };
        let request = BuatKebutuhan {
            employee_id: None,
            tahun: year.get_untracked(),
            kompetensi_id,
            kesenjangan: JenisKesenjangan::parse(&gap.get_untracked())
                .unwrap_or(JenisKesenjangan::Kompetensi),
            bentuk: BentukPengembangan::parse(&bentuk.get_untracked())
                .unwrap_or(BentukPengembangan::ELearning),
            prioritas: Prioritas::parse(&prioritas.get_untracked()).unwrap_or(Prioritas::Sedang),
            perkiraan_jp: jp.get_untracked().trim().parse().ok(),
            perkiraan_biaya: None,
            uraian: uraian.get_untracked().trim().to_owned(),
        };
        busy.set(true);
        failure.set(None);
        errors.set(FieldErrors::new());
        spawn_local(async move {
            match api::pengembangan::usulkan(&request).await {
                Ok(_) => done(),
                Err(e) => {
                    errors.set(e.field_errors());
                    failure.set(Some(e));
                }
            }
            busy.set(false);
        });
    };
    let err = crate::forms::field_text(errors);
    view! {
        <form class="card__body form form--wide" on:submit=submit novalidate>
            {move || failure.get().filter(|e| e.field_errors().is_empty()).map(|e| view! { <ErrorAlert error=e/> })}
            <div class="form-grid">
                <div class="field">
                    <label class="field__label" for="kompetensi_id">{tp(PKey::Competency)}</label>
                    <select id="kompetensi_id" class="field__input field__select" bind:value=kompetensi>
                        <option value="">{tp(PKey::ChooseCompetency)}</option>
                        {move || list.get().unwrap_or_default().into_iter().map(|k| view! { <option value=k.id.to_string()>{k.nama}</option> }).collect_view()}
                    </select>
                    <p class="field__error" role="alert">{err("kompetensi_id")}</p>
                </div>
                <div class="field">
                    <label class="field__label" for="kesenjangan">{tp(PKey::Gap)}</label>
                    <select id="kesenjangan" class="field__input field__select" bind:value=gap>
                        <option value="kompetensi">{tp(PKey::GapKompetensi)}</option>
                        <option value="kinerja">{tp(PKey::GapKinerja)}</option>
                        <option value="keduanya">{tp(PKey::GapKeduanya)}</option>
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for="bentuk-usul">{tp(PKey::Bentuk)}</label>
                    <select id="bentuk-usul" class="field__input field__select" bind:value=bentuk>
                        {move || BentukPengembangan::ALL.iter().map(|b| view! { <option value=b.as_str()>{bentuk_label(*b, i18n.lang())}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for="prioritas">{tp(PKey::Priority)}</label>
                    <select id="prioritas" class="field__input field__select" bind:value=prioritas>
                        <option value="tinggi">{tp(PKey::High)}</option>
                        <option value="sedang">{tp(PKey::Medium)}</option>
                        <option value="rendah">{tp(PKey::Low)}</option>
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for="perkiraan_jp">{tp(PKey::EstJp)}</label>
                    <input id="perkiraan_jp" class="field__input" inputmode="numeric" bind:value=jp/>
                    <p class="field__error" role="alert">{err("perkiraan_jp")}</p>
                </div>
            </div>
            <div class="field">
                <label class="field__label" for="uraian">{tp(PKey::Reason)}</label>
                <textarea id="uraian" class="field__input field__textarea" rows="3" bind:value=uraian maxlength="1000"></textarea>
                <p class="field__error" role="alert">{err("uraian")}</p>
            </div>
            <div class="form-actions">
                <button type="submit" class="btn btn--primary" disabled=move || busy.get()>
                    {move || ptext(i18n.lang(), if busy.get() { PKey::Saving } else { PKey::Save })}
                </button>
            </div>
        </form>
    }
}
