//! The dashboard's charts, drawn as SVG with attributes only (the CSP admits no inline
//! styles): stacked bars of the SKP states, bars of a share per unit, a trend line of capaian
//! and a donut of the predikat spread. Each is narrow enough to read on a phone and carries a
//! table with the same numbers for screen readers and for copying.

use kinerja_api::dasbor::{BarisKepatuhan, Langkah};
use kinerja_api::evaluation::{Hitungan, Predikat};
use leptos::prelude::*;

use crate::i18n::pantau::{DKey, dtext, langkah};
use crate::i18n::{Lang, text};
use crate::labels;

const LEBAR: f64 = 360.0;

/// A name cut to fit above its bar.
fn pendek(nama: &str) -> String {
    if nama.chars().count() > 44 {
        nama.chars().take(43).chain(['…']).collect()
    } else {
        nama.to_owned()
    }
}

/// A percentage as people write it in the language: "87,5" / "87.5".
pub fn angka(lang: Lang, v: f64) -> String {
    let s = format!("{v:.1}");
    let s = s.strip_suffix(".0").map_or(s.clone(), str::to_owned);
    if lang == Lang::Id {
        s.replace('.', ",")
    } else {
        s
    }
}

fn tabel(lang: Lang, head: Vec<String>, rows: Vec<Vec<String>>) -> impl IntoView {
    view! {
        <details class="grafik__data">
            <summary>{dtext(lang, DKey::Numbers)}</summary>
            <div class="table-wrap"><table class="table">
                <thead><tr>{head.into_iter().enumerate().map(|(i, h)| {
                    let class = if i == 0 { "" } else { "num" };
                    view! { <th scope="col" class=class>{h}</th> }
                }).collect_view()}</tr></thead>
                <tbody>{rows.into_iter().map(|r| view! {
                    <tr>{r.into_iter().enumerate().map(|(i, c)| {
                        if i == 0 {
                            view! { <th scope="row">{c}</th> }.into_any()
                        } else {
                            view! { <td class="num">{c}</td> }.into_any()
                        }
                    }).collect_view()}</tr>
                }).collect_view()}</tbody>
            </table></div>
        </details>
    }
}

const SKP: [Langkah; 4] = [
    Langkah::SkpDisetujui,
    Langkah::SkpDiajukan,
    Langkah::SkpDraft,
    Langkah::SkpBelum,
];

fn skp_class(l: Langkah) -> &'static str {
    match l {
        Langkah::SkpDisetujui => "seg seg--disetujui",
        Langkah::SkpDiajukan => "seg seg--diajukan",
        Langkah::SkpDraft => "seg seg--draft",
        _ => "seg seg--belum",
    }
}

/// One stacked bar per unit: its people by SKP state, approved first.
#[component]
pub fn SkpBertumpuk(units: Vec<BarisKepatuhan>, lang: Lang) -> impl IntoView {
    let row = 40.0;
    let bar = LEBAR - 8.0;
    let tinggi = row * units.len() as f64 + 4.0;
    let bars = units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let y = i as f64 * row + 2.0;
            let n = u.jumlah_pegawai.max(1) as f64;
            let mut x = 0.0;
            let segs = SKP
                .iter()
                .map(|l| {
                    let w = u.jumlah(*l) as f64 / n * bar;
                    let seg = view! {
                        <rect x=x y=y + 19.0 width=w height="14" class=skp_class(*l)>
                            <title>{format!("{}: {}", langkah(lang, *l), u.jumlah(*l))}</title>
                        </rect>
                    };
                    x += w;
                    seg
                })
                .collect_view();
            view! {
                <g>
                    <text x="0" y=y + 13.0 class="grafik__label">{pendek(&u.nama)}</text>
                    <rect x="0" y=y + 19.0 width=bar height="14" class="grafik__grid"/>
                    {segs}
                </g>
            }
        })
        .collect_view();
    let legend = SKP
        .iter()
        .map(|l| {
            view! {
                <li><svg class="legenda__tanda" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" rx="2" class=skp_class(*l)/></svg>
                {langkah(lang, *l)}</li>
            }
        })
        .collect_view();
    let mut head = vec![dtext(lang, DKey::Unit).to_owned()];
    head.extend(SKP.iter().map(|l| langkah(lang, *l).to_owned()));
    let rows = units
        .iter()
        .map(|u| {
            let mut r = vec![u.nama.clone()];
            r.extend(SKP.iter().map(|l| u.jumlah(*l).to_string()));
            r
        })
        .collect();
    view! {
        <ul class="legenda">{legend}</ul>
        <svg class="grafik" viewBox=format!("0 0 {LEBAR} {tinggi}") role="img" aria-label=dtext(lang, DKey::SkpChart)>
            {bars}
        </svg>
        {tabel(lang, head, rows)}
    }
}

