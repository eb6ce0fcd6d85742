//! The sheet of one sub-period: the lock state, capaian of the SKP and per RHK, and one card
//! per IKI (rencana aksi, realisasi, capaian and evidence). Writes answer with the whole
//! sheet, which replaces the shared one; each card reads its row from it, so the inputs of
//! other cards keep what is typed.

use kinerja_api::measurement::{
    DasarTarget, RealisasiRow, RealisasiSheet, SaveRealisasi, SaveRencanaAksi,
};
use kinerja_api::planning::{JenisTarget, Ritme};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::{Ctx, Role, bukti};
use crate::api;
use crate::components::RowInput;
use crate::components::field::focus;
use crate::components::{FormStatus, Outcome, failed};
use crate::forms::{FieldErrors, push};
use crate::i18n::{Key, Lang, fill, text, tr, use_i18n};
use crate::labels;
use crate::pages::skp::{number, parse_number};

/// The IKI's annual target: "12 laporan" or its narrative.
fn target_text(lang: Lang, row: &RealisasiRow) -> String {
    match (row.target_nilai, &row.target_naratif) {
        (Some(v), _) => format!(
            "{} {}",
            labels::decimal(lang, v),
            row.target_satuan.clone().unwrap_or_default()
        ),
        (None, Some(t)) => t.clone(),
        (None, None) => "—".to_owned(),
    }
}

/// What this sub-period's capaian compares with, and why: "Dibandingkan dengan target periode
/// ini: 1 laporan (target tahunan 12 laporan dibagi 12 periode)".
fn compared_text(
    lang: Lang,
    row: &RealisasiRow,
    n: i32,
    ritme_label: &dyn Fn(i32) -> String,
) -> String {
    let satuan = row.target_satuan.clone().unwrap_or_default();
    let with_unit = |v: f64| {
        format!("{} {satuan}", labels::decimal(lang, v))
            .trim()
            .to_owned()
    };
    let t = &row.target_periode;
    let Some(value) = t.nilai else {
        if row.target_nilai.is_some() && t.jenis == JenisTarget::Tenggat {
            let due = t.tenggat_ke.unwrap_or(n);
            return fill(
                text(lang, Key::NothingDueThisPeriod),
                &[("periode", &ritme_label(due))],
            );
        }
        return String::new();
    };
    let why = match (t.dasar, t.jenis) {
        (DasarTarget::RencanaAksi, _) => text(lang, Key::TargetFromRencana).to_owned(),
        (_, JenisTarget::Akumulatif) => fill(
            text(lang, Key::TargetSpread),
            &[
                (
                    "yearly",
                    &row.target_nilai.map(with_unit).unwrap_or_default(),
                ),
                ("n", &n.to_string()),
            ],
        ),
        (_, JenisTarget::Tetap) => text(lang, Key::TargetHeld).to_owned(),
        (_, JenisTarget::Tenggat) => text(lang, Key::TargetDue).to_owned(),
    };
    format!(
        "{} ({why})",
        fill(
            text(lang, Key::ComparedWith),
            &[("target", &with_unit(value))]
        )
    )
}

/// The figures from the first sub-period through this one.
fn ytd_text(lang: Lang, row: &RealisasiRow) -> String {
    let satuan = row.target_satuan.clone().unwrap_or_default();
    let with_unit = |v: f64| {
        format!("{} {satuan}", labels::decimal(lang, v))
            .trim()
            .to_owned()
    };
    let k = &row.sampai_periode_ini;
    match (k.target, k.realisasi, k.capaian) {
        (Some(t), Some(r), Some(c)) => fill(
            text(lang, Key::YearToDate),
            &[
                ("real", &with_unit(r)),
                ("target", &with_unit(t)),
                ("pct", &labels::percent(lang, c)),
            ],
        ),
        (Some(t), None, _) => fill(
            text(lang, Key::YearToDateNone),
            &[("target", &with_unit(t))],
        ),
        _ => String::new(),
    }
}

/// A number as typed in a form: a decimal comma in Indonesian ("2,5"), no grouping (so it
/// reads back as typed).
fn input_number(lang: Lang, value: f64) -> String {
    let plain = number(value);
    match lang {
        Lang::Id => plain.replace('.', ","),
        Lang::En => plain,
    }
}

/// A typed optional number: `None` when empty; a message on `field` when it is not a number.
fn optional_number(raw: &str, field: &str, errors: &mut FieldErrors) -> Option<f64> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let value = parse_number(raw);
    if value.is_none() {
        push(errors, field, text(Lang::Id, Key::InvalidNumber));
    }
    value
}

