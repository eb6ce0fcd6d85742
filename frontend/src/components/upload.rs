//! One file picked and uploaded with its progress (evidence, objection attachments); leaving
//! the page cancels the upload.

use std::future::Future;
use std::rc::Rc;

use kinerja_api::ErrorCode;
use leptos::prelude::*;
use leptos::task::{spawn_local, spawn_local_scoped_with_cancellation};
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use crate::api::{ApiError, Progress};
use crate::components::ErrorAlert;
use crate::i18n::{Key, Lang, fill, text, tr, use_i18n};
use crate::labels;

/// The words of one upload form.
#[derive(Clone, Copy)]
pub struct UploadTexts {
    pub label: Key,
    pub button: Key,
    pub choose_first: Key,
    pub uploaded: Key,
}

/// A file picker and an upload button; `send` uploads the chosen file (reporting progress)
/// and keeps what the server answered. 413 and per-field errors show under the picker.
#[component]
pub fn FileUpload<F, Fut>(
    id: String,
    texts: UploadTexts,
    #[prop(into)] enabled: Signal<bool>,
    send: F,
) -> impl IntoView
where
    F: Fn(web_sys::File, Progress) -> Fut + Copy + 'static,
    Fut: Future<Output = Result<(), ApiError>> + 'static,
{
    let i18n = use_i18n();
    let owner = Owner::current();
    let input = NodeRef::<leptos::html::Input>::new();
    let file = RwSignal::new(None::<SendWrapper<web_sys::File>>);
    // Percent sent, while and after an upload.
    let progress = RwSignal::new(None::<u8>);
    let done = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<ApiError>);
    let on_change = move |ev: leptos::ev::Event| {
        let chosen = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0));
        file.set(chosen.map(SendWrapper::new));
        error.set(None);
        failure.set(None);
        done.set(false);
        progress.set(None);
    };
    let uploading = move || progress.get().is_some() && !done.get();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if uploading() {
            return;
        }
        let Some(chosen) = file.get_untracked() else {
            error.set(Some(text(Lang::Id, texts.choose_first).to_owned()));
            return;
        };
        error.set(None);
        failure.set(None);
        done.set(false);
        progress.set(Some(0));
        let report: Progress = Rc::new(move |percent| progress.set(Some(percent)));
        let task = async move {
            match send(chosen.take(), report).await {
                Ok(()) => {
                    progress.set(Some(100));
                    done.set(true);
                    file.set(None);
                    if let Some(input) = input.get_untracked() {
                        input.set_value("");
                    }
                }
                Err(e) => {
                    progress.set(None);
                    match e.code() {
                        Some(ErrorCode::PayloadTooLarge) => {
                            error.set(Some(text(Lang::Id, Key::BuktiTooLarge).to_owned()));
                        }
                        Some(ErrorCode::ValidationFailed) => {
                            error.set(e.field_errors().into_values().flatten().next());
                        }
                        _ => failure.set(Some(e)),
                    }
                }
            }
        };
        match &owner {
            Some(owner) => owner.with(|| spawn_local_scoped_with_cancellation(task)),
            None => spawn_local(task),
        }
    };
    let chosen = move || {
        file.with(|f| {
            f.as_ref().map_or_else(
                || i18n.t(Key::NoFileChosen).to_owned(),
                |f| {
                    fill(
                        i18n.t(Key::SelectedFile),
                        &[
                            ("name", &f.name()),
                            ("size", &labels::file_size(i18n.lang(), f.size())),
                        ],
                    )
                },
            )
        })
    };
    let status = move || {
        progress.get().map(|p| {
            let label = if done.get() {
                i18n.t(texts.uploaded).to_owned()
            } else {
                fill(i18n.t(Key::Uploading), &[("n", &p.to_string())])
            };
            view! {
                <progress class="upload-progress__bar" max="100" value=p.to_string() aria-label=tr(Key::UploadProgress)></progress>
                <span class="upload-progress__text">{label}</span>
            }
        })
    };
    let error_id = format!("{id}-error");
    let name_id = format!("{id}-name");
    view! {
        <form class="bukti-form" novalidate on:submit=submit>
            <div class="field field--compact" class:field--invalid=move || error.with(Option::is_some)>
                <label class="field__label" for=id.clone()>{tr(texts.label)}</label>
                <div class="file-picker">
                    <input
                        class="file-picker__input"
                        id=id.clone()
                        type="file"
                        accept=".pdf,.jpg,.jpeg,.png,.xlsx,.docx"
                        aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                        aria-describedby=format!("{name_id} {error_id}")
                        disabled=move || !enabled.get() || uploading()
                        node_ref=input
                        on:change=on_change
                    />
                    <label class="btn btn--secondary btn--small file-picker__button" for=id aria-hidden="true">
                        {tr(Key::ChooseFile)}
                    </label>
                    <span class="file-picker__name" id=name_id>{chosen}</span>
                    <button type="submit" class="btn btn--primary btn--small" disabled=move || !enabled.get() || uploading()>
                        {tr(texts.button)}
                    </button>
                </div>
                <p class="field__error" id=error_id>
                    {move || error.get().map(|m| view! { <span class="field__message">{i18n.message(&m)}</span> })}
                </p>
            </div>
            <div class="upload-progress" role="status">{status}</div>
            {move || failure.get().map(|e| view! { <ErrorAlert error=e/> })}
        </form>
    }
}
