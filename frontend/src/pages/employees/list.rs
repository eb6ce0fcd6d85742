//! `/pegawai`: search (debounced), filters, sort and pages; the state lives in the query
//! string (`q`, `unit`, `jenis`, `golongan`, `status`, `urut`, `halaman`) so that the unit
//! tree can link here and the back button works.

use std::time::Duration;

use kinerja_api::PageQuery;
use kinerja_api::auth::Permission;
use kinerja_api::employees::{Employee, EmployeeQuery, EmployeeSort, StatusPegawai, Visibility};
use kinerja_api::organisation::JenisJabatan;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use uuid::Uuid;

use super::not_shown;
use crate::api::{self, ApiError};
use crate::components::{Choice, ErrorAlert, Loader, PageHeader, Pager, built, load};
use crate::i18n::{Key, text, tr, use_i18n};
use crate::labels;
use crate::pages::organisation::unit_choices;
use crate::pages::page_number;
use crate::state::auth::use_auth;

const PATH: &str = "/pegawai";
const PER_PAGE: u64 = 20;
/// Typing pauses this long before the list is searched.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// The list's filters as they appear in the address.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Filters {
    q: String,
    unit: Option<Uuid>,
    jenis: Option<JenisJabatan>,
    golongan: Option<String>,
    status: Option<StatusPegawai>,
    sort: Option<EmployeeSort>,
}

impl Filters {
    fn from_query(query: &ParamsMap) -> Self {
        let get = |name: &str| query.get(name).filter(|v| !v.trim().is_empty());
        Self {
            q: get("q").unwrap_or_default(),
            unit: get("unit").and_then(|v| Uuid::parse_str(&v).ok()),
            jenis: get("jenis").and_then(|v| JenisJabatan::parse(&v)),
            golongan: get("golongan"),
            status: get("status").and_then(|v| StatusPegawai::parse(&v)),
            sort: get("urut").and_then(|v| EmployeeSort::parse(&v)),
        }
    }

    /// The address of the first page with these filters.
    fn href(&self) -> String {
        let pairs: Vec<String> = [
            (
                "q",
                Some(self.q.trim().to_owned()).filter(|q| !q.is_empty()),
            ),
            ("unit", self.unit.map(|u| u.to_string())),
            ("jenis", self.jenis.map(|j| j.as_str().to_owned())),
            ("golongan", self.golongan.clone()),
            ("status", self.status.map(|s| s.as_str().to_owned())),
            ("urut", self.sort.map(|s| s.as_str().to_owned())),
        ]
        .into_iter()
        .filter_map(|(name, value)| {
            value.map(|v| format!("{name}={}", String::from(js_sys::encode_uri_component(&v))))
        })
        .collect();
        if pairs.is_empty() {
            PATH.to_owned()
        } else {
            format!("{PATH}?{}", pairs.join("&"))
        }
    }

    fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    fn to_query(&self) -> EmployeeQuery {
        EmployeeQuery {
            q: Some(self.q.trim().to_owned()).filter(|q| !q.is_empty()),
            within: self.unit,
            jenis_jabatan: self.jenis,
            golongan: self.golongan.clone(),
            status: self.status,
            sort: self.sort,
            ..EmployeeQuery::default()
        }
    }
}

