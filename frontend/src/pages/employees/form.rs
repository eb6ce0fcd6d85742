//! `/pegawai/baru` and `/pegawai/:id/ubah` (needs `manage_organisation`): every field of the
//! record, checked as the user types with the contract's rules — the NIP against the birth
//! date, sex and employee type with `kinerja_api::nip::validate`, the same messages as the
//! server — and the server's 422 messages placed on their fields.

use chrono::NaiveDate;
use kinerja_api::auth::Permission;
use kinerja_api::employees::{
    CreateEmployee, Employee, JenisPegawai, StatusPegawai, UpdateEmployee, Visibility, full_name,
};
use kinerja_api::nip::{self, Gender, NipKind};
use kinerja_api::organisation::PositionQuery;
use kinerja_api::validation::password_differs_from_username;
use kinerja_api::{ErrorCode, PageQuery};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use super::detail::employee_loader;
use crate::api::{self, ApiError};
use crate::components::field::focus;
use crate::components::{
    Alert, AlertKind, Choice, ErrorAlert, Field, Loader, PageHeader, SelectField,
};
use crate::forms::{EmployeeTexts, FieldErrors, employee_rules, first_invalid, push};
use crate::i18n::{Key, Lang, fill, text, tr, use_i18n};
use crate::labels;
use crate::pages::organisation::unit_choices;
use crate::state::auth::use_auth;

/// The fields in the order they appear, for moving the focus to the first invalid one.
const FIELDS: [&str; 19] = [
    "instansi_id",
    "jenis_pegawai",
    "nip",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "tempat_lahir",
    "tanggal_lahir",
    "jenis_kelamin",
    "nip_lama",
    "golongan",
    "tmt_golongan",
    "status",
    "jabatan_id",
    "tmt_jabatan",
    "email",
    "telepon",
    "password",
    "reason",
];

const REQUIRED: &str = "Wajib diisi.";

/// `/pegawai/baru`.
#[component]
pub fn NewEmployeePage() -> impl IntoView {
    let auth = use_auth();
    view! {
        <PageHeader title=Key::NewEmployeeTitle intro=Key::NewEmployeeIntro/>
        {move || {
            if auth.can(Permission::ManageOrganisation) {
                view! { <EmployeeForm existing=None/> }.into_any()
            } else {
                no_access().into_any()
            }
        }}
    }
}

/// `/pegawai/:id/ubah`.
#[component]
pub fn EditEmployeePage() -> impl IntoView {
    let auth = use_auth();
    let content = move || {
        if !auth.can(Permission::ManageOrganisation) {
            return no_access().into_any();
        }
        let employee = employee_loader(|e| {
            if e.visibility == Visibility::Full {
                view! { <EmployeeForm existing=Some(e)/> }.into_any()
            } else {
                no_access().into_any()
            }
        });
        view! { <Loader load=employee/> }.into_any()
    };
    view! {
        <PageHeader title=Key::EditEmployeeTitle intro=Key::EditEmployeeIntro/>
        {content}
    }
}

fn no_access() -> impl IntoView {
    let i18n = use_i18n();
    view! { <Alert kind=AlertKind::Error message=Signal::derive(move || i18n.t(Key::NoAccess).to_owned())/> }
}

fn parse_date(value: &str) -> Option<NaiveDate> {
    value.trim().parse::<NaiveDate>().ok()
}

fn parse_gender(value: &str) -> Option<Gender> {
    match value {
        "l" => Some(Gender::L),
        "p" => Some(Gender::P),
        _ => None,
    }
}

fn gender_value(gender: Gender) -> &'static str {
    match gender {
        Gender::L => "l",
        Gender::P => "p",
    }
}

fn nip_kind(jenis: Option<JenisPegawai>) -> NipKind {
    match jenis {
        Some(JenisPegawai::Pppk) => NipKind::NiPppk,
        _ => NipKind::Nip,
    }
}

