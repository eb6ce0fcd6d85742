//! `/pengembangan/kepegawaian`: the HR office's screen — the verification queue, the 20 JP
//! compliance of the instansi per unit, and the competency list.

use kinerja_api::pengembangan::{
    BuatKompetensi, CatatanPengembangan, KelompokKompetensi, KepatuhanJp, Kompetensi,
    StatusCatatan, VerifikasiCatatan,
};
use kinerja_api::{Page, PageQuery};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::kebutuhan::ALL;
use super::{PagerSignal, YearPicker, bentuk_label, grafik, jp_text, this_year};
use crate::api::{self, ApiError};
use crate::components::ErrorAlert;
use crate::forms::FieldErrors;
use crate::i18n::pengembangan::{PKey, ptext, tp};
use crate::i18n::{fill, use_i18n};
use crate::labels;

#[component]
pub fn PengembanganHrPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        document().set_title(&format!("{} · Kinerja", ptext(i18n.lang(), PKey::HrTitle)));
    });
    let year = RwSignal::new(this_year());
    let version = RwSignal::new(0u32);
    view! {
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title">{tp(PKey::HrTitle)}</h1>
                <p class="page-header__intro">{tp(PKey::HrIntro)}</p>
            </div>
            <div class="page-header__actions filters"><YearPicker year=year/></div>
        </header>
        <Queue version=version/>
        <Compliance year=year version=version/>
        <Competencies/>
    }
}

