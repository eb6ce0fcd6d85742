//! The parts of a survey's page beyond the result: the unit's trend (SVG line), the result
//! per respondent profile, paper forms (one by one, or a filled template: checked first, then
//! stored all or nothing) and the follow-up plan for the weakest unsur.

use std::rc::Rc;

use chrono::NaiveDate;
use kinerja_api::PageQuery;
use kinerja_api::employees::EmployeeQuery;
use kinerja_api::ikm::Unsur;
use kinerja_api::survei::{
    HasilSurvei, JenisKelamin, KelompokUsia, Pekerjaan, Pendidikan, Survei, TitikTrenSurvei,
};
use kinerja_api::survei_kertas::{EntriKertas, LaporanImpor, PilihanProfil};
use kinerja_api::survei_tindak::{
    BuatTindakLanjut, DimensiProfil, StatusTindakLanjut, TindakLanjut, UbahTindakLanjut,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::unsur_nama;
use crate::api::{self, ApiError};
use crate::components::{Alert, AlertKind, ErrorAlert};
use crate::i18n::survei::{SKey, stext, ts};
use crate::i18n::{Lang, fill, use_i18n};

type Loaded<T> = RwSignal<Option<Result<T, ApiError>>>;

/// The unit's IKM over its surveys, as a line on 25–100 with the figures in a table.
#[component]
pub fn Tren(id: Uuid) -> impl IntoView {
    let tren: Loaded<Vec<TitikTrenSurvei>> = RwSignal::new(None);
    spawn_local(async move { tren.set(Some(api::survei::tren(id).await)) });
    let i18n = use_i18n();
    move || match tren.get() {
        Some(Ok(list)) if list.iter().filter(|t| t.ikm.is_some()).count() >= 2 => {
            let lang = i18n.lang();
            let (w, h, kiri, bawah) = (640.0_f64, 200.0_f64, 36.0_f64, 28.0_f64);
            let n = list.len();
            let x = move |i: usize| {
                kiri + 12.0 + i as f64 * (w - kiri - 24.0) / ((n - 1).max(1) as f64)
            };
            let y =
                move |v: f64| 8.0 + (1.0 - ((v - 25.0) / 75.0).clamp(0.0, 1.0)) * (h - bawah - 8.0);
            let mut d = String::new();
            for (i, t) in list.iter().enumerate() {
                if let Some(v) = t.ikm {
                    d.push_str(&format!(
                        "{}{:.1} {:.1} ",
                        if d.is_empty() { "M" } else { "L" },
                        x(i),
                        y(v)
                    ));
                }
            }
            let grid = [25.0, 50.0, 75.0, 100.0]
                .into_iter()
                .map(|v| {
                    view! {
                        <line x1=kiri y1=y(v) x2=w y2=y(v) class="grafik__grid"/>
                        <text x="0" y=y(v) + 4.0 class="grafik__sumbu">{v}</text>
                    }
                })
                .collect_view();
            let titik = list
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let label = super::label_span(t.jenis_periode, t.periode_ke, t.tahun, lang);
                    let nilai = t.ikm.map(|v| view! {
                        <circle cx=x(i) cy=y(v) r="5" class="grafik__titik"/>
                        <text x=x(i) y=y(v) - 10.0 text-anchor="middle" class="grafik__nilai">{format!("{v:.2}")}</text>
                    });
                    // The end labels stay inside the chart.
                    let anchor = if i == 0 && n > 1 { "start" } else if i + 1 == n && n > 1 { "end" } else { "middle" };
                    let lx = if anchor == "start" { x(i) - 12.0 } else if anchor == "end" { x(i) + 12.0 } else { x(i) };
                    view! {
                        {nilai}
                        <text x=lx y=h - 6.0 text-anchor=anchor class="grafik__sumbu">{label}</text>
                    }
                })
                .collect_view();
            let rows = list
                .iter()
                .map(|t| {
                    view! {
                        <tr><th scope="row">{super::label_span(t.jenis_periode, t.periode_ke, t.tahun, lang)}</th>
                        <td class="num">{t.ikm.map_or("–".to_owned(), |v| format!("{v:.2}"))}</td>
                        <td>{t.mutu.map(|m| m.as_str())}</td><td class="num">{t.responden}</td></tr>
                    }
                })
                .collect_view();
            view! {
                <h3 class="form-subheading">{ts(SKey::Trend)}</h3>
                <svg class="grafik" viewBox=format!("0 0 {w} {h}") role="img" aria-label=stext(lang, SKey::Trend)>
                    {grid}
                    <path d=d.trim_end().to_owned() class="grafik__garis"/>
                    {titik}
                </svg>
                <details class="details">
                    <summary>{ts(SKey::AsTable)}</summary>
                    <table class="table">
                        <thead><tr><th scope="col">{ts(SKey::Periode)}</th><th scope="col" class="num">{ts(SKey::Ikm)}</th><th scope="col">{ts(SKey::Mutu)}</th><th scope="col" class="num">{ts(SKey::Responses)}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </details>
            }
            .into_any()
        }
        _ => ().into_any(),
    }
}

