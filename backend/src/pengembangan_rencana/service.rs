//! The rules and queries of the yearly development plan: who may read, draft and set it, the
//! consolidation of the agreed needs, the versions, and the per-unit totals and 20 JP gap as
//! SQL aggregates (a fixed number of queries per request, one page at a time).

use std::collections::{HashMap, HashSet};

use kinerja_api::auth::{Permission, Role};
use kinerja_api::employees::{StatusPegawai, full_name};
use kinerja_api::pengembangan::{
    BentukPengembangan, KelompokKompetensi, MENIT_PER_JP, MENIT_WAJIB, StatusCatatan,
    StatusKebutuhan, jp_dari_menit,
};
use kinerja_api::pengembangan_rencana::{
    BuatItemRencana, HasilKonsolidasi, ItemRencana, KonsolidasiRencana, PegawaiBelum20Jp,
    RencanaDetail, RencanaPengembangan, RencanaQuery, RencanaUnit, RencanaUnitQuery, RevisiRencana,
    StatusRencana, TetapkanRencana, UbahItemRencana,
};
use kinerja_api::{Page, PageQuery, Pesan};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    DbBackend, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, Statement,
    TransactionTrait, Value,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::service::{self as audit, AuditEntry};
use crate::auth::Viewer;
use crate::clock;
use crate::entities::{employees, instansi, kebutuhan_pengembangan as kebutuhan, kompetensi};
use crate::entities::{rencana_pengembangan as rencana, rencana_pengembangan_item as item};
use crate::entities::{units, users};
use crate::error::{AppError, AppResult, DbResultExt};
use crate::extract::RequestMeta;
use crate::optimistic;
use crate::policy::{self, AksesRencanaPengembangan};

/// The noun of a plan in messages ([`kinerja_api::pesan::BENDA`]).
pub(crate) const WHAT: &str = "Rencana pengembangan";
const WHAT_ITEM: &str = "Item rencana pengembangan";
/// Rows per multi-row insert and per `IN` list.
const CHUNK: usize = 500;

/// The viewer's access to one instansi's plans.
#[derive(Debug, Clone)]
pub struct Akses {
    pub instansi: instansi::Model,
    pub hak: AksesRencanaPengembangan,
    /// The units the viewer reads; `None`: all of the instansi.
    pub unit: Option<Vec<Uuid>>,
}

impl Akses {
    fn melihat_unit(&self, unit: Uuid) -> bool {
        self.unit.as_ref().is_none_or(|u| u.contains(&unit))
    }
}

