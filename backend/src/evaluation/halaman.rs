//! The evaluation page of an SKP and sub-period: ratings, suggested ratings, the unit's
//! distribution, objection, improvement plan and history; and the PPKin's work list of pages.

use kinerja_api::Pesan;
use std::collections::{HashMap, HashSet};

use kinerja_api::evaluation::{self as rules, AmbangSaran, Predikat, Rating};
use kinerja_api::penilaian::{
    DistribusiQuery, DistribusiUnit, Evaluasi, EvaluasiView, ItemPerbaikan, Keberatan,
    KeputusanKeberatan, RencanaPerbaikan, SaranRating, StatusEvaluasi, VersiEvaluasi,
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::entities::{
    employees, evaluation_versions, evaluations, feedback, keberatan, perbaikan_items, periods,
    rencana_perbaikan, skps,
};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::measurement::tahun::Tahun;

use super::organisasi::distribusi;
use super::service::{Kebijakan, check_periode};
use crate::planning::{access, versi};

pub(crate) fn rating(v: Option<&str>) -> Option<Rating> {
    v.and_then(Rating::parse)
}

fn dto(m: &evaluations::Model) -> Evaluasi {
    Evaluasi {
        id: m.id,
        skp_id: m.skp_id,
        periode_ke: m.periode_ke,
        rating_hasil: rating(m.rating_hasil.as_deref()),
        rating_perilaku: rating(m.rating_perilaku.as_deref()),
        predikat: m.predikat.as_deref().and_then(Predikat::parse),
        catatan_hasil: m.catatan_hasil.clone(),
        catatan_perilaku: m.catatan_perilaku.clone(),
        rekomendasi: m.rekomendasi.clone(),
        hasil_dari_organisasi: m.hasil_dari_organisasi,
        status: m.status(),
        versi: m.versi,
        ditetapkan_at: m.ditetapkan_at,
        batas_keberatan: m.batas_keberatan,
    }
}

pub(crate) async fn find_eval(
    db: &impl ConnectionTrait,
    skp_id: Uuid,
    k: i32,
) -> AppResult<Option<evaluations::Model>> {
    Ok(evaluations::Entity::find()
        .filter(evaluations::Column::SkpId.eq(skp_id))
        .filter(evaluations::Column::PeriodeKe.eq(k))
        .one(db)
        .await?)
}

/// The suggestion from capaian (per IKI, averaged over the year for the annual evaluation)
/// and from the tags of the feedback given in the period (positive, negative).
fn saran(
    tahun: &Tahun,
    (positif, negatif): (u32, u32),
    k: i32,
    ambang: AmbangSaran,
) -> SaranRating {
    // The sub-period's capaian per indicator, or the year's (realisasi of the whole year
    // against the yearly target), read across the versions of the year.
    let capaian = tahun.capaian_indikator(k);
    let rata = (!capaian.is_empty()).then(|| {
        let avg = capaian.iter().map(|c| c.0).sum::<f64>() / capaian.len() as f64;
        (avg * 100.0).round() / 100.0
    });
    let rating_hasil = rules::saran_rating_hasil(&capaian, ambang);
    SaranRating {
        rating_hasil,
        rating_perilaku: rules::saran_rating_perilaku(positif, negatif),
        capaian_rata_rata: rata,
        umpan_balik_positif: positif,
        umpan_balik_negatif: negatif,
        keterangan: format!(
            "Saran sistem dari {} indikator berrealisasi (di atas ekspektasi bila capaian ≥ {} %, di bawah bila < {} %) dan {positif} umpan balik positif / {negatif} negatif. Rating tetap keputusan Pejabat Penilai Kinerja.",
            capaian.len(),
            ambang.di_atas,
            ambang.sesuai
        ),
    }
}

/// What the evaluation pages of some SKPs of one period and sub-period need, read for all of
/// them at once: a work list costs the same few queries for twelve people as for one.
struct Bekal {
    tahun: HashMap<Uuid, Tahun>,
    /// Positive and negative feedback per employee.
    tags: HashMap<Uuid, (u32, u32)>,
    evals: HashMap<Uuid, evaluations::Model>,
    keberatan: HashMap<Uuid, Keberatan>,
    plans: HashMap<Uuid, RencanaPerbaikan>,
    riwayat: HashMap<Uuid, Vec<VersiEvaluasi>>,
    /// Development records per employee since this sub-period began.
    pengembangan: HashMap<Uuid, Vec<kinerja_api::pengembangan::PengembanganTerakhir>>,
}

impl Bekal {
    /// `versions`: each employee's approved versions of the year when the caller read them.
    async fn load(
        db: &impl ConnectionTrait,
        period: &periods::Model,
        skps: &[skps::Model],
        k: i32,
        versions: Option<HashMap<Uuid, versi::Versions>>,
    ) -> AppResult<Self> {
        // A sub-period's suggestion reads that sub-period's realisasi only; the year's, all.
        let hanya = (k != 0).then_some(k);
        let tahun = match versions {
            Some(v) => Tahun::load_many_in(db, period, v, skps, hanya).await?,
            None => Tahun::load_many(db, period, skps, hanya).await?,
        };
        let employee_of: HashMap<Uuid, Uuid> = tahun
            .iter()
            .flat_map(|(e, t)| t.versions.all().iter().map(move |(v, _)| (v.id, *e)))
            .collect();
        let mut q = feedback::Entity::find()
            .select_only()
            .columns([feedback::Column::SkpId, feedback::Column::Tag])
            .filter(feedback::Column::SkpId.is_in(employee_of.keys().copied()))
            .filter(feedback::Column::ParentId.is_null());
        if k != 0 {
            q = q.filter(feedback::Column::PeriodeKe.eq(k));
        }
        let mut tags: HashMap<Uuid, (u32, u32)> = HashMap::new();
        for (skp, tag) in q.into_tuple::<(Uuid, Option<String>)>().all(db).await? {
            let Some(e) = employee_of.get(&skp) else {
                continue;
            };
            let t = tags.entry(*e).or_default();
            match tag.as_deref() {
                Some("positif") => t.0 += 1,
                Some("negatif") => t.1 += 1,
                _ => {}
            }
        }
        let evals: HashMap<Uuid, evaluations::Model> = evaluations::Entity::find()
            .filter(evaluations::Column::SkpId.is_in(skps.iter().map(|m| m.id)))
            .filter(evaluations::Column::PeriodeKe.eq(k))
            .all(db)
            .await?
            .into_iter()
            .map(|e| (e.skp_id, e))
            .collect();
        let eval_ids: Vec<Uuid> = evals.values().map(|e| e.id).collect();
        let mut keberatan = HashMap::new();
        for found in keberatan::Entity::find()
            .filter(keberatan::Column::EvaluationId.is_in(eval_ids.clone()))
            .all(db)
            .await?
        {
            keberatan.insert(found.evaluation_id, keberatan_dto(db, found).await?);
        }
        let mut plans = HashMap::new();
        for found in rencana_perbaikan::Entity::find()
            .filter(rencana_perbaikan::Column::EvaluationId.is_in(eval_ids.clone()))
            .all(db)
            .await?
        {
            plans.insert(found.evaluation_id, plan_dto(db, found).await?);
        }
        let mut riwayat: HashMap<Uuid, Vec<VersiEvaluasi>> = HashMap::new();
        for v in evaluation_versions::Entity::find()
            .filter(evaluation_versions::Column::EvaluationId.is_in(eval_ids))
            .order_by_asc(evaluation_versions::Column::Versi)
            .all(db)
            .await?
        {
            riwayat
                .entry(v.evaluation_id)
                .or_default()
                .push(versi_dto(v));
        }
        // The previous evaluation covered up to the end of the sub-period before this one.
        let sejak = if k == 0 {
            Some(period.mulai)
        } else {
            crate::measurement::service::bounds(period, k).map(|(start, _)| start)
        };
        let owners: Vec<Uuid> = skps.iter().map(|m| m.employee_id).collect();
        let pengembangan = match sejak {
            Some(d) => crate::pengembangan::catatan::sejak(db, &owners, d).await?,
            None => HashMap::new(),
        };
        Ok(Self {
            tahun,
            tags,
            evals,
            keberatan,
            plans,
            riwayat,
            pengembangan,
        })
    }
}

pub(crate) async fn keberatan_of(
    db: &impl ConnectionTrait,
    eval: Uuid,
) -> AppResult<Option<Keberatan>> {
    match keberatan::Entity::find()
        .filter(keberatan::Column::EvaluationId.eq(eval))
        .one(db)
        .await?
    {
        Some(k) => Ok(Some(keberatan_dto(db, k).await?)),
        None => Ok(None),
    }
}

async fn keberatan_dto(db: &impl ConnectionTrait, k: keberatan::Model) -> AppResult<Keberatan> {
    let status = k.status();
    Ok(Keberatan {
        id: k.id,
        lampiran: super::lampiran::of(db, k.id).await?,
        alasan: k.alasan,
        status,
        penjelasan: k.penjelasan,
        keputusan: match k.keputusan.as_deref() {
            Some("tetap") => Some(KeputusanKeberatan::Tetap),
            Some("diubah") => Some(KeputusanKeberatan::Diubah),
            _ => None,
        },
        catatan_keputusan: k.catatan_keputusan,
        diajukan_at: k.diajukan_at,
        dijelaskan_at: k.dijelaskan_at,
        diputus_at: k.diputus_at,
    })
}

pub(crate) async fn plan_of(
    db: &impl ConnectionTrait,
    eval: Uuid,
) -> AppResult<Option<RencanaPerbaikan>> {
    match rencana_perbaikan::Entity::find()
        .filter(rencana_perbaikan::Column::EvaluationId.eq(eval))
        .one(db)
        .await?
    {
        Some(p) => Ok(Some(plan_dto(db, p).await?)),
        None => Ok(None),
    }
}

/// The trainings (lower case) the plan's owner completed, verified, since the plan's local day.
async fn pelatihan_selesai(
    db: &impl ConnectionTrait,
    p: &rencana_perbaikan::Model,
) -> AppResult<HashSet<String>> {
    let Some(e) = evaluations::Entity::find_by_id(p.evaluation_id)
        .one(db)
        .await?
    else {
        return Ok(HashSet::new());
    };
    let Some(skp) = skps::Entity::find_by_id(e.skp_id).one(db).await? else {
        return Ok(HashSet::new());
    };
    let Some(period) = periods::Entity::find_by_id(skp.period_id).one(db).await? else {
        return Ok(HashSet::new());
    };
    let offset = crate::clock::instansi_offset(db, period.instansi_id).await?;
    let sejak = crate::clock::local_day(p.created_at, offset);
    crate::pengembangan::catatan::pelatihan_selesai(db, skp.employee_id, sejak).await
}

async fn plan_dto(
    db: &impl ConnectionTrait,
    p: rencana_perbaikan::Model,
) -> AppResult<RencanaPerbaikan> {
    let items = perbaikan_items::Entity::find()
        .filter(perbaikan_items::Column::PlanId.eq(p.id))
        .order_by_asc(perbaikan_items::Column::CreatedAt)
        .all(db)
        .await?;
    let selesai = if items.iter().any(|i| i.jenis == "pelatihan") {
        pelatihan_selesai(db, &p).await?
    } else {
        HashSet::new()
    };
    let names: HashMap<Uuid, String> = employees::Entity::find()
        .filter(
            employees::Column::Id.is_in(
                items
                    .iter()
                    .map(|i| i.author_employee_id)
                    .collect::<Vec<_>>(),
            ),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e.nama))
        .collect();
    Ok(RencanaPerbaikan {
        id: p.id,
        saran: p.saran,
        created_at: p.created_at,
        items: items
            .into_iter()
            .map(|i| ItemPerbaikan {
                id: i.id,
                penulis: names
                    .get(&i.author_employee_id)
                    .cloned()
                    .unwrap_or_default(),
                terpenuhi: i.jenis == "pelatihan"
                    && selesai.contains(&i.uraian.trim().to_lowercase()),
                jenis: i.jenis,
                uraian: i.uraian,
                jatuh_tempo: i.jatuh_tempo,
                created_at: i.created_at,
            })
            .collect(),
    })
}

