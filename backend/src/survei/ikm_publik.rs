//! IKM figures read from outside: the public list for the `/ikm` transparency page (no
//! account; only surveys their unit chose to publish) and `GET /api/v1/ikm` for other systems
//! with the `ikm:read` client scope (results of the client's unit and the units below it,
//! published or not). Both compute the IKM from SQL aggregates ([`super::profil`]).

use std::collections::HashMap;

use actix_web::get;
use actix_web::web::{Data, Json};
use kinerja_api::ikm::dua_desimal;
use kinerja_api::integrations::Scope;
use kinerja_api::survei::{JenisPeriodeSurvei, StatusSurvei};
use kinerja_api::survei_publik::{IkmPublik, IkmPublikQuery, TREN_MAKS, TitikTren};
use kinerja_api::survei_tindak::{IkmQuery, IkmSurvei, bulan_mulai, label_periode};
use kinerja_api::{Page, PageQuery};
use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use uuid::Uuid;

use super::TAG;
use super::profil::{Jumlah, per_survei};
use crate::entities::{periods, survei, units};
use crate::error::AppResult;
use crate::extract::ValidatedQuery;
use crate::integrations::client_auth::ApiClientAuth;
use crate::organisation::service::ilike;
use crate::problems::{BadRequest, Invalid};
use crate::state::AppState;

pub(crate) fn jenis_of(s: &survei::Model) -> JenisPeriodeSurvei {
    JenisPeriodeSurvei::parse(&s.jenis_periode).unwrap_or(JenisPeriodeSurvei::Tahun)
}

