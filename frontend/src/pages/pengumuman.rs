//! `/pengumuman`: the HR office and pimpinan write announcements, see how many of the people
//! addressed have read each one and who, and withdraw them (docs/pengumuman.md).

use chrono::{Duration, NaiveDate};
use kinerja_api::auth::{Permission, Role};
use kinerja_api::pengumuman::{
    PembacaPengumuman, Pengumuman, SasaranPengumuman, TulisPengumuman, UnitSasaran,
};
use kinerja_api::{Page, PageQuery};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiError};
use crate::components::ErrorAlert;
use crate::forms::{FieldErrors, field_text, push};
use crate::i18n::pengumuman::{AKey, atext, ta};
use crate::i18n::{fill, text, use_i18n};
use crate::labels;
use crate::state::auth::use_auth;

const PER_PAGE: u64 = 10;

fn sasaran_label(s: SasaranPengumuman) -> AKey {
    match s {
        SasaranPengumuman::Semua => AKey::SasaranSemua,
        SasaranPengumuman::Unit => AKey::SasaranUnit,
        SasaranPengumuman::Peran => AKey::SasaranPeran,
    }
}

#[component]
pub fn PengumumanPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        document().set_title(&format!("{} · Kinerja", atext(i18n.lang(), AKey::Title)));
    });
    let version = RwSignal::new(0u32);
    let editing = RwSignal::new(None::<Pengumuman>);
    view! {
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title">{ta(AKey::Title)}</h1>
                <p class="page-header__intro">{ta(AKey::Intro)}</p>
            </div>
        </header>
        <Form version=version editing=editing/>
        <List version=version editing=editing/>
    }
}

/// The form's fields as typed.
#[derive(Clone, Default)]
struct Draft {
    judul: RwSignal<String>,
    isi: RwSignal<String>,
    sasaran: RwSignal<String>,
    unit: RwSignal<String>,
    peran: RwSignal<String>,
    mulai: RwSignal<String>,
    selesai: RwSignal<String>,
}

impl Draft {
    /// Empty, showing from today for a week; to everyone for the HR office (`hr`), to a unit
    /// for a pimpinan (the only target they have).
    fn reset(&self, hr: bool) {
        let today = labels::today();
        self.judul.set(String::new());
        self.isi.set(String::new());
        let sasaran = if hr {
            SasaranPengumuman::Semua
        } else {
            SasaranPengumuman::Unit
        };
        self.sasaran.set(sasaran.as_str().to_owned());
        self.unit.set(String::new());
        self.peran.set(String::new());
        self.mulai.set(today.to_string());
        self.selesai.set((today + Duration::days(7)).to_string());
    }

    fn fill_from(&self, p: &Pengumuman) {
        self.judul.set(p.judul.clone());
        self.isi.set(p.isi.clone());
        self.sasaran.set(p.sasaran.as_str().to_owned());
        self.unit
            .set(p.unit_id.map(|u| u.to_string()).unwrap_or_default());
        self.peran
            .set(p.peran.map(|r| r.as_str().to_owned()).unwrap_or_default());
        self.mulai.set(p.mulai.to_string());
        self.selesai.set(p.selesai.to_string());
    }

    /// The request, or the fields the browser can already tell are missing.
    fn request(&self, lock_version: Option<i32>) -> Result<TulisPengumuman, FieldErrors> {
        let mut errors = FieldErrors::new();
        let date = |name: &str, v: String, errors: &mut FieldErrors| {
            let d = NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok();
            if d.is_none() {
                push(errors, name, "Wajib diisi.");
            }
            d
        };
        let mulai = date("mulai", self.mulai.get_untracked(), &mut errors);
        let selesai = date("selesai", self.selesai.get_untracked(), &mut errors);
        let sasaran = SasaranPengumuman::parse(&self.sasaran.get_untracked())
            .unwrap_or(SasaranPengumuman::Semua);
        let unit_id = self.unit.get_untracked().parse().ok();
        let peran = Role::parse(&self.peran.get_untracked());
        match (mulai, selesai) {
            (Some(mulai), Some(selesai)) if errors.is_empty() => Ok(TulisPengumuman {
                lock_version,
                judul: self.judul.get_untracked(),
                isi: self.isi.get_untracked(),
                sasaran,
                unit_id: (sasaran == SasaranPengumuman::Unit)
                    .then_some(unit_id)
                    .flatten(),
                peran: (sasaran == SasaranPengumuman::Peran)
                    .then_some(peran)
                    .flatten(),
                mulai,
                selesai,
            }),
            _ => Err(errors),
        }
    }
}

