//! Evidence (bukti dukung): files checked by content and stored under the upload directory with
//! generated names (no client path ever reaches the filesystem), or links; verified by the PPKin.

use chrono::{Datelike, Utc};
use kinerja_api::Pesan;
use kinerja_api::measurement::{AddBuktiTautan, BuktiDukung, Verifikasi, VerifyBukti};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::auth::tokens::sha256_hex;
use crate::employees::superiors::Resolver;
use crate::entities::{bukti_dukung, realisasi, skp_iki, skp_rhk};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::planning::access;
use crate::storage::Storage;
use crate::uploads;

pub fn dto(b: bukti_dukung::Model) -> BuktiDukung {
    BuktiDukung {
        id: b.id,
        jenis: b.jenis,
        nama_berkas: b.nama_berkas,
        mime: b.mime,
        ukuran: b.ukuran,
        sha256: b.sha256,
        url: b.url,
        verifikasi: b.verifikasi.as_deref().and_then(Verifikasi::parse),
        catatan_verifikasi: b.catatan_verifikasi,
        diverifikasi_at: b.diverifikasi_at,
        created_at: b.created_at,
    }
}

/// The realisasi a new piece of evidence attaches to (it must exist: evidence supports a value).
async fn target_realisasi(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    skp_id: Uuid,
    iki_id: Uuid,
    k: i32,
) -> AppResult<realisasi::Model> {
    super::service::check_writable(db, viewer, skp_id, iki_id, k).await?;
    realisasi::Entity::find()
        .filter(realisasi::Column::IkiId.eq(iki_id))
        .filter(realisasi::Column::PeriodeKe.eq(k))
        .one(db)
        .await?
        .ok_or_else(|| AppError::field("realisasi", Pesan::IsiRealisasiDulu))
}

/// Stores an uploaded file as evidence.
///
/// # Errors
/// `UnsupportedMediaType` for a type other than PDF, JPEG, PNG, XLSX or DOCX (by content);
/// the errors of entering realisasi.
#[expect(clippy::too_many_arguments, reason = "one upload: who, where, what")]
pub async fn upload(
    db: &DatabaseConnection,
    storage: &Storage,
    viewer: &Viewer,
    skp_id: Uuid,
    iki_id: Uuid,
    k: i32,
    file: (Option<String>, Vec<u8>),
    meta: &RequestMeta,
) -> AppResult<BuktiDukung> {
    let (name, bytes) = file;
    let (mime, ext) =
        uploads::sniff(&bytes).ok_or(AppError::UnsupportedMediaType(uploads::UNSUPPORTED))?;
    let txn = db.begin().await?;
    let real = target_realisasi(&txn, viewer, skp_id, iki_id, k).await?;
    let id = Uuid::now_v7();
    let now = Utc::now();
    let key = format!("{}/{id}.{ext}", now.year());
    let model = storage
        .store_registered(txn, &key, &bytes, async |txn| {
            let model = bukti_dukung::ActiveModel {
                id: Set(id),
                realisasi_id: Set(real.id),
                jenis: Set("berkas".to_owned()),
                nama_berkas: Set(Some(uploads::display_name(name.as_deref(), "bukti", ext))),
                mime: Set(Some(mime.to_owned())),
                ukuran: Set(Some(bytes.len() as i64)),
                sha256: Set(Some(sha256_hex(&bytes))),
                storage_key: Set(Some(key.clone())),
                url: Set(None),
                verifikasi: Set(None),
                catatan_verifikasi: Set(None),
                diverifikasi_oleh: Set(None),
                diverifikasi_at: Set(None),
                created_by: Set(viewer.user_id),
                created_at: Set(now),
            }
            .insert(txn)
            .await?;
            audit::record(
                txn,
                AuditEntry::new("bukti.uploaded", "realisasi")
                    .actor(viewer.user_id)
                    .entity(real.id)
                    .after(json!({"bukti_id": id, "sha256": model.sha256, "ukuran": model.ukuran})),
                meta,
            )
            .await?;
            Ok(model)
        })
        .await?;
    Ok(dto(model))
}

