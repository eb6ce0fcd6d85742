//! `/dasbor`: the dashboard of a unit for pimpinan and the HR office — the compliance of the
//! cycle per direct sub-unit (each count a link to the people behind it, each name a link one
//! level down) and the achievement charts; `/dasbor/pegawai`: the people behind one count,
//! each with a link to the page where the step is done. One request per view.

mod grafik;
mod rekap;

pub use rekap::RekapPage;

use kinerja_api::PageQuery;
use kinerja_api::dasbor::{
    BarisKepatuhan, Dasbor, Langkah, PegawaiDasbor, PegawaiLangkah, UnitJalur,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

use crate::api::{self, ApiError};
use crate::components::{ErrorAlert, Pager, sub_period_label};
use crate::i18n::pantau::{DKey, dtext, langkah, td};
use crate::i18n::{Lang, fill, text, use_i18n};
use crate::labels;

/// The steps in the order of the table's columns.
const KOLOM: [Langkah; 9] = [
    Langkah::SkpBelum,
    Langkah::SkpDraft,
    Langkah::SkpDiajukan,
    Langkah::SkpDisetujui,
    Langkah::RealisasiKosong,
    Langkah::BuktiMenunggu,
    Langkah::EvaluasiBelum,
    Langkah::KeberatanLewat,
    Langkah::PerbaikanLewat,
];

fn unit_query() -> Memo<Option<Uuid>> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| q.get("unit_id").and_then(|u| u.parse().ok())))
}

fn dasbor_href(unit: Uuid) -> String {
    format!("/dasbor?unit_id={unit}")
}

/// The recaps of the unit shown (the viewer's default unit when none).
fn rekap_href(unit: Option<Uuid>) -> String {
    unit.map_or_else(
        || "/dasbor/rekap".to_owned(),
        |u| format!("/dasbor/rekap?unit_id={u}"),
    )
}

fn orang_href(unit: Uuid, l: Langkah) -> String {
    format!("/dasbor/pegawai?unit_id={unit}&langkah={}", l.as_str())
}

#[component]
pub fn DasborPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        document().set_title(&format!("{} · Kinerja", dtext(i18n.lang(), DKey::Title)));
    });
    let unit = unit_query();
    let data = RwSignal::new(None::<Result<Dasbor, ApiError>>);
    Effect::new(move |_| {
        let u = unit.get();
        data.set(None);
        spawn_local(async move {
            data.set(Some(api::dasbor::dasbor(u).await));
        });
    });
    view! {
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title">{td(DKey::Title)}</h1>
                <p class="page-header__intro">{td(DKey::Intro)}</p>
            </div>
            <div class="page-header__actions">
                <A href=move || rekap_href(unit.get()) attr:class="btn btn--secondary">
                    {move || crate::i18n::rekap::rtext(i18n.lang(), crate::i18n::rekap::RKey::Link)}
                </A>
            </div>
        </header>
        // Reading the language here renders the page again when it changes.
        {move || match (i18n.lang(), data.get()).1 {
            None => view! { <p class="muted">{td(DKey::Loading)}</p> }.into_any(),
            Some(Err(e)) => view! { <ErrorAlert error=e/> }.into_any(),
            Some(Ok(d)) => view! { <Isi d=d/> }.into_any(),
        }}
    }
}

/// The breadcrumb from the viewer's top unit to the one shown.
fn jalur(units: &[UnitJalur], lang: Lang) -> impl IntoView + use<> {
    let last = units.len().saturating_sub(1);
    view! {
        <nav class="jalur" aria-label=dtext(lang, DKey::Path)>
            <ol>{units.iter().enumerate().map(|(i, j)| {
                if i == last {
                    view! { <li aria-current="page">{j.nama.clone()}</li> }.into_any()
                } else {
                    let (href, nama) = (dasbor_href(j.unit_id), j.nama.clone());
                    view! { <li><A href=href>{nama}</A></li> }.into_any()
                }
            }).collect_view()}</ol>
        </nav>
    }
}