/// `Some(trimmed)` unless blank.
fn optional(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// A capaian in percent with a bar; `raw` (uncapped) is mentioned when it is higher.
#[component]
fn CapaianBar(
    #[prop(into)] value: Signal<Option<f64>>,
    #[prop(into, optional)] raw: Option<Signal<Option<f64>>>,
    /// The label (Capaian, Capaian SKP).
    #[prop(default = Key::Capaian)]
    label: Key,
) -> impl IntoView {
    let i18n = use_i18n();
    let shown = move || {
        let lang = i18n.lang();
        match value.get() {
            Some(v) => {
                let actual = raw
                    .and_then(|r| r.get())
                    .filter(|r| *r > v)
                    .map(|r| {
                        let n = labels::percent(lang, r);
                        format!(" ({})", fill(text(lang, Key::CapaianActual), &[("n", &n)]))
                    })
                    .unwrap_or_default();
                format!("{}{actual}", labels::percent(lang, v))
            }
            None => text(lang, Key::CapaianNone).to_owned(),
        }
    };
    let bar = move || number(value.get().unwrap_or(0.0).clamp(0.0, 100.0));
    view! {
        <div class="capaian">
            <span class="capaian__label">{tr(label)}</span>
            <span class="capaian__value" aria-live="polite">{shown}</span>
            <progress class="capaian__bar" max="100" value=bar aria-hidden="true"></progress>
        </div>
    }
}

/// The rhythm and year of the sheet's period, for naming sub-periods.
#[derive(Debug, Clone, Copy)]
struct SheetPeriod {
    ritme: Ritme,
    tahun: i32,
}

/// The sheet of one sub-period; `versi` is the version the page was opened on (the sheet may
/// come from an earlier one in force for this sub-period, after a perubahan SKP).
#[component]
pub(super) fn Sheet(sheet: RealisasiSheet, versi: i32, ritme: Ritme, tahun: i32) -> impl IntoView {
    let i18n = use_i18n();
    let sheet_versi = sheet.versi;
    let version_note = (sheet_versi != versi).then(|| {
        view! {
            <p class="alert alert--info alert--block sheet-version" role="note">
                <span class="alert__icon" aria-hidden="true"></span>
                <span class="alert__text">
                    {move || fill(i18n.t(Key::SheetOnVersion), &[("v", &sheet_versi.to_string())])}
                </span>
            </p>
        }
    });
    provide_context(SheetPeriod { ritme, tahun });
    // Locked (read-only) since the day after `batas_kunci`, else editable until then.
    let (terkunci, batas, until) = (sheet.terkunci, sheet.batas_kunci, sheet.dibuka_sampai);
    let lock_line = move || {
        let lang = i18n.lang();
        if terkunci {
            let since = batas.succ_opt().unwrap_or(batas);
            return fill(
                text(lang, Key::SubPeriodeLocked),
                &[("date", &labels::date(lang, since))],
            );
        }
        let mut line = fill(
            text(lang, Key::EditableUntil),
            &[(
                "date",
                &labels::date(lang, until.unwrap_or(batas).max(batas)),
            )],
        );
        if let Some(until) = until {
            line.push(' ');
            line.push_str(&fill(
                text(lang, Key::UnlockedUntil),
                &[("date", &labels::date(lang, until))],
            ));
        }
        line
    };
    let lock_class = if terkunci {
        "alert alert--info alert--block sheet-locked"
    } else {
        "field__hint sheet-open"
    };
    let (mulai, selesai) = (sheet.mulai, sheet.selesai);
    let range = move || {
        let lang = i18n.lang();
        format!(
            "{} – {}",
            labels::date(lang, mulai),
            labels::date(lang, selesai)
        )
    };
    // The structure is fixed for a sheet; values come from `state`.
    let groups: Vec<(Uuid, String, Vec<RealisasiRow>)> = sheet
        .rhk
        .iter()
        .map(|r| {
            let rows = sheet
                .rows
                .iter()
                .filter(|x| x.rhk_id == r.rhk_id)
                .cloned()
                .collect();
            (r.rhk_id, r.rhk.clone(), rows)
        })
        .collect();
    let empty = sheet.rows.is_empty();
    let state = RwSignal::new(sheet);
    provide_context(state);
    let cards = groups
        .into_iter()
        .enumerate()
        .map(|(i, (rhk_id, deskripsi, rows))| {
            let n = (i + 1).to_string();
            let capaian = Signal::derive(move || {
                state.with(|s| {
                    s.rhk
                        .iter()
                        .find(|r| r.rhk_id == rhk_id)
                        .and_then(|r| r.capaian)
                })
            });
            let jenis = rows.first().map(|r| r.jenis_rhk);
            let iki = rows
                .into_iter()
                .map(|row| view! { <IkiCard row=row/> })
                .collect_view();
            view! {
                <section class="card card--skp rhk-realisasi">
                    <p class="rhk-view__head">
                        <span class="rhk-view__n">{move || fill(i18n.t(Key::RhkN), &[("n", &n)])}</span>
                        {jenis.map(|j| view! { <span class="badge badge--muted">{tr(labels::jenis_rhk(j))}</span> })}
                    </p>
                    <h2 class="rhk-view__text">{deskripsi}</h2>
                    <CapaianBar value=capaian/>
                    <ul class="iki-cards">{iki}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <p class="sheet-range muted">{range}</p>
        <div class=lock_class role="status">
            <span class="alert__icon" aria-hidden="true"></span>
            <p class="alert__text">{lock_line}</p>
        </div>
        {version_note}
        <section class="card card--skp capaian-summary">
            <CapaianBar value=Signal::derive(move || state.with(|s| s.capaian_skp)) label=Key::CapaianSkp/>
            <CapaianBar value=Signal::derive(move || state.with(|s| s.capaian_sampai_periode_ini)) label=Key::CapaianYtd/>
            <p class="field__hint">{tr(Key::CapaianSkpNote)}</p>
        </section>
        {empty.then(|| view! { <p class="empty-state muted">{tr(Key::NoIki)}</p> })}
        {cards}
    }
}

/// One IKI: what it measures, the sub-period's plan and result, capaian and evidence.
#[component]
fn IkiCard(row: RealisasiRow) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<RwSignal<RealisasiSheet>>();
    let iki = row.iki_id;
    let current =
        Memo::new(move |_| state.with(|s| s.rows.iter().find(|r| r.iki_id == iki).cloned()));
    let editable = ctx.role == Role::Owner && !state.with_untracked(|s| s.terkunci);
    let target = {
        let row = row.clone();
        move || target_text(i18n.lang(), &row)
    };
    let period = expect_context::<SheetPeriod>();
    let n = state.with_untracked(|s| s.jumlah_periode);
    let compared = move || {
        current.with(|r| {
            r.as_ref().map(|r| {
                let lang = i18n.lang();
                let label = |k: i32| {
                    crate::components::sub_period_label(lang, period.ritme, period.tahun, k)
                };
                compared_text(lang, r, n, &label)
            })
        })
    };
    let ytd = move || current.with(|r| r.as_ref().map(|r| ytd_text(i18n.lang(), r)));
    let aspek = row.aspek;
    let updated = move || {
        current.with(|r| {
            r.as_ref().and_then(|r| r.realisasi.as_ref()).map(|v| {
                let lang = i18n.lang();
                let mut line = fill(
                    text(lang, Key::UpdatedAt),
                    &[("date", &labels::datetime(lang, v.updated_at))],
                );
                if v.sumber == "api" {
                    line = format!("{line} ({})", text(lang, Key::SourceApi));
                } else if v.sumber == "survei" {
                    line = format!("{line} ({})", text(lang, Key::SourceSurvei));
                }
                view! { <p class="field__hint iki-card__updated">{line}</p> }
            })
        })
    };
    let body = if editable {
        view! {
            <div class="iki-card__forms">
                <RencanaAksiForm row=row.clone()/>
                <RealisasiForm row=row.clone()/>
            </div>
        }
        .into_any()
    } else {
        read_only(row.clone()).into_any()
    };
    let give = (ctx.role == Role::Ppkin).then(|| {
        view! {
            <button type="button" class="btn btn--secondary btn--small" on:click=move |_| {
                ctx.target.set(format!("iki:{iki}"));
                focus("umpan-balik-teks");
            }>
                {tr(Key::GiveFeedback)}
            </button>
        }
    });
    view! {
        <li class="iki-card" id=format!("iki-{iki}")>
            <h3 class="iki-card__title">{row.indikator}</h3>
            <p class="iki-card__meta">
                {aspek.map(|a| view! { <span class="badge badge--muted">{tr(labels::aspek(a))}</span> })}
                <span>{tr(Key::TargetNilai)} ": " {target}</span>
            </p>
            <p class="iki-card__compared">{compared}</p>
            <p class="field__hint iki-card__ytd">{ytd}</p>
            <CapaianBar
                value=Signal::derive(move || current.with(|r| r.as_ref().and_then(|r| r.capaian_tampil)))
                raw=Signal::derive(move || current.with(|r| r.as_ref().and_then(|r| r.capaian)))
            />
            {body}
            {updated}
            <bukti::Bukti iki=iki current=current editable=editable/>
            {give}
        </li>
    }
}

/// Rencana aksi and realisasi as text (locked, or for the superior).
fn read_only(row: RealisasiRow) -> impl IntoView {
    let i18n = use_i18n();
    let plan = row.rencana_aksi.map(|p| {
        let target = p.target_nilai;
        (p.uraian, target)
    });
    let value = row.realisasi.clone();
    let satuan = row.target_satuan.unwrap_or_default();
    let shown = move || {
        let lang = i18n.lang();
        match &value {
            Some(v) => match (v.nilai, &v.naratif) {
                (Some(n), naratif) => {
                    let mut s = format!("{} {satuan}", labels::decimal(lang, n));
                    if let Some(t) = naratif {
                        s = format!("{s} — {t}");
                    }
                    s
                }
                (None, Some(t)) => t.clone(),
                (None, None) => "—".to_owned(),
            },
            None => text(lang, Key::NoEmail).to_owned(),
        }
    };
    let plan = move || match &plan {
        Some((uraian, target)) => {
            let target = target
                .map(|t| {
                    format!(
                        " ({}: {})",
                        i18n.t(Key::TargetPeriode),
                        labels::decimal(i18n.lang(), t)
                    )
                })
                .unwrap_or_default();
            format!("{uraian}{target}")
        }
        None => i18n.t(Key::NoEmail).to_owned(),
    };
    let dasar = row.realisasi.and_then(|v| v.dasar);
    view! {
        <dl class="details iki-card__values">
            <div class="details__row">
                <dt>{tr(Key::RencanaAksi)}</dt>
                <dd>{plan}</dd>
            </div>
            <div class="details__row">
                <dt>{tr(Key::Realisasi)}</dt>
                <dd class="iki-card__realisasi">{shown}</dd>
            </div>
            {dasar.map(|d| view! {
                <div class="details__row">
                    <dt>{tr(Key::DasarRealisasi)}</dt>
                    <dd>{d}</dd>
                </div>
            })}
        </dl>
    }
}

/// Sends a write that answers with the sheet; the answer replaces the shared sheet.
fn send_sheet(
    state: RwSignal<RealisasiSheet>,
    write: impl Future<Output = Result<RealisasiSheet, crate::api::ApiError>> + 'static,
    done: Key,
    fields: &'static [&'static str],
    (busy, errors, outcome): (
        RwSignal<bool>,
        RwSignal<FieldErrors>,
        RwSignal<Option<Outcome>>,
    ),
) {
    busy.set(true);
    outcome.set(None);
    errors.set(FieldErrors::new());
    spawn_local(async move {
        match write.await {
            Ok(sheet) => {
                state.set(sheet);
                outcome.set(Some(Outcome::Done(done)));
            }
            Err(e) => failed(e, fields, errors, outcome),
        }
        busy.set(false);
    });
}

/// The plan of the sub-period: what will be done and its target there.
#[component]
fn RencanaAksiForm(row: RealisasiRow) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<RwSignal<RealisasiSheet>>();
    let iki = row.iki_id;
    let satuan = row.target_satuan.clone().unwrap_or_default();
    let lang = use_i18n().lang();
    let plan = row.rencana_aksi;
    let uraian = RwSignal::new(plan.as_ref().map(|p| p.uraian.clone()).unwrap_or_default());
    let target = RwSignal::new(
        plan.and_then(|p| p.target_nilai)
            .map(|v| input_number(lang, v))
            .unwrap_or_default(),
    );
    let errors = RwSignal::new(FieldErrors::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = FieldErrors::new();
        let text_now = uraian.get_untracked().trim().to_owned();
        if text_now.is_empty() {
            push(
                &mut found,
                "uraian",
                "Uraian rencana aksi wajib diisi (maksimal 1000 karakter).",
            );
        }
        let target_nilai = optional_number(&target.get_untracked(), "target_nilai", &mut found);
        if !found.is_empty() {
            errors.set(found);
            outcome.set(Some(Outcome::Invalid(Vec::new())));
            return;
        }
        let request = SaveRencanaAksi {
            uraian: text_now,
            target_nilai,
        };
        let k = ctx.k.get_untracked();
        send_sheet(
            state,
            async move { api::measurement::save_rencana_aksi(ctx.skp, iki, k, &request).await },
            Key::RencanaAksiSaved,
            &["uraian", "target_nilai"],
            (busy, errors, outcome),
        );
    };
    view! {
        <form class="iki-form" novalidate on:submit=submit>
            <h4 class="form-subheading">{tr(Key::RencanaAksi)}</h4>
            <RowInput label=Key::UraianRencanaAksi id=format!("ra-{iki}-uraian") value=uraian errors=errors path="uraian".to_owned() multiline=true/>
            <RowInput label=Key::TargetPeriode id=format!("ra-{iki}-target") value=target errors=errors path="target_nilai".to_owned() inputmode="decimal" suffix=satuan.clone()/>
            <FormStatus outcome=outcome/>
            <button type="submit" class="btn btn--secondary btn--small" disabled=move || busy.get()>
                {tr(Key::SaveRencanaAksi)}
            </button>
        </form>
    }
}