/// `Some(trimmed)` for a non-empty value.
fn filled(value: &str) -> Option<String> {
    Some(value.trim().to_owned()).filter(|v| !v.is_empty())
}

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// Every input of the form as text, as the controls hold it.
#[derive(Clone, Copy)]
struct Values {
    instansi_id: RwSignal<String>,
    jenis_pegawai: RwSignal<String>,
    nip: RwSignal<String>,
    nama: RwSignal<String>,
    gelar_depan: RwSignal<String>,
    gelar_belakang: RwSignal<String>,
    tempat_lahir: RwSignal<String>,
    tanggal_lahir: RwSignal<String>,
    jenis_kelamin: RwSignal<String>,
    nip_lama: RwSignal<String>,
    golongan: RwSignal<String>,
    tmt_golongan: RwSignal<String>,
    status: RwSignal<String>,
    position_unit: RwSignal<String>,
    jabatan_id: RwSignal<String>,
    tmt_jabatan: RwSignal<String>,
    email: RwSignal<String>,
    telepon: RwSignal<String>,
    password: RwSignal<String>,
    reason: RwSignal<String>,
    /// The version the form was loaded from: a save based on it is refused (409) once
    /// someone else has changed the employee.
    lock_version: i32,
}

impl Values {
    fn new(existing: Option<&Employee>) -> Self {
        let text = |get: fn(&Employee) -> Option<String>| {
            RwSignal::new(existing.and_then(get).unwrap_or_default())
        };
        Self {
            instansi_id: text(|e| e.instansi_id.map(|i| i.to_string())),
            jenis_pegawai: RwSignal::new(
                existing
                    .and_then(|e| e.jenis_pegawai)
                    .unwrap_or(JenisPegawai::Pns)
                    .as_str()
                    .to_owned(),
            ),
            nip: text(|e| Some(e.nip_formatted.clone())),
            nama: text(|e| e.nama.clone()),
            gelar_depan: text(|e| e.gelar_depan.clone()),
            gelar_belakang: text(|e| e.gelar_belakang.clone()),
            tempat_lahir: text(|e| e.tempat_lahir.clone()),
            tanggal_lahir: text(|e| Some(date_text(e.tanggal_lahir))),
            jenis_kelamin: text(|e| e.jenis_kelamin.map(|g| gender_value(g).to_owned())),
            nip_lama: text(|e| e.nip_lama.clone()),
            golongan: text(|e| e.golongan.clone()),
            tmt_golongan: text(|e| Some(date_text(e.tmt_golongan))),
            status: RwSignal::new(
                existing
                    .and_then(|e| e.status)
                    .unwrap_or(StatusPegawai::Aktif)
                    .as_str()
                    .to_owned(),
            ),
            position_unit: RwSignal::new(String::new()),
            jabatan_id: RwSignal::new(String::new()),
            tmt_jabatan: RwSignal::new(String::new()),
            email: text(|e| e.email.clone()),
            telepon: text(|e| e.telepon.clone()),
            password: RwSignal::new(String::new()),
            reason: RwSignal::new(String::new()),
            lock_version: existing.map_or(0, |e| e.lock_version),
        }
    }

    fn jenis(self) -> Option<JenisPegawai> {
        self.jenis_pegawai
            .with_untracked(|j| JenisPegawai::parse(j))
    }

    /// The NIP rules for the current inputs (tracked).
    fn nip_check(self, today: NaiveDate) -> Result<String, Vec<String>> {
        let jenis = self.jenis_pegawai.with(|j| JenisPegawai::parse(j));
        let birth = self.tanggal_lahir.with(|d| parse_date(d));
        let gender = self.jenis_kelamin.with(|g| parse_gender(g));
        self.nip.with(|raw| {
            nip::validate(raw, nip_kind(jenis), birth, gender, today).map_err(|errors| {
                // Remembered with their codes, so the messages show in the chosen language.
                crate::i18n::remember(
                    errors
                        .iter()
                        .map(|e| (e.message.as_str(), e.pesan.clone().into())),
                );
                errors.into_iter().map(|e| e.message).collect()
            })
        })
    }