/// A profile answer in the reader's language.
fn profil_label(dimensi: DimensiProfil, nilai: Option<&str>, lang: Lang) -> String {
    let Some(nilai) = nilai else {
        return stext(lang, SKey::NotAnswered).to_owned();
    };
    if lang == Lang::Id {
        let label = match dimensi {
            DimensiProfil::JenisKelamin => JenisKelamin::parse(nilai).map(|v| v.label_profil()),
            DimensiProfil::Usia => KelompokUsia::parse(nilai).map(|v| v.label_profil()),
            DimensiProfil::Pendidikan => Pendidikan::parse(nilai).map(|v| v.label_profil()),
            DimensiProfil::Pekerjaan => Pekerjaan::parse(nilai).map(|v| v.label_profil()),
        };
        return label.unwrap_or(nilai).to_owned();
    }
    let en = match nilai {
        "laki_laki" => "Male",
        "perempuan" => "Female",
        "di_bawah_20" => "Under 20",
        "20_29" => "20–29",
        "30_39" => "30–39",
        "40_49" => "40–49",
        "50_59" => "50–59",
        "60_ke_atas" => "60 and over",
        "tidak_sekolah" => "No schooling",
        "sd" => "Primary school",
        "smp" => "Junior high school",
        "sma" => "Senior high school",
        "diploma" => "Diploma",
        "s1" => "Bachelor's degree",
        "s2" => "Master's degree",
        "s3" => "Doctorate",
        "pns_tni_polri" => "Civil servant, military, police",
        "pegawai_swasta" => "Private employee",
        "wiraswasta" => "Self-employed",
        "pelajar_mahasiswa" => "Student",
        "ibu_rumah_tangga" => "Homemaker",
        "tidak_bekerja" => "Not working",
        "lainnya" => "Other",
        other => other,
    };
    en.to_owned()
}

fn dimensi_key(d: DimensiProfil) -> SKey {
    match d {
        DimensiProfil::JenisKelamin => SKey::JenisKelamin,
        DimensiProfil::Usia => SKey::Usia,
        DimensiProfil::Pendidikan => SKey::Pendidikan,
        DimensiProfil::Pekerjaan => SKey::Pekerjaan,
    }
}

