//! `/skp/:id/pohon`: the pohon kinerja (the RHK of an SKP and, nested below, the subordinates'
//! RHK that intervene them), the orphaned RHK (RHK yatim), and for the owner of an approved SKP
//! the Matriks Peran Hasil: hand one RHK down to subordinates.

use kinerja_api::PageQuery;
use kinerja_api::employees::{Employee, EmployeeQuery};
use kinerja_api::planning::{
    Aspek, DistributeRhk, DistributionResult, Iki, Pohon, PohonRhk, StatusSkp,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::{StatusBadge, choices, digits, parse_number};
use crate::api::{self, ApiError};
use crate::components::{ErrorAlert, Field, Loader, Loading, PageHeader, SelectField, built, load};
use crate::forms::{self, FieldErrors};
use crate::i18n::{Key, fill, tr, use_i18n};
use crate::labels;
use crate::state::auth::use_auth;

/// The pohon kinerja of one SKP.
#[component]
pub fn SkpPohonPage() -> impl IntoView {
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| Uuid::parse_str(&id).ok())));
    let pohon = Box::new(move || {
        let id = id.get();
        load(async move {
            let pohon = api::skp::tree(id.ok_or_else(ApiError::not_found)?, KEDALAMAN).await?;
            Ok(built(move || view! { <Tree pohon=pohon.clone()/> }))
        })
    });
    let back = move || id.get().map(|id| format!("/skp/{id}")).unwrap_or_default();
    view! {
        <p class="back-link">
            <A href=back>
                <span aria-hidden="true">"← "</span>
                {tr(Key::BackToSkp)}
            </A>
        </p>
        <PageHeader title=Key::PohonTitle intro=Key::PohonIntro/>
        <Loader load=pohon/>
    }
}

/// Levels below the SKP's RHK read at once: a whole OPD's cascade is hundreds of RHK, so the
/// deeper branches are read when opened.
const KEDALAMAN: u8 = 2;

/// One RHK with its owner and, nested, the RHK that intervene it (or a button that reads them
/// when the tree was cut above them).
fn node(rhk: PohonRhk) -> AnyView {
    let owner = [Some(rhk.pegawai.nama_lengkap), rhk.pegawai.jabatan]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let children = if !rhk.turunan.is_empty() {
        Some(
            view! { <ul class="pohon__list">{rhk.turunan.into_iter().map(node).collect_view()}</ul> }
                .into_any(),
        )
    } else if rhk.turunan_lain > 0 {
        Some(view! { <Lanjutan skp_id=rhk.skp_id rhk_id=rhk.id n=rhk.turunan_lain/> }.into_any())
    } else {
        None
    };
    view! {
        <li class="pohon__node" class:pohon__node--yatim=rhk.yatim>
            <div class="pohon__item">
                <A href=format!("/skp/{}", rhk.skp_id) attr:class="pohon__text">{rhk.deskripsi}</A>
                <p class="pohon__owner muted">{owner}</p>
                <p class="skp-meta">
                    <StatusBadge status=rhk.status_skp/>
                    <span class="badge badge--muted">{tr(labels::jenis_rhk(rhk.jenis))}</span>
                    {rhk.yatim.then(|| view! { <span class="badge badge--yatim">{tr(Key::YatimBadge)}</span> })}
                </p>
            </div>
            {children}
        </li>
    }
    .into_any()
}

/// The RHK below a cut branch, read from the tree of the branch's SKP when the reader opens it.
#[component]
fn Lanjutan(skp_id: Uuid, rhk_id: Uuid, n: u32) -> impl IntoView {
    let i18n = use_i18n();
    let read = RwSignal::new(None::<Result<Vec<PohonRhk>, ApiError>>);
    let busy = RwSignal::new(false);
    let open = move |_| {
        busy.set(true);
        spawn_local(async move {
            let below = api::skp::tree(skp_id, KEDALAMAN).await.map(|p| {
                p.rhk
                    .into_iter()
                    .find(|r| r.id == rhk_id)
                    .map(|r| r.turunan)
                    .unwrap_or_default()
            });
            busy.set(false);
            read.set(Some(below));
        });
    };
    move || match read.get() {
        None => view! {
            <button type="button" class="btn btn--secondary btn--small pohon__more"
                on:click=open disabled=move || busy.get()>
                {move || if busy.get() {
                    i18n.t(Key::PohonMoreLoading).to_owned()
                } else {
                    fill(i18n.t(Key::PohonMore), &[("n", &n.to_string())])
                }}
            </button>
        }
        .into_any(),
        Some(Ok(list)) => {
            view! { <ul class="pohon__list">{list.into_iter().map(node).collect_view()}</ul> }
                .into_any()
        }
        Some(Err(e)) => view! { <ErrorAlert error=e/> }.into_any(),
    }
}

