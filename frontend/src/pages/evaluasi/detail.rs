//! `/evaluasi/:id` (one SKP) and `/evaluasi` (mine): the evaluation of a sub-period or the
//! year. The PPKin rates with notes and sets it; the employee objects within the window; the
//! PPKin explains and the Atasan PPKin decides; the improvement plan with its check-ins; the
//! Dokumen Evaluasi Kinerja with its verification link; every kept version.

use futures::future::join;
use kinerja_api::auth::Permission;
use kinerja_api::evaluation::{Rating, predikat};
use kinerja_api::penilaian::{
    AjukanKeberatan, AksiPerbaikan, CheckinPerbaikan, DokumenEvaluasi, EvaluasiView,
    JelaskanKeberatan, Keberatan, KeputusanKeberatan, LampiranKeberatan, MAKS_LAMPIRAN_KEBERATAN,
    PeranEvaluasi, PutuskanKeberatan, RencanaPerbaikan, SimpanEvaluasi, SimpanRencanaPerbaikan,
    StatusEvaluasi, StatusKeberatan,
};
use kinerja_api::planning::{Periode, Skp};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::parts::{History, QuotaBar, RatingSelect, initial_k, predikat_badge, rating_text};
use crate::api::{self, ApiError, Progress};
use crate::components::RowInput;
use crate::components::{
    Built, FileUpload, Loader, PageHeader, UploadTexts, background, built, load,
};
use crate::components::{FormStatus, Istilah, Outcome, SubPeriodSelect, failed, info};
use crate::forms::FieldErrors;
use crate::i18n::{Key, fill, text, tr, use_i18n};
use crate::labels;
use crate::pages::skp::{Download, DownloadButton, default_period, snapshots};
use crate::state::auth::use_auth;

/// The evaluation of one SKP.
#[component]
pub fn EvaluasiSkpPage() -> impl IntoView {
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| Uuid::parse_str(&id).ok())));
    view! {
        <PageHeader title=Key::EvaluasiTitle intro=Key::EvaluasiIntro panduan="nilai-bawahan"/>
        <Loader load=Box::new(move || load(of_skp(id.get())))/>
    }
}

async fn of_skp(id: Option<Uuid>) -> Result<Built, ApiError> {
    let id = id.ok_or_else(ApiError::not_found)?;
    let (skp, periods) = join(api::skp::get(id), api::skp::periods()).await;
    let skp = skp?;
    let periode = periods?
        .into_iter()
        .find(|p| p.id == skp.periode_id)
        .ok_or_else(ApiError::not_found)?;
    Ok(built(move || {
        view! {
            <p class="back-link">
                <A href="/evaluasi/bawahan"><span aria-hidden="true">"← "</span>{tr(Key::NavEvaluasiBawahan)}</A>
            </p>
            <Evaluation skp=skp.clone() periode=periode.clone()/>
        }
    }))
}

/// My evaluation results.
#[component]
pub fn EvaluasiMinePage() -> impl IntoView {
    view! {
        <PageHeader title=Key::NavEvaluasiMine intro=Key::EvaluasiMineIntro panduan="ajukan-keberatan"/>
        <Loader load=Box::new(|| load(mine()))/>
    }
}

/// My approved SKP of the open period (else the first listed).
async fn mine() -> Result<Built, ApiError> {
    let periods = api::skp::periods().await?;
    let Some(periode) = default_period(&periods).cloned() else {
        return Ok(built(|| info(Key::NoPeriods)));
    };
    let skp = match api::skp::mine(periode.id).await {
        Ok(Some(skp)) if crate::pages::skp::in_force(&skp) => skp,
        Ok(_) => return Ok(built(|| info(Key::EvaluasiNeedsSkp))),
        Err(e) if e.field_errors().contains_key("akun") => {
            return Ok(built(|| info(Key::SkpNoEmployee)));
        }
        Err(e) => return Err(e),
    };
    Ok(built(
        move || view! { <Evaluation skp=skp.clone() periode=periode.clone()/> },
    ))
}

/// The people, the sub-period choice and the evaluation of the chosen one.
#[component]
fn Evaluation(skp: Skp, periode: Periode) -> impl IntoView {
    let k = RwSignal::new(initial_k(&periode));
    let id = skp.id;
    let page = Box::new(move || {
        let k = k.get();
        load(async move {
            let page = api::evaluation::view(id, k).await?;
            let docs = match &page.evaluasi {
                Some(e) if e.status == StatusEvaluasi::Ditetapkan => {
                    api::evaluation::documents(e.id).await?
                }
                _ => Vec::new(),
            };
            Ok(built(
                move || view! { <Body page=page.clone() docs=docs.clone()/> },
            ))
        })
    });
    view! {
        {snapshots(&skp)}
        <div class="toolbar skp-toolbar">
            <SubPeriodSelect periode=periode k=k annual=true/>
        </div>
        <Loader load=page/>
    }
}

