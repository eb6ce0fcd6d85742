//! The organisation predikat of a unit and the distribution pattern it sets for its staff's
//! predikat; the "Format Penetapan Predikat Kinerja".

use kinerja_api::Pesan;
use std::collections::HashMap;

use chrono::Utc;
use kinerja_api::evaluation::{self as rules, Hitungan, Predikat, PredikatOrganisasi};
use kinerja_api::penilaian::{
    DistribusiQuery, DistribusiUnit, PredikatOrganisasiUnit, TetapkanPredikatOrganisasi,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use super::service::Kebijakan;
use super::service::check_periode;
use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::entities::{evaluations, org_predikat, periods, skps, units};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::organisation::tree::UnitIndex;
use crate::policy;

/// The organisation unit whose predikat governs an employee's unit: the nearest unit up the
/// tree (itself included) with a predikat for the period and sub-period.
async fn governing_unit(
    db: &impl ConnectionTrait,
    unit: Uuid,
    period_id: Uuid,
    k: i32,
) -> AppResult<Option<org_predikat::Model>> {
    let set: HashMap<Uuid, org_predikat::Model> = org_predikat::Entity::find()
        .filter(org_predikat::Column::PeriodId.eq(period_id))
        .filter(org_predikat::Column::PeriodeKe.eq(k))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.unit_id, o))
        .collect();
    if set.is_empty() {
        return Ok(None);
    }
    Ok(crate::organisation::tree::ancestors(db, unit)
        .await?
        .into_iter()
        .find_map(|u| set.get(&u).cloned()))
}

/// The distribution of the unit that governs `unit`, counting the set predikat of every
/// evaluation in its subtree, plus `extra` (an evaluation about to be set).
pub(crate) async fn distribusi(
    db: &impl ConnectionTrait,
    kebijakan: Kebijakan,
    unit: Uuid,
    period_id: Uuid,
    k: i32,
    extra: Option<(Uuid, Predikat)>,
) -> AppResult<Option<DistribusiUnit>> {
    let Some(org) = governing_unit(db, unit, period_id, k).await? else {
        return Ok(None);
    };
    distribusi_of(db, kebijakan, &org, extra).await.map(Some)
}

async fn distribusi_of(
    db: &impl ConnectionTrait,
    kebijakan: Kebijakan,
    org: &org_predikat::Model,
    extra: Option<(Uuid, Predikat)>,
) -> AppResult<DistribusiUnit> {
    use sea_orm::sea_query::Query;
    use sea_orm::{PaginatorTrait, QuerySelect, QueryTrait};

    let subtree = crate::organisation::tree::subtree(db, org.unit_id).await?;
    let in_period = Query::select()
        .column(skps::Column::Id)
        .from(skps::Entity)
        .and_where(skps::Column::PeriodId.eq(org.period_id))
        .to_owned();
    let base = evaluations::Entity::find()
        .filter(evaluations::Column::UnitId.is_in(subtree))
        .filter(evaluations::Column::PeriodeKe.eq(org.periode_ke))
        .filter(evaluations::Column::SkpId.in_subquery(in_period));
    // Counted in SQL by status and predikat (the unit may be a whole dinas); the evaluation
    // about to be set counts with its new predikat.
    let groups: Vec<(String, Option<String>, i64)> = base
        .clone()
        .select_only()
        .columns([evaluations::Column::Status, evaluations::Column::Predikat])
        .column_as(evaluations::Column::Id.count(), "n")
        .apply_if(extra, |q, (id, _)| q.filter(evaluations::Column::Id.ne(id)))
        .group_by(evaluations::Column::Status)
        .group_by(evaluations::Column::Predikat)
        .into_tuple()
        .all(db)
        .await?;
    let mut hitungan = Hitungan::default();
    let mut n: u32 = 0;
    for (status, predikat, count) in groups {
        let count = u32::try_from(count).unwrap_or(0);
        n += count;
        if kinerja_api::penilaian::StatusEvaluasi::parse(&status)
            == Some(kinerja_api::penilaian::StatusEvaluasi::Ditetapkan)
            && let Some(p) = predikat.as_deref().and_then(Predikat::parse)
        {
            for _ in 0..count {
                hitungan.tambah(p);
            }
        }
    }
    if let Some((id, p)) = extra
        && base
            .filter(evaluations::Column::Id.eq(id))
            .count(db)
            .await?
            > 0
    {
        n += 1;
        hitungan.tambah(p);
    }
    let predikat = PredikatOrganisasi::parse(&org.predikat).unwrap_or(PredikatOrganisasi::Baik);
    let unit_nama = units::Entity::find_by_id(org.unit_id)
        .one(db)
        .await?
        .map(|u| u.nama)
        .unwrap_or_default();
    Ok(DistribusiUnit {
        unit_id: org.unit_id,
        unit_nama,
        predikat_organisasi: Some(predikat),
        dasar: Some(org.dasar.clone()),
        pembulatan: kebijakan.pembulatan,
        pembulatan_keterangan: kebijakan.pembulatan.keterangan().to_owned(),
        jumlah_pegawai: n,
        hitungan,
        aturan: rules::pola_distribusi(predikat, n, kebijakan.pembulatan),
        kuota: rules::kuota(predikat, n, kebijakan.pembulatan, &hitungan),
        pelanggaran: rules::periksa_distribusi(predikat, kebijakan.pembulatan, &hitungan),
        blokir: kebijakan.blokir,
    })
}

