//! Reading the yearly development plan: the per-unit totals and the 20 JP gap as SQL
//! aggregates (a fixed number of queries per request, one page at a time), and the data of
//! its XLSX export.

use std::collections::{HashMap, HashSet};

use kinerja_api::employees::{StatusPegawai, full_name};
use kinerja_api::pengembangan::{
    BentukPengembangan, KelompokKompetensi, MENIT_PER_JP, MENIT_WAJIB, StatusCatatan, jp_dari_menit,
};
use kinerja_api::pengembangan_rencana::{
    ItemRencana, PegawaiBelum20Jp, RencanaDetail, RencanaPengembangan, RencanaQuery, RencanaUnit,
    RencanaUnitQuery, StatusRencana,
};
use kinerja_api::{Page, PageQuery};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Statement,
};
use uuid::Uuid;

use crate::auth::Viewer;
use crate::entities::{employees, kompetensi};
use crate::entities::{rencana_pengembangan as rencana, rencana_pengembangan_item as item};
use crate::entities::{units, users};
use crate::error::{AppError, AppResult};
use crate::sql::Sql;

use super::service::{Akses, WHAT, akses_instansi, instansi_default, lihat, pintu, status_of};

// ---------------------------------------------------------------------------------------------
// Raw aggregates

/// The planned and verified minutes of the instansi's active employees with a unit: the
/// `FROM` and `WHERE` parts, and the expression of their minutes towards 20 JP.
pub(super) struct Menit {
    from: String,
    kondisi: String,
    menit: String,
}

pub(super) fn menit_sql(sql: &mut Sql, r: &rencana::Model) -> Menit {
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

pub(super) fn as_u64(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

pub(super) async fn hitung(db: &impl ConnectionTrait, stmt: Statement) -> AppResult<u64> {
    let row = db.query_one_raw(stmt).await?;
    Ok(match row {
        Some(r) => as_u64(r.try_get_by_index::<i64>(0)?),
        None => 0,
    })
}

/// Items, JP and budget per plan, over the units `akses` reads: one grouped query.
pub(super) async fn totals(
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
pub(super) async fn ringkas(
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

pub(super) async fn satu(
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

pub(super) async fn unit_page(
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
pub(super) fn cek_unit(akses: &Akses, unit: Option<Uuid>) -> AppResult<()> {
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
pub(super) async fn item_dtos(
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