/// Every part, re-drawn from the page the last action answered with.
#[component]
fn Body(page: EvaluasiView, docs: Vec<DokumenEvaluasi>) -> impl IntoView {
    let state = RwSignal::new(page);
    let docs = RwSignal::new(docs);
    let auth = use_auth();
    move || {
        let page = state.get();
        let set = page
            .evaluasi
            .as_ref()
            .is_some_and(|e| e.status == StatusEvaluasi::Ditetapkan);
        let rating = (page.peran == PeranEvaluasi::PejabatPenilai && !set)
            .then(|| view! { <RatingForm page=page.clone() state=state/> });
        // The unit's quota is for those who rate and decide, not on the employee's own page.
        let quota = page
            .distribusi
            .clone()
            .filter(|_| page.peran != PeranEvaluasi::Pemilik)
            .map(|d| view! { <QuotaBar distribusi=d planned=Signal::stored(Default::default())/> });
        let objection = page
            .evaluasi
            .as_ref()
            .filter(|_| set)
            .map(|e| view! { <Objection page=page.clone() eval=e.id state=state/> });
        // The plan follows the final result: one an objection raised out of the low range
        // needs no plan any more (what was written stays readable).
        let needed = page.evaluasi.as_ref().is_some_and(|e| {
            e.predikat
                .is_some_and(kinerja_api::evaluation::Predikat::perlu_perbaikan)
                || e.rating_hasil == Some(Rating::DiBawah)
                || e.rating_perilaku == Some(Rating::DiBawah)
        });
        let plan = page
            .rencana_perbaikan
            .clone()
            .filter(|p| needed || p.saran.is_some() || !p.items.is_empty())
            .zip(page.evaluasi.as_ref().map(|e| e.id))
            .map(|(plan, eval)| view! { <Plan plan=plan eval=eval peran=page.peran state=state needed=needed/> });
        // The server makes documents for the employee, the raters and the HR office only.
        let may_make =
            page.peran != PeranEvaluasi::Pembaca || auth.can(Permission::ManageOrganisation);
        let documents = page
            .evaluasi
            .as_ref()
            .filter(|_| set)
            .map(|e| view! { <Documents eval=e.id docs=docs may_make=may_make/> });
        view! {
            <Summary page=page.clone()/>
            {rating}
            {quota}
            {objection}
            {plan}
            <Development items=page.pengembangan.clone()/>
            {documents}
            <History page=page/>
        }
    }
}

/// The result as it stands: status, ratings with notes, predikat, objection deadline.
#[component]
fn Summary(page: EvaluasiView) -> impl IntoView {
    let i18n = use_i18n();
    let Some(e) = page.evaluasi else {
        return view! { <section class="card card--skp">{info(Key::EvaluasiBelumAda)}</section> }
            .into_any();
    };
    let status = match e.status {
        StatusEvaluasi::Draft => Key::EvaluasiDraft,
        StatusEvaluasi::Ditetapkan => Key::EvaluasiDitetapkan,
    };
    let note = |n: Option<String>| n.map(|n| view! { <p class="eval-note">{n}</p> });
    let deadline = e
        .batas_keberatan
        .filter(|_| e.status == StatusEvaluasi::Ditetapkan);
    let (hasil, perilaku) = (e.rating_hasil, e.rating_perilaku);
    view! {
        <section class="card card--skp eval-summary" aria-labelledby="hasil-evaluasi">
            <h2 class="card__title" id="hasil-evaluasi">
                {tr(Key::EvaluasiResult)} " " <span class="badge badge--muted">{tr(status)}</span>
                " " <span class="muted">{tr(Key::VersionCol)} " " {e.versi}</span>
            </h2>
            <p class="eval-predikat"><Istilah id="predikat">{tr(Key::Predikat)}</Istilah> ": " {predikat_badge(e.predikat)}</p>
            <dl class="eval-ratings">
                <dt>{tr(Key::RatingHasil)}</dt>
                <dd>{move || rating_text(i18n.lang(), hasil)} {note(e.catatan_hasil)}</dd>
                <dt>{tr(Key::RatingPerilaku)}</dt>
                <dd>{move || rating_text(i18n.lang(), perilaku)} {note(e.catatan_perilaku)}</dd>
                <dt>{tr(Key::Rekomendasi)}</dt>
                <dd>{e.rekomendasi.unwrap_or_else(|| "–".to_owned())}</dd>
            </dl>
            {e.hasil_dari_organisasi.then(|| info(Key::HasilDariOrganisasi))}
            {page.prioritas_pengembangan.then(|| info(Key::PrioritasPengembangan))}
            {deadline.map(|d| view! {
                <p class="muted">{tr(Key::BatasKeberatan)} ": " {move || labels::date(i18n.lang(), d)}</p>
            })}
        </section>
    }
    .into_any()
}

