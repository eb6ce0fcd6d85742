//! Kept dashboards (docs/dasbor.md, "Cost"). Counting a unit reads every SKP's indicators and
//! their realisasi below it: about 60 ms for a kecamatan and seconds for an instansi of
//! 100 000 people, where a dashboard must answer in 50 and 150 ms to many viewers at once. So
//! each count is kept per unit, period, local day and audience, stamped with the time it was
//! counted, together with the state of each person under the unit (`dasbor_pegawai`, which
//! the people behind a number are read from). A request reads the kept answer; once it is
//! older than `KINERJA_DASBOR_UMUR_KECIL_DETIK` (a subtree of fewer than
//! `KINERJA_DASBOR_SIMPAN_UNIT` units) or `KINERJA_DASBOR_UMUR_DETIK` (a larger one), the
//! request still answers with it and one server (the one whose claim lands) recounts it in
//! the background. Only the first request of the day for a unit waits for a count.
//! `KINERJA_DASBOR_UMUR_KECIL_DETIK=0` counts small subtrees for every request instead.

use chrono::{DateTime, Duration, SubsecRound, Utc};
use kinerja_api::dasbor::{Dasbor, DasborQuery};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, ExprTrait, QueryFilter, Set,
    Statement, Value,
};

use super::service::{Konteks, hitung, jalur, konteks, subtree_of};
use super::sql::{self, Subtree};
use crate::auth::Viewer;
use crate::clock::Clock;
use crate::config::Settings;
use crate::entities::dasbor_simpan as simpan;
use crate::error::AppResult;
use crate::evaluation::service::Kebijakan;

/// A claim older than this is taken to be of a server that died while counting.
const KLAIM_BASI_MENIT: i64 = 10;

/// When a dashboard is kept, and for how long a kept one is served before it is recounted.
#[derive(Debug, Clone, Copy)]
pub struct Aturan {
    /// Subtrees with at least this many units are large.
    pub min_unit: usize,
    /// Age after which a large subtree's kept answer is recounted.
    pub umur: Duration,
    /// The same for a small subtree; zero counts it for every request.
    pub umur_kecil: Duration,
}

fn detik(s: u64) -> Duration {
    Duration::seconds(i64::try_from(s).unwrap_or(i64::MAX / 2_000))
}

impl Aturan {
    #[must_use]
    pub fn from_settings(s: &Settings) -> Self {
        Self {
            min_unit: s.dasbor_simpan_unit,
            umur: detik(s.dasbor_umur_detik),
            umur_kecil: detik(s.dasbor_umur_kecil_detik),
        }
    }

    /// How long a count of this subtree is served; none when it is counted per request.
    fn umur_untuk(&self, subtree: &Subtree) -> Option<Duration> {
        let besar = match subtree {
            Subtree::Walk => true,
            Subtree::Listed(units) => units.len() + 1 >= self.min_unit,
        };
        if besar {
            Some(self.umur)
        } else {
            (self.umur_kecil > Duration::zero()).then_some(self.umur_kecil)
        }
    }
}