fn versi_dto(v: evaluation_versions::Model) -> VersiEvaluasi {
    VersiEvaluasi {
        versi: v.versi,
        sumber: v.sumber,
        rating_hasil: rating(v.data["rating_hasil"].as_str()),
        rating_perilaku: rating(v.data["rating_perilaku"].as_str()),
        predikat: v.data["predikat"].as_str().and_then(Predikat::parse),
        alasan: v.alasan,
        created_at: v.created_at,
    }
}

/// The SKP version in force for sub-period `k` (the year for 0) of `skp_id`'s employee: an
/// evaluation belongs to the sub-period, whichever version the client names.
pub(crate) async fn skp_for(
    db: &impl ConnectionTrait,
    skp_id: Uuid,
    k: i32,
) -> AppResult<skps::Model> {
    versi::resolve(db, access::find(db, skp_id).await?, k).await
}

/// The evaluation page of one SKP and period, for its readers and its current raters.
///
/// # Errors
/// `NotFound` when the viewer does not follow the SKP; `Validation` for a period outside the
/// rhythm.
pub async fn view(
    db: &impl ConnectionTrait,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    skp_id: Uuid,
    k: i32,
) -> AppResult<EvaluasiView> {
    let (m, period) = versi::resolve_in_period(db, access::find(db, skp_id).await?, k).await?;
    let akses = access::Akses::of(db, viewer, &m).await?;
    akses.require_follows()?;
    let owner = employees::Entity::find_by_id(m.employee_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Pegawai"))?;
    check_periode(&period, k)?;
    let bekal = Bekal::load(db, &period, std::slice::from_ref(&m), k, None).await?;
    page(
        db,
        kebijakan,
        &akses,
        (m, &owner, &period),
        k,
        (&mut HashMap::new(), &bekal),
    )
    .await
}

/// The evaluation page of an SKP the viewer follows, given the viewer's standing, with its
/// owner and period; `units` keeps the distribution of each unit already built (a work list
/// shares them).
async fn page(
    db: &impl ConnectionTrait,
    kebijakan: Kebijakan,
    akses: &access::Akses,
    (m, owner, period): (skps::Model, &employees::Model, &periods::Model),
    k: i32,
    (units, bekal): (&mut HashMap<Uuid, Option<DistribusiUnit>>, &Bekal),
) -> AppResult<EvaluasiView> {
    let skp_id = m.id;
    let eval = bekal.evals.get(&skp_id);
    let unit = eval.map(|e| e.unit_id).or(owner.unit_id);
    let distribusi = match unit {
        Some(u) => match units.get(&u) {
            Some(known) => known.clone(),
            None => {
                let d = distribusi(db, kebijakan, u, m.period_id, k, None).await?;
                units.insert(u, d.clone());
                d
            }
        },
        None => None,
    };
    let (keberatan, rencana_perbaikan, riwayat) = match eval {
        Some(e) => (
            bekal.keberatan.get(&e.id).cloned(),
            bekal.plans.get(&e.id).cloned(),
            bekal.riwayat.get(&e.id).cloned().unwrap_or_default(),
        ),
        None => (None, None, Vec::new()),
    };
    let tags = bekal.tags.get(&m.employee_id).copied().unwrap_or_default();
    let saran = match bekal.tahun.get(&m.employee_id) {
        Some(tahun) => saran(tahun, tags, k, kebijakan.ambang),
        None => saran(
            &Tahun::load(db, period.clone(), &m).await?,
            tags,
            k,
            kebijakan.ambang,
        ),
    };
    let evaluasi = eval.map(dto);
    let peran = akses.peran();
    let prioritas = evaluasi.as_ref().is_some_and(|e| {
        e.status == StatusEvaluasi::Ditetapkan && e.predikat == Some(Predikat::SangatBaik)
    });
    Ok(EvaluasiView {
        skp_id,
        periode_ke: k,
        pegawai: owner.nama.clone(),
        nip: owner.nip.clone(),
        saran,
        evaluasi,
        distribusi,
        keberatan,
        rencana_perbaikan,
        riwayat,
        prioritas_pengembangan: prioritas,
        peran,
        pengembangan: bekal
            .pengembangan
            .get(&m.employee_id)
            .cloned()
            .unwrap_or_default(),
    })
}

/// The evaluation pages of a period for the viewer's work list: every employee the viewer
/// rates today as PPKin, and those whose objection the viewer decides as Atasan PPKin; by name.
/// A walk down from the viewer finds the people, one query their approved SKP; each page is
/// then built as [`view`] builds it.
///
/// # Errors
/// `Validation` for an unknown period or a sub-period outside its rhythm.
pub async fn daftar_penilaian(
    db: &impl ConnectionTrait,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    q: &DistribusiQuery,
) -> AppResult<Vec<EvaluasiView>> {
    let period = periods::Entity::find_by_id(q.periode_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::field("periode_id", Pesan::PeriodeTidakDitemukan))?;
    check_periode(&period, q.periode_ke)?;
    let Some(me) = viewer.employee_id else {
        return Ok(Vec::new());
    };
    let resolver = crate::employees::superiors::Resolver::below(
        db,
        access::reference_date(db, &period).await?,
        me,
    )
    .await?;
    let (as_ppkin, as_atasan) = resolver.rated_by(me);
    // Per employee, the version in force for the sub-period (an earlier one after a perubahan
    // approved later in the year).
    let mut by_employee: HashMap<Uuid, Vec<skps::Model>> = HashMap::new();
    for m in skps::Entity::find()
        .filter(skps::Column::PeriodId.eq(period.id))
        .filter(skps::Column::DisetujuiAt.is_not_null())
        .filter(skps::Column::EmployeeId.is_in(as_ppkin.into_iter().chain(as_atasan)))
        .all(db)
        .await?
    {
        by_employee.entry(m.employee_id).or_default().push(m);
    }
    let mut versions: HashMap<Uuid, versi::Versions> = by_employee
        .into_iter()
        .map(|(e, list)| (e, versi::Versions::of(&period, list)))
        .collect();
    let in_force: Vec<skps::Model> = versions
        .values()
        .filter_map(|v| v.in_force(q.periode_ke).cloned())
        .collect();
    // Those the viewer oversees as Atasan PPKin appear only with an objection to decide: one
    // query finds which, so no page is built to be thrown away.
    let objected: HashSet<Uuid> = evaluations::Entity::find()
        .select_only()
        .column(evaluations::Column::SkpId)
        .filter(evaluations::Column::SkpId.is_in(in_force.iter().map(|m| m.id)))
        .filter(evaluations::Column::PeriodeKe.eq(q.periode_ke))
        .filter(
            evaluations::Column::Id.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(keberatan::Column::EvaluationId)
                    .from(keberatan::Entity)
                    .to_owned(),
            ),
        )
        .into_tuple::<Uuid>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut shown = Vec::new();
    for m in in_force {
        let Some(s) = resolver.superiors(m.employee_id) else {
            continue;
        };
        let raters = (
            s.ppkin.map(|p| p.employee.id),
            s.atasan_ppkin.map(|a| a.employee.id),
        );
        let rates = raters.0 == Some(me);
        let decides = raters.1 == Some(me) && objected.contains(&m.id);
        if (rates || decides) && m.employee_id != me {
            shown.push((m, raters));
        }
    }
    let skps: Vec<skps::Model> = shown.iter().map(|(m, _)| m.clone()).collect();
    // Their years from the versions read above: every approved one is among them.
    versions.retain(|e, _| skps.iter().any(|m| m.employee_id == *e));
    let bekal = Bekal::load(db, &period, &skps, q.periode_ke, Some(versions)).await?;
    let mut pages = Vec::new();
    let mut units = HashMap::new();
    for (m, raters) in shown {
        // The walk down read each of them.
        let Some(owner) = resolver.employee(m.employee_id) else {
            continue;
        };
        let akses = access::Akses::known(viewer, &m, raters);
        pages.push(
            page(
                db,
                kebijakan,
                &akses,
                (m, owner, &period),
                q.periode_ke,
                (&mut units, &bekal),
            )
            .await?,
        );
    }
    pages.sort_by(|a, b| a.pegawai.cmp(&b.pegawai));
    Ok(pages)
}

/// Records the audit entry, commits, and answers with the evaluation page.
pub(crate) async fn finish(
    txn: sea_orm::DatabaseTransaction,
    entry: AuditEntry,
    meta: &RequestMeta,
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    (skp_id, k): (Uuid, i32),
) -> AppResult<EvaluasiView> {
    audit::record(&txn, entry, meta).await?;
    txn.commit().await?;
    view(db, kebijakan, viewer, skp_id, k).await
}
