//! `/pegawai/impor` (needs `manage_organisation`): a three-step wizard. 1. choose the instansi
//! and an XLSX/CSV file (the template can be downloaded); 2. a dry run checks every row and
//! lists the errors by row and column — fix the file and upload it again; 3. the commit,
//! offered only after a clean dry run, imports every row or none. Uploads show their progress.

use std::rc::Rc;

use kinerja_api::ErrorCode;
use kinerja_api::auth::Permission;
use kinerja_api::employees::{ImportMode, ImportReport};
use leptos::prelude::*;
use leptos::task::{spawn_local, spawn_local_scoped_with_cancellation};
use leptos_router::components::A;
use send_wrapper::SendWrapper;
use uuid::Uuid;
use wasm_bindgen::JsCast;

use crate::api::{self, ApiError, Progress};
use crate::components::field::focus;
use crate::components::{Alert, AlertKind, Choice, PageHeader, SelectField};
use crate::forms::{FieldErrors, first_invalid, push};
use crate::i18n::{Key, fill, text, tr, use_i18n};
use crate::labels;
use crate::state::auth::use_auth;

/// Row errors listed on the page; the rest are counted.
const SHOWN_ERRORS: usize = 200;
const FIELDS: [&str; 2] = ["instansi_id", "file"];

/// Where the wizard is.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Choose,
    /// A dry run (or a refused commit) with its report.
    Checked(ImportReport),
    Done(ImportReport),
}

impl Step {
    fn number(&self) -> usize {
        match self {
            Step::Choose => 1,
            Step::Checked(_) => 2,
            Step::Done(_) => 3,
        }
    }
}

/// What an upload in flight is doing.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Busy {
    /// Sending the file, in percent.
    Uploading(u8),
    /// The file is sent; the server is checking or saving it.
    Working(ImportMode),
}

/// Shows step 1 (without rebuilding it when it is showing: the chosen file stays).
fn back_to_choose(step: RwSignal<Step>) {
    if step.with_untracked(|s| *s != Step::Choose) {
        step.set(Step::Choose);
    }
}

/// The import wizard.
#[component]
pub fn ImportPage() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    view! {
        <PageHeader title=Key::ImportTitle intro=Key::ImportIntro panduan="impor-pegawai"/>
        {move || {
            if auth.can(Permission::ManageOrganisation) {
                view! { <Wizard/> }.into_any()
            } else {
                view! {
                    <Alert kind=AlertKind::Error message=Signal::derive(move || i18n.t(Key::NoAccess).to_owned())/>
                }
                    .into_any()
            }
        }}
    }
}