    /// The fields every employee needs.
    fn missing(self, creating: bool, found: &mut FieldErrors) {
        let mut required = vec![
            ("jenis_pegawai", self.jenis_pegawai),
            ("nip", self.nip),
            ("nama", self.nama),
            ("tanggal_lahir", self.tanggal_lahir),
            ("jenis_kelamin", self.jenis_kelamin),
            ("status", self.status),
        ];
        if creating {
            required.push(("instansi_id", self.instansi_id));
        }
        for (name, value) in required {
            if value.with_untracked(|v| v.trim().is_empty()) {
                push(found, name, REQUIRED);
            }
        }
    }

    /// The contract's field rules (lengths, email, password).
    fn rules(self, creating: bool) -> FieldErrors {
        let get = |s: RwSignal<String>| s.get_untracked();
        let (nama, nip_lama, gelar_depan, gelar_belakang, tempat_lahir) = (
            get(self.nama),
            get(self.nip_lama),
            get(self.gelar_depan),
            get(self.gelar_belakang),
            get(self.tempat_lahir),
        );
        let (email, telepon, password, reason) = (
            get(self.email),
            get(self.telepon),
            if creating {
                get(self.password)
            } else {
                String::new()
            },
            if creating {
                String::new()
            } else {
                get(self.reason)
            },
        );
        employee_rules(&EmployeeTexts {
            nama: nama.trim(),
            nip_lama: &nip_lama,
            gelar_depan: gelar_depan.trim(),
            gelar_belakang: gelar_belakang.trim(),
            tempat_lahir: tempat_lahir.trim(),
            email: &email,
            telepon: telepon.trim(),
            password: &password,
            reason: reason.trim(),
        })
    }

    fn create_request(self) -> CreateEmployee {
        let get = |s: RwSignal<String>| s.get_untracked();
        CreateEmployee {
            instansi_id: Uuid::parse_str(&get(self.instansi_id)).unwrap_or_default(),
            nip: get(self.nip).trim().to_owned(),
            nip_lama: filled(&get(self.nip_lama)),
            nama: get(self.nama).trim().to_owned(),
            gelar_depan: filled(&get(self.gelar_depan)),
            gelar_belakang: filled(&get(self.gelar_belakang)),
            tempat_lahir: filled(&get(self.tempat_lahir)),
            tanggal_lahir: parse_date(&get(self.tanggal_lahir)).unwrap_or_default(),
            jenis_kelamin: parse_gender(&get(self.jenis_kelamin)).unwrap_or(Gender::L),
            jenis_pegawai: self.jenis().unwrap_or(JenisPegawai::Pns),
            golongan: filled(&get(self.golongan)),
            tmt_golongan: parse_date(&get(self.tmt_golongan)),
            jabatan_id: Uuid::parse_str(&get(self.jabatan_id)).ok(),
            tmt_jabatan: parse_date(&get(self.tmt_jabatan)),
            status: StatusPegawai::parse(&get(self.status)),
            email: filled(&get(self.email)),
            telepon: filled(&get(self.telepon)),
            password: Some(get(self.password)).filter(|p| !p.is_empty()),
        }
    }

    /// Every editable field; emptied optional texts are sent as "" so that they are cleared.
    fn update_request(self) -> UpdateEmployee {
        let get = |s: RwSignal<String>| s.get_untracked();
        UpdateEmployee {
            lock_version: self.lock_version,
            nip: Some(get(self.nip).trim().to_owned()),
            nip_lama: filled(&get(self.nip_lama)),
            nama: Some(get(self.nama).trim().to_owned()),
            gelar_depan: Some(get(self.gelar_depan).trim().to_owned()),
            gelar_belakang: Some(get(self.gelar_belakang).trim().to_owned()),
            tempat_lahir: Some(get(self.tempat_lahir).trim().to_owned()),
            tanggal_lahir: parse_date(&get(self.tanggal_lahir)),
            jenis_kelamin: parse_gender(&get(self.jenis_kelamin)),
            jenis_pegawai: self.jenis(),
            golongan: filled(&get(self.golongan)),
            tmt_golongan: parse_date(&get(self.tmt_golongan)),
            status: StatusPegawai::parse(&get(self.status)),
            email: filled(&get(self.email)),
            telepon: Some(get(self.telepon).trim().to_owned()),
            reason: filled(&get(self.reason)),
        }
    }
}

