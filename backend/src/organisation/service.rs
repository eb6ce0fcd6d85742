//! Rules and queries for instansi, units and positions.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use kinerja_api::Pesan;
use kinerja_api::employees::full_name;
use kinerja_api::organisation::{
    CreateInstansi, CreatePosition, CreateUnit, EmployeeRef, Golongan, Instansi, Jenjang,
    JenjangInfo, KelompokPelaksana, MoveUnit, NilaiBerakhlak, PanduanPerilaku, Position,
    PositionQuery, ReferenceData, TreeQuery, Unit, UnitKind, UnitMove, UnitNode, UnitQuery,
    UpdateInstansi, UpdatePosition, UpdateUnit, ZonaWaktu,
};
use kinerja_api::{Page, PageQuery};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use super::tree::UnitIndex;
use crate::audit::service::{self as audit, AuditEntry};
use crate::entities::{
    employees, instansi, positions, ref_golongan, ref_jenjang, unit_moves, units,
};
use crate::error::{AppError, AppResult};
use crate::extract::RequestMeta;
use crate::optimistic;

/// `%q%` for LIKE, with the wildcards in `q` escaped.
pub fn like_pattern(q: &str) -> String {
    let escaped = q
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{}%", escaped.to_lowercase())
}

/// Case-insensitive "contains" on a column.
pub fn ilike(column: impl sea_orm::ColumnTrait, q: &str) -> sea_orm::sea_query::SimpleExpr {
    Expr::expr(Func::lower(Expr::col(column.as_column_ref()))).like(like_pattern(q))
}

/// The reference lists.
///
/// # Errors
/// On a database failure.
pub async fn reference(db: &DatabaseConnection) -> AppResult<ReferenceData> {
    let golongan = ref_golongan::Entity::find()
        .order_by_asc(ref_golongan::Column::Urutan)
        .all(db)
        .await?
        .into_iter()
        .map(|g| Golongan {
            kode: g.kode,
            pangkat: g.pangkat,
            urutan: g.urutan,
        })
        .collect();
    let jenjang = ref_jenjang::Entity::find()
        .order_by_desc(ref_jenjang::Column::Tingkat)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|j| {
            let kode = Jenjang::parse(&j.kode)?;
            Some(JenjangInfo {
                kode,
                jenis: kode.jenis(),
                nama: j.nama,
                dapat_menilai: j.dapat_menilai,
                koefisien_angka_kredit: j.koefisien_angka_kredit,
            })
        })
        .collect();
    let berakhlak = super::berakhlak::values(db)
        .await?
        .iter()
        .map(|n| NilaiBerakhlak {
            panduan: n
                .panduan
                .iter()
                .map(|p| PanduanPerilaku {
                    kode: p.kode.clone(),
                    huruf: p.huruf.clone(),
                    teks: p.teks.clone(),
                })
                .collect(),
            kode: n.kode.clone(),
            nama: n.nama.clone(),
            urutan: n.urutan,
        })
        .collect();
    Ok(ReferenceData {
        golongan,
        jenjang,
        berakhlak,
    })
}

fn instansi_dto(m: instansi::Model) -> Instansi {
    Instansi {
        id: m.id,
        nama: m.nama,
        kode: m.kode,
        aktif: m.aktif,
        zona_waktu: ZonaWaktu::parse(&m.zona_waktu).unwrap_or_default(),
    }
}

/// # Errors
/// On a database failure.
pub async fn list_instansi(db: &DatabaseConnection) -> AppResult<Vec<Instansi>> {
    Ok(instansi::Entity::find()
        .order_by_asc(instansi::Column::Nama)
        .all(db)
        .await?
        .into_iter()
        .map(instansi_dto)
        .collect())
}

