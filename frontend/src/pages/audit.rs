//! `/audit`: the audit trail (needs `read_audit`).

use kinerja_api::PageQuery;
use kinerja_api::audit::AuditEvent;
use kinerja_api::auth::Permission;
use leptos::prelude::*;

use super::page_number;
use crate::api;
use crate::components::{Alert, AlertKind, Loader, PageHeader, Pager, built, load};
use crate::i18n::{Key, tr, use_i18n};
use crate::labels;
use crate::state::auth::use_auth;

/// The audit trail, newest first, 20 per page.
#[component]
pub fn AuditPage() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    if !auth.can(Permission::ReadAudit) {
        return view! {
            <PageHeader title=Key::AuditTitle intro=Key::AuditIntro/>
            <Alert kind=AlertKind::Error message=Signal::derive(move || i18n.t(Key::NoAccess).to_owned())/>
        }
        .into_any();
    }
    let page = page_number();
    let events = Box::new(move || {
        let page = page.get();
        load(async move {
            let list = api::audit::list_events(PageQuery { page, per_page: 20 }).await?;
            Ok(built(move || {
                let pages = list.pages();
                view! {
                    <section class="card card--flush">
                        <EventTable events=list.items.clone()/>
                        <Pager path="/audit" page=list.page pages=pages total=list.total/>
                    </section>
                }
            }))
        })
    });
    view! {
        <PageHeader title=Key::AuditTitle intro=Key::AuditIntro/>
        <Loader load=events/>
    }
    .into_any()
}

#[component]
fn EventTable(
    /// One page of events.
    events: Vec<AuditEvent>,
) -> impl IntoView {
    let i18n = use_i18n();
    if events.is_empty() {
        return view! { <p class="empty muted">{tr(Key::Empty)}</p> }.into_any();
    }
    let rows = events
        .into_iter()
        .map(|event| {
            let at = event.occurred_at;
            let entity = match &event.entity_id {
                Some(id) => format!("{} {id}", event.entity_type),
                None => event.entity_type.clone(),
            };
            view! {
                <tr>
                    <td class="mono">{event.seq}</td>
                    <td>{move || labels::datetime(i18n.lang(), at)}</td>
                    <td class="mono">{event.action}</td>
                    <td class="mono table__wrap">{entity}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{tr(Key::Sequence)}</th>
                        <th scope="col">{tr(Key::Time)}</th>
                        <th scope="col">{tr(Key::Action)}</th>
                        <th scope="col">{tr(Key::Entity)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
