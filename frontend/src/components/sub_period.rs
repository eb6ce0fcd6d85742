//! The sub-periods of a period: how many, which one is current, its name, and the select that
//! picks one (the year too, where it is evaluated).

use chrono::{Datelike, NaiveDate};
use kinerja_api::planning::{Periode, Ritme};
use leptos::prelude::*;

use crate::i18n::{Key, Lang, fill, text, tr, use_i18n};
use crate::labels;

/// Number of sub-periods in a year of this rhythm.
pub fn jumlah(ritme: Ritme) -> i32 {
    match ritme {
        Ritme::Bulanan => 12,
        Ritme::Triwulanan => 4,
        Ritme::Semesteran => 2,
    }
}

/// The sub-period (1-based) that contains `today`, clamped to the period: the first before it
/// starts, the last after it ends.
pub fn current_sub_period(periode: &Periode, today: NaiveDate) -> i32 {
    let n = jumlah(periode.ritme);
    let day = today.clamp(periode.mulai, periode.selesai);
    if day.year() != periode.mulai.year() {
        return n;
    }
    let months = 12 / n;
    let month0 = i32::try_from(day.month0()).unwrap_or_default();
    (month0 / months + 1).clamp(1, n)
}

/// "November 2026", "Triwulan 3 2026" or "Semester 2 2026".
pub fn sub_period_label(lang: Lang, ritme: Ritme, year: i32, k: i32) -> String {
    let numbered = |key: Key| format!("{} {year}", fill(text(lang, key), &[("n", &k.to_string())]));
    match ritme {
        Ritme::Bulanan => labels::month(lang, year, u32::try_from(k - 1).unwrap_or_default()),
        Ritme::Triwulanan => numbered(Key::TriwulanN),
        Ritme::Semesteran => numbered(Key::SemesterN),
    }
}

/// The sub-period a link asks for (`?periode_ke=`, as in notifications), when `periode` has it
/// (0, the year, only when `annual`).
pub fn asked_sub_period(periode: &Periode, annual: bool) -> Option<i32> {
    let first = i32::from(!annual);
    leptos_router::hooks::use_query_map()
        .with_untracked(|q| q.get("periode_ke").and_then(|k| k.parse::<i32>().ok()))
        .filter(|k| (first..=jumlah(periode.ritme)).contains(k))
}

/// The choice of a sub-period of `periode` (and of the year when `annual`: 0), kept in the
/// address as `?periode_ke=` so a reload or a shared link opens the same one.
#[component]
pub fn SubPeriodSelect(periode: Periode, k: RwSignal<i32>, annual: bool) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = leptos_router::hooks::use_navigate();
    let path = leptos_router::hooks::use_location().pathname;
    let (ritme, year) = (periode.ritme, periode.mulai.year());
    let first = i32::from(!annual);
    let options = move || {
        let lang = i18n.lang();
        (first..=jumlah(ritme))
            .map(|i| {
                let label = if i == 0 {
                    format!("{} {year}", text(lang, Key::Tahunan))
                } else {
                    sub_period_label(lang, ritme, year, i)
                };
                view! { <option value=i.to_string() selected=i == k.get_untracked()>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="field field--compact">
            <label class="field__label" for="periode-ke">{tr(Key::SubPeriode)}</label>
            <select
                class="field__input field__select"
                id="periode-ke"
                prop:value=move || k.get().to_string()
                on:change=move |ev| {
                    if let Ok(chosen) = event_target_value(&ev).parse::<i32>() {
                        k.set(chosen);
                        let options = leptos_router::NavigateOptions {
                            replace: true,
                            scroll: false,
                            ..Default::default()
                        };
                        navigate(&format!("{}?periode_ke={chosen}", path.get_untracked()), options);
                    }
                }
            >
                {options}
            </select>
        </div>
    }
}
