//! `/skm/:id`: one survey — its status and the actions of those who manage it (open, close,
//! publish, the links and the QR poster), the result with its charts and table, and the
//! responses (the HR office voids one with a reason).

use kinerja_api::PageQuery;
use kinerja_api::ikm::dua_desimal;
use kinerja_api::survei::{
    HasilSurvei, ResponsSurvei, StatusSurvei, Survei, TautanSurvei, UbahSurvei,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::grafik::{BatangUnsur, Gauge};
use super::iki::IkiSurvei;
use super::kelola::{Kertas, PerProfil, TindakLanjutPlan, Tren};
use super::{kinerja_label, periode_label, status_key, unsur_nama};
use crate::api::{self, ApiError};
use crate::components::{Alert, AlertKind, ErrorAlert};
use crate::i18n::survei::{SKey, stext, ts};
use crate::i18n::{Lang, fill, use_i18n};

/// `/skm/:id`.
#[component]
pub fn SkmDetailPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| Uuid::parse_str(&v).ok()));
    let survei = RwSignal::new(None::<Result<Survei, ApiError>>);
    let hasil = RwSignal::new(None::<Result<HasilSurvei, ApiError>>);
    let tautan = RwSignal::new(None::<TautanSurvei>);
    // Outside the survey's view, which is drawn again when the survey changes.
    let saved = RwSignal::new(false);
    Effect::new(move |_| {
        let Some(id) = id() else {
            survei.set(Some(Err(ApiError::not_found())));
            return;
        };
        spawn_local(async move {
            survei.set(Some(api::survei::get(id).await));
            hasil.set(Some(api::survei::hasil(id).await));
            tautan.set(api::survei::tautan(id).await.ok());
        });
    });
    let i18n = use_i18n();
    Effect::new(move |_| {
        let judul = survei
            .with(|s| {
                s.as_ref()
                    .and_then(|s| s.as_ref().ok())
                    .map(|s| s.judul.clone())
            })
            .unwrap_or_else(|| stext(i18n.lang(), SKey::Title).to_owned());
        document().set_title(&format!("{judul} · Kinerja"));
    });
    view! {
        <p><A href="/skm" attr:class="back-link">{ts(SKey::Back)}</A></p>
        {move || match survei.get() {
            None => view! { <p class="muted">{move || if i18n.lang() == Lang::Id { "Memuat…" } else { "Loading…" }}</p> }.into_any(),
            Some(Err(e)) => view! { <ErrorAlert error=e/> }.into_any(),
            Some(Ok(s)) => {
                let manages = Signal::derive(move || tautan.get().is_some());
                let id = s.id;
                // Paper forms change the result and the list: read both again.
                let changed = Callback::new(move |()| {
                    spawn_local(async move { hasil.set(Some(api::survei::hasil(id).await)) });
                });
                let prioritas = hasil
                    .get_untracked()
                    .and_then(Result::ok)
                    .map(|h| h.hasil.prioritas)
                    .unwrap_or_default();
                let paper = s.clone();
                let iki_s = s.clone();
                view! {
                    <Kepala s=s.clone() survei=survei hasil=hasil tautan=tautan saved=saved/>
                    <Hasil hasil=hasil id=id/>
                    <TindakLanjutPlan s=s.clone() manages=manages prioritas=prioritas/>
                    <Show when=move || manages.get()>
                        <IkiSurvei s=iki_s.clone()/>
                    </Show>
                    <Show when=move || manages.get() && paper.status != StatusSurvei::Draft>
                        <Kertas s=paper.clone() changed=changed/>
                    </Show>
                    <Respons s=s hasil=hasil/>
                }.into_any()
            }
        }}
    }
}