/// The result of the sub-period: a value (or a narrative for a qualitative IKI) and its basis.
#[component]
fn RealisasiForm(row: RealisasiRow) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let state = expect_context::<RwSignal<RealisasiSheet>>();
    let iki = row.iki_id;
    // Qualitative: a narrative target and no number.
    let qualitative = row.target_nilai.is_none() && row.target_naratif.is_some();
    let satuan = row.target_satuan.clone().unwrap_or_default();
    let lang = use_i18n().lang();
    let value = row.realisasi;
    let nilai = RwSignal::new(
        value
            .as_ref()
            .and_then(|v| v.nilai)
            .map(|v| input_number(lang, v))
            .unwrap_or_default(),
    );
    let naratif = RwSignal::new(
        value
            .as_ref()
            .and_then(|v| v.naratif.clone())
            .unwrap_or_default(),
    );
    let dasar = RwSignal::new(value.and_then(|v| v.dasar).unwrap_or_default());
    let errors = RwSignal::new(FieldErrors::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = FieldErrors::new();
        let value = optional_number(&nilai.get_untracked(), "nilai", &mut found);
        let story = optional(&naratif.get_untracked());
        let missing = if qualitative {
            ("naratif", story.is_none())
        } else {
            ("nilai", value.is_none() && !found.contains_key("nilai"))
        };
        if missing.1 {
            push(&mut found, missing.0, "Wajib diisi.");
        }
        if !found.is_empty() {
            errors.set(found);
            outcome.set(Some(Outcome::Invalid(Vec::new())));
            return;
        }
        let request = SaveRealisasi {
            nilai: value,
            naratif: story,
            dasar: optional(&dasar.get_untracked()),
        };
        let k = ctx.k.get_untracked();
        send_sheet(
            state,
            async move { api::measurement::save_realisasi(ctx.skp, iki, k, &request).await },
            Key::RealisasiSaved,
            &["nilai", "naratif", "dasar"],
            (busy, errors, outcome),
        );
    };
    // One control either way: the same component, told which.
    let (label, field, value, multiline, inputmode) = if qualitative {
        (Key::RealisasiNaratif, "naratif", naratif, true, None)
    } else {
        (Key::NilaiRealisasi, "nilai", nilai, false, Some("decimal"))
    };
    let suffix = (!qualitative).then_some(satuan);
    let value_input = view! {
        <RowInput label=label id=format!("rl-{iki}-{field}") value=value errors=errors path=field.to_owned() multiline=multiline inputmode=inputmode.unwrap_or("text") suffix=suffix.unwrap_or_default()/>
    };
    view! {
        <form class="iki-form" novalidate on:submit=submit>
            <h4 class="form-subheading">{tr(Key::Realisasi)}</h4>
            {value_input}
            <RowInput label=Key::DasarRealisasi id=format!("rl-{iki}-dasar") value=dasar errors=errors path="dasar".to_owned() multiline=true/>
            <FormStatus outcome=outcome/>
            <button type="submit" class="btn btn--primary btn--small" disabled=move || busy.get()>
                {tr(Key::SaveRealisasi)}
            </button>
        </form>
    }
}
