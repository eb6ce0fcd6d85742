//! A year's record across SKP versions (perubahan SKP).
//!
//! An employee has one SKP per period, possibly in several versions (a mid-year mutasi, a
//! change of organisation). The version in force for a sub-period is the latest approved
//! version whose first sub-period is not after it: the first approved version governs from the
//! start of the year, a later one from the sub-period containing the local day it was approved.
//! The year view (realisasi, feedback, evaluation, objection, improvement plan) reads each
//! sub-period from the version that governs it, whichever version the client names.
//!
//! When a new version is approved, what was recorded for the sub-period it starts in and the
//! ones after (realisasi with evidence, rencana aksi, pushed values, feedback, evaluations,
//! unlocks) moves to it, indicator by indicator, for the indicators it continues; entries of an
//! indicator the change removed stay with the earlier version. Earlier sub-periods stay where
//! they were made. See docs/regulation.md, "Perubahan SKP".

use std::collections::HashMap;

use chrono::Datelike;
use kinerja_api::planning::{Ritme, StatusSkp};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use crate::entities::{
    evaluations, feedback, ingest_values, period_unlocks, periods, realisasi, rencana_aksi,
    skp_iki, skp_rhk, skps,
};
use crate::error::AppResult;

/// Number of sub-periods of the period's rhythm.
fn jumlah(period: &periods::Model) -> i32 {
    match Ritme::parse(&period.ritme).unwrap_or(Ritme::Bulanan) {
        Ritme::Bulanan => 12,
        Ritme::Triwulanan => 4,
        Ritme::Semesteran => 2,
    }
}

/// The sub-period (1-based) containing `day`: the first before the period, the last after it.
#[must_use]
pub fn periode_ke_of(period: &periods::Model, day: chrono::NaiveDate) -> i32 {
    let n = jumlah(period);
    if day < period.mulai {
        return 1;
    }
    if day > period.selesai || day.year() != period.mulai.year() {
        return n;
    }
    let months = 12 / n;
    let month0 = i32::try_from(day.month0()).unwrap_or_default();
    (month0 / months + 1).clamp(1, n)
}

/// Whether the version was approved and not taken back (a closed version was approved, then
/// replaced by a later one).
#[must_use]
pub fn approved(m: &skps::Model) -> bool {
    m.disetujui_at.is_some()
        && matches!(
            StatusSkp::parse(&m.status),
            Some(StatusSkp::Disetujui | StatusSkp::Ditutup)
        )
}

/// The first sub-period an approved version governs (none for a version never approved).
#[must_use]
pub fn berlaku_dari(m: &skps::Model, period: &periods::Model) -> Option<i32> {
    let at = m.disetujui_at?;
    Some(m.berlaku_dari_ke.unwrap_or_else(|| {
        if m.previous_id.is_none() {
            1
        } else {
            periode_ke_of(
                period,
                crate::clock::local_day(at, crate::clock::WIB_OFFSET_SECS),
            )
        }
    }))
}

/// The approved versions of one employee's SKP for a period, oldest first, each with the first
/// sub-period it governs.
#[derive(Debug, Clone, Default)]
pub struct Versions(Vec<(skps::Model, i32)>);

impl Versions {
    /// Builds the list from any versions of one employee and period (unapproved ones are left
    /// out).
    #[must_use]
    pub fn of(period: &periods::Model, mut models: Vec<skps::Model>) -> Self {
        models.sort_by_key(|m| m.versi);
        Self(
            models
                .into_iter()
                .filter(approved)
                .filter_map(|m| berlaku_dari(&m, period).map(|k| (m, k)))
                .collect(),
        )
    }

    /// No version at all.
    #[must_use]
    pub fn of_none() -> Self {
        Self(Vec::new())
    }

    /// Loads them (one query).
    ///
    /// # Errors
    /// On a database failure.
    pub async fn load(
        db: &impl ConnectionTrait,
        period: &periods::Model,
        employee_id: Uuid,
    ) -> AppResult<Self> {
        let models = skps::Entity::find()
            .filter(skps::Column::PeriodId.eq(period.id))
            .filter(skps::Column::EmployeeId.eq(employee_id))
            .order_by_asc(skps::Column::Versi)
            .all(db)
            .await?;
        Ok(Self::of(period, models))
    }

    /// The version in force for sub-period `k`; for the year (`k` = 0), the latest approved.
    #[must_use]
    pub fn in_force(&self, k: i32) -> Option<&skps::Model> {
        if k == 0 {
            return self.0.last().map(|(m, _)| m);
        }
        self.0
            .iter()
            .rev()
            .find(|(_, from)| *from <= k)
            .map(|(m, _)| m)
    }

    /// Each approved version with the first sub-period it governs, oldest first.
    #[must_use]
    pub fn all(&self) -> &[(skps::Model, i32)] {
        &self.0
    }
}

