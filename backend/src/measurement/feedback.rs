//! Umpan balik berkelanjutan: the PPKin writes feedback per RHK, IKI or BerAKHLAK value per
//! sub-period; the employee reads it and may reply. Only the employee and the PPKin chain read it.

use std::collections::HashMap;

use chrono::Utc;
use kinerja_api::Pesan;
use kinerja_api::measurement::{CreateFeedback, ReplyFeedback, TagUmpanBalik, UmpanBalik};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::employees::superiors::Resolver;
use crate::entities::{employees, feedback, skp_iki, skp_rhk, skps};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::planning::access;

async fn current_ppkin(db: &impl ConnectionTrait, m: &skps::Model) -> AppResult<Option<Uuid>> {
    let period = crate::planning::periods::find(db, m.period_id).await?;
    let resolver = Resolver::around(
        db,
        crate::clock::period_today(db, &period)
            .await?
            .clamp(period.mulai, period.selesai),
        [m.employee_id],
    )
    .await?;
    Ok(resolver.ppkin(m.employee_id).ok().map(|p| p.employee.id))
}

/// The employee, the PPKin (recorded or current) and the Atasan PPKin.
async fn in_chain(db: &impl ConnectionTrait, viewer: &Viewer, m: &skps::Model) -> AppResult<bool> {
    let Some(me) = viewer.employee_id else {
        return Ok(false);
    };
    if me == m.employee_id
        || Some(me) == m.ppkin_employee_id
        || Some(me) == m.atasan_ppkin_employee_id
    {
        return Ok(true);
    }
    Ok(current_ppkin(db, m).await? == Some(me))
}