/// Title, status, and the manager's actions.
#[component]
fn Kepala(
    s: Survei,
    survei: RwSignal<Option<Result<Survei, ApiError>>>,
    hasil: RwSignal<Option<Result<HasilSurvei, ApiError>>>,
    tautan: RwSignal<Option<TautanSurvei>>,
    saved: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let periode = periode_label(&s);
    let (id, lock, status) = (s.id, s.lock_version, s.status);
    let apply = move |answer: Result<Survei, ApiError>| {
        match answer {
            Ok(updated) => {
                survei.set(Some(Ok(updated)));
                failure.set(None);
                saved.set(true);
            }
            Err(e) => {
                saved.set(false);
                failure.set(Some(e));
            }
        }
        busy.set(false);
    };
    let transisi = move |aksi: &'static str| {
        if aksi == "tutup"
            && !window()
                .confirm_with_message(stext(i18n.lang(), SKey::CloseConfirm))
                .unwrap_or(false)
        {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let answer = api::survei::transition(id, aksi, lock).await;
            if answer.is_ok() {
                hasil.set(Some(api::survei::hasil(id).await));
            }
            apply(answer);
        });
    };
    let publish = move |on: bool| {
        busy.set(true);
        spawn_local(async move {
            let request = UbahSurvei {
                lock_version: lock,
                judul: None,
                populasi: None,
                layanan: None,
                pertanyaan: None,
                dipublikasikan: Some(on),
            };
            apply(api::survei::update(id, &request).await);
        });
    };
    let unduh = move |dokumen: &'static str, nama: String| {
        spawn_local(async move {
            if let Err(e) = api::survei::unduh(id, dokumen, &nama).await {
                failure.set(Some(e));
            }
        });
    };
    let kode = s.kode.clone();
    let manages = move || tautan.get().is_some();
    view! {
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title">{s.judul.clone()}</h1>
                <p class="page-header__intro">
                    {s.unit_nama.clone()} " · " {move || periode(i18n.lang())} " · "
                    <span class=format!("badge skm-status--{}", status.as_str())>{move || stext(i18n.lang(), status_key(status))}</span>
                </p>
            </div>
            <Show when=manages>
                <div class="page-header__actions">
                    {(status == StatusSurvei::Draft).then(|| view! {
                        <button type="button" class="btn btn--primary" disabled=move || busy.get() on:click=move |_| transisi("buka")>{ts(SKey::Open)}</button>
                    })}
                    {(status == StatusSurvei::Dibuka).then(|| view! {
                        <button type="button" class="btn btn--secondary" disabled=move || busy.get() on:click=move |_| transisi("tutup")>{ts(SKey::Close)}</button>
                    })}
                </div>
            </Show>
        </header>
        {move || failure.get().map(|e| {
            if e.status() == Some(409) {
                view! { <Alert kind=AlertKind::Error message=Signal::derive(move || stext(i18n.lang(), SKey::Stale).to_owned())/> }.into_any()
            } else {
                view! { <ErrorAlert error=e/> }.into_any()
            }
        })}
        {move || saved.get().then(|| view! { <Alert kind=AlertKind::Success message=Signal::derive(move || stext(i18n.lang(), SKey::Saved).to_owned())/> })}
        <Show when=manages>
            <section class="card card--flush">
                <h2 class="card__title card__title--padded">{ts(SKey::Links)}</h2>
                <div class="card__body">
                    {move || tautan.get().map(|t| {
                        let origin = window().location().origin().unwrap_or_default();
                        let form = format!("{origin}{}", t.formulir);
                        let kios = format!("{origin}{}", t.kios);
                        view! {
                            <dl class="details">
                                <div class="details__row"><dt>{ts(SKey::FormLink)}</dt><dd><a href=form.clone() target="_blank" rel="noopener" class="mono skm-link">{form.clone()}</a></dd></div>
                                <div class="details__row"><dt>{ts(SKey::KioskLink)}</dt><dd><a href=kios.clone() target="_blank" rel="noopener" class="mono skm-link">{ts(SKey::KioskLink)}</a><p class="field__hint">{ts(SKey::KioskHint)}</p></dd></div>
                            </dl>
                        }
                    })}
                    <div class="row-actions">
                        <button type="button" class="btn btn--secondary btn--small" on:click={
                            let kode = kode.clone();
                            move |_| unduh("poster.pdf", format!("poster-survei-{kode}.pdf"))
                        }>{ts(SKey::Poster)}</button>
                        <button type="button" class="btn btn--secondary btn--small" on:click={
                            let kode = kode.clone();
                            move |_| unduh("laporan.pdf", format!("laporan-skm-{kode}.pdf"))
                        }>{ts(SKey::ReportPdf)}</button>
                        <button type="button" class="btn btn--secondary btn--small" on:click={
                            let kode = kode.clone();
                            move |_| unduh("laporan.xlsx", format!("laporan-skm-{kode}.xlsx"))
                        }>{ts(SKey::ReportXlsx)}</button>
                    </div>
                    <label class="checkbox checkbox--row">
                        <input type="checkbox" prop:checked=s.dipublikasikan disabled=move || busy.get()
                            on:change=move |ev| publish(event_target_checked(&ev))/>
                        <span>{ts(SKey::Published)}</span>
                    </label>
                    <p class="field__hint">{ts(SKey::PublishHint)}</p>
                </div>
            </section>
        </Show>
    }
}

