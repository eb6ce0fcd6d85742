//! `/pegawai/:id`: one employee. The full record shows identity, position and rank, the
//! superiors on a chosen date and the position history; the directory view shows only the
//! public fields with a note.

use chrono::NaiveDate;
use kinerja_api::auth::Permission;
use kinerja_api::employees::{Assignment, Employee, Superior, Superiors, Visibility};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use uuid::Uuid;

use crate::api::{self, ApiError};
use crate::components::{Alert, AlertKind, Load, Loader, built, load};
use crate::i18n::{Key, fill, tr, use_i18n, use_title};
use crate::labels;
use crate::state::auth::use_auth;

/// The employee id of the address (`None` for an id that is not a UUID).
fn employee_id() -> Memo<Option<Uuid>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| Uuid::parse_str(&id).ok())))
}

/// Loads the employee of the address and builds `view` with it (the record and the edit
/// form).
pub(super) fn employee_loader<V: IntoView + 'static>(
    view: fn(Employee) -> V,
) -> Box<dyn Fn() -> Load> {
    let id = employee_id();
    Box::new(move || {
        let id = id.get();
        load(async move {
            let employee = api::employees::get(id.ok_or_else(ApiError::not_found)?).await?;
            Ok(built(move || view(employee.clone())))
        })
    })
}

/// One employee's page.
#[component]
pub fn EmployeeDetailPage() -> impl IntoView {
    use_title(Key::EmployeeDetailTitle);
    let employee = employee_loader(|e| view! { <EmployeeRecord employee=e/> });
    view! {
        <p class="back-link">
            <A href="/pegawai">
                <span aria-hidden="true">"← "</span>
                {tr(Key::BackToList)}
            </A>
        </p>
        <Loader load=employee/>
    }
}

/// A definition-list row; `None` shows "Belum diisi".
fn row(label: Key, value: Option<String>) -> impl IntoView {
    view! {
        <div class="details__row">
            <dt>{tr(label)}</dt>
            <dd>
                {match value {
                    Some(v) => v.into_any(),
                    None => view! { <span class="muted">{tr(Key::NoEmail)}</span> }.into_any(),
                }}
            </dd>
        </div>
    }
}

