//! Continuous feedback on an SKP: the PPKin's composer (one RHK, IKI or BerAKHLAK value of
//! the chosen sub-period, with an optional positive/negative tag) and the history of every
//! sub-period, newest first, where the employee replies.

use kinerja_api::measurement::{
    CreateFeedback, RealisasiSheet, ReplyFeedback, TagUmpanBalik, UmpanBalik,
};
use kinerja_api::planning::{Ritme, Skp};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::{Ctx, Role};
use crate::api::{self, ApiError};
use crate::components::RowInput;
use crate::components::{FormStatus, Outcome, failed, sub_period_label};
use crate::forms::{FieldErrors, push};
use crate::i18n::{Key, tr, use_i18n};
use crate::labels;

/// One thing feedback can be about: its composer value (`rhk:<id>`, `iki:<id>`,
/// `nilai:<kode>`), its group and its text.
#[derive(Debug, Clone)]
pub(super) struct Target {
    value: String,
    group: Key,
    text: String,
}

/// The RHK and IKI of the sheet (the SKP version in force for its sub-period) and the
/// BerAKHLAK values as feedback targets.
pub(super) fn targets(sheet: &RealisasiSheet, skp: &Skp) -> Vec<Target> {
    let mut list = Vec::new();
    for r in &sheet.rhk {
        list.push(Target {
            value: format!("rhk:{}", r.rhk_id),
            group: Key::RhkTitle,
            text: r.rhk.clone(),
        });
    }
    for k in &sheet.rows {
        list.push(Target {
            value: format!("iki:{}", k.iki_id),
            group: Key::IkiTitle,
            text: k.indikator.clone(),
        });
    }
    for p in &skp.perilaku {
        list.push(Target {
            value: format!("nilai:{}", p.nilai_kode),
            group: Key::PerilakuTitle,
            text: p.nama.clone(),
        });
    }
    list
}

/// The composer value of what a piece of feedback is about.
fn about(f: &UmpanBalik) -> String {
    match (f.rhk_id, f.iki_id, &f.nilai_kode) {
        (Some(id), _, _) => format!("rhk:{id}"),
        (None, Some(id), _) => format!("iki:{id}"),
        (None, None, Some(kode)) => format!("nilai:{kode}"),
        (None, None, None) => String::new(),
    }
}

/// The feedback card of a [`super::Measurement`]: the PPKin's composer and the threads. The
/// card is left out for readers outside the employee's PPKin chain (the list is not theirs).
#[component]
pub(super) fn Feedback(
    threads: Result<Vec<UmpanBalik>, ApiError>,
    targets: StoredValue<Vec<Target>>,
    ritme: Ritme,
    year: i32,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // Readers outside the PPKin chain may not see the feedback (404): no card for them.
    let (items, error) = match threads {
        Ok(items) => (items, None),
        Err(e) => (Vec::new(), (e.status() != Some(404)).then_some(e)),
    };
    let hidden = error.is_none() && items.is_empty() && ctx.role == Role::Reader;
    let threads = RwSignal::new(items);
    let notice = RwSignal::new(error.map(Outcome::Failed));
    let list = move || {
        threads.with(|all| {
            let items = all
                .iter()
                .rev()
                .cloned()
                .map(|thread| view! { <Thread thread=thread targets=targets ritme=ritme year=year threads=threads notice=notice/> })
                .collect_view();
            view! {
                {all.is_empty().then(|| view! { <p class="muted">{tr(Key::NoFeedback)}</p> })}
                <ol class="feedback-list">{items}</ol>
            }
        })
    };
    (!hidden).then(|| {
        view! {
            <section class="card card--skp feedback" aria-labelledby="umpan-balik">
                <h2 class="card__title" id="umpan-balik">{tr(Key::FeedbackTitle)}</h2>
                {(ctx.role == Role::Ppkin).then(|| view! { <Composer threads=threads targets=targets notice=notice/> })}
                <FormStatus outcome=notice/>
                <h3 class="form-subheading">{tr(Key::FeedbackHistory)}</h3>
                {list}
            </section>
        }
    })
}

