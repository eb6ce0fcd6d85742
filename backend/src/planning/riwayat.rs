//! The versions of an SKP and what changed between them; copying RHK, IKI and perilaku into a
//! new version (perubahan SKP) or another period.

use kinerja_api::Pesan;
use std::collections::HashMap;

use chrono::Utc;
use kinerja_api::planning::{Arah, ReasonedAction, Rhk, Skp, SkpChange, SkpVersion, StatusSkp};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use super::access::find;
use super::access::{can_read, require_owner, status};
use super::skp::get;
use super::skp::{check_lock, load};
use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::entities::{iki_data_keys, skp_iki, skp_perilaku, skp_rhk, skps};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;

/// All versions of the SKP `id` belongs to, oldest first.
///
/// # Errors
/// `NotFound` when the viewer may not read it.
pub async fn versions(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
) -> AppResult<Vec<SkpVersion>> {
    let m = find(db, id).await?;
    if !can_read(db, viewer, &m).await? {
        return Err(AppError::NotFound("SKP"));
    }
    Ok(skps::Entity::find()
        .filter(skps::Column::PeriodId.eq(m.period_id))
        .filter(skps::Column::EmployeeId.eq(m.employee_id))
        .order_by_asc(skps::Column::Versi)
        .all(db)
        .await?
        .into_iter()
        .map(|v| SkpVersion {
            id: v.id,
            versi: v.versi,
            status: status(&v),
            disetujui_at: v.disetujui_at,
            created_at: v.created_at,
        })
        .collect())
}

