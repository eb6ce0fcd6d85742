//! The IKM of a unit over its surveys, for the trend line on a survey's page: the surveys of
//! the same unit the viewer may read (those who manage it: every open or closed one; others:
//! the published ones), oldest first, the latest [`TREN_MAKS`]. Two queries for the surveys
//! and their years, one aggregate for all their totals.

use kinerja_api::ikm::dua_desimal;
use kinerja_api::survei::{StatusSurvei, TitikTrenSurvei};
use kinerja_api::survei_publik::TREN_MAKS;
use kinerja_api::survei_tindak::{bulan_mulai, label_periode};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::ikm_publik::{jenis_of, years_of};
use super::profil::per_survei;
use super::service;
use crate::auth::Viewer;
use crate::entities::survei;
use crate::error::AppResult;
use crate::policy::AksesSurvei;

/// # Errors
/// `NotFound` when the viewer may not see the survey.
pub async fn tren(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
) -> AppResult<Vec<TitikTrenSurvei>> {
    let (s, akses) = service::lihat(db, viewer, id).await?;
    let mut q = survei::Entity::find()
        .filter(survei::Column::UnitId.eq(s.unit_id))
        .filter(survei::Column::Status.ne(StatusSurvei::Draft.as_str()));
    if akses == AksesSurvei::Baca {
        q = q.filter(survei::Column::Dipublikasikan.eq(true));
    }
    let mut list = q.all(db).await?;
    let years = years_of(db, &list).await?;
    let year = |s: &survei::Model| years.get(&s.period_id).copied().unwrap_or_default();
    list.sort_by_key(|s| {
        (
            year(s),
            bulan_mulai(jenis_of(s), s.periode_ke),
            s.created_at,
            s.id,
        )
    });
    let lebih = list.len().saturating_sub(TREN_MAKS);
    list.drain(..lebih);
    let ids: Vec<Uuid> = list.iter().map(|s| s.id).collect();
    let totals = per_survei(db, &ids).await?;
    Ok(list
        .iter()
        .map(|s| {
            let h = totals.get(&s.id).copied().unwrap_or_default().hasil(None);
            TitikTrenSurvei {
                survei_id: s.id,
                periode: label_periode(jenis_of(s), s.periode_ke, year(s)),
                jenis_periode: jenis_of(s),
                periode_ke: s.periode_ke,
                tahun: year(s),
                ikm: h.ikm.map(dua_desimal),
                mutu: h.mutu,
                responden: h.responden,
            }
        })
        .collect())
}