#[component]
fn Tree(pohon: Pohon) -> impl IntoView {
    let auth = use_auth();
    let own = auth
        .user()
        .is_some_and(|u| u.username == digits(&pohon.pegawai.nip));
    let approved = pohon
        .rhk
        .first()
        .is_some_and(|r| r.status_skp == StatusSkp::Disetujui);
    let options: Vec<(Uuid, String)> = pohon
        .rhk
        .iter()
        .map(|r| (r.id, r.deskripsi.clone()))
        .collect();
    let has_children = pohon
        .rhk
        .iter()
        .any(|r| !r.turunan.is_empty() || r.turunan_lain > 0);
    let tree = if has_children || !pohon.yatim.is_empty() {
        view! { <ul class="pohon">{pohon.rhk.into_iter().map(node).collect_view()}</ul> }.into_any()
    } else {
        view! { <p class="empty muted">{tr(Key::PohonEmpty)}</p> }.into_any()
    };
    let yatim = (!pohon.yatim.is_empty()).then(|| {
        view! {
            <section class="card card--skp card--yatim">
                <h2 class="card__title">{tr(Key::YatimTitle)}</h2>
                <p class="field__hint">{tr(Key::YatimIntro)}</p>
                <ul class="pohon">{pohon.yatim.into_iter().map(node).collect_view()}</ul>
            </section>
        }
    });
    let (skp_id, owner) = (pohon.skp_id, pohon.pegawai.employee_id);
    view! {
        <section class="card card--skp">
            <h2 class="card__title">{pohon.pegawai.nama_lengkap}</h2>
            {tree}
        </section>
        {yatim}
        {(own && approved && !options.is_empty())
            .then(|| view! { <Distribute skp_id=skp_id owner=owner options=options/> })}
    }
}

/// The employees of the owner's unit subtree, without the owner.
async fn candidates(owner: Uuid) -> Result<Vec<Employee>, ApiError> {
    let me = api::employees::get(owner).await?;
    let Some(unit) = me.unit_id else {
        return Ok(Vec::new());
    };
    let query = EmployeeQuery {
        within: Some(unit),
        ..EmployeeQuery::default()
    };
    let page = api::employees::list(
        &query,
        PageQuery {
            page: 1,
            per_page: 100,
        },
    )
    .await?;
    Ok(page.items.into_iter().filter(|e| e.id != owner).collect())
}