/// Only the HR office and pimpinan come near plans; everyone else gets 403 at once.
fn pintu(viewer: &Viewer) -> AppResult<()> {
    if viewer.can(Permission::ManageOrganisation) || viewer.roles.contains(&Role::Pimpinan) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The viewer's access to the plans of `instansi_id` ([`policy::akses_rencana_pengembangan`]):
/// 404 for a pimpinan with no unit in it.
///
/// # Errors
/// `NotFound`, `Forbidden`, a database failure.
pub async fn akses_instansi(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    instansi_id: Uuid,
) -> AppResult<Akses> {
    pintu(viewer)?;
    let inst = instansi::Entity::find_by_id(instansi_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Instansi"))?;
    let roots: Vec<Uuid> = units::Entity::find()
        .select_only()
        .column(units::Column::Id)
        .filter(units::Column::InstansiId.eq(inst.id))
        .filter(units::Column::ParentId.is_null())
        .into_tuple()
        .all(db)
        .await?;
    let heads = roots.iter().any(|r| viewer.subtree.contains(r));
    let mut lead: Vec<Uuid> = Vec::new();
    if !heads && !viewer.subtree.is_empty() {
        let ids: Vec<Uuid> = viewer.subtree.iter().copied().collect();
        for chunk in ids.chunks(CHUNK) {
            let found: Vec<Uuid> = units::Entity::find()
                .select_only()
                .column(units::Column::Id)
                .filter(units::Column::InstansiId.eq(inst.id))
                .filter(units::Column::Id.is_in(chunk.to_vec()))
                .into_tuple()
                .all(db)
                .await?;
            lead.extend(found);
        }
    }
    let hak = policy::akses_rencana_pengembangan(&viewer.roles, heads, heads || !lead.is_empty())
        .ok_or(AppError::NotFound(WHAT))?;
    Ok(Akses {
        instansi: inst,
        hak,
        unit: if hak.semua_unit { None } else { Some(lead) },
    })
}

/// The instansi a request without `instansi_id` means: the viewer's own, or the only one.
async fn instansi_default(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    given: Option<Uuid>,
) -> AppResult<Uuid> {
    if let Some(id) = given {
        return Ok(id);
    }
    if let Some(e) = viewer.employee_id
        && let Some(e) = employees::Entity::find_by_id(e).one(db).await?
    {
        return Ok(e.instansi_id);
    }
    let ids: Vec<Uuid> = instansi::Entity::find()
        .select_only()
        .column(instansi::Column::Id)
        .limit(2)
        .into_tuple()
        .all(db)
        .await?;
    match ids.as_slice() {
        [one] => Ok(*one),
        _ => Err(AppError::field("instansi_id", Pesan::PilihInstansi)),
    }
}

async fn find(db: &impl ConnectionTrait, id: Uuid) -> AppResult<rencana::Model> {
    rencana::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound(WHAT))
}

/// The plan if the viewer may read it, with their access.
async fn lihat(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: Uuid,
) -> AppResult<(rencana::Model, Akses)> {
    pintu(viewer)?;
    let r = find(db, id).await?;
    let a = akses_instansi(db, viewer, r.instansi_id).await?;
    Ok((r, a))
}

/// The plan if the viewer drafts it: 403 for those who only read.
async fn kelola(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: Uuid,
) -> AppResult<(rencana::Model, Akses)> {
    let (r, a) = lihat(db, viewer, id).await?;
    if !a.hak.kelola {
        return Err(AppError::Forbidden);
    }
    Ok((r, a))
}

fn status_of(r: &rencana::Model) -> StatusRencana {
    StatusRencana::parse(&r.status).unwrap_or(StatusRencana::Draft)
}

// ---------------------------------------------------------------------------------------------
// Raw aggregates

/// A statement with numbered placeholders (`$n` on PostgreSQL, `?n` on SQLite, both reusable).
struct Sql {
    backend: DbBackend,
    values: Vec<Value>,
}

impl Sql {
    fn new(db: &impl ConnectionTrait) -> Self {
        Self {
            backend: db.get_database_backend(),
            values: Vec::new(),
        }
    }

    fn bind(&mut self, v: impl Into<Value>) -> String {
        self.values.push(v.into());
        let n = self.values.len();
        match self.backend {
            DbBackend::Postgres => format!("${n}"),
            _ => format!("?{n}"),
        }
    }

    /// ` AND {col} IN (…)` for a viewer limited to some units, nothing for all.
    fn units(&mut self, col: &str, units: Option<&[Uuid]>) -> String {
        match units {
            None => String::new(),
            Some([]) => " AND 1 = 0".to_owned(),
            Some(ids) => {
                let marks: Vec<String> = ids.iter().map(|&id| self.bind(id)).collect();
                format!(" AND {col} IN ({})", marks.join(", "))
            }
        }
    }

    fn stmt(&self, sql: String) -> Statement {
        Statement::from_sql_and_values(self.backend, sql, self.values.clone())
    }
}

/// The planned and verified minutes of the instansi's active employees with a unit: the
/// `FROM` and `WHERE` parts, and the expression of their minutes towards 20 JP.
struct Menit {
    from: String,
    kondisi: String,
    menit: String,
}

fn menit_sql(sql: &mut Sql, r: &rencana::Model) -> Menit {
    let rid = sql.bind(r.id);
    let inst = sql.bind(r.instansi_id);
    let tahun = sql.bind(r.tahun);
    let verified = sql.bind(StatusCatatan::Diverifikasi.as_str());
    let aktif = sql.bind(StatusPegawai::Aktif.as_str());
    Menit {
        from: format!(
            "employees e \
             LEFT JOIN (SELECT employee_id, SUM(jp) AS jp FROM rencana_pengembangan_item \
               WHERE rencana_id = {rid} GROUP BY employee_id) pj ON pj.employee_id = e.id \
             LEFT JOIN (SELECT employee_id, SUM(menit) AS menit FROM catatan_pengembangan \
               WHERE instansi_id = {inst} AND tahun = {tahun} AND status = {verified} \
               GROUP BY employee_id) cv ON cv.employee_id = e.id"
        ),
        kondisi: format!("e.instansi_id = {inst} AND e.status = {aktif} AND e.unit_id IS NOT NULL"),
        menit: format!("(COALESCE(pj.jp, 0) * {MENIT_PER_JP} + COALESCE(cv.menit, 0))"),
    }
}

fn as_u64(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

async fn hitung(db: &impl ConnectionTrait, stmt: Statement) -> AppResult<u64> {
    let row = db.query_one_raw(stmt).await?;
    Ok(match row {
        Some(r) => as_u64(r.try_get_by_index::<i64>(0)?),
        None => 0,
    })
}

/// Items, JP and budget per plan, over the units `akses` reads: one grouped query.
async fn totals(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
    akses: &Akses,
) -> AppResult<HashMap<Uuid, (u64, i64, i64)>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let mut sql = Sql::new(db);
    let marks: Vec<String> = ids.iter().map(|&id| sql.bind(id)).collect();
    let unit = sql.units("unit_id", akses.unit.as_deref());
    let text = format!(
        "SELECT rencana_id, COUNT(*), CAST(COALESCE(SUM(jp), 0) AS BIGINT), \
         CAST(COALESCE(SUM(anggaran), 0) AS BIGINT) FROM rencana_pengembangan_item \
         WHERE rencana_id IN ({}){unit} GROUP BY rencana_id",
        marks.join(", ")
    );
    let rows = db.query_all_raw(sql.stmt(text)).await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get_by_index::<Uuid>(0)?,
                (
                    as_u64(r.try_get_by_index::<i64>(1)?),
                    r.try_get_by_index::<i64>(2)?,
                    r.try_get_by_index::<i64>(3)?,
                ),
            ))
        })
        .collect()
}

