//! The follow-up plan of a survey (rencana tindak lanjut, issue #17): actions for the weakest
//! unsur with a person responsible, a due date and a status, managed by those who manage the
//! survey (the HR office, the unit's head) and read by whoever reads its result. The plan of
//! a unit's previous survey is shown with the next one's result (docs/ikm.md).

use std::collections::HashMap;

use actix_web::web::{Data, Json, Path};
use actix_web::{HttpResponse, delete, get, patch, post};
use kinerja_api::Pesan;
use kinerja_api::employees::{StatusPegawai, full_name};
use kinerja_api::ikm::Unsur;
use kinerja_api::survei::JenisPeriodeSurvei;
use kinerja_api::survei_tindak::{
    BuatTindakLanjut, HapusTindakLanjut, StatusTindakLanjut, SurveiRingkas, TINDAK_LANJUT_MAKS,
    TindakLanjut, TindakLanjutSebelumnya, UbahTindakLanjut, bulan_mulai, label_periode,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use super::TAG;
use super::service::{self, kelola, lihat};
use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::clock;
use crate::entities::{employees, periods, survei, survei_tindak_lanjut as tl};
use crate::error::{AppError, AppResult};
use crate::extract::{RequestMeta, ValidatedJson, ValidatedQuery};
use crate::optimistic;
use crate::problems::{BadRequest, Forbidden, Invalid, JsonBodyProblems, NotFound, Unauthorized};
use crate::state::AppState;

/// The noun of this record in messages ([`kinerja_api::pesan::BENDA`]).
const WHAT: &str = "Tindak lanjut";

fn status_of(m: &tl::Model) -> StatusTindakLanjut {
    StatusTindakLanjut::parse(&m.status).unwrap_or(StatusTindakLanjut::Rencana)
}

/// DTOs of `items`, with the names of the people responsible (one query) and whether each is
/// overdue on `today`, the instansi's local day.
async fn dtos(
    db: &impl ConnectionTrait,
    items: Vec<tl::Model>,
    today: chrono::NaiveDate,
) -> AppResult<Vec<TindakLanjut>> {
    let ids: Vec<Uuid> = items.iter().map(|m| m.penanggung_jawab_id).collect();
    let names: HashMap<Uuid, String> = if ids.is_empty() {
        HashMap::new()
    } else {
        employees::Entity::find()
            .filter(employees::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|e| {
                let nama = full_name(
                    e.gelar_depan.as_deref(),
                    &e.nama,
                    e.gelar_belakang.as_deref(),
                );
                (e.id, nama)
            })
            .collect()
    };
    Ok(items
        .into_iter()
        .map(|m| {
            let status = status_of(&m);
            let unsur = Unsur::parse(&m.unsur).unwrap_or(Unsur::Persyaratan);
            TindakLanjut {
                id: m.id,
                survei_id: m.survei_id,
                unsur,
                unsur_kode: unsur.kode().to_owned(),
                tindakan: m.tindakan,
                penanggung_jawab_nama: names
                    .get(&m.penanggung_jawab_id)
                    .cloned()
                    .unwrap_or_default(),
                penanggung_jawab_id: m.penanggung_jawab_id,
                jatuh_tempo: m.jatuh_tempo,
                status,
                catatan: m.catatan,
                terlambat: status.terbuka() && m.jatuh_tempo < today,
                created_at: m.created_at,
                updated_at: m.updated_at,
                lock_version: m.lock_version,
            }
        })
        .collect())
}

async fn items_of(db: &impl ConnectionTrait, survei_id: Uuid) -> AppResult<Vec<tl::Model>> {
    Ok(tl::Entity::find()
        .filter(tl::Column::SurveiId.eq(survei_id))
        .order_by_asc(tl::Column::CreatedAt)
        .order_by_asc(tl::Column::Id)
        .all(db)
        .await?)
}

async fn today_of(db: &impl ConnectionTrait, s: &survei::Model) -> AppResult<chrono::NaiveDate> {
    Ok(clock::today_in(
        clock::instansi_offset(db, s.instansi_id).await?,
    ))
}

/// The plan of a survey, oldest action first (at most [`TINDAK_LANJUT_MAKS`]).
///
/// # Errors
/// `NotFound` for a survey the viewer may not see.
pub async fn list(
    db: &DatabaseConnection,
    viewer: &Viewer,
    survei_id: Uuid,
) -> AppResult<Vec<TindakLanjut>> {
    let (s, _) = lihat(db, viewer, survei_id).await?;
    let today = today_of(db, &s).await?;
    dtos(db, items_of(db, s.id).await?, today).await
}

/// The person responsible must be an active employee of the survey's unit or a unit below it.
async fn cek_penanggung_jawab(
    db: &impl ConnectionTrait,
    s: &survei::Model,
    employee_id: Uuid,
) -> AppResult<()> {
    let bad = || AppError::field("penanggung_jawab_id", Pesan::PenanggungJawabBukanUnit);
    let e = employees::Entity::find_by_id(employee_id)
        .one(db)
        .await?
        .ok_or_else(bad)?;
    let Some(unit) = e
        .unit_id
        .filter(|_| e.status == StatusPegawai::Aktif.as_str())
    else {
        return Err(bad());
    };
    if unit != s.unit_id
        && !crate::organisation::tree::ancestors(db, unit)
            .await?
            .contains(&s.unit_id)
    {
        return Err(bad());
    }
    Ok(())
}

fn cek_jatuh_tempo(tanggal: chrono::NaiveDate, today: chrono::NaiveDate) -> AppResult<()> {
    if tanggal < today {
        return Err(AppError::field(
            "jatuh_tempo",
            Pesan::JatuhTempoLampau {
                hari_ini: today.to_string(),
            },
        ));
    }
    Ok(())
}

fn bersih_catatan(c: Option<String>) -> Option<String> {
    c.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty())
}