#[component]
fn Isi(d: Dasbor) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let p = d.periode.clone();
    let (ritme, tahun) = (p.ritme, p.tahun);
    let label = move |k: i32| sub_period_label(lang, ritme, tahun, k);
    let names: Vec<String> = (1..=p.jumlah_periode).map(label).collect();
    let period_line = fill(
        dtext(lang, DKey::PeriodLine),
        &[
            ("tahun", &p.tahun.to_string()),
            ("hari", &labels::long_date(lang, p.hari_ini)),
        ],
    );
    let ended = match p.periode_ke_terakhir {
        Some(k) => fill(dtext(lang, DKey::LastEnded), &[("p", &label(k))]),
        None => dtext(lang, DKey::NoneEnded).to_owned(),
    };
    let deadline = p.batas_penetapan_skp.map(|b| {
        let key = if p.lewat_batas_skp {
            DKey::DeadlinePassed
        } else {
            DKey::Deadline
        };
        fill(dtext(lang, key), &[("d", &labels::long_date(lang, b))])
    });
    // A kept dashboard is recounted in the background: say when it was counted.
    let kept = d.dihitung_pada.map(|at| {
        fill(
            dtext(lang, DKey::KeptAt),
            &[("waktu", &labels::datetime(lang, at))],
        )
    });
    let own = d.unit.clone();
    // Units in the charts: the sub-units with people, or the unit itself without sub-units.
    let chart_units: Vec<BarisKepatuhan> = if d.sub_unit.is_empty() {
        vec![own.clone()]
    } else {
        d.sub_unit
            .iter()
            .filter(|u| u.jumlah_pegawai > 0)
            .cloned()
            .collect()
    };
    let behind: Vec<(String, u64, u64)> = chart_units
        .iter()
        .map(|u| (u.nama.clone(), u.realisasi_kosong, u.jumlah_pegawai))
        .collect();
    // The line stops at the last ended sub-period: the current one is still being filled.
    let upto = usize::try_from(p.periode_ke_terakhir.unwrap_or(0)).unwrap_or(0);
    let trend: Vec<Option<f64>> = d
        .capaian
        .first()
        .map(|c| {
            c.per_periode
                .iter()
                .enumerate()
                .map(|(i, v)| v.filter(|_| i < upto))
                .collect()
        })
        .unwrap_or_default();
    let has_trend = trend.iter().any(Option::is_some);
    view! {
        {jalur(&d.jalur, lang)}
        <section class="card dasbor-ringkas">
            <p><strong>{period_line}</strong></p>
            <p>{ended}</p>
            {kept.map(|t| view! { <p class="muted">{t}</p> })}
            {deadline.map(|t| {
                let class = if p.lewat_batas_skp { "dasbor-peringatan" } else { "" };
                view! { <p class=class>{t}</p> }
            })}
        </section>
        <section class="card card--flush">
            <h2 class="card__title card__title--padded">{td(DKey::Compliance)}</h2>
            <div class="table-wrap"><table class="table dasbor-tabel">
                <thead><tr>
                    <th scope="col">{td(DKey::Unit)}</th>
                    <th scope="col" class="num">{td(DKey::People)}</th>
                    {KOLOM.iter().map(|l| view! { <th scope="col" class="num">{langkah(lang, *l)}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {d.sub_unit.iter().map(|u| baris(u, lang, false)).collect_view()}
                </tbody>
                <tfoot>{baris(&own, lang, true)}</tfoot>
            </table></div>
        </section>
        <div class="dasbor-grid">
            <section class="card dasbor-grafik">
                <h2 class="card__title">{td(DKey::SkpChart)}</h2>
                <grafik::SkpBertumpuk units=chart_units.clone() lang=lang/>
            </section>
            <section class="card dasbor-grafik">
                <h2 class="card__title">{td(DKey::BehindChart)}</h2>
                <grafik::BarPersen units=behind label=dtext(lang, DKey::BehindChart) lang=lang/>
            </section>
        </div>
        <h2 class="dasbor-bagian">{td(DKey::Achievement)}</h2>
        <div class="dasbor-grid">
        <section class="card dasbor-grafik">
            <h2 class="card__title">{td(DKey::TrendChart)}</h2>
            {if has_trend {
                view! { <grafik::Tren values=trend names=names.clone() lang=lang/> }.into_any()
            } else {
                view! { <p class="muted">{td(DKey::TrendNone)}</p> }.into_any()
            }}
            {(d.capaian.len() > 1).then(|| capaian_tabel(&d, &names, lang))}
        </section>
        <section class="card dasbor-grafik">
            <h2 class="card__title">{td(DKey::Spread)}</h2>
            {sebaran(&d, lang, d.periode_ke_predikat.map(label))}
        </section>
        <section class="card dasbor-grafik">
            <h2 class="card__title">{td(DKey::Jp)}</h2>
            <grafik::BarPersen
                units=d.jp.iter().map(|j| (j.nama.clone(), j.memenuhi, j.jumlah_pegawai)).collect()
                label=dtext(lang, DKey::Jp) lang=lang baik=true/>
        </section>
        </div>
        <section class="card card--flush">
            <h2 class="card__title card__title--padded">{td(DKey::Ikm)}</h2>
            {ikm(&d, lang)}
        </section>
    }
}

/// One line of the compliance table; each count a link to the people behind it.
fn baris(u: &BarisKepatuhan, lang: Lang, total: bool) -> impl IntoView + use<> {
    let name = if total {
        view! { <th scope="row">{fill(dtext(lang, DKey::AllOf), &[("unit", &u.nama)])}</th> }
            .into_any()
    } else {
        let label = fill(dtext(lang, DKey::DrillDown), &[("unit", &u.nama)]);
        let (href, nama) = (dasbor_href(u.unit_id), u.nama.clone());
        view! { <th scope="row"><A href=href attr:aria-label=label>{nama}</A></th> }.into_any()
    };
    let id = u.unit_id;
    let cells = KOLOM
        .iter()
        .map(|l| {
            let n = u.jumlah(*l);
            let behind = !matches!(l, Langkah::SkpDisetujui) && n > 0;
            let class = if behind { "num dasbor-sel dasbor-sel--tertinggal" } else { "num dasbor-sel" };
            if n == 0 {
                view! { <td class=class>"0"</td> }.into_any()
            } else {
                let label = format!("{}: {n} — {}", langkah(lang, *l), u.nama);
                view! { <td class=class><A href=orang_href(id, *l) attr:aria-label=label>{n}</A></td> }
                    .into_any()
            }
        })
        .collect_view();
    view! {
        <tr>
            {name}
            <td class="num">{u.jumlah_pegawai}</td>
            {cells}
        </tr>
    }
}

fn capaian_tabel(d: &Dasbor, names: &[String], lang: Lang) -> impl IntoView + use<> {
    let cell = move |v: Option<f64>| {
        v.map_or("—".to_owned(), |v| format!("{}%", grafik::angka(lang, v)))
    };
    view! {
        <details class="grafik__data">
            <summary>{dtext(lang, DKey::PerUnitCapaian)}</summary>
            <div class="table-wrap"><table class="table">
                <thead><tr>
                    <th scope="col">{dtext(lang, DKey::Unit)}</th>
                    {names.iter().map(|n| view! { <th scope="col" class="num">{n.clone()}</th> }).collect_view()}
                </tr></thead>
                <tbody>{d.capaian.iter().map(|c| view! {
                    <tr><th scope="row">{c.nama.clone()}</th>
                    {c.per_periode.iter().map(|v| view! { <td class="num">{cell(*v)}</td> }).collect_view()}</tr>
                }).collect_view()}</tbody>
            </table></div>
        </details>
    }
}

/// The predikat spread of sub-period `k` (named `label`), with the pattern that governs it.
fn sebaran(d: &Dasbor, lang: Lang, nama_k: Option<String>) -> impl IntoView + use<> {
    let Some(nama_k) = nama_k else {
        return view! { <p class="muted">{dtext(lang, DKey::SpreadNone)}</p> }.into_any();
    };
    let title = fill(dtext(lang, DKey::SpreadOf), &[("p", &nama_k)]);
    let h = d.sebaran_predikat;
    let chart = if h.total() == 0 {
        view! { <p class="muted">{dtext(lang, DKey::SpreadNone)}</p> }.into_any()
    } else {
        view! { <grafik::Donat hitungan=h lang=lang/> }.into_any()
    };
    let pola = match &d.pola {
        None => view! { <p class="muted">{dtext(lang, DKey::PatternNone)}</p> }.into_any(),
        Some(p) => {
            let org = p
                .predikat_organisasi
                .map(|o| text(lang, labels::predikat_org(o)))
                .unwrap_or("—");
            let head = fill(
                dtext(lang, DKey::Pattern),
                &[("unit", &p.unit_nama), ("p", org)],
            );
            view! {
                <h3 class="card__subtitle">{head}</h3>
                <div class="table-wrap"><table class="table">
                    <thead><tr>
                        <th scope="col">{dtext(lang, DKey::Predikat)}</th>
                        <th scope="col" class="num">{dtext(lang, DKey::Min)}</th>
                        <th scope="col" class="num">{dtext(lang, DKey::Max)}</th>
                        <th scope="col" class="num">{dtext(lang, DKey::Count)}</th>
                    </tr></thead>
                    <tbody>{p.kuota.iter().map(|q| {
                        let out = q.terpakai < q.min || q.terpakai > q.max;
                        view! {
                            <tr class=if out { "dasbor-sel--tertinggal" } else { "" }>
                                <th scope="row">{text(lang, labels::predikat(q.predikat))}</th>
                                <td class="num">{q.min}</td>
                                <td class="num">{q.max}</td>
                                <td class="num">{q.terpakai}{out.then(|| format!(" ({})", dtext(lang, DKey::OutOfPattern)))}</td>
                            </tr>
                        }
                    }).collect_view()}</tbody>
                </table></div>
            }
            .into_any()
        }
    };
    view! {
        <p>{title}</p>
        {chart}
        {pola}
    }
    .into_any()
}

fn ikm(d: &Dasbor, lang: Lang) -> impl IntoView + use<> {
    if d.ikm.is_empty() {
        return view! { <p class="empty muted">{dtext(lang, DKey::IkmNone)}</p> }.into_any();
    }
    view! {
        <div class="table-wrap"><table class="table">
            <thead><tr>
                <th scope="col">{dtext(lang, DKey::Unit)}</th>
                <th scope="col">{dtext(lang, DKey::Survey)}</th>
                <th scope="col" class="num">{"IKM"}</th>
                <th scope="col">{dtext(lang, DKey::Mutu)}</th>
                <th scope="col" class="num">{dtext(lang, DKey::Respondents)}</th>
            </tr></thead>
            <tbody>{d.ikm.iter().map(|s| view! {
                <tr>
                    <th scope="row">{s.unit_nama.clone()}</th>
                    <td>{s.judul.clone()}</td>
                    <td class="num">{s.ikm.map_or("—".to_owned(), |v| format!("{v:.2}").replace('.', if lang == Lang::Id { "," } else { "." }))}</td>
                    <td>{s.mutu.map_or("—", |m| m.as_str())}</td>
                    <td class="num">{s.responden}</td>
                </tr>
            }).collect_view()}</tbody>
        </table></div>
    }
    .into_any()
}

/// The link of one person to the page where their step is done, named for that page.
fn buka(p: &PegawaiLangkah, l: Langkah, lang: Lang) -> impl IntoView + use<> {
    let key = if p.skp_id.is_none() {
        DKey::OpenPegawai
    } else {
        match l {
            Langkah::SkpBelum
            | Langkah::SkpDraft
            | Langkah::SkpDiajukan
            | Langkah::SkpDisetujui => DKey::OpenSkp,
            Langkah::RealisasiKosong | Langkah::BuktiMenunggu => DKey::OpenRealisasi,
            _ => DKey::OpenEvaluasi,
        }
    };
    let label = format!("{} — {}", dtext(lang, key), p.nama);
    // The page belongs to another bundle: a plain link loads it from the server.
    view! { <a href=p.tautan.clone() class="btn btn--secondary btn--small" aria-label=label>{dtext(lang, key)}</a> }
}

#[component]
pub fn DasborPegawaiPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let unit = unit_query();
    let step =
        Memo::new(move |_| query.with(|q| q.get("langkah").and_then(|l| Langkah::parse(&l))));
    let page = Memo::new(move |_| {
        query.with(|q| {
            q.get("halaman")
                .and_then(|p| p.parse::<u64>().ok())
                .unwrap_or(1)
                .max(1)
        })
    });
    Effect::new(move |_| {
        let lang = i18n.lang();
        let title = step
            .get()
            .map_or(dtext(lang, DKey::Title), |l| langkah(lang, l));
        document().set_title(&format!("{title} · Kinerja"));
    });
    let data = RwSignal::new(None::<Result<PegawaiDasbor, ApiError>>);
    Effect::new(move |_| {
        let (u, l, p) = (unit.get(), step.get(), page.get());
        data.set(None);
        let Some(l) = l else {
            return;
        };
        spawn_local(async move {
            let q = PageQuery {
                page: p,
                per_page: 50,
            };
            data.set(Some(api::dasbor::pegawai(u, l, q).await));
        });
    });
    view! {
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title">{move || {
                    let lang = i18n.lang();
                    step.get().map_or(dtext(lang, DKey::Title).to_owned(), |l| {
                        fill(dtext(lang, DKey::PeopleTitle), &[("langkah", langkah(lang, l))])
                    })
                }}</h1>
            </div>
        </header>
        // Reading the language here renders the page again when it changes.
        {move || match (i18n.lang(), data.get()).1 {
            None if step.get().is_none() => view! { <p class="empty muted">{td(DKey::NoPeople)}</p> }.into_any(),
            None => view! { <p class="muted">{td(DKey::Loading)}</p> }.into_any(),
            Some(Err(e)) => view! { <ErrorAlert error=e/> }.into_any(),
            Some(Ok(d)) => view! { <Daftar d=d/> }.into_any(),
        }}
    }
}