#[component]
fn Form(version: RwSignal<u32>, editing: RwSignal<Option<Pengumuman>>) -> impl IntoView {
    let i18n = use_i18n();
    let hr = use_auth()
        .user_untracked()
        .is_some_and(|u| u.can(Permission::ManageOrganisation));
    let draft = Draft::default();
    draft.reset(hr);
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(None::<AKey>);
    let busy = RwSignal::new(false);
    let units = RwSignal::new(Vec::<UnitSasaran>::new());
    spawn_local(async move {
        // Without the list the unit choice stays empty; the other targets still work.
        if let Ok(list) = api::pengumuman::unit_sasaran().await {
            units.set(list);
        }
    });
    {
        let draft = draft.clone();
        Effect::new(move |_| match editing.get() {
            Some(p) => draft.fill_from(&p),
            None => draft.reset(hr),
        });
    }
    let submit = {
        let draft = draft.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            done.set(None);
            failure.set(None);
            let current = editing.get_untracked();
            let request = match draft.request(current.as_ref().map(|p| p.lock_version)) {
                Ok(r) => r,
                Err(e) => {
                    errors.set(e);
                    return;
                }
            };
            errors.set(FieldErrors::new());
            busy.set(true);
            let draft = draft.clone();
            spawn_local(async move {
                let result = match &current {
                    Some(p) => api::pengumuman::ubah(p.id, &request).await,
                    None => api::pengumuman::buat(&request).await,
                };
                match result {
                    Ok(_) => {
                        done.set(Some(if current.is_some() {
                            AKey::Saved
                        } else {
                            AKey::Published
                        }));
                        editing.set(None);
                        draft.reset(hr);
                        version.update(|v| *v += 1);
                    }
                    Err(e) => {
                        errors.set(e.field_errors());
                        failure.set(Some(e));
                    }
                }
                busy.set(false);
            });
        }
    };
    let msg = field_text(errors);
    let sasaran = draft.sasaran;
    view! {
        <section class="card announce-form">
            <h2 class="card__title">{move || if editing.with(Option::is_some) { atext(i18n.lang(), AKey::Edit) } else { atext(i18n.lang(), AKey::New) }}</h2>
            <form class="form" on:submit=submit novalidate>
                <div class="field">
                    <label class="field__label" for="p-judul">{ta(AKey::Judul)}</label>
                    <input id="p-judul" class="field__input" bind:value=draft.judul maxlength="200" required/>
                    <p class="field__error" role="alert">{msg("judul")}</p>
                </div>
                <div class="field">
                    <label class="field__label" for="p-isi">{ta(AKey::Isi)}</label>
                    <textarea id="p-isi" class="field__input" rows="4" maxlength="5000" bind:value=draft.isi required></textarea>
                    <p class="field__error" role="alert">{msg("isi")}</p>
                </div>
                <div class="field">
                    <label class="field__label" for="p-sasaran">{ta(AKey::Sasaran)}</label>
                    <select id="p-sasaran" class="field__input" bind:value=draft.sasaran>
                        {SasaranPengumuman::ALL.iter().filter(|s| hr || **s == SasaranPengumuman::Unit).map(|s| view! {
                            <option value=s.as_str()>{ta(sasaran_label(*s))}</option>
                        }).collect_view()}
                    </select>
                    <p class="field__error" role="alert">{msg("sasaran")}</p>
                </div>
                {move || (sasaran.get() == SasaranPengumuman::Unit.as_str()).then(|| view! {
                    <div class="field">
                        <label class="field__label" for="p-unit">{ta(AKey::Unit)}</label>
                        <select id="p-unit" class="field__input" bind:value=draft.unit>
                            <option value="">{ta(AKey::ChooseUnit)}</option>
                            {move || units.get().into_iter().map(|u| {
                                let pad = "\u{a0}\u{a0}".repeat(u.tingkat as usize);
                                view! { <option value=u.id.to_string()>{format!("{pad}{}", u.nama)}</option> }
                            }).collect_view()}
                        </select>
                        <p class="field__error" role="alert">{msg("unit_id")}</p>
                    </div>
                })}
                {move || (sasaran.get() == SasaranPengumuman::Peran.as_str()).then(|| view! {
                    <div class="field">
                        <label class="field__label" for="p-peran">{ta(AKey::Peran)}</label>
                        <select id="p-peran" class="field__input" bind:value=draft.peran>
                            <option value="">{ta(AKey::ChooseRole)}</option>
                            {Role::ALL.iter().map(|r| view! {
                                <option value=r.as_str()>{move || text(i18n.lang(), labels::role(*r))}</option>
                            }).collect_view()}
                        </select>
                        <p class="field__error" role="alert">{msg("peran")}</p>
                    </div>
                })}
                <div class="form-grid">
                    <div class="field">
                        <label class="field__label" for="p-mulai">{ta(AKey::Mulai)}</label>
                        <input id="p-mulai" type="date" class="field__input" bind:value=draft.mulai required/>
                        <p class="field__error" role="alert">{msg("mulai")}</p>
                    </div>
                    <div class="field">
                        <label class="field__label" for="p-selesai">{ta(AKey::Selesai)}</label>
                        <input id="p-selesai" type="date" class="field__input" bind:value=draft.selesai required/>
                        <p class="field__error" role="alert">{msg("selesai")}</p>
                    </div>
                </div>
                {move || failure.get().filter(|e| e.field_errors().is_empty()).map(|e| view! { <ErrorAlert error=e/> })}
                {move || done.get().map(|k| view! { <p class="alert alert--success" role="status">{ta(k)}</p> })}
                <div class="form-actions">
                    <button type="submit" class="btn btn--primary" disabled=move || busy.get()>
                        {move || if busy.get() { atext(i18n.lang(), AKey::Saving) }
                            else if editing.with(Option::is_some) { atext(i18n.lang(), AKey::Save) }
                            else { atext(i18n.lang(), AKey::Publish) }}
                    </button>
                    {move || editing.with(Option::is_some).then(|| view! {
                        <button type="button" class="btn btn--secondary" on:click=move |_| editing.set(None)>{ta(AKey::Cancel)}</button>
                    })}
                </div>
            </form>
        </section>
    }
}

