//! The instansi's talent setting, its nine boxes (a configurable table, seeded with the common
//! layout and marked to be confirmed locally) and the grid: counts per box and, per box, the
//! names, for the HR office (the instansi) or a pimpinan (their subtree only).

use std::collections::HashMap;

use actix_web::web::{Data, Json, Path};
use actix_web::{get, put};
use kinerja_api::Page;
use kinerja_api::employees::full_name;
use kinerja_api::talenta::{
    GridQuery, GridTalenta, InstansiQuery, IsiKotakQuery, KonfigurasiKotak, Kotak, PegawaiTalenta,
    PengaturanTalenta, SelGrid, TingkatTalenta, UbahKotak, UbahPengaturanTalenta,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use super::penempatan::{Cakupan, Sql, with_tp};
use super::{TAG, instansi_dari, pastikan, tahun_kinerja};
use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::{Viewer, ViewerWith, perm};
use crate::clock;
use crate::entities::{employees, units};
use crate::entities::{kotak_talenta, pengaturan_talenta};
use crate::error::{AppError, AppResult};
use crate::extract::{RequestMeta, ValidatedJson, ValidatedQuery};
use crate::optimistic;
use crate::policy::{self, LingkupTalenta};
use crate::problems::{BadRequest, Forbidden, Invalid, JsonBodyProblems, NotFound, Unauthorized};
use crate::state::AppState;

fn tingkat(s: &str) -> TingkatTalenta {
    TingkatTalenta::parse(s).unwrap_or(TingkatTalenta::Rendah)
}

fn kotak_dto(m: &kotak_talenta::Model) -> Kotak {
    Kotak {
        nomor: m.nomor,
        kinerja: tingkat(&m.kinerja),
        potensi: tingkat(&m.potensi),
        label: m.label.clone(),
        rekomendasi: m.rekomendasi.clone(),
    }
}

/// The instansi's boxes by number.
pub(crate) async fn kotak_of(
    db: &impl ConnectionTrait,
    instansi_id: Uuid,
) -> AppResult<Vec<kotak_talenta::Model>> {
    Ok(kotak_talenta::Entity::find()
        .filter(kotak_talenta::Column::InstansiId.eq(instansi_id))
        .order_by_asc(kotak_talenta::Column::Nomor)
        .all(db)
        .await?)
}

fn pengaturan_dto(p: &pengaturan_talenta::Model) -> PengaturanTalenta {
    PengaturanTalenta {
        instansi_id: p.instansi_id,
        tampilkan_ke_pegawai: p.tampilkan_ke_pegawai,
        lock_version: p.lock_version,
    }
}

/// The setting of the instansi (HR office).
///
/// # Errors
/// `NotFound` for an unknown instansi.
pub async fn pengaturan(
    db: &DatabaseConnection,
    viewer: &Viewer,
    instansi_id: Option<Uuid>,
) -> AppResult<PengaturanTalenta> {
    let inst = instansi_dari(db, viewer, instansi_id).await?;
    Ok(pengaturan_dto(&pastikan(db, inst).await?))
}

/// Switches whether employees see their own potential and box (audited).
///
/// # Errors
/// `Conflict` for a stale `lock_version`.
pub async fn set_pengaturan(
    db: &DatabaseConnection,
    viewer: &Viewer,
    req: UbahPengaturanTalenta,
    meta: &RequestMeta,
) -> AppResult<PengaturanTalenta> {
    const WHAT: &str = "Pengaturan talenta";
    let inst = instansi_dari(db, viewer, req.instansi_id).await?;
    let before = pastikan(db, inst).await?;
    optimistic::check(before.lock_version, req.lock_version, WHAT)?;
    let txn = db.begin().await?;
    optimistic::claim(
        &txn,
        pengaturan_talenta::ActiveModel {
            tampilkan_ke_pegawai: Set(req.tampilkan_ke_pegawai),
            updated_at: Set(clock::now()),
            ..Default::default()
        },
        (pengaturan_talenta::Column::InstansiId, inst),
        pengaturan_talenta::Column::LockVersion,
        req.lock_version,
        WHAT,
    )
    .await?;
    let after = pengaturan_talenta::Entity::find_by_id(inst)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound(WHAT))?;
    let out = pengaturan_dto(&after);
    audit::record(
        &txn,
        AuditEntry::new("talenta.pengaturan_diubah", "pengaturan_talenta")
            .actor(viewer.user_id)
            .entity(inst)
            .before(json!(pengaturan_dto(&before)))
            .after(json!(out)),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(out)
}

/// The nine boxes of the instansi.
///
/// # Errors
/// `NotFound` for an unknown instansi.
pub async fn konfigurasi(
    db: &DatabaseConnection,
    viewer: &Viewer,
    instansi_id: Option<Uuid>,
) -> AppResult<KonfigurasiKotak> {
    let inst = instansi_dari(db, viewer, instansi_id).await?;
    let p = pastikan(db, inst).await?;
    let rows = kotak_of(db, inst).await?;
    Ok(KonfigurasiKotak {
        instansi_id: inst,
        dikonfirmasi: !rows.is_empty() && rows.iter().all(|k| k.dikonfirmasi),
        kotak: rows.iter().map(kotak_dto).collect(),
        lock_version: p.kotak_lock_version,
    })
}

/// Replaces the nine boxes (numbers, levels, labels, recommendations) and marks them
/// confirmed (audited).
///
/// # Errors
/// `Conflict` for a stale `lock_version`.
pub async fn set_kotak(
    db: &DatabaseConnection,
    viewer: &Viewer,
    req: UbahKotak,
    meta: &RequestMeta,
) -> AppResult<KonfigurasiKotak> {
    const WHAT: &str = "Kotak talenta";
    let inst = instansi_dari(db, viewer, req.instansi_id).await?;
    let p = pastikan(db, inst).await?;
    optimistic::check(p.kotak_lock_version, req.lock_version, WHAT)?;
    let txn = db.begin().await?;
    let now = clock::now();
    // The claim locks the settings row: the table is replaced by one writer at a time.
    optimistic::claim(
        &txn,
        pengaturan_talenta::ActiveModel {
            updated_at: Set(now),
            ..Default::default()
        },
        (pengaturan_talenta::Column::InstansiId, inst),
        pengaturan_talenta::Column::KotakLockVersion,
        req.lock_version,
        WHAT,
    )
    .await?;
    let before: Vec<Kotak> = kotak_of(&txn, inst).await?.iter().map(kotak_dto).collect();
    kotak_talenta::Entity::delete_many()
        .filter(kotak_talenta::Column::InstansiId.eq(inst))
        .exec(&txn)
        .await?;
    let mut kotak = req.kotak;
    kotak.sort_by_key(|k| k.nomor);
    for k in &kotak {
        kotak_talenta::ActiveModel {
            id: Set(Uuid::now_v7()),
            instansi_id: Set(inst),
            nomor: Set(k.nomor),
            kinerja: Set(k.kinerja.as_str().to_owned()),
            potensi: Set(k.potensi.as_str().to_owned()),
            label: Set(k.label.trim().to_owned()),
            rekomendasi: Set(k.rekomendasi.trim().to_owned()),
            dikonfirmasi: Set(true),
            updated_at: Set(now),
        }
        .insert(&txn)
        .await?;
    }
    let rows = kotak_of(&txn, inst).await?;
    let out = KonfigurasiKotak {
        instansi_id: inst,
        dikonfirmasi: true,
        kotak: rows.iter().map(kotak_dto).collect(),
        lock_version: req.lock_version + 1,
    };
    audit::record(
        &txn,
        AuditEntry::new("talenta.kotak_diubah", "kotak_talenta")
            .actor(viewer.user_id)
            .entity(inst)
            .before(json!(before))
            .after(json!(out.kotak)),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(out)
}

/// What a grid request may cover: the instansi and, for a pimpinan or a named unit, the
/// subtree's root.
///
/// # Errors
/// `Forbidden` for a viewer who sees no talent data; `NotFound` for a unit outside the
/// viewer's reach.
async fn cakupan(
    db: &DatabaseConnection,
    viewer: &Viewer,
    instansi_id: Option<Uuid>,
    unit_id: Option<Uuid>,
    tahun: Option<i32>,
) -> AppResult<Cakupan> {
    let lingkup = policy::lingkup_talenta(&viewer.roles).ok_or(AppError::Forbidden)?;
    let (inst, root) = match (lingkup, unit_id) {
        (LingkupTalenta::Instansi, None) => (instansi_dari(db, viewer, instansi_id).await?, None),
        (lingkup, Some(u)) => {
            if lingkup == LingkupTalenta::Subtree && !viewer.subtree.contains(&u) {
                return Err(AppError::NotFound("Unit"));
            }
            let unit = units::Entity::find_by_id(u)
                .one(db)
                .await?
                .ok_or(AppError::NotFound("Unit"))?;
            (unit.instansi_id, Some(u))
        }
        (LingkupTalenta::Subtree, None) => {
            let own = match viewer.employee_id {
                Some(e) => employees::Entity::find_by_id(e).one(db).await?,
                None => None,
            };
            match own.and_then(|e| e.unit_id.map(|u| (e.instansi_id, u))) {
                Some((i, u)) if viewer.subtree.contains(&u) => (i, Some(u)),
                _ => return Err(AppError::Forbidden),
            }
        }
    };
    Ok(Cakupan {
        instansi_id: inst,
        unit_id: root,
        employee_id: None,
        tahun: tahun_kinerja(db, inst, tahun).await?,
    })
}

/// Counts per box for the viewer's reach, from two SQL aggregates.
///
/// # Errors
/// As [`cakupan`].
pub async fn grid_of(
    db: &DatabaseConnection,
    viewer: &Viewer,
    q: GridQuery,
) -> AppResult<GridTalenta> {
    let c = cakupan(db, viewer, q.instansi_id, q.unit_id, q.tahun).await?;
    pastikan(db, c.instansi_id).await?;
    let boxes = kotak_of(db, c.instansi_id).await?;

    let mut sql = Sql::default();
    with_tp(&mut sql, &c);
    sql.push(
        "SELECT tp.kinerja, tp.potensi, COUNT(*) AS n FROM tp \
         GROUP BY tp.kinerja, tp.potensi",
    );
    let rows = db.query_all_raw(sql.statement(db)).await?;
    let mut per: HashMap<(String, String), u64> = HashMap::new();
    let (mut jumlah, mut tanpa_potensi, mut tanpa_predikat) = (0, 0, 0);
    for r in rows {
        let kinerja: Option<String> = r.try_get_by_index(0)?;
        let potensi: Option<String> = r.try_get_by_index(1)?;
        let n = u64::try_from(r.try_get_by_index::<i64>(2)?).unwrap_or_default();
        jumlah += n;
        if potensi.is_none() {
            tanpa_potensi += n;
        }
        if kinerja.is_none() {
            tanpa_predikat += n;
        }
        if let (Some(k), Some(p)) = (kinerja, potensi) {
            *per.entry((k, p)).or_default() += n;
        }
    }
    Ok(GridTalenta {
        instansi_id: c.instansi_id,
        unit_id: c.unit_id,
        tahun_kinerja: c.tahun,
        dikonfirmasi: !boxes.is_empty() && boxes.iter().all(|k| k.dikonfirmasi),
        sel: boxes
            .iter()
            .map(|k| SelGrid {
                kotak: kotak_dto(k),
                jumlah: per
                    .get(&(k.kinerja.clone(), k.potensi.clone()))
                    .copied()
                    .unwrap_or_default(),
            })
            .collect(),
        jumlah_pegawai: jumlah,
        tanpa_potensi,
        tanpa_predikat,
    })
}

/// The people of one box in the viewer's reach, by name, a page at a time.
///
/// # Errors
/// As [`cakupan`]; `NotFound` for a box number outside 1–9.
pub async fn isi_kotak_of(
    db: &DatabaseConnection,
    viewer: &Viewer,
    nomor: i32,
    q: IsiKotakQuery,
) -> AppResult<Page<PegawaiTalenta>> {
    let c = cakupan(db, viewer, q.instansi_id, q.unit_id, q.tahun).await?;
    pastikan(db, c.instansi_id).await?;
    if !(1..=9).contains(&nomor) {
        return Err(AppError::NotFound("Kotak talenta"));
    }
    let page = kinerja_api::PageQuery {
        page: q.page,
        per_page: q.per_page,
    };
    let build = |select: &str, tail: &str| {
        let mut sql = Sql::default();
        let inst = with_tp(&mut sql, &c);
        let n = sql.bind(nomor);
        sql.push(&format!(
            "{select} FROM tp JOIN kotak_talenta k ON k.instansi_id = {inst} \
             AND k.kinerja = tp.kinerja AND k.potensi = tp.potensi AND k.nomor = {n} \
             JOIN employees e ON e.id = tp.employee_id \
             LEFT JOIN positions pos ON pos.id = e.jabatan_id \
             LEFT JOIN units u ON u.id = e.unit_id {tail}"
        ));
        sql
    };
    let total_row = db
        .query_one_raw(build("SELECT COUNT(*)", "").statement(db))
        .await?;
    let total = match total_row {
        Some(r) => u64::try_from(r.try_get_by_index::<i64>(0)?).unwrap_or_default(),
        None => 0,
    };
    let mut sql = build(
        "SELECT e.id, e.nama, e.gelar_depan, e.gelar_belakang, e.nip, e.golongan, \
         pos.nama, u.nama, tp.kinerja, tp.potensi",
        "ORDER BY e.nama, e.id",
    );
    let limit = sql.bind(i64::try_from(page.per_page).unwrap_or(20));
    let offset = sql.bind(i64::try_from(page.offset()).unwrap_or(0));
    sql.push(&format!(" LIMIT {limit} OFFSET {offset}"));
    let mut items = Vec::new();
    for r in db.query_all_raw(sql.statement(db)).await? {
        let nama: String = r.try_get_by_index(1)?;
        let depan: Option<String> = r.try_get_by_index(2)?;
        let belakang: Option<String> = r.try_get_by_index(3)?;
        let kinerja: String = r.try_get_by_index(8)?;
        let potensi: String = r.try_get_by_index(9)?;
        items.push(PegawaiTalenta {
            employee_id: r.try_get_by_index(0)?,
            nama: full_name(depan.as_deref(), &nama, belakang.as_deref()),
            nip: r.try_get_by_index(4)?,
            golongan: r.try_get_by_index(5)?,
            jabatan: r.try_get_by_index(6)?,
            unit: r.try_get_by_index(7)?,
            nomor_kotak: nomor,
            kinerja: tingkat(&kinerja),
            potensi: tingkat(&potensi),
        });
    }
    Ok(Page::new(items, page, total))
}

// ---------------------------------------------------------------------------------------------
// Handlers

/// Talent settings of the instansi
///
/// Whether each employee sees their own potential and box. HR office only.
#[utoipa::path(
    tag = TAG,
    params(InstansiQuery),
    responses((status = 200, body = PengaturanTalenta), BadRequest, Invalid, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("/pengembangan/talenta/pengaturan")]
pub async fn lihat_pengaturan(
    state: Data<AppState>,
    ViewerWith(viewer, _): ViewerWith<perm::ManageOrganisation>,
    ValidatedQuery(q): ValidatedQuery<InstansiQuery>,
) -> AppResult<Json<PengaturanTalenta>> {
    Ok(Json(pengaturan(&state.db, &viewer, q.instansi_id).await?))
}

/// Change the talent settings
///
/// HR office only; names the `lock_version` it is based on. Audited.
#[utoipa::path(
    tag = TAG,
    request_body = UbahPengaturanTalenta,
    responses((status = 200, body = PengaturanTalenta), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Stale `lock_version`", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[put("/pengembangan/talenta/pengaturan")]
pub async fn ubah_pengaturan(
    state: Data<AppState>,
    ViewerWith(viewer, _): ViewerWith<perm::ManageOrganisation>,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<UbahPengaturanTalenta>,
) -> AppResult<Json<PengaturanTalenta>> {
    Ok(Json(set_pengaturan(&state.db, &viewer, body, &meta).await?))
}

/// The nine boxes of the instansi
///
/// Number, performance level, potential level, label and recommendation of each box; seeded
/// with the common layout and `dikonfirmasi = false` until the HR office saves them. HR office
/// only.
#[utoipa::path(
    tag = TAG,
    params(InstansiQuery),
    responses((status = 200, body = KonfigurasiKotak), BadRequest, Invalid, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("/pengembangan/talenta/kotak")]
pub async fn lihat_kotak(
    state: Data<AppState>,
    ViewerWith(viewer, _): ViewerWith<perm::ManageOrganisation>,
    ValidatedQuery(q): ValidatedQuery<InstansiQuery>,
) -> AppResult<Json<KonfigurasiKotak>> {
    Ok(Json(konfigurasi(&state.db, &viewer, q.instansi_id).await?))
}

/// Save the nine boxes
///
/// The whole table: numbers 1–9, each pair of levels once. Marks it confirmed. HR office only;
/// names the `lock_version` it is based on. Audited.
#[utoipa::path(
    tag = TAG,
    request_body = UbahKotak,
    responses((status = 200, body = KonfigurasiKotak), JsonBodyProblems, Unauthorized, Forbidden, NotFound, (status = 409, description = "Stale `lock_version`", body = kinerja_api::ErrorBody, content_type = "application/problem+json")),
    security(("bearer" = []))
)]
#[put("/pengembangan/talenta/kotak")]
pub async fn ubah_kotak(
    state: Data<AppState>,
    ViewerWith(viewer, _): ViewerWith<perm::ManageOrganisation>,
    meta: RequestMeta,
    ValidatedJson(body): ValidatedJson<UbahKotak>,
) -> AppResult<Json<KonfigurasiKotak>> {
    Ok(Json(set_kotak(&state.db, &viewer, body, &meta).await?))
}

/// Talent grid
///
/// Active employees per box: performance from the annual predikat of `tahun` and the year
/// before, potential from the newest assessment. The HR office sees the instansi (or one unit
/// with everything below it); a pimpinan their own subtree only (a unit outside it is 404);
/// anyone else 403.
#[utoipa::path(
    tag = TAG,
    params(GridQuery),
    responses((status = 200, body = GridTalenta), BadRequest, Invalid, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("/pengembangan/talenta/grid")]
pub async fn grid(
    state: Data<AppState>,
    viewer: Viewer,
    ValidatedQuery(q): ValidatedQuery<GridQuery>,
) -> AppResult<Json<GridTalenta>> {
    Ok(Json(grid_of(&state.db, &viewer, q).await?))
}

/// Employees in one box
///
/// By name, a page at a time, within the same reach as the grid.
#[utoipa::path(
    tag = TAG,
    params(("nomor" = i32, Path, description = "Box number 1–9"), IsiKotakQuery),
    responses((status = 200, body = Page<PegawaiTalenta>), BadRequest, Invalid, Unauthorized, Forbidden, NotFound),
    security(("bearer" = []))
)]
#[get("/pengembangan/talenta/grid/{nomor}")]
pub async fn isi_kotak(
    state: Data<AppState>,
    viewer: Viewer,
    nomor: Path<i32>,
    ValidatedQuery(q): ValidatedQuery<IsiKotakQuery>,
) -> AppResult<Json<Page<PegawaiTalenta>>> {
    Ok(Json(
        isi_kotak_of(&state.db, &viewer, nomor.into_inner(), q).await?,
    ))
}
