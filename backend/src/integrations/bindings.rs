//! IKI data-key bindings: which indicator of which SKP receives the values another system sends
//! under a key such as `simpus.pasien_dilayani`, and how daily values add up in a sub-period.

use std::collections::HashMap;

use chrono::Utc;
use kinerja_api::integrations::{Agregasi, DataKeyBinding, SetDataKey};
use kinerja_api::planning::StatusSkp;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::entities::{employees, iki_data_keys, periods, skp_iki, skp_rhk, skps};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::planning::access;
use crate::policy;

/// The bindings of the given SKPs, in SKP and indicator order.
///
/// # Errors
/// On a database failure.
pub async fn of_skps(
    db: &impl ConnectionTrait,
    skp_ids: &[Uuid],
) -> AppResult<Vec<DataKeyBinding>> {
    if skp_ids.is_empty() {
        return Ok(Vec::new());
    }
    let skp_rows: HashMap<Uuid, skps::Model> = skps::Entity::find()
        .filter(skps::Column::Id.is_in(skp_ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let rhk: HashMap<Uuid, Uuid> = skp_rhk::Entity::find()
        .filter(skp_rhk::Column::SkpId.is_in(skp_ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r.skp_id))
        .collect();
    let iki = skp_iki::Entity::find()
        .filter(skp_iki::Column::RhkId.is_in(rhk.keys().copied().collect::<Vec<_>>()))
        .order_by_asc(skp_iki::Column::Urutan)
        .all(db)
        .await?;
    let keys: HashMap<Uuid, iki_data_keys::Model> = iki_data_keys::Entity::find()
        .filter(iki_data_keys::Column::IkiId.is_in(iki.iter().map(|i| i.id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|k| (k.iki_id, k))
        .collect();
    let people: HashMap<Uuid, employees::Model> = employees::Entity::find()
        .filter(
            employees::Column::Id
                .is_in(skp_rows.values().map(|s| s.employee_id).collect::<Vec<_>>()),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let years: HashMap<Uuid, i32> = periods::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.tahun))
        .collect();
    let mut out = Vec::new();
    for i in &iki {
        let (Some(k), Some(skp_id)) = (keys.get(&i.id), rhk.get(&i.rhk_id)) else {
            continue;
        };
        let Some(s) = skp_rows.get(skp_id) else {
            continue;
        };
        let Some(person) = people.get(&s.employee_id) else {
            continue;
        };
        out.push(DataKeyBinding {
            iki_id: i.id,
            skp_id: s.id,
            data_key: k.data_key.clone(),
            agregasi: Agregasi::parse(&k.agregasi).unwrap_or(Agregasi::Sum),
            nip: person.nip.clone(),
            nama: person.nama.clone(),
            indikator: i.indikator.clone(),
            tahun: years.get(&s.period_id).copied().unwrap_or_default(),
        });
    }
    out.sort_by(|a, b| (&a.nama, a.skp_id).cmp(&(&b.nama, b.skp_id)));
    Ok(out)
}

/// The bindings of one SKP, for whoever may read it.
///
/// # Errors
/// `NotFound` when the viewer may not read the SKP.
pub async fn of_skp(
    db: &DatabaseConnection,
    viewer: &Viewer,
    skp_id: Uuid,
) -> AppResult<Vec<DataKeyBinding>> {
    let m = access::find(db, skp_id).await?;
    if !access::can_read(db, viewer, &m).await? {
        return Err(AppError::NotFound("SKP"));
    }
    of_skps(db, &[skp_id]).await
}

/// Binds (or with `data_key: null` unbinds) an IKI. The owner or the HR admin may do it at
/// any status: a binding changes where values come from, not what was agreed.
///
/// # Errors
/// `Forbidden`/`NotFound` as for SKP writes; `NotFound` for an IKI of another SKP.
pub async fn set(
    db: &DatabaseConnection,
    viewer: &Viewer,
    skp_id: Uuid,
    iki_id: Uuid,
    req: SetDataKey,
    meta: &RequestMeta,
) -> AppResult<Vec<DataKeyBinding>> {
    let txn = db.begin().await?;
    let m = access::find(&txn, skp_id).await?;
    if !policy::can(
        &viewer.roles,
        kinerja_api::auth::Permission::ManageOrganisation,
    ) {
        access::require_owner(&txn, viewer, &m).await?;
    }
    let iki = skp_iki::Entity::find_by_id(iki_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("Indikator"))?;
    let rhk = skp_rhk::Entity::find_by_id(iki.rhk_id).one(&txn).await?;
    if rhk.is_none_or(|r| r.skp_id != skp_id) {
        return Err(AppError::NotFound("Indikator"));
    }
    let existing = iki_data_keys::Entity::find_by_id(iki_id).one(&txn).await?;
    let before = existing
        .as_ref()
        .map(|e| json!({"data_key": e.data_key, "agregasi": e.agregasi}));
    if let Some(e) = existing {
        iki_data_keys::Entity::delete_by_id(e.iki_id)
            .exec(&txn)
            .await?;
    }
    let agregasi = req.agregasi.unwrap_or(Agregasi::Sum);
    if let Some(key) = &req.data_key {
        iki_data_keys::ActiveModel {
            iki_id: Set(iki_id),
            data_key: Set(key.clone()),
            agregasi: Set(agregasi.as_str().to_owned()),
            updated_at: Set(Utc::now()),
        }
        .insert(&txn)
        .await?;
    }
    let mut entry = AuditEntry::new("iki.data_key_set", "iki")
        .actor(viewer.user_id)
        .entity(iki_id)
        .after(json!({"data_key": req.data_key, "agregasi": agregasi.as_str()}));
    if let Some(b) = before {
        entry = entry.before(b);
    }
    audit::record(&txn, entry, meta).await?;
    txn.commit().await?;
    of_skps(db, &[skp_id]).await
}

/// Bindings of the approved SKPs of employees in the client's unit (and below) for a year:
/// what the client can send.
///
/// # Errors
/// On a database failure.
pub async fn for_client(
    db: &DatabaseConnection,
    unit_id: Uuid,
    tahun: i32,
) -> AppResult<Vec<DataKeyBinding>> {
    let units = crate::organisation::tree::subtree(db, unit_id).await?;
    let people: Vec<Uuid> = employees::Entity::find()
        .filter(employees::Column::UnitId.is_in(units))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.id)
        .collect();
    let period_ids: Vec<Uuid> = periods::Entity::find()
        .filter(periods::Column::Tahun.eq(tahun))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    let skp_ids: Vec<Uuid> = skps::Entity::find()
        .filter(skps::Column::EmployeeId.is_in(people))
        .filter(skps::Column::PeriodId.is_in(period_ids))
        .filter(skps::Column::Status.eq(StatusSkp::Disetujui.as_str()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    of_skps(db, &skp_ids).await
}