/// The employee list.
#[component]
pub fn EmployeesPage() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let query = use_query_map();
    let filters = Memo::new(move |_| query.with(Filters::from_query));
    let page = page_number();
    let navigate = use_navigate();
    let apply = Callback::new(move |f: Filters| {
        navigate(
            &f.href(),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    });
    let employees = Box::new(move || {
        let query = filters.with(Filters::to_query);
        let page = page.get();
        load(async move {
            let list = api::employees::list(
                &query,
                PageQuery {
                    page,
                    per_page: PER_PAGE,
                },
            )
            .await?;
            Ok(built(move || {
                let pages = list.pages();
                let empty = list.items.is_empty();
                view! {
                    <EmployeeTable employees=list.items.clone() filters=filters apply=apply/>
                    {(!empty)
                        .then(|| {
                            view! {
                                <Pager
                                    path=PATH
                                    page=list.page
                                    pages=pages
                                    total=list.total
                                    estimated=list.total_estimated
                                />
                            }
                        })}
                }
            }))
        })
    });
    let pending = RwSignal::new(false);

    let can_export =
        move || auth.can(Permission::ReadAllEmployees) || auth.can(Permission::ReadUnitDashboards);
    let exporting = RwSignal::new(false);
    let export_error = RwSignal::new(None::<ApiError>);
    let export = move |_| {
        if exporting.get_untracked() {
            return;
        }
        let query = filters.with_untracked(Filters::to_query);
        exporting.set(true);
        export_error.set(None);
        spawn_local(async move {
            if let Err(error) = api::employees::export(&query).await {
                export_error.set(Some(error));
            }
            exporting.set(false);
        });
    };

    view! {
        <PageHeader title=Key::EmployeesTitle intro=Key::EmployeesIntro>
            {move || {
                can_export()
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="btn btn--secondary"
                                on:click=export
                                disabled=move || exporting.get()
                            >
                                <span class="icon icon--download" aria-hidden="true"></span>
                                {move || {
                                    i18n.t(if exporting.get() { Key::Exporting } else { Key::Export })
                                }}
                            </button>
                        }
                    })
            }}
            {move || {
                auth.can(Permission::ManageOrganisation)
                    .then(|| {
                        view! {
                            <A href="/pegawai/baru" attr:class="btn btn--primary">
                                <span class="icon icon--plus" aria-hidden="true"></span>
                                {tr(Key::AddEmployee)}
                            </A>
                        }
                    })
            }}
        </PageHeader>
        <div class="form-status" aria-live="polite">
            {move || {
                export_error
                    .get()
                    .map(|error| view! { <ErrorAlert error=error/> })
            }}
        </div>
        <FilterBar filters=filters apply=apply/>
        <section class="card card--flush" aria-busy=move || if pending.get() { "true" } else { "false" }>
            <p class="list-updating" class:is-visible=move || pending.get() role="status">
                {move || pending.get().then(|| i18n.t(Key::Updating))}
            </p>
            <Loader load=employees pending=pending padded=true/>
        </section>
    }
}

