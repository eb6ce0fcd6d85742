//! `/realisasi/bawahan`: the employees I rate (and, for an Atasan PPKin, those below them)
//! with their SKP status, evidence to check, empty indicators of the last ended sub-period and
//! its rating, to open their realisasi. Accounts without subordinates (the HR office) get the
//! approved SKP they may read.

use kinerja_api::penilaian::StatusEvaluasi;
use kinerja_api::planning::{Bawahan, DaftarBawahan, Periode, SkpSummary};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::{self, ApiError};
use crate::components::{Built, Loader, PageHeader, built, load};
use crate::i18n::{Key, fill, tr, use_i18n};
use crate::pages::skp::{StatusBadge, default_period, digits};
use crate::state::auth::use_auth;

/// Realisasi Bawahan.
#[component]
pub fn RealisasiInboxPage() -> impl IntoView {
    let auth = use_auth();
    view! {
        <PageHeader title=Key::NavRealisasiBawahan intro=Key::RealisasiBawahanIntro panduan="beri-umpan-balik"/>
        <Loader load=Box::new(move || {
            let me = auth.user_untracked().map(|u| u.username).unwrap_or_default();
            load(subordinates(me))
        })/>
    }
}

async fn subordinates(me: String) -> Result<Built, ApiError> {
    let periods = api::skp::periods().await?;
    if let Some(periode) = default_period(&periods).cloned() {
        let list = api::skp::bawahan(periode.id).await?;
        if !list.items.is_empty() {
            return Ok(built(
                move || view! { <Statuses periode=periode.clone() list=list.clone()/> },
            ));
        }
    }
    // No subordinates: the approved SKP the user may read, except their own.
    let items: Vec<SkpSummary> = api::skp::approved()
        .await?
        .items
        .into_iter()
        .filter(|s| digits(&s.pegawai.nip) != me)
        .collect();
    Ok(built(move || view! { <Approved items=items.clone()/> }))
}

/// The subordinates with their status columns.
#[component]
fn Statuses(periode: Periode, list: DaftarBawahan) -> impl IntoView {
    let i18n = use_i18n();
    let label = move || {
        list.periode_ke.map_or_else(
            || i18n.t(Key::NoEndedSubPeriod).to_owned(),
            |k| crate::components::sub_period_label(i18n.lang(), periode.ritme, periode.tahun, k),
        )
    };
    let header = move |key: Key| move || fill(i18n.t(key), &[("periode", &label())]);
    let rows = list
        .items
        .into_iter()
        .map(|b| view! { <Row b=b label=label/> })
        .collect_view();
    view! {
        <section class="card card--flush">
            <div class="table-wrap">
                <table class="table table--cards">
                    <thead>
                        <tr>
                            <th scope="col">{tr(Key::PegawaiDinilai)}</th>
                            <th scope="col">{tr(Key::SkpStatusCol)}</th>
                            <th scope="col">{tr(Key::ColBuktiUnchecked)}</th>
                            <th scope="col">{header(Key::ColRealisasiKosong)}</th>
                            <th scope="col">{header(Key::ColEvaluasiPeriode)}</th>
                            <th scope="col"><span class="sr-only">{tr(Key::OpenResults)}</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn Row(b: Bawahan, label: impl Fn() -> String + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let labelled = move |key: Key| move || fill(i18n.t(key), &[("periode", &label())]);
    let jabatan = b.pegawai.jabatan.clone().unwrap_or_default();
    let status = b.skp.as_ref().map(|s| s.status);
    let bukti = b.bukti_belum_diperiksa;
    let kosong = b.realisasi_kosong;
    let evaluasi = b.evaluasi;
    let action = b.skp_berlaku_id.map(|id| {
        view! { <A href=format!("/realisasi/{id}") attr:class="btn btn--primary btn--small">{tr(Key::OpenResults)}</A> }
    });
    view! {
        <tr>
            <td data-label=move || i18n.t(Key::PegawaiDinilai)>
                <span class="table__primary">{b.pegawai.nama_lengkap.clone()}</span>
                <span class="table__secondary mono">{b.pegawai.nip.clone()}</span>
                <span class="table__secondary">{jabatan}</span>
                {(!b.langsung).then(|| view! {
                    <span class="badge badge--muted" title=move || i18n.t(Key::IndirectSubordinateHint)>{tr(Key::IndirectSubordinate)}</span>
                })}
            </td>
            <td data-label=move || i18n.t(Key::SkpStatusCol)>
                {status.map_or_else(
                    || view! { <span class="badge badge--muted">{tr(Key::SkpBelumDibuat)}</span> }.into_any(),
                    |s| view! { <StatusBadge status=s/> }.into_any(),
                )}
            </td>
            <td data-label=move || i18n.t(Key::ColBuktiUnchecked) class="num">
                {if bukti > 0 {
                    view! { <span class="badge badge--warning">{bukti}</span> }.into_any()
                } else {
                    view! { <span class="muted">"0"</span> }.into_any()
                }}
            </td>
            <td data-label=labelled(Key::ColRealisasiKosong)>
                {match kosong {
                    None => view! { <span class="muted">"—"</span> }.into_any(),
                    Some(0) => view! { <span class="badge badge--muted">{tr(Key::RealisasiLengkap)}</span> }.into_any(),
                    Some(n) => {
                        let n = n.to_string();
                        view! { <span class="badge badge--warning">{move || fill(i18n.t(Key::IndikatorKosongN), &[("n", &n)])}</span> }.into_any()
                    }
                }}
            </td>
            <td data-label=labelled(Key::ColEvaluasiPeriode)>
                {match (b.skp_berlaku_id, evaluasi) {
                    (None, _) => view! { <span class="muted">"—"</span> }.into_any(),
                    (Some(_), None) => view! { <span class="badge badge--muted">{tr(Key::EvaluasiBelum)}</span> }.into_any(),
                    (Some(_), Some(StatusEvaluasi::Draft)) => view! { <span class="badge badge--muted">{tr(Key::EvaluasiDraft)}</span> }.into_any(),
                    (Some(_), Some(StatusEvaluasi::Ditetapkan)) => view! { <span class="badge">{tr(Key::EvaluasiDitetapkan)}</span> }.into_any(),
                }}
            </td>
            <td class="table__actions">{action}</td>
        </tr>
    }
}

/// The approved SKP the user may read (accounts without subordinates).
#[component]
fn Approved(items: Vec<SkpSummary>) -> impl IntoView {
    let i18n = use_i18n();
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
                    <td data-label=move || i18n.t(Key::PegawaiDinilai)>
                        <span class="table__primary">{s.pegawai.nama_lengkap}</span>
                        <span class="table__secondary mono">{s.pegawai.nip}</span>
                        <span class="table__secondary">{jabatan}</span>
                    </td>
                    <td data-label=move || i18n.t(Key::Tahun)>{s.tahun}</td>
                    <td class="table__actions">
                        <A href=href attr:class="btn btn--primary btn--small">{tr(Key::OpenResults)}</A>
                    </td>
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