#[component]
fn EmployeeRecord(employee: Employee) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let query = use_query_map();
    let saved = move || {
        query.with(|q| match q.get("tersimpan").as_deref() {
            Some("baru") => Some(Key::EmployeeCreated),
            Some("ubah") => Some(Key::EmployeeSaved),
            _ => None,
        })
    };
    let full = employee.visibility == Visibility::Full;
    let id = employee.id;
    let account = employee.user_id;
    let nip_label = employee.nip_label.clone();
    let header = view! {
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title">{employee.nama_lengkap.clone()}</h1>
                <p class="page-header__intro">
                    <span class="nip-label">{nip_label.clone()}</span>
                    " "
                    <span class="mono">{employee.nip_formatted.clone()}</span>
                    {(!full)
                        .then(|| view! { <span class="badge badge--muted">{tr(Key::Directory)}</span> })}
                </p>
            </div>
            {move || {
                (full && auth.can(Permission::ManageOrganisation))
                    .then(|| {
                        view! {
                            <div class="page-header__actions">
                                <A href=format!("/pegawai/{id}/ubah") attr:class="btn btn--primary">
                                    {tr(Key::EditEmployee)}
                                </A>
                            </div>
                        }
                    })
            }}
        </header>
        <div class="form-status" aria-live="polite">
            {move || {
                saved()
                    .map(|key| {
                        view! {
                            <Alert kind=AlertKind::Success message=Signal::derive(move || i18n.t(key).to_owned())/>
                        }
                    })
            }}
        </div>
    };
    let unit_link = match (employee.unit.clone(), employee.unit_id) {
        (Some(unit), Some(unit_id)) => {
            view! { <A href=format!("/pegawai?unit={unit_id}")>{unit}</A> }.into_any()
        }
        (Some(unit), None) => unit.into_any(),
        (None, _) => "—".into_any(),
    };
    let position_rows = {
        let jabatan = employee.jabatan.clone();
        let jenjang = employee.jenjang;
        view! {
            <div class="details__row">
                <dt>{tr(Key::Position)}</dt>
                <dd>
                    {match jabatan {
                        Some(j) => j.into_any(),
                        None => view! { <span class="muted">{tr(Key::NoPosition)}</span> }.into_any(),
                    }}
                </dd>
            </div>
            {jenjang
                .map(|j| {
                    view! {
                        <div class="details__row">
                            <dt>{tr(Key::Jenjang)}</dt>
                            <dd>{tr(labels::jenjang(j))}</dd>
                        </div>
                    }
                })}
            <div class="details__row">
                <dt>{tr(Key::FilterUnit)}</dt>
                <dd>{unit_link}</dd>
            </div>
        }
    };
    if !full {
        return view! {
            {header}
            <Alert kind=AlertKind::Info message=Signal::derive(move || i18n.t(Key::DirectoryNote).to_owned())/>
            <section class="card card--narrow" aria-labelledby="direktori">
                <h2 id="direktori">{tr(Key::DirectoryEntry)}</h2>
                <dl class="details">
                    <div class="details__row">
                        <dt>{nip_label}</dt>
                        <dd class="mono">{employee.nip_formatted.clone()}</dd>
                    </div>
                    {position_rows}
                </dl>
            </section>
        }
        .into_any();
    }

    let date = move |d: Option<NaiveDate>| d.map(|d| labels::date(i18n.lang(), d));
    let birth = {
        let place = employee.tempat_lahir.clone();
        let day = employee.tanggal_lahir;
        move || match (place.clone(), date(day)) {
            (Some(p), Some(d)) => Some(format!("{p}, {d}")),
            (p, d) => p.or(d),
        }
    };
    let gender = employee.jenis_kelamin;
    let jenis = employee.jenis_pegawai;
    let status = employee.status;
    let golongan = employee.golongan.clone().map(|g| match &employee.pangkat {
        Some(p) => format!("{g} — {p}"),
        None => g,
    });
    let tmt_golongan = employee.tmt_golongan;
    let tmt_jabatan = employee.tmt_jabatan;
    view! {
        {header}
        <div class="grid grid--two">
            <section class="card" aria-labelledby="identitas">
                <h2 id="identitas">{tr(Key::Identity)}</h2>
                <dl class="details">
                    <div class="details__row">
                        <dt>{nip_label}</dt>
                        <dd class="mono">{employee.nip_formatted.clone()}</dd>
                    </div>
                    {employee.nip_lama.clone().map(|n| row(Key::NipLama, Some(n)))}
                    {row(Key::FullName, Some(employee.nama_lengkap.clone()))}
                    <div class="details__row">
                        <dt>{tr(Key::BirthPlaceDate)}</dt>
                        <dd>{birth}</dd>
                    </div>
                    <div class="details__row">
                        <dt>{tr(Key::Gender)}</dt>
                        <dd>{gender.map(|g| tr(labels::gender(g)))}</dd>
                    </div>
                    <div class="details__row">
                        <dt>{tr(Key::JenisPegawai)}</dt>
                        <dd>{jenis.map(|j| tr(labels::jenis_pegawai(j)))}</dd>
                    </div>
                    <div class="details__row">
                        <dt>{tr(Key::StatusPegawai)}</dt>
                        <dd>{status.map(|s| tr(labels::status_pegawai(s)))}</dd>
                    </div>
                    {row(Key::Email, employee.email.clone())}
                    {row(Key::Phone, employee.telepon.clone())}
                </dl>
            </section>
            <section class="card" aria-labelledby="jabatan">
                <h2 id="jabatan">{tr(Key::PositionAndRank)}</h2>
                <dl class="details">
                    {position_rows}
                    <div class="details__row">
                        <dt>{tr(Key::TmtJabatan)}</dt>
                        <dd>{move || date(tmt_jabatan).unwrap_or_else(|| "—".to_owned())}</dd>
                    </div>
                    {row(Key::GolonganPangkat, golongan)}
                    <div class="details__row">
                        <dt>{tr(Key::TmtGolongan)}</dt>
                        <dd>{move || date(tmt_golongan).unwrap_or_else(|| "—".to_owned())}</dd>
                    </div>
                </dl>
            </section>
        </div>
        {(full && auth.can(Permission::ManageUsers))
            .then(|| {
                view! {
                    <crate::pages::akun::EmployeeAccountCard employee_id=id user_id=account/>
                }
            })}
        <SuperiorsCard id=id/>
        <HistoryCard id=id/>
    }
    .into_any()
}

/// The PPKin and Atasan PPKin on a date the user can change.
#[component]
fn SuperiorsCard(id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let today = labels::today();
    let day = RwSignal::new(today.to_string());
    let on = Memo::new(move |_| day.with(|d| d.parse::<NaiveDate>().ok()));
    let superiors = Box::new(move || {
        let date = on.get();
        load(async move {
            let s = api::employees::superiors(id, date).await?;
            Ok(built(move || view! { <SuperiorList superiors=s.clone()/> }))
        })
    });
    view! {
        <section class="card" aria-labelledby="atasan">
            <div class="card__header">
                <div>
                    <h2 id="atasan">{tr(Key::Superiors)}</h2>
                    <p class="muted">{tr(Key::SuperiorsIntro)}</p>
                </div>
                <div class="field field--compact">
                    <label class="field__label" for="tanggal-atasan">
                        {tr(Key::OnDate)}
                    </label>
                    <input class="field__input" id="tanggal-atasan" type="date" required=true bind:value=day/>
                </div>
            </div>
            <Loader load=superiors/>
            <p class="sr-only" aria-live="polite">
                {move || on.get().map(|d| labels::date(i18n.lang(), d))}
            </p>
        </section>
    }
}

