//! `/realisasi`: my realisasi in the open period (else the latest) — once my SKP is approved,
//! the sheet of each sub-period (the current one first) and the feedback of my PPKin. My SKP
//! of another period opens at `/realisasi/:id` (from SKP Saya).

use kinerja_api::planning::{Periode, Skp, StatusSkp};
use leptos::prelude::*;
use leptos_router::components::A;

use super::{Measurement, Role};
use crate::api::{self, ApiError};
use crate::components::info;
use crate::components::{Built, Loader, PageHeader, built, load};
use crate::i18n::{Key, tr};
use crate::pages::skp::{default_period, in_force};

/// My realisasi.
#[component]
pub fn RealisasiMinePage() -> impl IntoView {
    view! {
        <PageHeader title=Key::NavRealisasiMine intro=Key::RealisasiMineIntro panduan="isi-realisasi"/>
        <Loader load=Box::new(|| load(mine()))/>
    }
}

/// What the page shows.
#[derive(Clone)]
enum Mine {
    Approved(Box<Skp>, Box<Periode>),
    /// A message and whether to link to SKP Saya.
    Message(Key, bool),
}

/// While a perubahan SKP awaits approval, the realisasi stays on the version in force.
pub(crate) fn pending_note(skp: &Skp) -> Option<impl IntoView + use<>> {
    let versi = skp.versi;
    (skp.status != StatusSkp::Disetujui && skp.berlaku_dari_ke.is_none()).then(|| {
        let i18n = crate::i18n::use_i18n();
        view! {
            <p class="alert alert--info alert--block perubahan-pending" role="note">
                <span class="alert__icon" aria-hidden="true"></span>
                <span class="alert__text">
                    {move || crate::i18n::fill(i18n.t(Key::PerubahanPending), &[("v", &versi.to_string())])}
                </span>
            </p>
        }
    })
}

/// The open period (else the first listed) and my SKP there.
async fn mine() -> Result<Built, ApiError> {
    let periods = api::skp::periods().await?;
    let periode = default_period(&periods).cloned();
    let content = match periode {
        None => Mine::Message(Key::NoPeriods, false),
        Some(periode) => match api::skp::mine(periode.id).await {
            Ok(Some(skp)) if in_force(&skp) => Mine::Approved(Box::new(skp), Box::new(periode)),
            Ok(Some(_)) => Mine::Message(Key::RealisasiNeedsApproval, true),
            Ok(None) => Mine::Message(Key::SkpNotStarted, true),
            Err(e) if e.field_errors().contains_key("akun") => {
                Mine::Message(Key::SkpNoEmployee, false)
            }
            Err(e) => return Err(e),
        },
    };
    Ok(built(move || {
        match content.clone() {
        Mine::Approved(skp, periode) => view! {
            <div class="skp-head">
                <A href="/skp" attr:class="btn btn--secondary">{tr(Key::OpenSkpMine)}</A>
            </div>
            {pending_note(&skp)}
            <Measurement skp=*skp periode=*periode role=Role::Owner/>
        }
        .into_any(),
        Mine::Message(key, link) => view! {
            <section class="card empty-state">
                {info(key)}
                {link.then(|| view! { <A href="/skp" attr:class="btn btn--secondary">{tr(Key::OpenSkpMine)}</A> })}
            </section>
        }
        .into_any(),
    }
    }))
}
