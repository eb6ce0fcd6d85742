//! `/skm`: the citizen satisfaction surveys (SKM) of the service units — the list, a new
//! survey, and one survey's page with its result (`detail`), drawn charts (`grafik`). The
//! citizen's own form is not here: the server renders it at `/survei/{kode}`.

mod detail;
mod grafik;
mod iki;
mod kelola;

pub use detail::SkmDetailPage;

use kinerja_api::ikm::{KinerjaUnit, Unsur};
use kinerja_api::planning::StatusPeriode;
use kinerja_api::survei::{BuatSurvei, JenisPeriodeSurvei, StatusSurvei, Survei};
use kinerja_api::{Page, PageQuery};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use crate::api::{self, ApiError};
use crate::components::{Choice, ErrorAlert, background};
use crate::forms::{FieldErrors, push};
use crate::i18n::survei::{SKey, stext, ts};
use crate::i18n::{Lang, use_i18n};
use crate::pages::organisation::unit_choices;

/// `/skm`: the surveys the user manages or may read, and a new one.
#[component]
pub fn SkmPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        document().set_title(&format!("{} · Kinerja", stext(i18n.lang(), SKey::Title)));
    });
    let status = RwSignal::new(None::<StatusSurvei>);
    let list = RwSignal::new(None::<Result<Page<Survei>, ApiError>>);
    Effect::new(move |_| {
        let s = status.get();
        spawn_local(async move {
            let page = PageQuery {
                page: 1,
                per_page: 100,
            };
            list.set(Some(api::survei::list(None, s, page).await));
        });
    });
    let show_new = RwSignal::new(false);
    view! {
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title">{ts(SKey::Title)}</h1>
                <p class="page-header__intro">{ts(SKey::Intro)}</p>
            </div>
            <div class="page-header__actions">
                <button type="button" class="btn btn--primary" on:click=move |_| show_new.update(|v| *v = !*v)>
                    {ts(SKey::New)}
                </button>
            </div>
        </header>
        <Show when=move || show_new.get()>
            <NewSurvey/>
        </Show>
        <section class="card card--flush">
            <div class="filters">
                <label class="field__label" for="skm-status">{ts(SKey::Status)}</label>
                <select id="skm-status" class="field__input field__select" on:change=move |ev| {
                    status.set(StatusSurvei::parse(&event_target_value(&ev)));
                }>
                    <option value="">{ts(SKey::All)}</option>
                    <option value="draft">{ts(SKey::StatusDraft)}</option>
                    <option value="dibuka">{ts(SKey::StatusDibuka)}</option>
                    <option value="ditutup">{ts(SKey::StatusDitutup)}</option>
                </select>
            </div>
            {move || match list.get() {
                None => view! { <p class="card__body muted">{move || if i18n.lang() == Lang::Id { "Memuat…" } else { "Loading…" }}</p> }.into_any(),
                Some(Err(e)) => view! { <div class="card__body"><ErrorAlert error=e/></div> }.into_any(),
                Some(Ok(page)) if page.items.is_empty() => view! { <p class="empty muted">{ts(SKey::Empty)}</p> }.into_any(),
                Some(Ok(page)) => view! { <SurveyTable items=page.items/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn SurveyTable(items: Vec<Survei>) -> impl IntoView {
    let rows = items
        .into_iter()
        .map(|s| {
            let href = format!("/skm/{}", s.id);
            let periode = periode_label(&s);
            let status = s.status;
            view! {
                <tr>
                    <td><A href=href>{s.judul.clone()}</A><br/><span class="muted">{s.unit_nama.clone()}</span></td>
                    <td>{move || periode(use_i18n().lang())}</td>
                    <td><span class=format!("badge skm-status--{}", status.as_str())>{move || stext(use_i18n().lang(), status_key(status))}</span></td>
                    <td class="num">{s.jumlah_respons}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table">
                <thead><tr>
                    <th scope="col">{ts(SKey::Judul)}</th>
                    <th scope="col">{ts(SKey::Periode)}</th>
                    <th scope="col">{ts(SKey::Status)}</th>
                    <th scope="col" class="num">{ts(SKey::Responses)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

pub(crate) fn status_key(s: StatusSurvei) -> SKey {
    match s {
        StatusSurvei::Draft => SKey::StatusDraft,
        StatusSurvei::Dibuka => SKey::StatusDibuka,
        StatusSurvei::Ditutup => SKey::StatusDitutup,
    }
}

/// "Triwulan II 2026" / "Quarter 2, 2026".
pub(crate) fn periode_label(s: &Survei) -> impl Fn(Lang) -> String + Send + Sync + use<> {
    let (jenis, k, tahun) = (s.jenis_periode, s.periode_ke, s.tahun);
    move |lang| label_span(jenis, k, tahun, lang)
}

/// A survey's span in the reader's language.
pub(crate) fn label_span(jenis: JenisPeriodeSurvei, k: i32, tahun: i32, lang: Lang) -> String {
    {
        let roman = ["", "I", "II", "III", "IV"];
        match (jenis, lang) {
            (JenisPeriodeSurvei::Tahun, _) => format!("{} {tahun}", stext(lang, SKey::Tahun)),
            (_, Lang::Id) => format!(
                "{} {} {tahun}",
                stext(lang, jenis_key(jenis)),
                roman.get(k as usize).copied().unwrap_or("")
            ),
            (_, Lang::En) => format!("{} {k}, {tahun}", stext(lang, jenis_key(jenis))),
        }
    }
}

fn jenis_key(j: JenisPeriodeSurvei) -> SKey {
    match j {
        JenisPeriodeSurvei::Triwulan => SKey::Triwulan,
        JenisPeriodeSurvei::Semester => SKey::Semester,
        JenisPeriodeSurvei::Tahun => SKey::Tahun,
    }
}

/// An unsur's name in the reader's language (the regulation's own words in Indonesian).
pub(crate) fn unsur_nama(u: Unsur, lang: Lang) -> &'static str {
    if lang == Lang::Id {
        return u.nama();
    }
    match u {
        Unsur::Persyaratan => "Requirements",
        Unsur::SistemMekanismeProsedur => "Systems, mechanisms and procedures",
        Unsur::WaktuPenyelesaian => "Completion time",
        Unsur::BiayaTarif => "Cost/fee",
        Unsur::ProdukSpesifikasi => "Service product specification",
        Unsur::KompetensiPelaksana => "Staff competence",
        Unsur::PerilakuPelaksana => "Staff conduct",
        Unsur::SaranaPrasarana => "Facilities",
        Unsur::PenangananPengaduan => "Handling of complaints, suggestions and feedback",
    }
}

pub(crate) fn kinerja_label(k: KinerjaUnit, lang: Lang) -> &'static str {
    match (k, lang) {
        (_, Lang::Id) => k.label(),
        (KinerjaUnit::SangatBaik, Lang::En) => "Very good",
        (KinerjaUnit::Baik, Lang::En) => "Good",
        (KinerjaUnit::KurangBaik, Lang::En) => "Fair",
        (KinerjaUnit::TidakBaik, Lang::En) => "Poor",
    }
}

/// The new-survey form: unit, title, span, population, services.
#[component]
fn NewSurvey() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let unit = RwSignal::new(String::new());
    let judul = RwSignal::new(String::new());
    let jenis = RwSignal::new("triwulan".to_owned());
    let ke = RwSignal::new("1".to_owned());
    let populasi = RwSignal::new(String::new());
    let layanan = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let units = background(|| async {
        api::organisation::unit_tree()
            .await
            .map(|roots| unit_choices(&roots))
            .unwrap_or_default()
    });
    let periods = background(|| async { api::skp::periods().await.unwrap_or_default() });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = FieldErrors::new();
        let unit_id = Uuid::parse_str(&unit.get_untracked()).ok();
        if unit_id.is_none() {
            push(&mut found, "unit_id", "Pilih unit layanan.");
        }
        let jenis_periode =
            JenisPeriodeSurvei::parse(&jenis.get_untracked()).unwrap_or(JenisPeriodeSurvei::Tahun);
        let periode_ke = if jenis_periode == JenisPeriodeSurvei::Tahun {
            0
        } else {
            ke.get_untracked().parse().unwrap_or(1)
        };
        let populasi = populasi.get_untracked().trim().parse::<i32>().ok();
        let layanan: Vec<String> = layanan
            .get_untracked()
            .lines()
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect();
        // The open period (the current year), else the latest.
        let period = periods.get_untracked().and_then(|p| {
            p.into_iter()
                .max_by_key(|p| (p.status == StatusPeriode::Dibuka, p.tahun))
        });
        let (Some(unit_id), Some(period), true) = (unit_id, period, found.is_empty()) else {
            errors.set(found);
            return;
        };
        let request = BuatSurvei {
            unit_id,
            judul: judul.get_untracked().trim().to_owned(),
            jenis_periode,
            period_id: period.id,
            periode_ke,
            populasi,
            layanan,
            pertanyaan: Default::default(),
        };
        busy.set(true);
        failure.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::survei::create(&request).await {
                Ok(s) => navigate(&format!("/skm/{}", s.id), Default::default()),
                Err(e) => {
                    errors.set(e.field_errors());
                    failure.set(Some(e));
                }
            }
            busy.set(false);
        });
    };
    let err = crate::forms::field_text(errors);
    let options = move || {
        units
            .get()
            .unwrap_or_default()
            .into_iter()
            .map(|(value, label): Choice| view! { <option value=value>{label}</option> })
            .collect_view()
    };
    view! {
        <section class="card card--flush">
            <h2 class="card__title card__title--padded">{ts(SKey::New)}</h2>
            <form class="card__body form form--wide" on:submit=submit novalidate>
                <p class="muted">{ts(SKey::NewIntro)}</p>
                {move || failure.get().filter(|e| e.field_errors().is_empty()).map(|e| view! { <ErrorAlert error=e/> })}
                <div class="field">
                    <label class="field__label" for="unit_id">{ts(SKey::Unit)}</label>
                    <select id="unit_id" class="field__input field__select" bind:value=unit>
                        <option value="">{ts(SKey::ChooseUnit)}</option>
                        {options}
                    </select>
                    <p class="field__error" role="alert">{err("unit_id")}</p>
                </div>
                <div class="field">
                    <label class="field__label" for="judul">{ts(SKey::Judul)}</label>
                    <input id="judul" class="field__input" bind:value=judul maxlength="200"/>
                    <p class="field__error" role="alert">{err("judul")}</p>
                </div>
                <div class="form-grid">
                    <div class="field">
                        <label class="field__label" for="jenis_periode">{ts(SKey::JenisPeriode)}</label>
                        <select id="jenis_periode" class="field__input field__select" bind:value=jenis>
                            <option value="triwulan">{ts(SKey::Triwulan)}</option>
                            <option value="semester">{ts(SKey::Semester)}</option>
                            <option value="tahun">{ts(SKey::Tahun)}</option>
                        </select>
                    </div>
                    <Show when=move || jenis.get() != "tahun">
                        <div class="field">
                            <label class="field__label" for="periode_ke">{ts(SKey::PeriodeKe)}</label>
                            <select id="periode_ke" class="field__input field__select" bind:value=ke>
                                {move || {
                                    let n = if jenis.get() == "semester" { 2 } else { 4 };
                                    (1..=n).map(|k| view! { <option value=k.to_string()>{k}</option> }).collect_view()
                                }}
                            </select>
                            <p class="field__error" role="alert">{err("periode_ke")}</p>
                        </div>
                    </Show>
                </div>
                <div class="field">
                    <label class="field__label" for="populasi">{ts(SKey::Populasi)}</label>
                    <p class="field__hint">{ts(SKey::PopulasiHint)}</p>
                    <input id="populasi" class="field__input" inputmode="numeric" bind:value=populasi/>
                    <p class="field__error" role="alert">{err("populasi")}</p>
                </div>
                <div class="field">
                    <label class="field__label" for="layanan">{ts(SKey::Layanan)}</label>
                    <p class="field__hint">{ts(SKey::LayananHint)}</p>
                    <textarea id="layanan" class="field__input field__textarea" rows="4" bind:value=layanan></textarea>
                    <p class="field__error" role="alert">{err("layanan")}</p>
                </div>
                <div class="form-actions">
                    <button type="submit" class="btn btn--primary" disabled=move || busy.get()>
                        {move || if busy.get() { stext(i18n.lang(), SKey::Creating) } else { stext(i18n.lang(), SKey::Create) }}
                    </button>
                </div>
            </form>
        </section>
    }
}