/// The PPKin's form: the suggestion, both ratings with notes, the live predikat; save as a
/// draft or set.
#[component]
fn RatingForm(page: EvaluasiView, state: RwSignal<EvaluasiView>) -> impl IntoView {
    let i18n = use_i18n();
    let e = page.evaluasi.clone();
    let field = |f: fn(&kinerja_api::penilaian::Evaluasi) -> Option<String>| {
        RwSignal::new(e.as_ref().and_then(f).unwrap_or_default())
    };
    let hasil = RwSignal::new(e.as_ref().and_then(|e| e.rating_hasil));
    let perilaku = RwSignal::new(e.as_ref().and_then(|e| e.rating_perilaku));
    let catatan_hasil = field(|e| e.catatan_hasil.clone());
    let catatan_perilaku = field(|e| e.catatan_perilaku.clone());
    let rekomendasi = field(|e| e.rekomendasi.clone());
    let errors = RwSignal::new(FieldErrors::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);
    let (skp, k) = (page.skp_id, page.periode_ke);
    let opt =
        |s: RwSignal<String>| Some(s.get_untracked().trim().to_owned()).filter(|s| !s.is_empty());
    let act = move |then_set: bool| {
        let request = SimpanEvaluasi {
            rating_hasil: hasil.get_untracked(),
            rating_perilaku: perilaku.get_untracked(),
            catatan_hasil: opt(catatan_hasil),
            catatan_perilaku: opt(catatan_perilaku),
            rekomendasi: opt(rekomendasi),
        };
        busy.set(true);
        outcome.set(None);
        spawn_local(async move {
            let done = api::evaluation::save_then(skp, k, &request, then_set).await;
            busy.set(false);
            match done {
                Ok(page) => state.set(page),
                Err(e) => failed(
                    e,
                    &[
                        "rating_hasil",
                        "rating_perilaku",
                        "catatan_hasil",
                        "catatan_perilaku",
                        "rekomendasi",
                    ],
                    errors,
                    outcome,
                ),
            }
        });
    };
    let saran = page.saran;
    let capaian = saran.capaian_rata_rata;
    let suggested = move || {
        let lang = i18n.lang();
        format!(
            "{}: {} · {}: {}",
            text(lang, Key::RatingHasil),
            rating_text(lang, saran.rating_hasil),
            text(lang, Key::RatingPerilaku),
            rating_text(lang, Some(saran.rating_perilaku)),
        )
    };
    let result = move || match (hasil.get(), perilaku.get()) {
        (Some(h), Some(p)) => Some(predikat(h, p)),
        _ => None,
    };
    view! {
        <section class="card card--skp" aria-labelledby="form-evaluasi">
            <h2 class="card__title" id="form-evaluasi">{tr(Key::EvaluasiForm)}</h2>
            <div class="alert alert--info alert--block" role="note">
                <span class="alert__icon" aria-hidden="true"></span>
                <div class="alert__text">
                    <p><strong>{tr(Key::Saran)}</strong> " — " {suggested}</p>
                    <p>
                        {tr(Key::Capaian)} ": " {move || capaian.map_or_else(|| i18n.t(Key::CapaianNone).to_owned(), |c| labels::percent(i18n.lang(), c))}
                        " · " {tr(Key::FeedbackTitle)} ": +" {saran.umpan_balik_positif} " / −" {saran.umpan_balik_negatif}
                    </p>
                    <p class="muted">{i18n.message(&saran.keterangan)}</p>
                </div>
            </div>
            <div class="form-grid">
                <RatingSelect id="rating-hasil".to_owned() label=Key::RatingHasil name="rating_hasil" value=hasil errors=errors/>
                <RatingSelect id="rating-perilaku".to_owned() label=Key::RatingPerilaku name="rating_perilaku" value=perilaku errors=errors/>
            </div>
            <RowInput label=Key::CatatanHasil id="catatan-hasil".to_owned() value=catatan_hasil errors=errors path="catatan_hasil".to_owned() multiline=true/>
            <RowInput label=Key::CatatanPerilaku id="catatan-perilaku".to_owned() value=catatan_perilaku errors=errors path="catatan_perilaku".to_owned() multiline=true/>
            <RowInput label=Key::Rekomendasi id="rekomendasi".to_owned() value=rekomendasi errors=errors path="rekomendasi".to_owned() multiline=true/>
            <p class="eval-predikat" aria-live="polite"><Istilah id="kuadran">{tr(Key::PredikatResult)}</Istilah> ": " {move || predikat_badge(result())}</p>
            <FormStatus outcome=outcome/>
            <div class="form-actions">
                <button type="button" class="btn btn--secondary" disabled=move || busy.get() on:click=move |_| act(false)>{tr(Key::SaveDraft)}</button>
                <button type="button" class="btn btn--primary" disabled=move || busy.get() on:click=move |_| act(true)>{tr(Key::SetEvaluasi)}</button>
            </div>
        </section>
    }
}

