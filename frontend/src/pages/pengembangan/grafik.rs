//! Charts of the development screens, drawn as SVG: verified JP per month (bars) and the
//! 20 JP compliance per unit (horizontal bars). Each has a text alternative and a table with
//! the same numbers.

use kinerja_api::pengembangan::KepatuhanUnit;
use leptos::prelude::*;

use super::jp_text;
use crate::i18n::Lang;
use crate::labels;

/// Width of the charts: narrow, so that their labels stay readable on a phone.
const LEBAR_BULAN: f64 = 360.0;
const TINGGI: f64 = 180.0;

/// Twelve bars of verified JP, January first, with their numbers in a table.
#[component]
pub fn JpPerBulan(values: Vec<f64>, lang: Lang) -> impl IntoView {
    let max = values.iter().copied().fold(0.0_f64, f64::max).max(5.0);
    let slot = LEBAR_BULAN / 12.0;
    let bars = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let h = v / max * (TINGGI - 40.0);
            let x = i as f64 * slot + 4.0;
            let month = labels::month_short(lang, i as u32 + 1);
            let value = jp_text(lang, *v);
            view! {
                <g>
                    <title>{format!("{month}: {value} JP")}</title>
                    <rect x=x y=TINGGI - 22.0 - h width=slot - 8.0 height=h.max(0.5) rx="3" class="grafik__bar"/>
                    <text x=x + (slot - 8.0) / 2.0 y=TINGGI - 6.0 text-anchor="middle" class="grafik__sumbu">{month.clone()}</text>
                    {(*v > 0.0).then(|| view! {
                        <text x=x + (slot - 8.0) / 2.0 y=TINGGI - 26.0 - h text-anchor="middle" class="grafik__nilai">{value.clone()}</text>
                    })}
                </g>
            }
        })
        .collect_view();
    let rows = values
        .iter()
        .enumerate()
        .map(|(i, v)| view! { <tr><td>{labels::month_short(lang, i as u32 + 1)}</td><td class="num">{jp_text(lang, *v)}</td></tr> })
        .collect_view();
    let label = if lang == Lang::Id {
        "JP terverifikasi per bulan"
    } else {
        "Verified JP per month"
    };
    view! {
        <svg class="grafik grafik--bulan" viewBox=format!("0 0 {LEBAR_BULAN} {TINGGI}") role="img" aria-label=label>
            {bars}
        </svg>
        <details class="grafik__data">
            <summary>{if lang == Lang::Id { "Tabel angka" } else { "Numbers as a table" }}</summary>
            <table class="table"><tbody>{rows}</tbody></table>
        </details>
    }
}

/// One bar per unit: the share of its employees with 20 verified JP. The name sits above its
/// bar, so that the chart stays narrow enough to read on a phone; the numbers are also in a
/// table.
#[component]
pub fn KepatuhanPerUnit(units: Vec<KepatuhanUnit>, lang: Lang) -> impl IntoView {
    let row = 40.0;
    let lebar = LEBAR_BULAN;
    let bar = lebar - 56.0;
    let tinggi = row * units.len() as f64 + 4.0;
    let bars = units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let y = i as f64 * row + 2.0;
            let w = (u.persen / 100.0 * bar).max(1.0);
            let nama: String = if u.nama.chars().count() > 44 {
                u.nama.chars().take(43).chain(['…']).collect()
            } else {
                u.nama.clone()
            };
            let label = format!("{} / {} ({}%)", u.memenuhi, u.jumlah_pegawai, u.persen);
            view! {
                <g>
                    <title>{format!("{}: {label}", u.nama)}</title>
                    <text x="0" y=y + 13.0 class="grafik__label">{nama}</text>
                    <rect x="0" y=y + 19.0 width=bar height="12" rx="3" class="grafik__grid"/>
                    <rect x="0" y=y + 19.0 width=w height="12" rx="3" class="grafik__bar"/>
                    <text x=bar + 6.0 y=y + 30.0 class="grafik__nilai">{format!("{}%", u.persen)}</text>
                </g>
            }
        })
        .collect_view();
    let rows = units
        .iter()
        .map(|u| view! {
            <tr><td>{u.nama.clone()}</td><td class="num">{u.memenuhi}</td><td class="num">{u.jumlah_pegawai}</td><td class="num">{format!("{}%", u.persen)}</td></tr>
        })
        .collect_view();
    let (label, caption) = if lang == Lang::Id {
        ("Kepatuhan 20 JP per unit", "Tabel angka")
    } else {
        ("20 JP compliance per unit", "Numbers as a table")
    };
    view! {
        <svg class="grafik grafik--unit" viewBox=format!("0 0 {lebar} {tinggi}") role="img" aria-label=label>
            {bars}
        </svg>
        <details class="grafik__data">
            <summary>{caption}</summary>
            <table class="table"><tbody>{rows}</tbody></table>
        </details>
    }
}
