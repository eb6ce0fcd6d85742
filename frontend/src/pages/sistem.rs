//! `/sistem`: the state of the installation's backups for the HR office and the operator
//! (needs `manage_users`): the last successful backup (when, how large, where), a warning when
//! none succeeded for too long, the schedule and the latest runs. The text is kept here rather
//! than in `Key` so that only this bundle carries it.

use kinerja_api::auth::Permission;
use kinerja_api::cadangan::{Cadangan, JenisCadangan, RingkasanCadangan, StatusCadangan};
use leptos::prelude::*;

use crate::api;
use crate::components::{Alert, AlertKind, Loader, PageHeader, built, load};
use crate::i18n::{Key, Lang, fill, use_i18n};
use crate::labels;
use crate::state::auth::use_auth;

type Text = (&'static str, &'static str);

const LAST: Text = ("Cadangan terakhir yang berhasil", "Last successful backup");
const NONE_YET: Text = (
    "Belum ada pencadangan yang berhasil.",
    "No backup has succeeded yet.",
);
const WHEN: Text = ("Selesai", "Finished");
const SIZE: Text = ("Ukuran", "Size");
const WHERE: Text = ("Lokasi di server", "Location on the server");
const FILES: Text = ("Berkas tersimpan", "Stored files");
const SCHEMA: Text = ("Versi skema", "Schema version");
const LATE: Text = (
    "Tidak ada pencadangan yang berhasil sejak {tanggal} ({n} jam). Periksa folder cadangan dan log server, lalu jalankan perintah kinerja backup.",
    "No backup has succeeded since {tanggal} ({n} hours). Check the backup folder and the server log, then run the command kinerja backup.",
);
const LATE_NEVER: Text = (
    "Belum pernah ada pencadangan yang berhasil sejak Kinerja dipasang ({n} jam). Periksa folder cadangan dan log server, lalu jalankan perintah kinerja backup.",
    "No backup has succeeded since Kinerja was installed ({n} hours). Check the backup folder and the server log, then run the command kinerja backup.",
);
const SCHEDULE: Text = ("Jadwal", "Schedule");
const SCHEDULE_ON: Text = (
    "Server mencadangkan data setiap {jam} jam ke {folder}, menyimpan {harian} cadangan harian dan {mingguan} mingguan. Peringatan dikirim ke admin bila {batas} jam tanpa cadangan berhasil.",
    "The server backs up every {jam} hours to {folder}, keeping {harian} daily and {mingguan} weekly backups. Admins are warned after {batas} hours without a successful backup.",
);
const SCHEDULE_OFF: Text = (
    "Pencadangan terjadwal dimatikan (KINERJA_BACKUP_INTERVAL_HOURS=0). Jalankan perintah kinerja backup dari penjadwal sistem operasi. Peringatan dikirim ke admin bila {batas} jam tanpa cadangan berhasil.",
    "Scheduled backups are off (KINERJA_BACKUP_INTERVAL_HOURS=0). Run the command kinerja backup from the operating system's scheduler. Admins are warned after {batas} hours without a successful backup.",
);
const HISTORY: Text = ("Riwayat pencadangan", "Backup history");
const STARTED: Text = ("Mulai", "Started");
const KIND: Text = ("Jenis", "Kind");
const STATUS: Text = ("Status", "Status");
const SCHEDULED: Text = ("Terjadwal", "Scheduled");
const MANUAL: Text = ("Manual", "Manual");
const RUNNING: Text = ("Berjalan", "Running");
const OK: Text = ("Berhasil", "Succeeded");
const FAILED: Text = ("Gagal", "Failed");
const REMOVED: Text = ("dihapus oleh retensi", "removed by retention");

fn pick(lang: Lang, (id, en): Text) -> &'static str {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// Status sistem.
#[component]
pub fn SistemPage() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    if !auth.can(Permission::ManageUsers) {
        return view! {
            <PageHeader title=Key::NavSistem intro=Key::SistemIntro/>
            <Alert kind=AlertKind::Error message=Signal::derive(move || i18n.t(Key::NoAccess).to_owned())/>
        }
        .into_any();
    }
    let summary = Box::new(move || {
        load(async move {
            let r = api::sistem::cadangan().await?;
            Ok(built(move || view! { <Summary r=r.clone()/> }))
        })
    });
    // The reminders' silences are the HR office's (`manage_organisation`), the backups the
    // operator's (`manage_users`): the admin holds both.
    let jeda = auth
        .can(Permission::ManageOrganisation)
        .then(|| view! { <super::sistem_jeda::JedaSection/> });
    view! {
        <PageHeader title=Key::NavSistem intro=Key::SistemIntro/>
        <Loader load=summary/>
        {jeda}
    }
    .into_any()
}

