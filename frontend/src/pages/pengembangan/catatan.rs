//! The employee's development records of a year: the list with status, certificate upload and
//! download, deleting a waiting one, and the form for a new record.

use kinerja_api::pengembangan::{
    BentukPengembangan, BuatCatatan, CatatanPengembangan, PeranKegiatan, StatusCatatan,
};
use kinerja_api::{Page, PageQuery};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::{bentuk_label, jp_text, status_catatan_key};
use crate::api::{self, ApiError, Progress};
use crate::components::{ErrorAlert, FileUpload, UploadTexts};
use crate::forms::{FieldErrors, push};
use crate::i18n::pengembangan::{PKey, ptext, tp};
use crate::i18n::{Key, use_i18n};
use crate::labels;

const ALL: PageQuery = PageQuery {
    page: 1,
    per_page: 100,
};

/// The records of `year`; `version` is bumped after every change so the JP above reload.
#[component]
pub fn Records(year: RwSignal<i32>, version: RwSignal<u32>) -> impl IntoView {
    let list = RwSignal::new(None::<Result<Page<CatatanPengembangan>, ApiError>>);
    Effect::new(move |_| {
        let y = year.get();
        version.track();
        spawn_local(async move {
            list.set(Some(api::pengembangan::catatan(Some(y), None, ALL).await));
        });
    });
    let show_new = RwSignal::new(false);
    view! {
        <section class="card card--flush">
            <div class="card__header dev-head">
                <h2 class="card__title">{tp(PKey::Records)}</h2>
                <button type="button" class="btn btn--primary" on:click=move |_| show_new.update(|v| *v = !*v)>
                    {tp(PKey::NewRecord)}
                </button>
            </div>
            <Show when=move || show_new.get()>
                <NewRecord done=move || { show_new.set(false); version.update(|v| *v += 1); }/>
            </Show>
            {move || match list.get() {
                None => view! { <p class="card__body muted">{tp(PKey::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <div class="card__body"><ErrorAlert error=e/></div> }.into_any(),
                Some(Ok(p)) if p.items.is_empty() => view! { <p class="empty muted">{tp(PKey::NoRecords)}</p> }.into_any(),
                Some(Ok(p)) => view! {
                    <ul class="records">
                        {p.items.into_iter().map(|r| view! { <Record record=r version=version/> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Record(record: CatatanPengembangan, version: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let r = record.clone();
    let id = r.id;
    let waiting = r.status == StatusCatatan::Menunggu;
    let error = RwSignal::new(None::<ApiError>);
    let remove = move |_| {
        let lock = record.lock_version;
        spawn_local(async move {
            match api::pengembangan::hapus_catatan(id, lock).await {
                Ok(()) => version.update(|v| *v += 1),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let cert = r.sertifikat.clone();
    let texts = UploadTexts {
        label: Key::SertifikatFile,
        button: Key::UnggahSertifikat,
        choose_first: Key::ChooseSertifikatFirst,
        uploaded: Key::SertifikatUploaded,
    };
    let send = move |file: web_sys::File, progress: Progress| async move {
        api::pengembangan::unggah_sertifikat(id, &file, progress).await?;
        version.update(|v| *v += 1);
        Ok(())
    };
    let status = r.status;
    view! {
        <li class="record">
            <div class="record__main">
                <p class="record__title"><strong>{r.nama.clone()}</strong></p>
                <p class="muted">
                    {move || bentuk_label(r.bentuk, i18n.lang())} " · " {r.penyelenggara.clone()} " · "
                    {move || labels::long_date(i18n.lang(), r.tanggal_mulai)} " – " {move || labels::long_date(i18n.lang(), r.tanggal_selesai)}
                </p>
                {r.catatan_verifikasi.clone().map(|c| view! { <p class="record__note">{c}</p> })}
                <p class="record__cert">
                    {match cert.clone() {
                        Some(s) => {
                            let name = s.nama.clone();
                            view! {
                                <button type="button" class="btn btn--secondary btn--small" on:click=move |_| {
                                    let name = name.clone();
                                    spawn_local(async move {
                                        if let Err(e) = api::pengembangan::unduh_sertifikat(id, &name).await { error.set(Some(e)); }
                                    });
                                }>{tp(PKey::Download)} " " {s.nama.clone()}</button>
                            }.into_any()
                        }
                        None => view! { <span class="muted">{tp(PKey::NoCertificate)}</span> }.into_any(),
                    }}
                </p>
                {waiting.then(|| view! {
                    <FileUpload id=format!("sertifikat-{id}") texts=texts enabled=Signal::stored(true) send=send/>
                })}
                {move || error.get().map(|e| view! { <ErrorAlert error=e/> })}
            </div>
            <div class="record__side">
                <span class="record__jp">{move || format!("{} JP", jp_text(i18n.lang(), r.jp))}</span>
                <span class=format!("badge dev-status--{}", status.as_str())>{move || ptext(i18n.lang(), status_catatan_key(status))}</span>
                {waiting.then(|| view! {
                    <button type="button" class="btn btn--secondary btn--small" on:click=remove>{tp(PKey::Delete)}</button>
                })}
            </div>
        </li>
    }
}

/// The new-record form.
#[component]
fn NewRecord(done: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let nama = RwSignal::new(String::new());
    let bentuk = RwSignal::new("bimtek".to_owned());
    let penyelenggara = RwSignal::new(String::new());
    let mulai = RwSignal::new(String::new());
    let selesai = RwSignal::new(String::new());
    let jp = RwSignal::new(String::new());
    let jam = RwSignal::new(String::new());
    let peran = RwSignal::new("peserta".to_owned());
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let number = |s: String| s.trim().replace(',', ".").parse::<f64>().ok();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang();
        let mut found = FieldErrors::new();
        let tanggal_mulai = mulai.get_untracked().parse().ok();
        let tanggal_selesai = selesai.get_untracked().parse().ok();
        if tanggal_mulai.is_none() {
            push(&mut found, "tanggal_mulai", i18n.t(Key::Required));
        }
        if tanggal_selesai.is_none() {
            push(&mut found, "tanggal_selesai", i18n.t(Key::Required));
        }
        let (jp_v, jam_v) = (number(jp.get_untracked()), number(jam.get_untracked()));
        if jp_v.is_none() == jam_v.is_none() {
            push(&mut found, "jp", ptext(lang, PKey::JpOrHours));
        }
        let (Some(tanggal_mulai), Some(tanggal_selesai), true) =
            (tanggal_mulai, tanggal_selesai, found.is_empty())
        else {
            errors.set(found);
            return;
        };
        let request = BuatCatatan {
            employee_id: None,
            nama: Some(nama.get_untracked().trim().to_owned()).filter(|n| !n.is_empty()),
            katalog_id: None::<Uuid>,
            bentuk: BentukPengembangan::parse(&bentuk.get_untracked())
                .unwrap_or(BentukPengembangan::Bimtek),
            penyelenggara: penyelenggara.get_untracked().trim().to_owned(),
            tanggal_mulai,
            tanggal_selesai,
            jp: jp_v,
            jam: jam_v,
            peran: PeranKegiatan::parse(&peran.get_untracked()).unwrap_or(PeranKegiatan::Peserta),
            kebutuhan_id: None,
        };
        busy.set(true);
        failure.set(None);
        errors.set(FieldErrors::new());
        spawn_local(async move {
            match api::pengembangan::catat(&request).await {
                Ok(_) => done(),
                Err(e) => {
                    errors.set(e.field_errors());
                    failure.set(Some(e));
                }
            }
            busy.set(false);
        });
    };
    let err = crate::forms::field_text(errors);
    let bentuk_options = move || {
        BentukPengembangan::ALL
            .iter()
            .map(|b| view! { <option value=b.as_str()>{bentuk_label(*b, i18n.lang())}</option> })
            .collect_view()
    };
    view! {
        <form class="card__body form form--wide" on:submit=submit novalidate>
            {move || failure.get().filter(|e| e.field_errors().is_empty()).map(|e| view! { <ErrorAlert error=e/> })}
            <div class="field">
                <label class="field__label" for="nama">{tp(PKey::Activity)}</label>
                <input id="nama" class="field__input" bind:value=nama maxlength="300"/>
                <p class="field__error" role="alert">{err("nama")}</p>
            </div>
            <div class="form-grid">
                <div class="field">
                    <label class="field__label" for="bentuk">{tp(PKey::Bentuk)}</label>
                    <select id="bentuk" class="field__input field__select" bind:value=bentuk>{bentuk_options}</select>
                </div>
                <div class="field">
                    <label class="field__label" for="penyelenggara">{tp(PKey::Provider)}</label>
                    <input id="penyelenggara" class="field__input" bind:value=penyelenggara maxlength="200"/>
                    <p class="field__error" role="alert">{err("penyelenggara")}</p>
                </div>
                <div class="field">
                    <label class="field__label" for="tanggal_mulai">{tp(PKey::Start)}</label>
                    <input id="tanggal_mulai" type="date" class="field__input" bind:value=mulai/>
                    <p class="field__error" role="alert">{err("tanggal_mulai")}</p>
                </div>
                <div class="field">
                    <label class="field__label" for="tanggal_selesai">{tp(PKey::End)}</label>
                    <input id="tanggal_selesai" type="date" class="field__input" bind:value=selesai/>
                    <p class="field__error" role="alert">{err("tanggal_selesai")}</p>
                </div>
                <div class="field">
                    <label class="field__label" for="jp">{tp(PKey::Jp)}</label>
                    <input id="jp" class="field__input" inputmode="decimal" bind:value=jp/>
                    <p class="field__error" role="alert">{err("jp")}</p>
                </div>
                <div class="field">
                    <label class="field__label" for="jam">{tp(PKey::Hours)}</label>
                    <input id="jam" class="field__input" inputmode="decimal" bind:value=jam/>
                    <p class="field__error" role="alert">{err("jam")}</p>
                </div>
                <div class="field">
                    <label class="field__label" for="peran">{tp(PKey::Role)}</label>
                    <select id="peran" class="field__input field__select" bind:value=peran>
                        <option value="peserta">{tp(PKey::Peserta)}</option>
                        <option value="narasumber">{tp(PKey::Narasumber)}</option>
                        <option value="fasilitator">{tp(PKey::Fasilitator)}</option>
                    </select>
                </div>
            </div>
            <p class="field__hint">{tp(PKey::JpOrHours)}</p>
            <div class="form-actions">
                <button type="submit" class="btn btn--primary" disabled=move || busy.get()>
                    {move || ptext(i18n.lang(), if busy.get() { PKey::Saving } else { PKey::Save })}
                </button>
            </div>
        </form>
    }
}