/// A new action (status `rencana`) in the plan of a survey the viewer manages.
///
/// # Errors
/// `NotFound`/`Forbidden` as for managing the survey; `Validation` for a person outside the
/// unit or a due date before today; `Conflict` when the plan is full.
pub async fn create(
    db: &DatabaseConnection,
    viewer: &Viewer,
    survei_id: Uuid,
    req: BuatTindakLanjut,
    meta: &RequestMeta,
) -> AppResult<TindakLanjut> {
    let txn = db.begin().await?;
    let s = kelola(&txn, viewer, survei_id).await?;
    let today = today_of(&txn, &s).await?;
    cek_penanggung_jawab(&txn, &s, req.penanggung_jawab_id).await?;
    cek_jatuh_tempo(req.jatuh_tempo, today)?;
    let n = tl::Entity::find()
        .filter(tl::Column::SurveiId.eq(s.id))
        .count(&txn)
        .await?;
    if n >= TINDAK_LANJUT_MAKS {
        return Err(AppError::conflict(Pesan::TindakLanjutPenuh {
            maks: TINDAK_LANJUT_MAKS.to_string(),
        }));
    }
    let now = clock::now();
    let m = tl::ActiveModel {
        id: Set(Uuid::now_v7()),
        survei_id: Set(s.id),
        unsur: Set(req.unsur.as_str().to_owned()),
        tindakan: Set(req.tindakan.trim().to_owned()),
        penanggung_jawab_id: Set(req.penanggung_jawab_id),
        jatuh_tempo: Set(req.jatuh_tempo),
        status: Set(StatusTindakLanjut::Rencana.as_str().to_owned()),
        catatan: Set(bersih_catatan(req.catatan)),
        created_at: Set(now),
        updated_at: Set(now),
        lock_version: Set(1),
    }
    .insert(&txn)
    .await?;
    let out = dtos(&txn, vec![m], today)
        .await?
        .pop()
        .ok_or(AppError::NotFound(WHAT))?;
    let entry = AuditEntry::new("survei_tindak_lanjut.created", "survei_tindak_lanjut")
        .actor(viewer.user_id)
        .entity(out.id)
        .after(json!(out));
    audit::record(&txn, entry, meta).await?;
    txn.commit().await?;
    Ok(out)
}

