//! `/profil`: account details and the password change.

use kinerja_api::ErrorCode;
use kinerja_api::auth::ChangePasswordRequest;
use kinerja_api::validation::password_differs_from_username;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiError};
use crate::components::field::focus;
use crate::components::{Alert, AlertKind, ErrorAlert, Field, PageHeader};
use crate::forms::{FieldErrors, change_password_rules, first_invalid, push};
use crate::i18n::{Key, Lang, text, tr, use_i18n};
use crate::labels;
use crate::state::auth::use_auth;

const FIELDS: [&str; 3] = ["current_password", "new_password", "confirm_password"];

/// The profile page.
#[component]
pub fn ProfilePage() -> impl IntoView {
    view! {
        <PageHeader title=Key::ProfileTitle intro=Key::ProfileIntro/>
        <div class="grid grid--two">
            <AccountCard/>
            <ChangePasswordForm/>
            <DataSaya/>
        </div>
    }
}

#[component]
fn AccountCard() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    // The session's copy is current: every token renewal carries the user.
    let field = move |get: fn(&kinerja_api::auth::CurrentUser, Lang) -> String| {
        move || {
            auth.user()
                .map(|u| get(&u, i18n.lang()))
                .unwrap_or_default()
        }
    };
    view! {
        <section class="card" aria-labelledby="akun">
            <h2 id="akun">{tr(Key::AccountSummary)}</h2>
            <dl class="details">
                <div class="details__row">
                    <dt>{tr(Key::FullName)}</dt>
                    <dd>{field(|u, _| u.full_name.clone())}</dd>
                </div>
                <div class="details__row">
                    <dt>{tr(Key::Username)}</dt>
                    <dd class="mono">{field(|u, _| u.username.clone())}</dd>
                </div>
                <div class="details__row">
                    <dt>{tr(Key::Email)}</dt>
                    <dd>
                        {field(|u, lang| {
                            u.email.clone().unwrap_or_else(|| text(lang, Key::NoEmail).to_owned())
                        })}
                    </dd>
                </div>
                <div class="details__row">
                    <dt>{tr(Key::Roles)}</dt>
                    <dd>{field(|u, lang| labels::roles_line(lang, &u.roles))}</dd>
                </div>
                <div class="details__row">
                    <dt>{tr(Key::PasswordChangedAt)}</dt>
                    <dd id="password-changed-at">
                        {field(|u, lang| labels::datetime(lang, u.password_changed_at))}
                    </dd>
                </div>
            </dl>
        </section>
    }
}

/// The only screen of an account holding a one-time password from the HR office: choose a
/// password of one's own, or sign out. The app opens once the change succeeds (the new tokens
/// carry the cleared flag).
#[component]
pub fn ForcedPasswordChange() -> impl IntoView {
    let auth = use_auth();
    let signing_out = RwSignal::new(false);
    let sign_out = move |_| {
        signing_out.set(true);
        spawn_local(async move { auth.sign_out().await });
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
                    <crate::components::LangSwitch/>
                </div>
                <div class="login__card card forced-change">
                    <div class="login__mobile-brand" aria-hidden="true">
                        <span class="logo-mark">"K"</span>
                        <span class="brand__name">{tr(Key::AppName)}</span>
                    </div>
                    <h1>{tr(Key::ForcedChangeTitle)}</h1>
                    <p>
                        {move || {
                            crate::i18n::fill(
                                use_i18n().t(Key::ForcedChangeIntro),
                                &[("nama", &auth.user().map(|u| u.full_name).unwrap_or_default())],
                            )
                        }}
                    </p>
                    <ChangePasswordForm/>
                    <button
                        type="button"
                        class="btn btn--secondary btn--block"
                        on:click=sign_out
                        disabled=move || signing_out.get()
                    >
                        {tr(Key::SignOut)}
                    </button>
                </div>
            </main>
        </div>
    }
}

