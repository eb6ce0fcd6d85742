//! Objections (keberatan): filed by the owner within the window, explained by the PPKin, decided
//! by the Atasan PPKin; the decision is final.

use chrono::Utc;
use kinerja_api::Pesan;
use kinerja_api::penilaian::{
    AjukanKeberatan, EvaluasiView, JelaskanKeberatan, KeputusanKeberatan, PutuskanKeberatan,
    StatusKeberatan,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::AuditEntry;
use crate::auth::Viewer;
use crate::entities::keberatan;
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;

use super::halaman::{finish, keberatan_of};
use super::penilaian::{eval_with_skp, keep_version, open_plan_if_low, rewrite, tautan};
use super::service::Kebijakan;
use crate::planning::access;

/// The employee objects to a set evaluation within the window.
///
/// # Errors
/// `Forbidden`/`NotFound` for anyone but the owner; `Validation` outside the window;
/// `Conflict` when not set or already objected.
pub async fn ajukan_keberatan(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    id: Uuid,
    req: AjukanKeberatan,
    meta: &RequestMeta,
) -> AppResult<EvaluasiView> {
    let txn = db.begin().await?;
    let (e, m) = eval_with_skp(&txn, id).await?;
    access::require_owner(&txn, viewer, &m).await?;
    if !e.ditetapkan() {
        return Err(AppError::conflict(Pesan::KeberatanHanyaDitetapkan));
    }
    // The window's last day is a day in the instansi's zone (docs/regulation.md, "Local time").
    let period = crate::planning::periods::find(&txn, m.period_id).await?;
    let today = crate::clock::period_today(&txn, &period).await?;
    if let Some(batas) = e.batas_keberatan
        && today > batas
    {
        return Err(AppError::field(
            "alasan",
            Pesan::BatasKeberatanLewat {
                batas: batas.to_string(),
            },
        ));
    }
    if keberatan_of(&txn, e.id).await?.is_some() {
        return Err(AppError::conflict(Pesan::KeberatanSudahDiajukan));
    }
    keberatan::ActiveModel {
        id: Set(Uuid::now_v7()),
        evaluation_id: Set(e.id),
        alasan: Set(req.alasan.trim().to_owned()),
        status: Set(StatusKeberatan::Diajukan.as_str().to_owned()),
        penjelasan: Set(None),
        keputusan: Set(None),
        catatan_keputusan: Set(None),
        diajukan_at: Set(Utc::now()),
        dijelaskan_at: Set(None),
        diputus_at: Set(None),
        diputus_oleh: Set(None),
    }
    .insert(&txn)
    .await?;
    if let (Some(ppkin), _) = access::current_raters(&txn, &m).await? {
        crate::notifications::send(
            &txn,
            ppkin,
            "keberatan_diajukan",
            crate::notifications::about(&txn, &m, Some(e.periode_ke)).await?,
            tautan(m.id, e.periode_ke),
        )
        .await?;
    }
    let entry = AuditEntry::new("keberatan.diajukan", "evaluasi")
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

/// The PPKin explains the evaluation to the Atasan PPKin.
///
/// # Errors
/// `Forbidden`/`NotFound` for anyone but the PPKin; `Conflict` without an open objection.
pub async fn jelaskan_keberatan(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    id: Uuid,
    req: JelaskanKeberatan,
    meta: &RequestMeta,
) -> AppResult<EvaluasiView> {
    let txn = db.begin().await?;
    let (e, m) = eval_with_skp(&txn, id).await?;
    access::Akses::of(&txn, viewer, &m).await?.require_ppkin()?;
    let k = keberatan::Entity::find()
        .filter(keberatan::Column::EvaluationId.eq(e.id))
        .one(&txn)
        .await?
        .filter(|k| k.status() == StatusKeberatan::Diajukan)
        .ok_or_else(|| AppError::conflict(Pesan::TidakAdaKeberatanMenunggu))?;
    let mut a: keberatan::ActiveModel = k.into();
    a.penjelasan = Set(Some(req.penjelasan.trim().to_owned()));
    a.status = Set(StatusKeberatan::Dijelaskan.as_str().to_owned());
    a.dijelaskan_at = Set(Some(Utc::now()));
    a.update(&txn).await?;
    if let (_, Some(atasan)) = access::current_raters(&txn, &m).await? {
        crate::notifications::send(
            &txn,
            atasan,
            "keberatan_menunggu_keputusan",
            crate::notifications::about(&txn, &m, Some(e.periode_ke)).await?,
            tautan(m.id, e.periode_ke),
        )
        .await?;
    }
    let entry = AuditEntry::new("keberatan.dijelaskan", "evaluasi")
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

/// The Atasan PPKin decides: `tetap` keeps the result, `diubah` sets new ratings (kept as a
/// new version; the original stays in the history). The decision is final.
///
/// # Errors
/// `Forbidden`/`NotFound` for anyone but the Atasan PPKin; `Conflict` before the PPKin's
/// explanation or after a decision; `Validation` for `diubah` without both ratings.
pub async fn putuskan_keberatan(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    id: Uuid,
    req: PutuskanKeberatan,
    meta: &RequestMeta,
) -> AppResult<EvaluasiView> {
    let txn = db.begin().await?;
    let (e, m) = eval_with_skp(&txn, id).await?;
    access::Akses::of(&txn, viewer, &m)
        .await?
        .require_atasan()?;
    let k = keberatan::Entity::find()
        .filter(keberatan::Column::EvaluationId.eq(e.id))
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::conflict(Pesan::TidakAdaKeberatan))?;
    match k.status() {
        StatusKeberatan::Diputus => {
            return Err(AppError::conflict(Pesan::KeberatanSudahDiputus));
        }
        StatusKeberatan::Diajukan => {
            return Err(AppError::conflict(Pesan::MenungguPenjelasanPenilai));
        }
        StatusKeberatan::Dijelaskan => {}
    }
    let period_k = e.periode_ke;
    if req.keputusan == KeputusanKeberatan::Diubah {
        let mut missing = crate::error::FieldMessages::new();
        if req.rating_hasil.is_none() {
            missing.insert(
                "rating_hasil".into(),
                vec![Pesan::IsiRatingHasilBaru.into()],
            );
        }
        if req.rating_perilaku.is_none() {
            missing.insert(
                "rating_perilaku".into(),
                vec![Pesan::IsiRatingPerilakuBaru.into()],
            );
        }
        if !missing.is_empty() {
            return Err(AppError::Invalid(missing));
        }
        if let (Some(h), Some(p)) = (req.rating_hasil, req.rating_perilaku) {
            let e = rewrite(&txn, e.clone(), h, p).await?;
            keep_version(
                &txn,
                &e,
                "keberatan",
                Some(req.catatan.trim().to_owned()),
                viewer.user_id,
            )
            .await?;
            open_plan_if_low(&txn, &e).await?;
        }
    }
    let mut a: keberatan::ActiveModel = k.into();
    a.status = Set(StatusKeberatan::Diputus.as_str().to_owned());
    a.keputusan = Set(Some(
        match req.keputusan {
            KeputusanKeberatan::Tetap => "tetap",
            KeputusanKeberatan::Diubah => "diubah",
        }
        .to_owned(),
    ));
    a.catatan_keputusan = Set(Some(req.catatan.trim().to_owned()));
    a.diputus_at = Set(Some(Utc::now()));
    a.diputus_oleh = Set(viewer.employee_id);
    a.update(&txn).await?;
    crate::notifications::send(
        &txn,
        m.employee_id,
        "keberatan_diputus",
        kinerja_api::planning::NotificationParams {
            hasil: Some(
                match req.keputusan {
                    KeputusanKeberatan::Tetap => "tetap",
                    KeputusanKeberatan::Diubah => "diubah",
                }
                .to_owned(),
            ),
            ..crate::notifications::about(&txn, &m, Some(period_k)).await?
        },
        tautan(m.id, period_k),
    )
    .await?;
    let entry = AuditEntry::new("keberatan.diputus", "evaluasi")
        .actor(viewer.user_id)
        .entity(id)
        .after(json!({"keputusan": req.keputusan, "rating_hasil": req.rating_hasil, "rating_perilaku": req.rating_perilaku}));
    finish(txn, entry, meta, db, kebijakan, viewer, (m.id, period_k)).await
}
