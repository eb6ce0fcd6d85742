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

/// The sentence of each action code (Indonesian, English); the order is the action filter's.
/// Kept here rather than in `Key` so that only this bundle carries them.
const ACTIONS: &[(&str, &str, &str)] = &[
    (
        "auth.login_succeeded",
        "{aktor} masuk ke aplikasi",
        "{aktor} signed in",
    ),
    (
        "auth.login_failed",
        "Percobaan masuk gagal dengan nama pengguna {objek}",
        "Failed sign-in attempt as {objek}",
    ),
    (
        "auth.logout",
        "{aktor} keluar dari aplikasi",
        "{aktor} signed out",
    ),
    (
        "auth.password_changed",
        "{aktor} mengganti kata sandinya",
        "{aktor} changed their password",
    ),
    (
        "auth.refresh_token_reused",
        "Sesi {objek} dicabut karena token dipakai ulang",
        "The session of {objek} was revoked: a token was reused",
    ),
    (
        "user.created",
        "{aktor} membuat akun {objek}",
        "{aktor} created the account of {objek}",
    ),
    (
        "user.created_for_employee",
        "{aktor} membuat akun untuk {objek}",
        "{aktor} created an account for {objek}",
    ),
    (
        "user.password_reset",
        "{aktor} mengatur ulang kata sandi {objek}",
        "{aktor} reset the password of {objek}",
    ),
    (
        "user.updated",
        "{aktor} mengubah akun {objek}",
        "{aktor} changed the account of {objek}",
    ),
    (
        "user.roles_changed",
        "{aktor} mengubah peran {objek}",
        "{aktor} changed the roles of {objek}",
    ),
    (
        "employee.created",
        "{aktor} menambahkan pegawai {objek}",
        "{aktor} added the employee {objek}",
    ),
    (
        "employee.updated",
        "{aktor} mengubah data pegawai {objek}",
        "{aktor} changed the record of {objek}",
    ),
    (
        "employee.imported",
        "{aktor} mengimpor data pegawai {objek}",
        "{aktor} imported employees into {objek}",
    ),
    (
        "employee.assigned",
        "{aktor} mencatat jabatan baru {objek}",
        "{aktor} recorded a new position of {objek}",
    ),
    (
        "employee.acting_assigned",
        "{aktor} menunjuk {objek} sebagai Plt/Plh",
        "{aktor} appointed {objek} as acting official",
    ),
    (
        "employee.superior_overridden",
        "{aktor} menetapkan pejabat penilai {objek}",
        "{aktor} set the rater of {objek}",
    ),
    (
        "unit.created",
        "{aktor} membuat unit {objek}",
        "{aktor} created the unit {objek}",
    ),
    (
        "unit.updated",
        "{aktor} mengubah unit {objek}",
        "{aktor} changed the unit {objek}",
    ),
    (
        "unit.moved",
        "{aktor} memindahkan unit {objek}",
        "{aktor} moved the unit {objek}",
    ),
    (
        "unit.imported",
        "{aktor} mengimpor unit ke {objek}",
        "{aktor} imported units into {objek}",
    ),
    (
        "position.created",
        "{aktor} membuat jabatan {objek}",
        "{aktor} created the position {objek}",
    ),
    (
        "position.updated",
        "{aktor} mengubah jabatan {objek}",
        "{aktor} changed the position {objek}",
    ),
    (
        "position.imported",
        "{aktor} mengimpor jabatan ke {objek}",
        "{aktor} imported positions into {objek}",
    ),
    (
        "instansi.created",
        "{aktor} membuat instansi {objek}",
        "{aktor} created the agency {objek}",
    ),
    (
        "period.created",
        "{aktor} membuat periode {objek}",
        "{aktor} created the period {objek}",
    ),
    (
        "period.opened",
        "{aktor} membuka periode {objek}",
        "{aktor} opened the period {objek}",
    ),
    (
        "period.closed",
        "{aktor} menutup periode {objek}",
        "{aktor} closed the period {objek}",
    ),
    (
        "skp.created",
        "{aktor} menyusun {objek}",
        "{aktor} started {objek}",
    ),
    (
        "skp.updated",
        "{aktor} mengubah {objek}",
        "{aktor} edited {objek}",
    ),
    (
        "skp.submitted",
        "{aktor} mengajukan {objek}",
        "{aktor} submitted {objek}",
    ),
    (
        "skp.approved",
        "{aktor} menyetujui {objek}",
        "{aktor} approved {objek}",
    ),
    (
        "skp.returned",
        "{aktor} mengembalikan {objek}",
        "{aktor} returned {objek}",
    ),
    (
        "skp.revised",
        "{aktor} membuat perubahan {objek}",
        "{aktor} started a revision of {objek}",
    ),
    (
        "skp.reopened",
        "{aktor} membuka kembali {objek}",
        "{aktor} reopened {objek}",
    ),
    (
        "skp.distributed",
        "{aktor} membagikan RHK dari {objek}",
        "{aktor} distributed results of {objek}",
    ),
    (
        "realisasi.saved",
        "{aktor} mengisi realisasi",
        "{aktor} entered a realisation",
    ),
    (
        "realisasi.unlocked",
        "{aktor} membuka kunci realisasi {objek}",
        "{aktor} unlocked the realisation of {objek}",
    ),
    (
        "rencana_aksi.saved",
        "{aktor} menyimpan rencana aksi",
        "{aktor} saved an action plan",
    ),
    (
        "bukti.uploaded",
        "{aktor} mengunggah bukti dukung",
        "{aktor} uploaded evidence",
    ),
    (
        "bukti.linked",
        "{aktor} menautkan bukti dukung",
        "{aktor} linked evidence",
    ),
    (
        "bukti.dihapus",
        "{aktor} menghapus bukti dukung",
        "{aktor} removed evidence",
    ),
    (
        "bukti.verified",
        "{aktor} memeriksa bukti dukung",
        "{aktor} checked evidence",
    ),
    (
        "feedback.given",
        "{aktor} memberi umpan balik pada {objek}",
        "{aktor} gave feedback on {objek}",
    ),
    (
        "feedback.replied",
        "{aktor} menanggapi umpan balik pada {objek}",
        "{aktor} replied to feedback on {objek}",
    ),
    (
        "evaluasi.saved",
        "{aktor} menyimpan draf penilaian {objek}",
        "{aktor} saved a draft rating of {objek}",
    ),
    (
        "evaluasi.ditetapkan",
        "{aktor} menetapkan penilaian {objek}",
        "{aktor} set the rating of {objek}",
    ),
    (
        "evaluasi.dikoreksi",
        "{aktor} mengoreksi penilaian {objek}",
        "{aktor} corrected the rating of {objek}",
    ),
    (
        "keberatan.diajukan",
        "{aktor} mengajukan keberatan atas penilaian {objek}",
        "{aktor} objected to the rating of {objek}",
    ),
    (
        "keberatan.dijelaskan",
        "{aktor} menjelaskan penilaian {objek} atas keberatan",
        "{aktor} explained the rating of {objek}",
    ),
    (
        "keberatan.diputus",
        "{aktor} memutus keberatan atas penilaian {objek}",
        "{aktor} decided the objection to {objek}",
    ),
    (
        "keberatan.lampiran_ditambah",
        "{aktor} melampirkan berkas pada keberatan {objek}",
        "{aktor} attached a file to the objection on {objek}",
    ),
    (
        "keberatan.lampiran_dihapus",
        "{aktor} menghapus lampiran keberatan {objek}",
        "{aktor} removed an attachment of the objection on {objek}",
    ),
    (
        "rencana_perbaikan.saved",
        "{aktor} menyusun rencana perbaikan {objek}",
        "{aktor} wrote the improvement plan of {objek}",
    ),
    (
        "rencana_perbaikan.checkin",
        "{aktor} mencatat kemajuan rencana perbaikan {objek}",
        "{aktor} checked in on the improvement plan of {objek}",
    ),
    (
        "dokumen_evaluasi.dibuat",
        "{aktor} membuat dokumen evaluasi {objek}",
        "{aktor} issued the evaluation document of {objek}",
    ),
    (
        "predikat_organisasi.ditetapkan",
        "{aktor} menetapkan predikat organisasi {objek}",
        "{aktor} set the organisation rating of {objek}",
    ),
    (
        "pelatihan.created",
        "{aktor} menambahkan pelatihan {objek}",
        "{aktor} added the training {objek}",
    ),
    (
        "pelatihan.updated",
        "{aktor} mengubah pelatihan {objek}",
        "{aktor} changed the training {objek}",
    ),
    (
        "jenjang.koefisien_diubah",
        "{aktor} mengubah koefisien angka kredit {objek}",
        "{aktor} changed the credit coefficient of {objek}",
    ),
    (
        "api_client.created",
        "{aktor} mendaftarkan klien API {objek}",
        "{aktor} registered the API client {objek}",
    ),
    (
        "api_client.enabled",
        "{aktor} mengaktifkan klien API {objek}",
        "{aktor} enabled the API client {objek}",
    ),
    (
        "api_client.disabled",
        "{aktor} menonaktifkan klien API {objek}",
        "{aktor} disabled the API client {objek}",
    ),
    (
        "ingest.batch",
        "Klien API {objek} mengirim data capaian",
        "The API client {objek} sent indicator values",
    ),
    (
        "iki.data_key_set",
        "{aktor} menautkan indikator ke sumber data",
        "{aktor} bound an indicator to a data source",
    ),
    (
        "survei.created",
        "{aktor} membuat survei kepuasan {objek}",
        "{aktor} created the satisfaction survey {objek}",
    ),
    (
        "survei.updated",
        "{aktor} mengubah survei kepuasan {objek}",
        "{aktor} changed the satisfaction survey {objek}",
    ),
    (
        "survei.opened",
        "{aktor} membuka survei kepuasan {objek}",
        "{aktor} opened the satisfaction survey {objek}",
    ),
    (
        "survei.closed",
        "{aktor} menutup survei kepuasan {objek}",
        "{aktor} closed the satisfaction survey {objek}",
    ),
    (
        "survei_respons.entered",
        "{aktor} memasukkan formulir kertas survei {objek}",
        "{aktor} entered a paper survey form {objek}",
    ),
    (
        "survei_respons.imported",
        "{aktor} mengimpor formulir kertas survei {objek}",
        "{aktor} imported paper survey forms {objek}",
    ),
    (
        "survei_respons.voided",
        "{aktor} membatalkan respons survei {objek}",
        "{aktor} voided the survey response {objek}",
    ),
    (
        "kompetensi.created",
        "{aktor} menambahkan kompetensi {objek}",
        "{aktor} added the competency {objek}",
    ),
    (
        "kompetensi.updated",
        "{aktor} mengubah kompetensi {objek}",
        "{aktor} changed the competency {objek}",
    ),
    (
        "kebutuhan_pengembangan.created",
        "{aktor} mengusulkan kebutuhan pengembangan {objek}",
        "{aktor} proposed the development need {objek}",
    ),
    (
        "kebutuhan_pengembangan.decided",
        "{aktor} memutuskan kebutuhan pengembangan {objek}",
        "{aktor} decided the development need {objek}",
    ),
    (
        "kebutuhan_pengembangan.deleted",
        "{aktor} menghapus kebutuhan pengembangan {objek}",
        "{aktor} deleted the development need {objek}",
    ),
    (
        "catatan_pengembangan.created",
        "{aktor} mencatat kegiatan pengembangan {objek}",
        "{aktor} recorded the development activity {objek}",
    ),
    (
        "catatan_pengembangan.sertifikat",
        "{aktor} mengunggah sertifikat kegiatan pengembangan {objek}",
        "{aktor} uploaded the certificate of development activity {objek}",
    ),
    (
        "catatan_pengembangan.verified",
        "{aktor} memeriksa catatan pengembangan {objek}",
        "{aktor} checked the development record {objek}",
    ),
    (
        "catatan_pengembangan.deleted",
        "{aktor} menghapus catatan pengembangan {objek}",
        "{aktor} deleted the development record {objek}",
    ),
    (
        "rencana_pengembangan.dikonsolidasi",
        "{aktor} menghimpun kebutuhan ke rencana pengembangan {objek}",
        "{aktor} consolidated the needs into the development plan {objek}",
    ),
    (
        "rencana_pengembangan.item_ditambahkan",
        "{aktor} menambahkan kegiatan ke rencana pengembangan {objek}",
        "{aktor} added an activity to the development plan {objek}",
    ),
    (
        "rencana_pengembangan.item_diubah",
        "{aktor} mengubah kegiatan rencana pengembangan {objek}",
        "{aktor} changed an activity of the development plan {objek}",
    ),
    (
        "rencana_pengembangan.item_dihapus",
        "{aktor} menghapus kegiatan rencana pengembangan {objek}",
        "{aktor} removed an activity of the development plan {objek}",
    ),
    (
        "rencana_pengembangan.ditetapkan",
        "{aktor} menetapkan rencana pengembangan {objek}",
        "{aktor} set the development plan {objek}",
    ),
    (
        "rencana_pengembangan.direvisi",
        "{aktor} memulai versi baru rencana pengembangan {objek}",
        "{aktor} started a new version of the development plan {objek}",
    ),
    (
        "survei_tindak_lanjut.created",
        "{aktor} menambahkan tindak lanjut survei {objek}",
        "{aktor} added a survey follow-up action {objek}",
    ),
    (
        "survei_tindak_lanjut.updated",
        "{aktor} mengubah tindak lanjut survei {objek}",
        "{aktor} changed a survey follow-up action {objek}",
    ),
    (
        "survei_tindak_lanjut.deleted",
        "{aktor} menghapus tindak lanjut survei {objek}",
        "{aktor} deleted a survey follow-up action {objek}",
    ),
    (
        "iki.survei_set",
        "{aktor} menautkan indikator ke survei kepuasan",
        "{aktor} bound an indicator to a satisfaction survey",
    ),
    (
        "talenta.potensi_dicatat",
        "{aktor} mencatat hasil penilaian potensi {objek}",
        "{aktor} recorded a potential assessment {objek}",
    ),
    (
        "talenta.pengaturan_diubah",
        "{aktor} mengubah pengaturan manajemen talenta",
        "{aktor} changed the talent management settings",
    ),
    (
        "talenta.kotak_diubah",
        "{aktor} mengubah sembilan kotak talenta",
        "{aktor} changed the nine talent boxes",
    ),
    (
        "talenta.jabatan_kritikal_ditandai",
        "{aktor} menandai jabatan kritikal {objek}",
        "{aktor} marked the key position {objek}",
    ),
    (
        "talenta.jabatan_kritikal_diubah",
        "{aktor} mengubah jabatan kritikal {objek}",
        "{aktor} changed the key position {objek}",
    ),
    (
        "talenta.jabatan_kritikal_dihapus",
        "{aktor} menghapus tanda jabatan kritikal {objek}",
        "{aktor} unmarked the key position {objek}",
    ),
    (
        "talenta.kandidat_ditambahkan",
        "{aktor} menambahkan kandidat suksesor jabatan kritikal {objek}",
        "{aktor} added a succession candidate to the key position {objek}",
    ),
    (
        "talenta.kandidat_dihapus",
        "{aktor} menghapus kandidat suksesor jabatan kritikal {objek}",
        "{aktor} removed a succession candidate of the key position {objek}",
    ),
];

