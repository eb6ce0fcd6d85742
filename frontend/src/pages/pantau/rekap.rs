//! `/dasbor/rekap`: the recaps and exports of a unit and below — the filters (kind, evaluation
//! sub-period), a preview table of what the file will hold, the export's validation list, and
//! download buttons that show the bytes received. One request per view.

use kinerja_api::PageQuery;
use kinerja_api::planning::Ritme;
use kinerja_api::rekap::{
    FormatEkspor, KepalaRekap, RekapAngkaKredit, RekapEvaluasi, RekapSkp, ValidasiSiasn,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use uuid::Uuid;

use crate::api::rekap::Filter;
use crate::api::{self, ApiError};
use crate::components::{ErrorAlert, Pager, sub_period_label};
use crate::i18n::rekap::{RKey, alasan, rtext, tr};
use crate::i18n::{Lang, fill, text, use_i18n};
use crate::labels;

/// Rows per preview page.
const PER_PAGE: u64 = 50;

/// The kinds of recap, by their `jenis` in the query (and in the XLSX's path).
const JENIS: [(&str, RKey); 4] = [
    ("skp", RKey::KindSkp),
    ("evaluasi", RKey::KindEvaluasi),
    ("angka-kredit", RKey::KindAngkaKredit),
    ("siasn", RKey::KindSiasn),
];

#[derive(Debug, Clone, PartialEq)]
enum Isi {
    Skp(RekapSkp),
    Evaluasi(RekapEvaluasi),
    AngkaKredit(RekapAngkaKredit),
    Siasn(ValidasiSiasn),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Pilihan {
    unit: Option<Uuid>,
    jenis: &'static str,
    periode_ke: Option<i32>,
    page: u64,
}

impl Pilihan {
    fn filter(&self) -> Filter {
        Filter {
            unit: self.unit,
            periode_ke: self.periode_ke,
        }
    }

    fn href(&self, jenis: &str, periode_ke: Option<i32>) -> String {
        let mut q = vec![format!("jenis={jenis}")];
        if let Some(u) = self.unit {
            q.push(format!("unit_id={u}"));
        }
        if let Some(k) = periode_ke {
            q.push(format!("periode_ke={k}"));
        }
        format!("/dasbor/rekap?{}", q.join("&"))
    }
}

fn ritme(n: i32) -> Ritme {
    match n {
        4 => Ritme::Triwulanan,
        2 => Ritme::Semesteran,
        _ => Ritme::Bulanan,
    }
}

#[component]
pub fn RekapPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        document().set_title(&format!("{} · Kinerja", rtext(i18n.lang(), RKey::Title)));
    });
    let query = use_query_map();
    let pilihan = Memo::new(move |_| {
        query.with(|q| Pilihan {
            unit: q.get("unit_id").and_then(|u| u.parse().ok()),
            jenis: q
                .get("jenis")
                .and_then(|j| JENIS.iter().find(|(k, _)| *k == j).map(|(k, _)| *k))
                .unwrap_or("skp"),
            periode_ke: q.get("periode_ke").and_then(|k| k.parse().ok()),
            page: q
                .get("halaman")
                .and_then(|p| p.parse::<u64>().ok())
                .unwrap_or(1)
                .max(1),
        })
    });
    let data = RwSignal::new(None::<Result<Isi, ApiError>>);
    Effect::new(move |_| {
        let p = pilihan.get();
        data.set(None);
        spawn_local(async move {
            let f = p.filter();
            let page = PageQuery {
                page: p.page,
                per_page: PER_PAGE,
            };
            let r = match p.jenis {
                "evaluasi" => api::rekap::evaluasi(f, page).await.map(Isi::Evaluasi),
                "angka-kredit" => api::rekap::angka_kredit(f, page)
                    .await
                    .map(Isi::AngkaKredit),
                "siasn" => api::rekap::validasi(f, page).await.map(Isi::Siasn),
                _ => api::rekap::skp(f, page).await.map(Isi::Skp),
            };
            data.set(Some(r));
        });
    });
    let back = move || {
        pilihan
            .get()
            .unit
            .map_or_else(|| "/dasbor".to_owned(), |u| format!("/dasbor?unit_id={u}"))
    };
    view! {
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title">{tr(RKey::Title)}</h1>
                <p class="page-header__intro">{tr(RKey::Intro)}</p>
            </div>
        </header>
        <p><A href=back>{tr(RKey::Back)}</A></p>
        <nav class="rekap-jenis" aria-label=move || rtext(i18n.lang(), RKey::Kind)>
            <ul class="rekap-jenis__list">
                {JENIS.iter().map(|(j, key)| {
                    let j = *j;
                    let href = move || pilihan.get().href(j, None);
                    let current = move || (pilihan.get().jenis == j).then_some("page");
                    // A plain link: the router's `A` marks every link to this path current,
                    // whatever its query.
                    view! { <li><a href=href aria-current=current class="btn btn--secondary btn--small">{tr(*key)}</a></li> }
                }).collect_view()}
            </ul>
        </nav>
        // Reading the language here renders the page again when it changes.
        {move || match (i18n.lang(), data.get()).1 {
            None => view! { <p class="muted">{tr(RKey::Loading)}</p> }.into_any(),
            // The national export is the HR office's: say so rather than "forbidden".
            Some(Err(e)) if e.status() == Some(403) && pilihan.get_untracked().jenis == "siasn" => {
                view! { <p class="empty muted">{tr(RKey::HrOnly)}</p> }.into_any()
            }
            Some(Err(e)) => view! { <ErrorAlert error=e/> }.into_any(),
            Some(Ok(d)) => view! { <Pratinjau d=d pilihan=pilihan.get_untracked()/> }.into_any(),
        }}
    }
}