/// Search, unit, jenis jabatan, golongan/status (admins and auditors) and sort.
#[component]
fn FilterBar(filters: Memo<Filters>, apply: Callback<Filters>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let reads_all = move || auth.can(Permission::ReadAllEmployees);
    let tree = crate::components::background(api::organisation::unit_tree);
    let reference = crate::components::background(api::organisation::reference);

    // The search box types ahead of the address; the address follows after a pause.
    let search = RwSignal::new(filters.with_untracked(|f| f.q.clone()));
    let applied = StoredValue::new(search.get_untracked());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        // Back/forward or "clear filters" changed the address: show its search text.
        let q = filters.with(|f| f.q.clone());
        if q != applied.get_value() {
            applied.set_value(q.clone());
            search.set(q);
        }
    });
    let run_search = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(None);
        let q = search.get_untracked();
        if q.trim() != applied.get_value().trim() {
            applied.set_value(q.clone());
            apply.run(Filters {
                q,
                ..filters.get_untracked()
            });
        }
    };
    let on_input = move |_| {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(set_timeout_with_handle(run_search, DEBOUNCE).ok());
    };
    on_cleanup(move || {
        if let Some(handle) = timer.try_get_value().flatten() {
            handle.clear();
        }
    });

    let units = Signal::derive(move || {
        tree.get()
            .and_then(Result::ok)
            .map(|roots| unit_choices(&roots))
            .unwrap_or_default()
    });
    let jenis = Signal::derive(move || {
        let lang = i18n.lang();
        JenisJabatan::ALL
            .iter()
            .map(|j| {
                (
                    j.as_str().to_owned(),
                    text(lang, labels::jenis_jabatan(*j)).to_owned(),
                )
            })
            .collect::<Vec<Choice>>()
    });
    let golongan = Signal::derive(move || {
        reference
            .get()
            .and_then(Result::ok)
            .map(|r| {
                r.golongan
                    .into_iter()
                    .map(|g| (g.kode.clone(), format!("{} — {}", g.kode, g.pangkat)))
                    .collect::<Vec<Choice>>()
            })
            .unwrap_or_default()
    });
    let status = Signal::derive(move || {
        let lang = i18n.lang();
        StatusPegawai::ALL
            .iter()
            .map(|s| {
                (
                    s.as_str().to_owned(),
                    text(lang, labels::status_pegawai(*s)).to_owned(),
                )
            })
            .collect::<Vec<Choice>>()
    });
    let sorts = Signal::derive(move || {
        let lang = i18n.lang();
        let all = auth.can(Permission::ReadAllEmployees);
        EmployeeSort::ALL
            .iter()
            .filter(|s| all || !matches!(s, EmployeeSort::Golongan | EmployeeSort::GolonganDesc))
            .map(|s| {
                (
                    s.as_str().to_owned(),
                    text(lang, labels::sort(*s)).to_owned(),
                )
            })
            .collect::<Vec<Choice>>()
    });
    let value = move |get: fn(&Filters) -> Option<String>| {
        Signal::derive(move || filters.with(get).unwrap_or_default())
    };
    let set = move |change: fn(&mut Filters, String)| {
        Callback::new(move |v: String| {
            let mut f = filters.get_untracked();
            change(&mut f, v);
            apply.run(f);
        })
    };

    view! {
        <form
            class="card filters"
            role="search"
            aria-label=tr(Key::Filters)
            on:submit=move |ev| {
                ev.prevent_default();
                run_search();
            }
        >
            <div class="field filters__search">
                <label class="field__label" for="cari">
                    {tr(Key::Search)}
                </label>
                <p class="field__hint" id="cari-hint">
                    {tr(Key::SearchHint)}
                </p>
                <input
                    class="field__input"
                    id="cari"
                    name="q"
                    type="search"
                    autocomplete="off"
                    aria-describedby="cari-hint"
                    bind:value=search
                    on:input=on_input
                />
            </div>
            <FilterSelect
                name="unit"
                label=Key::FilterUnit
                all=Key::AllUnits
                options=units
                value=value(|f| f.unit.map(|u| u.to_string()))
                on_change=set(|f, v| f.unit = Uuid::parse_str(&v).ok())
            />
            <FilterSelect
                name="jenis"
                label=Key::JenisJabatan
                all=Key::AllJenisJabatan
                options=jenis
                value=value(|f| f.jenis.map(|j| j.as_str().to_owned()))
                on_change=set(|f, v| f.jenis = JenisJabatan::parse(&v))
            />
            {move || {
                reads_all()
                    .then(|| {
                        view! {
                            <FilterSelect
                                name="golongan"
                                label=Key::Golongan
                                all=Key::AllGolongan
                                options=golongan
                                value=value(|f| f.golongan.clone())
                                on_change=set(|f, v| f.golongan = Some(v).filter(|v| !v.is_empty()))
                            />
                            <FilterSelect
                                name="status"
                                label=Key::StatusPegawai
                                all=Key::AllStatus
                                options=status
                                value=value(|f| f.status.map(|s| s.as_str().to_owned()))
                                on_change=set(|f, v| f.status = StatusPegawai::parse(&v))
                            />
                        }
                    })
            }}
            <FilterSelect
                name="urut"
                label=Key::SortBy
                options=sorts
                value=value(|f| Some(f.sort.unwrap_or(EmployeeSort::Nama).as_str().to_owned()))
                on_change=set(|f, v| f.sort = EmployeeSort::parse(&v))
            />
            {move || {
                (!filters.with(Filters::is_empty))
                    .then(|| {
                        view! {
                            <div class="filters__clear">
                                <button
                                    type="button"
                                    class="btn btn--secondary btn--small"
                                    on:click=move |_| apply.run(Filters::default())
                                >
                                    {tr(Key::ClearFilters)}
                                </button>
                            </div>
                        }
                    })
            }}
        </form>
    }
}