/// The version of `m`'s employee and period in force for sub-period `k`, else `m` itself (no
/// version approved yet).
///
/// # Errors
/// On a database failure.
pub async fn resolve(db: &impl ConnectionTrait, m: skps::Model, k: i32) -> AppResult<skps::Model> {
    Ok(resolve_in_period(db, m, k).await?.0)
}

/// As [`resolve`], with the period it read (every version of the year shares it), for callers
/// that need it too.
///
/// # Errors
/// On a database failure.
pub async fn resolve_in_period(
    db: &impl ConnectionTrait,
    m: skps::Model,
    k: i32,
) -> AppResult<(skps::Model, periods::Model)> {
    let (m, period, _) = resolve_with_versions(db, m, k).await?;
    Ok((m, period))
}

/// As [`resolve_in_period`], with the year's versions it read, which a realisasi sheet then
/// does not read again ([`crate::measurement::tahun::Tahun::load_in`]).
///
/// # Errors
/// On a database failure.
pub async fn resolve_with_versions(
    db: &impl ConnectionTrait,
    m: skps::Model,
    k: i32,
) -> AppResult<(skps::Model, periods::Model, Versions)> {
    let period = super::periods::find(db, m.period_id).await?;
    let versions = Versions::load(db, &period, m.employee_id).await?;
    let m = versions.in_force(k).cloned().unwrap_or(m);
    Ok((m, period, versions))
}