/// One bar per unit: `bagian` of `jumlah` people, as a percentage; drawn as a warning unless
/// more is `baik` (better).
#[component]
pub fn BarPersen(
    units: Vec<(String, u64, u64)>,
    label: &'static str,
    lang: Lang,
    #[prop(optional)] baik: bool,
) -> impl IntoView {
    let warna = if baik {
        "grafik__bar"
    } else {
        "grafik__bar grafik__bar--peringatan"
    };
    let row = 40.0;
    let bar = LEBAR - 64.0;
    let tinggi = row * units.len() as f64 + 4.0;
    let persen = |a: u64, n: u64| {
        if n == 0 {
            0.0
        } else {
            a as f64 * 100.0 / n as f64
        }
    };
    let bars = units
        .iter()
        .enumerate()
        .map(|(i, (nama, bagian, jumlah))| {
            let y = i as f64 * row + 2.0;
            let p = persen(*bagian, *jumlah);
            view! {
                <g>
                    <title>{format!("{nama}: {bagian} / {jumlah}")}</title>
                    <text x="0" y=y + 13.0 class="grafik__label">{pendek(nama)}</text>
                    <rect x="0" y=y + 19.0 width=bar height="12" rx="3" class="grafik__grid"/>
                    <rect x="0" y=y + 19.0 width=(p / 100.0 * bar).max(1.0) height="12" rx="3" class=warna/>
                    <text x=bar + 6.0 y=y + 30.0 class="grafik__nilai">{format!("{}%", angka(lang, p))}</text>
                </g>
            }
        })
        .collect_view();
    let head = vec![
        dtext(lang, DKey::Unit).to_owned(),
        dtext(lang, DKey::Count).to_owned(),
        dtext(lang, DKey::People).to_owned(),
        dtext(lang, DKey::Percent).to_owned(),
    ];
    let rows = units
        .iter()
        .map(|(nama, a, n)| {
            vec![
                nama.clone(),
                a.to_string(),
                n.to_string(),
                format!("{}%", angka(lang, persen(*a, *n))),
            ]
        })
        .collect();
    view! {
        <svg class="grafik" viewBox=format!("0 0 {LEBAR} {tinggi}") role="img" aria-label=label>
            {bars}
        </svg>
        {tabel(lang, head, rows)}
    }
}