#[component]
fn Summary(r: RingkasanCadangan) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |text: Text| pick(i18n.lang(), text);
    let warning = r.terlambat.then(|| {
        let (sejak, last) = (r.sejak, r.terakhir_berhasil.is_some());
        let message = Signal::derive(move || {
            let lang = i18n.lang();
            let hours = sejak
                .map(|s| {
                    let now = (js_sys::Date::now() / 1000.0) as i64;
                    ((now - s.timestamp()) / 3600).to_string()
                })
                .unwrap_or_default();
            let tanggal = sejak.map(|s| labels::datetime(lang, s)).unwrap_or_default();
            let text = if last { LATE } else { LATE_NEVER };
            fill(pick(lang, text), &[("tanggal", &tanggal), ("n", &hours)])
        });
        view! { <div id="cadangan-peringatan"><Alert kind=AlertKind::Error message=message/></div> }
    });
    let last = match r.terakhir_berhasil.clone() {
        None => view! { <p class="muted" id="cadangan-belum">{move || t(NONE_YET)}</p> }.into_any(),
        Some(c) => view! { <LastBackup c=c/> }.into_any(),
    };
    let jadwal = r.jadwal.clone();
    let batas = r.batas_jam;
    let schedule = move || {
        let lang = i18n.lang();
        let values = [
            ("jam", jadwal.interval_jam.to_string()),
            ("folder", jadwal.folder.clone()),
            ("harian", jadwal.simpan_harian.to_string()),
            ("mingguan", jadwal.simpan_mingguan.to_string()),
            ("batas", batas.to_string()),
        ];
        let params: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let text = if jadwal.interval_jam == 0 {
            SCHEDULE_OFF
        } else {
            SCHEDULE_ON
        };
        fill(pick(lang, text), &params)
    };
    let rows = r
        .riwayat
        .iter()
        .cloned()
        .map(|c| view! { <HistoryRow c=c/> })
        .collect_view();
    view! {
        {warning}
        <section class="card" aria-labelledby="cadangan-terakhir">
            <h2 id="cadangan-terakhir">{move || t(LAST)}</h2>
            {last}
        </section>
        <section class="card" aria-labelledby="cadangan-jadwal">
            <h2 id="cadangan-jadwal">{move || t(SCHEDULE)}</h2>
            <p id="cadangan-jadwal-teks">{schedule}</p>
        </section>
        <section class="card card--flush" aria-labelledby="cadangan-riwayat">
            <h2 id="cadangan-riwayat" class="card__title">{move || t(HISTORY)}</h2>
            <div class="table-wrap">
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">{move || t(STARTED)}</th>
                            <th scope="col">{move || t(KIND)}</th>
                            <th scope="col">{move || t(STATUS)}</th>
                            <th scope="col">{move || t(SIZE)}</th>
                            <th scope="col">{move || t(WHERE)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn LastBackup(c: Cadangan) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |text: Text| pick(i18n.lang(), text);
    let selesai = c.selesai_at.unwrap_or(c.mulai_at);
    let size = c.ukuran_byte.unwrap_or_default();
    let lokasi = c.lokasi.clone().unwrap_or_default();
    let files = c.jumlah_berkas.unwrap_or_default();
    let schema = c.versi_skema.clone().unwrap_or_default();
    view! {
        <dl class="details" id="cadangan-terakhir-isi">
            <div class="details__row">
                <dt>{move || t(WHEN)}</dt>
                <dd>{move || labels::datetime(i18n.lang(), selesai)}</dd>
            </div>
            <div class="details__row">
                <dt>{move || t(SIZE)}</dt>
                <dd id="cadangan-ukuran">{move || labels::file_size(i18n.lang(), size as f64)}</dd>
            </div>
            <div class="details__row">
                <dt>{move || t(WHERE)}</dt>
                <dd class="mono" id="cadangan-lokasi">{lokasi}</dd>
            </div>
            <div class="details__row">
                <dt>{move || t(FILES)}</dt>
                <dd>{files}</dd>
            </div>
            <div class="details__row">
                <dt>{move || t(SCHEMA)}</dt>
                <dd class="mono">{schema}</dd>
            </div>
        </dl>
    }
}

#[component]
fn HistoryRow(c: Cadangan) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |text: Text| pick(i18n.lang(), text);
    let kind = match c.jenis {
        JenisCadangan::Terjadwal => SCHEDULED,
        JenisCadangan::Manual => MANUAL,
    };
    let (status, failed) = match c.status {
        StatusCadangan::Berjalan => (RUNNING, false),
        StatusCadangan::Berhasil => (OK, false),
        StatusCadangan::Gagal => (FAILED, true),
    };
    let mulai = c.mulai_at;
    let size = c.ukuran_byte;
    let detail = if failed {
        c.galat.clone().unwrap_or_default()
    } else {
        c.lokasi.clone().unwrap_or_default()
    };
    let removed = c.dihapus;
    view! {
        <tr data-cadangan=c.id.to_string()>
            <td>{move || labels::datetime(i18n.lang(), mulai)}</td>
            <td>{move || t(kind)}</td>
            <td><span class="status" class:status--inactive=failed>{move || t(status)}</span></td>
            <td>{move || size.map(|s| labels::file_size(i18n.lang(), s as f64)).unwrap_or_default()}</td>
            <td>
                <span class="table__secondary mono">{detail}</span>
                {removed.then(|| view! { <span class="table__secondary">{move || t(REMOVED)}</span> })}
            </td>
        </tr>
    }
}