fn kepala_line(k: &KepalaRekap, lang: Lang) -> String {
    fill(
        rtext(lang, RKey::Header),
        &[
            ("instansi", &k.instansi),
            ("unit", &k.unit),
            ("tahun", &k.tahun.to_string()),
            ("hari", &labels::long_date(lang, k.dicetak)),
        ],
    )
}

/// "{n} rows": how many the file holds.
fn jumlah(lang: Lang, n: u64) -> impl IntoView + use<> {
    view! { <span class="rekap-jumlah">{fill(rtext(lang, RKey::Rows), &[("n", &n.to_string())])}</span> }
}

/// Where a download stands.
#[derive(Debug, Clone, PartialEq)]
enum Unduh {
    Siap,
    Jalan(u64),
    Selesai(u64),
    Gagal(ApiError),
}

/// A download button with the bytes received so far.
#[component]
fn Tombol(
    label: RKey,
    pilihan: Pilihan,
    /// None: the recap's XLSX; else the national export in this format.
    format: Option<FormatEkspor>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(Unduh::Siap);
    let busy = move || matches!(state.get(), Unduh::Jalan(_));
    let start = move |_| {
        if busy() {
            return;
        }
        state.set(Unduh::Jalan(0));
        let p = pilihan.clone();
        spawn_local(async move {
            let progress = move |n: u64| state.set(Unduh::Jalan(n));
            let r = match format {
                None => api::rekap::unduh_xlsx(p.jenis, p.filter(), progress).await,
                Some(f) => api::rekap::unduh_siasn(p.filter(), f, progress).await,
            };
            state.update(|s| {
                *s = match (r, &*s) {
                    (Ok(()), Unduh::Jalan(n)) => Unduh::Selesai(*n),
                    (Ok(()), _) => Unduh::Selesai(0),
                    (Err(e), _) => Unduh::Gagal(e),
                }
            });
        });
    };
    let status = move || {
        let lang = i18n.lang();
        let size = |n: u64| labels::file_size(lang, n as f64);
        match state.get() {
            Unduh::Siap => None,
            Unduh::Jalan(n) => Some(
                view! { <span class="muted">{fill(rtext(lang, RKey::Downloading), &[("ukuran", &size(n))])}</span> }
                    .into_any(),
            ),
            Unduh::Selesai(n) => Some(
                view! { <span>{fill(rtext(lang, RKey::Downloaded), &[("ukuran", &size(n))])}</span> }
                    .into_any(),
            ),
            Unduh::Gagal(e) => Some(view! { <ErrorAlert error=e/> }.into_any()),
        }
    };
    view! {
        <span class="rekap-unduh">
            <button type="button" class="btn btn--primary" on:click=start disabled=busy aria-busy=move || busy().to_string()>
                {tr(label)}
            </button>
            <span role="status" aria-live="polite">{status}</span>
        </span>
    }
}

