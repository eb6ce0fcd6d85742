//! `/realisasi/:id`: the realisasi of one SKP per sub-period with capaian and evidence, for
//! whoever may read it: its owner enters values (any period), its PPKin verifies the evidence
//! and writes feedback, others (the Atasan PPKin, admins) only read.

use futures::future::join;
use kinerja_api::planning::{Periode, Skp};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::{Measurement, Role};
use crate::api::{self, ApiError};
use crate::components::info;
use crate::components::{Built, Loader, PageHeader, built, load};
use crate::i18n::{Key, tr};
use crate::pages::skp::{digits, snapshots};
use crate::state::auth::use_auth;

/// The SKP and its period.
async fn review(id: Option<Uuid>) -> Result<Built, ApiError> {
    let id = id.ok_or_else(ApiError::not_found)?;
    let (skp, periods) = join(api::skp::get(id), api::skp::periods()).await;
    let skp = skp?;
    let periode = periods?
        .into_iter()
        .find(|p| p.id == skp.periode_id)
        .ok_or_else(ApiError::not_found)?;
    Ok(built(
        move || view! { <Review skp=skp.clone() periode=periode.clone()/> },
    ))
}

/// The realisasi of one SKP.
#[component]
pub fn RealisasiSkpPage() -> impl IntoView {
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| Uuid::parse_str(&id).ok())));
    view! {
        <PageHeader title=Key::RealisasiSkpTitle intro=Key::RealisasiSkpIntro panduan="isi-realisasi"/>
        <Loader load=Box::new(move || load(review(id.get())))/>
    }
}

#[component]
fn Review(skp: Skp, periode: Periode) -> impl IntoView {
    let me = use_auth()
        .user_untracked()
        .map(|u| u.username)
        .unwrap_or_default();
    let role = if digits(&skp.pegawai.nip) == me {
        Role::Owner
    } else if skp
        .pejabat_penilai
        .as_ref()
        .is_some_and(|p| digits(&p.nip) == me)
    {
        Role::Ppkin
    } else {
        Role::Reader
    };
    // Back to where such a sheet is opened from.
    let (back, back_text) = if role == Role::Owner {
        ("/skp", Key::OpenSkpMine)
    } else {
        ("/realisasi/bawahan", Key::BackToRealisasiBawahan)
    };
    let people = snapshots(&skp);
    let body = if crate::pages::skp::in_force(&skp) {
        view! {
            {(role == Role::Reader).then(|| info(Key::ReaderOnly))}
            <Measurement skp=skp periode=periode role=role/>
        }
        .into_any()
    } else {
        info(Key::RealisasiNotApproved).into_any()
    };
    view! {
        <p class="back-link">
            <A href=back>
                <span aria-hidden="true">"← "</span>
                {tr(back_text)}
            </A>
        </p>
        {people}
        {body}
    }
}
