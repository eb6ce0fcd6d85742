//! Writing the yearly development plan: the consolidation of agreed needs into a draft, its
//! items, setting it and starting a new version (with optimistic versions and audit).

use std::collections::{HashMap, HashSet};

use kinerja_api::Pesan;
use kinerja_api::employees::StatusPegawai;
use kinerja_api::pengembangan::StatusKebutuhan;
use kinerja_api::pengembangan_rencana::{
    BuatItemRencana, HasilKonsolidasi, ItemRencana, KonsolidasiRencana, RencanaPengembangan,
    RevisiRencana, StatusRencana, TetapkanRencana, UbahItemRencana,
};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::clock;
use crate::entities::{employees, kebutuhan_pengembangan as kebutuhan, kompetensi};
use crate::entities::{rencana_pengembangan as rencana, rencana_pengembangan_item as item};
use crate::error::{AppError, AppResult, DbResultExt};
use crate::extract::RequestMeta;
use crate::optimistic;

use super::baca::{item_dtos, satu};
use super::service::{
    CHUNK, WHAT, WHAT_ITEM, akses_instansi, find, instansi_default, kelola, lihat, pintu, status_of,
};

// ---------------------------------------------------------------------------------------------
// Writing

/// Claims the draft `r` at version `sent` for a write: one conditional update, so of two
/// writers from the same version exactly one goes on (the other blocks on PostgreSQL, then
/// matches nothing) and a set version is never written.
pub(super) async fn klaim(
    db: &DatabaseTransaction,
    r: &rencana::Model,
    sent: i32,
) -> AppResult<i32> {
    if status_of(r) != StatusRencana::Draft {
        return Err(AppError::conflict(Pesan::RencanaSudahDitetapkan));
    }
    optimistic::check(r.lock_version, sent, WHAT)?;
    let rows = rencana::Entity::update_many()
        .col_expr(rencana::Column::UpdatedAt, Expr::value(clock::now()))
        .col_expr(
            rencana::Column::LockVersion,
            Expr::col(rencana::Column::LockVersion).add(1),
        )
        .filter(rencana::Column::Id.eq(r.id))
        .filter(rencana::Column::LockVersion.eq(sent))
        .filter(rencana::Column::Status.eq(StatusRencana::Draft.as_str()))
        .exec(db)
        .await?
        .rows_affected;
    if rows == 0 {
        return Err(optimistic::conflict(WHAT));
    }
    Ok(sent + 1)
}

/// A new draft version `versi` of the year, a copy of `from`'s items when given.
pub(super) async fn versi_baru(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    instansi_id: Uuid,
    tahun: i32,
    from: Option<&rencana::Model>,
) -> AppResult<rencana::Model> {
    let now = clock::now();
    let r = rencana::ActiveModel {
        id: Set(Uuid::now_v7()),
        instansi_id: Set(instansi_id),
        tahun: Set(tahun),
        versi: Set(from.map_or(1, |f| f.versi + 1)),
        status: Set(StatusRencana::Draft.as_str().to_owned()),
        catatan: Set(None),
        ditetapkan_oleh: Set(None),
        ditetapkan_at: Set(None),
        dibuat_oleh: Set(viewer.user_id),
        created_at: Set(now),
        updated_at: Set(now),
        lock_version: Set(1),
    }
    .insert(txn)
    .await
    .on_unique_violation(|| optimistic::conflict(WHAT))?;
    if let Some(from) = from {
        let old = item::Entity::find()
            .filter(item::Column::RencanaId.eq(from.id))
            .order_by_asc(item::Column::CreatedAt)
            .order_by_asc(item::Column::Id)
            .all(txn)
            .await?;
        let copies: Vec<item::ActiveModel> = old
            .into_iter()
            .map(|i| item::ActiveModel {
                id: Set(Uuid::now_v7()),
                rencana_id: Set(r.id),
                unit_id: Set(i.unit_id),
                employee_id: Set(i.employee_id),
                kebutuhan_id: Set(i.kebutuhan_id),
                kompetensi_id: Set(i.kompetensi_id),
                bentuk: Set(i.bentuk),
                penyelenggara: Set(i.penyelenggara),
                bulan_rencana: Set(i.bulan_rencana),
                jp: Set(i.jp),
                anggaran: Set(i.anggaran),
                created_at: Set(i.created_at),
                updated_at: Set(now),
            })
            .collect();
        insert_items(txn, copies).await?;
    }
    Ok(r)
}

pub(super) async fn insert_items(
    txn: &DatabaseTransaction,
    rows: Vec<item::ActiveModel>,
) -> AppResult<()> {
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<item::ActiveModel> = rows.by_ref().take(200).collect();
        item::Entity::insert_many(chunk)
            .exec_without_returning(txn)
            .await
            .on_unique_violation(|| optimistic::conflict(WHAT))?;
    }
    Ok(())
}