/// Adds a link as evidence.
///
/// # Errors
/// As for entering realisasi.
pub async fn add_link(
    db: &DatabaseConnection,
    viewer: &Viewer,
    skp_id: Uuid,
    iki_id: Uuid,
    k: i32,
    req: AddBuktiTautan,
    meta: &RequestMeta,
) -> AppResult<BuktiDukung> {
    let txn = db.begin().await?;
    let real = target_realisasi(&txn, viewer, skp_id, iki_id, k).await?;
    let model = bukti_dukung::ActiveModel {
        id: Set(Uuid::now_v7()),
        realisasi_id: Set(real.id),
        jenis: Set("tautan".to_owned()),
        nama_berkas: Set(None),
        mime: Set(None),
        ukuran: Set(None),
        sha256: Set(None),
        storage_key: Set(None),
        url: Set(Some(req.url)),
        verifikasi: Set(None),
        catatan_verifikasi: Set(None),
        diverifikasi_oleh: Set(None),
        diverifikasi_at: Set(None),
        created_by: Set(viewer.user_id),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        AuditEntry::new("bukti.linked", "realisasi")
            .actor(viewer.user_id)
            .entity(real.id)
            .after(json!({"bukti_id": model.id, "url": model.url})),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(dto(model))
}

/// The realisasi a piece of evidence supports and the SKP it belongs to.
async fn owner_skp(
    db: &impl ConnectionTrait,
    b: &bukti_dukung::Model,
) -> AppResult<(realisasi::Model, crate::entities::skps::Model)> {
    let real = realisasi::Entity::find_by_id(b.realisasi_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Bukti dukung"))?;
    let iki = skp_iki::Entity::find_by_id(real.iki_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Bukti dukung"))?;
    let rhk = skp_rhk::Entity::find_by_id(iki.rhk_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Bukti dukung"))?;
    Ok((real, access::find(db, rhk.skp_id).await?))
}

/// A stored file for download: (name, MIME type, bytes).
///
/// # Errors
/// `NotFound` when the viewer may not read the SKP, or for a link.
pub async fn download(
    db: &DatabaseConnection,
    storage: &Storage,
    viewer: &Viewer,
    id: Uuid,
) -> AppResult<(String, String, Vec<u8>)> {
    let b = bukti_dukung::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Bukti dukung"))?;
    let (_, owner) = owner_skp(db, &b).await?;
    if !access::can_follow(db, viewer, &owner).await? {
        return Err(AppError::NotFound("Bukti dukung"));
    }
    let key = b.storage_key.ok_or(AppError::NotFound("Berkas"))?;
    let bytes = storage.read(&key).await?;
    Ok((
        b.nama_berkas.unwrap_or_else(|| "bukti".to_owned()),
        b.mime
            .unwrap_or_else(|| "application/octet-stream".to_owned()),
        bytes,
    ))
}

/// The owner removes a piece of evidence (a wrong upload, a dead link) while the sub-period is
/// open and before the PPKin has checked it: a checked piece is part of the record.
///
/// # Errors
/// `Forbidden`/`NotFound` for anyone but the owner; `Conflict` for a checked piece or a locked
/// sub-period.
pub async fn remove(
    db: &DatabaseConnection,
    storage: &Storage,
    viewer: &Viewer,
    id: Uuid,
    meta: &RequestMeta,
) -> AppResult<()> {
    let txn = db.begin().await?;
    let b = bukti_dukung::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("Bukti dukung"))?;
    let (real, owner) = owner_skp(&txn, &b).await?;
    if !access::can_follow(&txn, viewer, &owner).await? {
        return Err(AppError::NotFound("Bukti dukung"));
    }
    super::service::check_writable(&txn, viewer, owner.id, real.iki_id, real.periode_ke).await?;
    if b.verifikasi.is_some() {
        return Err(AppError::conflict(Pesan::BuktiSudahDiperiksa));
    }
    bukti_dukung::Entity::delete_by_id(b.id).exec(&txn).await?;
    audit::record(
        &txn,
        AuditEntry::new("bukti.dihapus", "realisasi")
            .actor(viewer.user_id)
            .entity(real.id)
            .before(json!({"bukti_id": b.id, "nama_berkas": b.nama_berkas, "url": b.url, "sha256": b.sha256})),
        meta,
    )
    .await?;
    let keys: Vec<&str> = b.storage_key.as_deref().into_iter().collect();
    storage.commit_removing(txn, &keys).await
}

/// The PPKin marks a piece of evidence sesuai / kurang / tidak sesuai, with a note.
///
/// # Errors
/// `Forbidden` for anyone but the current PPKin of the SKP's owner.
pub async fn verify(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    req: VerifyBukti,
    meta: &RequestMeta,
) -> AppResult<BuktiDukung> {
    let txn = db.begin().await?;
    let b = bukti_dukung::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("Bukti dukung"))?;
    let (real, owner) = owner_skp(&txn, &b).await?;
    let period = crate::planning::periods::find(&txn, owner.period_id).await?;
    let resolver = Resolver::around(
        &txn,
        crate::clock::period_today(&txn, &period)
            .await?
            .clamp(period.mulai, period.selesai),
        [owner.employee_id],
    )
    .await?;
    let is_ppkin = viewer.employee_id.is_some_and(|me| {
        resolver
            .ppkin(owner.employee_id)
            .is_ok_and(|p| p.employee.id == me)
    });
    if !is_ppkin {
        return Err(if access::can_follow(&txn, viewer, &owner).await? {
            AppError::Forbidden
        } else {
            AppError::NotFound("Bukti dukung")
        });
    }
    let catatan = req
        .catatan
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty());
    let mut active: bukti_dukung::ActiveModel = b.into();
    active.verifikasi = Set(Some(req.verifikasi.as_str().to_owned()));
    active.catatan_verifikasi = Set(catatan.clone());
    active.diverifikasi_oleh = Set(viewer.employee_id);
    active.diverifikasi_at = Set(Some(Utc::now()));
    let model = active.update(&txn).await?;
    crate::notifications::send(
        &txn,
        owner.employee_id,
        "bukti.diverifikasi",
        kinerja_api::planning::NotificationParams {
            hasil: Some(req.verifikasi.as_str().to_owned()),
            teks: catatan,
            ..crate::notifications::about(&txn, &owner, Some(real.periode_ke)).await?
        },
        format!("/realisasi/{}", owner.id),
    )
    .await?;
    audit::record(
        &txn,
        AuditEntry::new("bukti.verified", "bukti")
            .actor(viewer.user_id)
            .entity(id)
            .after(json!({"verifikasi": req.verifikasi})),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(dto(model))
}