#[component]
fn Pratinjau(d: Isi, pilihan: Pilihan) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    match d {
        Isi::Skp(r) => {
            let head = kepala_line(&r.kepala, lang);
            view! {
                <section class="card card--flush">
                    <p class="card__body"><strong>{head}</strong><br/>{jumlah(lang, r.baris.total)}</p>
                    <p class="card__body"><Tombol label=RKey::DownloadXlsx pilihan=pilihan.clone() format=None/></p>
                    {tabel_skp(&r, lang)}
                    <Pager path="/dasbor/rekap" page=r.baris.page pages=r.baris.pages() total=r.baris.total/>
                </section>
            }
            .into_any()
        }
        Isi::Evaluasi(r) => {
            let head = kepala_line(&r.kepala, lang);
            let k = r.kepala.periode_ke.unwrap_or(0);
            view! {
                <section class="card card--flush">
                    <p class="card__body"><strong>{head}</strong><br/>{jumlah(lang, r.baris.total)}</p>
                    <div class="card__body">{pilih_periode(&r.kepala, &pilihan, k, lang)}</div>
                    <p class="card__body"><Tombol label=RKey::DownloadXlsx pilihan=Pilihan { periode_ke: Some(k), ..pilihan.clone() } format=None/></p>
                    {tabel_evaluasi(&r, lang)}
                    <Pager path="/dasbor/rekap" page=r.baris.page pages=r.baris.pages() total=r.baris.total/>
                </section>
                <section class="card card--flush">
                    <h2 class="card__title card__title--padded">{rtext(lang, RKey::PerUnit)}</h2>
                    {sebaran(&r, lang)}
                </section>
            }
            .into_any()
        }
        Isi::AngkaKredit(r) => {
            let head = kepala_line(&r.kepala, lang);
            view! {
                <section class="card card--flush">
                    <p class="card__body"><strong>{head}</strong><br/>{jumlah(lang, r.baris.total)}</p>
                    <p class="card__body"><Tombol label=RKey::DownloadXlsx pilihan=pilihan.clone() format=None/></p>
                    {tabel_ak(&r, lang)}
                    <Pager path="/dasbor/rekap" page=r.baris.page pages=r.baris.pages() total=r.baris.total/>
                </section>
            }
            .into_any()
        }
        Isi::Siasn(v) => {
            let head = kepala_line(&v.kepala, lang);
            let ready = fill(
                rtext(lang, RKey::Ready),
                &[
                    ("siap", &v.siap.to_string()),
                    ("n", &v.jumlah_pegawai.to_string()),
                ],
            );
            let versi = fill(rtext(lang, RKey::Version2), &[("versi", &v.versi)]);
            view! {
                <section class="card card--flush">
                    <p class="card__body"><strong>{head}</strong></p>
                    <p class="card__body">{ready}" "<span class="muted">{versi}</span></p>
                    <p class="card__body rekap-tombol">
                        <Tombol label=RKey::DownloadCsv pilihan=pilihan.clone() format=Some(FormatEkspor::Csv)/>
                        <Tombol label=RKey::DownloadJson pilihan=pilihan.clone() format=Some(FormatEkspor::Json)/>
                    </p>
                    <h2 class="card__title card__title--padded">{rtext(lang, RKey::NotReady)}</h2>
                    {tabel_validasi(&v, lang)}
                    <Pager path="/dasbor/rekap" page=v.tidak_siap.page pages=v.tidak_siap.pages() total=v.tidak_siap.total/>
                </section>
            }
            .into_any()
        }
    }
}

/// The sub-period select of the rekap evaluasi: the year, then each sub-period.
fn pilih_periode(k: &KepalaRekap, p: &Pilihan, current: i32, lang: Lang) -> impl IntoView + use<> {
    let navigate = use_navigate();
    let p = p.clone();
    let (n, tahun) = (k.jumlah_periode, k.tahun);
    let options: Vec<(i32, String)> = std::iter::once((0, rtext(lang, RKey::Annual).to_owned()))
        .chain((1..=n).map(|i| (i, sub_period_label(lang, ritme(n), tahun, i))))
        .collect();
    view! {
        <label class="field__label" for="rekap-periode">{rtext(lang, RKey::SubPeriod)}</label>
        <select id="rekap-periode" class="field__input field__select"
            on:change=move |ev| {
                let k: Option<i32> = event_target_value(&ev).parse().ok();
                navigate(&p.href("evaluasi", k), NavigateOptions { replace: true, scroll: false, ..NavigateOptions::default() });
            }>
            {options.into_iter().map(|(i, name)| view! {
                <option value=i.to_string() selected=i == current>{name}</option>
            }).collect_view()}
        </select>
    }
}

fn kosong(lang: Lang) -> AnyView {
    view! { <p class="empty muted card__body">{rtext(lang, RKey::Empty)}</p> }.into_any()
}

