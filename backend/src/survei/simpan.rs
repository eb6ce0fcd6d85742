//! The kept result of a survey (docs/ikm.md, "Cost of the result"). Aggregating 10 000
//! responses costs the database about 8 ms of work on every view of the survey's page, while
//! checking that nothing changed costs two counts on indexes. The result is kept with its
//! fingerprint — the survey's version (its services and population), its responses and its
//! void ones — and served while the fingerprint is the same, so it is never stale: a new
//! response, a paper form, a void or an edit of the survey changes the fingerprint and the
//! next view counts again.

use chrono::Utc;
use kinerja_api::survei::HasilSurvei;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, EntityTrait, Set};

use crate::entities::survei;
use crate::entities::survei_hasil_simpan as simpan;
use crate::error::{AppError, AppResult};
use crate::sql::Sql;

/// `{version}:{responses}:{void responses}` of survey `s`, as SQL text (the same on SQLite and
/// PostgreSQL), for the statement of `sql`.
fn sidik_sql(sql: &mut Sql, s: &survei::Model) -> String {
    let id = sql.bind(s.id);
    let versi = sql.bind(s.lock_version.to_string());
    format!(
        "{versi} || ':' || CAST((SELECT COUNT(*) FROM survei_respons WHERE survei_id = {id}) \
         AS TEXT) || ':' || CAST((SELECT COUNT(*) FROM survei_respons WHERE survei_id = {id} \
         AND dibatalkan_at IS NOT NULL) AS TEXT)"
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