/// The editable content of an SKP as JSON without ids, for comparing versions.
pub(crate) fn content(skp: &Skp) -> serde_json::Value {
    let rhk: Vec<serde_json::Value> = skp
        .rhk
        .iter()
        .map(|r| {
            json!({
                "jenis": r.jenis, "deskripsi": r.deskripsi, "penugasan_dari": r.penugasan_dari,
                "iki": r.iki.iter().map(|i| json!({
                    "aspek": i.aspek, "indikator": i.indikator, "target_nilai": i.target_nilai,
                    "target_satuan": i.target_satuan, "target_naratif": i.target_naratif, "arah": i.arah,
                    "perspektif": i.perspektif,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let ekspektasi: serde_json::Map<String, serde_json::Value> = skp
        .perilaku
        .iter()
        .map(|p| (p.nilai_kode.clone(), json!(p.ekspektasi_khusus)))
        .collect();
    json!({"pendekatan": skp.pendekatan, "rhk": rhk, "lampiran": skp.lampiran, "ekspektasi_khusus": ekspektasi})
}

/// Differences between two JSON values, as paths with before and after.
pub fn diff_values(
    path: &str,
    a: Option<&serde_json::Value>,
    b: Option<&serde_json::Value>,
    out: &mut Vec<SkpChange>,
) {
    use serde_json::Value;
    match (a, b) {
        (Some(Value::Object(x)), Some(Value::Object(y))) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                diff_values(&p, x.get(k), y.get(k), out);
            }
        }
        (Some(Value::Array(x)), Some(Value::Array(y))) => {
            for i in 0..x.len().max(y.len()) {
                diff_values(&format!("{path}[{i}]"), x.get(i), y.get(i), out);
            }
        }
        (a, b) if a != b => out.push(SkpChange {
            path: path.to_owned(),
            sebelum: a.cloned(),
            sesudah: b.cloned(),
        }),
        _ => {}
    }
}

/// What changed from version `id` to version `with` (same employee and period).
///
/// # Errors
/// `NotFound` when either is not readable; `Validation` when they are not versions of one SKP.
pub async fn diff(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    with: Uuid,
) -> AppResult<Vec<SkpChange>> {
    let a = get(db, viewer, id).await?;
    let b = get(db, viewer, with).await?;
    if a.employee_id != b.employee_id || a.periode_id != b.periode_id {
        return Err(AppError::field("with", Pesan::BandingkanVersiSkpSama));
    }
    let mut out = Vec::new();
    diff_values("", Some(&content(&a)), Some(&content(&b)), &mut out);
    Ok(out)
}

/// Appends copies of `rhk` (with their IKI) to the SKP `to`, after its existing RHK.
/// Copies RHK and IKI into the SKP `to`; `continues` records each copy's original as the one it
/// continues (a perubahan SKP), so that entries can follow it once the new version is approved.
pub(crate) async fn copy_rhk(
    txn: &DatabaseTransaction,
    rhk: &[Rhk],
    to: Uuid,
    keep_intervensi: bool,
    continues: bool,
) -> AppResult<Vec<(Uuid, Uuid)>> {
    let mut copied = Vec::new();
    let start = skp_rhk::Entity::find()
        .filter(skp_rhk::Column::SkpId.eq(to))
        .count(txn)
        .await? as i32;
    for (i, r) in rhk.iter().enumerate() {
        let rhk_id = Uuid::now_v7();
        skp_rhk::ActiveModel {
            id: Set(rhk_id),
            skp_id: Set(to),
            jenis: Set(r.jenis.as_str().to_owned()),
            deskripsi: Set(r.deskripsi.clone()),
            urutan: Set(start + i as i32),
            penugasan_dari: Set(r.penugasan_dari.clone()),
            intervensi_rhk_id: Set(if keep_intervensi {
                r.intervensi_rhk_id
            } else {
                None
            }),
            asal_rhk_id: Set(r.id.filter(|_| continues)),
        }
        .insert(txn)
        .await?;
        let iki: Vec<skp_iki::ActiveModel> = r
            .iki
            .iter()
            .enumerate()
            .map(|(j, iki)| {
                let id = Uuid::now_v7();
                if let Some(old) = iki.id {
                    copied.push((old, id));
                }
                skp_iki::ActiveModel {
                    id: Set(id),
                    rhk_id: Set(rhk_id),
                    urutan: Set(j as i32),
                    aspek: Set(iki.aspek.map(|a| a.as_str().to_owned())),
                    indikator: Set(iki.indikator.clone()),
                    target_nilai: Set(iki.target_nilai),
                    target_satuan: Set(iki.target_satuan.clone()),
                    target_naratif: Set(iki.target_naratif.clone()),
                    arah: Set(iki.arah.unwrap_or(Arah::Naik).as_str().to_owned()),
                    perspektif: Set(iki.perspektif.map(|p| p.as_str().to_owned())),
                    asal_iki_id: Set(iki.id.filter(|_| continues)),
                    jenis_target: Set(iki.jenis_target.map(|j| j.as_str().to_owned())),
                    tenggat: Set(iki.tenggat),
                }
            })
            .collect();
        if !iki.is_empty() {
            skp_iki::Entity::insert_many(iki).exec(txn).await?;
        }
    }
    Ok(copied)
}

/// Copies an SKP's RHK (keeping what they intervene), IKI and perilaku into a new version.
/// The IKI's data-key bindings come along, so pushed values keep arriving once the new version
/// is approved.
async fn copy_children(txn: &DatabaseTransaction, from: &Skp, to: Uuid) -> AppResult<()> {
    let copied = copy_rhk(txn, &from.rhk, to, true, true).await?;
    let new_id: HashMap<Uuid, Uuid> = copied.into_iter().collect();
    let bindings = iki_data_keys::Entity::find()
        .filter(iki_data_keys::Column::IkiId.is_in(new_id.keys().copied()))
        .all(txn)
        .await?;
    if !bindings.is_empty() {
        let now = Utc::now();
        iki_data_keys::Entity::insert_many(bindings.into_iter().filter_map(|b| {
            new_id
                .get(&b.iki_id)
                .map(|&iki| iki_data_keys::ActiveModel {
                    iki_id: Set(iki),
                    data_key: Set(b.data_key),
                    agregasi: Set(b.agregasi),
                    updated_at: Set(now),
                })
        }))
        .exec(txn)
        .await?;
    }
    skp_perilaku::Entity::insert_many(from.perilaku.iter().map(|p| skp_perilaku::ActiveModel {
        skp_id: Set(to),
        nilai_kode: Set(p.nilai_kode.clone()),
        ekspektasi_khusus: Set(p.ekspektasi_khusus.clone()),
    }))
    .exec(txn)
    .await?;
    Ok(())
}

/// Perubahan SKP: after approval the owner starts a new version in draft; the approved one stays
/// in force (and readable) until the new one is approved.
///
/// # Errors
/// `Forbidden` for anyone but the owner; `Conflict` unless this is the latest, approved version.
pub async fn revise(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    req: ReasonedAction,
    meta: &RequestMeta,
) -> AppResult<Skp> {
    let txn = db.begin().await?;
    let m = find(&txn, id).await?;
    require_owner(&txn, viewer, &m).await?;
    check_lock(&m, req.lock_version)?;
    let latest = skps::Entity::find()
        .filter(skps::Column::PeriodId.eq(m.period_id))
        .filter(skps::Column::EmployeeId.eq(m.employee_id))
        .order_by_desc(skps::Column::Versi)
        .one(&txn)
        .await?
        .map(|l| l.id);
    if status(&m) != StatusSkp::Disetujui || latest != Some(m.id) {
        return Err(AppError::conflict(Pesan::PerubahanDariVersiTerakhir));
    }
    let current = load(&txn, m.clone()).await?;
    let now = Utc::now();
    let new_id = Uuid::now_v7();
    skps::ActiveModel {
        id: Set(new_id),
        period_id: Set(m.period_id),
        employee_id: Set(m.employee_id),
        versi: Set(m.versi + 1),
        lock_version: Set(1),
        status: Set(StatusSkp::Draft.as_str().to_owned()),
        pendekatan: Set(m.pendekatan.clone()),
        jenis: Set(m.jenis.clone()),
        ppkin_employee_id: Set(m.ppkin_employee_id),
        atasan_ppkin_employee_id: Set(m.atasan_ppkin_employee_id),
        snapshot: Set(m.snapshot.clone()),
        lampiran: Set(m.lampiran.clone()),
        catatan_pengembalian: Set(None),
        diajukan_at: Set(None),
        disetujui_at: Set(None),
        disetujui_oleh: Set(None),
        previous_id: Set(Some(m.id)),
        berlaku_dari_ke: Set(None),
        alasan_perubahan: Set(Some(req.alasan.trim().to_owned())),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    copy_children(&txn, &current, new_id).await?;
    audit::record(
        &txn,
        AuditEntry::new("skp.revised", "skp")
            .actor(viewer.user_id)
            .entity(new_id)
            .after(json!({"previous_id": m.id, "versi": m.versi + 1}))
            .reason(Some(req.alasan)),
        meta,
    )
    .await?;
    let dto = load(&txn, find(&txn, new_id).await?).await?;
    txn.commit().await?;
    Ok(dto)
}
