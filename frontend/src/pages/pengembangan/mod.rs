//! `/pengembangan`: competency development — the employee's own page (20 JP progress, JP per
//! month, records with certificates, needs), the PPKin's team (`tim`) and the HR office's
//! verification queue, compliance and competency list (`kepegawaian`).

mod catatan;
mod grafik;
mod karier;
mod kebutuhan;
mod kepegawaian;
mod rencana;
mod talenta;
mod tim;

pub use karier::KarierPage;
pub use kepegawaian::PengembanganHrPage;
pub use rencana::PengembanganRencanaPage;
pub use talenta::TalentaPage;
pub use tim::PengembanganTimPage;

use kinerja_api::pengembangan::{
    BentukPengembangan, JenisKesenjangan, Prioritas, RingkasanJp, StatusCatatan, StatusKebutuhan,
    SumberKebutuhan,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::{self, ApiError};
use crate::components::{ErrorAlert, Istilah};
use crate::i18n::pengembangan::{PKey, ptext, tp};
use crate::i18n::{Lang, fill, use_i18n};

/// The current year by the browser's clock (the server answers for the instansi's own day).
pub(crate) fn this_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

/// A JP figure as people write it: "10", "7,5" / "7.5".
pub(crate) fn jp_text(lang: Lang, jp: f64) -> String {
    let s = if (jp - jp.round()).abs() < 0.005 {
        format!("{jp:.0}")
    } else {
        format!("{jp:.2}").trim_end_matches('0').to_owned()
    };
    if lang == Lang::Id {
        s.replace('.', ",")
    } else {
        s
    }
}

/// The kind of development in the reader's language.
pub(crate) fn bentuk_label(b: BentukPengembangan, lang: Lang) -> &'static str {
    use BentukPengembangan::*;
    let (id, en) = match b {
        Diklat => ("Diklat/pelatihan", "Training course"),
        Bimtek => ("Bimbingan teknis", "Technical guidance"),
        Seminar => ("Seminar/konferensi", "Seminar/conference"),
        Workshop => ("Workshop/lokakarya", "Workshop"),
        Kursus => ("Kursus", "Course"),
        Penataran => ("Penataran", "Upgrading course"),
        Sosialisasi => ("Sosialisasi", "Briefing"),
        ELearning => ("E-learning", "E-learning"),
        PelatihanJarakJauh => ("Pelatihan jarak jauh", "Distance training"),
        Coaching => ("Coaching", "Coaching"),
        Mentoring => ("Mentoring", "Mentoring"),
        Magang => ("Magang/praktik kerja", "Internship"),
        Detasering => ("Detasering", "Secondment"),
        PatokBanding => ("Patok banding", "Benchmarking visit"),
        KomunitasBelajar => ("Komunitas belajar", "Community of practice"),
        BelajarMandiri => ("Belajar mandiri", "Self-study"),
        Pendidikan => ("Pendidikan formal", "Formal education"),
    };
    if lang == Lang::Id { id } else { en }
}

pub(crate) fn status_catatan_key(s: StatusCatatan) -> PKey {
    match s {
        StatusCatatan::Menunggu => PKey::StMenunggu,
        StatusCatatan::Diverifikasi => PKey::StDiverifikasi,
        StatusCatatan::Ditolak => PKey::StDitolak,
    }
}

pub(crate) fn status_kebutuhan_key(s: StatusKebutuhan) -> PKey {
    match s {
        StatusKebutuhan::Diusulkan => PKey::NsDiusulkan,
        StatusKebutuhan::Disetujui => PKey::NsDisetujui,
        StatusKebutuhan::Ditolak => PKey::NsDitolak,
    }
}

pub(crate) fn sumber_key(s: SumberKebutuhan) -> PKey {
    match s {
        SumberKebutuhan::UsulanPegawai => PKey::SrcPegawai,
        SumberKebutuhan::UsulanPpkin => PKey::SrcPpkin,
        SumberKebutuhan::RencanaPerbaikan => PKey::SrcPerbaikan,
        SumberKebutuhan::RatingRendah => PKey::SrcRating,
        SumberKebutuhan::PerilakuRendah => PKey::SrcPerilaku,
    }
}

pub(crate) fn gap_key(g: JenisKesenjangan) -> PKey {
    match g {
        JenisKesenjangan::Kompetensi => PKey::GapKompetensi,
        JenisKesenjangan::Kinerja => PKey::GapKinerja,
        JenisKesenjangan::Keduanya => PKey::GapKeduanya,
    }
}

pub(crate) fn prioritas_key(p: Prioritas) -> PKey {
    match p {
        Prioritas::Tinggi => PKey::High,
        Prioritas::Sedang => PKey::Medium,
        Prioritas::Rendah => PKey::Low,
    }
}

/// A year picker: this year and the four before.
#[component]
pub(crate) fn YearPicker(year: RwSignal<i32>) -> impl IntoView {
    let now = this_year();
    view! {
        <label class="field__label" for="tahun">{tp(PKey::Year)}</label>
        <select id="tahun" class="field__input field__select" on:change=move |ev| {
            if let Ok(y) = event_target_value(&ev).parse() { year.set(y); }
        }>
            {(0..5).map(|i| {
                let y = now - i;
                view! { <option value=y.to_string() selected=move || year.get() == y>{y}</option> }
            }).collect_view()}
        </select>
    }
}

