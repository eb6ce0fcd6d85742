//! `/pengembangan/karier` (the viewer's own) and `/pengembangan/karier/:id`: an employee's
//! career — positions held, the performance rating of each year with the credit points of a
//! functional position, and development with the verified JP of each year.

use kinerja_api::evaluation::Predikat;
use kinerja_api::talenta::{Karier, TalentaSaya, TingkatTalenta};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::{Bar, bentuk_label, jp_text, status_catatan_key};
use crate::api::{self, ApiError};
use crate::components::ErrorAlert;
use crate::i18n::pengembangan::{PKey, ptext, tp};
use crate::i18n::{Key, fill, text, tr, use_i18n};
use crate::labels;
use crate::state::auth::use_auth;

fn predikat_badge(p: Option<Predikat>) -> impl IntoView {
    let class = format!(
        "badge predikat predikat--{}",
        p.map_or("none", Predikat::as_str)
    );
    let key = p.map_or(Key::PredikatNone, labels::predikat);
    view! { <span class=class>{tr(key)}</span> }
}

#[component]
pub fn KarierPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let params = use_params_map();
    Effect::new(move |_| {
        document().set_title(&format!(
            "{} · Kinerja",
            ptext(i18n.lang(), PKey::CareerTitle)
        ));
    });
    // The employee named in the path, else the viewer's own record.
    let who = Memo::new(move |_| {
        params
            .with(|p| p.get("id").and_then(|id| Uuid::parse_str(&id).ok()))
            .or_else(|| auth.user().and_then(|u| u.employee_id))
    });
    // The viewer's own page (no id in the path): their talent box may be shown too.
    let own = Memo::new(move |_| params.with(|p| p.get("id").is_none()));
    let page = RwSignal::new(None::<Result<Karier, ApiError>>);
    Effect::new(move |_| {
        let Some(id) = who.get() else {
            page.set(Some(Err(ApiError::not_found())));
            return;
        };
        spawn_local(async move {
            page.set(Some(api::talenta::karier(id).await));
        });
    });
    view! {
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title">
                    {tp(PKey::CareerTitle)}
                    {move || match page.get() {
                        Some(Ok(k)) => format!(" · {}", k.nama),
                        _ => String::new(),
                    }}
                </h1>
                <p class="page-header__intro">{tp(PKey::CareerIntro)}</p>
            </div>
        </header>
        {move || match page.get() {
            None => view! { <p class="muted">{tp(PKey::Loading)}</p> }.into_any(),
            Some(Err(e)) => view! { <ErrorAlert error=e/> }.into_any(),
            Some(Ok(k)) => view! { <Career k=k/> }.into_any(),
        }}
        {move || own.get().then(|| view! { <MyBox/> })}
    }
}

fn level(t: TingkatTalenta) -> PKey {
    match t {
        TingkatTalenta::Tinggi => PKey::LevelHigh,
        TingkatTalenta::Menengah => PKey::LevelMid,
        TingkatTalenta::Rendah => PKey::LevelLow,
    }
}

/// The viewer's own box, shown only when the instansi shows it (otherwise the server says 403
/// and nothing is drawn).
#[component]
fn MyBox() -> impl IntoView {
    let i18n = use_i18n();
    let mine = RwSignal::new(None::<TalentaSaya>);
    spawn_local(async move {
        if let Ok(s) = api::talenta::saya().await {
            mine.set(Some(s));
        }
    });
    move || {
        mine.get().map(|s| {
            let lang = i18n.lang();
            let kotak = match &s.kotak {
                Some(k) => fill(
                    ptext(lang, PKey::MyBoxOf),
                    &[("n", &k.nomor.to_string()), ("label", &k.label)],
                ),
                None => ptext(lang, PKey::MyBoxNone).to_owned(),
            };
            let potensi = s.potensi.as_ref().map(|p| {
                fill(
                    ptext(lang, PKey::PotentialOf),
                    &[
                        ("t", ptext(lang, level(p.tingkat))),
                        ("sumber", &p.sumber),
                        ("tanggal", &labels::long_date(lang, p.tanggal)),
                    ],
                )
            });
            let rekomendasi = s.kotak.as_ref().map(|k| k.rekomendasi.clone());
            view! {
                <section class="card">
                    <h2 class="card__title">{tp(PKey::MyBox)}</h2>
                    <p><strong>{kotak}</strong></p>
                    {rekomendasi.map(|r| view! { <p class="muted">{r}</p> })}
                    {potensi.map(|p| view! { <p class="muted">{p}</p> })}
                </section>
            }
        })
    }
}

