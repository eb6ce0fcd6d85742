//! The survey's charts, drawn as SVG by the SPA: the nine NRR as bars on the 1–4 scale (the
//! priorities for improvement in another colour) and the IKM as a half-circle gauge with the
//! mutu bands of PermenPANRB 14/2017. Each chart has a text alternative; the numbers are also
//! in the table next to it.

use kinerja_api::ikm::{HasilIkm, Mutu};
use leptos::prelude::*;

use super::unsur_nama;
use crate::i18n::Lang;

const LEBAR: f64 = 640.0;
const BARIS: f64 = 30.0;
const KIRI: f64 = 44.0;

/// Bars of NRR per unsur.
#[component]
pub fn BatangUnsur(hasil: HasilIkm, lang: Lang, judul: String) -> impl IntoView {
    let tinggi = BARIS * 9.0 + 28.0;
    let skala = move |v: f64| KIRI + (v - 1.0).max(0.0) / 3.0 * (LEBAR - KIRI - 60.0);
    let garis = (1..=4)
        .map(|v| {
            let x = skala(f64::from(v));
            view! {
                <line x1=x y1="0" x2=x y2=tinggi - 20.0 class="grafik__grid"/>
                <text x=x y=tinggi - 4.0 text-anchor="middle" class="grafik__sumbu">{v}</text>
            }
        })
        .collect_view();
    let batang = hasil
        .nrr_per_unsur
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let y = i as f64 * BARIS + 4.0;
            let prioritas = hasil.prioritas.contains(&n.unsur);
            let v = n.nrr.unwrap_or(1.0);
            let w = (skala(v) - KIRI).max(1.0);
            let label = n.nrr.map_or("–".to_owned(), |v| format!("{v:.2}"));
            let nama = format!("{} {}", n.unsur.kode(), unsur_nama(n.unsur, lang));
            view! {
                <g>
                    <title>{format!("{nama}: {label}")}</title>
                    <text x="0" y=y + 16.0 class="grafik__label">{n.unsur.kode()}</text>
                    <rect x=KIRI y=y width=w height=BARIS - 10.0 rx="3"
                        class=if prioritas { "grafik__bar grafik__bar--prioritas" } else { "grafik__bar" }/>
                    <text x=KIRI + w + 6.0 y=y + 16.0 class="grafik__nilai">{label}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="grafik" viewBox=format!("0 0 {LEBAR} {tinggi}") role="img" aria-label=judul>
            {garis}
            {batang}
        </svg>
    }
}

/// The IKM on a 25–100 half circle with the four mutu bands.
#[component]
pub fn Gauge(ikm: Option<f64>, mutu: Option<Mutu>, label: String) -> impl IntoView {
    let (cx, cy, r) = (120.0_f64, 120.0_f64, 96.0_f64);
    // 25 → the left end (180°), 100 → the right end (0°).
    let titik = move |v: f64| {
        let t = ((v - 25.0) / 75.0).clamp(0.0, 1.0);
        let a = std::f64::consts::PI * (1.0 - t);
        (cx + r * a.cos(), cy - r * a.sin())
    };
    let busur = move |from: f64, to: f64| {
        let (x1, y1) = titik(from);
        let (x2, y2) = titik(to);
        format!("M {x1:.2} {y1:.2} A {r} {r} 0 0 1 {x2:.2} {y2:.2}")
    };
    let pita = [
        (25.0, 65.0, "D"),
        (65.0, 76.61, "C"),
        (76.61, 88.31, "B"),
        (88.31, 100.0, "A"),
    ]
    .into_iter()
    .map(|(a, b, m)| view! { <path d=busur(a, b) class=format!("gauge__pita gauge__pita--{}", m.to_lowercase())/> })
    .collect_view();
    let jarum = ikm.map(|v| {
        let (x, y) = titik(v);
        view! { <line x1=cx y1=cy x2=x y2=y class="gauge__jarum"/><circle cx=cx cy=cy r="6" class="gauge__poros"/> }
    });
    let angka = ikm.map_or("–".to_owned(), |v| {
        format!("{:.2}", kinerja_api::ikm::dua_desimal(v))
    });
    view! {
        <svg class="gauge" viewBox="0 0 240 150" role="img" aria-label=label>
            {pita}
            {jarum}
            <text x=cx y="146" text-anchor="middle" class="gauge__angka">{angka}</text>
            <text x="14" y="140" class="grafik__sumbu">"25"</text>
            <text x="214" y="140" class="grafik__sumbu">"100"</text>
            {mutu.map(|m| view! { <text x=cx y="92" text-anchor="middle" class="gauge__mutu">{m.as_str()}</text> })}
        </svg>
    }
}