/// Matriks Peran Hasil: one RHK, the receiving subordinates, optional text and one IKI.
#[component]
fn Distribute(skp_id: Uuid, owner: Uuid, options: Vec<(Uuid, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let people = crate::components::background(move || candidates(owner));
    let rhk = RwSignal::new(options.first().map(|o| o.0.to_string()).unwrap_or_default());
    let rhk_options = Signal::stored(
        options
            .into_iter()
            .map(|(id, text)| (id.to_string(), text))
            .collect::<Vec<_>>(),
    );
    let chosen = RwSignal::new(Vec::<Uuid>::new());
    let deskripsi = RwSignal::new(String::new());
    let aspek = RwSignal::new(String::new());
    let indikator = RwSignal::new(String::new());
    let nilai = RwSignal::new(String::new());
    let satuan = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let results = RwSignal::new(None::<Vec<DistributionResult>>);
    let names = RwSignal::new(Vec::<(Uuid, String)>::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = FieldErrors::new();
        let bawahan = chosen.get_untracked();
        if bawahan.is_empty() {
            forms::push(&mut found, "bawahan", "Pilih 1 sampai 100 bawahan.");
        }
        let target = nilai.get_untracked();
        let target_nilai = parse_number(target.trim());
        if !target.trim().is_empty() && target_nilai.is_none_or(|v| v < 0.0) {
            forms::push(
                &mut found,
                "iki[0].target_nilai",
                "Target harus bilangan tidak negatif.",
            );
        }
        let Ok(rhk_id) = Uuid::parse_str(&rhk.get_untracked()) else {
            forms::push(&mut found, "rhk_id", "RHK tidak ditemukan pada SKP ini.");
            errors.set(found);
            return;
        };
        if !found.is_empty() {
            errors.set(found);
            return;
        }
        let text = |s: RwSignal<String>| {
            let t = s.get_untracked().trim().to_owned();
            (!t.is_empty()).then_some(t)
        };
        let iki = text(indikator)
            .map(|indikator| Iki {
                id: None,
                aspek: Aspek::parse(&aspek.get_untracked()),
                indikator,
                target_nilai,
                target_satuan: text(satuan),
                target_naratif: None,
                arah: None,
                perspektif: None,
                jenis_target: None,
                tenggat: None,
            })
            .into_iter()
            .collect();
        let request = DistributeRhk {
            rhk_id,
            bawahan,
            deskripsi: text(deskripsi),
            iki,
        };
        errors.set(FieldErrors::new());
        error.set(None);
        results.set(None);
        busy.set(true);
        spawn_local(async move {
            let result = api::skp::distribute(skp_id, &request).await;
            busy.set(false);
            match result {
                Ok(r) => results.set(Some(r)),
                Err(e) => {
                    errors.set(e.field_errors());
                    error.set(Some(e));
                }
            }
        });
    };
    let checkboxes = move || {
        people.get().map(|result| match result {
            Err(e) => view! {
                <ErrorAlert error=e/>
            }
            .into_any(),
            Ok(list) => {
                names.set(
                    list.iter()
                        .map(|e| (e.id, e.nama_lengkap.clone()))
                        .collect(),
                );
                if list.is_empty() {
                    return view! { <p class="muted">{tr(Key::NoBawahan)}</p> }.into_any();
                }
                list.into_iter()
                    .map(|e| {
                        let id = e.id;
                        let label = [Some(e.nama_lengkap), e.jabatan]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(" · ");
                        view! {
                            <label class="checkbox checkbox--row">
                                <input
                                    type="checkbox"
                                    prop:checked=move || chosen.with(|c| c.contains(&id))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        chosen.update(|c| {
                                            c.retain(|x| *x != id);
                                            if on {
                                                c.push(id);
                                            }
                                        });
                                        errors.update(|e| {
                                            e.remove("bawahan");
                                        });
                                    }
                                />
                                <span>{label}</span>
                            </label>
                        }
                    })
                    .collect_view()
                    .into_any()
            }
        })
    };
    let bawahan_error = move || {
        errors.with(|e| {
            e.get("bawahan").and_then(|m| m.first()).map(|m| {
                let m = m.clone();
                view! { <span class="field__message">{move || i18n.message(&m)}</span> }
            })
        })
    };
    let outcome = move || {
        results.get().map(|list| {
            let rows = list
                .into_iter()
                .map(|r| {
                    let name = names.with_untracked(|n| {
                        n.iter()
                            .find(|(id, _)| *id == r.employee_id)
                            .map(|(_, name)| name.clone())
                            .unwrap_or_else(|| r.employee_id.to_string())
                    });
                    let (class, key) = if r.ditambahkan {
                        ("badge skp-status--disetujui", Key::Added)
                    } else {
                        ("badge skp-status--dikembalikan", Key::NotAdded)
                    };
                    let why = r.keterangan;
                    view! {
                        <li class="distribution__item">
                            <span class="distribution__name">{name}</span>
                            <span class=class>{tr(key)}</span>
                            <span class="distribution__why">{move || i18n.message(&why)}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="distribution" role="status">
                    <h3 class="form-subheading">{tr(Key::DistributionResults)}</h3>
                    <ul class="plain-list">{rows}</ul>
                </div>
            }
        })
    };
    view! {
        <form class="card card--skp" novalidate on:submit=submit>
            <h2 class="card__title">{tr(Key::DistributeTitle)}</h2>
            <p class="field__hint">{tr(Key::DistributeIntro)}</p>
            {move || {
                error
                    .get()
                    .map(|e| view! { <ErrorAlert error=e/> })
            }}
            <SelectField name="rhk_id" label=Key::DistributeRhk value=rhk errors=errors options=rhk_options required=true/>
            <fieldset class="field" class:field--invalid=move || errors.with(|e| e.contains_key("bawahan"))>
                <legend class="field__label">{tr(Key::Bawahan)}</legend>
                <div class="checkbox-list">
                    {move || checkboxes().unwrap_or_else(|| view! { <Loading/> }.into_any())}
                </div>
                <p class="field__error">{bawahan_error}</p>
            </fieldset>
            <Field name="deskripsi" label=Key::DeskripsiOverride value=deskripsi errors=errors autocomplete="off" hint=Key::DeskripsiOverrideHint/>
            <h3 class="form-subheading">{tr(Key::SuggestedIki)}</h3>
            <div class="iki-grid">
                <SelectField name="iki[0].aspek" label=Key::Aspek value=aspek errors=errors options=choices(Aspek::ALL, Aspek::as_str, labels::aspek) empty=Key::ChooseOption/>
                <Field name="iki[0].indikator" label=Key::Indikator value=indikator errors=errors autocomplete="off"/>
                <Field name="iki[0].target_nilai" label=Key::TargetNilai value=nilai errors=errors autocomplete="off" inputmode="decimal"/>
                <Field name="iki[0].target_satuan" label=Key::TargetSatuan value=satuan errors=errors autocomplete="off"/>
            </div>
            <div class="form-actions">
                <button type="submit" class="btn btn--primary" disabled=move || busy.get()>
                    {move || i18n.t(if busy.get() { Key::Distributing } else { Key::Distribute })}
                </button>
            </div>
            {outcome}
        </form>
    }
}
