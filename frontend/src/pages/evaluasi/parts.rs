//! Pieces shared by the evaluation pages: the rating select, the predikat badge, the quota bar
//! the sub-period to open and the history of an evaluation.

use kinerja_api::evaluation::{Hitungan, Predikat, Rating, periksa_distribusi};
use kinerja_api::penilaian::{DistribusiUnit, EvaluasiView};
use kinerja_api::planning::Periode;
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::components::{Built, Istilah, built};
use crate::components::{asked_sub_period, current_sub_period, info};
use crate::forms::FieldErrors;
use crate::i18n::{Key, Lang, fill, text, tr, use_i18n};
use crate::labels;
use crate::pages::skp::default_period;

/// The sub-period to open: `?periode_ke=` (a notification's link), else the one before today's
/// (a sub-period is rated once it is over), 0 being the year.
pub(super) fn initial_k(periode: &Periode) -> i32 {
    asked_sub_period(periode, true)
        .unwrap_or_else(|| (current_sub_period(periode, labels::today()) - 1).max(1))
}

/// A select of the three ratings (empty = not chosen), with the messages of `name`.
#[component]
pub(super) fn RatingSelect(
    id: String,
    label: Key,
    /// The request field, for the messages of a 422.
    name: &'static str,
    value: RwSignal<Option<Rating>>,
    errors: RwSignal<FieldErrors>,
    /// The employee rated, named to screen readers where one page rates several people.
    #[prop(optional)]
    who: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let options = Rating::ALL
        .iter()
        .map(|r| view! { <option value=r.as_str()>{tr(labels::rating(*r))}</option> })
        .collect_view();
    let messages = move || errors.with(|e| e.get(name).cloned().unwrap_or_default());
    view! {
        <div class="field field--compact" class:field--invalid=move || !messages().is_empty()>
            <label class="field__label" for=id.clone()>
                {tr(label)}
                {who.map(|w| view! { <span class="sr-only">" — " {w}</span> })}
            </label>
            <select
                class="field__input field__select"
                id=id
                aria-describedby=error_id.clone()
                prop:value=move || value.get().map_or("", Rating::as_str)
                on:change=move |ev| {
                    value.set(Rating::parse(&event_target_value(&ev)));
                    errors.update(|e| {
                        e.remove(name);
                    });
                }
            >
                <option value="">{tr(Key::ChooseOption)}</option>
                {options}
            </select>
            <p class="field__error" id=error_id>
                {move || messages().into_iter().map(|m| view! { <span class="field__message">{i18n.message(&m)}</span> }).collect_view()}
            </p>
        </div>
    }
}

/// A rating's name, "–" for none.
pub(super) fn rating_text(lang: Lang, r: Option<Rating>) -> &'static str {
    r.map_or("–", |r| text(lang, labels::rating(r)))
}

/// The predikat as a coloured badge ("belum" when there is none).
pub(super) fn predikat_badge(p: Option<Predikat>) -> impl IntoView {
    let class = format!(
        "badge predikat predikat--{}",
        p.map_or("none", Predikat::as_str)
    );
    let key = p.map_or(Key::PredikatNone, labels::predikat);
    view! { <span class=class>{tr(key)}</span> }
}

/// `a + b` per predikat.
pub(super) fn plus(a: &Hitungan, b: &Hitungan) -> Hitungan {
    Predikat::ALL
        .iter()
        .flat_map(|&p| std::iter::repeat_n(p, (a.get(p) + b.get(p)) as usize))
        .collect()
}