async fn find_in(db: &impl ConnectionTrait, survei_id: Uuid, tid: Uuid) -> AppResult<tl::Model> {
    tl::Entity::find_by_id(tid)
        .one(db)
        .await?
        .filter(|m| m.survei_id == survei_id)
        .ok_or(AppError::NotFound(WHAT))
}

/// Edits an action: its fields while open, its status forward only, only its note once
/// finished or cancelled.
///
/// # Errors
/// `Conflict` for a stale `lock_version`, a status move that is not allowed, or a change to a
/// final action; `Validation` as for [`create`].
pub async fn update(
    db: &DatabaseConnection,
    viewer: &Viewer,
    survei_id: Uuid,
    tid: Uuid,
    req: UbahTindakLanjut,
    meta: &RequestMeta,
) -> AppResult<TindakLanjut> {
    let txn = db.begin().await?;
    let s = kelola(&txn, viewer, survei_id).await?;
    let before = find_in(&txn, survei_id, tid).await?;
    optimistic::check(before.lock_version, req.lock_version, WHAT)?;
    let today = today_of(&txn, &s).await?;
    let dari = status_of(&before);
    let mut a = tl::ActiveModel {
        updated_at: Set(clock::now()),
        ..Default::default()
    };
    let mut berubah = false;
    if let Some(ke) = req.status.filter(|&ke| ke != dari) {
        if !dari.boleh_menjadi(ke) {
            return Err(AppError::conflict(Pesan::StatusTindakLanjutTidakBoleh {
                dari: dari.as_str().to_owned(),
                ke: ke.as_str().to_owned(),
            }));
        }
        a.status = Set(ke.as_str().to_owned());
    }
    if let Some(u) = req.unsur.filter(|u| u.as_str() != before.unsur) {
        a.unsur = Set(u.as_str().to_owned());
        berubah = true;
    }
    if let Some(t) = req
        .tindakan
        .map(|t| t.trim().to_owned())
        .filter(|t| *t != before.tindakan)
    {
        a.tindakan = Set(t);
        berubah = true;
    }
    if let Some(p) = req
        .penanggung_jawab_id
        .filter(|&p| p != before.penanggung_jawab_id)
    {
        cek_penanggung_jawab(&txn, &s, p).await?;
        a.penanggung_jawab_id = Set(p);
        berubah = true;
    }
    if let Some(d) = req.jatuh_tempo.filter(|&d| d != before.jatuh_tempo) {
        cek_jatuh_tempo(d, today)?;
        a.jatuh_tempo = Set(d);
        berubah = true;
    }
    if berubah && !dari.terbuka() {
        return Err(AppError::conflict(Pesan::TindakLanjutSudahFinal));
    }
    if let Some(c) = req.catatan {
        a.catatan = Set(bersih_catatan(Some(c)));
    }
    optimistic::claim(
        &txn,
        a,
        (tl::Column::Id, tid),
        tl::Column::LockVersion,
        req.lock_version,
        WHAT,
    )
    .await?;
    let after = find_in(&txn, survei_id, tid).await?;
    let out = dtos(&txn, vec![after], today)
        .await?
        .pop()
        .ok_or(AppError::NotFound(WHAT))?;
    let before_dto = dtos(&txn, vec![before], today).await?.pop();
    let entry = AuditEntry::new("survei_tindak_lanjut.updated", "survei_tindak_lanjut")
        .actor(viewer.user_id)
        .entity(tid)
        .before(json!(before_dto))
        .after(json!(out));
    audit::record(&txn, entry, meta).await?;
    txn.commit().await?;
    Ok(out)
}