/// One piece of feedback with its replies (and the employee's reply form).
#[component]
fn Thread(
    thread: UmpanBalik,
    targets: StoredValue<Vec<Target>>,
    ritme: Ritme,
    year: i32,
    threads: RwSignal<Vec<UmpanBalik>>,
    notice: RwSignal<Option<Outcome>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = expect_context::<Ctx>();
    let about = about(&thread);
    // The server's label where the target lies on another SKP version (a perubahan SKP).
    let group = match (thread.rhk_id, thread.iki_id) {
        (Some(_), _) => Key::RhkTitle,
        (None, Some(_)) => Key::IkiTitle,
        (None, None) => Key::PerilakuTitle,
    };
    let topic = targets
        .with_value(|list| {
            list.iter()
                .find(|t| t.value == about)
                .map(|t| (t.group, t.text.clone()))
        })
        .or_else(|| thread.sasaran.clone().map(|s| (group, s)));
    let k = thread.periode_ke;
    let when = move || sub_period_label(i18n.lang(), ritme, year, k);
    let id = thread.id;
    let replies = thread
        .balasan
        .iter()
        .cloned()
        .map(|r| view! { <li class="feedback-reply"><Entry entry=r/></li> })
        .collect_view();
    view! {
        <li class="feedback-item">
            <p class="feedback-item__about">
                {topic.map(|(group, text)| view! { <span class="muted">{tr(group)} ": "</span> <span>{text}</span> })}
                <span class="badge badge--muted">{when}</span>
            </p>
            <Entry entry=thread/>
            <ul class="feedback-replies">{replies}</ul>
            {(ctx.role == Role::Owner).then(|| view! { <ReplyForm id=id threads=threads notice=notice/> })}
        </li>
    }
}

/// The author, time, tag and text of a piece of feedback or a reply.
#[component]
fn Entry(entry: UmpanBalik) -> impl IntoView {
    let i18n = use_i18n();
    let at = entry.created_at;
    let tag = entry.tag.map(|t| {
        let class = format!("badge feedback-tag feedback-tag--{}", t.as_str());
        view! { <span class=class>{tr(labels::tag(t))}</span> }
    });
    view! {
        <p class="feedback-entry__head">
            <strong>{entry.penulis}</strong>
            " "
            <span class="muted">{move || labels::datetime(i18n.lang(), at)}</span>
            " "
            {tag}
        </p>
        <p class="feedback-entry__text">{entry.teks}</p>
    }
}