/// The live quota bar of a unit: per predikat the employees already set (`terpakai`), the
/// choices on this page not yet set (`planned`), and the bounds of the distribution pattern
/// for the unit's organisation predikat; the rounding explained; the broken rules as they stand
/// and as they would be once the planned choices are set.
#[component]
pub(super) fn QuotaBar(
    distribusi: DistribusiUnit,
    #[prop(into)] planned: Signal<Hitungan>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Some(org) = distribusi.predikat_organisasi else {
        return view! {
            <section class="card quota" aria-labelledby="kuota-title">
                <h2 class="card__title" id="kuota-title">{tr(Key::QuotaTitle)} " · " {distribusi.unit_nama}</h2>
                <p class="muted">{tr(Key::QuotaNoOrg)}</p>
            </section>
        }
        .into_any();
    };
    let set = distribusi.hitungan;
    let pembulatan = distribusi.pembulatan;
    let rows = distribusi
        .kuota
        .iter()
        .map(|q| {
            let q = *q;
            let extra = move || planned.with(|h| h.get(q.predikat));
            let used = move || q.terpakai + extra();
            let class = move || {
                let n = used();
                if n > q.max {
                    "quota__row quota__row--over"
                } else if n < q.min {
                    "quota__row quota__row--under"
                } else {
                    "quota__row"
                }
            };
            let bounds = move || {
                fill(
                    i18n.t(Key::QuotaBounds),
                    &[("min", &q.min.to_string()), ("max", &q.max.to_string())],
                )
            };
            view! {
                <li class=class data-predikat=q.predikat.as_str()>
                    <span class="quota__label">{tr(labels::predikat(q.predikat))}</span>
                    <progress class="quota__bar" max=q.max.max(1) value=move || used().min(q.max.max(1)) aria-hidden="true"></progress>
                    <span class="quota__count">
                        <strong class="quota__used">{q.terpakai}</strong>
                        {move || (extra() > 0).then(|| view! { <span class="quota__planned">" +" {extra()}</span> })}
                        " " <span class="muted">{bounds}</span>
                    </span>
                </li>
            }
        })
        .collect_view();
    let rules = distribusi
        .aturan
        .iter()
        .map(|a| view! { <li>{i18n.message(&a.teks)}</li> })
        .collect_view();
    let broken = distribusi.pelanggaran.clone();
    let blokir = distribusi.blokir;
    // The rules the page's choices would break once set (the server checks again then).
    let would_break = move || {
        let all = plus(&set, &planned.get());
        if all == set {
            return Vec::new();
        }
        periksa_distribusi(org, pembulatan, &all)
    };
    view! {
        <section class="card quota" aria-labelledby="kuota-title">
            <h2 class="card__title" id="kuota-title">{tr(Key::QuotaTitle)} " · " {distribusi.unit_nama}</h2>
            <p>
                {tr(Key::PredikatOrganisasi)} ": " <strong>{tr(labels::predikat_org(org))}</strong>
                " · " {fill(i18n.t(Key::QuotaPeople), &[("n", &distribusi.jumlah_pegawai.to_string())])}
            </p>
            <ul class="quota__rows" aria-live="polite">{rows}</ul>
            <details class="quota__rules">
                <summary>{tr(Key::QuotaRules)}</summary>
                <ul>{rules}</ul>
                <p class="muted">{i18n.message(&distribusi.pembulatan_keterangan)}</p>
            </details>
            {(!broken.is_empty()).then(|| {
                let kind = if blokir { "alert alert--error" } else { "alert alert--warning" };
                let items = broken.iter().map(|b| view! { <li>{i18n.message(b)}</li> }).collect_view();
                view! {
                    <div class=kind role="status">
                        <span class="alert__icon" aria-hidden="true"></span>
                        <div class="alert__text">
                            <p>{tr(if blokir { Key::QuotaBlocked } else { Key::QuotaWarning })}</p>
                            <ul>{items}</ul>
                        </div>
                    </div>
                }
            })}
            {move || {
                let list = would_break();
                (!list.is_empty()).then(|| {
                    let items = list.into_iter().map(|b| view! { <li>{b}</li> }).collect_view();
                    view! {
                        <div class="alert alert--warning quota__preview" role="status">
                            <span class="alert__icon" aria-hidden="true"></span>
                            <div class="alert__text">
                                <p>{tr(Key::QuotaPreview)}</p>
                                <ul>{items}</ul>
                            </div>
                        </div>
                    }
                })
            }}
        </section>
    }
    .into_any()
}

/// The open period (else the first) shown by `page`; a note when there is none.
pub(super) async fn in_open_period<V: IntoView + 'static>(
    page: fn(Periode) -> V,
) -> Result<Built, ApiError> {
    let periods = api::skp::periods().await?;
    let Some(periode) = default_period(&periods).cloned() else {
        return Ok(built(|| info(Key::NoPeriods)));
    };
    Ok(built(move || page(periode.clone())))
}

/// Every kept state of the evaluation (the original result stays visible after an objection
/// or a correction).
#[component]
pub(super) fn History(page: EvaluasiView) -> impl IntoView {
    let i18n = use_i18n();
    (!page.riwayat.is_empty()).then(|| {
        let rows = page
            .riwayat
            .into_iter()
            .map(|v| {
                let (h, p, at) = (v.rating_hasil, v.rating_perilaku, v.created_at);
                view! {
                    <tr>
                        <td>{v.versi}</td>
                        <td>{v.sumber}</td>
                        <td>{move || rating_text(i18n.lang(), h)}</td>
                        <td>{move || rating_text(i18n.lang(), p)}</td>
                        <td>{predikat_badge(v.predikat)}</td>
                        <td>{v.alasan.unwrap_or_default()}</td>
                        <td>{move || labels::datetime(i18n.lang(), at)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="card card--flush" aria-labelledby="riwayat">
                <h2 class="card__title card__body" id="riwayat">{tr(Key::RiwayatEvaluasi)}</h2>
                <div class="table-wrap">
                    <table class="table">
                        <thead>
                            <tr>
                                <th scope="col">{tr(Key::VersionCol)}</th>
                                <th scope="col">{tr(Key::Sumber)}</th>
                                <th scope="col">{tr(Key::RatingHasil)}</th>
                                <th scope="col">{tr(Key::RatingPerilaku)}</th>
                                <th scope="col"><Istilah id="predikat">{tr(Key::Predikat)}</Istilah></th>
                                <th scope="col">{tr(Key::Alasan)}</th>
                                <th scope="col">{tr(Key::Time)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        }
    })
}
