//! `/masuk`: sign in with NIP/username and password.

use kinerja_api::ErrorCode;
use kinerja_api::auth::{LoginRequest, RefreshDelivery};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

use crate::api::{self, ApiError};
use crate::components::field::focus;
use crate::components::{Alert, AlertKind, ErrorAlert, Field, FullPageLoading, LangSwitch};
use crate::forms::{FieldErrors, first_invalid, login_rules};
use crate::i18n::{Key, tr, use_i18n, use_title};
use crate::state::auth::{SignedOutReason, Status, use_auth};

const FIELDS: [&str; 2] = ["username", "password"];

/// Where to go after signing in: the `kembali` query when it is a local path, else home.
/// Anything else (`//evil.example`, `https://…`) is ignored, so the link cannot send users away.
fn return_target(kembali: Option<&str>) -> String {
    match kembali {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && !path.starts_with("/masuk") =>
        {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

/// The login page; signed-in visitors go straight on to where they wanted to be.
#[component]
pub fn LoginPage() -> impl IntoView {
    use_title(Key::LoginTitle);
    let auth = use_auth();
    let query = use_query_map();
    move || match auth.status() {
        Status::Restoring => view! { <FullPageLoading label=Key::RestoringSession/> }.into_any(),
        Status::SignedIn => {
            let target = return_target(query.read_untracked().get("kembali").as_deref());
            let options = NavigateOptions {
                replace: true,
                ..NavigateOptions::default()
            };
            view! { <Redirect path=target options=options/> }.into_any()
        }
        Status::SignedOut(reason) => view! { <LoginForm reason=reason/> }.into_any(),
    }
}

#[component]
fn LoginForm(
    /// Why nobody is signed in (shown as a notice after logout or expiry).
    reason: SignedOutReason,
) -> impl IntoView {
    let i18n = use_i18n();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let show_password = RwSignal::new(false);
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let request = LoginRequest {
            username: username.get_untracked(),
            password: password.get_untracked(),
            refresh_delivery: RefreshDelivery::Cookie,
        };
        failure.set(None);
        // The same rules as the server, before anything is sent.
        let found = login_rules(&request);
        if !found.is_empty() {
            if let Some(field) = first_invalid(&found, &FIELDS) {
                focus(field);
            }
            errors.set(found);
            return;
        }
        errors.set(FieldErrors::new());
        pending.set(true);
        spawn_local(async move {
            // Success updates the auth state, and `LoginPage` moves on by itself.
            if let Err(error) = api::auth::login(&request).await {
                pending.set(false);
                if error.code() == Some(ErrorCode::ValidationFailed) {
                    let found = error.field_errors();
                    if let Some(field) = first_invalid(&found, &FIELDS) {
                        focus(field);
                    }
                    errors.set(found);
                } else {
                    password.set(String::new());
                    failure.set(Some(error));
                    focus("password");
                }
            }
        });
    };

    let notice = match reason {
        SignedOutReason::Expired => Some(Key::SessionExpired),
        SignedOutReason::Logout => Some(Key::SignedOut),
        SignedOutReason::Anonymous => None,
    };

    view! {
        <div class="login">
            <section class="login__brand" aria-hidden="true">
                <div class="login__brand-inner">
                    <span class="logo-mark logo-mark--large">"K"</span>
                    <p class="login__brand-name">{tr(Key::AppName)}</p>
                    <p class="login__brand-tagline">{tr(Key::AppTagline)}</p>
                </div>
            </section>
            <main class="login__main" id="konten">
                <div class="login__top">
                    <LangSwitch/>
                </div>
                <div class="login__card card">
                    <div class="login__mobile-brand" aria-hidden="true">
                        <span class="logo-mark">"K"</span>
                        <span class="brand__name">{tr(Key::AppName)}</span>
                    </div>
                    <h1>{tr(Key::LoginTitle)}</h1>
                    <p class="muted">{tr(Key::LoginIntro)}</p>
                    {notice
                        .map(|key| {
                            view! { <Alert kind=AlertKind::Info message=Signal::derive(move || i18n.t(key).to_owned())/> }
                        })}
                    <div class="form-status" aria-live="assertive">
                        {move || {
                            failure
                                .get()
                                .map(|error| view! { <ErrorAlert error=error/> })
                        }}
                    </div>
                    <form class="form" novalidate=true on:submit=on_submit>
                        <Field
                            name="username"
                            label=Key::Username
                            value=username
                            errors=errors
                            autocomplete="username"
                            disabled=pending
                        />
                        <Field
                            name="password"
                            label=Key::Password
                            value=password
                            errors=errors
                            autocomplete="current-password"
                            kind=Signal::derive(move || if show_password.get() { "text" } else { "password" })
                            disabled=pending
                        />
                        <label class="checkbox">
                            <input type="checkbox" bind:checked=show_password/>
                            <span>{tr(Key::ShowPassword)}</span>
                        </label>
                        <button type="submit" class="btn btn--primary btn--block" disabled=move || pending.get()>
                            {move || if pending.get() { i18n.t(Key::SigningIn) } else { i18n.t(Key::SignIn) }}
                        </button>
                    </form>
                    <p class="login__footnote muted">{tr(Key::LoginFootnote)}</p>
                </div>
            </main>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::return_target;

    #[test]
    fn only_local_paths_are_followed_after_login() {
        assert_eq!(return_target(Some("/profil")), "/profil");
        assert_eq!(
            return_target(Some("/pengguna?halaman=2")),
            "/pengguna?halaman=2"
        );
        assert_eq!(return_target(Some("//evil.example")), "/");
        assert_eq!(return_target(Some("https://evil.example")), "/");
        assert_eq!(return_target(Some("/masuk")), "/");
        assert_eq!(return_target(None), "/");
    }
}