/// The year of each period of `surveys`, in one query.
pub(crate) async fn years_of(
    db: &DatabaseConnection,
    surveys: &[survei::Model],
) -> AppResult<HashMap<Uuid, i32>> {
    if surveys.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(periods::Entity::find()
        .select_only()
        .column(periods::Column::Id)
        .column(periods::Column::Tahun)
        .filter(periods::Column::Id.is_in(surveys.iter().map(|s| s.period_id)))
        .into_tuple::<(Uuid, i32)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// Units with at least one published survey, by name (`q`), one page; each with its latest
/// published IKM and the trend of its published surveys. A fixed number of queries per page:
/// the units, their published surveys, the periods' years and one grouped aggregate.
///
/// # Errors
/// On a database failure.
pub async fn publik(db: &DatabaseConnection, q: IkmPublikQuery) -> AppResult<Page<IkmPublik>> {
    let published = Query::select()
        .column(survei::Column::UnitId)
        .from(survei::Entity)
        .and_where(survei::Column::Dipublikasikan.eq(true))
        .to_owned();
    let mut select = units::Entity::find().filter(units::Column::Id.in_subquery(published));
    if let Some(text) = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        select = select.filter(ilike(units::Column::Nama, text));
    }
    let page = PageQuery {
        page: q.page,
        per_page: q.per_page,
    };
    let total = select.clone().count(db).await?;
    let unit_list = select
        .order_by_asc(units::Column::Nama)
        .order_by_asc(units::Column::Id)
        .offset(page.offset())
        .limit(page.per_page)
        .all(db)
        .await?;
    if unit_list.is_empty() {
        return Ok(Page::new(Vec::new(), page, total));
    }
    let surveys = survei::Entity::find()
        .filter(survei::Column::Dipublikasikan.eq(true))
        .filter(survei::Column::UnitId.is_in(unit_list.iter().map(|u| u.id)))
        .all(db)
        .await?;
    let years = years_of(db, &surveys).await?;
    let year = |s: &survei::Model| years.get(&s.period_id).copied().unwrap_or_default();
    let mut per_unit: HashMap<Uuid, Vec<survei::Model>> = HashMap::new();
    for s in surveys {
        per_unit.entry(s.unit_id).or_default().push(s);
    }
    // Oldest first by the period's year and the span's first month; only the latest TREN_MAKS.
    for list in per_unit.values_mut() {
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
    }
    let ids: Vec<Uuid> = per_unit.values().flatten().map(|s| s.id).collect();
    let totals = per_survei(db, &ids).await?;
    let items = unit_list
        .into_iter()
        .filter_map(|u| {
            let list = per_unit.get(&u.id)?;
            let tren: Vec<(TitikTren, u32)> = list
                .iter()
                .map(|s| {
                    let h = totals.get(&s.id).copied().unwrap_or_default().hasil(None);
                    let titik = TitikTren {
                        periode: label_periode(jenis_of(s), s.periode_ke, year(s)),
                        ikm: h.ikm.map(dua_desimal),
                        mutu: h.mutu,
                    };
                    (titik, h.responden)
                })
                .collect();
            let (last, responden) = tren.last().cloned()?;
            Some(IkmPublik {
                unit_id: u.id,
                unit_nama: u.nama,
                periode: last.periode,
                ikm: last.ikm,
                mutu: last.mutu,
                kinerja_unit: last.mutu.map(kinerja_api::ikm::Mutu::kinerja_unit),
                responden,
                tren: tren.into_iter().map(|(t, _)| t).collect(),
            })
        })
        .collect();
    Ok(Page::new(items, page, total))
}

/// Results per unit and period for another system: the surveys of the client's unit and the
/// units below it, published or not, newest period first.
///
/// # Errors
/// On a database failure.
pub async fn untuk_klien(
    db: &DatabaseConnection,
    client_unit: Uuid,
    q: IkmQuery,
    page: PageQuery,
) -> AppResult<Page<IkmSurvei>> {
    let units_of_client = crate::organisation::tree::subtree(db, client_unit).await?;
    let mut select = survei::Entity::find().filter(survei::Column::UnitId.is_in(units_of_client));
    if let Some(unit) = q.unit_id {
        select = select.filter(survei::Column::UnitId.eq(unit));
    }
    if let Some(period) = q.period_id {
        select = select.filter(survei::Column::PeriodId.eq(period));
    }
    if let Some(tahun) = q.tahun {
        let in_year = Query::select()
            .column(periods::Column::Id)
            .from(periods::Entity)
            .and_where(periods::Column::Tahun.eq(tahun))
            .to_owned();
        select = select.filter(survei::Column::PeriodId.in_subquery(in_year));
    }
    let total = select.clone().count(db).await?;
    let surveys = select
        .order_by_desc(survei::Column::CreatedAt)
        .order_by_desc(survei::Column::Id)
        .offset(page.offset())
        .limit(page.per_page)
        .all(db)
        .await?;
    let years = years_of(db, &surveys).await?;
    let names =
        crate::organisation::tree::unit_names(db, surveys.iter().map(|s| s.unit_id)).await?;
    let ids: Vec<Uuid> = surveys.iter().map(|s| s.id).collect();
    let totals = per_survei(db, &ids).await?;
    let items = surveys
        .into_iter()
        .map(|s| {
            let tahun = years.get(&s.period_id).copied().unwrap_or_default();
            let jenis = jenis_of(&s);
            let populasi = s.populasi.and_then(|p| u32::try_from(p).ok());
            let hasil = totals
                .get(&s.id)
                .copied()
                .unwrap_or_else(Jumlah::default)
                .hasil(populasi);
            IkmSurvei {
                survei_id: s.id,
                unit_id: s.unit_id,
                unit_nama: names.get(&s.unit_id).cloned().unwrap_or_default(),
                judul: s.judul,
                period_id: s.period_id,
                tahun,
                jenis_periode: jenis,
                periode_ke: s.periode_ke,
                periode: label_periode(jenis, s.periode_ke, tahun),
                status: StatusSurvei::parse(&s.status).unwrap_or(StatusSurvei::Draft),
                dipublikasikan: s.dipublikasikan,
                populasi: s.populasi,
                ikm_tampil: hasil.ikm_tampil(),
                hasil,
            }
        })
        .collect();
    Ok(Page::new(items, page, total))
}

// ---------------------------------------------------------------------------------------------
// Handlers

/// Published IKM per unit (no sign-in)
///
/// Every unit that chose to publish a survey result: the latest published survey's IKM (two
/// decimals), mutu, kinerja unit, period and number of responses, and the trend of its
/// published surveys (oldest first, the latest 12). By unit name; filter `q`. Nothing of an
/// unpublished survey is shown.
#[utoipa::path(
    tag = TAG,
    params(IkmPublikQuery),
    responses((status = 200, body = Page<IkmPublik>), BadRequest, Invalid)
)]
#[get("")]
pub async fn ikm_publik(
    state: Data<AppState>,
    ValidatedQuery(q): ValidatedQuery<IkmPublikQuery>,
) -> AppResult<Json<Page<IkmPublik>>> {
    Ok(Json(publik(&state.db, q).await?))
}

/// Survey results per unit and period (API clients, `ikm:read`)
///
/// For other systems such as a provincial SKM portal: every survey of the client's unit and
/// the units below it, published or not, newest first, with NRR per unsur, IKM (full
/// precision and two decimals), mutu, sample and priorities. Filters `unit_id`, `period_id`,
/// `tahun`.
#[utoipa::path(
    tag = TAG,
    params(PageQuery, IkmQuery),
    responses(
        (status = 200, body = Page<IkmSurvei>),
        BadRequest,
        Invalid,
        (status = 401, description = "No valid client token", body = kinerja_api::ErrorBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks ikm:read", body = kinerja_api::ErrorBody, content_type = "application/problem+json"),
    ),
    security(("oauth2" = ["ikm:read"]))
)]
#[get("")]
pub async fn ikm_klien(
    state: Data<AppState>,
    client: ApiClientAuth,
    ValidatedQuery(page): ValidatedQuery<PageQuery>,
    ValidatedQuery(q): ValidatedQuery<IkmQuery>,
) -> AppResult<Json<Page<IkmSurvei>>> {
    client.require(Scope::IkmRead)?;
    Ok(Json(untuk_klien(&state.db, client.unit_id, q, page).await?))
}