/// The PPKin writes feedback on one target of the chosen sub-period.
#[component]
fn Composer(
    threads: RwSignal<Vec<UmpanBalik>>,
    targets: StoredValue<Vec<Target>>,
    notice: RwSignal<Option<Outcome>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = expect_context::<Ctx>();
    let teks = RwSignal::new(String::new());
    let tag = RwSignal::new(None::<TagUmpanBalik>);
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = FieldErrors::new();
        let target = ctx.target.get_untracked();
        let (rhk_id, iki_id, nilai_kode) = match target.split_once(':') {
            Some(("rhk", id)) => (Uuid::parse_str(id).ok(), None, None),
            Some(("iki", id)) => (None, Uuid::parse_str(id).ok(), None),
            Some(("nilai", kode)) => (None, None, Some(kode.to_owned())),
            _ => (None, None, None),
        };
        if rhk_id.is_none() && iki_id.is_none() && nilai_kode.is_none() {
            push(
                &mut found,
                "target",
                "Pilih tepat satu: RHK, indikator, atau nilai perilaku.",
            );
        }
        let text = teks.get_untracked().trim().to_owned();
        if text.is_empty() {
            push(
                &mut found,
                "teks",
                "Umpan balik wajib diisi (maksimal 2000 karakter).",
            );
        }
        if !found.is_empty() {
            errors.set(found);
            notice.set(Some(Outcome::Invalid(Vec::new())));
            return;
        }
        let request = CreateFeedback {
            periode_ke: ctx.k.get_untracked(),
            rhk_id,
            iki_id,
            nilai_kode,
            teks: text,
            tag: tag.get_untracked(),
        };
        busy.set(true);
        notice.set(None);
        errors.set(FieldErrors::new());
        spawn_local(async move {
            match api::measurement::give_feedback(ctx.skp, &request).await {
                Ok(saved) => {
                    threads.update(|t| t.push(saved));
                    teks.set(String::new());
                    tag.set(None);
                    notice.set(Some(Outcome::Done(Key::FeedbackSent)));
                }
                Err(e) => {
                    failed(
                        e,
                        &["target", "rhk_id", "iki_id", "nilai_kode", "teks"],
                        errors,
                        notice,
                    );
                    // The target's messages belong under its select.
                    errors.update(|e| {
                        let moved: Vec<String> = ["rhk_id", "iki_id", "nilai_kode"]
                            .iter()
                            .filter_map(|f| e.remove(*f))
                            .flatten()
                            .collect();
                        if !moved.is_empty() {
                            e.entry("target".to_owned()).or_default().extend(moved);
                        }
                    });
                }
            }
            busy.set(false);
        });
    };
    // Built once: the select's `prop:value` follows the chosen target.
    let options = targets.with_value(|list| {
        [Key::RhkTitle, Key::IkiTitle, Key::PerilakuTitle]
            .into_iter()
            .map(|group| {
                let items = list
                    .iter()
                    .filter(|t| t.group == group)
                    .map(|t| view! { <option value=t.value.clone()>{t.text.clone()}</option> })
                    .collect_view();
                view! { <optgroup label=tr(group)>{items}</optgroup> }
            })
            .collect_view()
    });
    let target_errors = move || errors.with(|e| e.get("target").cloned().unwrap_or_default());
    let tags = [
        None,
        Some(TagUmpanBalik::Positif),
        Some(TagUmpanBalik::Negatif),
    ]
    .into_iter()
    .map(|t| {
        let label = t.map_or(Key::TagNone, labels::tag);
        view! {
            <label class="checkbox checkbox--inline">
                <input
                    type="radio"
                    name="umpan-balik-tag"
                    prop:checked=move || tag.get() == t
                    on:change=move |_| tag.set(t)
                />
                <span>{tr(label)}</span>
            </label>
        }
    })
    .collect_view();
    view! {
        <form class="feedback-form" novalidate on:submit=submit>
            <p class="field__hint">{tr(Key::FeedbackIntro)}</p>
            <div class="field field--compact" class:field--invalid=move || !target_errors().is_empty()>
                <label class="field__label" for="umpan-balik-target">{tr(Key::FeedbackAbout)}</label>
                <select
                    class="field__input field__select"
                    id="umpan-balik-target"
                    aria-describedby="umpan-balik-target-error"
                    aria-invalid=move || if target_errors().is_empty() { "false" } else { "true" }
                    prop:value=move || ctx.target.get()
                    on:change=move |ev| {
                        ctx.target.set(event_target_value(&ev));
                        errors.update(|e| {
                            e.remove("target");
                        });
                    }
                >
                    <option value="">{tr(Key::ChooseOption)}</option>
                    {options}
                </select>
                <p class="field__error" id="umpan-balik-target-error">
                    {move || target_errors().into_iter().map(|m| view! { <span class="field__message">{i18n.message(&m)}</span> }).collect_view()}
                </p>
            </div>
            <RowInput label=Key::FeedbackTitle id="umpan-balik-teks".to_owned() value=teks errors=errors path="teks".to_owned() multiline=true/>
            <fieldset class="field field--compact">
                <legend class="field__label">{tr(Key::FeedbackTag)}</legend>
                <div class="radio-row">{tags}</div>
            </fieldset>
            <div class="form-actions">
                <button type="submit" class="btn btn--primary" disabled=move || busy.get()>
                    {tr(Key::SendFeedback)}
                </button>
            </div>
        </form>
    }
}

/// The employee answers one piece of feedback.
#[component]
fn ReplyForm(
    id: Uuid,
    threads: RwSignal<Vec<UmpanBalik>>,
    notice: RwSignal<Option<Outcome>>,
) -> impl IntoView {
    let teks = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = teks.get_untracked().trim().to_owned();
        if text.is_empty() {
            let mut found = FieldErrors::new();
            push(
                &mut found,
                "teks",
                "Balasan wajib diisi (maksimal 2000 karakter).",
            );
            errors.set(found);
            return;
        }
        busy.set(true);
        notice.set(None);
        spawn_local(async move {
            match api::measurement::reply(id, &ReplyFeedback { teks: text }).await {
                Ok(thread) => {
                    threads.update(|list| {
                        if let Some(old) = list.iter_mut().find(|t| t.id == thread.id) {
                            *old = thread;
                        }
                    });
                    notice.set(Some(Outcome::Done(Key::ReplySent)));
                }
                Err(e) => failed(e, &["teks"], errors, notice),
            }
            busy.set(false);
        });
    };
    view! {
        <form class="reply-form" novalidate on:submit=submit>
            <RowInput label=Key::YourReply id=format!("balas-{id}") value=teks errors=errors path="teks".to_owned() multiline=true/>
            <button type="submit" class="btn btn--secondary btn--small" disabled=move || busy.get()>
                {tr(Key::SendReply)}
            </button>
        </form>
    }
}