/// The IKM per respondent profile group, one table per question.
#[component]
pub fn PerProfil(hasil: HasilSurvei, lang: Lang) -> impl IntoView {
    let tables = hasil
        .per_profil
        .into_iter()
        .filter(|p| !p.kelompok.is_empty())
        .map(|p| {
            let d = p.dimensi;
            let rows = p
                .kelompok
                .into_iter()
                .map(|k| view! {
                    <tr><th scope="row">{profil_label(d, k.nilai.as_deref(), lang)}</th>
                    <td class="num">{k.hasil.responden}</td>
                    <td class="num">{k.ikm_tampil.map_or("–".to_owned(), |v| format!("{v:.2}"))}</td>
                    <td>{k.hasil.mutu.map(|m| m.as_str())}</td></tr>
                })
                .collect_view();
            view! {
                <div class="table-wrap">
                    <table class="table">
                        <caption>{stext(lang, dimensi_key(d))}</caption>
                        <thead><tr><th scope="col">{stext(lang, SKey::Group)}</th><th scope="col" class="num">{stext(lang, SKey::Responses)}</th><th scope="col" class="num">{stext(lang, SKey::Ikm)}</th><th scope="col">{stext(lang, SKey::Mutu)}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
        .collect_view();
    view! {
        <h3 class="form-subheading">{stext(lang, SKey::PerProfil)}</h3>
        <div class="skm-profil">{tables}</div>
    }
}

/// Paper forms: one entered by hand, or a filled template (checked, then stored all or none).
/// `changed` runs after responses were stored.
#[component]
pub fn Kertas(s: Survei, changed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let id = s.id;
    let layanan = RwSignal::new(s.layanan.first().cloned().unwrap_or_default());
    let jawaban: [RwSignal<String>; 9] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let failure = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let simpan = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let nilai = |i: usize| jawaban[i].get_untracked().parse::<u8>().ok();
        let request = EntriKertas {
            layanan: layanan.get_untracked(),
            u1: nilai(0),
            u2: nilai(1),
            u3: nilai(2),
            u4: nilai(3),
            u5: nilai(4),
            u6: nilai(5),
            u7: nilai(6),
            u8: nilai(7),
            u9: nilai(8),
            jenis_kelamin: None,
            usia: None,
            pendidikan: None,
            pekerjaan: None,
            saran: None,
        };
        busy.set(true);
        spawn_local(async move {
            match api::survei::entri_kertas(id, &request).await {
                Ok(_) => {
                    failure.set(None);
                    done.set(Some(stext(i18n.lang(), SKey::PaperSaved).to_owned()));
                    for j in jawaban {
                        j.set(String::new());
                    }
                    changed.run(());
                }
                Err(e) => {
                    done.set(None);
                    failure.set(Some(e));
                }
            }
            busy.set(false);
        });
    };
    let selects = Unsur::ALL
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let u = *u;
            let name = format!("kertas-u{}", i + 1);
            let labels = u.label_jawaban();
            view! {
                <div class="field field--compact">
                    <label class="field__label" for=name.clone()>{u.kode()} " " {move || unsur_nama(u, i18n.lang())}</label>
                    <select id=name class="field__input field__select" bind:value=jawaban[i]>
                        <option value="">"–"</option>
                        {labels.iter().enumerate().map(|(v, l)| view! { <option value=(v + 1).to_string()>{format!("{} — {l}", v + 1)}</option> }).collect_view()}
                    </select>
                </div>
            }
        })
        .collect_view();
    let services = s
        .layanan
        .iter()
        .map(|l| view! { <option value=l.clone()>{l.clone()}</option> })
        .collect_view();
    view! {
        <section class="card card--flush">
            <h2 class="card__title card__title--padded">{ts(SKey::Paper)}</h2>
            <div class="card__body">
                <p class="muted">{ts(SKey::PaperIntro)}</p>
                <form class="form form--wide" on:submit=simpan novalidate>
                    <div class="field">
                        <label class="field__label" for="kertas-layanan">{ts(SKey::Layanan)}</label>
                        <select id="kertas-layanan" class="field__input field__select" bind:value=layanan>{services}</select>
                    </div>
                    <div class="form-grid skm-kertas">{selects}</div>
                    {move || failure.get().map(|e| view! { <ErrorAlert error=e/> })}
                    {move || done.get().map(|m| view! { <Alert kind=AlertKind::Success message=Signal::derive(move || m.clone())/> })}
                    <div class="form-actions">
                        <button type="submit" class="btn btn--primary" disabled=move || busy.get()>{ts(SKey::PaperSave)}</button>
                    </div>
                </form>
                <Impor id=id kode=s.kode.clone() changed=changed/>
            </div>
        </section>
    }
}

