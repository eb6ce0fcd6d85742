//! `/klien-api`: the API clients of other government systems (needs `manage_users`): the
//! list, registering one (its secret is shown once, in this page only) and disabling or
//! enabling one.

use kinerja_api::auth::Permission;
use kinerja_api::integrations::{ApiClient, ApiClientCreated, CreateApiClient, Scope};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::api::{self, ApiError};
use crate::components::{
    Alert, AlertKind, ErrorAlert, Field, LoadedList, PageHeader, SelectField, background,
    replace_item,
};
use crate::components::{FormStatus, Outcome, failed};
use crate::forms::{FieldErrors, push};
use crate::i18n::{Key, tr, use_i18n};
use crate::labels;
use crate::pages::organisation::unit_choices;
use crate::state::auth::use_auth;

/// Klien API.
#[component]
pub fn ApiClientsPage() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    if !auth.can(Permission::ManageUsers) {
        return view! {
            <PageHeader title=Key::NavApiClients intro=Key::ApiClientsIntro/>
            <Alert kind=AlertKind::Error message=Signal::derive(move || i18n.t(Key::NoAccess).to_owned())/>
        }
        .into_any();
    }
    let clients = RwSignal::new(None::<Result<Vec<ApiClient>, ApiError>>);
    spawn_local(async move { clients.set(Some(api::integrations::list().await)) });
    let created = RwSignal::new(None::<ApiClientCreated>);
    let list = move || match clients.get() {
        None => view! { <p class="card__body muted">{tr(Key::Loading)}</p> }.into_any(),
        Some(Err(e)) => view! { <div class="card__body"><ErrorAlert error=e/></div> }.into_any(),
        Some(Ok(items)) if items.is_empty() => {
            view! { <p class="empty muted">{tr(Key::NoApiClients)}</p> }.into_any()
        }
        Some(Ok(items)) => view! { <ClientTable items=items clients=clients/> }.into_any(),
    };
    view! {
        <PageHeader title=Key::NavApiClients intro=Key::ApiClientsIntro/>
        <NewClient clients=clients created=created/>
        {move || created.get().map(|c| view! { <Secret created=c/> })}
        <section class="card card--flush">{list}</section>
    }
    .into_any()
}

/// The registration form.
#[component]
fn NewClient(
    clients: LoadedList<ApiClient>,
    created: RwSignal<Option<ApiClientCreated>>,
) -> impl IntoView {
    let nama = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let scopes = RwSignal::new(vec![Scope::RealisasiWrite]);
    let errors = RwSignal::new(FieldErrors::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);
    let units = background(|| async {
        api::organisation::unit_tree()
            .await
            .map(|roots| unit_choices(&roots))
            .unwrap_or_default()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = FieldErrors::new();
        let name = nama.get_untracked().trim().to_owned();
        if name.chars().count() < 3 {
            push(&mut found, "nama", "Nama klien 3–120 karakter.");
        }
        let unit_id = Uuid::parse_str(&unit.get_untracked()).ok();
        if unit_id.is_none() {
            push(&mut found, "unit_id", "Pilih unit pemilik.");
        }
        if scopes.with_untracked(Vec::is_empty) {
            push(
                &mut found,
                "scopes",
                "Pilih setidaknya satu cakupan (scope).",
            );
        }
        let (Some(unit_id), true) = (unit_id, found.is_empty()) else {
            errors.set(found);
            outcome.set(Some(Outcome::Invalid(Vec::new())));
            return;
        };
        let request = CreateApiClient {
            nama: name,
            unit_id,
            scopes: scopes.get_untracked(),
        };
        busy.set(true);
        outcome.set(None);
        spawn_local(async move {
            match api::integrations::create(&request).await {
                Ok(answer) => {
                    clients.update(|c| {
                        if let Some(Ok(list)) = c {
                            list.insert(0, answer.client.clone());
                        }
                    });
                    created.set(Some(answer));
                    nama.set(String::new());
                    errors.set(FieldErrors::new());
                }
                Err(e) => failed(e, &["nama", "unit_id", "scopes"], errors, outcome),
            }
            busy.set(false);
        });
    };
    let checks = Scope::ALL
        .iter()
        .map(|&s| {
            view! {
                <label class="checkbox">
                    <input
                        type="checkbox"
                        value=s.as_str()
                        prop:checked=move || scopes.with(|l| l.contains(&s))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            scopes.update(|l| {
                                l.retain(|x| *x != s);
                                if on {
                                    l.push(s);
                                }
                            });
                            errors.update(|e| {
                                e.remove("scopes");
                            });
                        }
                    />
                    <span>{tr(labels::scope(s))}</span>
                </label>
            }
        })
        .collect_view();
    let scope_errors = move || errors.with(|e| e.get("scopes").cloned().unwrap_or_default());
    view! {
        <section class="card card--skp" aria-labelledby="klien-baru">
            <h2 class="card__title" id="klien-baru">{tr(Key::ApiClientNew)}</h2>
            <form novalidate on:submit=submit>
                <Field name="nama" label=Key::ApiClientName value=nama errors=errors autocomplete="off" required=true/>
                <SelectField name="unit_id" label=Key::ApiClientUnit value=unit errors=errors options=Signal::derive(move || units.get().unwrap_or_default()) empty=Key::ChooseOption required=true/>
                <fieldset class="field" class:field--invalid=move || !scope_errors().is_empty()>
                    <legend class="field__label">{tr(Key::ApiClientScopes)}</legend>
                    {checks}
                    <p class="field__error" id="scopes-error">
                        {move || scope_errors().into_iter().map(|m| view! { <span class="field__message">{m}</span> }).collect_view()}
                    </p>
                </fieldset>
                <FormStatus outcome=outcome/>
                <div class="form-actions">
                    <button type="submit" class="btn btn--primary" disabled=move || busy.get()>{tr(Key::ApiClientNew)}</button>
                </div>
            </form>
        </section>
    }
}