/// Whether the viewer may set a unit's organisation predikat: the HR admin, or the pimpinan
/// leading the unit above it.
fn may_set_org(viewer: &Viewer, unit: &units::Model) -> bool {
    policy::can(
        &viewer.roles,
        kinerja_api::auth::Permission::ManageOrganisation,
    ) || unit
        .parent_id
        .is_some_and(|p| viewer.subtree.contains(&p) && !viewer.subtree.is_empty())
        && viewer.roles.contains(&kinerja_api::auth::Role::Pimpinan)
}

/// Sets the organisation predikat of a unit for a period (periodic or annual).
///
/// # Errors
/// `NotFound` for an unknown unit or period; `Forbidden` for anyone but the pimpinan above or
/// the admin; `Validation` for a sub-period outside the rhythm.
pub async fn tetapkan_organisasi(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    unit_id: Uuid,
    req: TetapkanPredikatOrganisasi,
    meta: &RequestMeta,
) -> AppResult<DistribusiUnit> {
    let txn = db.begin().await?;
    let unit = units::Entity::find_by_id(unit_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("Unit"))?;
    if !may_set_org(viewer, &unit) {
        return Err(AppError::Forbidden);
    }
    let period = periods::Entity::find_by_id(req.periode_id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::field("periode_id", Pesan::PeriodeTidakDitemukan))?;
    check_periode(&period, req.periode_ke)?;
    let existing = org_predikat::Entity::find()
        .filter(org_predikat::Column::UnitId.eq(unit_id))
        .filter(org_predikat::Column::PeriodId.eq(period.id))
        .filter(org_predikat::Column::PeriodeKe.eq(req.periode_ke))
        .one(&txn)
        .await?;
    let before = existing
        .as_ref()
        .map(|o| json!({"predikat": o.predikat, "dasar": o.dasar}));
    let now = Utc::now();
    let saved = match existing {
        Some(o) => {
            let mut a: org_predikat::ActiveModel = o.into();
            a.predikat = Set(req.predikat.as_str().to_owned());
            a.dasar = Set(req.dasar.trim().to_owned());
            a.ditetapkan_oleh = Set(viewer.user_id);
            a.updated_at = Set(now);
            a.update(&txn).await?
        }
        None => {
            org_predikat::ActiveModel {
                id: Set(Uuid::now_v7()),
                unit_id: Set(unit_id),
                period_id: Set(period.id),
                periode_ke: Set(req.periode_ke),
                predikat: Set(req.predikat.as_str().to_owned()),
                dasar: Set(req.dasar.trim().to_owned()),
                ditetapkan_oleh: Set(viewer.user_id),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?
        }
    };
    let mut entry = AuditEntry::new("predikat_organisasi.ditetapkan", "unit")
        .instansi(period.instansi_id)
        .actor(viewer.user_id)
        .entity(unit_id)
        .after(json!({"periode_id": period.id, "periode_ke": req.periode_ke, "predikat": req.predikat.as_str()}));
    if let Some(b) = before {
        entry = entry.before(b);
    }
    audit::record(&txn, entry, meta).await?;
    let d = distribusi_of(&txn, kebijakan, &saved, None).await?;
    txn.commit().await?;
    Ok(d)
}

/// The organisation predikat of a period for every unit the viewer sees (all units of the
/// period's instansi for readers of all employees, else the pimpinan's subtree), in tree order.
///
/// # Errors
/// `Forbidden` for a viewer who is neither pimpinan nor a reader of all employees (a pimpinan
/// not placed in a unit gets an empty list); `Validation` for an unknown period or a
/// sub-period outside its rhythm.
pub async fn daftar_organisasi(
    db: &DatabaseConnection,
    viewer: &Viewer,
    q: &DistribusiQuery,
) -> AppResult<Vec<PredikatOrganisasiUnit>> {
    let all = policy::can(
        &viewer.roles,
        kinerja_api::auth::Permission::ReadAllEmployees,
    );
    if !all
        && !policy::can(
            &viewer.roles,
            kinerja_api::auth::Permission::ReadUnitDashboards,
        )
    {
        return Err(AppError::Forbidden);
    }
    let period = periods::Entity::find_by_id(q.periode_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::field("periode_id", Pesan::PeriodeTidakDitemukan))?;
    check_periode(&period, q.periode_ke)?;
    let index = UnitIndex::load(db, Some(period.instansi_id)).await?;
    // Listed: active units the viewer sees.
    let listed = |id: &Uuid| {
        (all || viewer.subtree.contains(id)) && index.units.get(id).is_some_and(|u| u.aktif)
    };
    let set: HashMap<Uuid, org_predikat::Model> = org_predikat::Entity::find()
        .filter(org_predikat::Column::PeriodId.eq(period.id))
        .filter(org_predikat::Column::PeriodeKe.eq(q.periode_ke))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.unit_id, o))
        .collect();
    // Tops: listed units whose parent is not listed (also below an inactive unit); then depth
    // first, by name.
    let by_name = |ids: &mut Vec<Uuid>| ids.sort_by(|a, b| index.name(*a).cmp(&index.name(*b)));
    let mut tops: Vec<Uuid> = index
        .units
        .values()
        .filter(|u| listed(&u.id) && !u.parent_id.is_some_and(|p| listed(&p)))
        .map(|u| u.id)
        .collect();
    by_name(&mut tops);
    let mut stack: Vec<(Uuid, u32)> = tops.into_iter().rev().map(|id| (id, 0)).collect();
    let mut out = Vec::new();
    while let Some((id, tingkat)) = stack.pop() {
        let Some(unit) = index.units.get(&id) else {
            continue;
        };
        let org = set.get(&id);
        out.push(PredikatOrganisasiUnit {
            unit_id: id,
            unit_nama: unit.nama.clone(),
            tingkat,
            predikat: org.and_then(|o| PredikatOrganisasi::parse(&o.predikat)),
            dasar: org.map(|o| o.dasar.clone()),
            dapat_menetapkan: may_set_org(viewer, unit),
        });
        let mut children: Vec<Uuid> = index
            .children_of(id)
            .iter()
            .copied()
            .filter(|c| listed(c))
            .collect();
        by_name(&mut children);
        stack.extend(children.into_iter().rev().map(|c| (c, tingkat + 1)));
    }
    Ok(out)
}

/// The "Format Penetapan Predikat Kinerja" of a unit: its organisation predikat, the pattern,
/// the quota and the actual spread. Readable by the admin, auditors and the pimpinan of the
/// unit or above.
///
/// # Errors
/// `NotFound` without a predikat for the unit and period, or for a unit the viewer may not see.
pub async fn penetapan(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    unit_id: Uuid,
    period_id: Uuid,
    k: i32,
) -> AppResult<DistribusiUnit> {
    let unit = units::Entity::find_by_id(unit_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Unit"))?;
    let sees = policy::can(
        &viewer.roles,
        kinerja_api::auth::Permission::ReadAllEmployees,
    ) || viewer.subtree.contains(&unit.id)
        || may_set_org(viewer, &unit);
    if !sees {
        return Err(AppError::NotFound("Unit"));
    }
    let org = org_predikat::Entity::find()
        .filter(org_predikat::Column::UnitId.eq(unit_id))
        .filter(org_predikat::Column::PeriodId.eq(period_id))
        .filter(org_predikat::Column::PeriodeKe.eq(k))
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Predikat kinerja organisasi"))?;
    distribusi_of(db, kebijakan, &org, None).await
}
