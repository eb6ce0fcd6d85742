//! The `panduan` bundle's screens (issue #19, docs/panduan.md): `/panduan` (list, search,
//! filter by role and screen), `/panduan/{slug}` (one guide, the server's sanitised HTML),
//! `/panduan/baru` and `/panduan/{slug}/ubah` (the HR office's editor) and `/glosarium`.

mod glosarium;

pub use glosarium::GlosariumPage;

use kinerja_api::auth::Permission;
use kinerja_api::panduan::{Panduan, PanduanQuery, PeranPanduan, RingkasanPanduan, TulisPanduan};
use kinerja_api::{Page, PageQuery};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::api::{self, ApiError};
use crate::components::ErrorAlert;
use crate::forms::{FieldErrors, field_text};
use crate::i18n::panduan::{GKey, gtext, tg};
use crate::i18n::{Lang, fill, use_i18n};
use crate::labels;
use crate::state::auth::use_auth;

const PER_PAGE: u64 = 20;

fn peran_label(p: PeranPanduan) -> GKey {
    match p {
        PeranPanduan::Pegawai => GKey::RolePegawai,
        PeranPanduan::Ppkin => GKey::RolePpkin,
        PeranPanduan::Admin => GKey::RoleAdmin,
    }
}

fn set_title(key: GKey) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        document().set_title(&format!("{} · Kinerja", gtext(i18n.lang(), key)));
    });
}

fn query_value(name: &'static str) -> Memo<Option<String>> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| q.get(name)).filter(|v| !v.is_empty()))
}

/// The address of the list with these filters.
fn list_href(q: &str, peran: &str, layar: &str) -> String {
    let mut parts = Vec::new();
    for (name, value) in [("q", q), ("peran", peran), ("layar", layar)] {
        if !value.trim().is_empty() {
            parts.push(format!(
                "{name}={}",
                String::from(js_sys::encode_uri_component(value.trim()))
            ));
        }
    }
    if parts.is_empty() {
        "/panduan".to_owned()
    } else {
        format!("/panduan?{}", parts.join("&"))
    }
}

