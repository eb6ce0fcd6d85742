//! Key positions (jabatan kritikal) and their succession candidates: the HR office marks a
//! position as key with its rule (the golongan it asks for, how many steps below it a
//! candidate may be, the lowest box proposed: boxes 7–9 by default); the candidates are drawn
//! from those boxes among the eligible ranks by one SQL query, plus the ones the HR office adds
//! by hand with a note. Every change is audited and bumps the key position's `lock_version`.

use std::collections::HashMap;

use actix_web::web::{Data, Json, Path};
use actix_web::{HttpResponse, delete, get, patch, post};
use kinerja_api::Pesan;
use kinerja_api::employees::{JenisPenugasan, StatusPegawai, full_name};
use kinerja_api::talenta::{
    InstansiQuery, JabatanKritikal, KandidatSuksesi, LockQuery, Suksesi, TahunKinerjaQuery,
    TambahKandidat, TandaiJabatanKritikal, UbahJabatanKritikal,
};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use super::penempatan::{Cakupan, Sql, with_tp};
use super::{TAG, instansi_dari, pastikan, tahun_kinerja};
use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::{Viewer, ViewerWith, perm};
use crate::clock;
use crate::entities::{assignments, employees, positions, ref_golongan, units};
use crate::entities::{jabatan_kritikal as jk, kandidat_suksesi as ks};
use crate::error::{AppError, AppResult, DbResultExt};
use crate::extract::{RequestMeta, ValidatedJson, ValidatedQuery};
use crate::optimistic;
use crate::problems::{BadRequest, Forbidden, Invalid, JsonBodyProblems, NotFound, Unauthorized};
use crate::state::AppState;

const WHAT: &str = "Jabatan kritikal";
/// Candidates drawn from the boxes, at most.
const KANDIDAT_MAKS: i64 = 50;

/// DTOs of `rows`: positions, units, today's definitive holders and the count of hand-picked
/// candidates, four queries for any number of rows.
async fn dtos(
    db: &impl ConnectionTrait,
    rows: Vec<jk::Model>,
    today: chrono::NaiveDate,
) -> AppResult<Vec<JabatanKritikal>> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.position_id).collect();
    let pos: HashMap<Uuid, positions::Model> = positions::Entity::find()
        .filter(positions::Column::Id.is_in(ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let unit_names =
        crate::organisation::tree::unit_names(db, pos.values().map(|p| p.unit_id)).await?;
    let holders: Vec<(Uuid, Uuid)> = assignments::Entity::find()
        .select_only()
        .column(assignments::Column::JabatanId)
        .column(assignments::Column::EmployeeId)
        .filter(assignments::Column::JabatanId.is_in(ids))
        .filter(assignments::Column::Jenis.eq(JenisPenugasan::Definitif.as_str()))
        .filter(assignments::Column::Mulai.lte(today))
        .filter(
            sea_orm::Condition::any()
                .add(assignments::Column::Selesai.is_null())
                .add(assignments::Column::Selesai.gte(today)),
        )
        .into_tuple()
        .all(db)
        .await?;
    let people: HashMap<Uuid, String> = employees::Entity::find()
        .filter(employees::Column::Id.is_in(holders.iter().map(|h| h.1)))
        .all(db)
        .await?
        .into_iter()
        .map(|e| {
            let n = full_name(
                e.gelar_depan.as_deref(),
                &e.nama,
                e.gelar_belakang.as_deref(),
            );
            (e.id, n)
        })
        .collect();
    let holder_of: HashMap<Uuid, String> = holders
        .into_iter()
        .filter_map(|(p, e)| people.get(&e).map(|n| (p, n.clone())))
        .collect();
    let counts: HashMap<Uuid, i64> = ks::Entity::find()
        .select_only()
        .column(ks::Column::JabatanKritikalId)
        .column_as(Expr::col(ks::Column::Id).count(), "n")
        .filter(ks::Column::JabatanKritikalId.is_in(rows.iter().map(|r| r.id)))
        .group_by(ks::Column::JabatanKritikalId)
        .into_tuple::<(Uuid, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| {
            let p = pos.get(&r.position_id);
            JabatanKritikal {
                id: r.id,
                position_id: r.position_id,
                jabatan: p.map(|p| p.nama.clone()).unwrap_or_default(),
                unit: p
                    .and_then(|p| unit_names.get(&p.unit_id).cloned())
                    .unwrap_or_default(),
                pemegang: holder_of.get(&r.position_id).cloned(),
                alasan: r.alasan,
                golongan_minimal: r.golongan_minimal,
                toleransi_golongan: r.toleransi_golongan,
                kotak_minimal: r.kotak_minimal,
                jumlah_kandidat_manual: counts
                    .get(&r.id)
                    .and_then(|n| u64::try_from(*n).ok())
                    .unwrap_or_default(),
                lock_version: r.lock_version,
            }
        })
        .collect())
}

