//! Performance periods, opened and closed by the HR office.

use chrono::{NaiveDate, Utc};
use kinerja_api::Pesan;
use kinerja_api::planning::{CreatePeriode, Periode, PeriodeAction, Ritme, StatusPeriode};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::entities::{instansi, periods};
use crate::error::{AppError, AppResult, DbResultExt};
use crate::extract::RequestMeta;
use crate::optimistic;

pub fn dto(p: periods::Model) -> Periode {
    Periode {
        id: p.id,
        instansi_id: p.instansi_id,
        tahun: p.tahun,
        mulai: p.mulai,
        selesai: p.selesai,
        ritme: Ritme::parse(&p.ritme).unwrap_or(Ritme::Bulanan),
        batas_penetapan_skp: p.batas_penetapan_skp,
        jeda_kunci_realisasi_hari: p.jeda_kunci_realisasi_hari,
        batas_evaluasi_tahunan: p.batas_evaluasi_tahunan,
        jendela_keberatan_hari: p.jendela_keberatan_hari,
        status: StatusPeriode::parse(&p.status).unwrap_or(StatusPeriode::Draft),
        lock_version: p.lock_version,
    }
}

/// # Errors
/// `NotFound`.
pub async fn find(db: &impl sea_orm::ConnectionTrait, id: Uuid) -> AppResult<periods::Model> {
    periods::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Periode"))
}

/// Periods, newest first.
///
/// # Errors
/// On a database failure.
pub async fn list(db: &DatabaseConnection, instansi_id: Option<Uuid>) -> AppResult<Vec<Periode>> {
    let mut select = periods::Entity::find();
    if let Some(id) = instansi_id {
        select = select.filter(periods::Column::InstansiId.eq(id));
    }
    Ok(select
        .order_by_desc(periods::Column::Tahun)
        .all(db)
        .await?
        .into_iter()
        .map(dto)
        .collect())
}

/// # Errors
/// `Validation` for reversed dates or an unknown instansi; `Conflict` when the year exists.
pub async fn create(
    db: &DatabaseConnection,
    actor: Option<Uuid>,
    req: CreatePeriode,
    meta: &RequestMeta,
) -> AppResult<Periode> {
    let mulai = req
        .mulai
        .or_else(|| NaiveDate::from_ymd_opt(req.tahun, 1, 1))
        .ok_or_else(|| AppError::field("tahun", Pesan::TahunTidakValid))?;
    let selesai = req
        .selesai
        .or_else(|| NaiveDate::from_ymd_opt(req.tahun, 12, 31))
        .ok_or_else(|| AppError::field("tahun", Pesan::TahunTidakValid))?;
    if selesai < mulai {
        return Err(AppError::field("selesai", Pesan::SelesaiSebelumMulai));
    }
    let txn = db.begin().await?;
    if instansi::Entity::find_by_id(req.instansi_id)
        .one(&txn)
        .await?
        .is_none()
    {
        return Err(AppError::field(
            "instansi_id",
            Pesan::InstansiTidakDitemukan,
        ));
    }
    let now = Utc::now();
    let model = periods::ActiveModel {
        id: Set(Uuid::now_v7()),
        instansi_id: Set(req.instansi_id),
        tahun: Set(req.tahun),
        mulai: Set(mulai),
        selesai: Set(selesai),
        ritme: Set(req.ritme.unwrap_or(Ritme::Bulanan).as_str().to_owned()),
        batas_penetapan_skp: Set(req.batas_penetapan_skp),
        jeda_kunci_realisasi_hari: Set(req.jeda_kunci_realisasi_hari.unwrap_or(5)),
        batas_evaluasi_tahunan: Set(req.batas_evaluasi_tahunan),
        jendela_keberatan_hari: Set(req.jendela_keberatan_hari.unwrap_or(14)),
        status: Set(StatusPeriode::Draft.as_str().to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        lock_version: Set(1),
    }
    .insert(&txn)
    .await
    .on_unique_violation(|| {
        AppError::conflict(Pesan::PeriodeSudahAda {
            tahun: req.tahun.to_string(),
        })
    })?;
    let dto = dto(model);
    let mut entry = AuditEntry::new("period.created", "period")
        .instansi(dto.instansi_id)
        .entity(dto.id)
        .after(json!(dto));
    if let Some(a) = actor {
        entry = entry.actor(a);
    }
    audit::record(&txn, entry, meta).await?;
    txn.commit().await?;
    Ok(dto)
}

/// Opens or closes a period; `action.lock_version` must be the version the caller read.
///
/// # Errors
/// `Conflict` for a stale `lock_version` or a transition the current status does not allow.
pub async fn transition(
    db: &DatabaseConnection,
    actor: Option<Uuid>,
    id: Uuid,
    to: StatusPeriode,
    action: PeriodeAction,
    meta: &RequestMeta,
) -> AppResult<Periode> {
    const WHAT: &str = "Periode";
    let txn = db.begin().await?;
    let model = find(&txn, id).await?;
    optimistic::check(model.lock_version, action.lock_version, WHAT)?;
    let from = StatusPeriode::parse(&model.status).unwrap_or(StatusPeriode::Draft);
    let allowed = matches!(
        (from, to),
        (StatusPeriode::Draft, StatusPeriode::Dibuka)
            | (StatusPeriode::Dibuka, StatusPeriode::Ditutup)
            | (StatusPeriode::Ditutup, StatusPeriode::Dibuka)
    );
    if !allowed {
        return Err(AppError::conflict(Pesan::StatusPeriodeTidakBoleh {
            dari: from.as_str().to_owned(),
            ke: to.as_str().to_owned(),
        }));
    }
    optimistic::claim(
        &txn,
        periods::ActiveModel {
            status: Set(to.as_str().to_owned()),
            updated_at: Set(Utc::now()),
            ..Default::default()
        },
        (periods::Column::Id, id),
        periods::Column::LockVersion,
        action.lock_version,
        WHAT,
    )
    .await?;
    let dto = dto(find(&txn, id).await?);
    let action_name = if to == StatusPeriode::Ditutup {
        "period.closed"
    } else {
        "period.opened"
    };
    let mut entry = AuditEntry::new(action_name, "period")
        .instansi(dto.instansi_id)
        .entity(id)
        .before(json!({"status": from}))
        .after(json!({"status": to}))
        .reason(action.reason);
    if let Some(a) = actor {
        entry = entry.actor(a);
    }
    audit::record(&txn, entry, meta).await?;
    txn.commit().await?;
    Ok(dto)
}
