//! The potential of each employee, recorded by the HR office from an assessment (rendah /
//! menengah / tinggi, its date and source); every assessment is kept, the newest is the
//! current one. Never shown to other employees; shown to the employee themself only when the
//! instansi turns that on.

use actix_web::web::{Data, Json, Path};
use actix_web::{HttpResponse, get, post};
use kinerja_api::Pesan;
use kinerja_api::employees::StatusPegawai;
use kinerja_api::talenta::{CatatPotensi, Kotak, Potensi, TalentaSaya, TingkatTalenta};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use super::penempatan::{Cakupan, Sql, with_tp};
use super::{TAG, pastikan, tahun_kinerja};
use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::{Viewer, ViewerWith, perm};
use crate::clock;
use crate::entities::employees;
use crate::entities::{kotak_talenta, potensi_talenta};
use crate::error::{AppError, AppResult};
use crate::extract::{RequestMeta, ValidatedJson};
use crate::policy;
use crate::problems::{BadRequest, Forbidden, JsonBodyProblems, NotFound, Unauthorized};
use crate::state::AppState;

fn dto(m: potensi_talenta::Model) -> Potensi {
    Potensi {
        id: m.id,
        employee_id: m.employee_id,
        tingkat: TingkatTalenta::parse(&m.tingkat).unwrap_or(TingkatTalenta::Rendah),
        tanggal: m.tanggal,
        sumber: m.sumber,
        catatan: m.catatan,
        created_at: m.created_at,
    }
}

/// Records an assessment for an active employee (audited).
///
/// # Errors
/// `Validation` for an unknown or inactive employee or a date after today (the employee's
/// instansi's local day).
pub async fn create(
    db: &DatabaseConnection,
    viewer: &Viewer,
    req: CatatPotensi,
    meta: &RequestMeta,
) -> AppResult<Potensi> {
    let e = employees::Entity::find_by_id(req.employee_id)
        .one(db)
        .await?
        .filter(|e| e.status == StatusPegawai::Aktif.as_str())
        .ok_or_else(|| AppError::field("employee_id", Pesan::PegawaiBukanInstansi))?;
    let today = clock::today_in(clock::instansi_offset(db, e.instansi_id).await?);
    if req.tanggal > today {
        return Err(AppError::field(
            "tanggal",
            Pesan::TanggalPenilaianLampau {
                hari_ini: today.to_string(),
            },
        ));
    }
    let txn = db.begin().await?;
    let m = potensi_talenta::ActiveModel {
        id: Set(Uuid::now_v7()),
        employee_id: Set(e.id),
        instansi_id: Set(e.instansi_id),
        tingkat: Set(req.tingkat.as_str().to_owned()),
        tanggal: Set(req.tanggal),
        sumber: Set(req.sumber.trim().to_owned()),
        catatan: Set(req
            .catatan
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty())),
        dicatat_oleh: Set(viewer.user_id),
        created_at: Set(clock::now()),
    }
    .insert(&txn)
    .await?;
    let out = dto(m);
    audit::record(
        &txn,
        AuditEntry::new("talenta.potensi_dicatat", "potensi_talenta")
            .actor(viewer.user_id)
            .entity(out.id)
            .after(json!(out)),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(out)
}

/// Whether `employee`'s instansi shows employees their own potential and box.
async fn ditampilkan(db: &DatabaseConnection, instansi_id: Uuid) -> AppResult<bool> {
    Ok(pastikan(db, instansi_id).await?.tampilkan_ke_pegawai)
}