/// The DTOs of plans of one instansi: totals, newest flags and setters' names in three
/// queries.
async fn ringkas(
    db: &impl ConnectionTrait,
    plans: Vec<rencana::Model>,
    akses: &Akses,
) -> AppResult<Vec<RencanaPengembangan>> {
    let ids: Vec<Uuid> = plans.iter().map(|r| r.id).collect();
    let totals = totals(db, &ids, akses).await?;
    let newest: HashMap<i32, i32> = rencana::Entity::find()
        .select_only()
        .column(rencana::Column::Tahun)
        .column_as(rencana::Column::Versi.max(), "versi")
        .filter(rencana::Column::InstansiId.eq(akses.instansi.id))
        .group_by(rencana::Column::Tahun)
        .into_tuple::<(i32, i32)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let setters: Vec<Uuid> = plans.iter().filter_map(|r| r.ditetapkan_oleh).collect();
    let names: HashMap<Uuid, String> = if setters.is_empty() {
        HashMap::new()
    } else {
        users::Entity::find()
            .filter(users::Column::Id.is_in(setters))
            .all(db)
            .await?
            .into_iter()
            .map(|u| (u.id, u.full_name))
            .collect()
    };
    Ok(plans
        .into_iter()
        .map(|r| {
            let (jumlah_item, jumlah_jp, jumlah_anggaran) =
                totals.get(&r.id).copied().unwrap_or_default();
            let status = status_of(&r);
            RencanaPengembangan {
                id: r.id,
                instansi_id: r.instansi_id,
                instansi_nama: akses.instansi.nama.clone(),
                tahun: r.tahun,
                versi: r.versi,
                status,
                catatan: r.catatan,
                ditetapkan_oleh_nama: r.ditetapkan_oleh.and_then(|u| names.get(&u).cloned()),
                ditetapkan_at: r.ditetapkan_at,
                terbaru: newest.get(&r.tahun).is_none_or(|&v| v <= r.versi),
                jumlah_item,
                jumlah_jp,
                jumlah_anggaran,
                boleh_kelola: akses.hak.kelola,
                boleh_tetapkan: akses.hak.tetapkan && status == StatusRencana::Draft,
                created_at: r.created_at,
                updated_at: r.updated_at,
                lock_version: r.lock_version,
            }
        })
        .collect())
}

async fn satu(
    db: &impl ConnectionTrait,
    r: rencana::Model,
    akses: &Akses,
) -> AppResult<RencanaPengembangan> {
    ringkas(db, vec![r], akses)
        .await?
        .pop()
        .ok_or(AppError::NotFound(WHAT))
}

// ---------------------------------------------------------------------------------------------
// Reading

