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
/// and from the tags of the feedback given in the period.
async fn saran(
    db: &DatabaseConnection,
    m: &skps::Model,
    period: &periods::Model,
    k: i32,
    ambang: AmbangSaran,
) -> AppResult<SaranRating> {
    // The sub-period's capaian per indicator, or the year's (realisasi of the whole year
    // against the yearly target), read across the versions of the year in one load.
    let tahun = Tahun::load(db, period.clone(), m).await?;
    let capaian = tahun.capaian_indikator(k);
    let rata = (!capaian.is_empty()).then(|| {
        let avg = capaian.iter().map(|c| c.0).sum::<f64>() / capaian.len() as f64;
        (avg * 100.0).round() / 100.0
    });
    let versions: Vec<Uuid> = tahun.versions.all().iter().map(|(v, _)| v.id).collect();
    let mut q = feedback::Entity::find()
        .filter(feedback::Column::SkpId.is_in(versions))
        .filter(feedback::Column::ParentId.is_null());
    if k != 0 {
        q = q.filter(feedback::Column::PeriodeKe.eq(k));
    }
    let tags: Vec<Option<String>> = q.all(db).await?.into_iter().map(|f| f.tag).collect();
    let positif = tags
        .iter()
        .filter(|t| t.as_deref() == Some("positif"))
        .count() as u32;
    let negatif = tags
        .iter()
        .filter(|t| t.as_deref() == Some("negatif"))
        .count() as u32;
    let rating_hasil = rules::saran_rating_hasil(&capaian, ambang);
    Ok(SaranRating {
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
    })
}

pub(crate) async fn keberatan_of(
    db: &impl ConnectionTrait,
    eval: Uuid,
) -> AppResult<Option<Keberatan>> {
    let Some(k) = keberatan::Entity::find()
        .filter(keberatan::Column::EvaluationId.eq(eval))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let status = k.status();
    Ok(Some(Keberatan {
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
    }))
}

pub(crate) async fn plan_of(
    db: &impl ConnectionTrait,
    eval: Uuid,
) -> AppResult<Option<RencanaPerbaikan>> {
    let Some(p) = rencana_perbaikan::Entity::find()
        .filter(rencana_perbaikan::Column::EvaluationId.eq(eval))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let items = perbaikan_items::Entity::find()
        .filter(perbaikan_items::Column::PlanId.eq(p.id))
        .order_by_asc(perbaikan_items::Column::CreatedAt)
        .all(db)
        .await?;
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
    Ok(Some(RencanaPerbaikan {
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
                jenis: i.jenis,
                uraian: i.uraian,
                jatuh_tempo: i.jatuh_tempo,
                created_at: i.created_at,
            })
            .collect(),
    }))
}

pub(crate) async fn history(
    db: &impl ConnectionTrait,
    eval: Uuid,
) -> AppResult<Vec<VersiEvaluasi>> {
    Ok(evaluation_versions::Entity::find()
        .filter(evaluation_versions::Column::EvaluationId.eq(eval))
        .order_by_asc(evaluation_versions::Column::Versi)
        .all(db)
        .await?
        .into_iter()
        .map(|v| VersiEvaluasi {
            versi: v.versi,
            sumber: v.sumber,
            rating_hasil: rating(v.data["rating_hasil"].as_str()),
            rating_perilaku: rating(v.data["rating_perilaku"].as_str()),
            predikat: v.data["predikat"].as_str().and_then(Predikat::parse),
            alasan: v.alasan,
            created_at: v.created_at,
        })
        .collect())
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
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    skp_id: Uuid,
    k: i32,
) -> AppResult<EvaluasiView> {
    let m = skp_for(db, skp_id, k).await?;
    let akses = access::Akses::of(db, viewer, &m).await?;
    akses.require_follows()?;
    let period = crate::planning::periods::find(db, m.period_id).await?;
    let owner = employees::Entity::find_by_id(m.employee_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Pegawai"))?;
    page(
        db,
        kebijakan,
        &akses,
        (m, &owner, &period),
        k,
        &mut HashMap::new(),
    )
    .await
}

/// The evaluation page of an SKP the viewer follows, given the viewer's standing, with its
/// owner and period; `units` keeps the distribution of each unit already built (a work list
/// shares them).
async fn page(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    akses: &access::Akses,
    (m, owner, period): (skps::Model, &employees::Model, &periods::Model),
    k: i32,
    units: &mut HashMap<Uuid, Option<DistribusiUnit>>,
) -> AppResult<EvaluasiView> {
    let skp_id = m.id;
    check_periode(period, k)?;
    let eval = find_eval(db, skp_id, k).await?;
    let unit = eval.as_ref().map(|e| e.unit_id).or(owner.unit_id);
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
    let (keberatan, rencana_perbaikan, riwayat) = match &eval {
        Some(e) => (
            keberatan_of(db, e.id).await?,
            plan_of(db, e.id).await?,
            history(db, e.id).await?,
        ),
        None => (None, None, Vec::new()),
    };
    let evaluasi = eval.as_ref().map(dto);
    let peran = akses.peran();
    let prioritas = evaluasi.as_ref().is_some_and(|e| {
        e.status == StatusEvaluasi::Ditetapkan && e.predikat == Some(Predikat::SangatBaik)
    });
    Ok(EvaluasiView {
        skp_id,
        periode_ke: k,
        pegawai: owner.nama.clone(),
        nip: owner.nip.clone(),
        saran: saran(db, &m, period, k, kebijakan.ambang).await?,
        evaluasi,
        distribusi,
        keberatan,
        rencana_perbaikan,
        riwayat,
        prioritas_pengembangan: prioritas,
        peran,
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
    db: &DatabaseConnection,
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
    let in_force: Vec<skps::Model> = by_employee
        .into_values()
        .filter_map(|list| {
            versi::Versions::of(&period, list)
                .in_force(q.periode_ke)
                .cloned()
        })
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
    let owners: HashMap<Uuid, employees::Model> = employees::Entity::find()
        .filter(employees::Column::Id.is_in(in_force.iter().map(|m| m.employee_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let mut pages = Vec::new();
    let mut units = HashMap::new();
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
        if !(rates || decides) || m.employee_id == me {
            continue;
        }
        let Some(owner) = owners.get(&m.employee_id) else {
            continue;
        };
        let akses = access::Akses::known(viewer, &m, raters);
        let found = page(
            db,
            kebijakan,
            &akses,
            (m, owner, &period),
            q.periode_ke,
            &mut units,
        )
        .await?;
        if rates || found.keberatan.is_some() {
            pages.push(found);
        }
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
