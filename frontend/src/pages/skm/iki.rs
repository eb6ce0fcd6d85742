//! On a survey's page, for its unit head: which indicator of their own SKP takes this unit's
//! IKM as its realisasi (the binding of `PUT /skp/{id}/iki/{iki}/survei`), and removing it.

use kinerja_api::planning::{Skp, StatusPeriode};
use kinerja_api::survei::Survei;
use kinerja_api::survei_iki::SurveiIki;
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::api::{self, ApiError};
use crate::components::ErrorAlert;
use crate::i18n::survei::{SKey, stext, ts};
use crate::i18n::{fill, use_i18n};

/// The viewer's SKP of the open period and its survey-fed indicators; nothing without an SKP.
#[component]
pub fn IkiSurvei(s: Survei) -> impl IntoView {
    let i18n = use_i18n();
    let skp = RwSignal::new(None::<Skp>);
    let bound = RwSignal::new(Vec::<SurveiIki>::new());
    let failure = RwSignal::new(None::<ApiError>);
    let choice = RwSignal::new(String::new());
    let unit_id = s.unit_id;
    spawn_local(async move {
        let Ok(periods) = api::skp::periods().await else {
            return;
        };
        let Some(open) = periods
            .into_iter()
            .find(|p| p.status == StatusPeriode::Dibuka)
        else {
            return;
        };
        if let Ok(Some(mine)) = api::skp::mine(open.id).await {
            if let Ok(list) = api::survei::iki_survei(mine.id).await {
                bound.set(list);
            }
            skp.set(Some(mine));
        }
    });
    let atur = move |iki_id: Uuid, unit: Option<Uuid>| {
        let Some(skp_id) = skp.with_untracked(|s| s.as_ref().map(|s| s.id)) else {
            return;
        };
        spawn_local(async move {
            match api::survei::atur_iki_survei(skp_id, iki_id, unit).await {
                Ok(list) => {
                    bound.set(list);
                    failure.set(None);
                }
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    move || {
        skp.get().map(|mine| {
            let lang = i18n.lang();
            let options: Vec<(Uuid, String)> = mine
                .rhk
                .iter()
                .flat_map(|r| r.iki.iter())
                .filter_map(|i| i.id.map(|id| (id, i.indikator.clone())))
                .collect();
            let rows = bound
                .get()
                .into_iter()
                .map(|b| {
                    let iki_id = b.iki_id;
                    view! {
                        <li>
                            <strong>{b.indikator.clone()}</strong>
                            " — " {fill(stext(lang, SKey::IkiBound), &[("unit", &b.unit_nama)])} " "
                            <button type="button" class="btn btn--secondary btn--small" on:click=move |_| atur(iki_id, None)>{stext(lang, SKey::IkiUnbind)}</button>
                        </li>
                    }
                })
                .collect_view();
            let empty = bound.with(Vec::is_empty);
            view! {
                <section class="card card--flush">
                    <h2 class="card__title card__title--padded">{ts(SKey::IkiTitle)}</h2>
                    <div class="card__body">
                        <p class="muted">{ts(SKey::IkiIntro)}</p>
                        {move || failure.get().map(|e| view! { <ErrorAlert error=e/> })}
                        {if empty {
                            view! { <p class="muted">{ts(SKey::IkiNone)}</p> }.into_any()
                        } else {
                            view! { <ul class="plain-list">{rows}</ul> }.into_any()
                        }}
                        <div class="field">
                            <label class="field__label" for="iki-survei">{ts(SKey::IkiChoose)}</label>
                            <select id="iki-survei" class="field__input field__select" bind:value=choice>
                                <option value="">"—"</option>
                                {options.into_iter().map(|(id, text)| view! { <option value=id.to_string()>{text}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="form-actions">
                            <button type="button" class="btn btn--primary" on:click=move |_| {
                                if let Ok(iki_id) = Uuid::parse_str(&choice.get_untracked()) {
                                    atur(iki_id, Some(unit_id));
                                }
                            }>{ts(SKey::IkiBind)}</button>
                        </div>
                    </div>
                </section>
            }
        })
    }
}