/// The versions of an instansi's plans, newest year and version first.
///
/// # Errors
/// `Forbidden` for those who are neither HR office nor pimpinan; `NotFound` for a pimpinan
/// with no unit in the instansi; `Validation` when the instansi cannot be told.
pub async fn list(
    db: &DatabaseConnection,
    viewer: &Viewer,
    q: RencanaQuery,
) -> AppResult<Vec<RencanaPengembangan>> {
    pintu(viewer)?;
    let instansi_id = instansi_default(db, viewer, q.instansi_id).await?;
    let akses = akses_instansi(db, viewer, instansi_id).await?;
    let mut find = rencana::Entity::find().filter(rencana::Column::InstansiId.eq(instansi_id));
    if let Some(t) = q.tahun {
        find = find.filter(rencana::Column::Tahun.eq(t));
    }
    let plans = find
        .order_by_desc(rencana::Column::Tahun)
        .order_by_desc(rencana::Column::Versi)
        .limit(200)
        .all(db)
        .await?;
    ringkas(db, plans, &akses).await
}

/// A plan version with a page of its units (totals and the 20 JP gap per unit).
///
/// # Errors
/// As [`list`]; `NotFound` for an unknown plan.
pub async fn detail(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    page: PageQuery,
) -> AppResult<RencanaDetail> {
    let (r, akses) = lihat(db, viewer, id).await?;
    let unit = unit_page(db, &r, &akses, page).await?;
    Ok(RencanaDetail {
        rencana: satu(db, r, &akses).await?,
        unit,
    })
}

async fn unit_page(
    db: &impl ConnectionTrait,
    r: &rencana::Model,
    akses: &Akses,
    page: PageQuery,
) -> AppResult<Page<RencanaUnit>> {
    let mut sql = Sql::new(db);
    let m = menit_sql(&mut sql, r);
    let rid = sql.bind(r.id);
    let inst = sql.bind(r.instansi_id);
    let unit = sql.units("u.id", akses.unit.as_deref());
    let body = format!(
        "FROM units u \
         LEFT JOIN (SELECT unit_id, COUNT(*) AS n, SUM(jp) AS jp, SUM(anggaran) AS ang \
           FROM rencana_pengembangan_item WHERE rencana_id = {rid} GROUP BY unit_id) i \
           ON i.unit_id = u.id \
         LEFT JOIN (SELECT e.unit_id AS unit_id, COUNT(*) AS n, \
           SUM(CASE WHEN {menit} < {wajib} THEN 1 ELSE 0 END) AS kurang \
           FROM {from} WHERE {kondisi} GROUP BY e.unit_id) g ON g.unit_id = u.id \
         WHERE u.instansi_id = {inst}{unit} AND (i.n IS NOT NULL OR g.n IS NOT NULL)",
        menit = m.menit,
        wajib = MENIT_WAJIB,
        from = m.from,
        kondisi = m.kondisi,
    );
    let total = hitung(db, sql.stmt(format!("SELECT COUNT(*) {body}"))).await?;
    let rows = db
        .query_all_raw(sql.stmt(format!(
            "SELECT u.id, u.nama, CAST(COALESCE(i.n, 0) AS BIGINT), \
             CAST(COALESCE(i.jp, 0) AS BIGINT), CAST(COALESCE(i.ang, 0) AS BIGINT), \
             CAST(COALESCE(g.n, 0) AS BIGINT), CAST(COALESCE(g.kurang, 0) AS BIGINT) {body} \
             ORDER BY u.nama, u.id LIMIT {} OFFSET {}",
            page.per_page,
            page.offset()
        )))
        .await?;
    let items = rows
        .iter()
        .map(|row| {
            Ok(RencanaUnit {
                unit_id: row.try_get_by_index(0)?,
                unit_nama: row.try_get_by_index(1)?,
                jumlah_item: as_u64(row.try_get_by_index(2)?),
                jumlah_jp: row.try_get_by_index(3)?,
                jumlah_anggaran: row.try_get_by_index(4)?,
                jumlah_pegawai: as_u64(row.try_get_by_index(5)?),
                belum_20_jp: as_u64(row.try_get_by_index(6)?),
            })
        })
        .collect::<Result<Vec<_>, sea_orm::DbErr>>()?;
    Ok(Page::new(items, page, total))
}

/// A unit the viewer asked for must be one they read.
fn cek_unit(akses: &Akses, unit: Option<Uuid>) -> AppResult<()> {
    match unit {
        Some(u) if !akses.melihat_unit(u) => Err(AppError::NotFound("Unit")),
        _ => Ok(()),
    }
}