/// What an action's form shares: the page, its errors, its outcome, whether it is busy.
type Signals = (
    RwSignal<EvaluasiView>,
    RwSignal<FieldErrors>,
    RwSignal<Option<Outcome>>,
    RwSignal<bool>,
);

/// Sends one action of an evaluation and shows its page; a failure goes onto the form.
fn send(
    future: impl Future<Output = Result<EvaluasiView, ApiError>> + 'static,
    fields: &'static [&'static str],
    (state, errors, outcome, busy): Signals,
) {
    busy.set(true);
    outcome.set(None);
    spawn_local(async move {
        let done = future.await;
        busy.set(false);
        match done {
            Ok(page) => state.set(page),
            Err(e) => failed(e, fields, errors, outcome),
        }
    });
}

/// A form's signals: errors, outcome, busy.
fn form_state() -> (
    RwSignal<FieldErrors>,
    RwSignal<Option<Outcome>>,
    RwSignal<bool>,
) {
    (
        RwSignal::new(FieldErrors::new()),
        RwSignal::new(None),
        RwSignal::new(false),
    )
}

/// Objection: the employee's form within the window, then the objection with the PPKin's
/// explanation and the Atasan PPKin's decision (each with its form for the one who acts).
#[component]
fn Objection(page: EvaluasiView, eval: Uuid, state: RwSignal<EvaluasiView>) -> impl IntoView {
    let (errors, outcome, busy) = form_state();
    let signals = (state, errors, outcome, busy);
    let owner = page.peran == PeranEvaluasi::Pemilik;
    let open = page
        .evaluasi
        .as_ref()
        .and_then(|e| e.batas_keberatan)
        .is_some_and(|d| labels::today() <= d);
    let body = match page.keberatan {
        None if owner && open => {
            let alasan = RwSignal::new(String::new());
            let submit = move |_| {
                let request = AjukanKeberatan {
                    alasan: alasan.get_untracked(),
                };
                send(
                    async move { api::evaluation::object(eval, &request).await },
                    &["alasan"],
                    signals,
                );
            };
            view! {
                <p class="field__hint">{tr(Key::KeberatanIntro)}</p>
                <RowInput label=Key::AlasanKeberatan id="alasan-keberatan".to_owned() value=alasan errors=errors path="alasan".to_owned() multiline=true/>
                <div class="form-actions">
                    <button type="button" class="btn btn--primary" disabled=move || busy.get() on:click=submit>{tr(Key::AjukanKeberatan)}</button>
                </div>
            }
            .into_any()
        }
        None => view! { <p class="muted">{tr(Key::NoKeberatan)}</p> }.into_any(),
        Some(kb) => {
            view! { <ObjectionState kb=kb peran=page.peran eval=eval signals=signals/> }.into_any()
        }
    };
    view! {
        <section class="card card--skp" aria-labelledby="keberatan">
            <h2 class="card__title" id="keberatan"><Istilah id="keberatan">{tr(Key::KeberatanTitle)}</Istilah></h2>
            {body}
            <FormStatus outcome=outcome/>
        </section>
    }
    .into_any()
}