#[component]
fn SuperiorList(superiors: Superiors) -> impl IntoView {
    let i18n = use_i18n();
    let unresolved = superiors.unresolved.clone().map(|why| {
        view! {
            <div class="alert alert--info" role="status">
                <span class="alert__icon" aria-hidden="true"></span>
                <div class="alert__text">
                    <p class="alert__title">{tr(Key::Unresolved)}</p>
                    <p>{move || i18n.message(&why)}</p>
                </div>
            </div>
        }
    });
    let ppkin = superiors
        .ppkin
        .map(|s| view! { <SuperiorItem title=Key::Ppkin superior=s/> });
    let has_ppkin = ppkin.is_some();
    let atasan = match superiors.atasan_ppkin {
        Some(s) => Some(view! { <SuperiorItem title=Key::AtasanPpkin superior=s/> }.into_any()),
        None if has_ppkin => Some(
            view! {
                <li class="superior superior--none">
                    <p class="superior__title">{tr(Key::AtasanPpkin)}</p>
                    <p class="muted">{tr(Key::NoAtasanPpkin)}</p>
                </li>
            }
            .into_any(),
        ),
        None => None,
    };
    view! {
        {unresolved}
        {(has_ppkin || atasan.is_some())
            .then(|| view! { <ul class="superiors">{ppkin} {atasan}</ul> })}
    }
}

#[component]
fn SuperiorItem(title: Key, superior: Superior) -> impl IntoView {
    let i18n = use_i18n();
    let reason = superior.reason;
    let via = superior.via_jabatan.clone();
    let person = superior.employee;
    view! {
        <li class="superior">
            <p class="superior__title">{tr(title)}</p>
            <p class="superior__name">
                <A href=format!("/pegawai/{}", person.id)>{person.nama_lengkap.clone()}</A>
            </p>
            <p class="mono superior__nip">{kinerja_api::nip::format(&person.nip)}</p>
            {person.jabatan.clone().map(|j| view! { <p class="superior__position">{j}</p> })}
            <p class="superior__reason">
                <span class=format!("badge badge--reason badge--{}", reason.as_str())>
                    {tr(labels::superior_reason(reason))}
                </span>
                {via
                    .map(|v| {
                        view! {
                            <span class="superior__via">
                                {move || fill(i18n.t(Key::ViaJabatan), &[("jabatan", &v)])}
                            </span>
                        }
                    })}
            </p>
        </li>
    }
}

/// The assignment history table.
#[component]
fn HistoryCard(id: Uuid) -> impl IntoView {
    let history = Box::new(move || {
        load(async move {
            let list = api::employees::assignments(id).await?;
            Ok(built(move || view! { <HistoryTable list=list.clone()/> }))
        })
    });
    view! {
        <section class="card card--flush" aria-labelledby="riwayat">
            <h2 id="riwayat" class="card__title">
                {tr(Key::History)}
            </h2>
            <Loader load=history padded=true/>
        </section>
    }
}

#[component]
fn HistoryTable(list: Vec<Assignment>) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p class="empty muted">{tr(Key::NoHistory)}</p> }.into_any();
    }
    let rows = list
        .into_iter()
        .map(|a| {
            let (mulai, selesai) = (a.mulai, a.selesai);
            view! {
                <tr>
                    <td data-label=tr(Key::Position)>
                        <span class="table__primary">{a.jabatan.clone()}</span>
                        <span class="table__secondary">{a.unit.clone()}</span>
                    </td>
                    <td data-label=tr(Key::AssignmentKind)>
                        <span class=format!("badge badge--{}", a.jenis.as_str())>
                            {tr(labels::penugasan(a.jenis))}
                        </span>
                    </td>
                    <td class="table__date" data-label=tr(Key::Start)>{move || labels::date(i18n.lang(), mulai)}</td>
                    <td class="table__date" data-label=tr(Key::End)>
                        {move || {
                            selesai
                                .map_or_else(|| i18n.t(Key::Ongoing).to_owned(), |d| labels::date(i18n.lang(), d))
                        }}
                    </td>
                    <td data-label=tr(Key::Note) class="table__wrap">
                        {a.keterangan.clone().unwrap_or_else(|| "—".to_owned())}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table table--stack">
                <thead>
                    <tr>
                        <th scope="col">{tr(Key::Position)}</th>
                        <th scope="col">{tr(Key::AssignmentKind)}</th>
                        <th scope="col">{tr(Key::Start)}</th>
                        <th scope="col">{tr(Key::End)}</th>
                        <th scope="col">{tr(Key::Note)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
