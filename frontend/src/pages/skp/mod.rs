//! SKP (Sasaran Kinerja Pegawai): one's own SKP (`/skp`), the PPKin's inbox
//! (`/skp/bawahan`) and one SKP read-only with the approval actions (`/skp/:id`).

mod detail;
pub(crate) mod editor;
mod inbox;
mod mine;
mod pohon;

pub use detail::SkpDetailPage;
pub use inbox::SkpInboxPage;
pub use mine::SkpMinePage;
pub use pohon::SkpPohonPage;

use kinerja_api::planning::{Lampiran, Periode, PersonSnapshot, Skp, StatusPeriode, StatusSkp};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::api::{self, ApiError};
use crate::components::{Choice, ErrorAlert, Istilah};
use crate::i18n::{Key, fill, tr, use_i18n};
use crate::labels;

/// The coloured status badge of an SKP.
#[component]
pub(crate) fn StatusBadge(status: StatusSkp) -> impl IntoView {
    let class = format!("badge skp-status skp-status--{}", status.as_str());
    view! { <span class=class>{tr(labels::status_skp(status))}</span> }
}

/// "Versi n" and the status badge.
#[component]
fn SkpMeta(versi: i32, status: StatusSkp) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="skp-meta">
            <StatusBadge status=status/>
            <span class="badge badge--muted">
                {move || fill(i18n.t(Key::VersionN), &[("n", &versi.to_string())])}
            </span>
        </p>
    }
}

/// One person block (pegawai, pejabat penilai, atasan).
fn person(title: Key, person: Option<PersonSnapshot>) -> impl IntoView {
    let body = match person {
        Some(p) => {
            let line = [p.pangkat_golongan, p.jabatan, p.unit]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
            view! {
                <p class="snapshot__name">{p.nama_lengkap}</p>
                <p class="snapshot__nip mono">{p.nip}</p>
                <p class="snapshot__line muted">{line}</p>
            }
            .into_any()
        }
        None => view! { <p class="muted">{tr(Key::NoEmail)}</p> }.into_any(),
    };
    view! {
        <div class="snapshot">
            <h3 class="snapshot__title">{match title {
                Key::PejabatPenilai => view! { <Istilah id="ppkin">{tr(title)}</Istilah> }.into_any(),
                Key::AtasanPejabatPenilai => view! { <Istilah id="atasan-ppkin">{tr(title)}</Istilah> }.into_any(),
                _ => tr(title).into_any(),
            }}</h3>
            {body}
        </div>
    }
}

/// The three person snapshots of an SKP.
pub(crate) fn snapshots(skp: &Skp) -> impl IntoView + use<> {
    view! {
        <section class="card card--skp snapshots">
            {person(Key::PegawaiDinilai, Some(skp.pegawai.clone()))}
            {person(Key::PejabatPenilai, skp.pejabat_penilai.clone())}
            {person(Key::AtasanPejabatPenilai, skp.atasan_pejabat_penilai.clone())}
        </section>
    }
}

/// The return note, shown prominently while the SKP is `dikembalikan`.
fn return_note(skp: &Skp) -> Option<impl IntoView + use<>> {
    let note = skp.catatan_pengembalian.clone()?;
    (skp.status == StatusSkp::Dikembalikan).then(|| {
        view! {
            <div class="alert alert--error alert--block return-note" role="alert">
                <span class="alert__icon" aria-hidden="true"></span>
                <div class="alert__text">
                    <p class="alert__title">{tr(Key::ReturnNoteTitle)}</p>
                    <p class="return-note__text">{note}</p>
                </div>
            </div>
        }
    })
}