/// A filed objection: its reason, the explanation, the decision; the PPKin's explanation form
/// while it waits for one, the Atasan PPKin's decision form once explained.
#[component]
fn ObjectionState(
    kb: Keberatan,
    peran: PeranEvaluasi,
    eval: Uuid,
    signals: Signals,
) -> impl IntoView {
    let i18n = use_i18n();
    let (_, errors, _, busy) = signals;
    let at = kb.diajukan_at;
    // The employee adds and removes files until the PPKin explains.
    let editable = kb.status == StatusKeberatan::Diajukan && peran == PeranEvaluasi::Pemilik;
    // The attachments live in their own signal: adding or removing one does not redraw the
    // page (the upload form keeps its progress and message).
    let lampiran = RwSignal::new(kb.lampiran.clone());
    let files = move || {
        let list = lampiran.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|l| view! { <Attachment file=l editable=editable lampiran=lampiran signals=signals/> })
                .collect_view();
            view! {
                <dt>{tr(Key::LampiranKeberatan)}</dt>
                <dd><ul class="bukti-list">{items}</ul></dd>
            }
        })
    };
    let attach = editable.then(|| view! { <AttachForm eval=eval lampiran=lampiran/> });
    let action = match (kb.status, peran) {
        (StatusKeberatan::Diajukan, PeranEvaluasi::PejabatPenilai) => {
            let penjelasan = RwSignal::new(String::new());
            let submit = move |_| {
                let request = JelaskanKeberatan {
                    penjelasan: penjelasan.get_untracked(),
                };
                send(
                    async move { api::evaluation::explain(eval, &request).await },
                    &["penjelasan"],
                    signals,
                );
            };
            Some(view! {
                <RowInput label=Key::Penjelasan id="penjelasan".to_owned() value=penjelasan errors=errors path="penjelasan".to_owned() multiline=true/>
                <div class="form-actions">
                    <button type="button" class="btn btn--primary" disabled=move || busy.get() on:click=submit>{tr(Key::KirimPenjelasan)}</button>
                </div>
            }.into_any())
        }
        (StatusKeberatan::Dijelaskan, PeranEvaluasi::AtasanPejabatPenilai) => {
            Some(view! { <Decision eval=eval signals=signals/> }.into_any())
        }
        _ => None,
    };
    let decision = kb.keputusan.map(|d| {
        let key = match d {
            KeputusanKeberatan::Tetap => Key::KeputusanTetap,
            KeputusanKeberatan::Diubah => Key::KeputusanDiubah,
        };
        view! {
            <dt>{tr(Key::Keputusan)}</dt>
            <dd><strong>{tr(key)}</strong> <p class="eval-note">{kb.catatan_keputusan.clone()}</p></dd>
        }
    });
    view! {
        <p>
            <span class="badge badge--warning">{tr(labels::status_keberatan(kb.status))}</span>
            " " <span class="muted">{move || labels::datetime(i18n.lang(), at)}</span>
        </p>
        <dl class="eval-ratings">
            <dt>{tr(Key::AlasanKeberatan)}</dt>
            <dd class="eval-note">{kb.alasan}</dd>
            {files}
            {kb.penjelasan.map(|p| view! { <dt>{tr(Key::Penjelasan)}</dt><dd class="eval-note">{p}</dd> })}
            {decision}
        </dl>
        {attach}
        {action}
    }
}

/// One file attached to the objection: download it, or remove it while the employee may.
#[component]
fn Attachment(
    file: LampiranKeberatan,
    editable: bool,
    lampiran: RwSignal<Vec<LampiranKeberatan>>,
    signals: Signals,
) -> impl IntoView {
    let i18n = use_i18n();
    let (_, errors, outcome, busy) = signals;
    let id = file.id;
    let size = file.ukuran as f64;
    let remove = move |_| {
        busy.set(true);
        outcome.set(None);
        spawn_local(async move {
            let done = api::evaluation::remove_attachment(id).await;
            busy.set(false);
            match done {
                Ok(()) => lampiran.update(|all| all.retain(|l| l.id != id)),
                Err(e) => failed(e, &[], errors, outcome),
            }
        });
    };
    view! {
        <li class="bukti-item">
            <p class="bukti-item__head">
                <span class="bukti__name">{file.nama_berkas.clone()}</span>
                <span class="muted">{move || format!(" · {}", labels::file_size(i18n.lang(), size))}</span>
                <DownloadButton file=Download::Lampiran(id, file.nama_berkas.clone())/>
                {editable.then(|| view! {
                    <button type="button" class="btn btn--secondary btn--small" disabled=move || busy.get() on:click=remove>
                        {tr(Key::Remove)}
                    </button>
                })}
            </p>
        </li>
    }
}

/// The employee attaches a file to the objection (at most five, checked by the server).
#[component]
fn AttachForm(eval: Uuid, lampiran: RwSignal<Vec<LampiranKeberatan>>) -> impl IntoView {
    let i18n = use_i18n();
    let texts = UploadTexts {
        label: Key::LampiranFile,
        button: Key::UnggahLampiran,
        choose_first: Key::ChooseLampiranFirst,
        uploaded: Key::LampiranUploaded,
    };
    let send = move |file: web_sys::File, progress: Progress| async move {
        let saved = api::evaluation::attach(eval, &file, progress).await?;
        lampiran.update(|all| all.push(saved));
        Ok(())
    };
    let hint = move || {
        fill(
            i18n.t(Key::LampiranHint),
            &[("n", &MAKS_LAMPIRAN_KEBERATAN.to_string())],
        )
    };
    view! {
        <p class="field__hint">{hint}</p>
        <FileUpload id="lampiran-keberatan".to_owned() texts=texts enabled=Signal::stored(true) send=send/>
    }
}