/// An action's sentence pair.
type Sentence = (&'static str, &'static str);

fn sentence_key(action: &str) -> Option<Sentence> {
    ACTIONS
        .iter()
        .find(|(a, _, _)| *a == action)
        .map(|(_, id, en)| (*id, *en))
}

fn pick(lang: Lang, (id, en): Sentence) -> &'static str {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
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
        Some(key) => fill(pick(lang, key), &[("aktor", &aktor), ("objek", &objek)]),
        None => fill(
            text(lang, Key::AuditUnknownAction),
            &[("aktor", &aktor), ("aksi", &e.action), ("objek", &objek)],
        ),
    }
}

/// The action filter's label: the sentence without its names ("menyetujui …").
fn action_label(lang: Lang, key: Sentence) -> String {
    let plain = fill(pick(lang, key), &[("aktor", ""), ("objek", "…")]);
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
            .map(|(code, id, en)| {
                view! {
                    <option value=*code selected=current == *code>
                        {action_label(lang, (*id, *en))}
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

#[cfg(test)]
mod sentence_tests {
    use super::ACTIONS;

    #[test]
    fn every_action_sentence_has_both_languages_with_the_same_placeholders() {
        let names = |s: &str| {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|r| r.split_once('}').map(|(n, _)| n.to_owned()))
                .collect();
            v.sort();
            v
        };
        let mut codes = std::collections::HashSet::new();
        for (code, id, en) in ACTIONS {
            assert!(codes.insert(*code), "{code} twice");
            assert!(!id.trim().is_empty() && !en.trim().is_empty(), "{code}");
            assert_eq!(names(id), names(en), "{code}");
        }
    }
}