#[component]
fn List(version: RwSignal<u32>, editing: RwSignal<Option<Pengumuman>>) -> impl IntoView {
    let page = RwSignal::new(1u64);
    let data = RwSignal::new(None::<Result<Page<Pengumuman>, ApiError>>);
    Effect::new(move |_| {
        version.track();
        let p = page.get();
        spawn_local(async move {
            data.set(Some(
                api::pengumuman::kelola(PageQuery {
                    page: p,
                    per_page: PER_PAGE,
                })
                .await,
            ));
        });
    });
    view! {
        <section class="card card--flush">
            <h2 class="card__title card__title--padded">{ta(AKey::Title)}</h2>
            {move || match data.get() {
                None => view! { <p class="card__body muted">{ta(AKey::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <div class="card__body"><ErrorAlert error=e/></div> }.into_any(),
                Some(Ok(p)) if p.items.is_empty() => view! { <p class="empty muted">{ta(AKey::Empty)}</p> }.into_any(),
                Some(Ok(p)) => {
                    let pages = p.total.div_ceil(PER_PAGE).max(1);
                    view! {
                        <ul class="announce-list">
                            {p.items.into_iter().map(|a| view! { <Item a=a version=version editing=editing/> }).collect_view()}
                        </ul>
                        {(pages > 1).then(|| view! { <Pages page=page pages=pages/> })}
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn Item(
    a: Pengumuman,
    version: RwSignal<u32>,
    editing: RwSignal<Option<Pengumuman>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let today = labels::today();
    let state = if a.mulai > today {
        AKey::Upcoming
    } else if a.selesai < today {
        AKey::Ended
    } else {
        AKey::Showing
    };
    let readers = RwSignal::new(None::<Result<Page<PembacaPengumuman>, ApiError>>);
    let failure = RwSignal::new(None::<ApiError>);
    let id = a.id;
    let lock_version = a.lock_version;
    let target = match a.sasaran {
        SasaranPengumuman::Unit => a.unit_nama.clone().unwrap_or_default(),
        _ => String::new(),
    };
    let role = a.peran;
    let read = (a.jumlah_dibaca.unwrap_or(0), a.jumlah_sasaran.unwrap_or(0));
    let days = (a.mulai, a.selesai);
    let for_edit = a.clone();
    let show_readers = move |_| {
        if readers.with_untracked(Option::is_some) {
            readers.set(None);
            return;
        }
        spawn_local(async move {
            readers.set(Some(
                api::pengumuman::pembaca(
                    id,
                    PageQuery {
                        page: 1,
                        per_page: 100,
                    },
                )
                .await,
            ));
        });
    };
    let withdraw = move |_| {
        let sure = window()
            .confirm_with_message(atext(i18n.lang(), AKey::WithdrawConfirm))
            .unwrap_or(false);
        if !sure {
            return;
        }
        spawn_local(async move {
            match api::pengumuman::tarik(id, lock_version).await {
                Ok(()) => version.update(|v| *v += 1),
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    view! {
        <li class="announce-item">
            <div class="announce-item__head">
                <h3 class="announce-item__title">{a.judul.clone()}</h3>
                <span class="badge badge--muted">{ta(state)}</span>
            </div>
            <p class="muted">
                {move || atext(i18n.lang(), sasaran_label(a.sasaran))}
                {(!target.is_empty()).then(|| format!(": {target}"))}
                {move || role.map(|r| format!(": {}", text(i18n.lang(), labels::role(r))))}
                " · "
                {move || fill(atext(i18n.lang(), AKey::Days), &[
                    ("mulai", &labels::long_date(i18n.lang(), days.0)),
                    ("selesai", &labels::long_date(i18n.lang(), days.1)),
                ])}
                " · " {a.penulis_nama.clone()}
            </p>
            <p class="announce-item__text">{a.isi.clone()}</p>
            <p><strong>{move || fill(atext(i18n.lang(), AKey::ReadOf), &[("r", &read.0.to_string()), ("n", &read.1.to_string())])}</strong></p>
            {move || failure.get().map(|e| view! { <ErrorAlert error=e/> })}
            <div class="announce-item__actions">
                <button type="button" class="btn btn--secondary btn--small" aria-expanded=move || readers.with(Option::is_some).to_string() on:click=show_readers>{ta(AKey::Readers)}</button>
                {a.boleh_ubah.then(|| view! {
                    <button type="button" class="btn btn--secondary btn--small" on:click=move |_| {
                        editing.set(Some(for_edit.clone()));
                        crate::components::field::focus("p-judul");
                    }>{ta(AKey::Edit)}</button>
                    <button type="button" class="btn btn--secondary btn--small" on:click=withdraw>{ta(AKey::Withdraw)}</button>
                })}
            </div>
            {move || readers.get().map(|r| match r {
                Err(e) => view! { <ErrorAlert error=e/> }.into_any(),
                Ok(p) if p.items.is_empty() => view! { <p class="muted announce-readers">{ta(AKey::NoReaders)}</p> }.into_any(),
                Ok(p) => view! {
                    <div class="table-wrap announce-readers"><table class="table">
                        <thead><tr>
                            <th scope="col">{ta(AKey::Name)}</th>
                            <th scope="col">{ta(AKey::Unit)}</th>
                            <th scope="col">{ta(AKey::ReadAt)}</th>
                        </tr></thead>
                        <tbody>{p.items.into_iter().map(|r| view! {
                            <tr>
                                <td>{r.nama.clone()}<br/><span class="muted">{r.nip.clone().unwrap_or_default()}</span></td>
                                <td>{r.unit_nama.clone().unwrap_or_default()}</td>
                                <td>{move || labels::long_date(i18n.lang(), r.dibaca_pada.date_naive())}</td>
                            </tr>
                        }).collect_view()}</tbody>
                    </table></div>
                }.into_any(),
            })}
        </li>
    }
}

/// Previous and next for the list (its page is kept in a signal).
#[component]
fn Pages(page: RwSignal<u64>, pages: u64) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="pager">
            <button type="button" class="btn btn--secondary" disabled=move || { page.get() <= 1 }
                on:click=move |_| page.update(|p| *p = p.saturating_sub(1).max(1))>{ta(AKey::Previous)}</button>
            <span class="muted">{move || fill(atext(i18n.lang(), AKey::PageOf), &[("p", &page.get().to_string()), ("n", &pages.to_string())])}</span>
            <button type="button" class="btn btn--secondary" disabled=move || { page.get() >= pages }
                on:click=move |_| page.update(|p| *p += 1)>{ta(AKey::Next)}</button>
        </div>
    }
}