/// The Atasan PPKin's final decision: keep the result, or change it with new ratings.
#[component]
fn Decision(eval: Uuid, signals: Signals) -> impl IntoView {
    let (_, errors, _, busy) = signals;
    let diubah = RwSignal::new(false);
    let hasil = RwSignal::new(None::<Rating>);
    let perilaku = RwSignal::new(None::<Rating>);
    let catatan = RwSignal::new(String::new());
    let submit = move |_| {
        let change = diubah.get_untracked();
        let request = PutuskanKeberatan {
            keputusan: if change {
                KeputusanKeberatan::Diubah
            } else {
                KeputusanKeberatan::Tetap
            },
            rating_hasil: hasil.get_untracked().filter(|_| change),
            rating_perilaku: perilaku.get_untracked().filter(|_| change),
            catatan: catatan.get_untracked(),
        };
        send(
            async move { api::evaluation::decide(eval, &request).await },
            &["keputusan", "rating_hasil", "rating_perilaku", "catatan"],
            signals,
        );
    };
    let choice = move |value: bool, key: Key| {
        view! {
            <label class="checkbox checkbox--inline">
                <input type="radio" name="keputusan" prop:checked=move || diubah.get() == value on:change=move |_| diubah.set(value)/>
                <span>{tr(key)}</span>
            </label>
        }
    };
    let result = move || match (hasil.get(), perilaku.get()) {
        (Some(h), Some(p)) => Some(predikat(h, p)),
        _ => None,
    };
    view! {
        <h3 class="form-subheading">{tr(Key::PutuskanKeberatan)}</h3>
        <fieldset class="field field--compact">
            <legend class="field__label">{tr(Key::Keputusan)}</legend>
            <div class="radio-row">{choice(false, Key::KeputusanTetap)} {choice(true, Key::KeputusanDiubah)}</div>
        </fieldset>
        {move || diubah.get().then(|| view! {
            <div class="form-grid">
                <RatingSelect id="putus-hasil".to_owned() label=Key::RatingHasil name="rating_hasil" value=hasil errors=errors/>
                <RatingSelect id="putus-perilaku".to_owned() label=Key::RatingPerilaku name="rating_perilaku" value=perilaku errors=errors/>
            </div>
            <p class="eval-predikat"><Istilah id="kuadran">{tr(Key::PredikatResult)}</Istilah> ": " {move || predikat_badge(result())}</p>
        })}
        <RowInput label=Key::CatatanKeputusan id="catatan-keputusan".to_owned() value=catatan errors=errors path="catatan".to_owned() multiline=true/>
        <div class="form-actions">
            <button type="button" class="btn btn--primary" disabled=move || busy.get() on:click=submit>{tr(Key::PutuskanKeberatan)}</button>
        </div>
    }
}

/// The improvement plan: advice, actions with due dates, trainings and check-ins; the PPKin
/// writes the plan, the employee and the PPKin check in.
#[component]
fn Plan(
    plan: RencanaPerbaikan,
    eval: Uuid,
    peran: PeranEvaluasi,
    state: RwSignal<EvaluasiView>,
    /// Whether the final result still calls for the plan; otherwise it is history only.
    needed: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let item = |jenis: &str| {
        plan.items
            .iter()
            .filter(|i| i.jenis == jenis)
            .cloned()
            .map(|i| {
                let (due, at) = (i.jatuh_tempo, i.created_at);
                view! {
                    <li>
                        <span>{i.uraian}</span>
                        {i.terpenuhi.then(|| view! { " " <span class="badge dev-status--diverifikasi">{tr(Key::PelatihanSelesai)}</span> })}
                        {due.map(|d| view! { " " <span class="badge badge--muted">{tr(Key::JatuhTempo)} " " {move || labels::date(i18n.lang(), d)}</span> })}
                        {(jenis == "checkin").then(|| view! { " " <span class="muted">{i.penulis.clone()} " · " {move || labels::datetime(i18n.lang(), at)}</span> })}
                    </li>
                }
            })
            .collect_view()
    };
    let (aksi, pelatihan, checkins) = (item("aksi"), item("pelatihan"), item("checkin"));
    let ppkin = peran == PeranEvaluasi::PejabatPenilai && needed;
    let editor = ppkin.then(|| view! { <PlanForm plan=plan.clone() eval=eval state=state/> });
    let checkin = (needed && matches!(peran, PeranEvaluasi::Pemilik | PeranEvaluasi::PejabatPenilai)).then(|| {
        let (errors, outcome, busy) = form_state();
        let catatan = RwSignal::new(String::new());
        let submit = move |_| {
            let request = CheckinPerbaikan { catatan: catatan.get_untracked() };
            send(async move { api::evaluation::checkin(eval, &request).await }, &["catatan"], (state, errors, outcome, busy));
        };
        view! {
            <RowInput label=Key::CatatanCheckin id="checkin".to_owned() value=catatan errors=errors path="catatan".to_owned() multiline=true/>
            <FormStatus outcome=outcome/>
            <div class="form-actions">
                <button type="button" class="btn btn--secondary" disabled=move || busy.get() on:click=submit>{tr(Key::KirimCheckin)}</button>
            </div>
        }
    });
    view! {
        <section class="card card--skp" aria-labelledby="rencana-perbaikan">
            <h2 class="card__title" id="rencana-perbaikan">{tr(Key::RencanaPerbaikan)}</h2>
            {(!needed).then(|| view! { <p class="muted plan-closed">{tr(Key::RencanaTidakDiperlukan)}</p> })}
            <p class="eval-note">{plan.saran.clone().unwrap_or_else(|| i18n.t(Key::SaranBelum).to_owned())}</p>
            <h3 class="form-subheading">{tr(Key::AksiPerbaikan)}</h3>
            <ul class="plan-list">{aksi}</ul>
            <h3 class="form-subheading">{tr(Key::PelatihanDisarankan)}</h3>
            <ul class="plan-list">{pelatihan}</ul>
            {editor}
            <h3 class="form-subheading">{tr(Key::Checkin)}</h3>
            <ul class="plan-list">{checkins}</ul>
            {checkin}
        </section>
    }
}

