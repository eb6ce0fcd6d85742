//! `/sistem/privasi`: which accounts read which people's full records (UU 27/2022 Pasal 46: the
//! breach notice within 3×24 hours), for the HR office and the auditor (`read_audit`), with a
//! CSV of the same filters. Days are the WIB days of the filters. The text is kept here rather
//! than in `Key` so that only this bundle carries it.

use chrono::NaiveDate;
use kinerja_api::auth::Permission;
use kinerja_api::privasi::{AksesData, JenisAkses};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::{self, ApiError};
use crate::components::{Alert, AlertKind, ErrorAlert, Loader, PageHeader, Pager, built, load};
use crate::i18n::{Key, Lang, use_i18n};
use crate::labels;
use crate::state::auth::use_auth;

type Text = (&'static str, &'static str);

const DARI: Text = ("Dari tanggal", "From");
const SAMPAI: Text = ("Sampai tanggal", "To");
const JENIS: Text = ("Jenis", "Kind");
const SEMUA: Text = ("Semua jenis", "All kinds");
const DETAIL: Text = ("Data lengkap pegawai", "Full employee record");
const EKSPOR: Text = ("Ekspor dengan kolom pribadi", "Export with private columns");
const DATA_SAYA: Text = ("Unduhan Data Saya", "Data Saya download");
const TERAPKAN: Text = ("Terapkan", "Apply");
const CSV: Text = ("Unduh CSV", "Download CSV");
const WAKTU: Text = ("Waktu", "Time");
const AKUN: Text = ("Akun", "Account");
const PEGAWAI: Text = ("Pegawai", "Employee");
const DASAR: Text = ("Dasar", "Basis");
const JUMLAH: Text = ("Jumlah data", "Records");
const BANYAK: Text = ("beberapa pegawai", "several employees");
const KOSONG: Text = (
    "Tidak ada akses pada periode ini.",
    "No reads in this period.",
);
const SEMUA_PEGAWAI: Text = (
    "Kewenangan atas semua pegawai",
    "Authority over every employee",
);
const PIMPINAN: Text = ("Pimpinan unit", "Unit leader");
const PEMILIK: Text = ("Pemilik data", "The data subject");
const SARING_AKUN: Text = ("Hanya satu akun", "One account only");

fn pick(lang: Lang, (id, en): Text) -> &'static str {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

fn jenis_text(j: JenisAkses) -> Text {
    match j {
        JenisAkses::Detail => DETAIL,
        JenisAkses::Ekspor => EKSPOR,
        JenisAkses::DataSaya => DATA_SAYA,
    }
}

/// The start of a WIB day as an RFC 3339 instant.
fn wib(d: NaiveDate) -> String {
    format!("{}T00:00:00+07:00", d.format("%Y-%m-%d"))
}

fn filter_from_query(q: &leptos_router::params::ParamsMap) -> api::privasi::AksesFilter {
    let day = |k: &str| {
        q.get(k)
            .and_then(|v| NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok())
    };
    api::privasi::AksesFilter {
        dari: day("dari").map(wib),
        sampai: day("sampai").and_then(|d| d.succ_opt()).map(wib),
        aktor_id: q.get("aktor_id").filter(|v| !v.is_empty()),
        pegawai_id: q.get("pegawai_id").filter(|v| !v.is_empty()),
        jenis: q.get("jenis").and_then(|v| JenisAkses::parse(&v)),
    }
}

/// Akses data pribadi.
#[component]
pub fn PrivasiPage() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    if !auth.can(Permission::ReadAudit) {
        return view! {
            <PageHeader title=Key::NavPrivasi intro=Key::PrivasiIntro/>
            <Alert kind=AlertKind::Error message=Signal::derive(move || i18n.t(Key::NoAccess).to_owned())/>
        }
        .into_any();
    }
    let page = super::page_number();
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(filter_from_query));
    let list = Box::new(move || {
        let page = page.get();
        let filter = filter.get();
        load(async move {
            let list = api::privasi::akses(page, &filter).await?;
            Ok(built(move || {
                let pages = list.pages();
                view! {
                    <section class="card card--flush">
                        <Rows items=list.items.clone()/>
                        <Pager path="/sistem/privasi" page=list.page pages=pages total=list.total/>
                    </section>
                }
            }))
        })
    });
    view! {
        <PageHeader title=Key::NavPrivasi intro=Key::PrivasiIntro/>
        <Filters filter=filter/>
        <Loader load=list/>
    }
    .into_any()
}

