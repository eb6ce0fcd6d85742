//! Measurement and continuous feedback: my realisasi (`/realisasi`), the approved SKP of my
//! subordinates (`/realisasi/bawahan`) and the realisasi of one SKP (`/realisasi/:id`), where
//! its PPKin verifies evidence and writes feedback. The three share [`Measurement`]: the choice of the sub-period,
//! its sheet (capaian per IKI, RHK and SKP; rencana aksi, realisasi and evidence) and the
//! feedback threads, with what each side may do decided by [`Role`].

mod bukti;
mod feedback;
mod inbox;
mod mine;
mod review;
mod sheet;

pub use inbox::RealisasiInboxPage;
pub use mine::RealisasiMinePage;
pub use review::RealisasiSkpPage;

use chrono::Datelike;
use futures::future::join;
use kinerja_api::planning::{Periode, Skp};
use leptos::prelude::*;
use uuid::Uuid;

use crate::api::{self};
use crate::components::{
    Loader, SubPeriodSelect, asked_sub_period, built, current_sub_period, load,
};
use crate::labels;

/// Who is looking at a sheet, and so what they may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The SKP's owner: rencana aksi, realisasi and evidence while the sub-period is open;
    /// replies to feedback.
    Owner,
    /// The PPKin: verifies evidence and writes feedback.
    Ppkin,
    /// Anyone else who may read the SKP (the Atasan PPKin, an admin).
    Reader,
}

/// What the parts of one [`Measurement`] share (a context).
#[derive(Debug, Clone, Copy)]
struct Ctx {
    skp: Uuid,
    role: Role,
    /// The sub-period shown.
    k: RwSignal<i32>,
    /// The feedback composer's target: `rhk:<id>`, `iki:<id>` or `nilai:<kode>`.
    target: RwSignal<String>,
}

/// The sub-period choice, its sheet and the feedback of one approved SKP.
#[component]
fn Measurement(skp: Skp, periode: Periode, role: Role) -> impl IntoView {
    let (ritme, year) = (periode.ritme, periode.mulai.year());
    let k = RwSignal::new(
        asked_sub_period(&periode, false)
            .unwrap_or_else(|| current_sub_period(&periode, labels::today())),
    );
    let ctx = Ctx {
        skp: skp.id,
        role,
        k,
        target: RwSignal::new(String::new()),
    };
    provide_context(ctx);
    let versi = skp.versi;
    let skp = StoredValue::new(skp);
    // The sheet of the chosen sub-period and the feedback of all of them, loaded together.
    let sheet = Box::new(move || {
        let k = k.get();
        load(async move {
            let (sheet, threads) = join(
                api::measurement::sheet(ctx.skp, k),
                api::measurement::feedback(ctx.skp),
            )
            .await;
            let sheet = sheet?;
            let targets = StoredValue::new(skp.with_value(|skp| feedback::targets(&sheet, skp)));
            Ok(built(move || {
                view! {
                    <sheet::Sheet sheet=sheet.clone() versi=versi ritme=ritme tahun=year/>
                    <feedback::Feedback threads=threads.clone() targets=targets ritme=ritme year=year/>
                }
            }))
        })
    });
    view! {
        <div class="toolbar skp-toolbar">
            <SubPeriodSelect periode=periode k=k annual=false/>
        </div>
        <Loader load=sheet/>
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use kinerja_api::ErrorCode;
    use kinerja_api::planning::{Ritme, StatusPeriode};

    use super::*;
    use crate::api::ApiError;
    use crate::components::{Outcome, failed};
    use crate::forms::FieldErrors;

    fn periode(ritme: Ritme) -> Periode {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap_or_default();
        Periode {
            id: Uuid::nil(),
            instansi_id: Uuid::nil(),
            tahun: 2026,
            mulai: d(1, 1),
            selesai: d(12, 31),
            ritme,
            batas_penetapan_skp: None,
            jeda_kunci_realisasi_hari: 5,
            batas_evaluasi_tahunan: None,
            jendela_keberatan_hari: 14,
            status: StatusPeriode::Dibuka,
            lock_version: 1,
        }
    }

    #[test]
    fn the_current_sub_period_follows_the_rhythm_and_the_period() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        let late_november = day(2026, 11, 27);
        assert_eq!(
            current_sub_period(&periode(Ritme::Bulanan), late_november),
            11
        );
        assert_eq!(
            current_sub_period(&periode(Ritme::Triwulanan), late_november),
            4
        );
        assert_eq!(
            current_sub_period(&periode(Ritme::Semesteran), day(2026, 6, 30)),
            1
        );
        assert_eq!(
            current_sub_period(&periode(Ritme::Semesteran), day(2026, 7, 1)),
            2
        );
        // Before the period: the first; after it: the last.
        assert_eq!(
            current_sub_period(&periode(Ritme::Bulanan), day(2025, 12, 31)),
            1
        );
        assert_eq!(
            current_sub_period(&periode(Ritme::Bulanan), day(2027, 2, 1)),
            12
        );
    }

    #[test]
    fn failed_writes_put_known_fields_on_the_form() {
        let owner = Owner::new();
        owner.with(|| {
            let errors = RwSignal::new(FieldErrors::new());
            let outcome = RwSignal::new(None);
            let body = kinerja_api::ErrorBody {
                type_uri: String::new(),
                title: String::new(),
                status: 422,
                detail: None,
                code: ErrorCode::ValidationFailed,
                errors: Some(
                    [
                        ("nilai".to_owned(), vec!["Salah.".to_owned()]),
                        ("realisasi".to_owned(), vec!["Isi dulu.".to_owned()]),
                    ]
                    .into(),
                ),
                message: None,
                messages: None,
            };
            let error = ApiError::Http {
                status: 422,
                body: Box::new(body),
                retry_after: None,
            };
            failed(error, &["nilai", "dasar"], errors, outcome);
            assert_eq!(errors.get_untracked()["nilai"], ["Salah."]);
            assert!(!errors.get_untracked().contains_key("realisasi"));
            assert_eq!(
                outcome.get_untracked(),
                Some(Outcome::Invalid(vec!["Isi dulu.".to_owned()]))
            );
        });
    }
}
