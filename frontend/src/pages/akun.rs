//! Accounts for employees, made by the HR office: the employee page's account card, the users
//! page's form for a whole unit, and the list of one-time passwords (shown once; downloadable
//! as CSV and printable, to hand out).

use kinerja_api::users::{AkunDilewati, AkunPegawai, AlasanDilewati, BuatAkunUnit, HasilAkunUnit};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::api::{self, ApiError};
use crate::components::{Alert, AlertKind, ErrorAlert, SelectField, background};
use crate::forms::FieldErrors;
use crate::i18n::{Key, Lang, fill, text, tr, use_i18n};
use crate::pages::organisation::unit_choices;

/// One line of the list to hand out.
#[derive(Debug, Clone, PartialEq)]
pub struct OneTime {
    pub nama: String,
    pub username: String,
    pub unit: Option<String>,
    pub password: String,
}

impl From<AkunPegawai> for OneTime {
    fn from(a: AkunPegawai) -> Self {
        Self {
            nama: a.nama,
            username: a.user.username,
            unit: a.unit,
            password: a.password_sekali,
        }
    }
}

fn csv_cell(value: &str) -> String {
    // Quoted, and a leading formula character neutralised (CSV injection in spreadsheets).
    let value = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    format!("\"{}\"", value.replace('"', "\"\""))
}

