//! `/skp/bawahan`: the employees I rate with the status of their SKP for the open period;
//! those waiting for my decision first.

use kinerja_api::planning::{Bawahan, StatusSkp};
use leptos::prelude::*;
use leptos_router::components::A;

use super::{StatusBadge, default_period};
use crate::api;
use crate::components::{Loader, PageHeader, built, load};
use crate::i18n::{Key, fill, tr, use_i18n};
use crate::labels;

/// The PPKin's list of subordinates' SKP.
#[component]
pub fn SkpInboxPage() -> impl IntoView {
    let inbox = Box::new(|| {
        load(async {
            let periods = api::skp::periods().await?;
            let Some(periode) = default_period(&periods).cloned() else {
                return Ok(built(|| view! { <InboxTable items=Vec::new()/> }));
            };
            let mut items: Vec<Bawahan> = api::skp::bawahan(periode.id)
                .await?
                .items
                .into_iter()
                .filter(|b| b.langsung)
                .collect();
            // Waiting for my decision first; otherwise by name (the server's order).
            items.sort_by_key(|b| {
                b.skp
                    .as_ref()
                    .is_none_or(|s| s.status != StatusSkp::Diajukan)
            });
            Ok(built(move || view! { <InboxTable items=items.clone()/> }))
        })
    });
    view! {
        <PageHeader title=Key::InboxTitle intro=Key::InboxIntro panduan="setujui-skp"/>
        <Loader load=inbox/>
    }
}

#[component]
fn InboxTable(items: Vec<Bawahan>) -> impl IntoView {
    let i18n = use_i18n();
    if items.is_empty() {
        return view! { <section class="card card--skp"><p class="empty muted">{tr(Key::NoDirectSubordinates)}</p></section> }
            .into_any();
    }
    let rows = items
        .into_iter()
        .map(|b| {
            let jabatan = b.pegawai.jabatan.clone().unwrap_or_default();
            let submitted = b.skp.as_ref().and_then(|s| s.diajukan_at);
            let status = b.skp.as_ref().map(|s| {
                let versi = s.versi.to_string();
                let status = s.status;
                view! {
                    <StatusBadge status=status/>
                    " "
                    <span class="muted">{move || fill(i18n.t(Key::VersionN), &[("n", &versi)])}</span>
                }
            });
            let action = b.skp.as_ref().map(|s| {
                let href = format!("/skp/{}", s.id);
                if s.status == StatusSkp::Diajukan {
                    view! { <A href=href attr:class="btn btn--primary btn--small">{tr(Key::Review)}</A> }.into_any()
                } else {
                    view! { <A href=href attr:class="btn btn--secondary btn--small">{tr(Key::ViewSkp)}</A> }.into_any()
                }
            });
            view! {
                <tr>
                    <td data-label=move || i18n.t(Key::PegawaiDinilai)>
                        <span class="table__primary">{b.pegawai.nama_lengkap.clone()}</span>
                        <span class="table__secondary mono">{b.pegawai.nip.clone()}</span>
                        <span class="table__secondary">{jabatan}</span>
                    </td>
                    <td data-label=move || i18n.t(Key::SkpStatusCol)>
                        {status.map_or_else(
                            || view! { <span class="badge badge--muted">{tr(Key::SkpBelumDibuat)}</span> }.into_any(),
                            IntoAny::into_any,
                        )}
                    </td>
                    <td data-label=move || i18n.t(Key::SubmittedAt)>
                        {move || submitted.map(|a| labels::datetime(i18n.lang(), a)).unwrap_or_else(|| "—".to_owned())}
                    </td>
                    <td class="table__actions">{action}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card card--flush">
            <div class="table-wrap">
                <table class="table table--cards">
                    <thead>
                        <tr>
                            <th scope="col">{tr(Key::PegawaiDinilai)}</th>
                            <th scope="col">{tr(Key::SkpStatusCol)}</th>
                            <th scope="col">{tr(Key::SubmittedAt)}</th>
                            <th scope="col"><span class="sr-only">{tr(Key::Review)}</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}
