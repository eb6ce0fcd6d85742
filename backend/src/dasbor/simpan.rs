//! The kept dashboard of a large subtree (docs/dasbor.md, "Cost"). Counting an instansi of
//! 100 000 people reads every SKP's indicators and their realisasi: seconds, not the 150 ms a
//! dashboard must answer in. So a subtree of at least `KINERJA_DASBOR_SIMPAN_UNIT` units keeps
//! its answer per unit, period, local day and audience, stamped with the time it was counted.
//! A request reads the kept answer; once it is older than `KINERJA_DASBOR_UMUR_DETIK`, the
//! request still answers with it and one server (the one whose claim lands) recounts it in the
//! background. Only the first request of the day for a unit waits for a count.

use chrono::{DateTime, Duration, SubsecRound, Utc};
use kinerja_api::dasbor::{Dasbor, DasborQuery};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, ExprTrait, QueryFilter, Set};

use super::service::{Konteks, hitung, jalur, konteks};
use super::sql::Subtree;
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
    /// Subtrees with at least this many units are kept (0: every one).
    pub min_unit: usize,
    /// Age after which a kept answer is recounted in the background.
    pub umur: Duration,
}

impl Aturan {
    #[must_use]
    pub fn from_settings(s: &Settings) -> Self {
        Self {
            min_unit: s.dasbor_simpan_unit,
            umur: Duration::seconds(i64::try_from(s.dasbor_umur_detik).unwrap_or(i64::MAX / 2)),
        }
    }

    /// Whether the dashboard of this subtree is kept rather than counted per request.
    fn berlaku(&self, subtree: &Subtree) -> bool {
        match subtree {
            Subtree::Walk => true,
            Subtree::Listed(units) => units.len() + 1 >= self.min_unit,
        }
    }
}

/// The dashboard of one unit: counted for this request (a fixed number of statements over
/// the subtree), or for a large subtree the kept one (see the module).
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
    // The counts read `bacaan` (the read replica when there is one); the kept answers and
    // their claims are writes, on the primary.
    let c = konteks(bacaan, viewer, q.unit_id, q.periode_id).await?;
    let jalur = jalur(bacaan, viewer, &c).await?;
    let mut d = if aturan.berlaku(&c.subtree) {
        baca(db, bacaan, kebijakan, viewer, c, aturan, clock).await?
    } else {
        hitung(bacaan, kebijakan, viewer, &c).await?
    };
    d.jalur = jalur;
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

/// The kept dashboard of the context's unit: counted now when there is none for the day,
/// else the kept one, recounted in the background when it has grown old.
///
/// # Errors
/// On a database failure.
async fn baca(
    db: &DatabaseConnection,
    bacaan: &DatabaseConnection,
    kebijakan: Kebijakan,
    viewer: &Viewer,
    c: Konteks,
    aturan: &Aturan,
    clock: &Clock,
) -> AppResult<Dasbor> {
    let key = kunci(&c);
    let kept = simpan::Entity::find_by_id(key).one(db).await?;
    // An answer kept by an older version of the server may not read: count it again.
    let kept = kept.and_then(|row| {
        let d: Dasbor = serde_json::from_str(&row.isi).ok()?;
        Some((row, d))
    });
    let Some((row, mut d)) = kept else {
        let now = stamp();
        // Counted in a task of its own: when the count outlasts the request's time limit (an
        // instansi on a busy server), it still lands for the next request instead of being
        // dropped with the request and started again by every later one.
        let (db2, bacaan2, viewer2, clock2) =
            (db.clone(), bacaan.clone(), viewer.clone(), clock.clone());
        let task = tokio::spawn(async move {
            clock2
                .scope(async {
                    let d = hitung(&bacaan2, kebijakan, &viewer2, &c).await?;
                    simpan_hasil(&db2, key, &d, now).await?;
                    Ok::<_, crate::error::AppError>(d)
                })
                .await
        });
        let mut d = task
            .await
            .map_err(|e| anyhow::anyhow!("dashboard count: {e}"))??;
        d.dihitung_pada = Some(now);
        return Ok(d);
    };
    d.dihitung_pada = Some(row.dihitung_pada);
    let now = Utc::now();
    if now - row.dihitung_pada >= aturan.umur && klaim(db, key, now).await? {
        let db = db.clone();
        let bacaan = bacaan.clone();
        let viewer = viewer.clone();
        let clock = clock.clone();
        tokio::spawn(async move {
            let run = async {
                let started = stamp();
                let d = hitung(&bacaan, kebijakan, &viewer, &c).await?;
                simpan_hasil(&db, key, &d, started).await
            };
            if let Err(e) = clock.scope(run).await {
                tracing::warn!(error = ?e, unit = %key.0, "dashboard recount failed");
                // Leave it to the next request rather than to the stale-claim timeout.
                let _ = lepas(&db, key).await;
            }
        });
    }
    Ok(d)
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

/// Keeps `d` as counted at `at` (replacing the day's answer and releasing the claim), and
/// drops the unit's answers of earlier days.
async fn simpan_hasil(
    db: &DatabaseConnection,
    key: Kunci,
    d: &Dasbor,
    at: DateTime<Utc>,
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
    Ok(())
}