/// The dashboard of one unit: the kept one (see the module), or counted for this request.
///
/// # Errors
/// `NotFound` for a unit the viewer may not read; `Validation` on `periode_id` for an unknown
/// period or one of another instansi.
pub async fn dasbor(
    db: &DatabaseConnection,
    bacaan: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    q: DasborQuery,
    aturan: &Aturan,
    clock: &Clock,
) -> AppResult<Dasbor> {
    // Reads that write nothing take `bacaan` (the read replica when there is one); the kept
    // answers, their claims and the counts that keep their people are on the primary.
    let c = konteks(bacaan, viewer, q.unit_id, q.periode_id).await?;
    let jalur = jalur(bacaan, viewer, &c).await?;
    let key = kunci(&c);
    let mut d = match simpanan(db, key).await? {
        Some((row, mut d)) => {
            d.dihitung_pada = Some(row.dihitung_pada);
            let now = Utc::now();
            let basi = row.berlaku_sampai.is_none_or(|t| now >= t);
            if basi && klaim(db, key, now).await? {
                let (db, viewer, aturan, clock) =
                    (db.clone(), viewer.clone(), *aturan, clock.clone());
                tokio::spawn(async move {
                    let run = async {
                        let subtree = subtree_of(&db, key.0).await?;
                        hitung_simpan(&db, kebijakan, &viewer, &c, &subtree, &aturan).await
                    };
                    if let Err(e) = clock.scope(run).await {
                        tracing::warn!(error = ?e, unit = %key.0, "dashboard recount failed");
                        // Leave it to the next request rather than to the stale-claim timeout.
                        let _ = lepas(&db, key).await;
                    }
                });
            }
            d
        }
        None => {
            let subtree = subtree_of(bacaan, c.root.id).await?;
            if aturan.umur_untuk(&subtree).is_none() {
                hitung(bacaan, kebijakan, viewer, &c, &subtree, false).await?
            } else if mulai(db, key).await? {
                // Counted in a task of its own: when the count outlasts the request's time
                // limit (an instansi on a busy server), it still lands for the next request
                // instead of being dropped with the request and started again by every later one.
                let (db2, viewer2, aturan2, clock2) =
                    (db.clone(), viewer.clone(), *aturan, clock.clone());
                tokio::spawn(async move {
                    let d = clock2
                        .scope(hitung_simpan(
                            &db2, kebijakan, &viewer2, &c, &subtree, &aturan2,
                        ))
                        .await;
                    if d.is_err() {
                        // Leave it to the next request rather than to the stale-claim timeout.
                        let _ = lepas(&db2, key).await;
                    }
                    d
                })
                .await
                .map_err(|e| anyhow::anyhow!("dashboard count: {e}"))??
            } else {
                // Another request (on this server or another) is counting it: wait for its
                // answer instead of counting the same subtree twice at once; take over if its
                // claim is released (the count failed) or goes stale (its server died).
                loop {
                    if let Some((row, mut d)) = simpanan(db, key).await? {
                        d.dihitung_pada = Some(row.dihitung_pada);
                        break d;
                    }
                    if klaim(db, key, Utc::now()).await? {
                        let d = hitung_simpan(db, kebijakan, viewer, &c, &subtree, aturan).await;
                        if d.is_err() {
                            let _ = lepas(db, key).await;
                        }
                        break d?;
                    }
                    tokio::time::sleep(std::time::Duration::from_millis(250)).await;
                }
            }
        }
    };
    d.jalur = jalur;
    Ok(d)
}

/// Counts the dashboard and keeps it with its people; the answer carries its time.
async fn hitung_simpan(
    db: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    c: &Konteks,
    subtree: &Subtree,
    aturan: &Aturan,
) -> AppResult<Dasbor> {
    let started = stamp();
    let mut d = hitung(db, kebijakan, viewer, c, subtree, true).await?;
    let umur = aturan.umur_untuk(subtree).unwrap_or(aturan.umur_kecil);
    simpan_hasil(db, kunci(c), &d, started, started + umur).await?;
    d.dihitung_pada = Some(started);
    Ok(d)
}

/// Now, to the microsecond PostgreSQL keeps, so the answer counted for a request carries the
/// same time as the kept one read later.
fn stamp() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

type Kunci = (uuid::Uuid, uuid::Uuid, chrono::NaiveDate, bool);

fn kunci(c: &Konteks) -> Kunci {
    (c.root.id, c.period.id, c.today, c.all)
}

/// The kept answer of `key`, if one is kept that this server can read (an answer kept by an
/// older version may not read: it is counted again).
async fn simpanan(
    db: &DatabaseConnection,
    key: Kunci,
) -> AppResult<Option<(simpan::Model, Dasbor)>> {
    let kept = simpan::Entity::find_by_id(key).one(db).await?;
    Ok(kept.and_then(|row| {
        let d: Dasbor = serde_json::from_str(&row.isi).ok()?;
        Some((row, d))
    }))
}

