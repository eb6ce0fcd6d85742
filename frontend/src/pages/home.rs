//! `/` (beranda): what the signed-in user is to do next and by when, each item linking to the
//! page where it is done; above it, who is signed in.
//!
//! The server sends each item as a kind with facts (`kinerja_api::beranda`); the words are
//! chosen here, in the user's language.

use chrono::NaiveDate;
use futures::future::join;
use kinerja_api::auth::CurrentUser;
use kinerja_api::beranda::{Beranda, JenisTugas, PeriodeTugas, Tugas};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::sub_period_label;
use crate::components::{Loader, PageHeader, built, load};
use crate::i18n::{Key, Lang, fill, text, tr, use_i18n};
use crate::labels;

/// Days before a due date from which an item is marked as due soon.
const SOON_DAYS: i64 = 3;

/// The home page. It loads the user from the server (not only from the session) so that it
/// always shows the current roles, and the to-do list at the same time.
#[component]
pub fn HomePage() -> impl IntoView {
    let page = Box::new(|| {
        load(async {
            let (user, beranda) = join(api::auth::me(), api::beranda::get()).await;
            let (user, beranda) = (user?, beranda?);
            Ok(built(move || {
                view! {
                    <WhoAmI user=user.clone()/>
                    <super::langkah_awal::LangkahAwalCard/>
                    <ToDo beranda=beranda.clone()/>
                }
            }))
        })
    });
    view! {
        <PageHeader title=Key::HomeTitle intro=Key::HomeIntro/>
        <Loader load=page/>
    }
}

/// Name, account and roles, compactly.
#[component]
fn WhoAmI(
    /// The signed-in user as the server sees them now.
    user: CurrentUser,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = user.full_name.clone();
    let welcome = move || fill(i18n.t(Key::Welcome), &[("name", &name)]);
    view! {
        <section class="card welcome" aria-labelledby="sambutan">
            <h2 id="sambutan" class="welcome__title">{welcome}</h2>
            <div class="welcome__who">
                <span class="mono welcome__username">
                    <span class="sr-only">{tr(Key::Username)} ": "</span>
                    {user.username.clone()}
                </span>
                <ul class="badges" aria-label=move || i18n.t(Key::Roles)>
                    {user
                        .roles
                        .iter()
                        .map(|role| view! { <li class="badge">{tr(labels::role(*role))}</li> })
                        .collect_view()}
                </ul>
            </div>
        </section>
    }
}