/// The active employees (of one unit, or of every unit the viewer reads) whose planned JP in
/// this version plus verified JP of the year stay below 20, fewest first.
///
/// # Errors
/// As [`detail`]; `NotFound` for a unit the viewer does not read.
pub async fn belum_20_jp(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    q: RencanaUnitQuery,
) -> AppResult<Page<PegawaiBelum20Jp>> {
    let (r, akses) = lihat(db, viewer, id).await?;
    cek_unit(&akses, q.unit_id)?;
    let page = q.page_query();
    let mut sql = Sql::new(db);
    let m = menit_sql(&mut sql, &r);
    let mut kondisi = m.kondisi.clone();
    kondisi.push_str(&sql.units("e.unit_id", akses.unit.as_deref()));
    if let Some(u) = q.unit_id {
        kondisi.push_str(&format!(" AND e.unit_id = {}", sql.bind(u)));
    }
    let body = format!(
        "FROM {from} JOIN units u ON u.id = e.unit_id WHERE {kondisi} AND {menit} < {wajib}",
        from = m.from,
        menit = m.menit,
        wajib = MENIT_WAJIB,
    );
    let total = hitung(db, sql.stmt(format!("SELECT COUNT(*) {body}"))).await?;
    let rows = db
        .query_all_raw(sql.stmt(format!(
            "SELECT e.id, e.gelar_depan, e.nama, e.gelar_belakang, e.nip, e.unit_id, u.nama, \
             CAST(COALESCE(pj.jp, 0) AS BIGINT), CAST(COALESCE(cv.menit, 0) AS BIGINT) {body} \
             ORDER BY {menit}, e.nama, e.id LIMIT {} OFFSET {}",
            page.per_page,
            page.offset(),
            menit = m.menit,
        )))
        .await?;
    let items = rows
        .iter()
        .map(|row| {
            let depan: Option<String> = row.try_get_by_index(1)?;
            let nama: String = row.try_get_by_index(2)?;
            let belakang: Option<String> = row.try_get_by_index(3)?;
            let jp: i64 = row.try_get_by_index(7)?;
            let menit: i64 = row.try_get_by_index(8)?;
            let kurang = std::cmp::max(MENIT_WAJIB - jp * i64::from(MENIT_PER_JP) - menit, 0);
            Ok(PegawaiBelum20Jp {
                employee_id: row.try_get_by_index(0)?,
                nama: full_name(depan.as_deref(), &nama, belakang.as_deref()),
                nip: row.try_get_by_index(4)?,
                unit_id: row.try_get_by_index(5)?,
                unit_nama: row.try_get_by_index(6)?,
                jp_direncanakan: jp,
                jp_terverifikasi: jp_dari_menit(menit),
                jp_kurang: jp_dari_menit(kurang),
            })
        })
        .collect::<Result<Vec<_>, sea_orm::DbErr>>()?;
    Ok(Page::new(items, page, total))
}

