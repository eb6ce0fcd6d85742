//! `/realisasi/bawahan`: the approved SKP of the employees I rate (and, for an Atasan PPKin,
//! those below them), to open their realisasi.

use kinerja_api::planning::SkpSummary;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::{self, ApiError};
use crate::components::{Built, Loader, PageHeader, built, load};
use crate::i18n::{Key, tr};
use crate::pages::skp::digits;
use crate::state::auth::use_auth;

/// Realisasi Bawahan.
#[component]
pub fn RealisasiInboxPage() -> impl IntoView {
    let auth = use_auth();
    view! {
        <PageHeader title=Key::NavRealisasiBawahan intro=Key::RealisasiBawahanIntro/>
        <Loader load=Box::new(move || {
            let me = auth.user_untracked().map(|u| u.username).unwrap_or_default();
            load(subordinates(me))
        })/>
    }
}

/// The approved SKP the user may read, except their own.
async fn subordinates(me: String) -> Result<Built, ApiError> {
    let items: Vec<SkpSummary> = api::skp::approved()
        .await?
        .items
        .into_iter()
        .filter(|s| digits(&s.pegawai.nip) != me)
        .collect();
    Ok(built(move || view! { <Subordinates items=items.clone()/> }))
}

#[component]
fn Subordinates(items: Vec<SkpSummary>) -> impl IntoView {
    if items.is_empty() {
        return view! {
            <section class="card card--skp">
                <p class="empty muted">{tr(Key::NoSubordinateSkp)}</p>
            </section>
        }
        .into_any();
    }
    let rows = items
        .into_iter()
        .map(|s| {
            let href = format!("/realisasi/{}", s.id);
            let jabatan = s.pegawai.jabatan.unwrap_or_default();
            view! {
                <tr>
                    <td>
                        <span class="table__primary">{s.pegawai.nama_lengkap}</span>
                        <span class="table__secondary mono">{s.pegawai.nip}</span>
                        <span class="table__secondary">{jabatan}</span>
                    </td>
                    <td>{s.tahun}</td>
                    <td>
                        <A href=href attr:class="btn btn--primary btn--small">{tr(Key::OpenResults)}</A>
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
                            <th scope="col">{tr(Key::Tahun)}</th>
                            <th scope="col"><span class="sr-only">{tr(Key::OpenResults)}</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}