fn tgl(lang: Lang, d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "—".to_owned(), |d| labels::date(lang, d))
}

fn tabel_skp(r: &RekapSkp, lang: Lang) -> AnyView {
    if r.baris.items.is_empty() {
        return kosong(lang);
    }
    let first = (r.baris.page - 1) * r.baris.per_page;
    view! {
        <div class="table-wrap"><table class="table rekap-tabel" data-rekap="skp">
            <thead><tr>
                <th scope="col" class="num">{rtext(lang, RKey::No)}</th>
                <th scope="col">{rtext(lang, RKey::Nip)}</th>
                <th scope="col">{rtext(lang, RKey::Name)}</th>
                <th scope="col">{rtext(lang, RKey::Position)}</th>
                <th scope="col">{rtext(lang, RKey::Unit)}</th>
                <th scope="col">{rtext(lang, RKey::SkpStatus)}</th>
                <th scope="col">{rtext(lang, RKey::Submitted)}</th>
                <th scope="col">{rtext(lang, RKey::Approved)}</th>
                <th scope="col">{rtext(lang, RKey::Ppkin)}</th>
            </tr></thead>
            <tbody>{r.baris.items.iter().enumerate().map(|(i, b)| view! {
                <tr>
                    <td class="num">{first + i as u64 + 1}</td>
                    <td class="rekap-nip">{b.nip.clone()}</td>
                    <th scope="row">{b.nama.clone()}</th>
                    <td>{b.jabatan.clone().unwrap_or_default()}</td>
                    <td>{b.unit.clone().unwrap_or_default()}</td>
                    <td>{b.status.map_or(rtext(lang, RKey::NotStarted), |s| text(lang, labels::status_skp(s)))}</td>
                    <td>{tgl(lang, b.diajukan)}</td>
                    <td>{tgl(lang, b.disetujui)}</td>
                    <td>{b.ppkin_nama.clone().unwrap_or_default()}<br/><span class="muted">{b.ppkin_nip.clone().unwrap_or_default()}</span></td>
                </tr>
            }).collect_view()}</tbody>
        </table></div>
    }
    .into_any()
}

fn tabel_evaluasi(r: &RekapEvaluasi, lang: Lang) -> AnyView {
    if r.baris.items.is_empty() {
        return kosong(lang);
    }
    let first = (r.baris.page - 1) * r.baris.per_page;
    let rating = move |x: Option<kinerja_api::evaluation::Rating>| {
        x.map_or("—", |x| text(lang, labels::rating(x)))
    };
    view! {
        <div class="table-wrap"><table class="table rekap-tabel" data-rekap="evaluasi">
            <thead><tr>
                <th scope="col" class="num">{rtext(lang, RKey::No)}</th>
                <th scope="col">{rtext(lang, RKey::Nip)}</th>
                <th scope="col">{rtext(lang, RKey::Name)}</th>
                <th scope="col">{rtext(lang, RKey::Unit)}</th>
                <th scope="col">{rtext(lang, RKey::RatingHasil)}</th>
                <th scope="col">{rtext(lang, RKey::RatingPerilaku)}</th>
                <th scope="col">{rtext(lang, RKey::Predikat)}</th>
            </tr></thead>
            <tbody>{r.baris.items.iter().enumerate().map(|(i, b)| view! {
                <tr>
                    <td class="num">{first + i as u64 + 1}</td>
                    <td class="rekap-nip">{b.nip.clone()}</td>
                    <th scope="row">{b.nama.clone()}</th>
                    <td>{b.unit.clone().unwrap_or_default()}</td>
                    <td>{rating(b.rating_hasil)}</td>
                    <td>{rating(b.rating_perilaku)}</td>
                    <td>{b.predikat.map_or(rtext(lang, RKey::NotSet), |p| text(lang, labels::predikat(p)))}</td>
                </tr>
            }).collect_view()}</tbody>
        </table></div>
    }
    .into_any()
}