/// Takes the right to make the first count of `key`: a placeholder row holding the claim
/// (its answer does not read, so nobody serves it). True for exactly one caller; the others
/// wait for its answer, or take over a placeholder whose claim was released or went stale
/// (and a row an older version left) as [`klaim`] does.
async fn mulai(db: &DatabaseConnection, key: Kunci) -> AppResult<bool> {
    let now = stamp();
    let res = simpan::Entity::insert(simpan::ActiveModel {
        unit_id: Set(key.0),
        periode_id: Set(key.1),
        hari: Set(key.2),
        semua: Set(key.3),
        isi: Set(String::new()),
        dihitung_pada: Set(now),
        dihitung_mulai: Set(Some(now)),
        berlaku_sampai: Set(None),
    })
    .on_conflict(
        OnConflict::columns([
            simpan::Column::UnitId,
            simpan::Column::PeriodeId,
            simpan::Column::Hari,
            simpan::Column::Semua,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(res == 1)
}

/// Takes the right to recount `key`: true for exactly one caller while no live claim exists.
async fn klaim(db: &DatabaseConnection, key: Kunci, now: DateTime<Utc>) -> AppResult<bool> {
    let basi = now - Duration::minutes(KLAIM_BASI_MENIT);
    let res = simpan::Entity::update_many()
        .col_expr(simpan::Column::DihitungMulai, Expr::value(now))
        .filter(cocok(key))
        .filter(
            simpan::Column::DihitungMulai
                .is_null()
                .or(simpan::Column::DihitungMulai.lt(basi)),
        )
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

async fn lepas(db: &DatabaseConnection, key: Kunci) -> AppResult<()> {
    simpan::Entity::update_many()
        .col_expr(
            simpan::Column::DihitungMulai,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(cocok(key))
        .exec(db)
        .await?;
    Ok(())
}

fn cocok(key: Kunci) -> sea_orm::Condition {
    sea_orm::Condition::all()
        .add(simpan::Column::UnitId.eq(key.0))
        .add(simpan::Column::PeriodeId.eq(key.1))
        .add(simpan::Column::Hari.eq(key.2))
        .add(simpan::Column::Semua.eq(key.3))
}

/// Keeps `d` as counted at `at`, fresh until `sampai` (replacing the day's answer and
/// releasing the claim), and drops the unit's answers and people of earlier days.
async fn simpan_hasil(
    db: &DatabaseConnection,
    key: Kunci,
    d: &Dasbor,
    at: DateTime<Utc>,
    sampai: DateTime<Utc>,
) -> AppResult<()> {
    let isi = serde_json::to_string(d).map_err(|e| anyhow::anyhow!("dashboard JSON: {e}"))?;
    simpan::Entity::insert(simpan::ActiveModel {
        unit_id: Set(key.0),
        periode_id: Set(key.1),
        hari: Set(key.2),
        semua: Set(key.3),
        isi: Set(isi),
        dihitung_pada: Set(at),
        dihitung_mulai: Set(None),
        berlaku_sampai: Set(Some(sampai)),
    })
    .on_conflict(
        OnConflict::columns([
            simpan::Column::UnitId,
            simpan::Column::PeriodeId,
            simpan::Column::Hari,
            simpan::Column::Semua,
        ])
        .update_columns([
            simpan::Column::Isi,
            simpan::Column::DihitungPada,
            simpan::Column::DihitungMulai,
            simpan::Column::BerlakuSampai,
        ])
        .to_owned(),
    )
    .exec(db)
    .await?;
    simpan::Entity::delete_many()
        .filter(simpan::Column::UnitId.eq(key.0))
        .filter(simpan::Column::Hari.lt(key.2))
        .exec(db)
        .await?;
    let backend = db.get_database_backend();
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        sql::sql(
            backend,
            "DELETE FROM dasbor_pegawai WHERE unit_id = {1} AND hari < {2}",
        ),
        [Value::from(key.0), Value::from(key.2)],
    ))
    .await?;
    Ok(())
}