/// The result: gauge, bars, the table of NRR, priorities, per service.
#[component]
fn Hasil(hasil: RwSignal<Option<Result<HasilSurvei, ApiError>>>, id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    move || match hasil.get() {
        None => ().into_any(),
        Some(Err(e)) => view! { <ErrorAlert error=e/> }.into_any(),
        Some(Ok(h)) => {
            let lang = i18n.lang();
            let r = &h.hasil;
            if r.responden == 0 {
                return view! {
                    <section class="card card--flush"><h2 class="card__title card__title--padded">{ts(SKey::Result)}</h2>
                    <p class="empty muted">{ts(SKey::NoResponses)}</p></section>
                }
                .into_any();
            }
            let sampel = match r.sampel_minimum {
                Some(m) => fill(
                    stext(lang, SKey::SampleOf),
                    &[("n", &r.responden.to_string()), ("m", &m.to_string())],
                ),
                None => r.responden.to_string(),
            };
            let kurang = r.sampel_cukup == Some(false);
            let mutu = r.mutu.map(|m| m.as_str()).unwrap_or("–");
            let kinerja = r.kinerja_unit.map_or("–", |k| kinerja_label(k, lang));
            let gauge_label = format!(
                "{} {} — {}",
                stext(lang, SKey::Ikm),
                h.ikm_tampil.map_or("–".to_owned(), |v| format!("{v:.2}")),
                fill(
                    stext(lang, SKey::Csat),
                    &[("mutu", mutu), ("kinerja", kinerja)]
                )
            );
            let rows = r
                .nrr_per_unsur
                .iter()
                .map(|n| {
                    let prioritas = r.prioritas.contains(&n.unsur);
                    view! {
                        <tr class:skm-prioritas=prioritas>
                            <th scope="row">{n.unsur.kode()} " " {unsur_nama(n.unsur, lang)}</th>
                            <td class="num">{n.nrr.map_or("–".to_owned(), |v| format!("{:.2}", dua_desimal(v)))}</td>
                            <td class="num">{n.jumlah_jawaban}</td>
                            <td>{prioritas.then(|| stext(lang, SKey::Priority))}</td>
                        </tr>
                    }
                })
                .collect_view();
            let per_layanan = h
                .per_layanan
                .iter()
                .map(|l| view! {
                    <tr><th scope="row">{l.layanan.clone()}</th>
                    <td class="num">{l.hasil.responden}</td>
                    <td class="num">{l.ikm_tampil.map_or("–".to_owned(), |v| format!("{v:.2}"))}</td>
                    <td>{l.hasil.mutu.map(|m| m.as_str())}</td></tr>
                })
                .collect_view();
            let judul_grafik = stext(lang, SKey::Chart).to_owned();
            view! {
                <section class="card card--flush">
                    <h2 class="card__title card__title--padded">{ts(SKey::Result)}</h2>
                    <div class="card__body">
                        {kurang.then(|| view! { <Alert kind=AlertKind::Info message=Signal::derive(move || stext(i18n.lang(), SKey::SampleShort).to_owned())/> })}
                        <div class="skm-ringkas">
                            <Gauge ikm=r.ikm mutu=r.mutu label=gauge_label/>
                            <dl class="details">
                                <div class="details__row"><dt>{ts(SKey::Ikm)}</dt><dd class="stat__value">{h.ikm_tampil.map_or("–".to_owned(), |v| format!("{v:.2}"))}</dd></div>
                                <div class="details__row"><dt>{ts(SKey::Mutu)}</dt><dd>{mutu}</dd></div>
                                <div class="details__row"><dt>{ts(SKey::KinerjaUnit)}</dt><dd>{kinerja}</dd></div>
                                <div class="details__row"><dt>{ts(SKey::Sample)}</dt><dd>{sampel}</dd></div>
                            </dl>
                        </div>
                        {(h.dibatalkan > 0).then(|| view! { <p class="muted">{fill(stext(lang, SKey::Voided), &[("n", &h.dibatalkan.to_string())])}</p> })}
                        <h3 class="form-subheading">{ts(SKey::PerUnsur)}</h3>
                        <BatangUnsur hasil=r.clone() lang=lang judul=judul_grafik/>
                        <div class="table-wrap">
                            <table class="table">
                                <thead><tr><th scope="col">{ts(SKey::Unsur)}</th><th scope="col" class="num">{ts(SKey::Nrr)}</th><th scope="col" class="num">{ts(SKey::Answered)}</th><th scope="col">{ts(SKey::Priority)}</th></tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                        <Tren id=id/>
                        <h3 class="form-subheading">{ts(SKey::PerLayanan)}</h3>
                        <div class="table-wrap">
                            <table class="table">
                                <thead><tr><th scope="col">{ts(SKey::Layanan)}</th><th scope="col" class="num">{ts(SKey::Responses)}</th><th scope="col" class="num">{ts(SKey::Ikm)}</th><th scope="col">{ts(SKey::Mutu)}</th></tr></thead>
                                <tbody>{per_layanan}</tbody>
                            </table>
                        </div>
                        <PerProfil hasil=h.clone() lang=lang/>
                    </div>
                </section>
            }
            .into_any()
        }
    }
}

