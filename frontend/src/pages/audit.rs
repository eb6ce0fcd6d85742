//! `/audit`: the audit trail as sentences ("Dewi Lestari menyetujui SKP 2026 Rina Marlina"),
//! newest first, filtered by person, action and local dates kept in the address
//! (`aktor`, `aksi`, `dari`, `sampai`) so that the pager and a shared link keep them.

use chrono::NaiveDate;
use kinerja_api::PageQuery;
use kinerja_api::audit::AuditEvent;
use kinerja_api::auth::Permission;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::page_number;
use crate::api;
use crate::api::audit::AuditFilter;
use crate::components::{Alert, AlertKind, Field, Loader, PageHeader, Pager, built, load};
use crate::forms::FieldErrors;
use crate::i18n::{Key, Lang, fill, text, tr, use_i18n};
use crate::labels;
use crate::state::auth::use_auth;

/// The sentence of each action code; the order is the action filter's.
const ACTIONS: &[(&str, Key)] = &[
    ("auth.login_succeeded", Key::AuLoginOk),
    ("auth.login_failed", Key::AuLoginFailed),
    ("auth.logout", Key::AuLogout),
    ("auth.password_changed", Key::AuPasswordChanged),
    ("auth.refresh_token_reused", Key::AuTokenReused),
    ("user.created", Key::AuUserCreated),
    ("user.created_for_employee", Key::AuUserCreatedForEmployee),
    ("user.password_reset", Key::AuPasswordReset),
    ("user.updated", Key::AuUserUpdated),
    ("user.roles_changed", Key::AuRolesChanged),
    ("employee.created", Key::AuEmployeeCreated),
    ("employee.updated", Key::AuEmployeeUpdated),
    ("employee.imported", Key::AuEmployeeImported),
    ("employee.assigned", Key::AuEmployeeAssigned),
    ("employee.acting_assigned", Key::AuEmployeeActing),
    ("employee.superior_overridden", Key::AuSuperiorOverridden),
    ("unit.created", Key::AuUnitCreated),
    ("unit.updated", Key::AuUnitUpdated),
    ("unit.moved", Key::AuUnitMoved),
    ("unit.imported", Key::AuUnitImported),
    ("position.created", Key::AuPositionCreated),
    ("position.updated", Key::AuPositionUpdated),
    ("position.imported", Key::AuPositionImported),
    ("instansi.created", Key::AuInstansiCreated),
    ("period.created", Key::AuPeriodCreated),
    ("period.opened", Key::AuPeriodOpened),
    ("period.closed", Key::AuPeriodClosed),
    ("skp.created", Key::AuSkpCreated),
    ("skp.updated", Key::AuSkpUpdated),
    ("skp.submitted", Key::AuSkpSubmitted),
    ("skp.approved", Key::AuSkpApproved),
    ("skp.returned", Key::AuSkpReturned),
    ("skp.revised", Key::AuSkpRevised),
    ("skp.reopened", Key::AuSkpReopened),
    ("skp.distributed", Key::AuSkpDistributed),
    ("realisasi.saved", Key::AuRealisasiSaved),
    ("realisasi.unlocked", Key::AuRealisasiUnlocked),
    ("rencana_aksi.saved", Key::AuRencanaAksiSaved),
    ("bukti.uploaded", Key::AuBuktiUploaded),
    ("bukti.linked", Key::AuBuktiLinked),
    ("bukti.dihapus", Key::AuBuktiRemoved),
    ("bukti.verified", Key::AuBuktiVerified),
    ("feedback.given", Key::AuFeedbackGiven),
    ("feedback.replied", Key::AuFeedbackReplied),
    ("evaluasi.saved", Key::AuEvaluasiSaved),
    ("evaluasi.ditetapkan", Key::AuEvaluasiSet),
    ("evaluasi.dikoreksi", Key::AuEvaluasiCorrected),
    ("keberatan.diajukan", Key::AuKeberatanFiled),
    ("keberatan.dijelaskan", Key::AuKeberatanExplained),
    ("keberatan.diputus", Key::AuKeberatanDecided),
    ("keberatan.lampiran_ditambah", Key::AuKeberatanAttached),
    ("keberatan.lampiran_dihapus", Key::AuKeberatanDetached),
    ("rencana_perbaikan.saved", Key::AuPerbaikanSaved),
    ("rencana_perbaikan.checkin", Key::AuPerbaikanCheckin),
    ("dokumen_evaluasi.dibuat", Key::AuDokumenMade),
    ("predikat_organisasi.ditetapkan", Key::AuPredikatOrgSet),
    ("pelatihan.created", Key::AuPelatihanCreated),
    ("pelatihan.updated", Key::AuPelatihanUpdated),
    ("jenjang.koefisien_diubah", Key::AuKoefisienChanged),
    ("api_client.created", Key::AuApiClientCreated),
    ("api_client.enabled", Key::AuApiClientEnabled),
    ("api_client.disabled", Key::AuApiClientDisabled),
    ("ingest.batch", Key::AuIngestBatch),
    ("iki.data_key_set", Key::AuDataKeySet),
];

