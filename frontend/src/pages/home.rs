//! `/` (beranda): who is signed in and what they can do.

use kinerja_api::auth::CurrentUser;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::{Loader, PageHeader, built, load};
use crate::i18n::{Key, fill, tr, use_i18n};
use crate::labels;

/// The home page. It loads the user from the server (not only from the session) so that it
/// always shows the current roles and permissions.
#[component]
pub fn HomePage() -> impl IntoView {
    let me = Box::new(|| {
        load(async {
            let user = api::auth::me().await?;
            Ok(built(move || view! { <Overview user=user.clone()/> }))
        })
    });
    view! {
        <PageHeader title=Key::HomeTitle intro=Key::WelcomeIntro/>
        <Loader load=me/>
    }
}

#[component]
fn Overview(
    /// The signed-in user as the server sees them now.
    user: CurrentUser,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = user.full_name.clone();
    let email = user.email.clone();
    let roles = user.roles.clone();
    let welcome = move || fill(i18n.t(Key::Welcome), &[("name", &name)]);
    let capabilities = user
        .permissions
        .iter()
        .map(|permission| {
            let (title, description) = labels::permission(*permission);
            let link = labels::permission_link(*permission).map(|href| {
                view! {
                    <A href=href attr:class="capability__link">
                        {tr(Key::Open)}
                        <span class="sr-only">": " {tr(title)}</span>
                    </A>
                }
            });
            view! {
                <li class="capability">
                    <span class="capability__icon" aria-hidden="true"></span>
                    <div>
                        <p class="capability__title">{tr(title)}</p>
                        <p class="capability__text">{tr(description)}</p>
                        {link}
                    </div>
                </li>
            }
        })
        .collect_view();
    let has_capabilities = !user.permissions.is_empty();
    view! {
        <section class="card welcome" aria-labelledby="sambutan">
            <h2 id="sambutan" class="welcome__title">{welcome}</h2>
            <dl class="details">
                <div class="details__row">
                    <dt>{tr(Key::FullName)}</dt>
                    <dd>{user.full_name.clone()}</dd>
                </div>
                <div class="details__row">
                    <dt>{tr(Key::Username)}</dt>
                    <dd class="mono">{user.username.clone()}</dd>
                </div>
                <div class="details__row">
                    <dt>{tr(Key::Email)}</dt>
                    <dd>{move || email.clone().unwrap_or_else(|| i18n.t(Key::NoEmail).to_owned())}</dd>
                </div>
                <div class="details__row">
                    <dt>{tr(Key::Roles)}</dt>
                    <dd>
                        <ul class="badges">
                            {roles
                                .into_iter()
                                .map(|role| view! { <li class="badge">{tr(labels::role(role))}</li> })
                                .collect_view()}
                        </ul>
                    </dd>
                </div>
            </dl>
        </section>
        <section class="card" aria-labelledby="kemampuan">
            <h2 id="kemampuan">{tr(Key::Capabilities)}</h2>
            {if has_capabilities {
                view! { <ul class="capabilities">{capabilities}</ul> }.into_any()
            } else {
                view! { <p class="muted">{tr(Key::NoCapabilities)}</p> }.into_any()
            }}
        </section>
    }
}