/// The responses (50 newest); the HR office voids one with a reason.
#[component]
fn Respons(s: Survei, hasil: RwSignal<Option<Result<HasilSurvei, ApiError>>>) -> impl IntoView {
    let i18n = use_i18n();
    // Only the HR office voids a response (the server checks it too).
    let can_void =
        crate::state::auth::use_auth().can(kinerja_api::auth::Permission::ManageOrganisation);
    let id = s.id;
    let voided = RwSignal::new(false);
    let items = RwSignal::new(None::<Result<Vec<ResponsSurvei>, ApiError>>);
    Effect::new(move |_| {
        let v = voided.get();
        spawn_local(async move {
            let page = PageQuery {
                page: 1,
                per_page: 50,
            };
            items.set(Some(
                api::survei::respons(id, v, page).await.map(|p| p.items),
            ));
        });
    });
    let failure = RwSignal::new(None::<ApiError>);
    let batalkan = move |rid: Uuid| {
        let Some(alasan) = window()
            .prompt_with_message(stext(i18n.lang(), SKey::VoidReason))
            .ok()
            .flatten()
        else {
            return;
        };
        spawn_local(async move {
            match api::survei::batalkan(id, rid, alasan).await {
                Ok(updated) => {
                    failure.set(None);
                    items.update(|l| {
                        if let Some(Ok(list)) = l {
                            if voided.get_untracked() {
                                if let Some(r) = list.iter_mut().find(|r| r.id == updated.id) {
                                    *r = updated;
                                }
                            } else {
                                list.retain(|r| r.id != updated.id);
                            }
                        }
                    });
                    hasil.set(Some(api::survei::hasil(id).await));
                }
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    view! {
        <section class="card card--flush">
            <h2 class="card__title card__title--padded">{ts(SKey::ResponseList)}</h2>
            <div class="filters">
                <label class="checkbox checkbox--inline">
                    <input type="checkbox" on:change=move |ev| voided.set(event_target_checked(&ev))/>
                    <span>{ts(SKey::ShowVoided)}</span>
                </label>
            </div>
            {move || failure.get().map(|e| view! { <div class="card__body"><ErrorAlert error=e/></div> })}
            {move || match items.get() {
                None => ().into_any(),
                Some(Err(e)) => view! { <div class="card__body"><ErrorAlert error=e/></div> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p class="empty muted">{ts(SKey::NoResponses)}</p> }.into_any(),
                Some(Ok(list)) => {
                    let lang = i18n.lang();
                    let rows = list.into_iter().map(|r| {
                        let rid = r.id;
                        let jawaban = r.jawaban.iter().map(|j| j.map_or("–".to_owned(), |v| v.to_string())).collect::<Vec<_>>().join(" ");
                        let sumber = stext(lang, if r.sumber.as_str() == "kertas" { SKey::Kertas } else { SKey::Daring });
                        let batal = r.dibatalkan_at.is_some();
                        view! {
                            <tr class:muted=batal>
                                <td>{crate::labels::datetime(lang, r.created_at)}</td>
                                <td>{r.layanan}</td>
                                <td class="mono">{jawaban}</td>
                                <td>{sumber}</td>
                                <td>{r.saran.unwrap_or_default()}</td>
                                <td>{if batal {
                                    view! { <span title=r.alasan_batal.unwrap_or_default()>{stext(lang, SKey::VoidedAt)}</span> }.into_any()
                                } else if can_void {
                                    view! { <button type="button" class="btn btn--secondary btn--small" on:click=move |_| batalkan(rid)>{stext(lang, SKey::Void)}</button> }.into_any()
                                } else {
                                    ().into_any()
                                }}</td>
                            </tr>
                        }
                    }).collect_view();
                    view! {
                        <div class="table-wrap">
                            <table class="table">
                                <thead><tr><th scope="col">{ts(SKey::Diterima)}</th><th scope="col">{ts(SKey::Layanan)}</th><th scope="col">"U1–U9"</th><th scope="col">{ts(SKey::Source)}</th><th scope="col">{ts(SKey::Saran)}</th><th scope="col"></th></tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}