/// An unordered list of lampiran items, or "Belum diisi".
fn items(title: Key, list: Vec<String>) -> impl IntoView {
    let body = if list.is_empty() {
        view! { <p class="muted">{tr(Key::NoEmail)}</p> }.into_any()
    } else {
        view! { <ul class="plain-list">{list.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
            .into_any()
    };
    view! {
        <div class="lampiran">
            <h3 class="form-subheading">{tr(title)}</h3>
            {body}
        </div>
    }
}

fn lampiran(l: Lampiran) -> impl IntoView {
    view! {
        <section class="card card--skp">
            <h2 class="card__title">{tr(Key::LampiranTitle)}</h2>
            {items(Key::DukunganSumberDaya, l.dukungan_sumber_daya)}
            {items(Key::SkemaPertanggungjawaban, l.skema_pertanggungjawaban)}
            {items(Key::Konsekuensi, l.konsekuensi)}
        </section>
    }
}

/// A number as JavaScript writes it ("12", "2.5"): the browser's formatting keeps Rust's
/// float printing out of the wasm.
pub(crate) fn number(value: f64) -> String {
    js_sys::Number::from(value)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// A typed number ("12", "2,5"); `None` for anything else (JavaScript's unary `+`, which
/// keeps Rust's float parsing out of the wasm).
pub(crate) fn parse_number(text: &str) -> Option<f64> {
    let value = wasm_bindgen::JsValue::from_str(&text.replace(',', ".")).unchecked_into_f64();
    value.is_finite().then_some(value)
}

/// The SKP read-only: RHK with their IKI, behaviour and lampiran.
fn document(skp: Skp) -> impl IntoView {
    let i18n = use_i18n();
    let rhk = if skp.rhk.is_empty() {
        view! { <p class="muted">{tr(Key::NoRhk)}</p> }.into_any()
    } else {
        skp.rhk
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                let n = (i + 1).to_string();
                let iki = r
                    .iki
                    .into_iter()
                    .map(|k| {
                        let target = match (k.target_nilai, k.target_naratif) {
                            (Some(v), _) => format!(
                                "{} {}",
                                number(v),
                                k.target_satuan.unwrap_or_default()
                            ),
                            (None, Some(t)) => t,
                            (None, None) => "—".to_owned(),
                        };
                        let aspek = k.aspek;
                        view! {
                            <li class="iki-view">
                                <span class="iki-view__indikator">{k.indikator}</span>
                                <span class="iki-view__target">
                                    {tr(Key::TargetNilai)} ": " {target}
                                </span>
                                {aspek.map(|a| view! { <span class="badge badge--muted">{tr(labels::aspek(a))}</span> })}
                            </li>
                        }
                    })
                    .collect_view();
                let jenis = r.jenis;
                view! {
                    <li class="rhk-view">
                        <p class="rhk-view__head">
                            <span class="rhk-view__n">{move || fill(i18n.t(Key::RhkN), &[("n", &n)])}</span>
                            <span class="badge badge--muted">{tr(labels::jenis_rhk(jenis))}</span>
                        </p>
                        <p class="rhk-view__text">{r.deskripsi}</p>
                        <ul class="iki-list">{iki}</ul>
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    let perilaku = skp
        .perilaku
        .into_iter()
        .map(|p| {
            let ekspektasi = p.ekspektasi_khusus.map(|e| {
                view! {
                    <p class="perilaku__ekspektasi">
                        <strong><Istilah id="ekspektasi">{tr(Key::EkspektasiKhusus)}</Istilah> ": "</strong>
                        {e}
                    </p>
                }
            });
            view! {
                <li class="perilaku">
                    <p class="perilaku__nama">{p.nama}</p>
                    <ul class="perilaku__panduan">
                        {p.panduan.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}
                    </ul>
                    {ekspektasi}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card card--skp">
            <h2 class="card__title"><Istilah id="rhk">{tr(Key::RhkTitle)}</Istilah></h2>
            <ol class="rhk-views">{rhk}</ol>
        </section>
        <section class="card card--skp">
            <h2 class="card__title"><Istilah id="berakhlak">{tr(Key::PerilakuTitle)}</Istilah></h2>
            <ul class="perilaku-list">{perilaku}</ul>
        </section>
        {lampiran(skp.lampiran)}
    }
}

/// What a [`DownloadButton`] fetches.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Download {
    /// The SKP as PDF: its id and year.
    SkpPdf(Uuid, i32),
    /// A stored evidence file: its id and name.
    Bukti(Uuid, String),
    /// A file attached to an objection: its id and name.
    Lampiran(Uuid, String),
}

/// A download button with its progress and failure (one component for every download).
#[component]
pub(crate) fn DownloadButton(file: Download) -> impl IntoView {
    let i18n = use_i18n();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let (label, class) = match file {
        Download::SkpPdf(..) => (Key::DownloadPdf, "btn btn--secondary"),
        Download::Bukti(..) | Download::Lampiran(..) => {
            (Key::Download, "btn btn--secondary btn--small")
        }
    };
    let file = StoredValue::new(file);
    let download = move |_| {
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let result = match file.get_value() {
                Download::SkpPdf(id, tahun) => api::skp::pdf(id, tahun).await,
                Download::Bukti(id, name) => api::measurement::download_bukti(id, &name).await,
                Download::Lampiran(id, name) => {
                    api::evaluation::download_attachment(id, &name).await
                }
            };
            busy.set(false);
            error.set(result.err());
        });
    };
    view! {
        <button type="button" class=class on:click=download disabled=move || busy.get()>
            <span class="icon icon--download" aria-hidden="true"></span>
            {move || i18n.t(if busy.get() { Key::Downloading } else { label })}
        </button>
        {move || error.get().map(|e| view! { <ErrorAlert error=e/> })}
    }
}

/// The options of an enum select: value and translated label.
fn choices<T: Copy + Send + Sync + 'static>(
    all: &'static [T],
    value: fn(T) -> &'static str,
    label: fn(T) -> Key,
) -> Signal<Vec<Choice>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        all.iter()
            .map(|v| (value(*v).to_owned(), i18n.t(label(*v)).to_owned()))
            .collect()
    })
}

/// The NIP digits of a formatted NIP ("19900317 201503 2 001").
/// Whether the year of this SKP is measured: this version is (or was) approved, or it is a
/// perubahan SKP awaiting approval while an earlier version stays in force. The server reads
/// each sub-period from the version in force for it, whichever version is named.
pub(crate) fn in_force(skp: &Skp) -> bool {
    skp.berlaku_dari_ke.is_some() || skp.versi > 1
}

/// The period a page opens on: the open one, else the first listed (the newest).
pub(crate) fn default_period(periods: &[Periode]) -> Option<&Periode> {
    periods
        .iter()
        .find(|p| p.status == StatusPeriode::Dibuka)
        .or_else(|| periods.first())
}

pub(crate) fn digits(nip: &str) -> String {
    nip.chars().filter(char::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests {
    use super::digits;

    #[test]
    fn nips_are_compared_as_digits() {
        assert_eq!(digits("19900317 201503 2 001"), "199003172015032001");
    }
}