fn sebaran(r: &RekapEvaluasi, lang: Lang) -> AnyView {
    use kinerja_api::evaluation::Predikat;
    let pola = match &r.pola {
        None => rtext(lang, RKey::PatternNone).to_owned(),
        Some(p) if p.pelanggaran.is_empty() => {
            fill(rtext(lang, RKey::PatternOk), &[("unit", &p.unit_nama)])
        }
        Some(p) => fill(
            rtext(lang, RKey::PatternBroken),
            &[
                ("unit", &p.unit_nama),
                ("n", &p.pelanggaran.len().to_string()),
            ],
        ),
    };
    view! {
        <p class="card__body">{pola}</p>
        <div class="table-wrap"><table class="table">
            <thead><tr>
                <th scope="col">{rtext(lang, RKey::Unit)}</th>
                <th scope="col" class="num">{rtext(lang, RKey::People)}</th>
                {Predikat::ALL.iter().map(|p| view! { <th scope="col" class="num">{text(lang, labels::predikat(*p))}</th> }).collect_view()}
                <th scope="col" class="num">{rtext(lang, RKey::NotRated)}</th>
            </tr></thead>
            <tbody>{r.per_unit.iter().enumerate().map(|(i, u)| {
                let name = if i == 0 {
                    fill(rtext(lang, RKey::OwnStaff), &[("unit", &u.nama)])
                } else {
                    u.nama.clone()
                };
                view! {
                    <tr>
                        <th scope="row">{name}</th>
                        <td class="num">{u.jumlah_pegawai}</td>
                        {Predikat::ALL.iter().map(|p| view! { <td class="num">{u.hitungan.get(*p)}</td> }).collect_view()}
                        <td class="num">{u.belum_dinilai}</td>
                    </tr>
                }
            }).collect_view()}</tbody>
        </table></div>
    }
    .into_any()
}

fn tabel_ak(r: &RekapAngkaKredit, lang: Lang) -> AnyView {
    if r.baris.items.is_empty() {
        return kosong(lang);
    }
    let first = (r.baris.page - 1) * r.baris.per_page;
    view! {
        <div class="table-wrap"><table class="table rekap-tabel" data-rekap="angka-kredit">
            <thead><tr>
                <th scope="col" class="num">{rtext(lang, RKey::No)}</th>
                <th scope="col">{rtext(lang, RKey::Nip)}</th>
                <th scope="col">{rtext(lang, RKey::Name)}</th>
                <th scope="col">{rtext(lang, RKey::Position)}</th>
                <th scope="col">{rtext(lang, RKey::Jenjang)}</th>
                <th scope="col" class="num">{rtext(lang, RKey::Koefisien)}</th>
                <th scope="col">{rtext(lang, RKey::AnnualPredikat)}</th>
                <th scope="col" class="num">{rtext(lang, RKey::Months)}</th>
                <th scope="col" class="num">{rtext(lang, RKey::AngkaKredit)}</th>
            </tr></thead>
            <tbody>{r.baris.items.iter().enumerate().map(|(i, b)| view! {
                <tr>
                    <td class="num">{first + i as u64 + 1}</td>
                    <td class="rekap-nip">{b.nip.clone()}</td>
                    <th scope="row">{b.nama.clone()}</th>
                    <td>{b.jabatan.clone().unwrap_or_default()}</td>
                    <td>{b.jenjang.clone()}</td>
                    <td class="num">{labels::decimal(lang, b.koefisien)}</td>
                    <td>{b.predikat_tahunan.map_or("—", |p| text(lang, labels::predikat(p)))}</td>
                    <td class="num">{b.bulan}</td>
                    <td class="num">{b.angka_kredit.map_or_else(|| "—".to_owned(), |a| labels::decimal(lang, a))}</td>
                </tr>
            }).collect_view()}</tbody>
        </table></div>
    }
    .into_any()
}

fn tabel_validasi(v: &ValidasiSiasn, lang: Lang) -> AnyView {
    if v.tidak_siap.items.is_empty() {
        return view! { <p class="empty muted card__body">{rtext(lang, RKey::AllReady)}</p> }
            .into_any();
    }
    view! {
        <div class="table-wrap"><table class="table rekap-tabel" data-rekap="validasi">
            <thead><tr>
                <th scope="col">{rtext(lang, RKey::Nip)}</th>
                <th scope="col">{rtext(lang, RKey::Name)}</th>
                <th scope="col">{rtext(lang, RKey::Unit)}</th>
                <th scope="col">{rtext(lang, RKey::Reasons)}</th>
            </tr></thead>
            <tbody>{v.tidak_siap.items.iter().map(|t| view! {
                <tr>
                    <td class="rekap-nip">{t.nip.clone()}</td>
                    <th scope="row">{t.nama.clone()}</th>
                    <td>{t.unit.clone().unwrap_or_default()}</td>
                    <td><ul class="rekap-alasan">{t.alasan.iter().map(|a| view! { <li>{alasan(lang, *a)}</li> }).collect_view()}</ul></td>
                </tr>
            }).collect_view()}</tbody>
        </table></div>
    }
    .into_any()
}
