//! The kept result of a survey (docs/ikm.md, "Cost of the result"). Aggregating 10 000
//! responses costs the database about 8 ms of work on every view of the survey's page. The
//! result is kept with its fingerprint — the survey's version (its services and population)
//! and its change counter, which every write of its responses (an answer, paper forms, a
//! void) raises in its own transaction — and served while the fingerprint is the same, so it
//! is never stale. The counter is read in one short statement however many responses there
//! are (counting them on every view grew with them: 34 ms at 37 000).

use chrono::Utc;
use kinerja_api::survei::HasilSurvei;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, EntityTrait, Set};
use uuid::Uuid;

use crate::entities::survei;
use crate::entities::survei_hasil_simpan as simpan;
use crate::error::{AppError, AppResult};
use crate::sql::Sql;

/// Lanes of a survey's change counter: each write raises one, so that many answers at once do
/// not queue on one row's lock.
const LAJUR: u8 = 16;

/// Records that `n` responses of survey `survei_id` were added or voided, in the transaction
/// that writes them. `acak` picks the lane (a new id's random bits).
///
/// # Errors
/// On a database failure.
pub async fn catat_perubahan(
    db: &impl ConnectionTrait,
    survei_id: Uuid,
    acak: Uuid,
    n: u64,
) -> AppResult<()> {
    let mut sql = Sql::new(db);
    let survei = sql.bind(survei_id);
    let lajur = sql.bind(i16::from(acak.as_bytes()[15] % LAJUR));
    let n = sql.bind(i64::try_from(n).unwrap_or(i64::MAX));
    db.execute_raw(sql.stmt(format!(
        "INSERT INTO survei_respons_lajur (survei_id, lajur, perubahan) VALUES ({survei}, {lajur}, {n}) \
         ON CONFLICT (survei_id, lajur) DO UPDATE SET perubahan = survei_respons_lajur.perubahan + {n}"
    )))
    .await?;
    Ok(())
}

/// `{version}:{changes}` of survey `s`, as SQL text (the same on SQLite and PostgreSQL), for the
/// statement of `sql`.
fn sidik_sql(sql: &mut Sql, s: &survei::Model) -> String {
    let id = sql.bind(s.id);
    let versi = sql.bind(s.lock_version.to_string());
    format!(
        "{versi} || ':' || CAST(COALESCE((SELECT SUM(perubahan) FROM survei_respons_lajur \
         WHERE survei_id = {id}), 0) AS TEXT)"
    )
}

/// The result of survey `s` (services in the order of `layanan`): the kept one when nothing it
/// counts has changed (one statement), otherwise counted again and kept.
///
/// # Errors
/// On a database failure.
pub async fn hasil(
    db: &impl ConnectionTrait,
    s: &survei::Model,
    layanan: Vec<String>,
) -> AppResult<HasilSurvei> {
    let mut sql = Sql::new(db);
    let sidik = sidik_sql(&mut sql, s);
    let id = sql.bind(s.id);
    let kept = db
        .query_one_raw(sql.stmt(format!(
            "SELECT isi FROM survei_hasil_simpan WHERE survei_id = {id} AND sidik = {sidik}"
        )))
        .await?;
    if let Some(row) = kept
        && let Ok(h) = serde_json::from_str::<HasilSurvei>(&row.try_get_by_index::<String>(0)?)
    {
        return Ok(h);
    }
    // The fingerprint is read before the count: a response arriving in between makes the kept
    // fingerprint older than the result, so the next view counts once more, never less.
    let mut sql = Sql::new(db);
    let text = format!("SELECT {}", sidik_sql(&mut sql, s));
    let sidik: String = match db.query_one_raw(sql.stmt(text)).await? {
        Some(row) => row.try_get_by_index(0)?,
        None => String::new(),
    };
    let h = super::profil::hasil_survei(db, s, layanan).await?;
    let isi = serde_json::to_string(&h).map_err(|e| AppError::Unexpected(e.into()))?;
    let kept = simpan::Entity::insert(simpan::ActiveModel {
        survei_id: Set(s.id),
        isi: Set(isi),
        sidik: Set(sidik),
        dihitung_pada: Set(Utc::now()),
    })
    .on_conflict(
        OnConflict::column(simpan::Column::SurveiId)
            .update_columns([
                simpan::Column::Isi,
                simpan::Column::Sidik,
                simpan::Column::DihitungPada,
            ])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await;
    // Keeping is an optimisation: a database that refuses the write still gets its answer.
    if let Err(e) = kept {
        tracing::warn!(error = %e, survei = %s.id, "survey result not kept");
    }
    Ok(h)
}