#[component]
fn Filters(filter: Memo<api::privasi::AksesFilter>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |text: Text| pick(i18n.lang(), text);
    let query = use_query_map();
    let navigate = use_navigate();
    let get = move |k: &str| query.with_untracked(|q| q.get(k).unwrap_or_default());
    let dari = RwSignal::new(get("dari"));
    let sampai = RwSignal::new(get("sampai"));
    let jenis = RwSignal::new(get("jenis"));
    let aktor = get("aktor_id");
    let pegawai = get("pegawai_id");
    let error = RwSignal::new(None::<ApiError>);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let pairs = [
            ("dari", dari.get_untracked()),
            ("sampai", sampai.get_untracked()),
            ("jenis", jenis.get_untracked()),
            ("aktor_id", aktor.clone()),
            ("pegawai_id", pegawai.clone()),
        ];
        let q: Vec<String> = pairs
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(v))))
            .collect();
        navigate(
            &format!("/sistem/privasi?{}", q.join("&")),
            Default::default(),
        );
    };
    let csv = move |_| {
        let f = filter.get_untracked();
        spawn_local(async move {
            error.set(api::privasi::akses_csv(&f).await.err());
        });
    };
    let one_account = !get("aktor_id").is_empty();
    let kinds = move || {
        let current = jenis.get();
        [JenisAkses::Detail, JenisAkses::Ekspor, JenisAkses::DataSaya]
            .into_iter()
            .map(|j| {
                view! {
                    <option value=j.as_str() selected=current == j.as_str()>
                        {move || t(jenis_text(j))}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card">
            <form class="form filters" novalidate=true on:submit=on_submit>
                <div class="field">
                    <label class="field__label" for="dari">{move || t(DARI)}</label>
                    <input class="field__input" type="date" id="dari" name="dari"
                        prop:value=move || dari.get()
                        on:input=move |ev| dari.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label class="field__label" for="sampai">{move || t(SAMPAI)}</label>
                    <input class="field__input" type="date" id="sampai" name="sampai"
                        prop:value=move || sampai.get()
                        on:input=move |ev| sampai.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label class="field__label" for="jenis">{move || t(JENIS)}</label>
                    <select class="field__input field__select" id="jenis" name="jenis"
                        on:change=move |ev| jenis.set(event_target_value(&ev))>
                        <option value="" selected=move || jenis.get().is_empty()>{move || t(SEMUA)}</option>
                        {kinds}
                    </select>
                </div>
                {one_account.then(|| view! { <p class="muted">{move || t(SARING_AKUN)}</p> })}
                <div class="form-actions">
                    <button type="submit" class="btn btn--primary">{move || t(TERAPKAN)}</button>
                    <button type="button" class="btn btn--secondary" id="unduh-csv" on:click=csv>
                        {move || t(CSV)}
                    </button>
                </div>
            </form>
            {move || error.get().map(|e| view! { <ErrorAlert error=e/> })}
        </section>
    }
}

#[component]
fn Rows(items: Vec<AksesData>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |text: Text| pick(i18n.lang(), text);
    if items.is_empty() {
        return view! { <p class="empty muted">{move || t(KOSONG)}</p> }.into_any();
    }
    let rows = items
        .into_iter()
        .map(|a| {
            let waktu = a.waktu;
            let akun = match (&a.aktor_nama, &a.aktor_username) {
                (Some(n), Some(u)) => format!("{n} ({u})"),
                _ => a.aktor_id.to_string(),
            };
            let pegawai = a
                .pegawai_nama
                .clone()
                .map(|n| format!("{n} ({})", a.pegawai_nip.clone().unwrap_or_default()));
            let dasar = match a.dasar.as_str() {
                "semua_pegawai" => Some(SEMUA_PEGAWAI),
                "pimpinan_unit" => Some(PIMPINAN),
                "pemilik_data" => Some(PEMILIK),
                _ => None,
            };
            let dasar_kode = a.dasar.clone();
            let jenis = a.jenis;
            view! {
                <tr data-akses=a.id.to_string()>
                    <td>{move || labels::datetime(i18n.lang(), waktu)}</td>
                    <td>{akun}</td>
                    <td>{move || pegawai.clone().unwrap_or_else(|| t(BANYAK).to_owned())}</td>
                    <td>{move || t(jenis_text(jenis))}</td>
                    <td>{move || dasar.map_or_else(|| dasar_kode.clone(), |d| t(d).to_owned())}</td>
                    <td>{a.jumlah}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table" id="akses-data">
                <thead>
                    <tr>
                        <th scope="col">{move || t(WAKTU)}</th>
                        <th scope="col">{move || t(AKUN)}</th>
                        <th scope="col">{move || t(PEGAWAI)}</th>
                        <th scope="col">{move || t(JENIS)}</th>
                        <th scope="col">{move || t(DASAR)}</th>
                        <th scope="col">{move || t(JUMLAH)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