#[component]
pub fn PanduanListPage() -> impl IntoView {
    set_title(GKey::Title);
    let i18n = use_i18n();
    let auth = use_auth();
    let q = query_value("q");
    let peran = query_value("peran");
    let layar = query_value("layar");
    let page = RwSignal::new(1u64);
    let typed = RwSignal::new(q.get_untracked().unwrap_or_default());
    let chosen = RwSignal::new(peran.get_untracked().unwrap_or_default());
    let data = RwSignal::new(None::<Result<Page<RingkasanPanduan>, ApiError>>);
    // Only the answer to the latest request is shown (an earlier one may arrive later).
    let latest = StoredValue::new(0u32);
    Effect::new(move |_| {
        let filter = PanduanQuery {
            q: q.get(),
            peran: peran.get().as_deref().and_then(PeranPanduan::parse),
            layar: layar.get(),
        };
        let p = page.get();
        latest.update_value(|n| *n = n.wrapping_add(1));
        let mine = latest.get_value();
        spawn_local(async move {
            let answer = api::panduan::daftar(
                &filter,
                PageQuery {
                    page: p,
                    per_page: PER_PAGE,
                },
            )
            .await;
            if latest.get_value() == mine {
                data.set(Some(answer));
            }
        });
    });
    let navigate = use_navigate();
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if page.get_untracked() != 1 {
            page.set(1);
        }
        navigate(
            &list_href(
                &typed.get_untracked(),
                &chosen.get_untracked(),
                &layar.get_untracked().unwrap_or_default(),
            ),
            Default::default(),
        );
    };
    let hr = auth.can(Permission::ManageOrganisation);
    view! {
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title">{tg(GKey::Title)}</h1>
                <p class="page-header__intro">{tg(GKey::Intro)}</p>
            </div>
            <div class="page-header__actions">
                <a class="btn btn--secondary" href="/glosarium">{tg(GKey::GlossaryLink)}</a>
                {hr.then(|| view! { <a class="btn btn--primary" href="/panduan/baru">{tg(GKey::New)}</a> })}
            </div>
        </header>
        <section class="card">
            <form class="panduan-cari" role="search" on:submit=search>
                <div class="field">
                    <label class="field__label" for="g-cari">{tg(GKey::Search)}</label>
                    <input id="g-cari" type="search" class="field__input" maxlength="100" bind:value=typed/>
                </div>
                <div class="field">
                    <label class="field__label" for="g-peran">{tg(GKey::Role)}</label>
                    <select id="g-peran" class="field__input" bind:value=chosen>
                        <option value="">{tg(GKey::AllRoles)}</option>
                        {PeranPanduan::ALL.iter().map(|p| view! {
                            <option value=p.as_str()>{tg(peran_label(*p))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="btn btn--primary">{tg(GKey::SearchButton)}</button>
            </form>
            {move || layar.get().map(|l| view! {
                <p class="panduan-layar">
                    <span class="badge badge--muted">{move || fill(gtext(i18n.lang(), GKey::Screen), &[("layar", &l)])}</span>
                    " "
                    <a href="/panduan">{tg(GKey::ShowAll)}</a>
                </p>
            })}
        </section>
        <section class="card card--flush" aria-live="polite">
            {move || match data.get() {
                None => view! { <p class="card__body muted">{tg(GKey::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <div class="card__body"><ErrorAlert error=e/></div> }.into_any(),
                Some(Ok(p)) if p.items.is_empty() => view! { <p class="empty muted">{tg(GKey::Empty)}</p> }.into_any(),
                Some(Ok(p)) => {
                    let pages = p.total.div_ceil(PER_PAGE).max(1);
                    let total = p.total;
                    view! {
                        <p class="card__body muted">{move || fill(gtext(i18n.lang(), GKey::Found), &[("n", &total.to_string())])}</p>
                        <ul class="panduan-list">
                            {p.items.into_iter().map(|g| {
                                let href = format!("/panduan/{}", g.slug);
                                let (id, en) = (g.judul_id.clone(), g.judul_en.clone());
                                view! {
                                    <li class="panduan-list__item">
                                        <a class="panduan-list__title" href=href>{move || match i18n.lang() { Lang::Id => id.clone(), Lang::En => en.clone() }}</a>
                                        <span class="badge badge--muted">{tg(peran_label(g.peran))}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        {(pages > 1).then(|| view! {
                            <div class="pager">
                                <button type="button" class="btn btn--secondary" disabled=move || page.get() <= 1
                                    on:click=move |_| page.update(|p| *p = p.saturating_sub(1).max(1))>"‹"</button>
                                <span class="muted">{move || format!("{} / {pages}", page.get())}</span>
                                <button type="button" class="btn btn--secondary" disabled=move || page.get() >= pages
                                    on:click=move |_| page.update(|p| *p += 1)>"›"</button>
                            </div>
                        })}
                    }.into_any()
                }
            }}
        </section>
    }
}

fn slug_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_default()))
}

#[component]
pub fn PanduanPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = slug_param();
    let data = RwSignal::new(None::<Result<Panduan, ApiError>>);
    Effect::new(move |_| {
        let s = slug.get();
        data.set(None);
        spawn_local(async move { data.set(Some(api::panduan::satu(&s).await)) });
    });
    Effect::new(move |_| {
        let title = data.with(|d| match d {
            Some(Ok(g)) => Some(match i18n.lang() {
                Lang::Id => g.judul_id.clone(),
                Lang::En => g.judul_en.clone(),
            }),
            _ => None,
        });
        let title = title.unwrap_or_else(|| gtext(i18n.lang(), GKey::Title).to_owned());
        document().set_title(&format!("{title} · Kinerja"));
    });
    view! {
        <p class="panduan-back"><a href="/panduan">"← " {tg(GKey::Back)}</a></p>
        {move || match data.get() {
            None => view! { <p class="muted">{tg(GKey::Loading)}</p> }.into_any(),
            Some(Err(e)) => view! { <ErrorAlert error=e/> }.into_any(),
            Some(Ok(g)) => view! { <Guide g=g/> }.into_any(),
        }}
    }
}

/// One guide: its title and the server's sanitised HTML in the reader's language.
#[component]
fn Guide(g: Panduan) -> impl IntoView {
    let i18n = use_i18n();
    let (judul_id, judul_en) = (g.judul_id.clone(), g.judul_en.clone());
    let (html_id, html_en) = (g.html_id.clone(), g.html_en.clone());
    let updated = g.diubah_pada.date_naive();
    let edit = format!("/panduan/{}/ubah", g.slug);
    let peran = g.peran;
    view! {
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title">{move || match i18n.lang() { Lang::Id => judul_id.clone(), Lang::En => judul_en.clone() }}</h1>
                <p class="page-header__intro muted">
                    {move || fill(gtext(i18n.lang(), GKey::ForRole), &[("peran", gtext(i18n.lang(), peran_label(peran)))])}
                    " · "
                    {move || fill(gtext(i18n.lang(), GKey::Updated), &[("tanggal", &labels::long_date(i18n.lang(), updated))])}
                </p>
            </div>
            {g.boleh_ubah.then(|| view! {
                <div class="page-header__actions"><a class="btn btn--secondary" href=edit>{tg(GKey::Edit)}</a></div>
            })}
        </header>
        // The server renders the Markdown with raw HTML escaped and only http(s) or relative
        // targets (docs/panduan.md): this HTML carries no markup of the editor's own.
        <article class="card panduan-isi" inner_html=move || match i18n.lang() { Lang::Id => html_id.clone(), Lang::En => html_en.clone() }></article>
    }
}

/// The editor's fields as typed.
#[derive(Clone, Copy)]
struct Draft {
    slug: RwSignal<String>,
    peran: RwSignal<String>,
    layar: RwSignal<String>,
    urutan: RwSignal<String>,
    judul_id: RwSignal<String>,
    judul_en: RwSignal<String>,
    isi_id: RwSignal<String>,
    isi_en: RwSignal<String>,
}

impl Draft {
    fn new() -> Self {
        Self {
            slug: RwSignal::new(String::new()),
            peran: RwSignal::new(PeranPanduan::Pegawai.as_str().to_owned()),
            layar: RwSignal::new(String::new()),
            urutan: RwSignal::new("100".to_owned()),
            judul_id: RwSignal::new(String::new()),
            judul_en: RwSignal::new(String::new()),
            isi_id: RwSignal::new(String::new()),
            isi_en: RwSignal::new(String::new()),
        }
    }

    fn fill_from(&self, g: &Panduan) {
        self.slug.set(g.slug.clone());
        self.peran.set(g.peran.as_str().to_owned());
        self.layar.set(g.layar.join(", "));
        self.urutan.set(g.urutan.to_string());
        self.judul_id.set(g.judul_id.clone());
        self.judul_en.set(g.judul_en.clone());
        self.isi_id.set(g.isi_id.clone());
        self.isi_en.set(g.isi_en.clone());
    }

    fn request(&self, lock_version: Option<i32>) -> TulisPanduan {
        TulisPanduan {
            lock_version,
            slug: lock_version
                .is_none()
                .then(|| self.slug.get_untracked().trim().to_owned()),
            peran: PeranPanduan::parse(&self.peran.get_untracked())
                .unwrap_or(PeranPanduan::Pegawai),
            layar: self
                .layar
                .get_untracked()
                .split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect(),
            // A number the server refuses (out of range) shows its message on the field.
            urutan: self.urutan.get_untracked().trim().parse().unwrap_or(-1),
            judul_id: self.judul_id.get_untracked(),
            judul_en: self.judul_en.get_untracked(),
            isi_id: self.isi_id.get_untracked(),
            isi_en: self.isi_en.get_untracked(),
        }
    }
}

/// `/panduan/baru` and `/panduan/{slug}/ubah`: the HR office writes a guide.
#[component]
pub fn PanduanEditPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|p| p.get("slug")));
    set_title(GKey::EditTitle);
    let draft = Draft::new();
    let current = RwSignal::new(None::<Panduan>);
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let saved = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(s) = slug.get() {
            spawn_local(async move {
                match api::panduan::satu(&s).await {
                    Ok(g) => {
                        draft.fill_from(&g);
                        current.set(Some(g));
                    }
                    Err(e) => failure.set(Some(e)),
                }
            });
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        failure.set(None);
        errors.set(FieldErrors::new());
        let before = current.get_untracked();
        let request = draft.request(before.as_ref().map(|g| g.lock_version));
        busy.set(true);
        spawn_local(async move {
            let result = match &before {
                Some(g) => api::panduan::ubah(&g.slug, &request).await,
                None => api::panduan::buat(&request).await,
            };
            match result {
                Ok(g) => {
                    draft.fill_from(&g);
                    current.set(Some(g));
                    saved.set(true);
                }
                Err(e) => {
                    errors.set(e.field_errors());
                    failure.set(Some(e));
                }
            }
            busy.set(false);
        });
    };
    let navigate = use_navigate();
    let delete = move |_| {
        let Some(g) = current.get_untracked() else {
            return;
        };
        let sure = window()
            .confirm_with_message(gtext(i18n.lang(), GKey::DeleteConfirm))
            .unwrap_or(false);
        if !sure {
            return;
        }
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::panduan::hapus(&g.slug, g.lock_version).await {
                Ok(()) => navigate("/panduan", Default::default()),
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    let msg = field_text(errors);
    let editing = move || current.with(Option::is_some);
    view! {
        <p class="panduan-back"><a href="/panduan">"← " {tg(GKey::Back)}</a></p>
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title">{move || gtext(i18n.lang(), if slug.get().is_some() { GKey::EditTitle } else { GKey::NewTitle })}</h1>
                <p class="page-header__intro">{tg(GKey::EditIntro)}</p>
            </div>
        </header>
        <section class="card">
            <form class="form" on:submit=submit novalidate>
                <div class="form-grid">
                    <div class="field">
                        <label class="field__label" for="g-slug">{tg(GKey::Slug)}</label>
                        <input id="g-slug" class="field__input" bind:value=draft.slug maxlength="60" disabled=editing aria-describedby="g-slug-hint"/>
                        <p class="field__hint" id="g-slug-hint">{tg(GKey::SlugHint)}</p>
                        <p class="field__error" role="alert">{msg("slug")}</p>
                    </div>
                    <div class="field">
                        <label class="field__label" for="g-peran-e">{tg(GKey::Role)}</label>
                        <select id="g-peran-e" class="field__input" bind:value=draft.peran>
                            {PeranPanduan::ALL.iter().map(|p| view! {
                                <option value=p.as_str()>{tg(peran_label(*p))}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label class="field__label" for="g-layar">{tg(GKey::Screens)}</label>
                        <input id="g-layar" class="field__input" bind:value=draft.layar aria-describedby="g-layar-hint"/>
                        <p class="field__hint" id="g-layar-hint">{tg(GKey::ScreensHint)}</p>
                        <p class="field__error" role="alert">{msg("layar")}</p>
                    </div>
                    <div class="field">
                        <label class="field__label" for="g-urutan">{tg(GKey::Order)}</label>
                        <input id="g-urutan" class="field__input" type="number" min="0" max="1000" bind:value=draft.urutan/>
                        <p class="field__error" role="alert">{msg("urutan")}</p>
                    </div>
                </div>
                <div class="field">
                    <label class="field__label" for="g-judul-id">{tg(GKey::TitleId)}</label>
                    <input id="g-judul-id" class="field__input" bind:value=draft.judul_id maxlength="200"/>
                    <p class="field__error" role="alert">{msg("judul_id")}</p>
                </div>
                <div class="field">
                    <label class="field__label" for="g-isi-id">{tg(GKey::TextId)}</label>
                    <textarea id="g-isi-id" class="field__input panduan-md" rows="12" maxlength="20000" bind:value=draft.isi_id></textarea>
                    <p class="field__error" role="alert">{msg("isi_id")}</p>
                </div>
                <div class="field">
                    <label class="field__label" for="g-judul-en">{tg(GKey::TitleEn)}</label>
                    <input id="g-judul-en" class="field__input" bind:value=draft.judul_en maxlength="200"/>
                    <p class="field__error" role="alert">{msg("judul_en")}</p>
                </div>
                <div class="field">
                    <label class="field__label" for="g-isi-en">{tg(GKey::TextEn)}</label>
                    <textarea id="g-isi-en" class="field__input panduan-md" rows="12" maxlength="20000" bind:value=draft.isi_en></textarea>
                    <p class="field__error" role="alert">{msg("isi_en")}</p>
                </div>
                {move || failure.get().filter(|e| e.field_errors().is_empty()).map(|e| view! { <ErrorAlert error=e/> })}
                {move || saved.get().then(|| view! { <p class="alert alert--success" role="status">{tg(GKey::Saved)}</p> })}
                <div class="form-actions">
                    <button type="submit" class="btn btn--primary" disabled=move || busy.get()>
                        {move || gtext(i18n.lang(), if busy.get() { GKey::Saving } else { GKey::Save })}
                    </button>
                    {move || current.get().map(|g| view! {
                        <a class="btn btn--secondary" href=format!("/panduan/{}", g.slug)>{tg(GKey::Cancel)}</a>
                    })}
                    {move || current.get().filter(|g| !g.bawaan).map(|_| view! {
                        <button type="button" class="btn btn--secondary" on:click=delete.clone()>{tg(GKey::Delete)}</button>
                    })}
                </div>
            </form>
        </section>
        <section class="card">
            <h2 class="card__title">{tg(GKey::Preview)}</h2>
            {move || match current.get() {
                None => view! { <p class="muted">{tg(GKey::PreviewHint)}</p> }.into_any(),
                Some(g) => view! {
                    // The server's sanitised HTML, as readers get it.
                    <div class="panduan-isi" id="g-pratinjau" inner_html=move || match i18n.lang() { Lang::Id => g.html_id.clone(), Lang::En => g.html_en.clone() }></div>
                }.into_any(),
            }}
        </section>
    }
}