#[component]
fn Queue(version: RwSignal<u32>) -> impl IntoView {
    let list = RwSignal::new(None::<Result<Page<CatatanPengembangan>, ApiError>>);
    Effect::new(move |_| {
        version.track();
        spawn_local(async move {
            list.set(Some(
                api::pengembangan::catatan(None, Some(StatusCatatan::Menunggu), ALL).await,
            ));
        });
    });
    view! {
        <section class="card card--flush">
            <h2 class="card__title card__title--padded">{tp(PKey::Queue)}</h2>
            {move || match list.get() {
                None => view! { <p class="card__body muted">{tp(PKey::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <div class="card__body"><ErrorAlert error=e/></div> }.into_any(),
                Some(Ok(p)) if p.items.is_empty() => view! { <p class="empty muted">{tp(PKey::QueueEmpty)}</p> }.into_any(),
                Some(Ok(p)) => view! {
                    <ul class="records">
                        {p.items.into_iter().map(|r| view! { <QueueItem record=r version=version/> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn QueueItem(record: CatatanPengembangan, version: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let id = record.id;
    let lock_version = record.lock_version;
    let decide = move |terima: bool| {
        let request = VerifikasiCatatan {
            lock_version,
            terima,
            catatan: Some(note.get_untracked().trim().to_owned()).filter(|c| !c.is_empty()),
        };
        busy.set(true);
        spawn_local(async move {
            match api::pengembangan::verifikasi(id, &request).await {
                Ok(_) => version.update(|v| *v += 1),
                Err(e) => {
                    errors.set(e.field_errors());
                    failure.set(Some(e));
                }
            }
            busy.set(false);
        });
    };
    let r = record.clone();
    let cert = r.sertifikat.clone();
    view! {
        <li class="record">
            <div class="record__main">
                <p class="record__title"><strong>{r.pegawai_nama.clone()}</strong> " · " {r.nama.clone()}</p>
                <p class="muted">
                    {move || bentuk_label(r.bentuk, i18n.lang())} " · " {r.penyelenggara.clone()} " · "
                    {move || labels::long_date(i18n.lang(), r.tanggal_mulai)} " – " {move || labels::long_date(i18n.lang(), r.tanggal_selesai)}
                    " · " {move || format!("{} JP", jp_text(i18n.lang(), r.jp))}
                </p>
                <p>
                    {match cert {
                        Some(s) => {
                            let name = s.nama.clone();
                            view! { <button type="button" class="btn btn--secondary btn--small" on:click=move |_| {
                                let name = name.clone();
                                spawn_local(async move { if let Err(e) = api::pengembangan::unduh_sertifikat(id, &name).await { failure.set(Some(e)); } });
                            }>{tp(PKey::Download)} " " {s.nama.clone()}</button> }.into_any()
                        }
                        None => view! { <span class="muted">{tp(PKey::NoCertificate)}</span> }.into_any(),
                    }}
                </p>
                {move || failure.get().filter(|e| e.field_errors().is_empty()).map(|e| view! { <ErrorAlert error=e/> })}
                <div class="decide">
                    <div class="field">
                        <label class="field__label" for=format!("vnote-{id}")>{tp(PKey::VerifyNote)}</label>
                        <input id=format!("vnote-{id}") class="field__input" bind:value=note maxlength="2000"/>
                        <p class="field__error" role="alert">{move || errors.with(|e| e.get("catatan").map(|m| m.iter().map(|t| i18n.message(t)).collect::<Vec<_>>().join(" ")))}</p>
                    </div>
                    <div class="form-actions">
                        <button type="button" class="btn btn--primary" disabled=move || busy.get() on:click=move |_| decide(true)>{tp(PKey::Verify)}</button>
                        <button type="button" class="btn btn--secondary" disabled=move || busy.get() on:click=move |_| decide(false)>{tp(PKey::Reject)}</button>
                    </div>
                </div>
            </div>
        </li>
    }
}

#[component]
fn Compliance(year: RwSignal<i32>, version: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let page = RwSignal::new(1u64);
    let data = RwSignal::new(None::<Result<KepatuhanJp, ApiError>>);
    Effect::new(move |_| {
        let y = year.get();
        let p = page.get();
        version.track();
        spawn_local(async move {
            data.set(Some(
                api::pengembangan::kepatuhan(
                    None,
                    y,
                    PageQuery {
                        page: p,
                        per_page: 20,
                    },
                )
                .await,
            ));
        });
    });
    view! {
        <section class="card dev-card">
            <h2 class="card__title">{tp(PKey::Compliance)}</h2>
            {move || match data.get() {
                None => view! { <p class="muted">{tp(PKey::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorAlert error=e/> }.into_any(),
                Some(Ok(k)) => {
                    let u = k.unit.clone();
                    let pages = k.kurang.total.div_ceil(k.kurang.per_page.max(1)).max(1);
                    view! {
                        <p class="jp__figure">{move || fill(ptext(i18n.lang(), PKey::ComplianceOf), &[
                            ("ok", &u.memenuhi.to_string()), ("n", &u.jumlah_pegawai.to_string()), ("p", &u.persen.to_string()),
                        ])}</p>
                        {(!k.sub_unit.is_empty()).then(|| view! { <grafik::KepatuhanPerUnit units=k.sub_unit.clone() lang=i18n.lang()/> })}
                        <h3 class="card__subtitle">{tp(PKey::Below)}</h3>
                        {if k.kurang.items.is_empty() {
                            view! { <p class="muted">{tp(PKey::BelowEmpty)}</p> }.into_any()
                        } else {
                            view! {
                                <div class="table-wrap"><table class="table">
                                    <thead><tr>
                                        <th scope="col">{tp(PKey::Name)}</th>
                                        <th scope="col">{tp(PKey::Unit)}</th>
                                        <th scope="col" class="num">{tp(PKey::Jp)}</th>
                                    </tr></thead>
                                    <tbody>{k.kurang.items.iter().map(|p| view! {
                                        <tr><td>{p.nama.clone()}<br/><span class="muted">{p.nip.clone()}</span></td>
                                        <td>{p.unit_nama.clone().unwrap_or_default()}</td>
                                        <td class="num">{jp_text(i18n.lang(), p.jp_terverifikasi)}</td></tr>
                                    }).collect_view()}</tbody>
                                </table></div>
                                <PagerSignal page=page pages=pages/>
                            }.into_any()
                        }}
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn Competencies() -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(0u32);
    let list = RwSignal::new(None::<Result<Vec<Kompetensi>, ApiError>>);
    Effect::new(move |_| {
        version.track();
        spawn_local(async move {
            list.set(Some(api::pengembangan::kompetensi(true).await));
        });
    });
    let nama = RwSignal::new(String::new());
    let kelompok = RwSignal::new("teknis".to_owned());
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = BuatKompetensi {
            nama: nama.get_untracked().trim().to_owned(),
            kelompok: KelompokKompetensi::parse(&kelompok.get_untracked())
                .unwrap_or(KelompokKompetensi::Teknis),
            nilai_berakhlak: None,
            deskripsi: None,
        };
        spawn_local(async move {
            match api::pengembangan::buat_kompetensi(&request).await {
                Ok(_) => {
                    nama.set(String::new());
                    errors.set(FieldErrors::new());
                    failure.set(None);
                    version.update(|v| *v += 1);
                }
                Err(e) => {
                    errors.set(e.field_errors());
                    failure.set(Some(e));
                }
            }
        });
    };
    let group = move |k: KelompokKompetensi| match k {
        KelompokKompetensi::Teknis => ptext(i18n.lang(), PKey::Teknis),
        KelompokKompetensi::Manajerial => ptext(i18n.lang(), PKey::Manajerial),
        KelompokKompetensi::SosialKultural => ptext(i18n.lang(), PKey::SosialKultural),
    };
    view! {
        <section class="card card--flush">
            <h2 class="card__title card__title--padded">{tp(PKey::Competencies)}</h2>
            <form class="card__body form form--wide" on:submit=submit novalidate>
                {move || failure.get().filter(|e| e.field_errors().is_empty()).map(|e| view! { <ErrorAlert error=e/> })}
                <div class="field">
                    <label class="field__label" for="komp-nama">{tp(PKey::Competency)}</label>
                    <input id="komp-nama" class="field__input" bind:value=nama maxlength="200"/>
                    <p class="field__error" role="alert">{move || errors.with(|e| e.get("nama").map(|m| m.iter().map(|t| i18n.message(t)).collect::<Vec<_>>().join(" ")))}</p>
                </div>
                <div class="field">
                    <label class="field__label" for="komp-kelompok">{tp(PKey::Group)}</label>
                    <select id="komp-kelompok" class="field__input field__select" bind:value=kelompok>
                        <option value="teknis">{tp(PKey::Teknis)}</option>
                        <option value="manajerial">{tp(PKey::Manajerial)}</option>
                        <option value="sosial_kultural">{tp(PKey::SosialKultural)}</option>
                    </select>
                </div>
                <button type="submit" class="btn btn--primary">{tp(PKey::NewCompetency)}</button>
            </form>
            {move || match list.get() {
                None => view! { <p class="card__body muted">{tp(PKey::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <div class="card__body"><ErrorAlert error=e/></div> }.into_any(),
                Some(Ok(l)) => view! {
                    <div class="table-wrap"><table class="table">
                        <thead><tr>
                            <th scope="col">{tp(PKey::Competency)}</th>
                            <th scope="col">{tp(PKey::Group)}</th>
                            <th scope="col">{tp(PKey::Status)}</th>
                        </tr></thead>
                        <tbody>{l.into_iter().map(|k| view! {
                            <tr><td>{k.nama.clone()}</td><td>{move || group(k.kelompok)}</td>
                            <td>{move || ptext(i18n.lang(), if k.aktif { PKey::Active } else { PKey::Inactive })}</td></tr>
                        }).collect_view()}</tbody>
                    </table></div>
                }.into_any(),
            }}
        </section>
    }
}
