//! Attachments of an objection (keberatan): the employee adds files to the reasons until the
//! PPKin explains (after that the case is argued and the record must stay as it was read);
//! everyone who follows the objection downloads them.

use chrono::{Datelike, Utc};
use kinerja_api::Pesan;
use kinerja_api::penilaian::{
    LampiranKeberatan, MAKS_LAMPIRAN_KEBERATAN as MAKS_LAMPIRAN, StatusKeberatan,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::auth::tokens::sha256_hex;
use crate::entities::{evaluations, keberatan, keberatan_lampiran, skps};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::planning::access;
use crate::uploads;

pub fn dto(m: keberatan_lampiran::Model) -> LampiranKeberatan {
    LampiranKeberatan {
        id: m.id,
        nama_berkas: m.nama_berkas,
        mime: m.mime,
        ukuran: m.ukuran,
        sha256: m.sha256,
        created_at: m.created_at,
    }
}

/// The attachments of an objection, oldest first.
pub(crate) async fn of(
    db: &impl ConnectionTrait,
    keberatan_id: Uuid,
) -> AppResult<Vec<LampiranKeberatan>> {
    Ok(keberatan_lampiran::Entity::find()
        .filter(keberatan_lampiran::Column::KeberatanId.eq(keberatan_id))
        .order_by_asc(keberatan_lampiran::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(dto)
        .collect())
}

/// The objection still open to attachments, for its owner: filed and not yet explained.
async fn open_objection(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    m: &skps::Model,
    k: keberatan::Model,
) -> AppResult<keberatan::Model> {
    access::require_owner(db, viewer, m).await?;
    // A write that only matches while the objection is filed: it holds the row for this
    // transaction, so an explanation (or a second upload counting files) waits for it, and one
    // that came first makes it match nothing.
    let held = keberatan::Entity::update_many()
        .col_expr(
            keberatan::Column::Status,
            Expr::col(keberatan::Column::Status),
        )
        .filter(keberatan::Column::Id.eq(k.id))
        .filter(keberatan::Column::Status.eq(StatusKeberatan::Diajukan.as_str()))
        .exec(db)
        .await?
        .rows_affected;
    if held != 1 {
        return Err(AppError::conflict(Pesan::LampiranSebelumPenjelasan));
    }
    Ok(k)
}

async fn skp_of(db: &impl ConnectionTrait, k: &keberatan::Model) -> AppResult<skps::Model> {
    let e = evaluations::Entity::find_by_id(k.evaluation_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Keberatan"))?;
    access::find(db, e.skp_id).await
}

/// Stores a file attached to the objection of an evaluation.
///
/// # Errors
/// `UnsupportedMediaType` for a type other than PDF, JPEG, PNG, XLSX or DOCX (by content);
/// `Forbidden`/`NotFound` for anyone but the owner; `Conflict` without an objection or after
/// the explanation; `Validation` on `file` beyond [`MAKS_LAMPIRAN`] files.
pub async fn upload(
    db: &DatabaseConnection,
    storage: &crate::storage::Storage,
    viewer: &Viewer,
    eval_id: Uuid,
    (name, bytes): (Option<String>, Vec<u8>),
    meta: &RequestMeta,
) -> AppResult<LampiranKeberatan> {
    let txn = db.begin().await?;
    let e = evaluations::Entity::find_by_id(eval_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("Evaluasi"))?;
    let m = access::find(&txn, e.skp_id).await?;
    let Some(k) = keberatan::Entity::find()
        .filter(keberatan::Column::EvaluationId.eq(e.id))
        .one(&txn)
        .await?
    else {
        access::require_owner(&txn, viewer, &m).await?;
        return Err(AppError::conflict(Pesan::AjukanKeberatanDulu));
    };
    let k = open_objection(&txn, viewer, &m, k).await?;
    let (mime, ext) =
        uploads::sniff(&bytes).ok_or(AppError::UnsupportedMediaType(uploads::UNSUPPORTED))?;
    let count = keberatan_lampiran::Entity::find()
        .filter(keberatan_lampiran::Column::KeberatanId.eq(k.id))
        .count(&txn)
        .await?;
    if count >= MAKS_LAMPIRAN {
        return Err(AppError::field(
            "file",
            Pesan::LampiranPenuh {
                maks: MAKS_LAMPIRAN.to_string(),
            },
        ));
    }
    let id = Uuid::now_v7();
    let now = Utc::now();
    let key = format!("keberatan/{}/{id}.{ext}", now.year());
    let model =
        storage
            .store_registered(txn, &key, &bytes, async |txn| {
                let model = keberatan_lampiran::ActiveModel {
                    id: Set(id),
                    keberatan_id: Set(k.id),
                    nama_berkas: Set(uploads::display_name(name.as_deref(), "lampiran", ext)),
                    mime: Set(mime.to_owned()),
                    ukuran: Set(bytes.len() as i64),
                    sha256: Set(sha256_hex(&bytes)),
                    storage_key: Set(key.clone()),
                    created_by: Set(viewer.user_id),
                    created_at: Set(now),
                }
                .insert(txn)
                .await?;
                audit::record(
            txn,
            AuditEntry::new("keberatan.lampiran_ditambah", "evaluasi")
                .actor(viewer.user_id)
                .entity(e.id)
                .after(json!({"lampiran_id": id, "sha256": model.sha256, "ukuran": model.ukuran})),
            meta,
        )
        .await?;
                Ok(model)
            })
            .await?;
    Ok(dto(model))
}

async fn find(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> AppResult<(keberatan_lampiran::Model, keberatan::Model)> {
    let l = keberatan_lampiran::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Lampiran"))?;
    let k = keberatan::Entity::find_by_id(l.keberatan_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Lampiran"))?;
    Ok((l, k))
}

/// A stored attachment for download: (name, MIME type, bytes).
///
/// # Errors
/// `NotFound` for an unknown id or a viewer who does not follow the objection.
pub async fn download(
    db: &DatabaseConnection,
    storage: &crate::storage::Storage,
    viewer: &Viewer,
    id: Uuid,
) -> AppResult<(String, String, Vec<u8>)> {
    let (l, k) = find(db, id).await?;
    let m = skp_of(db, &k).await?;
    if !access::can_follow(db, viewer, &m).await? {
        return Err(AppError::NotFound("Lampiran"));
    }
    let bytes = storage.read(&l.storage_key).await?;
    Ok((l.nama_berkas, l.mime, bytes))
}

/// The owner removes an attachment before the explanation; the file goes with it.
///
/// # Errors
/// `Forbidden`/`NotFound` for anyone but the owner; `Conflict` after the explanation.
pub async fn remove(
    db: &DatabaseConnection,
    storage: &crate::storage::Storage,
    viewer: &Viewer,
    id: Uuid,
    meta: &RequestMeta,
) -> AppResult<()> {
    let txn = db.begin().await?;
    let (l, k) = find(&txn, id).await?;
    let m = skp_of(&txn, &k).await?;
    if !access::can_follow(&txn, viewer, &m).await? {
        return Err(AppError::NotFound("Lampiran"));
    }
    let k = open_objection(&txn, viewer, &m, k).await?;
    keberatan_lampiran::Entity::delete_by_id(l.id)
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        AuditEntry::new("keberatan.lampiran_dihapus", "evaluasi")
            .actor(viewer.user_id)
            .entity(k.evaluation_id)
            .before(json!({"lampiran_id": l.id, "nama_berkas": l.nama_berkas, "sha256": l.sha256})),
        meta,
    )
    .await?;
    storage.commit_removing(txn, &[&l.storage_key]).await
}
