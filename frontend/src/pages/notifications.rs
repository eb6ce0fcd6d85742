//! `/notifikasi`: my notifications, newest first, with mark-as-read; links open inside the
//! SPA.

use kinerja_api::evaluation::Predikat;
use kinerja_api::measurement::Verifikasi;
use kinerja_api::planning::{Notification, NotificationParams};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use crate::api;
use crate::components::shell::NotificationsChanged;
use crate::components::{Loader, PageHeader, built, load};
use crate::i18n::{Key, Lang, fill, text, tr, use_i18n};
use crate::labels;

/// The notification list.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let changed = use_context::<NotificationsChanged>();
    // Bumped to load the list again after marking notifications as read.
    let version = RwSignal::new(0_u32);
    let refresh = Callback::new(move |()| {
        version.update(|v| *v += 1);
        if let Some(c) = changed {
            c.0.update(|n| *n += 1);
        }
    });
    let list = Box::new(move || {
        version.track();
        load(async move {
            let page = api::notifications::list(false).await?;
            Ok(built(move || {
                let unread = page.belum_dibaca.to_string();
                let items = page.items.clone();
                view! {
                    <p class="muted">{move || fill(i18n.t(Key::UnreadCount), &[("n", &unread)])}</p>
                    {if items.is_empty() {
                        view! { <section class="card"><p class="empty muted">{tr(Key::NoNotifications)}</p></section> }.into_any()
                    } else {
                        view! {
                            <ul class="notifications">
                                {items.into_iter().map(|n| view! { <Item n=n refresh=refresh/> }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    }}
                }
            }))
        })
    });
    let mark_all = move |_| {
        spawn_local(async move {
            // A failure leaves the list as it is; the next load shows the truth.
            let _ = api::notifications::read_all().await;
            refresh.run(());
        });
    };
    view! {
        <PageHeader title=Key::NotificationsTitle intro=Key::NotificationsIntro>
            <button type="button" class="btn btn--secondary" on:click=mark_all>
                {tr(Key::MarkAllRead)}
            </button>
        </PageHeader>
        <Loader load=list/>
    }
}

#[component]
fn Item(n: Notification, refresh: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let changed = use_context::<NotificationsChanged>();
    let navigate = use_navigate();
    let id = n.id;
    let unread = n.dibaca_at.is_none();
    let created = n.created_at;
    let worded = n.clone();
    let open = n.tautan.clone().map(|href| {
        let navigate = navigate.clone();
        let target = href.clone();
        let go = move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            let navigate = navigate.clone();
            let target = target.clone();
            spawn_local(async move {
                if unread {
                    // Opening still works when marking fails.
                    let _ = api::notifications::read(id).await;
                    if let Some(c) = changed {
                        c.0.update(|n| *n += 1);
                    }
                }
                navigate(&target, Default::default());
            });
        };
        view! {
            <a class="btn btn--primary btn--small" href=href on:click=go>
                {tr(Key::Open)}
            </a>
        }
    });
    let mark = move |_| {
        spawn_local(async move {
            let _ = api::notifications::read(id).await;
            refresh.run(());
        });
    };
    view! {
        <li class="card notification" class:notification--unread=unread>
            <div class="notification__text">
                <p class="notification__title">
                    {unread.then(|| view! { <span class="badge">{tr(Key::Unread)}</span> " " })}
                    {
                        let worded = worded.clone();
                        move || wording(i18n.lang(), &worded).0
                    }
                </p>
                <p class="notification__body">{move || wording(i18n.lang(), &worded).1}</p>
                <p class="notification__time muted">{move || labels::datetime(i18n.lang(), created)}</p>
            </div>
            <div class="row-actions">
                {open}
                {unread.then(|| view! {
                    <button type="button" class="btn btn--secondary btn--small" on:click=mark>
                        {tr(Key::MarkRead)}
                    </button>
                })}
            </div>
        </li>
    }
}

/// Title and body of a notification in `lang`, from its kind and parameters; the stored
/// (Indonesian) text for kinds this SPA does not know or notifications without parameters.
pub(crate) fn wording(lang: Lang, n: &Notification) -> (String, String) {
    let stored = || (n.judul.clone(), n.pesan.clone());
    let Some(p) = n.params.as_ref() else {
        return stored();
    };
    let Some((judul, pesan)) = keys(&n.kind, p) else {
        return stored();
    };
    let periode = match (p.tahun, p.periode_ke) {
        (Some(t), Some(0) | None) => fill(text(lang, Key::YearN), &[("n", &t.to_string())]),
        (Some(t), Some(k)) => p.ritme.map_or_else(String::new, |r| {
            crate::components::sub_period_label(lang, r, t, k)
        }),
        _ => String::new(),
    };
    let hasil = p.hasil.as_deref().map_or_else(String::new, |h| {
        Predikat::parse(h)
            .map(|x| text(lang, crate::labels::predikat(x)).to_owned())
            .or_else(|| {
                Verifikasi::parse(h)
                    .map(|v| text(lang, crate::labels::verifikasi(Some(v))).to_owned())
            })
            .unwrap_or_else(|| h.to_owned())
    });
    let teks = p.teks.clone().unwrap_or_default();
    let values = [
        ("pegawai", p.pegawai.clone().unwrap_or_default()),
        ("tahun", p.tahun.map(|t| t.to_string()).unwrap_or_default()),
        ("periode", periode),
        ("hasil", hasil),
        ("teks", teks.clone()),
        (
            "tanggal",
            p.tanggal
                .map(|d| crate::labels::long_date(lang, d))
                .unwrap_or_default(),
        ),
        ("n", p.jumlah.map(|j| j.to_string()).unwrap_or_default()),
    ];
    let params: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let say = |key: Key| fill(text(lang, key), &params);
    let mut body = pesan.map_or_else(|| teks.clone(), say);
    // Extra sentences some kinds add.
    let note = match n.kind.as_str() {
        "skp.dikembalikan" | "bukti.diverifikasi" | "pengembangan.kebutuhan_diputuskan"
            if !teks.is_empty() =>
        {
            Some(say(Key::NtfCatatan))
        }
        "evaluasi_ditetapkan" if p.rencana_perbaikan == Some(true) => {
            Some(text(lang, Key::NtfEvalPlan).to_owned())
        }
        _ => None,
    };
    if let Some(note) = note {
        body = format!("{body} {note}");
    }
    (say(judul), body)
}

/// An escalation addressed to the Atasan PPKin rather than the PPKin.
fn atasan(p: &NotificationParams) -> bool {
    p.hasil.as_deref() == Some("atasan_ppkin")
}

/// The title and body keys of a kind (`None` for the body: the quoted text is the body).
fn keys(kind: &str, p: &NotificationParams) -> Option<(Key, Option<Key>)> {
    Some(match kind {
        "skp.atasan_belum_ditetapkan" => (Key::NtfAtasanBelumTitle, Some(Key::NtfAtasanBelumBody)),
        "skp.diajukan" => (Key::NtfSkpDiajukanTitle, Some(Key::NtfSkpDiajukanBody)),
        "skp.disetujui" => (Key::NtfSkpDisetujuiTitle, Some(Key::NtfSkpDisetujuiBody)),
        "skp.dikembalikan" => (
            Key::NtfSkpDikembalikanTitle,
            Some(Key::NtfSkpDikembalikanBody),
        ),
        "skp.dibuka_kembali" => (Key::NtfSkpDibukaTitle, Some(Key::NtfSkpDibukaBody)),
        "skp.rhk_dibagikan" => (Key::NtfRhkTitle, Some(Key::NtfRhkBody)),
        "evaluasi_ditetapkan" => (Key::NtfEvalTitle, Some(Key::NtfEvalBody)),
        "keberatan_diajukan" => (Key::NtfKeberatanTitle, Some(Key::NtfKeberatanBody)),
        "keberatan_menunggu_keputusan" => (Key::NtfMenungguTitle, Some(Key::NtfMenungguBody)),
        "keberatan_diputus" => (
            Key::NtfDiputusTitle,
            Some(if p.hasil.as_deref() == Some("diubah") {
                Key::NtfDiputusDiubah
            } else {
                Key::NtfDiputusTetap
            }),
        ),
        "rencana_perbaikan" => (Key::NtfRencanaTitle, Some(Key::NtfRencanaBody)),
        "umpan_balik.baru" => (Key::NtfUmpanBaruTitle, None),
        "umpan_balik.dibalas" => (Key::NtfUmpanDibalasTitle, None),
        "bukti.diverifikasi" => (Key::NtfBuktiTitle, Some(Key::NtfBuktiBody)),
        "periode_akan_terkunci" => (Key::NtfTerkunciTitle, Some(Key::NtfTerkunciBody)),
        "pengembangan.kebutuhan_diusulkan" => {
            (Key::NtfKebutuhanUsulTitle, Some(Key::NtfKebutuhanUsulBody))
        }
        "pengembangan.kebutuhan_diputuskan" => (
            Key::NtfKebutuhanTitle,
            Some(if p.hasil.as_deref() == Some("disetujui") {
                Key::NtfKebutuhanSetuju
            } else {
                Key::NtfKebutuhanTolak
            }),
        ),
        "pengembangan.catatan_diverifikasi" => (
            Key::NtfCatatanPengTitle,
            Some(if p.hasil.as_deref() == Some("diverifikasi") {
                Key::NtfCatatanTerima
            } else {
                Key::NtfCatatanTolak
            }),
        ),
        "pengembangan.jp_kurang" => (Key::NtfJpKurangTitle, Some(Key::NtfJpKurangBody)),
        "pengembangan.tim_kurang_jp" => (Key::NtfTimJpTitle, Some(Key::NtfTimJpBody)),
        "pengingat.skp_batas" => (Key::NtfSkpBatasTitle, Some(Key::NtfSkpBatasBody)),
        "pengingat.skp_menunggu" => (Key::NtfSkpMenungguTitle, Some(Key::NtfSkpMenungguBody)),
        "pengingat.skp_terlambat" => (
            Key::NtfSkpLewatTitle,
            Some(if atasan(p) {
                Key::NtfSkpLewatAtasan
            } else {
                Key::NtfSkpLewatBody
            }),
        ),
        "pengingat.realisasi_terlambat" => (
            Key::NtfRealisasiLewatTitle,
            Some(if atasan(p) {
                Key::NtfRealisasiLewatAtasan
            } else {
                Key::NtfRealisasiLewatBody
            }),
        ),
        "pengingat.evaluasi_batas" => (Key::NtfEvaluasiBatasTitle, Some(Key::NtfEvaluasiBatasBody)),
        "pengingat.evaluasi_terlambat" => {
            (Key::NtfEvaluasiLewatTitle, Some(Key::NtfEvaluasiLewatBody))
        }
        "pengingat.keberatan_menunggu" => (
            Key::NtfKeberatanLewatTitle,
            Some(Key::NtfKeberatanLewatBody),
        ),
        "pengingat.ringkasan_mingguan" => (Key::NtfRingkasanTitle, Some(Key::NtfRingkasanBody)),
        "privasi.baca_tidak_wajar" => (Key::NtfPrivasiTitle, Some(Key::NtfPrivasiBody)),
        "sistem.cadangan_terlambat" => (
            Key::NtfCadanganTitle,
            Some(if p.tanggal.is_some() {
                Key::NtfCadanganBody
            } else {
                Key::NtfCadanganBodyNever
            }),
        ),
        _ => return None,
    })
}
