//! The PPKin decides on a submitted SKP: approval (penetapan, with ekspektasi khusus) or return
//! to the owner with a note.

use kinerja_api::Pesan;
use std::collections::HashSet;

use chrono::Utc;
use kinerja_api::planning::{ApproveSkp, ReturnSkp, Skp, StatusSkp};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, DatabaseConnection, DatabaseTransaction, EntityTrait, QueryFilter,
    TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use super::access::find;
use super::access::{can_read, is_current_ppkin, status};
use super::periods;
use super::skp::{bump, check_lock, load};
use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::entities::{skp_perilaku, skps};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;

async fn decide_guard(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    m: &skps::Model,
    lock: i32,
) -> AppResult<()> {
    if !is_current_ppkin(txn, viewer, m).await? {
        return Err(if can_read(txn, viewer, m).await? {
            AppError::Forbidden
        } else {
            AppError::NotFound("SKP")
        });
    }
    check_lock(m, lock)?;
    if status(m) != StatusSkp::Diajukan {
        return Err(AppError::conflict(Pesan::HanyaDiajukanDitetapkan));
    }
    Ok(())
}

/// Approves (menetapkan) a submitted SKP, with the PPKin's ekspektasi khusus.
///
/// # Errors
/// `Forbidden` for anyone but the current PPKin; `Conflict` for a stale version or wrong
/// status; `Validation` for an unknown BerAKHLAK value.
pub async fn approve(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    req: ApproveSkp,
    meta: &RequestMeta,
) -> AppResult<Skp> {
    let txn = db.begin().await?;
    let m = find(&txn, id).await?;
    decide_guard(&txn, viewer, &m, req.lock_version).await?;
    let known: HashSet<String> = crate::organisation::berakhlak::values(&txn)
        .await?
        .iter()
        .map(|n| n.kode.clone())
        .collect();
    for (i, e) in req.ekspektasi_khusus.iter().enumerate() {
        if !known.contains(&e.nilai_kode) {
            return Err(AppError::field(
                &format!("ekspektasi_khusus[{i}].nilai_kode"),
                Pesan::NilaiBerakhlakTidakDikenal,
            ));
        }
    }
    for e in &req.ekspektasi_khusus {
        let teks = Some(e.teks.trim().to_owned()).filter(|t| !t.is_empty());
        skp_perilaku::Entity::update_many()
            .col_expr(skp_perilaku::Column::EkspektasiKhusus, Expr::value(teks))
            .filter(skp_perilaku::Column::SkpId.eq(id))
            .filter(skp_perilaku::Column::NilaiKode.eq(e.nilai_kode.clone()))
            .exec(&txn)
            .await?;
    }
    let period = periods::find(&txn, m.period_id).await?;
    let now = Utc::now();
    // The first version governs the whole year; a perubahan from the sub-period of the local
    // day it is approved (docs/regulation.md, "Perubahan SKP").
    let berlaku_dari_ke = if m.previous_id.is_some() {
        super::versi::periode_ke_of(&period, crate::clock::period_today(&txn, &period).await?)
    } else {
        1
    };
    bump(
        &txn,
        &m,
        vec![
            (skps::Column::Status, StatusSkp::Disetujui.as_str().into()),
            (skps::Column::DisetujuiAt, Some(now).into()),
            (skps::Column::DisetujuiOleh, viewer.employee_id.into()),
            (skps::Column::BerlakuDariKe, Some(berlaku_dari_ke).into()),
            (
                skps::Column::CatatanPengembalian,
                Option::<String>::None.into(),
            ),
        ],
    )
    .await?;
    if let Some(previous) = m.previous_id {
        // The new version is now in force; the one it revised is kept, closed, and keeps the
        // sub-periods before this one.
        skps::Entity::update_many()
            .col_expr(
                skps::Column::Status,
                Expr::value(StatusSkp::Ditutup.as_str()),
            )
            .filter(skps::Column::Id.eq(previous))
            .exec(&txn)
            .await?;
        super::versi::carry_over(&txn, previous, id, berlaku_dari_ke).await?;
    }
    crate::notifications::send(
        &txn,
        m.employee_id,
        "skp.disetujui",
        crate::notifications::about(&txn, &m, None).await?,
        format!("/skp/{id}"),
    )
    .await?;
    audit::record(
        &txn,
        AuditEntry::new("skp.approved", "skp")
            .actor(viewer.user_id)
            .entity(id)
            .after(json!({"ekspektasi_khusus": req.ekspektasi_khusus, "berlaku_dari_ke": berlaku_dari_ke})),
        meta,
    )
    .await?;
    let dto = load(&txn, find(&txn, id).await?).await?;
    txn.commit().await?;
    Ok(dto)
}

/// Returns a submitted SKP to its owner with a note.
///
/// # Errors
/// As [`approve`].
pub async fn return_to_owner(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    req: ReturnSkp,
    meta: &RequestMeta,
) -> AppResult<Skp> {
    let txn = db.begin().await?;
    let m = find(&txn, id).await?;
    decide_guard(&txn, viewer, &m, req.lock_version).await?;
    let catatan = req.catatan.trim().to_owned();
    bump(
        &txn,
        &m,
        vec![
            (
                skps::Column::Status,
                StatusSkp::Dikembalikan.as_str().into(),
            ),
            (
                skps::Column::CatatanPengembalian,
                Some(catatan.clone()).into(),
            ),
        ],
    )
    .await?;
    crate::notifications::send(
        &txn,
        m.employee_id,
        "skp.dikembalikan",
        kinerja_api::planning::NotificationParams {
            teks: Some(catatan.clone()),
            ..crate::notifications::about(&txn, &m, None).await?
        },
        format!("/skp/{id}"),
    )
    .await?;
    audit::record(
        &txn,
        AuditEntry::new("skp.returned", "skp")
            .actor(viewer.user_id)
            .entity(id)
            .reason(Some(catatan)),
        meta,
    )
    .await?;
    let dto = load(&txn, find(&txn, id).await?).await?;
    txn.commit().await?;
    Ok(dto)
}