async fn today_of(db: &impl ConnectionTrait, instansi_id: Uuid) -> AppResult<chrono::NaiveDate> {
    Ok(clock::today_in(
        clock::instansi_offset(db, instansi_id).await?,
    ))
}

async fn one_dto(db: &impl ConnectionTrait, m: jk::Model) -> AppResult<JabatanKritikal> {
    let today = today_of(db, m.instansi_id).await?;
    dtos(db, vec![m], today)
        .await?
        .pop()
        .ok_or(AppError::NotFound(WHAT))
}

async fn find(db: &impl ConnectionTrait, id: Uuid) -> AppResult<jk::Model> {
    jk::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound(WHAT))
}

fn bersih(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// A golongan code must be in the reference data.
async fn cek_golongan(db: &impl ConnectionTrait, g: &str) -> AppResult<()> {
    if ref_golongan::Entity::find_by_id(g.to_owned())
        .one(db)
        .await?
        .is_none()
    {
        return Err(AppError::field(
            "golongan_minimal",
            Pesan::GolonganTidakDikenal,
        ));
    }
    Ok(())
}

/// The key positions of the instansi, by unit and name.
///
/// # Errors
/// `NotFound` for an unknown instansi.
pub async fn list(
    db: &DatabaseConnection,
    viewer: &Viewer,
    instansi_id: Option<Uuid>,
) -> AppResult<Vec<JabatanKritikal>> {
    let inst = instansi_dari(db, viewer, instansi_id).await?;
    let rows = jk::Entity::find()
        .filter(jk::Column::InstansiId.eq(inst))
        .order_by_asc(jk::Column::CreatedAt)
        .all(db)
        .await?;
    let today = today_of(db, inst).await?;
    let mut out = dtos(db, rows, today).await?;
    out.sort_by(|a, b| (&a.unit, &a.jabatan).cmp(&(&b.unit, &b.jabatan)));
    Ok(out)
}

/// Marks a position as key (audited).
///
/// # Errors
/// `Validation` for an unknown position or golongan; `Conflict` when it is key already.
pub async fn create(
    db: &DatabaseConnection,
    viewer: &Viewer,
    req: TandaiJabatanKritikal,
    meta: &RequestMeta,
) -> AppResult<JabatanKritikal> {
    let p = positions::Entity::find_by_id(req.position_id)
        .one(db)
        .await?
        .filter(|p| p.aktif)
        .ok_or_else(|| {
            AppError::field(
                "position_id",
                Pesan::TidakDitemukan {
                    benda: "Jabatan".to_owned(),
                },
            )
        })?;
    let unit = units::Entity::find_by_id(p.unit_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Unit"))?;
    let golongan = bersih(req.golongan_minimal);
    if let Some(g) = &golongan {
        cek_golongan(db, g).await?;
    }
    let txn = db.begin().await?;
    let now = clock::now();
    let m = jk::ActiveModel {
        id: Set(Uuid::now_v7()),
        instansi_id: Set(unit.instansi_id),
        position_id: Set(p.id),
        alasan: Set(bersih(req.alasan)),
        golongan_minimal: Set(golongan),
        toleransi_golongan: Set(req.toleransi_golongan.unwrap_or(1)),
        kotak_minimal: Set(req.kotak_minimal.unwrap_or(7)),
        ditandai_oleh: Set(viewer.user_id),
        created_at: Set(now),
        updated_at: Set(now),
        lock_version: Set(1),
    }
    .insert(&txn)
    .await
    .on_unique_violation(|| AppError::conflict(Pesan::JabatanSudahKritikal))?;
    let out = one_dto(&txn, m).await?;
    audit::record(
        &txn,
        AuditEntry::new("talenta.jabatan_kritikal_ditandai", "jabatan_kritikal")
            .actor(viewer.user_id)
            .entity(out.id)
            .after(json!(out)),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(out)
}

/// Changes the rule or the reason of a key position (audited).
///
/// # Errors
/// `Conflict` for a stale `lock_version`; `Validation` for an unknown golongan.
pub async fn update(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    req: UbahJabatanKritikal,
    meta: &RequestMeta,
) -> AppResult<JabatanKritikal> {
    let before = find(db, id).await?;
    optimistic::check(before.lock_version, req.lock_version, WHAT)?;
    let mut a = jk::ActiveModel {
        updated_at: Set(clock::now()),
        ..Default::default()
    };
    if let Some(g) = req.golongan_minimal {
        let g = bersih(Some(g));
        if let Some(g) = &g {
            cek_golongan(db, g).await?;
        }
        a.golongan_minimal = Set(g);
    }
    if let Some(al) = req.alasan {
        a.alasan = Set(bersih(Some(al)));
    }
    if let Some(t) = req.toleransi_golongan {
        a.toleransi_golongan = Set(t);
    }
    if let Some(k) = req.kotak_minimal {
        a.kotak_minimal = Set(k);
    }
    let txn = db.begin().await?;
    optimistic::claim(
        &txn,
        a,
        (jk::Column::Id, id),
        jk::Column::LockVersion,
        req.lock_version,
        WHAT,
    )
    .await?;
    let after = one_dto(&txn, find(&txn, id).await?).await?;
    let before = one_dto(&txn, before).await?;
    audit::record(
        &txn,
        AuditEntry::new("talenta.jabatan_kritikal_diubah", "jabatan_kritikal")
            .actor(viewer.user_id)
            .entity(id)
            .before(json!(before))
            .after(json!(after)),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

/// Unmarks a key position with its hand-picked candidates (audited).
///
/// # Errors
/// `Conflict` for a stale `lock_version`.
pub async fn remove(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    lock_version: i32,
    meta: &RequestMeta,
) -> AppResult<()> {
    let before = find(db, id).await?;
    optimistic::check(before.lock_version, lock_version, WHAT)?;
    let txn = db.begin().await?;
    let snapshot = one_dto(&txn, before).await?;
    // Claim first, so a concurrent edit wins or loses cleanly.
    optimistic::claim(
        &txn,
        jk::ActiveModel {
            updated_at: Set(clock::now()),
            ..Default::default()
        },
        (jk::Column::Id, id),
        jk::Column::LockVersion,
        lock_version,
        WHAT,
    )
    .await?;
    ks::Entity::delete_many()
        .filter(ks::Column::JabatanKritikalId.eq(id))
        .exec(&txn)
        .await?;
    jk::Entity::delete_by_id(id).exec(&txn).await?;
    audit::record(
        &txn,
        AuditEntry::new("talenta.jabatan_kritikal_dihapus", "jabatan_kritikal")
            .actor(viewer.user_id)
            .entity(id)
            .before(json!(snapshot)),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// A key position with its candidates: drawn from the boxes among the eligible ranks (one
/// query), then the hand-picked ones (two queries).
///
/// # Errors
/// `NotFound`.
pub async fn suksesi_of(
    db: &DatabaseConnection,
    id: Uuid,
    tahun: Option<i32>,
) -> AppResult<Suksesi> {
    let m = find(db, id).await?;
    pastikan(db, m.instansi_id).await?;
    let c = Cakupan {
        instansi_id: m.instansi_id,
        unit_id: None,
        employee_id: None,
        tahun: tahun_kinerja(db, m.instansi_id, tahun).await?,
    };
    let urutan_min = match &m.golongan_minimal {
        Some(g) => ref_golongan::Entity::find_by_id(g.clone())
            .one(db)
            .await?
            .map(|r| r.urutan - m.toleransi_golongan),
        None => None,
    };
    let mut sql = Sql::default();
    let inst = with_tp(&mut sql, &c);
    let minimal = sql.bind(m.kotak_minimal);
    let position = sql.bind(m.position_id);
    let maks = sql.bind(KANDIDAT_MAKS);
    let rank = match urutan_min {
        Some(u) => format!(" AND g.urutan >= {}", sql.bind(u)),
        None => String::new(),
    };
    sql.push(&format!(
        "SELECT e.id, e.nama, e.gelar_depan, e.gelar_belakang, e.nip, e.golongan, pos.nama, \
           k.nomor FROM tp JOIN kotak_talenta k ON k.instansi_id = {inst} \
           AND k.kinerja = tp.kinerja AND k.potensi = tp.potensi AND k.nomor >= {minimal} \
         JOIN employees e ON e.id = tp.employee_id \
         LEFT JOIN ref_golongan g ON g.kode = e.golongan \
         LEFT JOIN positions pos ON pos.id = e.jabatan_id \
         WHERE (e.jabatan_id IS NULL OR e.jabatan_id <> {position}){rank} \
         ORDER BY k.nomor DESC, g.urutan DESC, e.nama, e.id LIMIT {maks}"
    ));
    let mut kandidat = Vec::new();
    for r in db.query_all_raw(sql.statement(db)).await? {
        let nama: String = r.try_get_by_index(1)?;
        let depan: Option<String> = r.try_get_by_index(2)?;
        let belakang: Option<String> = r.try_get_by_index(3)?;
        kandidat.push(KandidatSuksesi {
            employee_id: r.try_get_by_index(0)?,
            nama: full_name(depan.as_deref(), &nama, belakang.as_deref()),
            nip: r.try_get_by_index(4)?,
            golongan: r.try_get_by_index(5)?,
            jabatan: r.try_get_by_index(6)?,
            nomor_kotak: Some(r.try_get_by_index(7)?),
            manual: false,
            catatan: None,
        });
    }
    // Hand-picked candidates: marked on the drawn ones, added after them otherwise (their box
    // is not shown: they may lie outside the pool on purpose).
    let manual = ks::Entity::find()
        .filter(ks::Column::JabatanKritikalId.eq(m.id))
        .order_by_asc(ks::Column::CreatedAt)
        .all(db)
        .await?;
    let people: HashMap<Uuid, employees::Model> = employees::Entity::find()
        .filter(employees::Column::Id.is_in(manual.iter().map(|k| k.employee_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    for k in manual {
        if let Some(drawn) = kandidat.iter_mut().find(|c| c.employee_id == k.employee_id) {
            drawn.manual = true;
            drawn.catatan = Some(k.catatan);
            continue;
        }
        let Some(e) = people.get(&k.employee_id) else {
            continue;
        };
        kandidat.push(KandidatSuksesi {
            employee_id: e.id,
            nama: full_name(
                e.gelar_depan.as_deref(),
                &e.nama,
                e.gelar_belakang.as_deref(),
            ),
            nip: e.nip.clone(),
            jabatan: None,
            golongan: e.golongan.clone(),
            nomor_kotak: None,
            manual: true,
            catatan: Some(k.catatan),
        });
    }
    Ok(Suksesi {
        jabatan: one_dto(db, m).await?,
        tahun_kinerja: c.tahun,
        kandidat,
    })
}

/// Adds a hand-picked candidate with a note (audited; bumps the key position's version).
///
/// # Errors
/// `Conflict` for a stale `lock_version` or a candidate already there; `Validation` for an
/// employee of another instansi, inactive, or holding the position.
pub async fn add_candidate(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    req: TambahKandidat,
    meta: &RequestMeta,
) -> AppResult<Suksesi> {
    let m = find(db, id).await?;
    optimistic::check(m.lock_version, req.lock_version, WHAT)?;
    let e = employees::Entity::find_by_id(req.employee_id)
        .one(db)
        .await?
        .filter(|e| e.instansi_id == m.instansi_id && e.status == StatusPegawai::Aktif.as_str())
        .ok_or_else(|| AppError::field("employee_id", Pesan::PegawaiBukanInstansi))?;
    if e.jabatan_id == Some(m.position_id) {
        return Err(AppError::field(
            "employee_id",
            Pesan::KandidatPemegangJabatan,
        ));
    }
    let txn = db.begin().await?;
    optimistic::claim(
        &txn,
        jk::ActiveModel {
            updated_at: Set(clock::now()),
            ..Default::default()
        },
        (jk::Column::Id, id),
        jk::Column::LockVersion,
        req.lock_version,
        WHAT,
    )
    .await?;
    let k = ks::ActiveModel {
        id: Set(Uuid::now_v7()),
        jabatan_kritikal_id: Set(id),
        employee_id: Set(e.id),
        catatan: Set(req.catatan.trim().to_owned()),
        ditambahkan_oleh: Set(viewer.user_id),
        created_at: Set(clock::now()),
    }
    .insert(&txn)
    .await
    .on_unique_violation(|| AppError::conflict(Pesan::KandidatSudahAda))?;
    audit::record(
        &txn,
        AuditEntry::new("talenta.kandidat_ditambahkan", "jabatan_kritikal")
            .actor(viewer.user_id)
            .entity(id)
            .after(json!({"employee_id": k.employee_id, "catatan": k.catatan})),
        meta,
    )
    .await?;
    txn.commit().await?;
    suksesi_of(db, id, None).await
}

/// Removes a hand-picked candidate (audited; bumps the key position's version).
///
/// # Errors
/// `Conflict` for a stale `lock_version`; `NotFound` for someone not hand-picked.
pub async fn remove_candidate(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    employee_id: Uuid,
    lock_version: i32,
    meta: &RequestMeta,
) -> AppResult<()> {
    let m = find(db, id).await?;
    optimistic::check(m.lock_version, lock_version, WHAT)?;
    let txn = db.begin().await?;
    optimistic::claim(
        &txn,
        jk::ActiveModel {
            updated_at: Set(clock::now()),
            ..Default::default()
        },
        (jk::Column::Id, id),
        jk::Column::LockVersion,
        lock_version,
        WHAT,
    )
    .await?;
    let gone = ks::Entity::delete_many()
        .filter(ks::Column::JabatanKritikalId.eq(id))
        .filter(ks::Column::EmployeeId.eq(employee_id))
        .exec(&txn)
        .await?
        .rows_affected;
    if gone == 0 {
        return Err(AppError::NotFound("Kandidat suksesi"));
    }
    audit::record(
        &txn,
        AuditEntry::new("talenta.kandidat_dihapus", "jabatan_kritikal")
            .actor(viewer.user_id)
            .entity(id)
            .before(json!({"employee_id": employee_id})),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Handlers

/// Key positions
///
/// The instansi's key positions (jabatan kritikal) with their rule, today's holder and the
/// number of hand-picked candidates. HR office only.
#[utoipa::path(
    tag = TAG,
    params(InstansiQuery),
    responses((status = 200, body = Vec<JabatanKritikal>), BadRequest, Invalid, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("/pengembangan/talenta/jabatan-kritikal")]
pub async fn daftar(
    state: Data<AppState>,
    ViewerWith(viewer, _): ViewerWith<perm::ManageOrganisation>,
    ValidatedQuery(q): ValidatedQuery<InstansiQuery>,
) -> AppResult<Json<Vec<JabatanKritikal>>> {
    Ok(Json(list(&state.db, &viewer, q.instansi_id).await?))
}

/// Mark a key position
///
/// With the golongan it asks for (candidates at most `toleransi_golongan` steps below it, 1
/// by default) and the lowest box drawn from (7 by default). HR office only. Audited.
#[utoipa::path(
    tag = TAG,
    request_body = TandaiJabatanKritikal,
    responses((status = 201, body = JabatanKritikal), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Already a key position", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/pengembangan/talenta/jabatan-kritikal")]
pub async fn tandai(
    state: Data<AppState>,
    ViewerWith(viewer, _): ViewerWith<perm::ManageOrganisation>,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<TandaiJabatanKritikal>,
) -> AppResult<HttpResponse> {
    let created = create(&state.db, &viewer, body, &meta).await?;
    Ok(HttpResponse::Created().json(created))
}

/// A key position with its succession candidates
///
/// Drawn from boxes `kotak_minimal`–9 (performance of `tahun` and the year before) among the
/// eligible ranks, best box first, then the hand-picked ones. HR office only.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Key position id"), TahunKinerjaQuery),
    responses((status = 200, body = Suksesi), BadRequest, Invalid, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("/pengembangan/talenta/jabatan-kritikal/{id}")]
pub async fn lihat(
    state: Data<AppState>,
    ViewerWith(_viewer, _): ViewerWith<perm::ManageOrganisation>,
    id: Path<Uuid>,
    ValidatedQuery(q): ValidatedQuery<TahunKinerjaQuery>,
) -> AppResult<Json<Suksesi>> {
    Ok(Json(suksesi_of(&state.db, id.into_inner(), q.tahun).await?))
}

/// Change a key position's rule
///
/// Names the `lock_version` it is based on. HR office only. Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Key position id")),
    request_body = UbahJabatanKritikal,
    responses((status = 200, body = JabatanKritikal), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Stale `lock_version`", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[patch("/pengembangan/talenta/jabatan-kritikal/{id}")]
pub async fn ubah(
    state: Data<AppState>,
    ViewerWith(viewer, _): ViewerWith<perm::ManageOrganisation>,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<UbahJabatanKritikal>,
) -> AppResult<Json<JabatanKritikal>> {
    Ok(Json(
        update(&state.db, &viewer, id.into_inner(), body, &meta).await?,
    ))
}

/// Unmark a key position
///
/// With its hand-picked candidates. Names the `lock_version` it is based on. HR office only.
/// Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Key position id"), LockQuery),
    responses((status = 204, description = "Unmarked"), BadRequest, Invalid, Unauthorized, Forbidden, NotFound, (status = 409, description = "Stale `lock_version`", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[delete("/pengembangan/talenta/jabatan-kritikal/{id}")]
pub async fn hapus(
    state: Data<AppState>,
    ViewerWith(viewer, _): ViewerWith<perm::ManageOrganisation>,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedQuery(q): ValidatedQuery<LockQuery>,
) -> AppResult<HttpResponse> {
    remove(&state.db, &viewer, id.into_inner(), q.lock_version, &meta).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Add a succession candidate by hand
///
/// An active employee of the instansi who does not hold the position, with a note. Names the
/// key position's `lock_version`. HR office only. Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Key position id")),
    request_body = TambahKandidat,
    responses((status = 201, body = Suksesi), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Stale `lock_version`, or already a candidate", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[post("/pengembangan/talenta/jabatan-kritikal/{id}/kandidat")]
pub async fn tambah_kandidat(
    state: Data<AppState>,
    ViewerWith(viewer, _): ViewerWith<perm::ManageOrganisation>,
    meta: RequestMeta,
    id: Path<Uuid>,
    ValidatedJson(body): ValidatedJson<TambahKandidat>,
) -> AppResult<HttpResponse> {
    let out = add_candidate(&state.db, &viewer, id.into_inner(), body, &meta).await?;
    Ok(HttpResponse::Created().json(out))
}

/// Remove a hand-picked candidate
///
/// Names the key position's `lock_version`. HR office only. Audited.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path, description = "Key position id"), ("employee_id" = Uuid, Path, description = "Employee id"), LockQuery),
    responses((status = 204, description = "Removed"), BadRequest, Invalid, Unauthorized, Forbidden, NotFound, (status = 409, description = "Stale `lock_version`", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[delete("/pengembangan/talenta/jabatan-kritikal/{id}/kandidat/{employee_id}")]
pub async fn hapus_kandidat(
    state: Data<AppState>,
    ViewerWith(viewer, _): ViewerWith<perm::ManageOrganisation>,
    meta: RequestMeta,
    path: Path<(Uuid, Uuid)>,
    ValidatedQuery(q): ValidatedQuery<LockQuery>,
) -> AppResult<HttpResponse> {
    let (id, employee_id) = path.into_inner();
    remove_candidate(&state.db, &viewer, id, employee_id, q.lock_version, &meta).await?;
    Ok(HttpResponse::NoContent().finish())
}
