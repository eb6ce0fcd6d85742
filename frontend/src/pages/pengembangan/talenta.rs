//! `/pengembangan/talenta`: the nine-box talent grid of the viewer's reach (the HR office's
//! instansi, a pimpinan's own subtree) drawn as a CSS grid with the count of each box — a click
//! lists the people in it — and, for the HR office, the key positions with their candidates.

use kinerja_api::Page;
use kinerja_api::talenta::{
    GridTalenta, JabatanKritikal, PegawaiTalenta, SelGrid, Suksesi, TingkatTalenta,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{PagerSignal, this_year};
use crate::api::{self, ApiError};
use crate::components::ErrorAlert;
use crate::i18n::pengembangan::{PKey, ptext, tp};
use crate::i18n::{fill, use_i18n};
use crate::state::auth::use_auth;

fn level_key(t: TingkatTalenta) -> PKey {
    match t {
        TingkatTalenta::Tinggi => PKey::LevelHigh,
        TingkatTalenta::Menengah => PKey::LevelMid,
        TingkatTalenta::Rendah => PKey::LevelLow,
    }
}

const LEVELS_DOWN: [TingkatTalenta; 3] = [
    TingkatTalenta::Tinggi,
    TingkatTalenta::Menengah,
    TingkatTalenta::Rendah,
];
const LEVELS_UP: [TingkatTalenta; 3] = [
    TingkatTalenta::Rendah,
    TingkatTalenta::Menengah,
    TingkatTalenta::Tinggi,
];

#[component]
pub fn TalentaPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    Effect::new(move |_| {
        document().set_title(&format!(
            "{} · Kinerja",
            ptext(i18n.lang(), PKey::TalentTitle)
        ));
    });
    // Last year: annual ratings are set in January of the next year.
    let year = RwSignal::new(this_year() - 1);
    let grid = RwSignal::new(None::<Result<GridTalenta, ApiError>>);
    let chosen = RwSignal::new(None::<i32>);
    Effect::new(move |_| {
        let y = year.get();
        chosen.set(None);
        spawn_local(async move {
            grid.set(Some(api::talenta::grid(Some(y)).await));
        });
    });
    let hr = move || {
        auth.user()
            .is_some_and(|u| u.can(kinerja_api::auth::Permission::ManageOrganisation))
    };
    view! {
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title">{tp(PKey::TalentTitle)}</h1>
                <p class="page-header__intro">{tp(PKey::TalentIntro)}</p>
            </div>
            <div class="page-header__actions filters">
                <label class="field__label" for="tahun">{tp(PKey::Year)}</label>
                <select id="tahun" class="field__input field__select" on:change=move |ev| {
                    if let Ok(y) = event_target_value(&ev).parse() { year.set(y); }
                }>
                    {(1..6).map(|i| {
                        let y = this_year() - i;
                        view! { <option value=y.to_string() selected=move || year.get() == y>{y}</option> }
                    }).collect_view()}
                </select>
            </div>
        </header>
        <section class="card">
            {move || match grid.get() {
                None => view! { <p class="muted">{tp(PKey::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorAlert error=e/> }.into_any(),
                Some(Ok(g)) => view! { <Grid g=g chosen=chosen/> }.into_any(),
            }}
        </section>
        {move || chosen.get().map(|n| view! { <BoxPeople nomor=n year=year.get_untracked()/> })}
        {move || hr().then(|| view! { <KeyPositions year=year/> })}
    }
}

#[component]
fn Grid(g: GridTalenta, chosen: RwSignal<Option<i32>>) -> impl IntoView {
    let i18n = use_i18n();
    let [a, b] = g.tahun_kinerja;
    let cell = |kinerja: TingkatTalenta, potensi: TingkatTalenta, sel: &[SelGrid]| {
        sel.iter()
            .find(|s| s.kotak.kinerja == kinerja && s.kotak.potensi == potensi)
            .cloned()
    };
    let tidak = g
        .jumlah_pegawai
        .saturating_sub(g.sel.iter().map(|s| s.jumlah).sum::<u64>());
    let rows = LEVELS_DOWN
        .iter()
        .map(|&kinerja| {
            let cells = LEVELS_UP
                .iter()
                .map(|&potensi| match cell(kinerja, potensi, &g.sel) {
                    Some(s) => {
                        let n = s.kotak.nomor;
                        let class = if n >= 7 {
                            "talent-box talent-box--top"
                        } else if n >= 4 {
                            "talent-box talent-box--mid"
                        } else {
                            "talent-box"
                        };
                        view! {
                            <button type="button" class=class
                                aria-pressed=move || (chosen.get() == Some(n)).to_string()
                                on:click=move |_| chosen.set(Some(n))>
                                <span class="talent-box__nomor">{n}</span>
                                <span class="talent-box__jumlah">{s.jumlah}</span>
                                <span class="talent-box__label">{s.kotak.label.clone()}</span>
                            </button>
                        }
                        .into_any()
                    }
                    None => view! { <div></div> }.into_any(),
                })
                .collect_view();
            view! {
                <div class="talent-grid__axis talent-grid__axis--y">{tp(level_key(kinerja))}</div>
                {cells}
            }
        })
        .collect_view();
    view! {
        <p class="muted">{move || fill(ptext(i18n.lang(), PKey::GridYears), &[("a", &a.to_string()), ("b", &b.to_string())])}</p>
        {(!g.dikonfirmasi).then(|| view! { <p class="muted">{tp(PKey::Unconfirmed)}</p> })}
        <div class="talent-grid" role="group" aria-label=move || ptext(i18n.lang(), PKey::TalentTitle)>
            {rows}
            <div></div>
            {LEVELS_UP.iter().map(|&p| view! { <div class="talent-grid__axis">{tp(level_key(p))}</div> }).collect_view()}
        </div>
        <p class="muted">
            {tp(PKey::Performance)} " ↑ · " {tp(PKey::Potential)} " →"
        </p>
        <p class="muted">{move || fill(ptext(i18n.lang(), PKey::NotPlaced), &[
            ("n", &tidak.to_string()),
            ("p", &g.tanpa_potensi.to_string()),
            ("k", &g.tanpa_predikat.to_string()),
        ])}</p>
    }
}

#[component]
fn BoxPeople(nomor: i32, year: i32) -> impl IntoView {
    let i18n = use_i18n();
    let page = RwSignal::new(1u64);
    let list = RwSignal::new(None::<Result<Page<PegawaiTalenta>, ApiError>>);
    Effect::new(move |_| {
        let p = page.get();
        spawn_local(async move {
            list.set(Some(api::talenta::isi_kotak(nomor, Some(year), p).await));
        });
    });
    view! {
        <section class="card card--flush">
            <h2 class="card__title card__title--padded">{move || fill(ptext(i18n.lang(), PKey::BoxPeople), &[("n", &nomor.to_string())])}</h2>
            {move || match list.get() {
                None => view! { <p class="card__body muted">{tp(PKey::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <div class="card__body"><ErrorAlert error=e/></div> }.into_any(),
                Some(Ok(p)) if p.items.is_empty() => view! { <p class="empty muted">{tp(PKey::BoxEmpty)}</p> }.into_any(),
                Some(Ok(p)) => {
                    let pages = p.total.div_ceil(p.per_page.max(1)).max(1);
                    view! {
                        <div class="table-wrap">
                            <table class="table">
                                <thead><tr>
                                    <th scope="col">{tp(PKey::Name)}</th>
                                    <th scope="col">{tp(PKey::Position)}</th>
                                    <th scope="col">{tp(PKey::Unit)}</th>
                                    <th scope="col">{tp(PKey::Golongan)}</th>
                                </tr></thead>
                                <tbody>
                                    {p.items.into_iter().map(|e| view! {
                                        <tr>
                                            <td><a href=format!("/pengembangan/karier/{}", e.employee_id)>{e.nama}</a></td>
                                            <td>{e.jabatan.unwrap_or_default()}</td>
                                            <td>{e.unit.unwrap_or_default()}</td>
                                            <td>{e.golongan.unwrap_or_default()}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <div class="card__body"><PagerSignal page=page pages=pages/></div>
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn KeyPositions(year: RwSignal<i32>) -> impl IntoView {
    let list = RwSignal::new(None::<Result<Vec<JabatanKritikal>, ApiError>>);
    spawn_local(async move {
        list.set(Some(api::talenta::jabatan_kritikal().await));
    });
    view! {
        <section class="card card--flush">
            <h2 class="card__title card__title--padded">{tp(PKey::KeyPositions)}</h2>
            {move || match list.get() {
                None => view! { <p class="card__body muted">{tp(PKey::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <div class="card__body"><ErrorAlert error=e/></div> }.into_any(),
                Some(Ok(l)) if l.is_empty() => view! { <p class="empty muted">{tp(PKey::KeyPositionsEmpty)}</p> }.into_any(),
                Some(Ok(l)) => view! {
                    <ul class="records">
                        {l.into_iter().map(|j| view! { <KeyPosition j=j year=year/> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn KeyPosition(j: JabatanKritikal, year: RwSignal<i32>) -> impl IntoView {
    let detail = RwSignal::new(None::<Result<Suksesi, ApiError>>);
    let id = j.id;
    let load = move |_| {
        let y = year.get_untracked();
        spawn_local(async move {
            detail.set(Some(api::talenta::suksesi(id, Some(y)).await));
        });
    };
    view! {
        <li class="records__item">
            <strong>{j.jabatan.clone()}</strong> " · " {j.unit.clone()}
            <p class="muted">{tp(PKey::Holder)} ": " {j.pemegang.clone().unwrap_or_else(|| "–".to_owned())}</p>
            <button type="button" class="btn btn--secondary" on:click=load>{tp(PKey::ShowCandidates)}</button>
            {move || detail.get().map(|d| match d {
                Err(e) => view! { <ErrorAlert error=e/> }.into_any(),
                Ok(s) if s.kandidat.is_empty() => view! { <p class="muted">{tp(PKey::NoCandidates)}</p> }.into_any(),
                Ok(s) => view! {
                    <ol>
                        {s.kandidat.into_iter().map(|k| view! {
                            <li>
                                <a href=format!("/pengembangan/karier/{}", k.employee_id)>{k.nama}</a>
                                {k.jabatan.map(|p| format!(" · {p}"))}
                                {k.golongan.map(|g| format!(" · {g}"))}
                                {k.nomor_kotak.map(|n| view! { " · " {tp(PKey::Box)} " " {n} })}
                                {k.manual.then(|| view! { " · " <em>{tp(PKey::HandPicked)}</em> })}
                                {k.catatan.map(|c| view! { <br/><span class="muted">{c}</span> })}
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any(),
            })}
        </li>
    }
}