#[component]
fn Wizard() -> impl IntoView {
    let i18n = use_i18n();
    let owner = Owner::current();
    let step = RwSignal::new(Step::Choose);
    let instansi_id = RwSignal::new(String::new());
    let file = RwSignal::new(None::<SendWrapper<web_sys::File>>);
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(None::<Busy>);

    let instansi = crate::components::background(api::organisation::instansi);
    Effect::new(move |_| {
        if let Some(Ok(list)) = instansi.get()
            && let [only] = list.as_slice()
            && instansi_id.with_untracked(String::is_empty)
        {
            instansi_id.set(only.id.to_string());
        }
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

    // Sends the chosen file in `mode`; the report moves the wizard on.
    let upload = Callback::new(move |mode: ImportMode| {
        if busy.get_untracked().is_some() {
            return;
        }
        failure.set(None);
        let mut found = FieldErrors::new();
        let id = instansi_id.with_untracked(|i| Uuid::parse_str(i).ok());
        if id.is_none() {
            push(&mut found, "instansi_id", "Wajib diisi.");
        }
        let chosen = file.get_untracked();
        if chosen.is_none() {
            push(&mut found, "file", text(i18n.lang(), Key::ChooseFileFirst));
        }
        let (Some(id), Some(chosen)) = (id, chosen) else {
            if let Some(field) = first_invalid(&found, &FIELDS) {
                focus(field);
            }
            back_to_choose(step);
            errors.set(found);
            return;
        };
        errors.set(FieldErrors::new());
        busy.set(Some(Busy::Uploading(0)));
        let progress: Progress = Rc::new(move |percent| {
            busy.set(Some(if percent >= 100 {
                Busy::Working(mode)
            } else {
                Busy::Uploading(percent)
            }));
        });
        let task = async move {
            match api::employees::import(id, mode, &chosen, progress).await {
                Ok(report) => {
                    let done = report.committed;
                    step.set(if done {
                        Step::Done(report)
                    } else {
                        Step::Checked(report)
                    });
                    focus("langkah");
                }
                Err(error) => {
                    back_to_choose(step);
                    let found = error.field_errors();
                    if error.code() == Some(ErrorCode::ValidationFailed)
                        && let Some(field) = first_invalid(&found, &FIELDS)
                    {
                        focus(field);
                        errors.set(found);
                    } else {
                        failure.set(Some(error));
                    }
                }
            }
            busy.set(None);
        };
        // Leaving the page cancels the upload.
        match &owner {
            Some(owner) => owner.with(|| spawn_local_scoped_with_cancellation(task)),
            None => spawn_local(task),
        }
    });
    let restart = move || {
        file.set(None);
        failure.set(None);
        errors.set(FieldErrors::new());
        step.set(Step::Choose);
        focus("langkah");
    };

    let failure_message = move || {
        failure.get().map(|error| {
            let message = Signal::derive(move || match error.code() {
                Some(ErrorCode::PayloadTooLarge) => i18n.t(Key::FileTooLarge).to_owned(),
                Some(ErrorCode::UnsupportedMediaType) => i18n.t(Key::FileUnsupported).to_owned(),
                _ => labels::error_message(i18n.lang(), &error),
            });
            view! { <Alert kind=AlertKind::Error message=message/> }
        })
    };

    view! {
        <Stepper step=step/>
        <div class="form-status" aria-live="polite">
            {failure_message}
        </div>
        {move || match step.get() {
            Step::Choose => {
                view! {
                    <ChooseStep
                        instansi_id=instansi_id
                        instansi_options=instansi_options
                        file=file
                        errors=errors
                        busy=busy
                        check=Callback::new(move |()| upload.run(ImportMode::DryRun))
                        failure=failure
                    />
                }
                    .into_any()
            }
            Step::Checked(report) => {
                view! {
                    <CheckStep
                        report=report
                        busy=busy
                        commit=Callback::new(move |()| upload.run(ImportMode::Commit))
                        restart=Callback::new(move |()| restart())
                    />
                }
                    .into_any()
            }
            Step::Done(report) => {
                view! { <DoneStep report=report restart=Callback::new(move |()| restart())/> }.into_any()
            }
        }}
    }
}

/// 1 Pilih berkas · 2 Periksa · 3 Selesai.
#[component]
fn Stepper(step: RwSignal<Step>) -> impl IntoView {
    let i18n = use_i18n();
    let items = [Key::StepChoose, Key::StepCheck, Key::StepDone]
        .into_iter()
        .enumerate()
        .map(|(i, key)| {
            let n = i + 1;
            let current = move || step.with(Step::number) == n;
            let done = move || step.with(Step::number) > n;
            view! {
                <li
                    class="steps__item"
                    class:is-current=current
                    class:is-done=done
                    aria-current=move || current().then_some("step")
                >
                    <span class="steps__number" aria-hidden="true">{n}</span>
                    <span class="steps__label">{tr(key)}</span>
                    <span class="sr-only">
                        {move || current().then(|| format!(" ({})", i18n.t(Key::CurrentStep)))}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <ol class="steps" id="langkah" tabindex="-1" aria-label=tr(Key::ImportSteps)>
            {items}
        </ol>
    }
}

/// The progress of an upload in flight.
#[component]
fn UploadProgress(busy: RwSignal<Option<Busy>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        busy.get().map(|state| {
            let (value, label) = match state {
                Busy::Uploading(percent) => (
                    Some(percent.to_string()),
                    fill(i18n.t(Key::Uploading), &[("n", &percent.to_string())]),
                ),
                Busy::Working(ImportMode::DryRun) => (None, i18n.t(Key::CheckingFile).to_owned()),
                Busy::Working(ImportMode::Commit) => (None, i18n.t(Key::Importing).to_owned()),
            };
            view! {
                <div class="upload-progress" role="status">
                    <progress class="upload-progress__bar" max="100" value=value aria-label=tr(Key::UploadProgress)></progress>
                    <span class="upload-progress__text">{label}</span>
                </div>
            }
        })
    }
}

#[component]
fn ChooseStep(
    instansi_id: RwSignal<String>,
    instansi_options: Signal<Vec<Choice>>,
    file: RwSignal<Option<SendWrapper<web_sys::File>>>,
    errors: RwSignal<FieldErrors>,
    busy: RwSignal<Option<Busy>>,
    check: Callback<()>,
    failure: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let downloading = RwSignal::new(false);
    let download_template = move |_| {
        if downloading.get_untracked() {
            return;
        }
        downloading.set(true);
        failure.set(None);
        spawn_local(async move {
            if let Err(error) = api::employees::import_template().await {
                failure.set(Some(error));
            }
            downloading.set(false);
        });
    };
    let on_change = move |ev: leptos::ev::Event| {
        let chosen = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        file.set(chosen.map(SendWrapper::new));
        failure.set(None);
        errors.update(|e| {
            e.remove("file");
        });
    };
    let file_error = move || errors.with(|e| e.get("file").and_then(|m| m.first().cloned()));
    let chosen = move || {
        file.with(|f| {
            f.as_ref().map(|f| {
                fill(
                    i18n.t(Key::SelectedFile),
                    &[
                        ("name", &f.name()),
                        ("size", &labels::file_size(i18n.lang(), f.size())),
                    ],
                )
            })
        })
    };
    let working = move || busy.get().is_some();
    view! {
        <section class="card" aria-labelledby="pilih-berkas">
            <h2 id="pilih-berkas">{tr(Key::StepChoose)}</h2>
            <form
                class="form form--narrow"
                novalidate=true
                on:submit=move |ev| {
                    ev.prevent_default();
                    check.run(());
                }
            >
                <SelectField
                    name="instansi_id"
                    label=Key::Instansi
                    value=instansi_id
                    errors=errors
                    options=instansi_options
                    empty=Key::ChooseOption
                    required=true
                    disabled=Signal::derive(working)
                />
                <div class="field" class:field--invalid=move || file_error().is_some()>
                    <label class="field__label" for="file">
                        {tr(Key::ImportFile)}
                        <span class="field__required">" (" {tr(Key::Required)} ")"</span>
                    </label>
                    <p class="field__hint" id="file-hint">
                        {tr(Key::ImportFileHint)}
                    </p>
                    <div class="file-picker">
                        <input
                            class="file-picker__input"
                            id="file"
                            name="file"
                            type="file"
                            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                            aria-required="true"
                            aria-invalid=move || if file_error().is_some() { "true" } else { "false" }
                            aria-describedby="file-hint file-name file-error"
                            disabled=working
                            on:change=on_change
                        />
                        // The native button's text follows the browser's language, not the app's.
                        <label class="btn btn--secondary file-picker__button" for="file" aria-hidden="true">
                            {tr(Key::ChooseFile)}
                        </label>
                        <span class="file-picker__name" id="file-name">
                            {move || chosen().unwrap_or_else(|| i18n.t(Key::NoFileChosen).to_owned())}
                        </span>
                    </div>
                    <p class="field__error" id="file-error">
                        {move || file_error().map(|m| i18n.message(&m))}
                    </p>
                </div>
                <UploadProgress busy=busy/>
                <div class="form-actions">
                    <button type="submit" class="btn btn--primary" disabled=working>
                        {tr(Key::CheckFile)}
                    </button>
                </div>
            </form>
            <div class="template-note">
                <p class="muted">{tr(Key::TemplateNote)}</p>
                <button
                    type="button"
                    class="btn btn--secondary btn--small"
                    on:click=download_template
                    disabled=move || downloading.get()
                >
                    <span class="icon icon--download" aria-hidden="true"></span>
                    {move || i18n.t(if downloading.get() { Key::Exporting } else { Key::DownloadTemplate })}
                </button>
            </div>
        </section>
    }
}

/// The totals of a report.
#[component]
fn Summary(report: ImportReport) -> impl IntoView {
    let stats = [
        (Key::SummaryRows, report.total_rows, ""),
        (Key::SummaryValid, report.valid_rows, "stat--ok"),
        (
            Key::SummaryErrors,
            report.errors.len() as u64,
            "stat--error",
        ),
    ];
    view! {
        <dl class="stats">
            {stats
                .into_iter()
                .map(|(key, value, class)| {
                    let class = format!("stat {}", if value > 0 { class } else { "" });
                    view! {
                        <div class=class>
                            <dt class="stat__label">{tr(key)}</dt>
                            <dd class="stat__value">{value}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}

#[component]
fn CheckStep(
    report: ImportReport,
    busy: RwSignal<Option<Busy>>,
    commit: Callback<()>,
    restart: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_count = report.errors.len();
    let valid = report.valid_rows;
    let refused_commit = report.mode == ImportMode::Commit;
    let can_commit = error_count == 0 && valid > 0;
    let kind = if report.total_rows == 0 || error_count > 0 {
        AlertKind::Error
    } else {
        AlertKind::Success
    };
    let total = report.total_rows;
    let errors_n = error_count as u64;
    let outcome_text = Signal::derive(move || {
        if total == 0 {
            i18n.t(Key::NoDataRows).to_owned()
        } else if error_count > 0 {
            i18n.count(Key::DryRunErrorsOne, Key::DryRunErrors, errors_n)
        } else {
            i18n.count(Key::DryRunOkOne, Key::DryRunOk, valid)
        }
    });
    let rows = report
        .errors
        .iter()
        .take(SHOWN_ERRORS)
        .map(|e| {
            let message = e.message.clone();
            view! {
                <tr>
                    <td class="mono" data-label=tr(Key::ErrorRow)>{e.row}</td>
                    <td data-label=tr(Key::ErrorColumn)>{e.column.clone()}</td>
                    <td class="table__wrap" data-label=tr(Key::ErrorMessage)>
                        {move || i18n.message(&message)}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let more = error_count.saturating_sub(SHOWN_ERRORS);
    let working = move || busy.get().is_some();
    let commit_button = view! {
        <button
            type="button"
            class=if can_commit { "btn btn--primary" } else { "btn btn--secondary" }
            disabled=move || !can_commit || working()
            on:click=move |_| commit.run(())
        >
            {move || i18n.count(Key::CommitImportOne, Key::CommitImport, total)}
        </button>
    };
    let restart_button = view! {
        <button
            type="button"
            class=if can_commit { "btn btn--secondary" } else { "btn btn--primary" }
            disabled=working
            on:click=move |_| restart.run(())
        >
            {move || if can_commit { i18n.t(Key::ImportAnother) } else { i18n.t(Key::UploadFixed) }}
        </button>
    };
    // The way forward comes first: the commit, or uploading the corrected file.
    let actions = if can_commit {
        (commit_button, restart_button).into_any()
    } else {
        (restart_button, commit_button).into_any()
    };
    view! {
        <section class="card" aria-labelledby="hasil-periksa">
            <h2 id="hasil-periksa">{tr(Key::StepCheck)}</h2>
            {refused_commit
                .then(|| {
                    view! {
                        <Alert
                            kind=AlertKind::Error
                            message=Signal::derive(move || i18n.t(Key::ImportNotCommitted).to_owned())
                        />
                    }
                })}
            <Summary report=report.clone()/>
            <Alert kind=kind message=outcome_text/>
            {(error_count > 0)
                .then(|| {
                    view! {
                        <div class="table-wrap table-wrap--bordered">
                            <table class="table table--stack">
                                <caption class="table__caption">{tr(Key::RowErrors)}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{tr(Key::ErrorRow)}</th>
                                        <th scope="col">{tr(Key::ErrorColumn)}</th>
                                        <th scope="col">{tr(Key::ErrorMessage)}</th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                        {(more > 0)
                            .then(|| {
                                view! {
                                    <p class="muted">
                                        {move || i18n.count(Key::MoreErrorsOne, Key::MoreErrors, more as u64)}
                                    </p>
                                }
                            })}
                    }
                })}
            <UploadProgress busy=busy/>
            <div class="form-actions">{actions}</div>
        </section>
    }
}

#[component]
fn DoneStep(report: ImportReport, restart: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let created = report.created;
    view! {
        <section class="card" aria-labelledby="impor-selesai">
            <h2 id="impor-selesai">{tr(Key::StepDone)}</h2>
            <Summary report=report/>
            <Alert
                kind=AlertKind::Success
                message=Signal::derive(move || i18n.count(Key::ImportDoneOne, Key::ImportDone, created))
            />
            <div class="form-actions">
                <A href="/pegawai" attr:class="btn btn--primary">
                    {tr(Key::ViewEmployees)}
                </A>
                <button type="button" class="btn btn--secondary" on:click=move |_| restart.run(())>
                    {tr(Key::ImportAnother)}
                </button>
            </div>
        </section>
    }
}