/// A labelled `<select>` that changes the list at once.
#[component]
fn FilterSelect(
    name: &'static str,
    label: Key,
    /// The first option ("all"); without it the first option is the default.
    #[prop(optional)]
    all: Option<Key>,
    #[prop(into)] options: Signal<Vec<Choice>>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("filter-{name}");
    let choices = move || {
        let current = value.get();
        let all = all.map(|k| {
            view! {
                <option value="" selected=current.is_empty()>
                    {i18n.t(k)}
                </option>
            }
        });
        let rest = options
            .get()
            .into_iter()
            .map(|(v, text)| {
                let selected = v == current;
                view! {
                    <option value=v selected=selected>
                        {text}
                    </option>
                }
            })
            .collect_view();
        (all, rest)
    };
    view! {
        <div class="field">
            <label class="field__label" for=id.clone()>
                {tr(label)}
            </label>
            <select
                class="field__input field__select"
                id=id
                name=name
                prop:value=move || value.get()
                on:change=move |ev| on_change.run(event_target_value(&ev))
            >
                {choices}
            </select>
        </div>
    }
}

#[component]
fn EmployeeTable(
    employees: Vec<Employee>,
    filters: Memo<Filters>,
    apply: Callback<Filters>,
) -> impl IntoView {
    if employees.is_empty() {
        return view! {
            <div class="empty-state">
                <p class="muted">{tr(Key::NoEmployees)}</p>
                {move || {
                    (!filters.with(Filters::is_empty))
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="btn btn--secondary btn--small"
                                    on:click=move |_| apply.run(Filters::default())
                                >
                                    {tr(Key::ClearFilters)}
                                </button>
                            }
                        })
                }}
            </div>
        }
        .into_any();
    }
    let rows = employees
        .into_iter()
        .map(|e| {
            let directory = e.visibility == Visibility::Directory;
            let golongan = e.golongan.clone().map(|g| match &e.pangkat {
                Some(p) => format!("{g} — {p}"),
                None => g,
            });
            let status = e.status;
            view! {
                <tr>
                    <td data-label=tr(Key::ColEmployee)>
                        <A href=format!("/pegawai/{}", e.id) attr:class="table__primary table__link">
                            {e.nama_lengkap.clone()}
                        </A>
                        <span class="table__secondary mono table__nip">
                            <span class="sr-only">{e.nip_label.clone()} " "</span>
                            {e.nip_formatted.clone()}
                        </span>
                        {directory
                            .then(|| {
                                view! {
                                    <span class="badge badge--muted" title=tr(Key::DirectoryHint)>
                                        {tr(Key::Directory)}
                                    </span>
                                }
                            })}
                    </td>
                    <td data-label=tr(Key::ColPosition)>
                        {match e.jabatan.clone() {
                            Some(jabatan) => view! { <span class="table__primary-text">{jabatan}</span> }.into_any(),
                            None => view! { <span class="muted">{tr(Key::NoPosition)}</span> }.into_any(),
                        }}
                        <span class="table__secondary">{e.unit.clone()}</span>
                    </td>
                    <td data-label=tr(Key::Golongan)>
                        {match golongan {
                            Some(g) => g.into_any(),
                            None if directory => not_shown().into_any(),
                            None => "—".into_any(),
                        }}
                    </td>
                    <td data-label=tr(Key::StatusPegawai)>
                        {match status {
                            Some(s) => {
                                view! {
                                    <span class="status" class:status--inactive=s != StatusPegawai::Aktif>
                                        {tr(labels::status_pegawai(s))}
                                    </span>
                                }
                                    .into_any()
                            }
                            None => not_shown().into_any(),
                        }}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table table--stack table--employees">
                <thead>
                    <tr>
                        <th scope="col">{tr(Key::ColEmployee)}</th>
                        <th scope="col">{tr(Key::ColPosition)}</th>
                        <th scope="col">{tr(Key::Golongan)}</th>
                        <th scope="col">{tr(Key::StatusPegawai)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