/// An employee's assessments, newest first.
///
/// # Errors
/// `NotFound` for an employee the viewer may not see the potential of (the same answer as
/// for one who does not exist).
pub async fn history(
    db: &DatabaseConnection,
    viewer: &Viewer,
    employee_id: Uuid,
) -> AppResult<Vec<Potensi>> {
    let e = employees::Entity::find_by_id(employee_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Pegawai"))?;
    let is_self = viewer.employee_id == Some(e.id);
    let shown = is_self && ditampilkan(db, e.instansi_id).await?;
    if !policy::can_read_potensi(&viewer.roles, is_self, shown) {
        return Err(AppError::NotFound("Pegawai"));
    }
    Ok(potensi_talenta::Entity::find()
        .filter(potensi_talenta::Column::EmployeeId.eq(e.id))
        .order_by_desc(potensi_talenta::Column::Tanggal)
        .order_by_desc(potensi_talenta::Column::CreatedAt)
        .order_by_desc(potensi_talenta::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(dto)
        .collect())
}

/// The viewer's own potential, performance level and box.
///
/// # Errors
/// `Forbidden` when the viewer is no employee or their instansi does not show it.
pub async fn own(db: &DatabaseConnection, viewer: &Viewer) -> AppResult<TalentaSaya> {
    let Some(id) = viewer.employee_id else {
        return Err(AppError::Forbidden);
    };
    let e = employees::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::Forbidden)?;
    let shown = ditampilkan(db, e.instansi_id).await?;
    if !policy::can_read_potensi(&viewer.roles, true, shown) {
        return Err(AppError::Forbidden);
    }
    let potensi = potensi_talenta::Entity::find()
        .filter(potensi_talenta::Column::EmployeeId.eq(e.id))
        .order_by_desc(potensi_talenta::Column::Tanggal)
        .order_by_desc(potensi_talenta::Column::CreatedAt)
        .order_by_desc(potensi_talenta::Column::Id)
        .one(db)
        .await?
        .map(dto);
    let c = Cakupan {
        instansi_id: e.instansi_id,
        unit_id: None,
        employee_id: Some(e.id),
        tahun: tahun_kinerja(db, e.instansi_id, None).await?,
    };
    let mut sql = Sql::default();
    with_tp(&mut sql, &c);
    sql.push("SELECT tp.kinerja FROM tp");
    let kinerja = match db.query_one_raw(sql.statement(db)).await? {
        Some(r) => r
            .try_get_by_index::<Option<String>>(0)?
            .and_then(|k| TingkatTalenta::parse(&k)),
        None => None,
    };
    let kotak = match (kinerja, potensi.as_ref().map(|p| p.tingkat)) {
        (Some(k), Some(p)) => kotak_talenta::Entity::find()
            .filter(kotak_talenta::Column::InstansiId.eq(e.instansi_id))
            .filter(kotak_talenta::Column::Kinerja.eq(k.as_str()))
            .filter(kotak_talenta::Column::Potensi.eq(p.as_str()))
            .one(db)
            .await?
            .map(|m| Kotak {
                nomor: m.nomor,
                kinerja: k,
                potensi: p,
                label: m.label,
                rekomendasi: m.rekomendasi,
            }),
        _ => None,
    };
    Ok(TalentaSaya {
        potensi,
        kinerja,
        kotak,
    })
}

// ---------------------------------------------------------------------------------------------
// Handlers

/// Record an employee's potential
///
/// From an assessment (e.g. "Assessment center BKPSDM 2026"): rendah, menengah or tinggi, its
/// date (not after today, the instansi's local day) and source. Earlier assessments are kept.
/// HR office only. Audited.
#[utoipa::path(
    tag = TAG,
    request_body = CatatPotensi,
    responses((status = 201, body = Potensi), JsonBodyProblems, Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[post("/pengembangan/talenta/potensi")]
pub async fn catat(
    state: Data<AppState>,
    ViewerWith(viewer, _): ViewerWith<perm::ManageOrganisation>,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<CatatPotensi>,
) -> AppResult<HttpResponse> {
    let created = create(&state.db, &viewer, body, &meta).await?;
    Ok(HttpResponse::Created().json(created))
}

/// An employee's potential assessments
///
/// Newest first. The HR office; the employee themself only when the instansi shows it; 404
/// for everyone else.
#[utoipa::path(
    tag = TAG,
    params(("employee_id" = Uuid, Path, description = "Employee id")),
    responses((status = 200, body = Vec<Potensi>), BadRequest, Unauthorized, NotFound),
    security(("bearer" = []))
)]
#[get("/pengembangan/talenta/potensi/{employee_id}")]
pub async fn riwayat(
    state: Data<AppState>,
    viewer: Viewer,
    id: Path<Uuid>,
) -> AppResult<Json<Vec<Potensi>>> {
    Ok(Json(history(&state.db, &viewer, id.into_inner()).await?))
}

/// My talent box
///
/// The viewer's own current potential, performance level and box; 403 unless their instansi
/// shows it to employees.
#[utoipa::path(
    tag = TAG,
    responses((status = 200, body = TalentaSaya), Unauthorized, Forbidden),
    security(("bearer" = []))
)]
#[get("/pengembangan/talenta/saya")]
pub async fn saya(state: Data<AppState>, viewer: Viewer) -> AppResult<Json<TalentaSaya>> {
    Ok(Json(own(&state.db, &viewer).await?))
}