fn sentence_key(action: &str) -> Option<Key> {
    ACTIONS.iter().find(|(a, _)| *a == action).map(|(_, k)| *k)
}

/// "Dewi Lestari menyetujui SKP 2026 Rina Marlina", in the chosen language.
fn sentence(lang: Lang, e: &AuditEvent) -> String {
    let aktor = match (&e.actor_nama, e.actor_id) {
        (Some(name), _) => name.clone(),
        (None, Some(_)) => text(lang, Key::AuditSomeone).to_owned(),
        (None, None) => text(lang, Key::AuditSystem).to_owned(),
    };
    let objek = e
        .entity_nama
        .clone()
        .or_else(|| {
            e.after
                .as_ref()
                .and_then(|a| a.get("username"))
                .and_then(|u| u.as_str())
                .map(str::to_owned)
        })
        .unwrap_or_else(|| match &e.entity_id {
            Some(id) => format!(
                "{} {}",
                e.entity_type,
                id.chars().take(8).collect::<String>()
            ),
            None => e.entity_type.clone(),
        });
    match sentence_key(&e.action) {
        Some(key) => fill(text(lang, key), &[("aktor", &aktor), ("objek", &objek)]),
        None => fill(
            text(lang, Key::AuditUnknownAction),
            &[("aktor", &aktor), ("aksi", &e.action), ("objek", &objek)],
        ),
    }
}

/// The action filter's label: the sentence without its names ("menyetujui …").
fn action_label(lang: Lang, key: Key) -> String {
    let plain = fill(text(lang, key), &[("aktor", ""), ("objek", "…")]);
    let plain = plain.trim();
    let mut chars = plain.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn filter_from_query(q: &leptos_router::params::ParamsMap) -> AuditFilter {
    let nonempty = |k: &str| q.get(k).filter(|v| !v.trim().is_empty());
    let day = |k: &str| nonempty(k).and_then(|v| NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok());
    AuditFilter {
        aktor: nonempty("aktor"),
        action: nonempty("aksi"),
        tanggal_dari: day("dari"),
        tanggal_sampai: day("sampai"),
    }
}

/// The audit trail, newest first, 20 per page.
#[component]
pub fn AuditPage() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    if !auth.can(Permission::ReadAudit) {
        return view! {
            <PageHeader title=Key::AuditTitle intro=Key::AuditIntro/>
            <Alert kind=AlertKind::Error message=Signal::derive(move || i18n.t(Key::NoAccess).to_owned())/>
        }
        .into_any();
    }
    let page = page_number();
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(filter_from_query));
    let events = Box::new(move || {
        let page = page.get();
        let filter = filter.get();
        load(async move {
            let list = api::audit::list_events(PageQuery { page, per_page: 20 }, filter).await?;
            Ok(built(move || {
                let pages = list.pages();
                view! {
                    <section class="card card--flush">
                        <EventList events=list.items.clone()/>
                        <Pager path="/audit" page=list.page pages=pages total=list.total/>
                    </section>
                }
            }))
        })
    });
    view! {
        <PageHeader title=Key::AuditTitle intro=Key::AuditIntro/>
        <Filters/>
        <Loader load=events/>
    }
    .into_any()
}

