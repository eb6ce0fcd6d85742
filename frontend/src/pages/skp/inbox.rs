//! `/skp/bawahan`: the submitted SKP of my subordinates, waiting for my decision.

use kinerja_api::planning::SkpSummary;
use leptos::prelude::*;
use leptos_router::components::A;

use super::StatusBadge;
use crate::api;
use crate::components::{Loader, PageHeader, built, load};
use crate::i18n::{Key, fill, tr, use_i18n};
use crate::labels;

/// The PPKin's inbox.
#[component]
pub fn SkpInboxPage() -> impl IntoView {
    let inbox = Box::new(|| {
        load(async {
            let items = api::skp::inbox().await?.items;
            Ok(built(move || view! { <InboxTable items=items.clone()/> }))
        })
    });
    view! {
        <PageHeader title=Key::InboxTitle intro=Key::InboxIntro/>
        <Loader load=inbox/>
    }
}

#[component]
fn InboxTable(items: Vec<SkpSummary>) -> impl IntoView {
    let i18n = use_i18n();
    if items.is_empty() {
        return view! { <section class="card card--skp"><p class="empty muted">{tr(Key::InboxEmpty)}</p></section> }
            .into_any();
    }
    let rows = items
        .into_iter()
        .map(|s| {
            let href = format!("/skp/{}", s.id);
            let submitted = s.diajukan_at;
            let versi = s.versi.to_string();
            let jabatan = s.pegawai.jabatan.clone().unwrap_or_default();
            view! {
                <tr>
                    <td>
                        <span class="table__primary">{s.pegawai.nama_lengkap}</span>
                        <span class="table__secondary mono">{s.pegawai.nip}</span>
                        <span class="table__secondary">{jabatan}</span>
                    </td>
                    <td>
                        {s.tahun} " · " {move || fill(i18n.t(Key::VersionN), &[("n", &versi)])}
                        " " <StatusBadge status=s.status/>
                    </td>
                    <td>{s.jumlah_rhk}</td>
                    <td>{move || submitted.map(|a| labels::datetime(i18n.lang(), a)).unwrap_or_default()}</td>
                    <td>
                        <A href=href attr:class="btn btn--primary btn--small">{tr(Key::Review)}</A>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card card--flush">
            <div class="table-wrap">
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">{tr(Key::PegawaiDinilai)}</th>
                            <th scope="col">{tr(Key::Status)}</th>
                            <th scope="col">{tr(Key::ColRhkCount)}</th>
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
