//! SKP templates per position, kept by the HR office.

use chrono::Utc;
use kinerja_api::Pesan;
use kinerja_api::planning::{Lampiran, Rhk, SaveSkpTemplate, SkpTemplate, TemplateQuery};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::entities::{instansi, positions, skp_templates};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;

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

async fn check_refs(db: &impl ConnectionTrait, req: &SaveSkpTemplate) -> AppResult<()> {
    if instansi::Entity::find_by_id(req.instansi_id)
        .one(db)
        .await?
        .is_none()
    {
        return Err(AppError::field(
            "instansi_id",
            Pesan::InstansiTidakDitemukan,
        ));
    }
    if let Some(j) = req.jabatan_id
        && positions::Entity::find_by_id(j).one(db).await?.is_none()
    {
        return Err(AppError::field("jabatan_id", Pesan::JabatanTidakDitemukan));
    }
    Ok(())
}

/// Creates (`id` = None) or replaces a template.
///
/// # Errors
/// `Validation` for unknown references; `NotFound` when replacing a missing one.
pub async fn save(
    db: &DatabaseConnection,
    actor: Uuid,
    id: Option<Uuid>,
    req: SaveSkpTemplate,
    meta: &RequestMeta,
) -> AppResult<SkpTemplate> {
    let txn = db.begin().await?;
    check_refs(&txn, &req).await?;
    let konten = json!(Konten {
        rhk: neutral(req.rhk),
        lampiran: req.lampiran
    });
    let now = Utc::now();
    let model = match id {
        None => {
            skp_templates::ActiveModel {
                id: Set(Uuid::now_v7()),
                instansi_id: Set(req.instansi_id),
                jabatan_id: Set(req.jabatan_id),
                nama: Set(req.nama.trim().to_owned()),
                konten: Set(konten),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?
        }
        Some(id) => {
            let existing = skp_templates::Entity::find_by_id(id)
                .one(&txn)
                .await?
                .ok_or(AppError::NotFound("Templat SKP"))?;
            let mut active: skp_templates::ActiveModel = existing.into();
            active.instansi_id = Set(req.instansi_id);
            active.jabatan_id = Set(req.jabatan_id);
            active.nama = Set(req.nama.trim().to_owned());
            active.konten = Set(konten);
            active.updated_at = Set(now);
            active.update(&txn).await?
        }
    };
    let action = if id.is_some() {
        "skp_template.updated"
    } else {
        "skp_template.created"
    };
    audit::record(
        &txn,
        AuditEntry::new(action, "skp_template")
            .actor(actor)
            .entity(model.id)
            .after(json!({"nama": model.nama})),
        meta,
    )
    .await?;
    txn.commit().await?;
    dto(model)
}