#[component]
fn Filters() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    let get = move |k: &str| query.with_untracked(|q| q.get(k).unwrap_or_default());
    let aktor = RwSignal::new(get("aktor"));
    let aksi = RwSignal::new(get("aksi"));
    let dari = RwSignal::new(get("dari"));
    let sampai = RwSignal::new(get("sampai"));
    let errors = RwSignal::new(FieldErrors::new());
    let go = move |pairs: Vec<(&str, String)>| {
        let q: Vec<String> = pairs
            .into_iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| {
                format!(
                    "{k}={}",
                    String::from(js_sys::encode_uri_component(v.trim()))
                )
            })
            .collect();
        let path = if q.is_empty() {
            "/audit".to_owned()
        } else {
            format!("/audit?{}", q.join("&"))
        };
        navigate(&path, Default::default());
    };
    let go_submit = go.clone();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (d, s) = (dari.get_untracked(), sampai.get_untracked());
        // The same rule as the server's, before asking it.
        if !d.is_empty() && !s.is_empty() && s < d {
            let mut found = FieldErrors::new();
            found.insert(
                "sampai".to_owned(),
                vec!["Tanggal akhir tidak boleh sebelum tanggal awal.".to_owned()],
            );
            errors.set(found);
            crate::components::field::focus("sampai");
            return;
        }
        errors.set(FieldErrors::new());
        go_submit(vec![
            ("aktor", aktor.get_untracked()),
            ("aksi", aksi.get_untracked()),
            ("dari", d),
            ("sampai", s),
        ]);
    };
    let clear = move |_| {
        aktor.set(String::new());
        aksi.set(String::new());
        dari.set(String::new());
        sampai.set(String::new());
        errors.set(FieldErrors::new());
        go(Vec::new());
    };
    let actions = move || {
        let lang = i18n.lang();
        let current = aksi.get();
        ACTIONS
            .iter()
            .map(|(code, key)| {
                view! {
                    <option value=*code selected=current == *code>
                        {action_label(lang, *key)}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="saring-audit">
            <h2 id="saring-audit" class="sr-only">{tr(Key::AuditFilters)}</h2>
            <form class="form filters" novalidate=true on:submit=on_submit>
                <Field
                    name="aktor"
                    label=Key::AuditActor
                    value=aktor
                    errors=errors
                    autocomplete="off"
                    hint=Key::AuditActorHint
                />
                <div class="field">
                    <label class="field__label" for="aksi">{tr(Key::AuditActionFilter)}</label>
                    <select
                        class="field__input field__select"
                        id="aksi"
                        name="aksi"
                        on:change=move |ev| aksi.set(event_target_value(&ev))
                    >
                        <option value="" selected=move || aksi.get().is_empty()>
                            {tr(Key::AllActions)}
                        </option>
                        {actions}
                    </select>
                </div>
                <Field name="dari" label=Key::DateFrom value=dari errors=errors autocomplete="off" kind="date"/>
                <Field name="sampai" label=Key::DateTo value=sampai errors=errors autocomplete="off" kind="date"/>
                <div class="form-actions">
                    <button type="submit" class="btn btn--primary">{tr(Key::ApplyFilters)}</button>
                    <button type="button" class="btn btn--secondary" on:click=clear>
                        {tr(Key::ResetFilters)}
                    </button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn EventList(
    /// One page of events.
    events: Vec<AuditEvent>,
) -> impl IntoView {
    let i18n = use_i18n();
    if events.is_empty() {
        return view! { <p class="empty muted">{tr(Key::Empty)}</p> }.into_any();
    }
    let rows = events
        .into_iter()
        .map(|event| {
            let at = event.occurred_at;
            let code = event.action.clone();
            let seq = event.seq;
            view! {
                <li class="audit-item">
                    <p class="audit-item__sentence">{move || sentence(i18n.lang(), &event)}</p>
                    <p class="audit-item__meta muted">
                        <time datetime=at.to_rfc3339()>{move || labels::datetime(i18n.lang(), at)}</time>
                        " · "
                        <span class="mono">{code}</span>
                        " · #"
                        {seq}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="audit-list">{rows}</ol> }.into_any()
}