/// Adds the instansi's agreed needs of the year that are not in the draft yet, one item per
/// need in the employee's unit with the need's kind, JP and cost. Starts version 1, or after a
/// set version the next one as its copy, when the year has no draft.
///
/// # Errors
/// `Forbidden` but for the HR office; `Conflict` when another officer writes the same draft
/// at the same moment.
pub async fn konsolidasi(
    db: &DatabaseConnection,
    viewer: &Viewer,
    req: KonsolidasiRencana,
    meta: &RequestMeta,
) -> AppResult<HasilKonsolidasi> {
    pintu(viewer)?;
    let instansi_id = instansi_default(db, viewer, req.instansi_id).await?;
    let txn = db.begin().await?;
    let akses = akses_instansi(&txn, viewer, instansi_id).await?;
    if !akses.hak.kelola {
        return Err(AppError::Forbidden);
    }
    let latest = rencana::Entity::find()
        .filter(rencana::Column::InstansiId.eq(instansi_id))
        .filter(rencana::Column::Tahun.eq(req.tahun))
        .order_by_desc(rencana::Column::Versi)
        .one(&txn)
        .await?;
    let (r, versi_dibuat) = match latest {
        Some(r) if status_of(&r) == StatusRencana::Draft => {
            klaim(&txn, &r, r.lock_version).await?;
            (r, false)
        }
        Some(set) => (
            versi_baru(&txn, viewer, instansi_id, req.tahun, Some(&set)).await?,
            true,
        ),
        None => (
            versi_baru(&txn, viewer, instansi_id, req.tahun, None).await?,
            true,
        ),
    };
    let in_plan = Query::select()
        .column(item::Column::KebutuhanId)
        .from(item::Entity)
        .and_where(item::Column::RencanaId.eq(r.id))
        .and_where(item::Column::KebutuhanId.is_not_null())
        .to_owned();
    let needs = kebutuhan::Entity::find()
        .filter(kebutuhan::Column::InstansiId.eq(instansi_id))
        .filter(kebutuhan::Column::Tahun.eq(req.tahun))
        .filter(kebutuhan::Column::Status.eq(StatusKebutuhan::Disetujui.as_str()))
        .filter(kebutuhan::Column::KompetensiId.is_not_null())
        .filter(kebutuhan::Column::Id.not_in_subquery(in_plan))
        .order_by_asc(kebutuhan::Column::CreatedAt)
        .order_by_asc(kebutuhan::Column::Id)
        .all(&txn)
        .await?;
    let emp_ids: Vec<Uuid> = needs
        .iter()
        .map(|n| n.employee_id)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let mut unit_of: HashMap<Uuid, Uuid> = HashMap::new();
    for chunk in emp_ids.chunks(CHUNK) {
        let rows: Vec<(Uuid, Option<Uuid>)> = employees::Entity::find()
            .select_only()
            .column(employees::Column::Id)
            .column(employees::Column::UnitId)
            .filter(employees::Column::Id.is_in(chunk.to_vec()))
            .into_tuple()
            .all(&txn)
            .await?;
        unit_of.extend(rows.into_iter().filter_map(|(e, u)| Some((e, u?))));
    }
    let now = clock::now();
    let rows: Vec<item::ActiveModel> = needs
        .into_iter()
        .filter_map(|n| {
            let unit = *unit_of.get(&n.employee_id)?;
            Some(item::ActiveModel {
                id: Set(Uuid::now_v7()),
                rencana_id: Set(r.id),
                unit_id: Set(unit),
                employee_id: Set(n.employee_id),
                kebutuhan_id: Set(Some(n.id)),
                kompetensi_id: Set(n.kompetensi_id?),
                bentuk: Set(n.bentuk),
                penyelenggara: Set(None),
                bulan_rencana: Set(None),
                jp: Set(std::cmp::max(n.perkiraan_jp.unwrap_or(0), 0)),
                anggaran: Set(std::cmp::max(n.perkiraan_biaya.unwrap_or(0), 0)),
                created_at: Set(now),
                updated_at: Set(now),
            })
        })
        .collect();
    let ditambahkan = rows.len() as u64;
    insert_items(&txn, rows).await?;
    let r = find(&txn, r.id).await?;
    let out = satu(&txn, r, &akses).await?;
    let entry = AuditEntry::new("rencana_pengembangan.dikonsolidasi", "rencana_pengembangan")
        .actor(viewer.user_id)
        .entity(out.id)
        .after(json!({
            "instansi_id": out.instansi_id, "tahun": out.tahun, "versi": out.versi,
            "versi_baru": versi_dibuat, "ditambahkan": ditambahkan, "jumlah_item": out.jumlah_item,
        }));
    audit::record(&txn, entry, meta).await?;
    txn.commit().await?;
    Ok(HasilKonsolidasi {
        rencana: out,
        ditambahkan,
        versi_baru: versi_dibuat,
    })
}