/// The employee's development since the sub-period began (records verified or waiting), with
/// a link to the development page.
#[component]
fn Development(items: Vec<kinerja_api::pengembangan::PengembanganTerakhir>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = items
        .into_iter()
        .map(|p| {
            let verified = p.status == kinerja_api::pengembangan::StatusCatatan::Diverifikasi;
            view! {
                <li>
                    <span>{p.nama.clone()}</span> " "
                    <span class="muted">{move || labels::date(i18n.lang(), p.tanggal_selesai)} " · " {format!("{} JP", p.jp)}</span> " "
                    <span class=if verified { "badge dev-status--diverifikasi" } else { "badge dev-status--menunggu" }>
                        {tr(if verified { Key::PengembanganDiverifikasi } else { Key::PengembanganMenunggu })}
                    </span>
                </li>
            }
        })
        .collect::<Vec<_>>();
    let empty = rows.is_empty();
    view! {
        <section class="card card--skp" aria-labelledby="pengembangan-sejak">
            <h2 class="card__title" id="pengembangan-sejak">{tr(Key::PengembanganSejak)}</h2>
            {if empty {
                view! { <p class="muted">{tr(Key::PengembanganSejakKosong)}</p> }.into_any()
            } else {
                view! { <ul class="plan-list">{rows}</ul> }.into_any()
            }}
        </section>
    }
}