#[component]
fn Daftar(d: PegawaiDasbor) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let unit = d.jalur.last().cloned();
    let (unit_id, unit_nama) = unit.map(|u| (Some(u.unit_id), u.nama)).unwrap_or_default();
    let p = d.pegawai;
    let l = d.langkah;
    let pages = p.pages();
    let back = fill(dtext(lang, DKey::BackToDashboard), &[("unit", &unit_nama)]);
    let of = fill(
        dtext(lang, DKey::PeopleOf),
        &[("n", &p.total.to_string()), ("unit", &unit_nama)],
    );
    let kept = d.dihitung_pada.map(|at| {
        fill(
            dtext(lang, DKey::ListKeptAt),
            &[("waktu", &labels::datetime(lang, at))],
        )
    });
    view! {
        {jalur(&d.jalur, lang)}
        {unit_id.map(|u| view! { <p><A href=dasbor_href(u)>{back}</A></p> })}
        <section class="card card--flush">
            <div class="card__body">
                <p>{of}</p>
                {kept.map(|t| view! { <p class="muted">{t}</p> })}
            </div>
            {if p.items.is_empty() {
                view! { <p class="empty muted">{td(DKey::NoPeople)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap"><table class="table dasbor-daftar">
                        <thead><tr>
                            <th scope="col">{dtext(lang, DKey::Name)}</th>
                            <th scope="col">{dtext(lang, DKey::Unit)}</th>
                            <th scope="col"><span class="sr-only">{dtext(lang, DKey::Open)}</span></th>
                        </tr></thead>
                        <tbody>{p.items.iter().map(|o| view! {
                            <tr>
                                <th scope="row">{o.nama.clone()}<br/><span class="muted">{o.nip.clone()}</span></th>
                                <td>{o.unit_nama.clone().unwrap_or_default()}</td>
                                <td>{buka(o, l, lang)}</td>
                            </tr>
                        }).collect_view()}</tbody>
                    </table></div>
                    <Pager path="/dasbor/pegawai" page=p.page pages=pages total=p.total/>
                }
                .into_any()
            }}
        </section>
    }
}