/// The two lists: the user's own work, then what waits for them as rater or HR office.
#[component]
fn ToDo(beranda: Beranda) -> impl IntoView {
    let today = beranda.hari_ini;
    let (others, own): (Vec<Tugas>, Vec<Tugas>) = beranda
        .tugas
        .into_iter()
        .partition(|t| t.jenis.untuk_orang_lain());
    if own.is_empty() && others.is_empty() {
        return view! {
            <section class="card empty-state todo-empty" aria-labelledby="tugas-kosong">
                <h2 id="tugas-kosong" class="todo-empty__title">{tr(Key::NothingToDo)}</h2>
                <p class="muted">{tr(Key::NothingToDoHint)}</p>
            </section>
        }
        .into_any();
    }
    let section = |id: &'static str, title: Key, items: Vec<Tugas>| {
        (!items.is_empty()).then(|| {
            view! {
                <section class="card todo" aria-labelledby=id>
                    <h2 id=id class="todo__heading">{tr(title)}</h2>
                    <ul class="todo__list">
                        {items
                            .into_iter()
                            .map(|t| view! { <Item tugas=t today=today/> })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    };
    view! {
        {section("tugas-saya", Key::TodoOwn, own)}
        {section("tugas-penilai", Key::TodoOthers, others)}
    }
    .into_any()
}

/// "Desember 2026", "Triwulan 3 2026" or "Tahunan 2026".
fn periode_label(lang: Lang, p: PeriodeTugas) -> String {
    if p.ke == 0 {
        format!("{} {}", text(lang, Key::Tahunan), p.tahun)
    } else {
        sub_period_label(lang, p.ritme, p.tahun, p.ke)
    }
}

/// The item's title and detail line in `lang`.
fn words(lang: Lang, t: &Tugas) -> (String, String) {
    let periode = t
        .periode
        .map(|p| periode_label(lang, p))
        .unwrap_or_default();
    let tahun = t.tahun.map(|y| y.to_string()).unwrap_or_default();
    let pegawai = t.pegawai.clone().unwrap_or_default();
    let n = t.jumlah.to_string();
    let instansi = t.instansi.clone().unwrap_or_default();
    let args = [
        ("periode", periode.as_str()),
        ("tahun", tahun.as_str()),
        ("pegawai", pegawai.as_str()),
        ("n", n.as_str()),
        ("instansi", instansi.as_str()),
    ];
    let (title, detail) = match t.jenis {
        JenisTugas::SusunSkp => (Key::TodoSusunSkp, Key::TodoSusunSkpDetail),
        JenisTugas::AjukanSkp if t.perubahan => {
            (Key::TodoAjukanSkpPerubahan, Key::TodoAjukanSkpDetail)
        }
        JenisTugas::AjukanSkp => (Key::TodoAjukanSkp, Key::TodoAjukanSkpDetail),
        JenisTugas::PerbaikiSkp => (Key::TodoPerbaikiSkp, Key::TodoPerbaikiSkpDetail),
        JenisTugas::SkpMenunggu if t.perubahan => {
            (Key::TodoSkpPerubahanMenunggu, Key::TodoSkpMenungguDetail)
        }
        JenisTugas::SkpMenunggu => (Key::TodoSkpMenunggu, Key::TodoSkpMenungguDetail),
        JenisTugas::IsiRealisasi => (Key::TodoIsiRealisasi, Key::TodoIsiRealisasiDetail),
        JenisTugas::BatasKeberatan => (Key::TodoBatasKeberatan, Key::TodoBatasKeberatanDetail),
        JenisTugas::UmpanBalikBaru => (Key::TodoUmpanBalik, Key::TodoUmpanBalikDetail),
        JenisTugas::BalasanUmpanBalik => (Key::TodoBalasan, Key::TodoBalasanDetail),
        JenisTugas::SetujuiSkp if t.perubahan => {
            (Key::TodoSetujuiSkpPerubahan, Key::TodoSetujuiSkpDetail)
        }
        JenisTugas::SetujuiSkp => (Key::TodoSetujuiSkp, Key::TodoSetujuiSkpDetail),
        JenisTugas::PeriksaBukti => (Key::TodoPeriksaBukti, Key::TodoPeriksaBuktiDetail),
        JenisTugas::NilaiBawahan if t.pegawai.is_some() => {
            (Key::TodoNilaiPegawai, Key::TodoNilaiDetail)
        }
        JenisTugas::NilaiBawahan => (Key::TodoNilaiBawahan, Key::TodoNilaiDetail),
        JenisTugas::JelaskanKeberatan => (Key::TodoJelaskan, Key::TodoJelaskanDetail),
        JenisTugas::PutuskanKeberatan => (Key::TodoPutuskan, Key::TodoPutuskanDetail),
        JenisTugas::BukaPeriode => (Key::TodoBukaPeriode, Key::TodoBukaPeriodeDetail),
    };
    (
        fill(text(lang, title), &args),
        fill(text(lang, detail), &args),
    )
}

/// The due line: "Dikunci setelah 5 Januari 2027", "Paling lambat 20 Desember 2026", or that
/// the date has passed.
fn due(lang: Lang, t: &Tugas, batas: NaiveDate, today: NaiveDate) -> String {
    let date = labels::long_date(lang, batas);
    let key = if batas < today {
        Key::TodoDuePassed
    } else if t.jenis == JenisTugas::IsiRealisasi {
        Key::TodoDueRealisasi
    } else if t.jenis == JenisTugas::BatasKeberatan {
        Key::TodoDueKeberatan
    } else {
        Key::TodoDue
    };
    fill(text(lang, key), &[("date", &date)])
}

#[component]
fn Item(tugas: Tugas, today: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    let t = tugas.clone();
    let title = move || words(i18n.lang(), &t).0;
    let t = tugas.clone();
    let detail = move || words(i18n.lang(), &t).1;
    let state = match tugas.batas {
        Some(b) if b < today => " todo__item--late",
        Some(b) if (b - today).num_days() <= SOON_DAYS => " todo__item--soon",
        _ => "",
    };
    let kind = if tugas.jenis.untuk_orang_lain() {
        "todo__icon todo__icon--others"
    } else {
        "todo__icon"
    };
    let due_line = tugas.batas.map(|b| {
        let t = tugas.clone();
        view! { <p class="todo__due">{move || due(i18n.lang(), &t, b, today)}</p> }
    });
    // Swagger UI is served by the server, not the app: a plain link out of the router.
    let link = if tugas.tautan.starts_with("/docs") {
        view! { <a href=tugas.tautan.clone() rel="external" class="todo__link">{title}</a> }
            .into_any()
    } else {
        view! { <A href=tugas.tautan.clone() attr:class="todo__link">{title}</A> }.into_any()
    };
    view! {
        <li class=format!("todo__item{state}") data-jenis=tugas.jenis.as_str()>
            <span class=kind aria-hidden="true"></span>
            <div class="todo__body">
                <p class="todo__title">{link}</p>
                <p class="todo__detail">{detail}</p>
            </div>
            {due_line}
        </li>
    }
}
