//! `/pengembangan/rencana`: the instansi's yearly development plan — its versions, the totals
//! per unit, the activities of a unit (edited while draft), who in it is still below 20 JP
//! (planned here for them), penetapan, the next version, and the XLSX.

use kinerja_api::Page;
use kinerja_api::pengembangan::{BentukPengembangan, Kompetensi};
use kinerja_api::pengembangan_rencana::{
    BuatItemRencana, ItemRencana, PegawaiBelum20Jp, RencanaDetail, RencanaPengembangan,
    StatusRencana, TetapkanRencana, UbahItemRencana,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::{PagerSignal, YearPicker, bentuk_label, jp_text, this_year};
use crate::api::{self, ApiError};
use crate::components::ErrorAlert;
use crate::forms::FieldErrors;
use crate::i18n::pengembangan::{PKey, ptext, tp};
use crate::i18n::{Lang, fill, use_i18n};
use crate::labels;

const BENTUK: [BentukPengembangan; 17] = {
    use BentukPengembangan::*;
    [
        Diklat,
        Bimtek,
        Seminar,
        Workshop,
        Kursus,
        Penataran,
        Sosialisasi,
        ELearning,
        PelatihanJarakJauh,
        Coaching,
        Mentoring,
        Magang,
        Detasering,
        PatokBanding,
        KomunitasBelajar,
        BelajarMandiri,
        Pendidikan,
    ]
};

fn rupiah(lang: Lang, v: i64) -> String {
    labels::decimal(lang, v as f64)
}

fn month_name(lang: Lang, year: i32, b: Option<i32>) -> String {
    match b.and_then(|b| u32::try_from(b - 1).ok()) {
        Some(m) if m < 12 => labels::month(lang, year, m),
        _ => "—".to_owned(),
    }
}

/// Shared state of the page: what is selected and a counter that reloads everything.
#[derive(Clone, Copy)]
struct Ctx {
    year: RwSignal<i32>,
    reload: RwSignal<u32>,
    plan: RwSignal<Option<Uuid>>,
    unit: RwSignal<Option<(Uuid, String)>>,
    failure: RwSignal<Option<ApiError>>,
    notice: RwSignal<Option<String>>,
}

impl Ctx {
    fn bump(self) {
        self.reload.update(|v| *v += 1);
    }
}

#[component]
pub fn PengembanganRencanaPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        document().set_title(&format!("{} · Kinerja", ptext(i18n.lang(), PKey::RnTitle)));
    });
    let ctx = Ctx {
        year: RwSignal::new(this_year()),
        reload: RwSignal::new(0),
        plan: RwSignal::new(None),
        unit: RwSignal::new(None),
        failure: RwSignal::new(None),
        notice: RwSignal::new(None),
    };
    let versions = RwSignal::new(None::<Result<Vec<RencanaPengembangan>, ApiError>>);
    Effect::new(move |prev: Option<i32>| {
        let y = ctx.year.get();
        ctx.reload.track();
        if prev.is_some_and(|p| p != y) {
            ctx.plan.set(None);
            ctx.unit.set(None);
        }
        spawn_local(async move {
            let answer = api::pengembangan_rencana::versi(y).await;
            if let Ok(list) = &answer {
                let keep = ctx
                    .plan
                    .get_untracked()
                    .filter(|id| list.iter().any(|v| v.id == *id));
                ctx.plan.set(keep.or_else(|| list.first().map(|v| v.id)));
            }
            versions.set(Some(answer));
        });
        y
    });
    let busy = RwSignal::new(false);
    let konsolidasi = move |_| {
        busy.set(true);
        ctx.failure.set(None);
        let y = ctx.year.get_untracked();
        spawn_local(async move {
            match api::pengembangan_rencana::konsolidasi(y).await {
                Ok(h) => {
                    ctx.plan.set(Some(h.rencana.id));
                    ctx.notice.set(Some(fill(
                        ptext(i18n.lang(), PKey::RnConsolidated),
                        &[("n", &h.ditambahkan.to_string())],
                    )));
                    ctx.bump();
                }
                Err(e) => ctx.failure.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let may_draft = move || {
        versions.with(|v| match v {
            Some(Ok(list)) => list.first().is_none_or(|p| p.boleh_kelola),
            _ => false,
        })
    };
    view! {
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title">{tp(PKey::RnTitle)}</h1>
                <p class="page-header__intro">{tp(PKey::RnIntro)}</p>
            </div>
            <div class="page-header__actions filters">
                <YearPicker year=ctx.year/>
                <Show when=may_draft>
                    <button type="button" class="btn btn--primary" disabled=move || busy.get() on:click=konsolidasi>
                        {tp(PKey::RnConsolidate)}
                    </button>
                </Show>
            </div>
        </header>
        {move || ctx.notice.get().map(|n| view! { <p class="alert alert--success" role="status">{n}</p> })}
        {move || ctx.failure.get().map(|e| view! { <ErrorAlert error=e/> })}
        {move || match versions.get() {
            None => view! { <p class="muted">{tp(PKey::Loading)}</p> }.into_any(),
            Some(Err(e)) => view! { <ErrorAlert error=e/> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <section class="card dev-card"><p class="muted">{tp(PKey::RnNone)}</p></section> }.into_any(),
            Some(Ok(list)) => {
                let selected = list.iter().find(|v| Some(v.id) == ctx.plan.get()).cloned();
                view! {
                    <nav class="filters" aria-label=move || ptext(i18n.lang(), PKey::RnVersion)>
                        {list.into_iter().map(|v| {
                            let id = v.id;
                            let status = v.status;
                            let label = move || fill(ptext(i18n.lang(), PKey::RnVersionOf), &[
                                ("v", &v.versi.to_string()),
                                ("s", ptext(i18n.lang(), if status == StatusRencana::Ditetapkan { PKey::RnSet } else { PKey::RnDraft })),
                            ]);
                            view! {
                                <button type="button"
                                    class=move || if ctx.plan.get() == Some(id) { "btn btn--primary" } else { "btn btn--secondary" }
                                    aria-pressed=move || (ctx.plan.get() == Some(id)).to_string()
                                    on:click=move |_| { ctx.plan.set(Some(id)); ctx.unit.set(None); }>
                                    {label}
                                </button>
                            }
                        }).collect_view()}
                    </nav>
                    {selected.map(|p| view! { <PlanView plan=p ctx=ctx/> })}
                }.into_any()
            }
        }}
    }
}

#[component]
fn PlanView(plan: RencanaPengembangan, ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let id = plan.id;
    let lock = plan.lock_version;
    let draft = plan.status == StatusRencana::Draft;
    let kelola = plan.boleh_kelola && draft;
    let page = RwSignal::new(1u64);
    let detail = RwSignal::new(None::<Result<RencanaDetail, ApiError>>);
    Effect::new(move |_| {
        let p = page.get();
        ctx.reload.track();
        spawn_local(async move {
            detail.set(Some(api::pengembangan_rencana::detail(id, p).await));
        });
    });
    let note = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let tetapkan = move |_| {
        if !window()
            .confirm_with_message(ptext(i18n.lang(), PKey::RnSetConfirm))
            .unwrap_or(false)
        {
            return;
        }
        let request = TetapkanRencana {
            lock_version: lock,
            catatan: Some(note.get_untracked().trim().to_owned()).filter(|c| !c.is_empty()),
        };
        busy.set(true);
        spawn_local(async move {
            match api::pengembangan_rencana::tetapkan(id, &request).await {
                Ok(_) => ctx.bump(),
                Err(e) => ctx.failure.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let revisi = move |_| {
        busy.set(true);
        spawn_local(async move {
            match api::pengembangan_rencana::revisi(id, lock).await {
                Ok(next) => {
                    ctx.plan.set(Some(next.id));
                    ctx.bump();
                }
                Err(e) => ctx.failure.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let xlsx_name = format!("rencana-pengembangan-{}-v{}.xlsx", plan.tahun, plan.versi);
    let unduh = move |_| {
        let name = xlsx_name.clone();
        spawn_local(async move {
            if let Err(e) = api::pengembangan_rencana::unduh_xlsx(id, &name).await {
                ctx.failure.set(Some(e));
            }
        });
    };
    let p = plan.clone();
    let totals = move || {
        fill(
            ptext(i18n.lang(), PKey::RnTotals),
            &[
                ("i", &p.jumlah_item.to_string()),
                ("jp", &p.jumlah_jp.to_string()),
                ("rp", &rupiah(i18n.lang(), p.jumlah_anggaran)),
            ],
        )
    };
    let set_by = plan.ditetapkan_at.map(|at| {
        let nama = plan.ditetapkan_oleh_nama.clone().unwrap_or_default();
        move || {
            fill(
                ptext(i18n.lang(), PKey::RnSetBy),
                &[
                    ("d", &labels::long_date(i18n.lang(), at.date_naive())),
                    ("n", &nama),
                ],
            )
        }
    });
    let can_set = plan.boleh_tetapkan;
    let can_revise = plan.boleh_kelola && !draft && plan.terbaru;
    let catatan = plan.catatan.clone();
    view! {
        <section class="card dev-card">
            <h2 class="card__title">{plan.instansi_nama.clone()} " · " {plan.tahun} " · " {tp(PKey::RnVersion)} " " {plan.versi}</h2>
            <p class="jp__figure">{totals}</p>
            {set_by.map(|s| view! { <p class="muted">{s}</p> })}
            {catatan.map(|c| view! { <p class="muted">{c}</p> })}
            <div class="form-actions">
                <button type="button" class="btn btn--secondary" on:click=unduh>{tp(PKey::RnXlsx)}</button>
                {can_revise.then(|| view! {
                    <button type="button" class="btn btn--secondary" disabled=move || busy.get() on:click=revisi>{tp(PKey::RnRevise)}</button>
                })}
            </div>
            {can_set.then(|| view! {
                <div class="decide">
                    <div class="field">
                        <label class="field__label" for="rn-note">{tp(PKey::RnSetNote)}</label>
                        <input id="rn-note" class="field__input" bind:value=note maxlength="2000"/>
                    </div>
                    <div class="form-actions">
                        <button type="button" class="btn btn--primary" disabled=move || busy.get() on:click=tetapkan>{tp(PKey::RnSetAction)}</button>
                    </div>
                </div>
            })}
        </section>
        <section class="card card--flush">
            <h2 class="card__title card__title--padded">{tp(PKey::RnUnits)}</h2>
            {move || match detail.get() {
                None => view! { <p class="card__body muted">{tp(PKey::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <div class="card__body"><ErrorAlert error=e/></div> }.into_any(),
                Some(Ok(d)) => {
                    let pages = d.unit.pages();
                    view! {
                        <div class="table-wrap"><table class="table">
                            <thead><tr>
                                <th scope="col">{tp(PKey::Unit)}</th>
                                <th scope="col" class="num">{tp(PKey::RnItems)}</th>
                                <th scope="col" class="num">{tp(PKey::Jp)}</th>
                                <th scope="col" class="num">{tp(PKey::RnBudget)}</th>
                                <th scope="col" class="num">{tp(PKey::RnStaff)}</th>
                                <th scope="col" class="num">{tp(PKey::RnBelow)}</th>
                            </tr></thead>
                            <tbody>{d.unit.items.into_iter().map(|u| {
                                let uid = u.unit_id;
                                let nama = u.unit_nama.clone();
                                view! {
                                    <tr class=move || if ctx.unit.get().is_some_and(|(x, _)| x == uid) { "is-selected" } else { "" }>
                                        <td><button type="button" class="btn btn--secondary btn--small" on:click=move |_| ctx.unit.set(Some((uid, nama.clone())))>{u.unit_nama.clone()}</button></td>
                                        <td class="num">{u.jumlah_item}</td>
                                        <td class="num">{u.jumlah_jp}</td>
                                        <td class="num">{move || rupiah(i18n.lang(), u.jumlah_anggaran)}</td>
                                        <td class="num">{u.jumlah_pegawai}</td>
                                        <td class="num">{u.belum_20_jp}</td>
                                    </tr>
                                }
                            }).collect_view()}</tbody>
                        </table></div>
                        <PagerSignal page=page pages=pages/>
                    }.into_any()
                }
            }}
        </section>
        {move || match ctx.unit.get() {
            None => view! { <p class="muted">{tp(PKey::RnChooseUnit)}</p> }.into_any(),
            Some((uid, nama)) => view! {
                <UnitItems plan=id year=plan.tahun lock=lock kelola=kelola unit=uid nama=nama.clone() ctx=ctx/>
                <Below plan=id lock=lock kelola=kelola unit=uid nama=nama ctx=ctx/>
            }.into_any(),
        }}
    }
}

fn field_error(errors: RwSignal<FieldErrors>, field: &'static str) -> impl Fn() -> Option<String> {
    let i18n = use_i18n();
    move || {
        errors.with(|e| {
            e.get(field).map(|m| {
                m.iter()
                    .map(|t| i18n.message(t))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        })
    }
}

#[component]
fn UnitItems(
    plan: Uuid,
    year: i32,
    lock: i32,
    kelola: bool,
    unit: Uuid,
    nama: String,
    ctx: Ctx,
) -> impl IntoView {
    let page = RwSignal::new(1u64);
    let list = RwSignal::new(None::<Result<Page<ItemRencana>, ApiError>>);
    Effect::new(move |_| {
        let p = page.get();
        ctx.reload.track();
        spawn_local(async move {
            list.set(Some(
                api::pengembangan_rencana::items(plan, Some(unit), p).await,
            ));
        });
    });
    view! {
        <section class="card card--flush">
            <h2 class="card__title card__title--padded">{tp(PKey::RnItems)} " · " {nama}</h2>
            {move || match list.get() {
                None => view! { <p class="card__body muted">{tp(PKey::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <div class="card__body"><ErrorAlert error=e/></div> }.into_any(),
                Some(Ok(p)) => {
                    let pages = p.pages();
                    view! {
                        <ul class="records">
                            {p.items.into_iter().map(|it| view! { <ItemRow item=it year=year lock=lock kelola=kelola ctx=ctx/> }).collect_view()}
                        </ul>
                        <PagerSignal page=page pages=pages/>
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn ItemRow(item: ItemRencana, year: i32, lock: i32, kelola: bool, ctx: Ctx) -> impl IntoView {
    let i18n = use_i18n();
    let editing = RwSignal::new(false);
    let provider = RwSignal::new(item.penyelenggara.clone().unwrap_or_default());
    let month = RwSignal::new(
        item.bulan_rencana
            .map(|b| b.to_string())
            .unwrap_or_default(),
    );
    let jp = RwSignal::new(item.jp.to_string());
    let budget = RwSignal::new(item.anggaran.to_string());
    let errors = RwSignal::new(FieldErrors::new());
    let (plan, id) = (item.rencana_id, item.id);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = UbahItemRencana {
            lock_version: lock,
            bentuk: None,
            penyelenggara: Some(provider.get_untracked().trim().to_owned()),
            bulan_rencana: month.get_untracked().parse().ok(),
            jp: jp.get_untracked().trim().parse().ok(),
            anggaran: budget.get_untracked().trim().parse().ok(),
        };
        spawn_local(async move {
            match api::pengembangan_rencana::ubah_item(plan, id, &request).await {
                Ok(_) => {
                    editing.set(false);
                    ctx.bump();
                }
                Err(e) => {
                    errors.set(e.field_errors());
                    if e.field_errors().is_empty() {
                        ctx.failure.set(Some(e));
                    }
                }
            }
        });
    };
    let hapus = move |_| {
        spawn_local(async move {
            match api::pengembangan_rencana::hapus_item(plan, id, lock).await {
                Ok(()) => ctx.bump(),
                Err(e) => ctx.failure.set(Some(e)),
            }
        });
    };
    let it = item.clone();
    let from_need = item.kebutuhan_id.is_some();
    view! {
        <li class="record">
            <div class="record__main">
                <p class="record__title"><strong>{it.pegawai_nama.clone()}</strong> " · " {it.kompetensi_nama.clone()}</p>
                <p class="muted">
                    {move || bentuk_label(it.bentuk, i18n.lang())} " · "
                    {it.penyelenggara.clone().unwrap_or_else(|| "—".to_owned())} " · "
                    {move || month_name(i18n.lang(), year, it.bulan_rencana)} " · "
                    {format!("{} JP", it.jp)} " · Rp " {move || rupiah(i18n.lang(), it.anggaran)} " · "
                    {move || ptext(i18n.lang(), if from_need { PKey::RnFromNeed } else { PKey::RnByHand })}
                </p>
                {kelola.then(|| view! {
                    <div class="form-actions">
                        <button type="button" class="btn btn--secondary" on:click=move |_| editing.update(|e| *e = !*e)>{tp(PKey::RnEdit)}</button>
                        <button type="button" class="btn btn--secondary" on:click=hapus>{tp(PKey::Delete)}</button>
                    </div>
                })}
                <Show when=move || editing.get()>
                    <form class="form form--inline" on:submit=save novalidate>
                        <div class="field">
                            <label class="field__label" for=format!("rn-pv-{id}")>{tp(PKey::RnProvider)}</label>
                            <input id=format!("rn-pv-{id}") class="field__input" bind:value=provider maxlength="200"/>
                            <p class="field__error" role="alert">{field_error(errors, "penyelenggara")}</p>
                        </div>
                        <div class="field">
                            <label class="field__label" for=format!("rn-m-{id}")>{tp(PKey::RnMonth)}</label>
                            <select id=format!("rn-m-{id}") class="field__input field__select" bind:value=month>
                                <option value="">{tp(PKey::RnNoMonth)}</option>
                                {(1..=12).map(|m| view! { <option value=m.to_string()>{move || month_name(i18n.lang(), year, Some(m))}</option> }).collect_view()}
                            </select>
                            <p class="field__error" role="alert">{field_error(errors, "bulan_rencana")}</p>
                        </div>
                        <div class="field">
                            <label class="field__label" for=format!("rn-jp-{id}")>{tp(PKey::Jp)}</label>
                            <input id=format!("rn-jp-{id}") class="field__input" type="number" min="1" max="1000" bind:value=jp/>
                            <p class="field__error" role="alert">{field_error(errors, "jp")}</p>
                        </div>
                        <div class="field">
                            <label class="field__label" for=format!("rn-rp-{id}")>{tp(PKey::RnBudget)}</label>
                            <input id=format!("rn-rp-{id}") class="field__input" type="number" min="0" bind:value=budget/>
                            <p class="field__error" role="alert">{field_error(errors, "anggaran")}</p>
                        </div>
                        <button type="submit" class="btn btn--primary">{tp(PKey::Save)}</button>
                    </form>
                </Show>
            </div>
        </li>
    }
}

#[component]
fn Below(plan: Uuid, lock: i32, kelola: bool, unit: Uuid, nama: String, ctx: Ctx) -> impl IntoView {
    let page = RwSignal::new(1u64);
    let list = RwSignal::new(None::<Result<Page<PegawaiBelum20Jp>, ApiError>>);
    Effect::new(move |_| {
        let p = page.get();
        ctx.reload.track();
        spawn_local(async move {
            list.set(Some(
                api::pengembangan_rencana::belum_20_jp(plan, Some(unit), p).await,
            ));
        });
    });
    let competencies = RwSignal::new(Vec::<Kompetensi>::new());
    if kelola {
        spawn_local(async move {
            if let Ok(l) = api::pengembangan::kompetensi(false).await {
                competencies.set(l);
            }
        });
    }
    view! {
        <section class="card card--flush">
            <h2 class="card__title card__title--padded">{tp(PKey::RnBelow)} " · " {nama}</h2>
            <p class="card__body muted">{tp(PKey::RnBelowIntro)}</p>
            {move || match list.get() {
                None => view! { <p class="card__body muted">{tp(PKey::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <div class="card__body"><ErrorAlert error=e/></div> }.into_any(),
                Some(Ok(p)) if p.items.is_empty() => view! { <p class="empty muted">{tp(PKey::RnBelowEmpty)}</p> }.into_any(),
                Some(Ok(p)) => {
                    let pages = p.pages();
                    view! {
                        <div class="table-wrap"><table class="table">
                            <thead><tr>
                                <th scope="col">{tp(PKey::Name)}</th>
                                <th scope="col" class="num">{tp(PKey::RnPlanned)}</th>
                                <th scope="col" class="num">{tp(PKey::RnVerified)}</th>
                                <th scope="col" class="num">{tp(PKey::RnMissing)}</th>
                                {kelola.then(|| view! { <th scope="col"></th> })}
                            </tr></thead>
                            <tbody>{p.items.into_iter().map(|e| view! {
                                <BelowRow person=e plan=plan lock=lock kelola=kelola competencies=competencies ctx=ctx/>
                            }).collect_view()}</tbody>
                        </table></div>
                        <PagerSignal page=page pages=pages/>
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn BelowRow(
    person: PegawaiBelum20Jp,
    plan: Uuid,
    lock: i32,
    kelola: bool,
    competencies: RwSignal<Vec<Kompetensi>>,
    ctx: Ctx,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let komp = RwSignal::new(String::new());
    let bentuk = RwSignal::new(BentukPengembangan::Diklat.as_str().to_owned());
    let missing = person.jp_kurang.ceil().max(1.0) as i32;
    let jp = RwSignal::new(missing.to_string());
    let budget = RwSignal::new("0".to_owned());
    let errors = RwSignal::new(FieldErrors::new());
    let employee = person.employee_id;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(kompetensi_id) = Uuid::parse_str(&komp.get_untracked()) else {
            errors.set(FieldErrors::from([(
                "kompetensi_id".to_owned(),
                vec![ptext(i18n.lang(), PKey::ChooseCompetency).to_owned()],
            )]));
            return;
        };
        let request = BuatItemRencana {
            lock_version: lock,
            employee_id: employee,
            kompetensi_id,
            bentuk: BentukPengembangan::parse(&bentuk.get_untracked())
                .unwrap_or(BentukPengembangan::Diklat),
            penyelenggara: None,
            bulan_rencana: None,
            jp: jp.get_untracked().trim().parse().unwrap_or(0),
            anggaran: budget.get_untracked().trim().parse().unwrap_or(-1),
        };
        spawn_local(async move {
            match api::pengembangan_rencana::tambah_item(plan, &request).await {
                Ok(_) => {
                    open.set(false);
                    ctx.bump();
                }
                Err(e) => {
                    errors.set(e.field_errors());
                    if e.field_errors().is_empty() {
                        ctx.failure.set(Some(e));
                    }
                }
            }
        });
    };
    let p = person.clone();
    view! {
        <tr>
            <td>{p.nama.clone()}<br/><span class="muted">{p.nip.clone()}</span></td>
            <td class="num">{p.jp_direncanakan}</td>
            <td class="num">{move || jp_text(i18n.lang(), p.jp_terverifikasi)}</td>
            <td class="num">{move || jp_text(i18n.lang(), p.jp_kurang)}</td>
            {kelola.then(|| view! {
                <td><button type="button" class="btn btn--secondary" on:click=move |_| open.update(|o| *o = !*o)>{tp(PKey::RnPlanFor)}</button></td>
            })}
        </tr>
        <Show when=move || open.get()>
            <tr><td colspan="5">
                <form class="form form--inline" on:submit=submit novalidate>
                    <div class="field">
                        <label class="field__label" for=format!("rn-k-{employee}")>{tp(PKey::Competency)}</label>
                        <select id=format!("rn-k-{employee}") class="field__input field__select" bind:value=komp>
                            <option value="">{tp(PKey::ChooseCompetency)}</option>
                            {move || competencies.get().into_iter().map(|k| view! { <option value=k.id.to_string()>{k.nama.clone()}</option> }).collect_view()}
                        </select>
                        <p class="field__error" role="alert">{field_error(errors, "kompetensi_id")}</p>
                    </div>
                    <div class="field">
                        <label class="field__label" for=format!("rn-b-{employee}")>{tp(PKey::Bentuk)}</label>
                        <select id=format!("rn-b-{employee}") class="field__input field__select" bind:value=bentuk>
                            {BENTUK.iter().map(|b| { let b = *b; view! { <option value=b.as_str()>{move || bentuk_label(b, i18n.lang())}</option> } }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label class="field__label" for=format!("rn-j-{employee}")>{tp(PKey::Jp)}</label>
                        <input id=format!("rn-j-{employee}") class="field__input" type="number" min="1" max="1000" bind:value=jp/>
                        <p class="field__error" role="alert">{field_error(errors, "jp")}</p>
                    </div>
                    <div class="field">
                        <label class="field__label" for=format!("rn-a-{employee}")>{tp(PKey::RnBudget)}</label>
                        <input id=format!("rn-a-{employee}") class="field__input" type="number" min="0" bind:value=budget/>
                        <p class="field__error" role="alert">{field_error(errors, "anggaran")}</p>
                    </div>
                    <button type="submit" class="btn btn--primary">{tp(PKey::Save)}</button>
                </form>
            </td></tr>
        </Show>
    }
}