/// The new client's id and secret, shown this once.
#[component]
fn Secret(created: ApiClientCreated) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card card--skp secret" aria-live="polite">
            <Alert kind=AlertKind::Success message=Signal::derive(move || i18n.t(Key::ApiClientSecret).to_owned())/>
            <dl class="eval-ratings">
                <dt>{tr(Key::ApiClientId)}</dt>
                <dd class="mono" data-field="client_id">{created.client.id.to_string()}</dd>
                <dt>{tr(Key::ApiClientSecretLabel)}</dt>
                <dd class="mono" data-field="client_secret">{created.client_secret}</dd>
            </dl>
        </section>
    }
}

#[component]
fn ClientTable(items: Vec<ApiClient>, clients: LoadedList<ApiClient>) -> impl IntoView {
    let i18n = use_i18n();
    // A failed enable/disable (the list stays as it was).
    let notice = RwSignal::new(None::<Outcome>);
    let rows = items
        .into_iter()
        .map(|c| {
            let (id, aktif, used) = (c.id, c.aktif, c.last_used_at);
            let scopes = c.scopes.clone();
            let toggle = move |_| {
                spawn_local(async move {
                    match api::integrations::set_active(id, !aktif).await {
                        Ok(updated) => replace_item(clients, updated, |x| x.id == id),
                        Err(e) => notice.set(Some(Outcome::Failed(e))),
                    }
                });
            };
            view! {
                <tr data-client=id.to_string()>
                    <td>
                        <span class="table__primary">{c.nama}</span>
                        <span class="table__secondary mono">{id.to_string()} " · " {c.secret_prefix} "…"</span>
                    </td>
                    <td>{c.unit_nama}</td>
                    <td>{move || scopes.iter().map(|s| i18n.t(labels::scope(*s))).collect::<Vec<_>>().join(", ")}</td>
                    <td>
                        <span class="status" class:status--inactive=!aktif>
                            {move || i18n.t(if aktif { Key::Active } else { Key::Inactive })}
                        </span>
                    </td>
                    <td>{move || used.map_or_else(|| i18n.t(Key::Never).to_owned(), |at| labels::datetime(i18n.lang(), at))}</td>
                    <td>
                        <button type="button" class="btn btn--secondary btn--small" on:click=toggle>
                            {tr(if aktif { Key::ApiClientDisable } else { Key::ApiClientEnable })}
                        </button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <FormStatus outcome=notice/>
        <div class="table-wrap">
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{tr(Key::ApiClientName)}</th>
                        <th scope="col">{tr(Key::ApiClientUnit)}</th>
                        <th scope="col">{tr(Key::ApiClientScopes)}</th>
                        <th scope="col">{tr(Key::Status)}</th>
                        <th scope="col">{tr(Key::ApiClientLastUsed)}</th>
                        <th scope="col"><span class="sr-only">{tr(Key::Status)}</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