/// The 20 JP bar: verified JP as a share of 20, with waiting and planned JP next to it.
#[component]
pub(crate) fn JpBar(summary: RingkasanJp) -> impl IntoView {
    let i18n = use_i18n();
    let persen = summary.persen;
    let verified = summary.jp_terverifikasi;
    let waiting = summary.jp_menunggu;
    let planned = summary.jp_direncanakan;
    let met = summary.memenuhi;
    view! {
        <div class="jp">
            <p class="jp__figure">{move || fill(ptext(i18n.lang(), PKey::ProgressOf), &[("n", &jp_text(i18n.lang(), verified))])}</p>
            <div role="progressbar" aria-valuemin="0" aria-valuemax="20"
                aria-valuenow=verified.min(20.0).to_string() aria-label=move || ptext(i18n.lang(), PKey::Progress)>
                <Bar persen=persen met=met/>
            </div>
            <p class="muted jp__more">
                {move || if met { ptext(i18n.lang(), PKey::Met).to_owned() } else { String::new() }}
                " "
                {move || fill(ptext(i18n.lang(), PKey::Waiting), &[("n", &jp_text(i18n.lang(), waiting))])}
                " · "
                {move || fill(ptext(i18n.lang(), PKey::Planned), &[("n", &jp_text(i18n.lang(), planned))])}
            </p>
        </div>
    }
}

/// Previous and next for a list paged in a signal (several lists share one page here, so the
/// page cannot live in the address as [`crate::components::Pager`] keeps it).
#[component]
pub(crate) fn PagerSignal(page: RwSignal<u64>, pages: u64) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="pager">
            <button type="button" class="btn btn--secondary" disabled=move || { page.get() <= 1 }
                on:click=move |_| page.update(|p| *p = p.saturating_sub(1).max(1))>{tp(PKey::Previous)}</button>
            <span class="muted">{move || fill(ptext(i18n.lang(), PKey::PageOf), &[("p", &page.get().to_string()), ("n", &pages.to_string())])}</span>
            <button type="button" class="btn btn--secondary" disabled=move || { page.get() >= pages }
                on:click=move |_| page.update(|p| *p += 1)>{tp(PKey::Next)}</button>
        </div>
    }
}

/// A bar filled to `persen` (0–100), drawn as SVG: the CSP admits no inline styles.
#[component]
pub(crate) fn Bar(persen: f64, met: bool, #[prop(optional)] small: bool) -> impl IntoView {
    let w = persen.clamp(0.0, 100.0);
    view! {
        <svg class=if small { "jp-bar jp-bar--small" } else { "jp-bar" } viewBox="0 0 100 10"
            preserveAspectRatio="none" aria-hidden="true">
            <rect class="jp-bar__track" x="0" y="0" width="100" height="10" rx="5"/>
            <rect class=if met { "jp-bar__fill jp-bar__fill--met" } else { "jp-bar__fill" }
                x="0" y="0" width=w height="10" rx="5"/>
        </svg>
    }
}

/// `/pengembangan`: the employee's own development of a year.
#[component]
pub fn PengembanganPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        document().set_title(&format!("{} · Kinerja", ptext(i18n.lang(), PKey::Title)));
    });
    let year = RwSignal::new(this_year());
    // Bumped after every change that moves the JP (a record saved, deleted, a file added).
    let version = RwSignal::new(0u32);
    let summary = RwSignal::new(None::<Result<RingkasanJp, ApiError>>);
    Effect::new(move |_| {
        let y = year.get();
        version.track();
        spawn_local(async move {
            summary.set(Some(api::pengembangan::jp(None, y).await));
        });
    });
    view! {
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title">{tp(PKey::Title)}</h1>
                <p class="page-header__intro">{tp(PKey::Intro)}</p>
            </div>
            <div class="page-header__actions filters">
                <YearPicker year=year/>
                // The career page has no menu entry of its own: it is reached from here.
                <A href="/pengembangan/karier" attr:class="btn btn--secondary">{tp(PKey::MyCareer)}</A>
            </div>
        </header>
        <section class="card dev-card">
            <h2 class="card__title"><Istilah id="jp">{tp(PKey::Progress)}</Istilah></h2>
            {move || match summary.get() {
                None => view! { <p class="muted">{tp(PKey::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorAlert error=e/> }.into_any(),
                Some(Ok(s)) => {
                    let months = s.per_bulan.clone();
                    view! {
                        <JpBar summary=s/>
                        <h3 class="card__subtitle">{tp(PKey::PerMonth)}</h3>
                        <grafik::JpPerBulan values=months lang=i18n.lang()/>
                    }.into_any()
                }
            }}
        </section>
        <catatan::Records year=year version=version/>
        <kebutuhan::MyNeeds year=year/>
    }
}
