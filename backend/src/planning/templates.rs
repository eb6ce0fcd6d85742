//! SKP templates per position, kept by the HR office.

use chrono::Utc;
use kinerja_api::Pesan;
use kinerja_api::planning::{
    Lampiran, Rhk, SaveSkpTemplate, SkpTemplate, TemplateQuery, UpdateSkpTemplate,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection,
    DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::entities::{instansi, positions, skp_templates};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::optimistic;

#[derive(Serialize, Deserialize)]
struct Konten {
    rhk: Vec<Rhk>,
    lampiran: Lampiran,
}

fn dto(m: skp_templates::Model) -> AppResult<SkpTemplate> {
    let konten: Konten =
        serde_json::from_value(m.konten).map_err(|e| AppError::Unexpected(e.into()))?;
    Ok(SkpTemplate {
        id: m.id,
        instansi_id: m.instansi_id,
        jabatan_id: m.jabatan_id,
        nama: m.nama,
        lock_version: m.lock_version,
        rhk: konten.rhk,
        lampiran: konten.lampiran,
    })
}

/// Strips ids and interventions: a template is not tied to any SKP.
fn neutral(rhk: Vec<Rhk>) -> Vec<Rhk> {
    rhk.into_iter()
        .map(|mut r| {
            r.id = None;
            r.intervensi_rhk_id = None;
            for i in &mut r.iki {
                i.id = None;
            }
            r
        })
        .collect()
}

/// # Errors
/// On a database failure.
pub async fn list(db: &DatabaseConnection, q: TemplateQuery) -> AppResult<Vec<SkpTemplate>> {
    let mut select = skp_templates::Entity::find();
    if let Some(i) = q.instansi_id {
        select = select.filter(skp_templates::Column::InstansiId.eq(i));
    }
    if let Some(j) = q.jabatan_id {
        select = select.filter(
            Condition::any()
                .add(skp_templates::Column::JabatanId.eq(j))
                .add(skp_templates::Column::JabatanId.is_null()),
        );
    }
    select
        .order_by_asc(skp_templates::Column::Nama)
        .all(db)
        .await?
        .into_iter()
        .map(dto)
        .collect()
}

/// # Errors
/// `NotFound`.
pub async fn get(db: &impl ConnectionTrait, id: Uuid) -> AppResult<SkpTemplate> {
    dto(skp_templates::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Templat SKP"))?)
}

async fn check_refs(
    db: &impl ConnectionTrait,
    instansi_id: Uuid,
    jabatan_id: Option<Uuid>,
) -> AppResult<()> {
    if instansi::Entity::find_by_id(instansi_id)
        .one(db)
        .await?
        .is_none()
    {
        return Err(AppError::field(
            "instansi_id",
            Pesan::InstansiTidakDitemukan,
        ));
    }
    if let Some(j) = jabatan_id
        && positions::Entity::find_by_id(j).one(db).await?.is_none()
    {
        return Err(AppError::field("jabatan_id", Pesan::JabatanTidakDitemukan));
    }
    Ok(())
}

fn konten(rhk: Vec<Rhk>, lampiran: Lampiran) -> serde_json::Value {
    json!(Konten {
        rhk: neutral(rhk),
        lampiran
    })
}

/// Creates a template.
///
/// # Errors
/// `Validation` for unknown references.
pub async fn create(
    db: &DatabaseConnection,
    actor: Uuid,
    req: SaveSkpTemplate,
    meta: &RequestMeta,
) -> AppResult<SkpTemplate> {
    let txn = db.begin().await?;
    check_refs(&txn, req.instansi_id, req.jabatan_id).await?;
    let now = Utc::now();
    let model = skp_templates::ActiveModel {
        id: Set(Uuid::now_v7()),
        instansi_id: Set(req.instansi_id),
        jabatan_id: Set(req.jabatan_id),
        nama: Set(req.nama.trim().to_owned()),
        konten: Set(konten(req.rhk, req.lampiran)),
        created_at: Set(now),
        updated_at: Set(now),
        lock_version: Set(1),
    }
    .insert(&txn)
    .await?;
    record(&txn, actor, "skp_template.created", &model, meta).await?;
    txn.commit().await?;
    dto(model)
}

/// Replaces a template, if it is still at the version the caller read.
///
/// # Errors
/// `NotFound`; `Conflict` for a stale `lock_version`; `Validation` for unknown references.
pub async fn replace(
    db: &DatabaseConnection,
    actor: Uuid,
    id: Uuid,
    req: UpdateSkpTemplate,
    meta: &RequestMeta,
) -> AppResult<SkpTemplate> {
    const WHAT: &str = "Templat SKP";
    let txn = db.begin().await?;
    let existing = skp_templates::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("Templat SKP"))?;
    optimistic::check(existing.lock_version, req.lock_version, WHAT)?;
    check_refs(&txn, req.instansi_id, req.jabatan_id).await?;
    optimistic::claim(
        &txn,
        skp_templates::ActiveModel {
            instansi_id: Set(req.instansi_id),
            jabatan_id: Set(req.jabatan_id),
            nama: Set(req.nama.trim().to_owned()),
            konten: Set(konten(req.rhk, req.lampiran)),
            updated_at: Set(Utc::now()),
            ..Default::default()
        },
        (skp_templates::Column::Id, id),
        skp_templates::Column::LockVersion,
        req.lock_version,
        WHAT,
    )
    .await?;
    let model = skp_templates::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("Templat SKP"))?;
    record(&txn, actor, "skp_template.updated", &model, meta).await?;
    txn.commit().await?;
    dto(model)
}

async fn record(
    txn: &DatabaseTransaction,
    actor: Uuid,
    action: &'static str,
    model: &skp_templates::Model,
    meta: &RequestMeta,
) -> AppResult<()> {
    audit::record(
        txn,
        AuditEntry::new(action, "skp_template")
            .instansi(model.instansi_id)
            .actor(actor)
            .entity(model.id)
            .after(json!({"nama": model.nama})),
        meta,
    )
    .await
}
