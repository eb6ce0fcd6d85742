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

use chrono::{Datelike, NaiveDate};
use futures::future::join;
use kinerja_api::ErrorCode;
use kinerja_api::planning::{Periode, Ritme, Skp};
use leptos::prelude::*;
use uuid::Uuid;

use crate::api::{self, ApiError};
use crate::components::{Alert, AlertKind, Loader, built, load};
use crate::forms::FieldErrors;
use crate::i18n::{Key, Lang, fill, message, text, tr, use_i18n};
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

/// Number of sub-periods in a year of this rhythm.
pub(crate) fn jumlah(ritme: Ritme) -> i32 {
    match ritme {
        Ritme::Bulanan => 12,
        Ritme::Triwulanan => 4,
        Ritme::Semesteran => 2,
    }
}

/// The sub-period (1-based) that contains `today`, clamped to the period: the first before it
/// starts, the last after it ends.
pub(crate) fn current_sub_period(periode: &Periode, today: NaiveDate) -> i32 {
    let n = jumlah(periode.ritme);
    let day = today.clamp(periode.mulai, periode.selesai);
    if day.year() != periode.mulai.year() {
        return n;
    }
    let months = 12 / n;
    let month0 = i32::try_from(day.month0()).unwrap_or_default();
    (month0 / months + 1).clamp(1, n)
}

/// "November 2026", "Triwulan 3 2026" or "Semester 2 2026".
pub(crate) fn sub_period_label(lang: Lang, ritme: Ritme, year: i32, k: i32) -> String {
    let numbered = |key: Key| format!("{} {year}", fill(text(lang, key), &[("n", &k.to_string())]));
    match ritme {
        Ritme::Bulanan => labels::month(lang, year, u32::try_from(k - 1).unwrap_or_default()),
        Ritme::Triwulanan => numbered(Key::TriwulanN),
        Ritme::Semesteran => numbered(Key::SemesterN),
    }
}

/// What happened to the last write of a form.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Outcome {
    Done(Key),
    /// Field errors; the messages of fields without a control of the form.
    Invalid(Vec<String>),
    Failed(ApiError),
}

/// Puts a failed write on its form: the messages of a 422 on the form's `fields` (under the
/// name of the control, see `rename`), other failures as an alert.
pub(crate) fn failed(
    error: ApiError,
    fields: &[&str],
    errors: RwSignal<FieldErrors>,
    outcome: RwSignal<Option<Outcome>>,
) {
    if error.code() != Some(ErrorCode::ValidationFailed) {
        outcome.set(Some(Outcome::Failed(error)));
        return;
    }
    let (known, other): (FieldErrors, FieldErrors) = error
        .field_errors()
        .into_iter()
        .partition(|(field, _)| fields.contains(&field.as_str()));
    errors.set(known);
    outcome.set(Some(Outcome::Invalid(
        other.into_values().flatten().collect(),
    )));
}

/// The result of a form's last write, announced politely.
#[component]
pub(crate) fn FormStatus(outcome: RwSignal<Option<Outcome>>) -> impl IntoView {
    let i18n = use_i18n();
    let alert = move || {
        outcome.with(|o| {
            o.as_ref().map(|o| {
                let lang = i18n.lang();
                let (kind, text) = match o {
                    Outcome::Done(key) => (AlertKind::Success, text(lang, *key).to_owned()),
                    Outcome::Invalid(general) => (
                        AlertKind::Error,
                        general
                            .iter()
                            .fold(text(lang, Key::FormHasErrors).to_owned(), |all, m| {
                                format!("{all} {}", message(lang, m))
                            }),
                    ),
                    Outcome::Failed(e) => (AlertKind::Error, labels::error_message(lang, e)),
                };
                view! { <Alert kind=kind message=text/> }
            })
        })
    };
    view! { <div class="form-status" aria-live="polite">{alert}</div> }
}

/// An info box.
pub(crate) fn info(key: Key) -> impl IntoView {
    view! {
        <div class="alert alert--info alert--block" role="status">
            <span class="alert__icon" aria-hidden="true"></span>
            <p class="alert__text">{tr(key)}</p>
        </div>
    }
}

/// The sub-period a link asks for (`?periode_ke=`, as in notifications), when `periode` has it
/// (0, the year, only when `annual`).
pub(crate) fn asked_sub_period(periode: &Periode, annual: bool) -> Option<i32> {
    let first = i32::from(!annual);
    leptos_router::hooks::use_query_map()
        .with_untracked(|q| q.get("periode_ke").and_then(|k| k.parse::<i32>().ok()))
        .filter(|k| (first..=jumlah(periode.ritme)).contains(k))
}

/// The choice of a sub-period of `periode` (and of the year when `annual`: 0), kept in the
/// address as `?periode_ke=` so a reload or a shared link opens the same one.
#[component]
pub(crate) fn SubPeriodSelect(periode: Periode, k: RwSignal<i32>, annual: bool) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = leptos_router::hooks::use_navigate();
    let path = leptos_router::hooks::use_location().pathname;
    let (ritme, year) = (periode.ritme, periode.mulai.year());
    let first = i32::from(!annual);
    let options = move || {
        let lang = i18n.lang();
        (first..=jumlah(ritme))
            .map(|i| {
                let label = if i == 0 {
                    format!("{} {year}", text(lang, Key::Tahunan))
                } else {
                    sub_period_label(lang, ritme, year, i)
                };
                view! { <option value=i.to_string() selected=i == k.get_untracked()>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="field field--compact">
            <label class="field__label" for="periode-ke">{tr(Key::SubPeriode)}</label>
            <select
                class="field__input field__select"
                id="periode-ke"
                prop:value=move || k.get().to_string()
                on:change=move |ev| {
                    if let Ok(chosen) = event_target_value(&ev).parse::<i32>() {
                        k.set(chosen);
                        let options = leptos_router::NavigateOptions {
                            replace: true,
                            scroll: false,
                            ..Default::default()
                        };
                        navigate(&format!("{}?periode_ke={chosen}", path.get_untracked()), options);
                    }
                }
            >
                {options}
            </select>
        </div>
    }
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
    use kinerja_api::planning::StatusPeriode;

    use super::*;

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
