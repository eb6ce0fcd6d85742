//! Loading indicators, alerts and the error panel used as `ErrorBoundary` fallback.

use leptos::error::Errors;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::{Key, tr, use_i18n};
use crate::labels::error_message;

/// An inline loading indicator, announced politely to screen readers.
#[component]
pub fn Loading(
    /// What is being loaded.
    #[prop(default = Key::Loading)]
    label: Key,
) -> impl IntoView {
    view! {
        <div class="loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            <span>{tr(label)}</span>
        </div>
    }
}

/// A full-screen loading state (session restore), so the app never shows a blank page.
#[component]
pub fn FullPageLoading(
    /// What is being loaded.
    #[prop(default = Key::Loading)]
    label: Key,
) -> impl IntoView {
    view! {
        <div class="full-page">
            <div class="full-page__brand" aria-hidden="true">
                <span class="logo-mark">"K"</span>
            </div>
            <Loading label=label/>
        </div>
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertKind {
    Error,
    Success,
    Info,
}

/// A message box. Errors use `role="alert"`; the others `role="status"`.
#[component]
pub fn Alert(
    /// Colour and role.
    kind: AlertKind,
    /// The (already translated) message.
    #[prop(into)]
    message: Signal<String>,
) -> impl IntoView {
    let (class, role) = match kind {
        AlertKind::Error => ("alert alert--error", "alert"),
        AlertKind::Success => ("alert alert--success", "status"),
        AlertKind::Info => ("alert alert--info", "status"),
    };
    view! {
        <div class=class role=role>
            <span class="alert__icon" aria-hidden="true"></span>
            <p class="alert__text">{message}</p>
        </div>
    }
}

/// A failed call explained in the user's language (one component for every page, rather
/// than a message closure at each use).
#[component]
pub fn ErrorAlert(error: ApiError) -> impl IntoView {
    let i18n = use_i18n();
    view! { <Alert kind=AlertKind::Error message=Signal::derive(move || error_message(i18n.lang(), &error))/> }
}

/// The fallback of an `ErrorBoundary`: what went wrong, in the user's language, and a retry.
#[component]
pub fn ErrorPanel(
    /// The errors caught by the boundary.
    errors: ArcRwSignal<Errors>,
    /// Runs the failed request again.
    #[prop(optional)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let messages = move || {
        let lang = i18n.lang();
        let mut list: Vec<String> = errors
            .get()
            .into_iter()
            .map(|(_, e)| {
                e.downcast_ref::<ApiError>()
                    .map_or_else(|| e.to_string(), |api| error_message(lang, api))
            })
            .collect();
        list.dedup();
        list.into_iter()
            .map(|m| view! { <li>{m}</li> })
            .collect_view()
    };
    view! {
        <div class="alert alert--error alert--block" role="alert">
            <span class="alert__icon" aria-hidden="true"></span>
            <div class="alert__text">
                <p class="alert__title">{tr(Key::ErrorTitle)}</p>
                <ul class="alert__list">{messages}</ul>
                {on_retry
                    .map(|retry| {
                        view! {
                            <button type="button" class="btn btn--secondary btn--small" on:click=move |_| retry.run(())>
                                {tr(Key::Retry)}
                            </button>
                        }
                    })}
            </div>
        </div>
    }
}