/// Deletes an action that is still only planned (one under way is cancelled instead, so that
/// its history stays).
///
/// # Errors
/// `Conflict` for a stale `lock_version` or an action no longer `rencana`.
pub async fn delete(
    db: &DatabaseConnection,
    viewer: &Viewer,
    survei_id: Uuid,
    tid: Uuid,
    lock_version: i32,
    meta: &RequestMeta,
) -> AppResult<()> {
    let txn = db.begin().await?;
    kelola(&txn, viewer, survei_id).await?;
    let before = find_in(&txn, survei_id, tid).await?;
    optimistic::check(before.lock_version, lock_version, WHAT)?;
    if status_of(&before) != StatusTindakLanjut::Rencana {
        return Err(AppError::conflict(Pesan::HapusHanyaRencana));
    }
    // Conditional on the version and the status, so a concurrent edit wins or loses cleanly.
    let rows = tl::Entity::delete_many()
        .filter(tl::Column::Id.eq(tid))
        .filter(tl::Column::LockVersion.eq(lock_version))
        .filter(tl::Column::Status.eq(StatusTindakLanjut::Rencana.as_str()))
        .exec(&txn)
        .await?
        .rows_affected;
    if rows == 0 {
        return Err(optimistic::conflict(WHAT));
    }
    let entry = AuditEntry::new("survei_tindak_lanjut.deleted", "survei_tindak_lanjut")
        .actor(viewer.user_id)
        .entity(tid)
        .before(json!({
            "survei_id": survei_id, "unsur": before.unsur, "tindakan": before.tindakan,
            "penanggung_jawab_id": before.penanggung_jawab_id, "jatuh_tempo": before.jatuh_tempo,
        }));
    audit::record(&txn, entry, meta).await?;
    txn.commit().await?;
    Ok(())
}

/// Where a survey lies in time: its period's year, the first month of its span, then when it
/// was made.
fn urutan_waktu(s: &survei::Model, tahun: i32) -> (i32, i32, chrono::DateTime<chrono::Utc>, Uuid) {
    let jenis = JenisPeriodeSurvei::parse(&s.jenis_periode).unwrap_or(JenisPeriodeSurvei::Tahun);
    (tahun, bulan_mulai(jenis, s.periode_ke), s.created_at, s.id)
}

/// The plan of the same unit's previous survey that has one: the nearest earlier survey in
/// time (period year, first month of the span, creation) with at least one action, if the
/// viewer may read that survey too.
///
/// # Errors
/// `NotFound` for a survey the viewer may not see.
pub async fn sebelumnya(
    db: &DatabaseConnection,
    viewer: &Viewer,
    survei_id: Uuid,
) -> AppResult<TindakLanjutSebelumnya> {
    let (s, _) = lihat(db, viewer, survei_id).await?;
    let none = TindakLanjutSebelumnya {
        survei: None,
        items: Vec::new(),
    };
    // The unit's surveys that have a plan: a handful per year.
    let with_plan = sea_orm::sea_query::Query::select()
        .column(tl::Column::SurveiId)
        .from(tl::Entity)
        .to_owned();
    let candidates = survei::Entity::find()
        .filter(survei::Column::UnitId.eq(s.unit_id))
        .filter(survei::Column::Id.ne(s.id))
        .filter(survei::Column::Id.in_subquery(with_plan))
        .all(db)
        .await?;
    if candidates.is_empty() {
        return Ok(none);
    }
    let mut period_ids: Vec<Uuid> = candidates.iter().map(|c| c.period_id).collect();
    period_ids.push(s.period_id);
    let years: HashMap<Uuid, i32> = periods::Entity::find()
        .select_only()
        .column(periods::Column::Id)
        .column(periods::Column::Tahun)
        .filter(periods::Column::Id.is_in(period_ids))
        .into_tuple::<(Uuid, i32)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let year = |p: Uuid| years.get(&p).copied().unwrap_or_default();
    let ini = urutan_waktu(&s, year(s.period_id));
    let Some(prev) = candidates
        .into_iter()
        .filter(|c| urutan_waktu(c, year(c.period_id)) < ini)
        .max_by_key(|c| urutan_waktu(c, year(c.period_id)))
    else {
        return Ok(none);
    };
    if service::akses(db, viewer, &prev).await?.is_none() {
        return Ok(none);
    }
    let today = today_of(db, &prev).await?;
    let items = dtos(db, items_of(db, prev.id).await?, today).await?;
    let jenis = JenisPeriodeSurvei::parse(&prev.jenis_periode).unwrap_or(JenisPeriodeSurvei::Tahun);
    let tahun = year(prev.period_id);
    Ok(TindakLanjutSebelumnya {
        survei: Some(SurveiRingkas {
            id: prev.id,
            judul: prev.judul,
            jenis_periode: jenis,
            tahun,
            periode_ke: prev.periode_ke,
            periode: label_periode(jenis, prev.periode_ke, tahun),
        }),
        items,
    })
}