/// Adds the messages of `more` for fields that have none yet (the first rule broken is the
/// one to fix: "Wajib diisi." rather than a length rule saying the same).
fn merge(found: &mut FieldErrors, more: FieldErrors) {
    for (field, messages) in more {
        found.entry(field).or_insert(messages);
    }
}

#[component]
fn EmployeeForm(existing: Option<Employee>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let creating = existing.is_none();
    let employee_id = existing.as_ref().map(|e| e.id);
    let current_position = existing
        .as_ref()
        .and_then(|e| e.jabatan.clone().map(|j| (j, e.unit.clone())));
    let v = Values::new(existing.as_ref());
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let submitted = RwSignal::new(false);
    let today = labels::today();

    // Lists for the selects.
    let reference = crate::components::background(api::organisation::reference);
    let instansi = crate::components::background(api::organisation::instansi);
    let tree = crate::components::background(api::organisation::unit_tree);
    let vacancies = crate::components::background(move || {
        let within = v.position_unit.with(|u| Uuid::parse_str(u).ok());
        async move {
            if !creating {
                return Ok(Vec::new());
            }
            let query = PositionQuery {
                within,
                vacant: Some(true),
                ..PositionQuery::default()
            };
            let page = PageQuery {
                page: 1,
                per_page: 100,
            };
            api::organisation::positions(&query, page)
                .await
                .map(|p| p.items)
        }
    });
    // With one instansi there is nothing to choose.
    Effect::new(move |_| {
        if let Some(Ok(list)) = instansi.get()
            && let [only] = list.as_slice()
            && v.instansi_id.with_untracked(String::is_empty)
        {
            v.instansi_id.set(only.id.to_string());
        }
    });

    // The NIP is checked while typing once it has 18 digits or the field was left, and
    // again whenever the birth date, sex or employee type change.
    let nip_touched = RwSignal::new(!creating);
    let nip_check = Memo::new(move |_| {
        let digits = v.nip.with(|n| nip::normalise(n).len());
        if digits == 0 || (!nip_touched.get() && digits < 18) {
            None
        } else {
            Some(v.nip_check(today))
        }
    });
    Effect::new(move |_| match nip_check.get() {
        None => {}
        Some(Ok(_)) => errors.update(|e| {
            e.remove("nip");
        }),
        Some(Err(messages)) => errors.update(|e| {
            e.insert("nip".to_owned(), messages);
        }),
    });
    let nip_agrees = move || {
        matches!(nip_check.get(), Some(Ok(_)))
            && v.tanggal_lahir.with(|d| parse_date(d).is_some())
            && v.jenis_kelamin.with(|g| parse_gender(g).is_some())
    };
    let nip_label = Signal::derive(move || {
        if v.jenis_pegawai.with(|j| j == JenisPegawai::Pppk.as_str()) {
            Key::NiPppk
        } else {
            Key::Nip
        }
    });
    let written_as = move || {
        let name = v.nama.with(|n| n.trim().to_owned());
        (!name.is_empty()).then(|| {
            let full = full_name(
                v.gelar_depan.with(|g| filled(g)).as_deref(),
                &name,
                v.gelar_belakang.with(|g| filled(g)).as_deref(),
            );
            fill(i18n.t(Key::WrittenAs), &[("name", &full)])
        })
    };

    // Options.
    let options = |pairs: fn(Lang) -> Vec<Choice>| Signal::derive(move || pairs(i18n.lang()));
    let jenis_options = options(|lang| {
        JenisPegawai::ALL
            .iter()
            .map(|j| {
                (
                    j.as_str().to_owned(),
                    text(lang, labels::jenis_pegawai(*j)).to_owned(),
                )
            })
            .collect()
    });
    let gender_options = options(|lang| {
        [Gender::L, Gender::P]
            .into_iter()
            .map(|g| {
                (
                    gender_value(g).to_owned(),
                    text(lang, labels::gender(g)).to_owned(),
                )
            })
            .collect()
    });
    let status_options = options(|lang| {
        StatusPegawai::ALL
            .iter()
            .map(|s| {
                (
                    s.as_str().to_owned(),
                    text(lang, labels::status_pegawai(*s)).to_owned(),
                )
            })
            .collect()
    });
    let instansi_options = Signal::derive(move || {
        instansi
            .get()
            .and_then(Result::ok)
            .map(|list| {
                list.into_iter()
                    .map(|i| (i.id.to_string(), i.nama))
                    .collect::<Vec<Choice>>()
            })
            .unwrap_or_default()
    });
    let golongan_options = Signal::derive(move || {
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
    let unit_options = Signal::derive(move || {
        tree.get()
            .and_then(Result::ok)
            .map(|roots| unit_choices(&roots))
            .unwrap_or_default()
    });
    let position_options = Signal::derive(move || {
        vacancies
            .get()
            .and_then(Result::ok)
            .map(|list| {
                list.into_iter()
                    .map(|p| (p.id.to_string(), format!("{} — {}", p.nama, p.unit_nama)))
                    .collect::<Vec<Choice>>()
            })
            .unwrap_or_default()
    });
    // A position outside the chosen unit is no longer offered: forget it.
    Effect::new(move |_| {
        let offered = position_options.get();
        let chosen = v.jabatan_id.get_untracked();
        if !chosen.is_empty()
            && vacancies.get().is_some()
            && !offered.iter().any(|(id, _)| *id == chosen)
        {
            v.jabatan_id.set(String::new());
        }
    });
    let no_vacancies =
        move || creating && matches!(vacancies.get(), Some(Ok(list)) if list.is_empty());

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        failure.set(None);
        submitted.set(true);
        nip_touched.set(true);
        let mut found = FieldErrors::new();
        v.missing(creating, &mut found);
        if !found.contains_key("nip")
            && let Err(messages) = v.nip_check(today)
        {
            found.insert("nip".to_owned(), messages);
        }
        merge(&mut found, v.rules(creating));
        let request = if creating {
            let request = v.create_request();
            if let Some(password) = &request.password
                && !found.contains_key("password")
                && let Err(e) =
                    password_differs_from_username(password, &nip::normalise(&request.nip))
            {
                push(&mut found, "password", e.message.unwrap_or_default());
            }
            Ok(request)
        } else {
            Err(v.update_request())
        };
        if let Some(field) = first_invalid(&found, &FIELDS) {
            focus(field);
            errors.set(found);
            return;
        }
        errors.set(FieldErrors::new());
        pending.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = match (&request, employee_id) {
                (Ok(create), _) => api::employees::create(create).await,
                (Err(update), Some(id)) => api::employees::update(id, update).await,
                (Err(_), None) => Err(ApiError::not_found()),
            };
            match result {
                Ok(saved) => {
                    let marker = if creating { "baru" } else { "ubah" };
                    navigate(
                        &format!("/pegawai/{}?tersimpan={marker}", saved.id),
                        Default::default(),
                    );
                }
                Err(error) if error.code() == Some(ErrorCode::ValidationFailed) => {
                    let found = error.field_errors();
                    match first_invalid(&found, &FIELDS) {
                        Some(field) => {
                            focus(field);
                            errors.set(found);
                        }
                        None => failure.set(Some(error)),
                    }
                }
                Err(error) => failure.set(Some(error)),
            }
            pending.set(false);
        });
    };

    let cancel_href = match employee_id {
        Some(id) => format!("/pegawai/{id}"),
        None => "/pegawai".to_owned(),
    };
    // The summary appears once a send was refused, not while the NIP is checked as typed.
    let has_errors = move || submitted.get() && errors.with(|e| e.values().any(|m| !m.is_empty()));
    view! {
        <form class="form form--wide" novalidate=true on:submit=on_submit>
            <div class="form-status" aria-live="polite">
                {move || {
                    failure
                        .get()
                        .map(|error| view! { <ErrorAlert error=error/> })
                }}
                {move || {
                    has_errors()
                        .then(|| {
                            view! {
                                <Alert
                                    kind=AlertKind::Error
                                    message=Signal::derive(move || i18n.t(Key::FormHasErrors).to_owned())
                                />
                            }
                        })
                }}
            </div>
            <section class="card" aria-labelledby="bagian-identitas">
                <h2 id="bagian-identitas">{tr(Key::Identity)}</h2>
                <div class="form-grid">
                    {creating
                        .then(|| {
                            view! {
                                <SelectField
                                    name="instansi_id"
                                    label=Key::Instansi
                                    value=v.instansi_id
                                    errors=errors
                                    options=instansi_options
                                    empty=Key::ChooseOption
                                    required=true
                                    disabled=pending
                                />
                            }
                        })}
                    <SelectField
                        name="jenis_pegawai"
                        label=Key::JenisPegawai
                        value=v.jenis_pegawai
                        errors=errors
                        options=jenis_options
                        required=true
                        disabled=pending
                    />
                </div>
                <div class="field-group field-group--nip">
                    <Field
                        name="nip"
                        label=nip_label
                        value=v.nip
                        errors=errors
                        autocomplete="off"
                        inputmode="numeric"
                        hint=Key::NipHint
                        required=true
                        disabled=pending
                        on_blur=Callback::new(move |()| nip_touched.set(true))
                    />
                    <p class="field__ok" aria-live="polite">
                        {move || nip_agrees().then(|| i18n.t(Key::NipAgrees))}
                    </p>
                </div>
                <div class="field-group">
                    <Field
                        name="nama"
                        label=Key::Nama
                        value=v.nama
                        errors=errors
                        autocomplete="off"
                        required=true
                        disabled=pending
                    />
                </div>
                <div class="form-grid">
                    <Field
                        name="gelar_depan"
                        label=Key::GelarDepan
                        value=v.gelar_depan
                        errors=errors
                        autocomplete="off"
                        disabled=pending
                    />
                    <Field
                        name="gelar_belakang"
                        label=Key::GelarBelakang
                        value=v.gelar_belakang
                        errors=errors
                        autocomplete="off"
                        disabled=pending
                    />
                </div>
                <p class="form-preview" aria-live="polite">
                    {written_as}
                </p>
                <div class="form-grid">
                    <Field
                        name="tempat_lahir"
                        label=Key::TempatLahir
                        value=v.tempat_lahir
                        errors=errors
                        autocomplete="off"
                        disabled=pending
                    />
                    <Field
                        name="tanggal_lahir"
                        label=Key::TanggalLahir
                        value=v.tanggal_lahir
                        errors=errors
                        kind="date"
                        autocomplete="off"
                        required=true
                        disabled=pending
                    />
                    <SelectField
                        name="jenis_kelamin"
                        label=Key::Gender
                        value=v.jenis_kelamin
                        errors=errors
                        options=gender_options
                        empty=Key::ChooseOption
                        required=true
                        disabled=pending
                    />
                    <Field
                        name="nip_lama"
                        label=Key::NipLama
                        value=v.nip_lama
                        errors=errors
                        autocomplete="off"
                        inputmode="numeric"
                        disabled=pending
                    />
                </div>
            </section>
            <section class="card" aria-labelledby="bagian-kepegawaian">
                <h2 id="bagian-kepegawaian">{tr(Key::Employment)}</h2>
                <div class="form-grid">
                    <SelectField
                        name="golongan"
                        label=Key::Golongan
                        value=v.golongan
                        errors=errors
                        options=golongan_options
                        empty=Key::NoGolongan
                        disabled=pending
                    />
                    <Field
                        name="tmt_golongan"
                        label=Key::TmtGolongan
                        value=v.tmt_golongan
                        errors=errors
                        kind="date"
                        autocomplete="off"
                        disabled=pending
                    />
                    <SelectField
                        name="status"
                        label=Key::StatusPegawai
                        value=v.status
                        errors=errors
                        options=status_options
                        required=true
                        disabled=pending
                    />
                </div>
                {if creating {
                    view! {
                        <h3 class="form-subheading">{tr(Key::PositionSection)}</h3>
                        <p class="field__hint">{tr(Key::VacantPositionHint)}</p>
                        <div class="form-grid">
                            <SelectField
                                name="position_unit"
                                label=Key::PositionUnit
                                value=v.position_unit
                                errors=errors
                                options=unit_options
                                empty=Key::AllUnits
                                disabled=pending
                            />
                            <div class="field-group">
                                <SelectField
                                    name="jabatan_id"
                                    label=Key::VacantPosition
                                    value=v.jabatan_id
                                    errors=errors
                                    options=position_options
                                    empty=Key::NoJabatan
                                    disabled=pending
                                />
                                <p class="field__hint field__hint--after" aria-live="polite">
                                    {move || no_vacancies().then(|| i18n.t(Key::NoVacancies))}
                                </p>
                            </div>
                            <Field
                                name="tmt_jabatan"
                                label=Key::TmtJabatan
                                value=v.tmt_jabatan
                                errors=errors
                                kind="date"
                                autocomplete="off"
                                disabled=pending
                            />
                        </div>
                    }
                        .into_any()
                } else {
                    let (jabatan, unit) = current_position.clone().unwrap_or_default();
                    view! {
                        <dl class="details">
                            <div class="details__row">
                                <dt>{tr(Key::CurrentPosition)}</dt>
                                <dd>
                                    {if jabatan.is_empty() {
                                        view! { <span class="muted">{tr(Key::NoPosition)}</span> }.into_any()
                                    } else {
                                        view! {
                                            {jabatan}
                                            <span class="table__secondary">{unit}</span>
                                        }
                                            .into_any()
                                    }}
                                </dd>
                            </div>
                        </dl>
                    }
                        .into_any()
                }}
            </section>
            <section class="card" aria-labelledby="bagian-kontak">
                <h2 id="bagian-kontak">{tr(Key::ContactAccount)}</h2>
                <div class="form-grid">
                    <Field
                        name="email"
                        label=Key::Email
                        value=v.email
                        errors=errors
                        kind="email"
                        autocomplete="off"
                        inputmode="email"
                        disabled=pending
                    />
                    <Field
                        name="telepon"
                        label=Key::Phone
                        value=v.telepon
                        errors=errors
                        kind="tel"
                        autocomplete="off"
                        inputmode="tel"
                        disabled=pending
                    />
                </div>
                {if creating {
                    view! {
                        <Field
                            name="password"
                            label=Key::InitialPassword
                            value=v.password
                            errors=errors
                            kind="password"
                            autocomplete="new-password"
                            hint=Key::InitialPasswordHint
                            disabled=pending
                        />
                    }
                        .into_any()
                } else {
                    view! {
                        <Field
                            name="reason"
                            label=Key::ChangeReason
                            value=v.reason
                            errors=errors
                            autocomplete="off"
                            disabled=pending
                        />
                    }
                        .into_any()
                }}
            </section>
            <div class="form-actions">
                <button type="submit" class="btn btn--primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(Key::Saving) } else { i18n.t(Key::Save) }}
                </button>
                <A href=cancel_href attr:class="btn btn--secondary">
                    {tr(Key::Cancel)}
                </A>
            </div>
        </form>
    }
}
