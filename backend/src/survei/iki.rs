//! An IKI fed by the IKM of its unit's surveys (docs/ikm.md, "Feeding the SKP").
//!
//! The binding is a data-key binding with the reserved key `survei.ikm.<unit id>`
//! ([`kinerja_api::survei_iki`]), so it stays with the IKI when a draft SKP is saved and is
//! copied into a new SKP version like any other binding. Whenever a survey's responses change
//! the caller marks it ([`tandai`]); a background job ([`super::iki_hitung::hitung_yang_perlu`])
//! recomputes the marked surveys and lands their IKM as realisasi with source `survei`.

use std::collections::HashSet;

use chrono::Utc;
use kinerja_api::Pesan;
use kinerja_api::auth::Permission;
use kinerja_api::survei_iki::{SetSurveiIki, SurveiIki, kunci_data, kunci_survei, unit_dari_kunci};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::entities::{
    employees, iki_data_keys, iki_survei_tertunda, skp_iki, skp_rhk, survei_hitung, units,
};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::planning::access;
use crate::policy;

/// Marks a survey whose valid responses changed, for the job to recompute its IKM.
///
/// Call it after the transaction that changed the responses has committed: the job clears the
/// mark before it reads the responses, so a response committed before the mark is always
/// counted (by this run or the next). Cheap enough for every public submission: one read while
/// the survey is already marked, two small writes otherwise. A failure is logged, not
/// returned: the response is stored either way and the next one marks the survey again.
pub async fn tandai(db: &impl ConnectionTrait, survei_id: Uuid) {
    if let Err(e) = tandai_atau_gagal(db, survei_id).await {
        tracing::warn!(error = ?e, survei = %survei_id, "marking a survey for its IKM failed");
    }
}

async fn tandai_atau_gagal(db: &impl ConnectionTrait, survei_id: Uuid) -> AppResult<()> {
    // Already marked: one read and no write, the usual case under a stream of answers. Safe
    // against the job's claim: a mark seen here is cleared only after this response committed,
    // so the run that clears it reads this response.
    let marked = survei_hitung::Entity::find_by_id(survei_id)
        .one(db)
        .await?
        .is_some_and(|h| h.perlu_dihitung);
    if marked {
        return Ok(());
    }
    let set = survei_hitung::Entity::update_many()
        .col_expr(survei_hitung::Column::PerluDihitung, Expr::value(true))
        .filter(survei_hitung::Column::SurveiId.eq(survei_id))
        .filter(survei_hitung::Column::PerluDihitung.eq(false))
        .exec(db)
        .await?;
    if set.rows_affected == 0 {
        // Already marked, or never computed: then the row is created marked.
        survei_hitung::Entity::insert(survei_hitung::ActiveModel {
            survei_id: Set(survei_id),
            perlu_dihitung: Set(true),
            dimulai_at: Set(None),
            dihitung_at: Set(None),
        })
        .on_conflict_do_nothing()
        .exec(db)
        .await?;
    }
    Ok(())
}

/// Refuses an employee's own realisasi for an IKI fed by a survey: the value is the citizens'
/// verdict, not the employee's report.
///
/// # Errors
/// `Conflict` when the IKI is bound to a survey.
pub async fn tolak_isian_pegawai(db: &impl ConnectionTrait, iki_id: Uuid) -> AppResult<()> {
    let bound = iki_data_keys::Entity::find_by_id(iki_id)
        .one(db)
        .await?
        .is_some_and(|b| kunci_survei(&b.data_key));
    if bound {
        return Err(AppError::conflict(Pesan::RealisasiDariSurvei));
    }
    Ok(())
}

