//! `/pengembangan/tim`: the PPKin's team — each person's verified JP of the year and the
//! needs waiting for the PPKin's decision.

use kinerja_api::Page;
use kinerja_api::pengembangan::{AnggotaTimJp, Kebutuhan};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::kebutuhan::{ALL, NeedList};
use super::{Bar, YearPicker, jp_text, this_year};
use crate::api::{self, ApiError};
use crate::components::ErrorAlert;
use crate::i18n::pengembangan::{PKey, ptext, tp};
use crate::i18n::use_i18n;

#[component]
pub fn PengembanganTimPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        document().set_title(&format!(
            "{} · Kinerja",
            ptext(i18n.lang(), PKey::TeamTitle)
        ));
    });
    let year = RwSignal::new(this_year());
    let version = RwSignal::new(0u32);
    let team = RwSignal::new(None::<Result<Vec<AnggotaTimJp>, ApiError>>);
    let needs = RwSignal::new(None::<Result<Page<Kebutuhan>, ApiError>>);
    Effect::new(move |_| {
        let y = year.get();
        version.track();
        spawn_local(async move {
            team.set(Some(api::pengembangan::tim(y).await));
            needs.set(Some(
                api::pengembangan::kebutuhan(true, None, Some("diusulkan"), ALL).await,
            ));
        });
    });
    view! {
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title">{tp(PKey::TeamTitle)}</h1>
                <p class="page-header__intro">{tp(PKey::TeamIntro)}</p>
            </div>
            <div class="page-header__actions filters"><YearPicker year=year/></div>
        </header>
        <section class="card card--flush">
            <h2 class="card__title card__title--padded">{tp(PKey::TeamNeeds)}</h2>
            {move || match needs.get() {
                Some(Ok(p)) if p.items.is_empty() => view! { <p class="empty muted">{tp(PKey::NothingToDecide)}</p> }.into_any(),
                _ => view! { <NeedList list=needs version=version/> }.into_any(),
            }}
        </section>
        <section class="card card--flush">
            {move || match team.get() {
                None => view! { <p class="card__body muted">{tp(PKey::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <div class="card__body"><ErrorAlert error=e/></div> }.into_any(),
                Some(Ok(t)) if t.is_empty() => view! { <p class="empty muted">{tp(PKey::TeamEmpty)}</p> }.into_any(),
                Some(Ok(t)) => view! {
                    <div class="table-wrap">
                        <table class="table">
                            <thead><tr>
                                <th scope="col">{tp(PKey::Name)}</th>
                                <th scope="col">{tp(PKey::Position)}</th>
                                <th scope="col">{tp(PKey::Progress)}</th>
                                <th scope="col" class="num">{tp(PKey::ToDecide)}</th>
                            </tr></thead>
                            <tbody>
                                {t.into_iter().map(|m| {
                                    let pct = (m.jp_terverifikasi / 20.0 * 100.0).min(100.0);
                                    view! {
                                        <tr>
                                            <td>{m.nama.clone()}</td>
                                            <td>{m.jabatan.clone().unwrap_or_default()}</td>
                                            <td>
                                                <div role="progressbar" aria-valuemin="0" aria-valuemax="20" aria-valuenow=m.jp_terverifikasi.min(20.0).to_string()>
                                                    <Bar persen=pct met=m.memenuhi small=true/>
                                                </div>
                                                <span class="muted">{move || format!("{} / 20 JP", jp_text(i18n.lang(), m.jp_terverifikasi))}</span>
                                            </td>
                                            <td class="num">{m.kebutuhan_diusulkan}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}