/// The list as CSV (UTF-8 with BOM so that spreadsheet programs read the names correctly).
fn csv(lang: Lang, rows: &[OneTime]) -> String {
    let mut out = String::from("\u{feff}");
    let header = [
        text(lang, Key::FullName),
        text(lang, Key::Username),
        text(lang, Key::FilterUnit),
        text(lang, Key::OneTimePassword),
    ];
    out.push_str(&header.map(csv_cell).join(","));
    out.push_str("\r\n");
    for r in rows {
        let cells = [
            csv_cell(&r.nama),
            csv_cell(&r.username),
            csv_cell(r.unit.as_deref().unwrap_or("")),
            csv_cell(&r.password),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The one-time passwords just made: a warning that they are shown once, the table, and the
/// download and print buttons.
#[component]
pub fn OneTimeList(rows: Vec<OneTime>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = StoredValue::new(rows);
    let failure = RwSignal::new(None::<ApiError>);
    let download = move |_| {
        let body = rows.with_value(|r| csv(i18n.lang(), r));
        if let Err(e) = crate::api::save_text(&body, "akun-pegawai.csv") {
            failure.set(Some(e));
        }
    };
    let print = move |_| {
        let _ = window().print();
    };
    let lines = rows
        .get_value()
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <td>
                        <span class="table__primary">{r.nama}</span>
                        <span class="table__secondary">{r.unit.unwrap_or_default()}</span>
                    </td>
                    <td class="mono">{r.username}</td>
                    <td class="mono one-time__password">{r.password}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="one-time print-area">
            <Alert
                kind=AlertKind::Info
                message=Signal::derive(move || i18n.t(Key::OneTimeShownOnce).to_owned())
            />
            {move || failure.get().map(|e| view! { <ErrorAlert error=e/> })}
            <div class="one-time__actions no-print">
                <button type="button" class="btn btn--primary" on:click=download>
                    {tr(Key::DownloadCsv)}
                </button>
                <button type="button" class="btn btn--secondary" on:click=print>
                    {tr(Key::PrintList)}
                </button>
            </div>
            <div class="table-wrap">
                <table class="table">
                    <caption class="sr-only">{tr(Key::OneTimePassword)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr(Key::FullName)}</th>
                            <th scope="col">{tr(Key::Username)}</th>
                            <th scope="col">{tr(Key::OneTimePassword)}</th>
                        </tr>
                    </thead>
                    <tbody>{lines}</tbody>
                </table>
            </div>
        </div>
    }
}

/// The account part of an employee's page (HR office): make one, or reset its password.
#[component]
pub fn EmployeeAccountCard(employee_id: Uuid, user_id: Option<Uuid>) -> impl IntoView {
    let i18n = use_i18n();
    let user = RwSignal::new(user_id);
    let made = RwSignal::new(None::<OneTime>);
    let failure = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let create = move |_| {
        pending.set(true);
        failure.set(None);
        spawn_local(async move {
            match api::users::create_for_employee(employee_id).await {
                Ok(a) => {
                    user.set(Some(a.user.id));
                    made.set(Some(a.into()));
                }
                Err(e) => failure.set(Some(e)),
            }
            pending.set(false);
        });
    };
    let reset = move |_| {
        let Some(id) = user.get_untracked() else {
            return;
        };
        pending.set(true);
        failure.set(None);
        spawn_local(async move {
            match api::users::reset_password(id).await {
                Ok(r) => made.set(Some(OneTime {
                    nama: r.user.full_name,
                    username: r.user.username,
                    unit: None,
                    password: r.password_sekali,
                })),
                Err(e) => failure.set(Some(e)),
            }
            confirming.set(false);
            pending.set(false);
        });
    };
    view! {
        <section class="card" aria-labelledby="akun-pegawai">
            <h2 id="akun-pegawai">{tr(Key::EmployeeAccount)}</h2>
            <p>
                {move || {
                    i18n.t(if user.get().is_some() { Key::HasAccount } else { Key::NoAccount })
                }}
            </p>
            <div class="form-status" aria-live="polite">
                {move || failure.get().map(|e| view! { <ErrorAlert error=e/> })}
            </div>
            {move || {
                made.get().map(|row| view! { <OneTimeList rows=vec![row]/> })
            }}
            <div class="form-actions no-print">
                {move || {
                    if made.get().is_some() {
                        ().into_any()
                    } else if user.get().is_none() {
                        view! {
                            <button
                                type="button"
                                class="btn btn--primary"
                                on:click=create
                                disabled=move || pending.get()
                            >
                                {tr(Key::CreateAccount)}
                            </button>
                        }
                            .into_any()
                    } else if confirming.get() {
                        view! {
                            <p class="muted">{tr(Key::ResetPasswordConfirm)}</p>
                            <button
                                type="button"
                                class="btn btn--primary"
                                on:click=reset
                                disabled=move || pending.get()
                            >
                                {tr(Key::ResetPasswordYes)}
                            </button>
                            <button
                                type="button"
                                class="btn btn--secondary"
                                on:click=move |_| confirming.set(false)
                            >
                                {tr(Key::Cancel)}
                            </button>
                        }
                            .into_any()
                    } else {
                        view! {
                            <button
                                type="button"
                                class="btn btn--secondary"
                                on:click=move |_| confirming.set(true)
                            >
                                {tr(Key::ResetPassword)}
                            </button>
                        }
                            .into_any()
                    }
                }}
            </div>
        </section>
    }
}

fn skipped_reason(alasan: AlasanDilewati) -> Key {
    match alasan {
        AlasanDilewati::SudahPunyaAkun => Key::SkippedHasAccount,
        AlasanDilewati::NamaPenggunaTerpakai => Key::SkippedUsernameTaken,
        AlasanDilewati::TidakAktif => Key::SkippedInactive,
        AlasanDilewati::MelebihiBatas => Key::SkippedOverLimit,
    }
}

/// The users page's form: accounts for every employee of a unit who has none.
#[component]
pub fn UnitAccountsForm() -> impl IntoView {
    let i18n = use_i18n();
    let tree = background(api::organisation::unit_tree);
    let units = Signal::derive(move || {
        tree.get()
            .and_then(Result::ok)
            .map(|roots| unit_choices(&roots))
            .unwrap_or_default()
    });
    let unit = RwSignal::new(String::new());
    let sub_units = RwSignal::new(true);
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let result = RwSignal::new(None::<HasilAkunUnit>);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let Ok(unit_id) = Uuid::parse_str(&unit.get_untracked()) else {
            let mut found = FieldErrors::new();
            found.insert(
                "unit_id".to_owned(),
                vec![text(Lang::Id, Key::ChooseUnit).to_owned()],
            );
            errors.set(found);
            crate::components::field::focus("unit_id");
            return;
        };
        errors.set(FieldErrors::new());
        failure.set(None);
        result.set(None);
        pending.set(true);
        let request = BuatAkunUnit {
            unit_id,
            termasuk_sub_unit: sub_units.get_untracked(),
        };
        spawn_local(async move {
            match api::users::create_for_unit(&request).await {
                Ok(r) => result.set(Some(r)),
                Err(e) => failure.set(Some(e)),
            }
            pending.set(false);
        });
    };
    view! {
        <section class="card" aria-labelledby="akun-unit">
            <h2 id="akun-unit">{tr(Key::UnitAccountsTitle)}</h2>
            <p class="muted">{tr(Key::UnitAccountsIntro)}</p>
            <form class="form no-print" novalidate=true on:submit=on_submit>
                <SelectField
                    name="unit_id"
                    label=Key::FilterUnit
                    value=unit
                    errors=errors
                    options=units
                    empty=Key::ChooseUnit
                    required=true
                    disabled=pending
                />
                <label class="checkbox">
                    <input type="checkbox" name="termasuk_sub_unit" bind:checked=sub_units/>
                    <span>{tr(Key::IncludeSubUnits)}</span>
                </label>
                <div class="form-actions">
                    <button type="submit" class="btn btn--primary" disabled=move || pending.get()>
                        {move || {
                            i18n.t(if pending.get() { Key::CreatingAccounts } else { Key::CreateAccounts })
                        }}
                    </button>
                </div>
            </form>
            <div class="form-status" aria-live="polite">
                {move || failure.get().map(|e| view! { <ErrorAlert error=e/> })}
                {move || {
                    result
                        .get()
                        .map(|r| {
                            let made = r.dibuat.len().to_string();
                            let skipped = r.dilewati.len().to_string();
                            view! {
                                <Alert
                                    kind=AlertKind::Success
                                    message=Signal::derive(move || {
                                        fill(
                                            i18n.t(Key::AccountsMade),
                                            &[("dibuat", &made), ("dilewati", &skipped)],
                                        )
                                    })
                                />
                            }
                        })
                }}
            </div>
            {move || {
                result
                    .get()
                    .map(|r| {
                        let rows: Vec<OneTime> = r.dibuat.into_iter().map(OneTime::from).collect();
                        view! {
                            {(!rows.is_empty()).then(|| view! { <OneTimeList rows=rows/> })}
                            <SkippedList skipped=r.dilewati/>
                        }
                    })
            }}
        </section>
    }
}

#[component]
fn SkippedList(skipped: Vec<AkunDilewati>) -> impl IntoView {
    if skipped.is_empty() {
        return ().into_any();
    }
    let count = skipped.len().to_string();
    let i18n = use_i18n();
    let items = skipped
        .into_iter()
        .map(|s| {
            let reason = skipped_reason(s.alasan);
            view! {
                <li>
                    {s.nama}
                    " ("
                    <span class="mono">{s.nip}</span>
                    "): "
                    {tr(reason)}
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="skipped no-print">
            <summary>{move || fill(i18n.t(Key::SkippedTitle), &[("n", &count)])}</summary>
            <ul>{items}</ul>
        </details>
    }
    .into_any()
}