/// # Errors
/// On a database failure.
pub async fn create_instansi(
    db: &DatabaseConnection,
    actor: Option<Uuid>,
    req: CreateInstansi,
    meta: &RequestMeta,
) -> AppResult<Instansi> {
    let now = Utc::now();
    let txn = db.begin().await?;
    let model = instansi::ActiveModel {
        id: Set(Uuid::now_v7()),
        nama: Set(req.nama.trim().to_owned()),
        kode: Set(clean(req.kode)),
        aktif: Set(true),
        zona_waktu: Set(req.zona_waktu.unwrap_or_default().as_str().to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    let dto = instansi_dto(model);
    audit::record(
        &txn,
        entry("instansi.created", "instansi", actor)
            .instansi(dto.id)
            .entity(dto.id)
            .after(json!(dto)),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(dto)
}

/// Sets the instansi's time zone (audited with before and after).
///
/// # Errors
/// `NotFound` for an unknown instansi; on a database failure.
pub async fn update_instansi(
    db: &DatabaseConnection,
    actor: Option<Uuid>,
    id: Uuid,
    req: UpdateInstansi,
    meta: &RequestMeta,
) -> AppResult<Instansi> {
    let txn = db.begin().await?;
    let row = instansi::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound("Instansi"))?;
    let before = instansi_dto(row.clone());
    let mut active: instansi::ActiveModel = row.into();
    active.zona_waktu = Set(req.zona_waktu.as_str().to_owned());
    active.updated_at = Set(Utc::now());
    let dto = instansi_dto(active.update(&txn).await?);
    audit::record(
        &txn,
        entry("instansi.updated", "instansi", actor)
            .instansi(dto.id)
            .entity(dto.id)
            .before(json!(before))
            .after(json!(dto)),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(dto)
}

fn entry(action: &str, entity: &str, actor: Option<Uuid>) -> AuditEntry {
    let e = AuditEntry::new(action, entity);
    match actor {
        Some(a) => e.actor(a),
        None => e,
    }
}

/// Trims an optional text and turns "" into `None`.
pub fn clean(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

pub fn unit_dto(m: units::Model) -> Unit {
    Unit {
        id: m.id,
        instansi_id: m.instansi_id,
        parent_id: m.parent_id,
        kind: UnitKind::parse(&m.kind).unwrap_or(UnitKind::Lainnya),
        nama: m.nama,
        kode: m.kode,
        alamat: m.alamat,
        aktif: m.aktif,
        berlaku_mulai: m.berlaku_mulai,
        berlaku_sampai: m.berlaku_sampai,
        lock_version: m.lock_version,
    }
}

async fn find_unit(db: &impl ConnectionTrait, id: Uuid) -> AppResult<units::Model> {
    units::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Unit"))
}

/// # Errors
/// `NotFound`.
pub async fn get_unit(db: &DatabaseConnection, id: Uuid) -> AppResult<Unit> {
    Ok(unit_dto(find_unit(db, id).await?))
}

/// A filtered page of units ordered by name.
///
/// # Errors
/// On a database failure.
pub async fn list_units(
    db: &DatabaseConnection,
    query: UnitQuery,
    page: PageQuery,
) -> AppResult<Page<Unit>> {
    let mut select = units::Entity::find();
    if let Some(root) = query.within {
        select = select.filter(units::Column::Id.is_in(super::tree::subtree(db, root).await?));
    }
    if let Some(id) = query.instansi_id {
        select = select.filter(units::Column::InstansiId.eq(id));
    }
    if let Some(parent) = query.parent_id {
        select = select.filter(units::Column::ParentId.eq(parent));
    }
    if let Some(kind) = query.kind {
        select = select.filter(units::Column::Kind.eq(kind.as_str()));
    }
    if let Some(aktif) = query.aktif {
        select = select.filter(units::Column::Aktif.eq(aktif));
    }
    if let Some(q) = clean(query.q) {
        select = select.filter(ilike(units::Column::Nama, &q));
    }
    let total = select.clone().count(db).await?;
    let items = select
        .order_by_asc(units::Column::Nama)
        .order_by_asc(units::Column::Id)
        .offset(page.offset())
        .limit(page.per_page)
        .all(db)
        .await?
        .into_iter()
        .map(unit_dto)
        .collect();
    Ok(Page::new(items, page, total))
}

/// The unit tree with the number of employees placed in each unit.
///
/// # Errors
/// On a database failure.
pub async fn unit_tree(db: &DatabaseConnection, query: TreeQuery) -> AppResult<Vec<UnitNode>> {
    let index = UnitIndex::load(db, query.instansi_id).await?;
    let counts: HashMap<Uuid, i64> = employees::Entity::find()
        .select_only()
        .column(employees::Column::UnitId)
        .column_as(employees::Column::Id.count(), "n")
        .filter(employees::Column::UnitId.is_not_null())
        .group_by(employees::Column::UnitId)
        .into_tuple::<(Option<Uuid>, i64)>()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(id, n)| id.map(|id| (id, n)))
        .collect();
    let visible = |u: &units::Model| query.include_inactive || u.aktif;
    let mut roots: Vec<&units::Model> = index
        .units
        .values()
        .filter(|u| visible(u) && u.parent_id.is_none_or(|p| !index.units.contains_key(&p)))
        .collect();
    roots.sort_by(|a, b| a.nama.cmp(&b.nama));
    fn build(
        index: &UnitIndex,
        unit: &units::Model,
        counts: &HashMap<Uuid, i64>,
        include_inactive: bool,
    ) -> UnitNode {
        let mut children: Vec<&units::Model> = index
            .children_of(unit.id)
            .iter()
            .filter_map(|id| index.units.get(id))
            .filter(|u| include_inactive || u.aktif)
            .collect();
        children.sort_by(|a, b| a.nama.cmp(&b.nama));
        UnitNode {
            unit: unit_dto(unit.clone()),
            jumlah_pegawai: counts.get(&unit.id).copied().unwrap_or(0).unsigned_abs(),
            children: children
                .into_iter()
                .map(|c| build(index, c, counts, include_inactive))
                .collect(),
        }
    }
    Ok(roots
        .into_iter()
        .map(|r| build(&index, r, &counts, query.include_inactive))
        .collect())
}

/// # Errors
/// `Validation` when the instansi or parent does not exist or belongs elsewhere.
pub async fn create_unit(
    db: &DatabaseConnection,
    actor: Option<Uuid>,
    req: CreateUnit,
    meta: &RequestMeta,
) -> AppResult<Unit> {
    let txn = db.begin().await?;
    if instansi::Entity::find_by_id(req.instansi_id)
        .one(&txn)
        .await?
        .is_none()
    {
        return Err(AppError::field(
            "instansi_id",
            Pesan::InstansiTidakDitemukan,
        ));
    }
    if let Some(parent) = req.parent_id {
        let parent = units::Entity::find_by_id(parent).one(&txn).await?;
        match parent {
            None => return Err(AppError::field("parent_id", Pesan::UnitIndukTidakDitemukan)),
            Some(p) if p.instansi_id != req.instansi_id => {
                return Err(AppError::field("parent_id", Pesan::UnitIndukInstansiLain));
            }
            Some(_) => {}
        }
    }
    let today = crate::clock::today_in(crate::clock::instansi_offset(&txn, req.instansi_id).await?);
    let now = Utc::now();
    let model = units::ActiveModel {
        id: Set(Uuid::now_v7()),
        instansi_id: Set(req.instansi_id),
        parent_id: Set(req.parent_id),
        kind: Set(req.kind.as_str().to_owned()),
        nama: Set(req.nama.trim().to_owned()),
        kode: Set(clean(req.kode)),
        alamat: Set(clean(req.alamat)),
        aktif: Set(true),
        berlaku_mulai: Set(req.berlaku_mulai.unwrap_or(today)),
        berlaku_sampai: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        lock_version: Set(1),
    }
    .insert(&txn)
    .await?;
    let dto = unit_dto(model);
    audit::record(
        &txn,
        entry("unit.created", "unit", actor)
            .instansi(dto.instansi_id)
            .entity(dto.id)
            .after(json!(dto)),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(dto)
}

/// # Errors
/// `NotFound`; `Conflict` for a stale `lock_version`; `Validation` when the end date precedes
/// the start.
pub async fn update_unit(
    db: &DatabaseConnection,
    actor: Option<Uuid>,
    id: Uuid,
    req: UpdateUnit,
    meta: &RequestMeta,
) -> AppResult<Unit> {
    const WHAT: &str = "Unit";
    let txn = db.begin().await?;
    let model = find_unit(&txn, id).await?;
    optimistic::check(model.lock_version, req.lock_version, WHAT)?;
    let before = unit_dto(model.clone());
    if let Some(end) = req.berlaku_sampai
        && end < model.berlaku_mulai
    {
        return Err(AppError::field(
            "berlaku_sampai",
            Pesan::BerlakuSampaiSebelumMulai,
        ));
    }
    // Only the named fields, with the version claim (PATCH without lost updates).
    let mut active: units::ActiveModel = Default::default();
    if let Some(kind) = req.kind {
        active.kind = Set(kind.as_str().to_owned());
    }
    if let Some(nama) = req.nama {
        active.nama = Set(nama.trim().to_owned());
    }
    if req.kode.is_some() {
        active.kode = Set(clean(req.kode));
    }
    if req.alamat.is_some() {
        active.alamat = Set(clean(req.alamat));
    }
    if let Some(aktif) = req.aktif {
        active.aktif = Set(aktif);
    }
    if let Some(end) = req.berlaku_sampai {
        active.berlaku_sampai = Set(Some(end));
    }
    active.updated_at = Set(Utc::now());
    optimistic::claim(
        &txn,
        active,
        (units::Column::Id, id),
        units::Column::LockVersion,
        req.lock_version,
        WHAT,
    )
    .await?;
    let after = unit_dto(find_unit(&txn, id).await?);
    audit::record(
        &txn,
        entry("unit.updated", "unit", actor)
            .instansi(before.instansi_id)
            .entity(id)
            .before(json!(before))
            .after(json!(after))
            .reason(req.reason),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

/// Moves a unit (with its subtree) under another parent, keeping the move in its history.
///
/// # Errors
/// `Validation` when the new parent is missing, in another instansi, or inside the subtree.
pub async fn move_unit(
    db: &DatabaseConnection,
    actor: Option<Uuid>,
    id: Uuid,
    req: MoveUnit,
    meta: &RequestMeta,
) -> AppResult<Unit> {
    let txn = db.begin().await?;
    let model = find_unit(&txn, id).await?;
    if let Some(parent) = req.parent_id {
        let parent = units::Entity::find_by_id(parent)
            .one(&txn)
            .await?
            .ok_or_else(|| AppError::field("parent_id", Pesan::UnitIndukTidakDitemukan))?;
        if parent.instansi_id != model.instansi_id {
            return Err(AppError::field("parent_id", Pesan::UnitIndukInstansiLain));
        }
        let index = UnitIndex::load(&txn, Some(model.instansi_id)).await?;
        if index.subtree(id).contains(&parent.id) {
            return Err(AppError::field("parent_id", Pesan::UnitKeBawahDiri));
        }
    }
    if req.parent_id == model.parent_id {
        return Err(AppError::field("parent_id", Pesan::UnitSudahDiInduk));
    }
    let before = unit_dto(model.clone());
    unit_moves::ActiveModel {
        id: Set(Uuid::now_v7()),
        unit_id: Set(id),
        from_parent_id: Set(model.parent_id),
        to_parent_id: Set(req.parent_id),
        effective_date: Set(req.effective_date),
        reason: Set(clean(req.reason.clone())),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    let mut active: units::ActiveModel = model.into();
    active.parent_id = Set(req.parent_id);
    active.updated_at = Set(Utc::now());
    let after = unit_dto(active.update(&txn).await?);
    audit::record(
        &txn,
        entry("unit.moved", "unit", actor)
            .instansi(before.instansi_id)
            .entity(id)
            .before(json!(before))
            .after(json!({"unit": after, "effective_date": req.effective_date}))
            .reason(req.reason),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

/// The moves of a unit, oldest first.
///
/// # Errors
/// `NotFound`.
pub async fn unit_moves(db: &DatabaseConnection, id: Uuid) -> AppResult<Vec<UnitMove>> {
    find_unit(db, id).await?;
    Ok(unit_moves::Entity::find()
        .filter(unit_moves::Column::UnitId.eq(id))
        .order_by_asc(unit_moves::Column::EffectiveDate)
        .order_by_asc(unit_moves::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|m| UnitMove {
            from_parent_id: m.from_parent_id,
            to_parent_id: m.to_parent_id,
            effective_date: m.effective_date,
            reason: m.reason,
        })
        .collect())
}

pub fn employee_ref(e: &employees::Model, jabatan: Option<String>) -> EmployeeRef {
    EmployeeRef {
        id: e.id,
        nip: e.nip.clone(),
        nama_lengkap: full_name(
            e.gelar_depan.as_deref(),
            &e.nama,
            e.gelar_belakang.as_deref(),
        ),
        jabatan,
    }
}

/// DTOs for a batch of positions: unit names and current holders in two queries.
async fn position_dtos(
    db: &impl ConnectionTrait,
    models: Vec<positions::Model>,
) -> AppResult<Vec<Position>> {
    let unit_ids: HashSet<Uuid> = models.iter().map(|p| p.unit_id).collect();
    let unit_names: HashMap<Uuid, String> =
        crate::organisation::tree::unit_names(db, unit_ids).await?;
    let ids: Vec<Uuid> = models.iter().map(|p| p.id).collect();
    let holders: HashMap<Uuid, employees::Model> = employees::Entity::find()
        .filter(employees::Column::JabatanId.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|e| e.jabatan_id.map(|j| (j, e)))
        .collect();
    Ok(models
        .into_iter()
        .map(|p| {
            let jenjang = Jenjang::parse(&p.jenjang).unwrap_or(Jenjang::Pelaksana);
            Position {
                id: p.id,
                lock_version: p.lock_version,
                unit_id: p.unit_id,
                unit_nama: unit_names.get(&p.unit_id).cloned().unwrap_or_default(),
                pemegang: holders
                    .get(&p.id)
                    .map(|e| employee_ref(e, Some(p.nama.clone()))),
                nama: p.nama,
                jenis: jenjang.jenis(),
                jenjang,
                kelompok: p.kelompok.as_deref().and_then(KelompokPelaksana::parse),
                atasan_id: p.atasan_id,
                kepala_unit: p.kepala_unit,
                aktif: p.aktif,
            }
        })
        .collect())
}

async fn find_position(db: &impl ConnectionTrait, id: Uuid) -> AppResult<positions::Model> {
    positions::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Jabatan"))
}

/// # Errors
/// `NotFound`.
pub async fn get_position(db: &DatabaseConnection, id: Uuid) -> AppResult<Position> {
    let model = find_position(db, id).await?;
    Ok(position_dtos(db, vec![model]).await?.remove(0))
}

/// A filtered page of positions ordered by name.
///
/// # Errors
/// On a database failure.
pub async fn list_positions(
    db: &DatabaseConnection,
    query: PositionQuery,
    page: PageQuery,
) -> AppResult<Page<Position>> {
    let mut select = positions::Entity::find();
    if let Some(root) = query.within {
        select =
            select.filter(positions::Column::UnitId.is_in(super::tree::subtree(db, root).await?));
    }
    if let Some(jenjang) = query.jenjang {
        select = select.filter(positions::Column::Jenjang.eq(jenjang.as_str()));
    }
    if let Some(jenis) = query.jenis {
        let codes: Vec<&str> = Jenjang::ALL
            .iter()
            .filter(|j| j.jenis() == jenis)
            .map(|j| j.as_str())
            .collect();
        select = select.filter(positions::Column::Jenjang.is_in(codes));
    }
    if let Some(vacant) = query.vacant {
        let held = sea_orm::sea_query::Query::select()
            .column(employees::Column::JabatanId)
            .from(employees::Entity)
            .and_where(employees::Column::JabatanId.is_not_null())
            .to_owned();
        select = if vacant {
            select.filter(positions::Column::Id.not_in_subquery(held))
        } else {
            select.filter(positions::Column::Id.in_subquery(held))
        };
    }
    if let Some(q) = clean(query.q) {
        select = select.filter(ilike(positions::Column::Nama, &q));
    }
    let total = select.clone().count(db).await?;
    let models = select
        .order_by_asc(positions::Column::Nama)
        .order_by_asc(positions::Column::Id)
        .offset(page.offset())
        .limit(page.per_page)
        .all(db)
        .await?;
    Ok(Page::new(position_dtos(db, models).await?, page, total))
}

fn check_kelompok(jenjang: Jenjang, kelompok: Option<KelompokPelaksana>) -> AppResult<()> {
    if kelompok.is_some() && jenjang != Jenjang::Pelaksana {
        return Err(AppError::field("kelompok", Pesan::KelompokHanyaPelaksana));
    }
    Ok(())
}

/// Refuses an `atasan` that does not exist or that would close a loop.
async fn check_atasan(
    db: &impl ConnectionTrait,
    position: Option<Uuid>,
    atasan: Uuid,
) -> AppResult<()> {
    let mut current = Some(atasan);
    let mut seen = HashSet::new();
    while let Some(id) = current {
        if Some(id) == position || !seen.insert(id) {
            return Err(AppError::field("atasan_id", Pesan::AtasanDiriAtauBawahan));
        }
        let p = positions::Entity::find_by_id(id).one(db).await?;
        match p {
            None if id == atasan => {
                return Err(AppError::field(
                    "atasan_id",
                    Pesan::JabatanAtasanTidakDitemukan,
                ));
            }
            None => break,
            Some(p) => current = p.atasan_id,
        }
    }
    Ok(())
}

/// # Errors
/// `Validation` for an unknown unit or superior position, or a kelompok on a non-pelaksana.
pub async fn create_position(
    db: &DatabaseConnection,
    actor: Option<Uuid>,
    req: CreatePosition,
    meta: &RequestMeta,
) -> AppResult<Position> {
    check_kelompok(req.jenjang, req.kelompok)?;
    let txn = db.begin().await?;
    if units::Entity::find_by_id(req.unit_id)
        .one(&txn)
        .await?
        .is_none()
    {
        return Err(AppError::field("unit_id", Pesan::UnitTidakDitemukan));
    }
    if let Some(atasan) = req.atasan_id {
        check_atasan(&txn, None, atasan).await?;
    }
    let now = Utc::now();
    let model = positions::ActiveModel {
        id: Set(Uuid::now_v7()),
        unit_id: Set(req.unit_id),
        nama: Set(req.nama.trim().to_owned()),
        jenjang: Set(req.jenjang.as_str().to_owned()),
        kelompok: Set(req.kelompok.map(|k| k.as_str().to_owned())),
        atasan_id: Set(req.atasan_id),
        kepala_unit: Set(req.kepala_unit),
        aktif: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        lock_version: Set(1),
    }
    .insert(&txn)
    .await?;
    let dto = position_dtos(&txn, vec![model]).await?.remove(0);
    audit::record(
        &txn,
        entry("position.created", "position", actor)
            .entity(dto.id)
            .after(json!(dto)),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(dto)
}

/// # Errors
/// `NotFound`; `Conflict` for a stale `lock_version`; `Validation` as for creation, and for a
/// superior that closes a loop.
pub async fn update_position(
    db: &DatabaseConnection,
    actor: Option<Uuid>,
    id: Uuid,
    req: UpdatePosition,
    meta: &RequestMeta,
) -> AppResult<Position> {
    const WHAT: &str = "Jabatan";
    let txn = db.begin().await?;
    let model = find_position(&txn, id).await?;
    optimistic::check(model.lock_version, req.lock_version, WHAT)?;
    let before = position_dtos(&txn, vec![model]).await?.remove(0);
    let jenjang = req.jenjang.unwrap_or(before.jenjang);
    // A pelaksana keeps its kelompok unless a new one is given; other jenjang have none.
    let kelompok = match jenjang {
        Jenjang::Pelaksana => req.kelompok.or(before.kelompok),
        _ => req.kelompok,
    };
    check_kelompok(jenjang, kelompok)?;
    if let Some(atasan) = req.atasan_id {
        check_atasan(&txn, Some(id), atasan).await?;
    }
    // Only the named fields, with the version claim (PATCH without lost updates).
    let mut active: positions::ActiveModel = Default::default();
    if let Some(nama) = req.nama {
        active.nama = Set(nama.trim().to_owned());
    }
    if req.jenjang.is_some() || req.kelompok.is_some() {
        active.jenjang = Set(jenjang.as_str().to_owned());
        active.kelompok = Set(kelompok.map(|k| k.as_str().to_owned()));
    }
    if req.clear_atasan {
        active.atasan_id = Set(None);
    } else if let Some(atasan) = req.atasan_id {
        active.atasan_id = Set(Some(atasan));
    }
    if let Some(k) = req.kepala_unit {
        active.kepala_unit = Set(k);
    }
    if let Some(a) = req.aktif {
        active.aktif = Set(a);
    }
    active.updated_at = Set(Utc::now());
    optimistic::claim(
        &txn,
        active,
        (positions::Column::Id, id),
        positions::Column::LockVersion,
        req.lock_version,
        WHAT,
    )
    .await?;
    let updated = find_position(&txn, id).await?;
    let after = position_dtos(&txn, vec![updated]).await?.remove(0);
    audit::record(
        &txn,
        entry("position.updated", "position", actor)
            .entity(id)
            .before(json!(before))
            .after(json!(after))
            .reason(req.reason),
        meta,
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}