/// DTOs of items with their names (three queries).
async fn item_dtos(
    db: &impl ConnectionTrait,
    items: Vec<item::Model>,
    lock_version: i32,
) -> AppResult<Vec<ItemRencana>> {
    if items.is_empty() {
        return Ok(Vec::new());
    }
    let emp_ids: HashSet<Uuid> = items.iter().map(|i| i.employee_id).collect();
    let unit_ids: HashSet<Uuid> = items.iter().map(|i| i.unit_id).collect();
    let komp_ids: HashSet<Uuid> = items.iter().map(|i| i.kompetensi_id).collect();
    let pegawai: HashMap<Uuid, (String, String)> = employees::Entity::find()
        .filter(employees::Column::Id.is_in(emp_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|e| {
            let nama = full_name(
                e.gelar_depan.as_deref(),
                &e.nama,
                e.gelar_belakang.as_deref(),
            );
            (e.id, (nama, e.nip))
        })
        .collect();
    let unit: HashMap<Uuid, String> = units::Entity::find()
        .filter(units::Column::Id.is_in(unit_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.nama))
        .collect();
    let komp: HashMap<Uuid, kompetensi::Model> = kompetensi::Entity::find()
        .filter(kompetensi::Column::Id.is_in(komp_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|k| (k.id, k))
        .collect();
    Ok(items
        .into_iter()
        .map(|i| {
            let bentuk = BentukPengembangan::parse(&i.bentuk).unwrap_or(BentukPengembangan::Diklat);
            let (pegawai_nama, nip) = pegawai.get(&i.employee_id).cloned().unwrap_or_default();
            let k = komp.get(&i.kompetensi_id);
            ItemRencana {
                id: i.id,
                rencana_id: i.rencana_id,
                unit_id: i.unit_id,
                unit_nama: unit.get(&i.unit_id).cloned().unwrap_or_default(),
                employee_id: i.employee_id,
                pegawai_nama,
                nip,
                kebutuhan_id: i.kebutuhan_id,
                kompetensi_id: i.kompetensi_id,
                kompetensi_nama: k.map(|k| k.nama.clone()).unwrap_or_default(),
                kelompok: k
                    .and_then(|k| KelompokKompetensi::parse(&k.kelompok))
                    .unwrap_or(KelompokKompetensi::Teknis),
                bentuk,
                jalur: bentuk.jalur(),
                penyelenggara: i.penyelenggara,
                bulan_rencana: i.bulan_rencana,
                jp: i.jp,
                anggaran: i.anggaran,
                rencana_lock_version: lock_version,
            }
        })
        .collect())
}

/// A page of a version's items (of one unit, or of every unit the viewer reads), by unit and
/// employee.
///
/// # Errors
/// As [`belum_20_jp`].
pub async fn items(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    q: RencanaUnitQuery,
) -> AppResult<Page<ItemRencana>> {
    let (r, akses) = lihat(db, viewer, id).await?;
    cek_unit(&akses, q.unit_id)?;
    let page = q.page_query();
    let mut find = item::Entity::find().filter(item::Column::RencanaId.eq(r.id));
    if let Some(units) = &akses.unit {
        find = find.filter(item::Column::UnitId.is_in(units.clone()));
    }
    if let Some(u) = q.unit_id {
        find = find.filter(item::Column::UnitId.eq(u));
    }
    let total = find.clone().count(db).await?;
    let rows = find
        .order_by_asc(item::Column::UnitId)
        .order_by_asc(item::Column::EmployeeId)
        .order_by_asc(item::Column::CreatedAt)
        .order_by_asc(item::Column::Id)
        .offset(page.offset())
        .limit(page.per_page)
        .all(db)
        .await?;
    Ok(Page::new(
        item_dtos(db, rows, r.lock_version).await?,
        page,
        total,
    ))
}

// ---------------------------------------------------------------------------------------------
// Writing

/// Claims the draft `r` at version `sent` for a write: one conditional update, so of two
/// writers from the same version exactly one goes on (the other blocks on PostgreSQL, then
/// matches nothing) and a set version is never written.
async fn klaim(db: &DatabaseTransaction, r: &rencana::Model, sent: i32) -> AppResult<i32> {
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
async fn versi_baru(
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

async fn insert_items(txn: &DatabaseTransaction, rows: Vec<item::ActiveModel>) -> AppResult<()> {
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

async fn find_item(db: &impl ConnectionTrait, rid: Uuid, item_id: Uuid) -> AppResult<item::Model> {
    item::Entity::find_by_id(item_id)
        .one(db)
        .await?
        .filter(|i| i.rencana_id == rid)
        .ok_or(AppError::NotFound(WHAT_ITEM))
}

fn bersih(s: Option<String>) -> Option<String> {
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

/// Everything the XLSX needs: the version and all its items the viewer reads, by unit.
pub struct DataXlsx {
    pub rencana: RencanaPengembangan,
    pub items: Vec<ItemRencana>,
    /// The instansi's local day the version was set on.
    pub ditetapkan_tanggal: Option<chrono::NaiveDate>,
}

/// # Errors
/// As [`detail`].
pub async fn data_xlsx(db: &DatabaseConnection, viewer: &Viewer, id: Uuid) -> AppResult<DataXlsx> {
    let (r, akses) = lihat(db, viewer, id).await?;
    let mut find = item::Entity::find().filter(item::Column::RencanaId.eq(r.id));
    if let Some(units) = &akses.unit {
        find = find.filter(item::Column::UnitId.is_in(units.clone()));
    }
    let rows = find.all(db).await?;
    let items = item_dtos(db, rows, r.lock_version).await?;
    let offset = crate::clock::instansi_offset(db, r.instansi_id).await?;
    let ditetapkan_tanggal = r
        .ditetapkan_at
        .map(|at| crate::clock::local_day(at, offset));
    Ok(DataXlsx {
        rencana: satu(db, r, &akses).await?,
        items,
        ditetapkan_tanggal,
    })
}