/// The PPKin's plan form: the advice, one action per line ("YYYY-MM-DD action" gives a due
/// date) and one training per line.
#[component]
fn PlanForm(plan: RencanaPerbaikan, eval: Uuid, state: RwSignal<EvaluasiView>) -> impl IntoView {
    let (errors, outcome, busy) = form_state();
    let lines = |jenis: &str| {
        plan.items
            .iter()
            .filter(|i| i.jenis == jenis)
            .map(|i| match i.jatuh_tempo {
                Some(d) => format!("{d} {}", i.uraian),
                None => i.uraian.clone(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    // The catalogue's trainings, appended to the list when chosen.
    let catalogue = background(|| async { api::evaluation::trainings().await.unwrap_or_default() });
    let saran = RwSignal::new(plan.saran.clone().unwrap_or_default());
    let aksi = RwSignal::new(lines("aksi"));
    let pelatihan = RwSignal::new(lines("pelatihan"));
    let submit = move |_| {
        let request = SimpanRencanaPerbaikan {
            saran: saran.get_untracked(),
            aksi: aksi.with_untracked(|a| a.lines().filter_map(action_line).collect()),
            pelatihan: pelatihan.with_untracked(|p| {
                p.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect()
            }),
        };
        send(
            async move { api::evaluation::save_plan(eval, &request).await },
            &["saran", "aksi", "pelatihan"],
            (state, errors, outcome, busy),
        );
    };
    view! {
        <details class="plan-form">
            <summary>{tr(Key::UbahRencana)}</summary>
            <RowInput label=Key::SaranPerbaikan id="saran-perbaikan".to_owned() value=saran errors=errors path="saran".to_owned() multiline=true/>
            <RowInput label=Key::AksiPerbaikanLines id="aksi-perbaikan".to_owned() value=aksi errors=errors path="aksi".to_owned() multiline=true/>
            <RowInput label=Key::PelatihanLines id="pelatihan".to_owned() value=pelatihan errors=errors path="pelatihan".to_owned() multiline=true/>
            <div class="field field--compact">
                <label class="field__label" for="katalog-pelatihan">{tr(Key::DariKatalog)}</label>
                <select
                    class="field__input field__select"
                    id="katalog-pelatihan"
                    prop:value=""
                    on:change=move |ev| {
                        let name = event_target_value(&ev);
                        if !name.is_empty() {
                            pelatihan.update(|p| {
                                if !p.lines().any(|l| l.trim() == name) {
                                    if !p.trim().is_empty() {
                                        p.push('\n');
                                    }
                                    p.push_str(&name);
                                }
                            });
                        }
                    }
                >
                    <option value="">{tr(Key::ChooseOption)}</option>
                    {move || catalogue.get().unwrap_or_default().into_iter().map(|t| {
                        let jp = t.jp.map(|jp| format!(" · {jp} JP")).unwrap_or_default();
                        view! { <option value=t.nama.clone()>{t.nama.clone()}{jp}</option> }
                    }).collect_view()}
                </select>
            </div>
            <FormStatus outcome=outcome/>
            <div class="form-actions">
                <button type="button" class="btn btn--primary" disabled=move || busy.get() on:click=submit>{tr(Key::SimpanRencana)}</button>
            </div>
        </details>
    }
}

/// "2026-12-15 Ikut bimtek" → the action with its due date; a line without a date is an
/// action without one; blank lines are skipped.
fn action_line(line: &str) -> Option<AksiPerbaikan> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    let dated = line
        .split_once(' ')
        .and_then(|(d, rest)| Some((d.parse().ok()?, rest.trim())));
    Some(match dated {
        Some((d, rest)) => AksiPerbaikan {
            uraian: rest.to_owned(),
            jatuh_tempo: Some(d),
        },
        None => AksiPerbaikan {
            uraian: line.to_owned(),
            jatuh_tempo: None,
        },
    })
}

/// The Dokumen Evaluasi Kinerja made of the set evaluation: make one, download it, open its
/// public verification page.
#[component]
fn Documents(eval: Uuid, docs: RwSignal<Vec<DokumenEvaluasi>>, may_make: bool) -> impl IntoView {
    let i18n = use_i18n();
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);
    let make = move |_| {
        busy.set(true);
        outcome.set(None);
        spawn_local(async move {
            match api::evaluation::make_document(eval).await {
                Ok(doc) => docs.update(|d| d.insert(0, doc)),
                Err(e) => outcome.set(Some(Outcome::Failed(e))),
            }
            busy.set(false);
        });
    };
    let list = move || {
        docs.get()
            .into_iter()
            .map(|d| {
                let verify = format!("/verifikasi/{}", d.kode);
                let (kode, at) = (d.kode.clone(), d.created_at);
                let download = move |_| {
                    let kode = kode.clone();
                    spawn_local(async move {
                        if let Err(e) = api::evaluation::download(&kode).await {
                            outcome.set(Some(Outcome::Failed(e)));
                        }
                    });
                };
                view! {
                    <li class="doc-row">
                        <span class="mono">{d.nomor}</span>
                        <span class="muted">{move || labels::datetime(i18n.lang(), at)} " · " {tr(Key::VersionCol)} " " {d.versi_evaluasi}</span>
                        <button type="button" class="btn btn--secondary btn--small" on:click=download>{tr(Key::DownloadPdf)}</button>
                        <a href=verify rel="external" target="_blank" class="btn btn--secondary btn--small">{tr(Key::Verifikasi)}</a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card card--skp" aria-labelledby="dokumen">
            <h2 class="card__title" id="dokumen">{tr(Key::DokumenEvaluasi)}</h2>
            {move || docs.with(Vec::is_empty).then(|| view! { <p class="muted">{tr(Key::NoDokumen)}</p> })}
            <ul class="doc-list">{list}</ul>
            <FormStatus outcome=outcome/>
            {may_make.then(|| view! {
                <div class="form-actions">
                    <button type="button" class="btn btn--primary" disabled=move || busy.get() on:click=make>{tr(Key::BuatDokumen)}</button>
                </div>
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_lines_take_a_leading_date_as_the_due_date() {
        let a = action_line("  2026-12-15 Ikut bimtek arsip ").unwrap();
        assert_eq!(a.uraian, "Ikut bimtek arsip");
        assert_eq!(a.jatuh_tempo, chrono::NaiveDate::from_ymd_opt(2026, 12, 15));
        let b = action_line("Rapikan berkas cuti").unwrap();
        assert_eq!(
            (b.uraian.as_str(), b.jatuh_tempo),
            ("Rapikan berkas cuti", None)
        );
        assert!(action_line("   ").is_none());
    }
}