#[component]
fn Career(k: Karier) -> impl IntoView {
    let i18n = use_i18n();
    let golongan = match (&k.golongan, &k.pangkat) {
        (Some(g), Some(p)) => format!("{p}, {g}"),
        (Some(g), None) => g.clone(),
        _ => "–".to_owned(),
    };
    let total = k.angka_kredit_total;
    view! {
        <section class="card card--flush">
            <h2 class="card__title card__title--padded">{tp(PKey::Positions)}</h2>
            <p class="card__body">{tp(PKey::Golongan)} ": " {golongan}</p>
            <div class="table-wrap">
                <table class="table">
                    <thead><tr>
                        <th scope="col">{tp(PKey::Position)}</th>
                        <th scope="col">{tp(PKey::Unit)}</th>
                        <th scope="col">{tp(PKey::Kind)}</th>
                        <th scope="col">{tp(PKey::Start)}</th>
                        <th scope="col">{tp(PKey::End)}</th>
                    </tr></thead>
                    <tbody>
                        {k.jabatan.into_iter().map(|j| view! {
                            <tr>
                                <td>{j.jabatan}</td>
                                <td>{j.unit}</td>
                                <td>{tr(labels::penugasan(j.jenis))}</td>
                                <td>{move || labels::long_date(i18n.lang(), j.mulai)}</td>
                                <td>{move || j.selesai.map_or_else(|| ptext(i18n.lang(), PKey::Now).to_owned(), |d| labels::long_date(i18n.lang(), d))}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <section class="card card--flush">
            <h2 class="card__title card__title--padded">{tp(PKey::PerformanceByYear)}</h2>
            {if k.kinerja.is_empty() {
                view! { <p class="empty muted">{tp(PKey::NoEvaluations)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="table">
                            <thead><tr>
                                <th scope="col">{tp(PKey::Year)}</th>
                                <th scope="col">{tp(PKey::AnnualRating)}</th>
                                <th scope="col">{tp(PKey::PeriodicRatings)}</th>
                                <th scope="col" class="num">{tp(PKey::CreditPoints)}</th>
                            </tr></thead>
                            <tbody>
                                {k.kinerja.into_iter().map(|t| {
                                    let periodik = t.periodik.clone();
                                    view! {
                                        <tr>
                                            <td>{t.tahun}</td>
                                            <td>{predikat_badge(t.predikat_tahunan)}</td>
                                            <td>{move || periodik.iter().map(|p| format!("{}: {}", p.periode_ke, text(i18n.lang(), labels::predikat(p.predikat)))).collect::<Vec<_>>().join(" · ")}</td>
                                            <td class="num">{t.angka_kredit.map_or_else(|| "–".to_owned(), |a| format!("{a:.2}"))}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {total.map(|n| view! {
                <p class="card__body">{move || fill(ptext(i18n.lang(), PKey::CreditTotal), &[("n", &format!("{n:.2}"))])}</p>
            })}
        </section>
        <section class="card card--flush">
            <h2 class="card__title card__title--padded">{tp(PKey::JpByYear)}</h2>
            <ul class="records">
                {k.jp_per_tahun.into_iter().map(|y| {
                    let pct = (y.jp_terverifikasi / 20.0 * 100.0).min(100.0);
                    view! {
                        <li class="records__item">
                            <strong>{y.tahun}</strong> " "
                            <Bar persen=pct met=y.memenuhi small=true/>
                            <span class="muted">{move || format!("{} / 20 JP", jp_text(i18n.lang(), y.jp_terverifikasi))}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <section class="card card--flush">
            <h2 class="card__title card__title--padded">{tp(PKey::Records)}</h2>
            {if k.pengembangan.is_empty() {
                view! { <p class="empty muted">{tp(PKey::NoCareerRecords)}</p> }.into_any()
            } else {
                view! {
                    <ul class="records">
                        {k.pengembangan.into_iter().map(|r| view! {
                            <li class="records__item">
                                <strong>{r.nama.clone()}</strong>
                                <p class="muted">
                                    {move || bentuk_label(r.bentuk, i18n.lang())} " · "
                                    {move || labels::long_date(i18n.lang(), r.tanggal_mulai)} " – "
                                    {move || labels::long_date(i18n.lang(), r.tanggal_selesai)} " · "
                                    {move || format!("{} JP", jp_text(i18n.lang(), r.jp))} " · "
                                    {tp(status_catatan_key(r.status))}
                                </p>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
