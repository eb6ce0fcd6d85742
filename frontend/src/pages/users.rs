//! `/pengguna`: the list of user accounts (needs `manage_users`).

use kinerja_api::PageQuery;
use kinerja_api::auth::Permission;
use kinerja_api::users::User;
use leptos::prelude::*;

use super::page_number;
use crate::api;
use crate::components::{Alert, AlertKind, Loader, PageHeader, Pager, built, load};
use crate::i18n::{Key, tr, use_i18n};
use crate::labels;
use crate::state::auth::use_auth;

/// The user list, 20 per page.
#[component]
pub fn UsersPage() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    if !auth.can(Permission::ManageUsers) {
        return view! {
            <PageHeader title=Key::UsersTitle intro=Key::UsersIntro/>
            <Alert kind=AlertKind::Error message=Signal::derive(move || i18n.t(Key::NoAccess).to_owned())/>
        }
        .into_any();
    }
    let page = page_number();
    let users = Box::new(move || {
        let page = page.get();
        load(async move {
            let list = api::users::list_users(PageQuery { page, per_page: 20 }).await?;
            Ok(built(move || {
                let pages = list.pages();
                view! {
                    <section class="card card--flush">
                        <UserTable users=list.items.clone()/>
                        <Pager path="/pengguna" page=list.page pages=pages total=list.total/>
                    </section>
                }
            }))
        })
    });
    view! {
        <PageHeader title=Key::UsersTitle intro=Key::UsersIntro/>
        <super::akun::UnitAccountsForm/>
        <Loader load=users/>
    }
    .into_any()
}

#[component]
fn UserTable(
    /// One page of accounts.
    users: Vec<User>,
) -> impl IntoView {
    let i18n = use_i18n();
    if users.is_empty() {
        return view! { <p class="empty muted">{tr(Key::Empty)}</p> }.into_any();
    }
    let rows = users
        .into_iter()
        .map(|user| {
            let roles = user.roles.clone();
            let last_login = user.last_login_at;
            let active = user.active;
            view! {
                <tr>
                    <td>
                        <span class="table__primary">{user.full_name}</span>
                        <span class="table__secondary mono">{user.username}</span>
                    </td>
                    <td>{move || labels::roles_line(i18n.lang(), &roles)}</td>
                    <td>
                        <span class="status" class:status--inactive=!active>
                            {move || i18n.t(if active { Key::Active } else { Key::Inactive })}
                        </span>
                    </td>
                    <td>
                        {move || {
                            last_login
                                .map_or_else(
                                    || i18n.t(Key::Never).to_owned(),
                                    |at| labels::datetime(i18n.lang(), at),
                                )
                        }}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{tr(Key::FullName)}</th>
                        <th scope="col">{tr(Key::Roles)}</th>
                        <th scope="col">{tr(Key::Status)}</th>
                        <th scope="col">{tr(Key::LastLogin)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