/// Capaian per sub-period as a line (0–120 %), with the 100 % line marked.
#[component]
pub fn Tren(values: Vec<Option<f64>>, names: Vec<String>, lang: Lang) -> impl IntoView {
    let (kiri, atas, tinggi) = (34.0, 10.0, 180.0);
    let plot = tinggi - 40.0;
    let n = values.len().max(1);
    let slot = (LEBAR - kiri - 6.0) / n as f64;
    let x = move |i: usize| kiri + slot * i as f64 + slot / 2.0;
    let y = move |v: f64| atas + plot - v.clamp(0.0, 120.0) / 120.0 * plot;
    // The line breaks where a sub-period has no value.
    let mut paths = Vec::new();
    let mut current = String::new();
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => {
                let cmd = if current.is_empty() { 'M' } else { 'L' };
                current.push_str(&format!("{cmd}{:.1} {:.1} ", x(i), y(*v)));
            }
            None if !current.is_empty() => paths.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        paths.push(current);
    }
    let grid = [0.0, 50.0, 100.0, 120.0]
        .into_iter()
        .map(|g| {
            let class = if g == 100.0 { "grafik__target" } else { "grafik__grid" };
            view! {
                <line x1=kiri x2=LEBAR - 4.0 y1=y(g) y2=y(g) class=class/>
                <text x=kiri - 4.0 y=y(g) + 4.0 text-anchor="end" class="grafik__sumbu">{format!("{g}")}</text>
            }
        })
        .collect_view();
    let points = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i, v)))
        .map(|(i, v)| {
            let label = format!("{}: {}%", names.get(i).cloned().unwrap_or_default(), angka(lang, v));
            view! { <circle cx=x(i) cy=y(v) r="4" class="grafik__titik"><title>{label}</title></circle> }
        })
        .collect_view();
    let step = if n > 6 { 2 } else { 1 };
    let ticks = names
        .iter()
        .enumerate()
        .filter(|(i, _)| i % step == 0)
        .map(|(i, nm)| {
            let short: String = nm.chars().take(3).collect();
            view! { <text x=x(i) y=tinggi - 10.0 text-anchor="middle" class="grafik__sumbu">{short}</text> }
        })
        .collect_view();
    let head = vec![
        dtext(lang, DKey::Period).to_owned(),
        dtext(lang, DKey::Achievement).to_owned(),
    ];
    let rows = values
        .iter()
        .zip(&names)
        .map(|(v, nm)| {
            vec![
                nm.clone(),
                v.map_or("—".to_owned(), |v| format!("{}%", angka(lang, v))),
            ]
        })
        .collect();
    view! {
        <svg class="grafik" viewBox=format!("0 0 {LEBAR} {tinggi}") role="img" aria-label=dtext(lang, DKey::TrendChart)>
            {grid}
            {paths.into_iter().map(|d| view! { <path d=d class="grafik__garis"/> }).collect_view()}
            {points}
            {ticks}
        </svg>
        {tabel(lang, head, rows)}
    }
}

fn predikat_class(p: Predikat) -> &'static str {
    match p {
        Predikat::SangatBaik => "donat__seg donat__seg--sangat-baik",
        Predikat::Baik => "donat__seg donat__seg--baik",
        Predikat::ButuhPerbaikan => "donat__seg donat__seg--butuh-perbaikan",
        Predikat::Kurang => "donat__seg donat__seg--kurang",
        Predikat::SangatKurang => "donat__seg donat__seg--sangat-kurang",
    }
}

/// The predikat spread as a donut: one arc per predikat (circle strokes with a dash pattern),
/// the total in the middle, a legend with the counts.
#[component]
pub fn Donat(hitungan: Hitungan, lang: Lang) -> impl IntoView {
    let r = 60.0;
    let keliling = 2.0 * std::f64::consts::PI * r;
    let total = hitungan.total().max(1) as f64;
    let mut offset = 0.0;
    let arcs = Predikat::ALL
        .iter()
        .filter(|p| hitungan.get(**p) > 0)
        .map(|p| {
            let len = hitungan.get(*p) as f64 / total * keliling;
            let arc = view! {
                <circle cx="90" cy="90" r=r class=predikat_class(*p)
                    stroke-dasharray=format!("{len:.2} {:.2}", keliling - len)
                    stroke-dashoffset=format!("{:.2}", -offset)
                    transform="rotate(-90 90 90)">
                    <title>{format!("{}: {}", text(lang, labels::predikat(*p)), hitungan.get(*p))}</title>
                </circle>
            };
            offset += len;
            arc
        })
        .collect_view();
    let legend = Predikat::ALL
        .iter()
        .map(|p| {
            view! {
                <li><svg class="legenda__tanda" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" rx="2" class=predikat_class(*p)/></svg>
                {format!("{}: {}", text(lang, labels::predikat(*p)), hitungan.get(*p))}</li>
            }
        })
        .collect_view();
    view! {
        <div class="donat">
            <svg class="donat__svg" viewBox="0 0 180 180" role="img" aria-label=dtext(lang, DKey::Spread)>
                <circle cx="90" cy="90" r=r class="donat__alas"/>
                {arcs}
                <text x="90" y="98" text-anchor="middle" class="donat__total">{hitungan.total()}</text>
            </svg>
            <ul class="legenda legenda--kolom">{legend}</ul>
        </div>
    }
}