pub(super) async fn find_item(
    db: &impl ConnectionTrait,
    rid: Uuid,
    item_id: Uuid,
) -> AppResult<item::Model> {
    item::Entity::find_by_id(item_id)
        .one(db)
        .await?
        .filter(|i| i.rencana_id == rid)
        .ok_or(AppError::NotFound(WHAT_ITEM))
}

pub(super) fn bersih(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// An item added by hand to a draft, in the employee's current unit.
///
/// # Errors
/// `Forbidden` but for the HR office; `Conflict` for a set version or a stale `lock_version`;
/// `Validation` for an employee or competency outside the instansi.
pub async fn tambah_item(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    req: BuatItemRencana,
    meta: &RequestMeta,
) -> AppResult<ItemRencana> {
    let txn = db.begin().await?;
    let (r, _) = kelola(&txn, viewer, id).await?;
    let lock = klaim(&txn, &r, req.lock_version).await?;
    let e = employees::Entity::find_by_id(req.employee_id)
        .one(&txn)
        .await?
        .filter(|e| e.instansi_id == r.instansi_id && e.status == StatusPegawai::Aktif.as_str());
    let Some(unit_id) = e.and_then(|e| e.unit_id) else {
        return Err(AppError::field("employee_id", Pesan::PegawaiBukanInstansi));
    };
    let k = kompetensi::Entity::find_by_id(req.kompetensi_id)
        .one(&txn)
        .await?
        .filter(|k| k.instansi_id == r.instansi_id && k.aktif);
    if k.is_none() {
        return Err(AppError::field(
            "kompetensi_id",
            Pesan::KompetensiTidakAktif,
        ));
    }
    let now = clock::now();
    let m = item::ActiveModel {
        id: Set(Uuid::now_v7()),
        rencana_id: Set(r.id),
        unit_id: Set(unit_id),
        employee_id: Set(req.employee_id),
        kebutuhan_id: Set(None),
        kompetensi_id: Set(req.kompetensi_id),
        bentuk: Set(req.bentuk.as_str().to_owned()),
        penyelenggara: Set(bersih(req.penyelenggara)),
        bulan_rencana: Set(req.bulan_rencana),
        jp: Set(req.jp),
        anggaran: Set(req.anggaran),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    let out = item_dtos(&txn, vec![m], lock)
        .await?
        .pop()
        .ok_or(AppError::NotFound(WHAT_ITEM))?;
    let entry = AuditEntry::new(
        "rencana_pengembangan.item_ditambahkan",
        "rencana_pengembangan_item",
    )
    .actor(viewer.user_id)
    .entity(out.id)
    .after(json!(out));
    audit::record(&txn, entry, meta).await?;
    txn.commit().await?;
    Ok(out)
}

/// Edits an item of a draft: kind, provider, month, JP, budget.
///
/// # Errors
/// As [`tambah_item`].
pub async fn ubah_item(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    item_id: Uuid,
    req: UbahItemRencana,
    meta: &RequestMeta,
) -> AppResult<ItemRencana> {
    let txn = db.begin().await?;
    let (r, _) = kelola(&txn, viewer, id).await?;
    let before = find_item(&txn, r.id, item_id).await?;
    let lock = klaim(&txn, &r, req.lock_version).await?;
    let mut a: item::ActiveModel = before.clone().into();
    if let Some(b) = req.bentuk {
        a.bentuk = Set(b.as_str().to_owned());
    }
    if let Some(p) = req.penyelenggara {
        let p = bersih(Some(p));
        if p.as_ref().is_some_and(|p| p.chars().count() < 2) {
            return Err(AppError::field("penyelenggara", Pesan::Penyelenggara2200));
        }
        a.penyelenggara = Set(p);
    }
    if let Some(b) = req.bulan_rencana {
        a.bulan_rencana = Set(Some(b));
    }
    if let Some(jp) = req.jp {
        a.jp = Set(jp);
    }
    if let Some(x) = req.anggaran {
        a.anggaran = Set(x);
    }
    a.updated_at = Set(clock::now());
    let after = a.update(&txn).await?;
    let mut dtos = item_dtos(&txn, vec![before, after], lock).await?;
    let out = dtos.pop().ok_or(AppError::NotFound(WHAT_ITEM))?;
    let entry = AuditEntry::new(
        "rencana_pengembangan.item_diubah",
        "rencana_pengembangan_item",
    )
    .actor(viewer.user_id)
    .entity(out.id)
    .before(json!(dtos.pop()))
    .after(json!(out));
    audit::record(&txn, entry, meta).await?;
    txn.commit().await?;
    Ok(out)
}

/// Removes an item from a draft (one made from a need comes back at the next consolidation
/// while the need stays agreed).
///
/// # Errors
/// As [`tambah_item`].
pub async fn hapus_item(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    item_id: Uuid,
    lock_version: i32,
    meta: &RequestMeta,
) -> AppResult<()> {
    let txn = db.begin().await?;
    let (r, _) = kelola(&txn, viewer, id).await?;
    let before = find_item(&txn, r.id, item_id).await?;
    klaim(&txn, &r, lock_version).await?;
    item::Entity::delete_by_id(item_id).exec(&txn).await?;
    let before = item_dtos(&txn, vec![before], lock_version).await?.pop();
    let entry = AuditEntry::new(
        "rencana_pengembangan.item_dihapus",
        "rencana_pengembangan_item",
    )
    .actor(viewer.user_id)
    .entity(item_id)
    .before(json!(before));
    audit::record(&txn, entry, meta).await?;
    txn.commit().await?;
    Ok(())
}

/// Sets (penetapan) a draft: the version is frozen from then on.
///
/// # Errors
/// `Forbidden` but for the pimpinan heading the instansi or a superadmin; `Conflict` for a set
/// version, an empty plan or a stale `lock_version`.
pub async fn tetapkan(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    req: TetapkanRencana,
    meta: &RequestMeta,
) -> AppResult<RencanaPengembangan> {
    let txn = db.begin().await?;
    let (r, akses) = lihat(&txn, viewer, id).await?;
    if !akses.hak.tetapkan {
        return Err(AppError::Forbidden);
    }
    klaim(&txn, &r, req.lock_version).await?;
    let n = item::Entity::find()
        .filter(item::Column::RencanaId.eq(r.id))
        .count(&txn)
        .await?;
    if n == 0 {
        return Err(AppError::conflict(Pesan::RencanaKosong));
    }
    let now = clock::now();
    rencana::Entity::update_many()
        .col_expr(
            rencana::Column::Status,
            Expr::value(StatusRencana::Ditetapkan.as_str()),
        )
        .col_expr(rencana::Column::Catatan, Expr::value(bersih(req.catatan)))
        .col_expr(
            rencana::Column::DitetapkanOleh,
            Expr::value(Some(viewer.user_id)),
        )
        .col_expr(rencana::Column::DitetapkanAt, Expr::value(Some(now)))
        .col_expr(rencana::Column::UpdatedAt, Expr::value(now))
        .filter(rencana::Column::Id.eq(r.id))
        .exec(&txn)
        .await?;
    let out = satu(&txn, find(&txn, r.id).await?, &akses).await?;
    let entry = AuditEntry::new("rencana_pengembangan.ditetapkan", "rencana_pengembangan")
        .actor(viewer.user_id)
        .entity(out.id)
        .after(json!(out));
    audit::record(&txn, entry, meta).await?;
    txn.commit().await?;
    Ok(out)
}

/// Starts the next version of a set plan: a draft copy of its items.
///
/// # Errors
/// `Forbidden` but for the HR office; `Conflict` for a draft, a version that is not the
/// newest, a stale `lock_version`, or another officer starting it at the same moment.
pub async fn revisi(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    req: RevisiRencana,
    meta: &RequestMeta,
) -> AppResult<RencanaPengembangan> {
    let txn = db.begin().await?;
    let (r, akses) = kelola(&txn, viewer, id).await?;
    optimistic::check(r.lock_version, req.lock_version, WHAT)?;
    if status_of(&r) == StatusRencana::Draft {
        return Err(AppError::conflict(Pesan::RencanaMasihDraft));
    }
    let newer = rencana::Entity::find()
        .filter(rencana::Column::InstansiId.eq(r.instansi_id))
        .filter(rencana::Column::Tahun.eq(r.tahun))
        .filter(rencana::Column::Versi.gt(r.versi))
        .count(&txn)
        .await?;
    if newer > 0 {
        return Err(AppError::conflict(Pesan::RencanaBukanVersiTerbaru));
    }
    let next = versi_baru(&txn, viewer, r.instansi_id, r.tahun, Some(&r)).await?;
    let out = satu(&txn, next, &akses).await?;
    let entry = AuditEntry::new("rencana_pengembangan.direvisi", "rencana_pengembangan")
        .actor(viewer.user_id)
        .entity(out.id)
        .after(json!({"dari": r.id, "versi": out.versi, "jumlah_item": out.jumlah_item}));
    audit::record(&txn, entry, meta).await?;
    txn.commit().await?;
    Ok(out)
}