/// The indicators of the given SKP versions, each with the version it belongs to (two queries,
/// whatever the number of SKP).
///
/// # Errors
/// On a database failure.
pub async fn iki_of_skps(
    db: &impl ConnectionTrait,
    skp_ids: impl IntoIterator<Item = Uuid>,
) -> AppResult<HashMap<Uuid, Uuid>> {
    let rhk: HashMap<Uuid, Uuid> = skp_rhk::Entity::find()
        .filter(skp_rhk::Column::SkpId.is_in(skp_ids.into_iter().collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r.skp_id))
        .collect();
    if rhk.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(skp_iki::Entity::find()
        .filter(skp_iki::Column::RhkId.is_in(rhk.keys().copied().collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|i| rhk.get(&i.rhk_id).map(|s| (i.id, *s)))
        .collect())
}

/// Moves what was recorded on `from` for sub-period `from_k` and later (and the year's
/// evaluation) to the newly approved version `to`, following each RHK and IKI to the one that
/// continues it. Bounded by the size of one SKP, not by the organisation.
///
/// # Errors
/// On a database failure.
pub async fn carry_over(
    txn: &DatabaseTransaction,
    from: Uuid,
    to: Uuid,
    from_k: i32,
) -> AppResult<()> {
    let rhk: HashMap<Uuid, Uuid> = skp_rhk::Entity::find()
        .filter(skp_rhk::Column::SkpId.eq(to))
        .all(txn)
        .await?
        .into_iter()
        .filter_map(|r| r.asal_rhk_id.map(|a| (a, r.id)))
        .collect();
    let iki: HashMap<Uuid, Uuid> = if rhk.is_empty() {
        HashMap::new()
    } else {
        skp_iki::Entity::find()
            .filter(skp_iki::Column::RhkId.is_in(rhk.values().copied()))
            .all(txn)
            .await?
            .into_iter()
            .filter_map(|i| i.asal_iki_id.map(|a| (a, i.id)))
            .collect()
    };
    for (&old, &new) in &iki {
        realisasi::Entity::update_many()
            .col_expr(realisasi::Column::IkiId, Expr::value(new))
            .filter(realisasi::Column::IkiId.eq(old))
            .filter(realisasi::Column::PeriodeKe.gte(from_k))
            .exec(txn)
            .await?;
        rencana_aksi::Entity::update_many()
            .col_expr(rencana_aksi::Column::IkiId, Expr::value(new))
            .filter(rencana_aksi::Column::IkiId.eq(old))
            .filter(rencana_aksi::Column::PeriodeKe.gte(from_k))
            .exec(txn)
            .await?;
        ingest_values::Entity::update_many()
            .col_expr(ingest_values::Column::IkiId, Expr::value(new))
            .filter(ingest_values::Column::IkiId.eq(old))
            .filter(ingest_values::Column::PeriodeKe.gte(from_k))
            .exec(txn)
            .await?;
    }
    // Feedback follows its target; a thread on something the change removed stays behind.
    let threads = feedback::Entity::find()
        .filter(feedback::Column::SkpId.eq(from))
        .filter(feedback::Column::PeriodeKe.gte(from_k))
        .all(txn)
        .await?;
    for f in threads {
        let target = match (f.iki_id, f.rhk_id) {
            (Some(i), _) => iki
                .get(&i)
                .map(|&n| (f.rhk_id.and_then(|r| rhk.get(&r).copied()), Some(n))),
            (None, Some(r)) => rhk.get(&r).map(|&n| (Some(n), None)),
            (None, None) => Some((None, None)),
        };
        let Some((new_rhk, new_iki)) = target else {
            continue;
        };
        feedback::Entity::update_many()
            .col_expr(feedback::Column::SkpId, Expr::value(to))
            .col_expr(feedback::Column::RhkId, Expr::value(new_rhk))
            .col_expr(feedback::Column::IkiId, Expr::value(new_iki))
            .filter(feedback::Column::Id.eq(f.id))
            .exec(txn)
            .await?;
    }
    evaluations::Entity::update_many()
        .col_expr(evaluations::Column::SkpId, Expr::value(to))
        .filter(evaluations::Column::SkpId.eq(from))
        .filter(
            sea_orm::Condition::any()
                .add(evaluations::Column::PeriodeKe.gte(from_k))
                .add(evaluations::Column::PeriodeKe.eq(0)),
        )
        .exec(txn)
        .await?;
    period_unlocks::Entity::update_many()
        .col_expr(period_unlocks::Column::SkpId, Expr::value(to))
        .filter(period_unlocks::Column::SkpId.eq(from))
        .filter(period_unlocks::Column::PeriodeKe.gte(from_k))
        .exec(txn)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone, Utc};

    fn period(ritme: &str) -> periods::Model {
        let now = Utc::now();
        periods::Model {
            id: Uuid::nil(),
            instansi_id: Uuid::nil(),
            tahun: 2026,
            mulai: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            selesai: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
            ritme: ritme.to_owned(),
            batas_penetapan_skp: None,
            jeda_kunci_realisasi_hari: 5,
            batas_evaluasi_tahunan: None,
            jendela_keberatan_hari: 14,
            status: "dibuka".to_owned(),
            created_at: now,
            updated_at: now,
            lock_version: 1,
        }
    }

    fn version(
        versi: i32,
        status: &str,
        approved_at: Option<chrono::DateTime<Utc>>,
    ) -> skps::Model {
        let now = Utc::now();
        skps::Model {
            id: Uuid::now_v7(),
            period_id: Uuid::nil(),
            employee_id: Uuid::nil(),
            versi,
            lock_version: 1,
            status: status.to_owned(),
            pendekatan: "kuantitatif".to_owned(),
            jenis: "ja_jf".to_owned(),
            ppkin_employee_id: None,
            atasan_ppkin_employee_id: None,
            snapshot: serde_json::json!({}),
            lampiran: serde_json::json!({}),
            catatan_pengembalian: None,
            diajukan_at: None,
            disetujui_at: approved_at,
            disetujui_oleh: None,
            previous_id: (versi > 1).then(Uuid::nil),
            berlaku_dari_ke: None,
            alasan_perubahan: None,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn each_sub_period_reads_the_version_approved_for_it() {
        let p = period("bulanan");
        let jan = Utc.with_ymd_and_hms(2026, 1, 20, 3, 0, 0).unwrap();
        // Approved at 23:30 WIB on 31 May it governs May; at 00:30 WIB on 1 June (still 31 May
        // in UTC) it governs from June.
        let may_night = Utc.with_ymd_and_hms(2026, 5, 31, 16, 30, 0).unwrap();
        let june_night = Utc.with_ymd_and_hms(2026, 5, 31, 17, 30, 0).unwrap();
        let v = Versions::of(
            &p,
            vec![
                version(1, "ditutup", Some(jan)),
                version(2, "disetujui", Some(may_night)),
            ],
        );
        assert_eq!(v.in_force(4).map(|m| m.versi), Some(1));
        assert_eq!(v.in_force(5).map(|m| m.versi), Some(2));
        assert_eq!(v.in_force(0).map(|m| m.versi), Some(2));
        let v = Versions::of(
            &p,
            vec![
                version(1, "ditutup", Some(jan)),
                version(2, "disetujui", Some(june_night)),
            ],
        );
        assert_eq!(v.in_force(5).map(|m| m.versi), Some(1));
        assert_eq!(v.in_force(6).map(|m| m.versi), Some(2));
        // A draft perubahan governs nothing: the approved version stays in force.
        let v = Versions::of(
            &p,
            vec![
                version(1, "disetujui", Some(jan)),
                version(2, "draft", None),
            ],
        );
        assert_eq!(v.in_force(12).map(|m| m.versi), Some(1));
        // Nothing approved yet.
        assert!(
            Versions::of(&p, vec![version(1, "diajukan", None)])
                .in_force(3)
                .is_none()
        );
    }

    #[test]
    fn the_sub_period_of_a_day_follows_the_rhythm() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        assert_eq!(periode_ke_of(&period("bulanan"), d(7, 1)), 7);
        assert_eq!(periode_ke_of(&period("triwulanan"), d(7, 1)), 3);
        assert_eq!(periode_ke_of(&period("semesteran"), d(6, 30)), 1);
        assert_eq!(
            periode_ke_of(
                &period("bulanan"),
                NaiveDate::from_ymd_opt(2027, 1, 2).unwrap()
            ),
            12
        );
        assert_eq!(
            periode_ke_of(
                &period("bulanan"),
                NaiveDate::from_ymd_opt(2025, 12, 2).unwrap()
            ),
            1
        );
    }
}