/// The survey-fed IKIs of the given SKPs, in indicator order.
///
/// # Errors
/// On a database failure.
pub async fn of_skps(db: &impl ConnectionTrait, skp_ids: &[Uuid]) -> AppResult<Vec<SurveiIki>> {
    let rhk: std::collections::HashMap<Uuid, Uuid> = skp_rhk::Entity::find()
        .filter(skp_rhk::Column::SkpId.is_in(skp_ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r.skp_id))
        .collect();
    if rhk.is_empty() {
        return Ok(Vec::new());
    }
    let iki = skp_iki::Entity::find()
        .filter(skp_iki::Column::RhkId.is_in(rhk.keys().copied().collect::<Vec<_>>()))
        .order_by_asc(skp_iki::Column::RhkId)
        .order_by_asc(skp_iki::Column::Urutan)
        .all(db)
        .await?;
    let keys: std::collections::HashMap<Uuid, Uuid> = iki_data_keys::Entity::find()
        .filter(iki_data_keys::Column::IkiId.is_in(iki.iter().map(|i| i.id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|k| unit_dari_kunci(&k.data_key).map(|u| (k.iki_id, u)))
        .collect();
    let names =
        crate::organisation::tree::unit_names(db, keys.values().copied().collect::<HashSet<_>>())
            .await?;
    Ok(iki
        .into_iter()
        .filter_map(|i| {
            let unit = *keys.get(&i.id)?;
            Some(SurveiIki {
                iki_id: i.id,
                skp_id: *rhk.get(&i.rhk_id)?,
                indikator: i.indikator,
                unit_id: unit,
                unit_nama: names.get(&unit).cloned().unwrap_or_default(),
                data_key: kunci_data(unit),
            })
        })
        .collect())
}

/// The survey-fed IKIs of one SKP, for whoever may read it.
///
/// # Errors
/// `NotFound` when the viewer may not read the SKP.
pub async fn of_skp(
    db: &DatabaseConnection,
    viewer: &Viewer,
    skp_id: Uuid,
) -> AppResult<Vec<SurveiIki>> {
    let m = access::find(db, skp_id).await?;
    if !access::can_read(db, viewer, &m).await? {
        return Err(AppError::NotFound("SKP"));
    }
    of_skps(db, &[skp_id]).await
}

/// Binds an IKI to the surveys of a unit of the owner's instansi, or with `unit_id: null`
/// removes that binding. As for data keys, the owner or the HR admin may do it at any status:
/// it changes where the value comes from, not what was agreed. Binding replaces any other
/// data key of the IKI (one source per indicator). The IKM lands once the SKP is approved.
///
/// # Errors
/// `Forbidden`/`NotFound` as for SKP writes; `NotFound` for an IKI of another SKP;
/// `Validation` for a unit that does not exist or belongs to another instansi.
pub async fn set(
    db: &DatabaseConnection,
    viewer: &Viewer,
    skp_id: Uuid,
    iki_id: Uuid,
    req: SetSurveiIki,
    meta: &RequestMeta,
) -> AppResult<Vec<SurveiIki>> {
    let txn = db.begin().await?;
    let m = access::find(&txn, skp_id).await?;
    if !policy::can(&viewer.roles, Permission::ManageOrganisation) {
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
    if let Some(unit_id) = req.unit_id {
        let unit = units::Entity::find_by_id(unit_id)
            .one(&txn)
            .await?
            .ok_or_else(|| AppError::field("unit_id", Pesan::UnitTidakDitemukan))?;
        let owner = employees::Entity::find_by_id(m.employee_id)
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound("Pegawai"))?;
        if unit.instansi_id != owner.instansi_id {
            return Err(AppError::field("unit_id", Pesan::UnitBukanInstansiPegawai));
        }
    }
    let existing = iki_data_keys::Entity::find_by_id(iki_id).one(&txn).await?;
    let before = existing
        .as_ref()
        .map(|e| json!({"data_key": e.data_key, "agregasi": e.agregasi}));
    // Unbinding removes only a survey binding; a key pushed by another system stays.
    let remove = existing
        .as_ref()
        .is_some_and(|e| req.unit_id.is_some() || kunci_survei(&e.data_key));
    if remove {
        iki_data_keys::Entity::delete_by_id(iki_id)
            .exec(&txn)
            .await?;
    }
    let key = req.unit_id.map(kunci_data);
    if let Some(key) = &key {
        iki_data_keys::ActiveModel {
            iki_id: Set(iki_id),
            data_key: Set(key.clone()),
            // The IKM of the survey stands as is.
            agregasi: Set("last".to_owned()),
            updated_at: Set(Utc::now()),
        }
        .insert(&txn)
        .await?;
        iki_survei_tertunda::Entity::insert(iki_survei_tertunda::ActiveModel {
            iki_id: Set(iki_id),
            created_at: Set(Utc::now()),
        })
        .on_conflict_do_nothing()
        .exec(&txn)
        .await?;
    }
    let mut entry = AuditEntry::new("iki.survei_set", "iki")
        .actor(viewer.user_id)
        .entity(iki_id)
        .after(json!({"unit_id": req.unit_id, "data_key": key}));
    if let Some(b) = before {
        entry = entry.before(b);
    }
    audit::record(&txn, entry, meta).await?;
    txn.commit().await?;
    of_skps(db, &[skp_id]).await
}