// ---------------------------------------------------------------------------------------------
// Handlers

/// Follow-up plan of a survey
///
/// The actions for the weakest unsur, oldest first (at most 50), with the person responsible
/// and whether each is overdue by the instansi's local day. For those who may read the
/// survey's result.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Survey id")),
    responses((status = 200, body = Vec<TindakLanjut>), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/tindak-lanjut")]
pub async fn daftar_tindak_lanjut(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<Json<Vec<TindakLanjut>>> {
    Ok(Json(list(&state.db, &viewer, id.into_inner()).await?))
}

/// Add a follow-up action
///
/// For those who manage the survey (the HR office, the unit's head). The person responsible
/// is an active employee of the survey's unit or a unit below it; the due date is not before
/// today (the instansi's local day). Status `rencana`. Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Survey id")),
    request_body = BuatTindakLanjut,
    responses((status = 201, body = TindakLanjut), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "The plan already has 50 actions", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/{id}/tindak-lanjut")]
pub async fn buat_tindak_lanjut(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<BuatTindakLanjut>,
) -> AppResult<HttpResponse> {
    let created = create(&state.db, &viewer, id.into_inner(), body, &meta).await?;
    Ok(HttpResponse::Created().json(created))
}

/// Change a follow-up action
///
/// Status rencana → berjalan → selesai, or → dibatalkan (forward only); a finished or
/// cancelled action only takes a note. Names the `lock_version` it is based on. Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Survey id"), ("tid" = Uuid, Path, description = "Follow-up action id")),
    request_body = UbahTindakLanjut,
    responses((status = 200, body = TindakLanjut), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Stale `lock_version`, a status move that is not allowed, or a change to a final action", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[patch("/{id}/tindak-lanjut/{tid}")]
pub async fn ubah_tindak_lanjut(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    path: Path<(Uuid, Uuid)>,
    ValidatedJson(body): ValidatedJson<UbahTindakLanjut>,
) -> AppResult<Json<TindakLanjut>> {
    let (id, tid) = path.into_inner();
    Ok(Json(
        update(&state.db, &viewer, id, tid, body, &meta).await?,
    ))
}

/// Delete a follow-up action
///
/// Only while `rencana`; one under way is cancelled instead. Names the `lock_version` it is
/// based on. Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Survey id"), ("tid" = Uuid, Path, description = "Follow-up action id"), HapusTindakLanjut),
    responses((status = 204, description = "Deleted"), BadRequest, Invalid, Unauthorized, Forbidden, NotFound, (status = 409, description = "Stale `lock_version`, or no longer `rencana`", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[delete("/{id}/tindak-lanjut/{tid}")]
pub async fn hapus_tindak_lanjut(
    state: Data<AppState>,
    viewer: Viewer,
    meta: RequestMeta,
    path: Path<(Uuid, Uuid)>,
    ValidatedQuery(q): ValidatedQuery<HapusTindakLanjut>,
) -> AppResult<HttpResponse> {
    let (id, tid) = path.into_inner();
    delete(&state.db, &viewer, id, tid, q.lock_version, &meta).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The previous survey's follow-up plan
///
/// The plan of the same unit's nearest earlier survey that has one, with each action's status,
/// to be reviewed with this survey's result ("followed up in the next period's survey").
/// `survei` is absent when there is none, or when the caller may not read that survey.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Survey id")),
    responses((status = 200, body = TindakLanjutSebelumnya), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/{id}/tindak-lanjut-sebelumnya")]
pub async fn tindak_lanjut_sebelumnya(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<Json<TindakLanjutSebelumnya>> {
    Ok(Json(sebelumnya(&state.db, &viewer, id.into_inner()).await?))
}
