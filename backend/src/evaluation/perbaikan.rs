//! The improvement plan (rencana perbaikan) after a low rating: advice and actions by the PPKin,
//! check-ins by the owner and the PPKin.

use chrono::Utc;
use kinerja_api::penilaian::{CheckinPerbaikan, EvaluasiView, SimpanRencanaPerbaikan};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set, TransactionTrait,
};
use uuid::Uuid;

use crate::audit::service::AuditEntry;
use crate::auth::Viewer;
use crate::entities::{perbaikan_items, rencana_perbaikan};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;

use super::halaman::finish;
use super::penilaian::{eval_with_skp, tautan};
use super::service::Kebijakan;
use crate::planning::access;

async fn plan_for(db: &impl ConnectionTrait, eval: Uuid) -> AppResult<rencana_perbaikan::Model> {
    rencana_perbaikan::Entity::find()
        .filter(rencana_perbaikan::Column::EvaluationId.eq(eval))
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Rencana perbaikan"))
}

/// The PPKin writes the advice, the actions with due dates and the recommended trainings
/// (replacing earlier ones; check-ins stay).
///
/// # Errors
/// `Forbidden`/`NotFound` for anyone but the PPKin; `NotFound` without a plan.
pub async fn simpan_rencana(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    id: Uuid,
    req: SimpanRencanaPerbaikan,
    meta: &RequestMeta,
) -> AppResult<EvaluasiView> {
    let txn = db.begin().await?;
    let (e, m) = eval_with_skp(&txn, id).await?;
    let me = access::Akses::of(&txn, viewer, &m).await?.require_ppkin()?;
    let plan = plan_for(&txn, e.id).await?;
    perbaikan_items::Entity::delete_many()
        .filter(perbaikan_items::Column::PlanId.eq(plan.id))
        .filter(perbaikan_items::Column::Jenis.ne("checkin"))
        .exec(&txn)
        .await?;
    let now = Utc::now();
    let rows = req
        .aksi
        .iter()
        .map(|a| ("aksi", a.uraian.trim().to_owned(), a.jatuh_tempo))
        .chain(
            req.pelatihan
                .iter()
                .map(|p| p.trim().to_owned())
                .filter(|p| !p.is_empty())
                .map(|p| ("pelatihan", p, None)),
        );
    for (jenis, uraian, due) in rows {
        perbaikan_items::ActiveModel {
            id: Set(Uuid::now_v7()),
            plan_id: Set(plan.id),
            jenis: Set(jenis.to_owned()),
            uraian: Set(uraian),
            jatuh_tempo: Set(due),
            author_employee_id: Set(me),
            created_at: Set(now),
        }
        .insert(&txn)
        .await?;
    }
    // The recommended trainings become agreed needs, for the HR office's yearly plan.
    crate::pengembangan::kebutuhan::dari_rencana_perbaikan(&txn, &e, me, &req.pelatihan).await?;
    let mut a: rencana_perbaikan::ActiveModel = plan.into();
    a.saran = Set(Some(req.saran.trim().to_owned()));
    a.updated_at = Set(now);
    a.update(&txn).await?;
    crate::notifications::send(
        &txn,
        m.employee_id,
        "rencana_perbaikan",
        crate::notifications::about(&txn, &m, Some(e.periode_ke)).await?,
        tautan(m.id, e.periode_ke),
    )
    .await?;
    let entry = AuditEntry::new("rencana_perbaikan.saved", "evaluasi")
        .actor(viewer.user_id)
        .entity(e.id);
    finish(
        txn,
        entry,
        meta,
        db,
        kebijakan,
        viewer,
        (m.id, e.periode_ke),
    )
    .await
}

/// A check-in on the plan by the employee or the PPKin.
///
/// # Errors
/// `Forbidden`/`NotFound` for anyone else; `NotFound` without a plan.
pub async fn checkin(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    id: Uuid,
    req: CheckinPerbaikan,
    meta: &RequestMeta,
) -> AppResult<EvaluasiView> {
    let txn = db.begin().await?;
    let (e, m) = eval_with_skp(&txn, id).await?;
    let author = access::Akses::of(&txn, viewer, &m)
        .await?
        .require_owner_or_ppkin()?;
    let plan = plan_for(&txn, e.id).await?;
    perbaikan_items::ActiveModel {
        id: Set(Uuid::now_v7()),
        plan_id: Set(plan.id),
        jenis: Set("checkin".to_owned()),
        uraian: Set(req.catatan.trim().to_owned()),
        jatuh_tempo: Set(None),
        author_employee_id: Set(author),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    let entry = AuditEntry::new("rencana_perbaikan.checkin", "evaluasi")
        .actor(viewer.user_id)
        .entity(e.id);
    finish(
        txn,
        entry,
        meta,
        db,
        kebijakan,
        viewer,
        (m.id, e.periode_ke),
    )
    .await
}