/// The template, a file checked first, then stored all or nothing.
#[component]
fn Impor(id: Uuid, kode: String, changed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let file = RwSignal::new_local(None::<web_sys::File>);
    let report = RwSignal::new(None::<LaporanImpor>);
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let progress = RwSignal::new(0u8);
    let run = move |dry_run: bool| {
        let Some(f) = file.get_untracked() else {
            return;
        };
        busy.set(true);
        failure.set(None);
        let on_progress: api::Progress = Rc::new(move |p| progress.set(p));
        spawn_local(async move {
            match api::survei::impor(id, dry_run, &f, on_progress).await {
                Ok(r) => {
                    if r.disimpan > 0 {
                        changed.run(());
                    }
                    report.set(Some(r));
                }
                Err(e) => failure.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let template = move |_| {
        let nama = format!("templat-skm-{kode}.xlsx");
        spawn_local(async move {
            if let Err(e) = api::survei::unduh(id, "impor/templat.xlsx", &nama).await {
                failure.set(Some(e));
            }
        });
    };
    let summary = move || {
        report.get().map(|r| {
            let lang = i18n.lang();
            let line = if r.disimpan > 0 {
                fill(stext(lang, SKey::ImportStored), &[("n", &r.disimpan.to_string())])
            } else {
                fill(
                    stext(lang, SKey::ImportChecked),
                    &[("n", &r.jumlah_baris.to_string()), ("sah", &r.baris_sah.to_string())],
                )
            };
            let ready = r.dry_run && r.galat.is_empty() && r.jumlah_baris > 0;
            let rows = r
                .galat
                .iter()
                .map(|g| view! {
                    <tr><td class="num">{g.baris}</td><td>{g.kolom.clone()}</td>
                    <td>{if lang == Lang::Id { g.pesan.clone() } else { g.pesan_en.clone() }}</td></tr>
                })
                .collect_view();
            view! {
                <p role="status">{line}</p>
                {(!r.galat.is_empty()).then(|| view! {
                    <div class="table-wrap">
                        <table class="table">
                            <thead><tr><th scope="col" class="num">{ts(SKey::Row)}</th><th scope="col">{ts(SKey::Column)}</th><th scope="col">{ts(SKey::Problem)}</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                })}
                {ready.then(|| view! {
                    <button type="button" class="btn btn--primary" disabled=move || busy.get() on:click=move |_| run(false)>{ts(SKey::ImportCommit)}</button>
                })}
            }
        })
    };
    view! {
        <h3 class="form-subheading">{ts(SKey::Import)}</h3>
        <p class="muted">{ts(SKey::ImportIntro)}</p>
        <div class="row-actions">
            <button type="button" class="btn btn--secondary btn--small" on:click=template>{ts(SKey::Template)}</button>
        </div>
        <div class="field">
            <label class="field__label" for="impor-berkas">{ts(SKey::ImportFile)}</label>
            <input id="impor-berkas" type="file" accept=".xlsx,.csv" class="field__input" on:change=move |ev| {
                use wasm_bindgen::JsCast;
                let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
                file.set(input.and_then(|i| i.files()).and_then(|f| f.get(0)));
                report.set(None);
            }/>
        </div>
        <div class="form-actions">
            <button type="button" class="btn btn--secondary" disabled=move || busy.get() || file.with(Option::is_none) on:click=move |_| run(true)>{ts(SKey::ImportCheck)}</button>
            {move || busy.get().then(|| view! { <span class="muted">{format!("{} %", progress.get())}</span> })}
        </div>
        {move || failure.get().map(|e| view! { <ErrorAlert error=e/> })}
        {summary}
    }
}

fn status_key(s: StatusTindakLanjut) -> SKey {
    match s {
        StatusTindakLanjut::Rencana => SKey::TlRencana,
        StatusTindakLanjut::Berjalan => SKey::TlBerjalan,
        StatusTindakLanjut::Selesai => SKey::TlSelesai,
        StatusTindakLanjut::Dibatalkan => SKey::TlDibatalkan,
    }
}

/// The follow-up plan: the actions for the weakest unsur, who does them, by when, and how
/// far they are. Those who manage the survey add actions and move their status.
#[component]
pub fn TindakLanjutPlan(s: Survei, manages: Signal<bool>, prioritas: Vec<Unsur>) -> impl IntoView {
    let i18n = use_i18n();
    let id = s.id;
    let list: Loaded<Vec<TindakLanjut>> = RwSignal::new(None);
    spawn_local(async move { list.set(Some(api::survei::tindak_lanjut(id).await)) });
    let failure = RwSignal::new(None::<ApiError>);
    let ubah = move |t: TindakLanjut, status: StatusTindakLanjut| {
        let request = UbahTindakLanjut {
            lock_version: t.lock_version,
            unsur: None,
            tindakan: None,
            penanggung_jawab_id: None,
            jatuh_tempo: None,
            status: Some(status),
            catatan: None,
        };
        spawn_local(async move {
            match api::survei::ubah_tindak_lanjut(id, t.id, &request).await {
                Ok(updated) => {
                    failure.set(None);
                    list.update(|l| {
                        if let Some(Ok(items)) = l
                            && let Some(x) = items.iter_mut().find(|x| x.id == updated.id)
                        {
                            *x = updated;
                        }
                    });
                }
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    let table = move || match list.get() {
        None => ().into_any(),
        Some(Err(e)) => view! { <ErrorAlert error=e/> }.into_any(),
        Some(Ok(items)) if items.is_empty() => {
            view! { <p class="empty muted">{ts(SKey::TlEmpty)}</p> }.into_any()
        }
        Some(Ok(items)) => {
            let lang = i18n.lang();
            let rows = items
                .into_iter()
                .map(|t| {
                    let next: Vec<StatusTindakLanjut> = StatusTindakLanjut::ALL
                        .iter()
                        .copied()
                        .filter(|s| t.status.boleh_menjadi(*s))
                        .collect();
                    let status = t.status;
                    let t2 = t.clone();
                    view! {
                        <tr class:skm-prioritas=t.terlambat>
                            <td>{t.unsur_kode.clone()} " " {unsur_nama(t.unsur, lang)}</td>
                            <td>{t.tindakan.clone()}</td>
                            <td>{t.penanggung_jawab_nama.clone()}</td>
                            <td>{crate::labels::date(lang, t.jatuh_tempo)}{t.terlambat.then(|| format!(" · {}", stext(lang, SKey::TlLate)))}</td>
                            <td>{move || if manages.get() && !next.is_empty() {
                                let t2 = t2.clone();
                                let next = next.clone();
                                view! {
                                    <select class="field__input field__select" aria-label=stext(lang, SKey::Status) on:change=move |ev| {
                                        if let Some(s) = StatusTindakLanjut::parse(&event_target_value(&ev)) {
                                            ubah(t2.clone(), s);
                                        }
                                    }>
                                        <option value=status.as_str() selected=true>{stext(lang, status_key(status))}</option>
                                        {next.iter().map(|s| view! { <option value=s.as_str()>{stext(lang, status_key(*s))}</option> }).collect_view()}
                                    </select>
                                }.into_any()
                            } else {
                                view! { <span>{stext(lang, status_key(status))}</span> }.into_any()
                            }}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-wrap">
                    <table class="table">
                        <thead><tr><th scope="col">{ts(SKey::Unsur)}</th><th scope="col">{ts(SKey::TlAction)}</th><th scope="col">{ts(SKey::TlWho)}</th><th scope="col">{ts(SKey::TlDue)}</th><th scope="col">{ts(SKey::Status)}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <section class="card card--flush">
            <h2 class="card__title card__title--padded">{ts(SKey::TlTitle)}</h2>
            <div class="card__body">
                <p class="muted">{ts(SKey::TlIntro)}</p>
                {move || failure.get().map(|e| view! { <ErrorAlert error=e/> })}
                {table}
                <Show when=move || manages.get()>
                    <NewAction id=id unit_id=s.unit_id list=list prioritas=prioritas.clone()/>
                </Show>
            </div>
        </section>
    }
}

#[component]
fn NewAction(
    id: Uuid,
    unit_id: Uuid,
    list: Loaded<Vec<TindakLanjut>>,
    prioritas: Vec<Unsur>,
) -> impl IntoView {
    let i18n = use_i18n();
    let unsur = RwSignal::new(
        prioritas
            .first()
            .map(|u| u.kode().to_owned())
            .unwrap_or_else(|| "U1".to_owned()),
    );
    let tindakan = RwSignal::new(String::new());
    let pj = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let errors = RwSignal::new(crate::forms::FieldErrors::new());
    let failure = RwSignal::new(None::<ApiError>);
    let people = RwSignal::new(Vec::<(Uuid, String)>::new());
    spawn_local(async move {
        let q = EmployeeQuery {
            within: Some(unit_id),
            ..EmployeeQuery::default()
        };
        let page = PageQuery {
            page: 1,
            per_page: 100,
        };
        if let Ok(p) = api::employees::list(&q, page).await {
            people.set(
                p.items
                    .into_iter()
                    .map(|e| (e.id, e.nama_lengkap))
                    .collect(),
            );
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let u = Unsur::ALL
            .iter()
            .copied()
            .find(|u| u.kode() == unsur.get_untracked())
            .unwrap_or(Unsur::Persyaratan);
        let (Ok(pj_id), Ok(tanggal)) = (
            Uuid::parse_str(&pj.get_untracked()),
            NaiveDate::parse_from_str(&due.get_untracked(), "%Y-%m-%d"),
        ) else {
            let mut e = crate::forms::FieldErrors::new();
            if Uuid::parse_str(&pj.get_untracked()).is_err() {
                crate::forms::push(
                    &mut e,
                    "penanggung_jawab_id",
                    stext(i18n.lang(), SKey::TlWhoMissing),
                );
            }
            if NaiveDate::parse_from_str(&due.get_untracked(), "%Y-%m-%d").is_err() {
                crate::forms::push(
                    &mut e,
                    "jatuh_tempo",
                    stext(i18n.lang(), SKey::TlDueMissing),
                );
            }
            errors.set(e);
            return;
        };
        let request = BuatTindakLanjut {
            unsur: u,
            tindakan: tindakan.get_untracked().trim().to_owned(),
            penanggung_jawab_id: pj_id,
            jatuh_tempo: tanggal,
            catatan: None,
        };
        spawn_local(async move {
            match api::survei::buat_tindak_lanjut(id, &request).await {
                Ok(t) => {
                    list.update(|l| {
                        if let Some(Ok(items)) = l {
                            items.push(t);
                        } else {
                            *l = Some(Ok(vec![t]));
                        }
                    });
                    tindakan.set(String::new());
                    errors.set(Default::default());
                    failure.set(None);
                }
                Err(e) => {
                    errors.set(e.field_errors());
                    failure.set(Some(e));
                }
            }
        });
    };
    let err = crate::forms::field_text(errors);
    view! {
        <form class="form form--wide" on:submit=submit novalidate>
            <h3 class="form-subheading">{ts(SKey::TlNew)}</h3>
            <div class="form-grid">
                <div class="field">
                    <label class="field__label" for="tl-unsur">{ts(SKey::Unsur)}</label>
                    <select id="tl-unsur" class="field__input field__select" bind:value=unsur>
                        {Unsur::ALL.iter().map(|u| view! { <option value=u.kode()>{u.kode()} " " {move || unsur_nama(*u, i18n.lang())}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for="tl-pj">{ts(SKey::TlWho)}</label>
                    <select id="tl-pj" class="field__input field__select" bind:value=pj>
                        <option value="">"—"</option>
                        {move || people.get().into_iter().map(|(id, nama)| view! { <option value=id.to_string()>{nama}</option> }).collect_view()}
                    </select>
                    <p class="field__error" role="alert">{err("penanggung_jawab_id")}</p>
                </div>
                <div class="field">
                    <label class="field__label" for="tl-due">{ts(SKey::TlDue)}</label>
                    <input id="tl-due" type="date" class="field__input" bind:value=due/>
                    <p class="field__error" role="alert">{err("jatuh_tempo")}</p>
                </div>
            </div>
            <div class="field">
                <label class="field__label" for="tl-tindakan">{ts(SKey::TlAction)}</label>
                <textarea id="tl-tindakan" class="field__input field__textarea" rows="2" bind:value=tindakan></textarea>
                <p class="field__error" role="alert">{err("tindakan")}</p>
            </div>
            {move || failure.get().filter(|e| e.field_errors().is_empty()).map(|e| view! { <ErrorAlert error=e/> })}
            <div class="form-actions">
                <button type="submit" class="btn btn--primary">{ts(SKey::TlAdd)}</button>
            </div>
        </form>
    }
}