/// Feedback on an SKP, oldest first, each with its replies; optionally one sub-period only.
///
/// # Errors
/// `NotFound` outside the employee's PPKin chain.
pub async fn list(
    db: &DatabaseConnection,
    viewer: &Viewer,
    skp_id: Uuid,
    periode_ke: Option<i32>,
) -> AppResult<Vec<UmpanBalik>> {
    // A sub-period's feedback lies on the SKP version in force for it; without a sub-period,
    // the whole year's, on every version.
    let m = access::find(db, skp_id).await?;
    let (m, versions) = match periode_ke {
        Some(k) => {
            let m = crate::planning::versi::resolve(db, m, k).await?;
            let id = m.id;
            (m, vec![id])
        }
        None => {
            let period = crate::planning::periods::find(db, m.period_id).await?;
            let mut ids: Vec<Uuid> =
                crate::planning::versi::Versions::load(db, &period, m.employee_id)
                    .await?
                    .all()
                    .iter()
                    .map(|(v, _)| v.id)
                    .collect();
            if !ids.contains(&m.id) {
                ids.push(m.id);
            }
            (m, ids)
        }
    };
    if !in_chain(db, viewer, &m).await? {
        return Err(AppError::NotFound("SKP"));
    }
    let mut select = feedback::Entity::find().filter(feedback::Column::SkpId.is_in(versions));
    if let Some(k) = periode_ke {
        select = select.filter(feedback::Column::PeriodeKe.eq(k));
    }
    let rows = select
        .order_by_asc(feedback::Column::CreatedAt)
        .order_by_asc(feedback::Column::Id)
        .all(db)
        .await?;
    let author_ids: Vec<Uuid> = rows.iter().map(|r| r.author_employee_id).collect();
    let names: HashMap<Uuid, String> = employees::Entity::find()
        .filter(employees::Column::Id.is_in(author_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|e| {
            (
                e.id,
                kinerja_api::employees::full_name(
                    e.gelar_depan.as_deref(),
                    &e.nama,
                    e.gelar_belakang.as_deref(),
                ),
            )
        })
        .collect();
    // What each piece is about, by its text on the version it was given on (a thread of an
    // earlier version keeps its label after a perubahan SKP).
    let rhk_text: HashMap<Uuid, String> = skp_rhk::Entity::find()
        .filter(skp_rhk::Column::Id.is_in(rows.iter().filter_map(|r| r.rhk_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r.deskripsi))
        .collect();
    let iki_text: HashMap<Uuid, String> = skp_iki::Entity::find()
        .filter(skp_iki::Column::Id.is_in(rows.iter().filter_map(|r| r.iki_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|i| (i.id, i.indikator))
        .collect();
    let nilai_text: HashMap<String, String> = crate::organisation::berakhlak::values(db)
        .await?
        .iter()
        .map(|n| (n.kode.clone(), n.nama.clone()))
        .collect();
    let sasaran = |r: &feedback::Model| {
        r.iki_id
            .and_then(|i| iki_text.get(&i))
            .or_else(|| r.rhk_id.and_then(|i| rhk_text.get(&i)))
            .or_else(|| r.nilai_kode.as_ref().and_then(|k| nilai_text.get(k)))
            .cloned()
    };
    let dto = |r: &feedback::Model| UmpanBalik {
        id: r.id,
        periode_ke: r.periode_ke,
        rhk_id: r.rhk_id,
        iki_id: r.iki_id,
        nilai_kode: r.nilai_kode.clone(),
        sasaran: sasaran(r),
        penulis: names
            .get(&r.author_employee_id)
            .cloned()
            .unwrap_or_default(),
        teks: r.teks.clone(),
        tag: r.tag.as_deref().and_then(TagUmpanBalik::parse),
        created_at: r.created_at,
        balasan: Vec::new(),
    };
    let mut top: Vec<UmpanBalik> = rows
        .iter()
        .filter(|r| r.parent_id.is_none())
        .map(dto)
        .collect();
    for r in rows.iter().filter(|r| r.parent_id.is_some()) {
        if let Some(parent) = top.iter_mut().find(|t| Some(t.id) == r.parent_id) {
            parent.balasan.push(dto(r));
        }
    }
    Ok(top)
}

/// The PPKin writes feedback.
///
/// # Errors
/// `Forbidden` for anyone but the current PPKin; `Conflict` unless the SKP is approved;
/// `Validation` unless exactly one target of this SKP is named.
pub async fn create(
    db: &DatabaseConnection,
    viewer: &Viewer,
    skp_id: Uuid,
    req: CreateFeedback,
    meta: &RequestMeta,
) -> AppResult<UmpanBalik> {
    let txn = db.begin().await?;
    let m =
        crate::planning::versi::resolve(&txn, access::find(&txn, skp_id).await?, req.periode_ke)
            .await?;
    let skp_id = m.id;
    let me = viewer.employee_id;
    if me.is_none() || current_ppkin(&txn, &m).await? != me {
        return Err(if in_chain(&txn, viewer, &m).await? {
            AppError::Forbidden
        } else {
            AppError::NotFound("SKP")
        });
    }
    if !crate::planning::versi::approved(&m) {
        return Err(AppError::conflict(Pesan::UmpanBalikSkpDisetujui));
    }
    let targets = [
        req.rhk_id.is_some(),
        req.iki_id.is_some(),
        req.nilai_kode.is_some(),
    ]
    .iter()
    .filter(|t| **t)
    .count();
    if targets != 1 {
        return Err(AppError::field("target", Pesan::PilihSatuSasaran));
    }
    if let Some(r) = req.rhk_id
        && skp_rhk::Entity::find_by_id(r)
            .one(&txn)
            .await?
            .is_none_or(|x| x.skp_id != skp_id)
    {
        return Err(AppError::field("rhk_id", Pesan::RhkBukanBagianSkp));
    }
    if let Some(i) = req.iki_id {
        let iki = skp_iki::Entity::find_by_id(i).one(&txn).await?;
        let rhk = match iki {
            Some(iki) => skp_rhk::Entity::find_by_id(iki.rhk_id).one(&txn).await?,
            None => None,
        };
        if rhk.is_none_or(|r| r.skp_id != skp_id) {
            return Err(AppError::field("iki_id", Pesan::IndikatorBukanBagianSkp));
        }
    }
    if let Some(n) = &req.nilai_kode
        && !crate::organisation::berakhlak::values(&txn)
            .await?
            .iter()
            .any(|v| v.kode == *n)
    {
        return Err(AppError::field(
            "nilai_kode",
            Pesan::NilaiBerakhlakTidakDikenal,
        ));
    }
    let author = me.ok_or(AppError::Forbidden)?;
    let model = feedback::ActiveModel {
        id: Set(Uuid::now_v7()),
        skp_id: Set(skp_id),
        periode_ke: Set(req.periode_ke),
        rhk_id: Set(req.rhk_id),
        iki_id: Set(req.iki_id),
        nilai_kode: Set(req.nilai_kode.clone()),
        parent_id: Set(None),
        author_employee_id: Set(author),
        teks: Set(req.teks.trim().to_owned()),
        tag: Set(req.tag.map(|t| t.as_str().to_owned())),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    crate::notifications::send(
        &txn,
        m.employee_id,
        "umpan_balik.baru",
        kinerja_api::planning::NotificationParams {
            teks: Some(model.teks.clone()),
            ..crate::notifications::about(&txn, &m, Some(req.periode_ke)).await?
        },
        format!("/realisasi/{skp_id}"),
    )
    .await?;
    audit::record(
        &txn,
        AuditEntry::new("feedback.given", "skp")
            .actor(viewer.user_id)
            .entity(skp_id)
            .after(json!({"feedback_id": model.id, "periode_ke": req.periode_ke})),
        meta,
    )
    .await?;
    txn.commit().await?;
    list(db, viewer, skp_id, Some(req.periode_ke))
        .await?
        .into_iter()
        .find(|f| f.id == model.id)
        .ok_or(AppError::NotFound("Umpan balik"))
}

/// The employee replies to a piece of feedback.
///
/// # Errors
/// `Forbidden` for anyone but the SKP's owner; `Validation` for a reply to a reply.
pub async fn reply(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    req: ReplyFeedback,
    meta: &RequestMeta,
) -> AppResult<UmpanBalik> {
    let txn = db.begin().await?;
    let parent = feedback::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("Umpan balik"))?;
    let m = access::find(&txn, parent.skp_id).await?;
    if viewer.employee_id != Some(m.employee_id) {
        return Err(if in_chain(&txn, viewer, &m).await? {
            AppError::Forbidden
        } else {
            AppError::NotFound("Umpan balik")
        });
    }
    if parent.parent_id.is_some() {
        return Err(AppError::field("id", Pesan::BalasUmpanBalikAtasan));
    }
    let model = feedback::ActiveModel {
        id: Set(Uuid::now_v7()),
        skp_id: Set(parent.skp_id),
        periode_ke: Set(parent.periode_ke),
        rhk_id: Set(parent.rhk_id),
        iki_id: Set(parent.iki_id),
        nilai_kode: Set(parent.nilai_kode.clone()),
        parent_id: Set(Some(parent.id)),
        author_employee_id: Set(m.employee_id),
        teks: Set(req.teks.trim().to_owned()),
        tag: Set(None),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    crate::notifications::send(
        &txn,
        parent.author_employee_id,
        "umpan_balik.dibalas",
        kinerja_api::planning::NotificationParams {
            teks: Some(model.teks.clone()),
            ..crate::notifications::about(&txn, &m, Some(parent.periode_ke)).await?
        },
        format!("/realisasi/{}", parent.skp_id),
    )
    .await?;
    audit::record(
        &txn,
        AuditEntry::new("feedback.replied", "skp")
            .actor(viewer.user_id)
            .entity(parent.skp_id)
            .after(json!({"feedback_id": model.id, "parent_id": parent.id})),
        meta,
    )
    .await?;
    txn.commit().await?;
    let thread = list(db, viewer, parent.skp_id, Some(parent.periode_ke)).await?;
    thread
        .into_iter()
        .find(|f| f.id == parent.id)
        .ok_or(AppError::NotFound("Umpan balik"))
}