#[component]
fn ChangePasswordForm() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(false);
    let pending = RwSignal::new(false);

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        done.set(false);
        failure.set(None);
        let request = ChangePasswordRequest {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
        };
        // The contract's rules, the server's "not the username" rule, and the repeat check.
        let mut found = change_password_rules(&request);
        if !found.contains_key("new_password")
            && let Some(user) = auth.user_untracked()
            && let Err(e) = password_differs_from_username(&request.new_password, &user.username)
        {
            push(&mut found, "new_password", e.message.unwrap_or_default());
        }
        if confirm.get_untracked() != request.new_password {
            push(
                &mut found,
                "confirm_password",
                text(Lang::Id, Key::ConfirmMismatch),
            );
        }
        if let Some(field) = first_invalid(&found, &FIELDS) {
            focus(field);
            errors.set(found);
            return;
        }
        errors.set(FieldErrors::new());
        pending.set(true);
        spawn_local(async move {
            match api::auth::change_password(&request).await {
                Ok(_) => {
                    current.set(String::new());
                    new.set(String::new());
                    confirm.set(String::new());
                    done.set(true);
                }
                Err(error) if error.code() == Some(ErrorCode::ValidationFailed) => {
                    let found = error.field_errors();
                    if let Some(field) = first_invalid(&found, &FIELDS) {
                        focus(field);
                    }
                    errors.set(found);
                }
                Err(error) => failure.set(Some(error)),
            }
            pending.set(false);
        });
    };

    view! {
        <section class="card" aria-labelledby="ganti-sandi">
            <h2 id="ganti-sandi">{tr(Key::ChangePassword)}</h2>
            <p class="muted">{tr(Key::ChangePasswordIntro)}</p>
            <div class="form-status" aria-live="polite">
                {move || {
                    done.get()
                        .then(|| {
                            view! {
                                <Alert
                                    kind=AlertKind::Success
                                    message=Signal::derive(move || i18n.t(Key::PasswordChanged).to_owned())
                                />
                            }
                        })
                }}
                {move || {
                    failure
                        .get()
                        .map(|error| view! { <ErrorAlert error=error/> })
                }}
            </div>
            <form class="form" novalidate=true on:submit=on_submit>
                // Lets password managers store the new password for the right account.
                <input
                    type="text"
                    name="username"
                    autocomplete="username"
                    hidden=true
                    readonly=true
                    prop:value=move || auth.user().map(|u| u.username).unwrap_or_default()
                />
                <Field
                    name="current_password"
                    label=Key::CurrentPassword
                    value=current
                    errors=errors
                    kind="password"
                    autocomplete="current-password"
                    disabled=pending
                />
                <Field
                    name="new_password"
                    label=Key::NewPassword
                    value=new
                    errors=errors
                    kind="password"
                    autocomplete="new-password"
                    disabled=pending
                />
                <Field
                    name="confirm_password"
                    label=Key::ConfirmPassword
                    value=confirm
                    errors=errors
                    kind="password"
                    autocomplete="new-password"
                    disabled=pending
                />
                <button type="submit" class="btn btn--primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(Key::Saving) } else { i18n.t(Key::SavePassword) }}
                </button>
            </form>
        </section>
    }
}

/// Data Saya: one's own data and the record of its processing, as two downloads (the content
/// is the server's; nothing of it is shown here, so the main bundle stays small).
#[component]
fn DataSaya() -> impl IntoView {
    let auth = use_auth();
    let error = RwSignal::new(None::<ApiError>);
    let get = move |pdf: bool| {
        move |_| {
            spawn_local(async move {
                error.set(api::privasi::data_saya(pdf).await.err());
            });
        }
    };
    move || {
        auth.user().is_some_and(|u| u.employee_id.is_some()).then(|| {
            view! {
                <section class="card" aria-labelledby="data-saya">
                    <h2 id="data-saya">{tr(Key::DataSayaTitle)}</h2>
                    <p class="muted">{tr(Key::DataSayaIntro)}</p>
                    <div class="form-actions">
                        <button type="button" class="btn btn--secondary" id="data-saya-json" on:click=get(false)>
                            {tr(Key::DataSayaJson)}
                        </button>
                        <button type="button" class="btn btn--secondary" id="data-saya-pdf" on:click=get(true)>
                            {tr(Key::DataSayaPdf)}
                        </button>
                    </div>
                    {move || error.get().map(|e| view! { <ErrorAlert error=e/> })}
                </section>
            }
        })
    }
}
