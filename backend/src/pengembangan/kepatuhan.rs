//! The 20 JP compliance of a unit and everything below it, kept (docs/pengembangan.md,
//! "Kecepatan kepatuhan"). Counting it means a pass over every employee and verified record
//! of the subtree — for a whole province, a hundred thousand of each — so the answer is
//! stored under the instansi's `versi_jp`, which triggers bump on every change that can move
//! it (migration 31), and read back while that version stands: a request costs a few indexed
//! lookups and a page, and only the first request after a change pays for the pass.
//!
//! The version is read before the pass, so a change that lands during it leaves the stored
//! answer under an older version than the current one and the next request recounts: an
//! answer is never kept newer than the data it was counted from.

use std::collections::HashMap;

use chrono::Utc;
use kinerja_api::PageQuery;
use kinerja_api::employees::{StatusPegawai, full_name};
use kinerja_api::pengembangan::{MENIT_WAJIB, PegawaiKurangJp, StatusCatatan, jp_dari_menit};
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::database::Sql;
use crate::error::{AppError, AppResult};

/// Active employees and those of them with 20 verified JP, per direct sub-unit of the unit
/// (the unit's own staff under the unit itself).
#[derive(Debug, Clone, Default)]
pub struct Ringkasan {
    id: Uuid,
    pub per_sub_unit: HashMap<Uuid, (u64, u64)>,
    pub jumlah: u64,
    pub memenuhi: u64,
}

#[derive(Serialize, Deserialize)]
struct Baris {
    unit_id: Uuid,
    jumlah: u64,
    memenuhi: u64,
}

/// The compliance of `unit` (of `instansi`) in `tahun`, counted once per change.
///
/// # Errors
/// On a database failure.
pub async fn ringkasan(
    db: &DatabaseConnection,
    instansi: Uuid,
    unit: Uuid,
    tahun: i32,
) -> AppResult<Ringkasan> {
    let versi = versi(db, instansi).await?;
    if let Some(r) = baca(db, unit, tahun, versi).await? {
        return Ok(r);
    }
    let r = hitung(db, unit, tahun, versi).await?;
    match r {
        Some(r) => Ok(r),
        // Someone else stored the same version first.
        None => baca(db, unit, tahun, versi)
            .await?
            .ok_or_else(|| AppError::Unexpected(anyhow::anyhow!("ringkasan_jp vanished"))),
    }
}

async fn versi(db: &impl ConnectionTrait, instansi: Uuid) -> AppResult<i64> {
    let mut sql = Sql::default();
    let i = sql.bind(instansi);
    sql.push(&format!(
        "SELECT versi FROM versi_jp WHERE instansi_id = {i}"
    ));
    Ok(match db.query_one_raw(sql.statement(db)).await? {
        Some(r) => r.try_get_by_index(0)?,
        None => 0,
    })
}

async fn baca(
    db: &impl ConnectionTrait,
    unit: Uuid,
    tahun: i32,
    versi: i64,
) -> AppResult<Option<Ringkasan>> {
    let mut sql = Sql::default();
    let (u, t, v) = (sql.bind(unit), sql.bind(tahun), sql.bind(versi));
    sql.push(&format!(
        "SELECT id, per_sub_unit FROM ringkasan_jp WHERE unit_id = {u} AND tahun = {t} \
         AND versi = {v}"
    ));
    let Some(row) = db.query_one_raw(sql.statement(db)).await? else {
        return Ok(None);
    };
    let id: Uuid = row.try_get_by_index(0)?;
    let text: String = row.try_get_by_index(1)?;
    let baris: Vec<Baris> = serde_json::from_str(&text)
        .map_err(|e| AppError::Unexpected(anyhow::anyhow!("ringkasan_jp {id}: {e}")))?;
    Ok(Some(dari_baris(id, &baris)))
}

fn dari_baris(id: Uuid, baris: &[Baris]) -> Ringkasan {
    let per_sub_unit: HashMap<Uuid, (u64, u64)> = baris
        .iter()
        .map(|b| (b.unit_id, (b.jumlah, b.memenuhi)))
        .collect();
    let (jumlah, memenuhi) = baris
        .iter()
        .fold((0, 0), |(n, ok), b| (n + b.jumlah, ok + b.memenuhi));
    Ringkasan {
        id,
        per_sub_unit,
        jumlah,
        memenuhi,
    }
}

/// The CTEs `s(id, top)`: the subtree of `root`, each unit with the direct sub-unit it lies
/// under, and `jp(employee_id, menit)`: the verified minutes of `tahun` of its employees.
fn subtree(sql: &mut Sql, unit: Uuid, tahun: i32) -> String {
    let root = sql.bind(unit);
    let t = sql.bind(tahun);
    let v = sql.bind(StatusCatatan::Diverifikasi.as_str());
    format!(
        "w(id, top, d) AS (SELECT id, id, 0 FROM units WHERE parent_id = {root} \
           UNION SELECT u.id, w.top, w.d + 1 FROM units u JOIN w ON u.parent_id = w.id \
           WHERE w.d < 64), \
         s(id, top) AS (SELECT id, top FROM w UNION SELECT {root}, {root}), \
         jp(employee_id, menit) AS (SELECT c.employee_id, SUM(c.menit) \
           FROM catatan_pengembangan c JOIN employees ce ON ce.id = c.employee_id \
           JOIN s cs ON cs.id = ce.unit_id WHERE c.tahun = {t} AND c.status = {v} \
           GROUP BY c.employee_id)"
    )
}

/// Counts the unit afresh and stores the answer under `versi` with the ordered list of those
/// below 20 JP; `None` when another request stored the same version first.
async fn hitung(
    db: &DatabaseConnection,
    unit: Uuid,
    tahun: i32,
    versi: i64,
) -> AppResult<Option<Ringkasan>> {
    let txn = db.begin().await?;
    let id = Uuid::new_v4();

    let mut sql = Sql::default();
    let cte = subtree(&mut sql, unit, tahun);
    let wajib = sql.bind(MENIT_WAJIB);
    let aktif = sql.bind(StatusPegawai::Aktif.as_str());
    sql.push(&format!(
        "WITH RECURSIVE {cte} SELECT s.top, COUNT(*), \
         SUM(CASE WHEN COALESCE(jp.menit, 0) >= {wajib} THEN 1 ELSE 0 END) \
         FROM employees e JOIN s ON s.id = e.unit_id LEFT JOIN jp ON jp.employee_id = e.id \
         WHERE e.status = {aktif} GROUP BY s.top"
    ));
    let mut baris = Vec::new();
    for r in txn.query_all_raw(sql.statement(&txn)).await? {
        let n: i64 = r.try_get_by_index(1)?;
        let ok: Option<i64> = r.try_get_by_index(2)?;
        baris.push(Baris {
            unit_id: r.try_get_by_index(0)?,
            jumlah: u64::try_from(n).unwrap_or(0),
            memenuhi: u64::try_from(ok.unwrap_or(0)).unwrap_or(0),
        });
    }

    let mut sql = Sql::default();
    let cte = subtree(&mut sql, unit, tahun);
    let wajib = sql.bind(MENIT_WAJIB);
    let aktif = sql.bind(StatusPegawai::Aktif.as_str());
    let rid = sql.bind(id);
    sql.push(&format!(
        "WITH RECURSIVE {cte} INSERT INTO ringkasan_jp_kurang (ringkasan_id, urut, employee_id, menit) \
         SELECT {rid}, ROW_NUMBER() OVER (ORDER BY COALESCE(jp.menit, 0), e.nama, e.id), e.id, \
           COALESCE(jp.menit, 0) \
         FROM employees e JOIN s ON s.id = e.unit_id LEFT JOIN jp ON jp.employee_id = e.id \
         WHERE e.status = {aktif} AND COALESCE(jp.menit, 0) < {wajib}"
    ));
    txn.execute_raw(sql.statement(&txn)).await?;

    let ringkasan = dari_baris(id, &baris);
    let text = serde_json::to_string(&baris)
        .map_err(|e| AppError::Unexpected(anyhow::anyhow!("ringkasan_jp: {e}")))?;
    let mut sql = Sql::default();
    let values = [
        sql.bind(id),
        sql.bind(unit),
        sql.bind(tahun),
        sql.bind(versi),
        sql.bind(i64::try_from(ringkasan.jumlah).unwrap_or(i64::MAX)),
        sql.bind(i64::try_from(ringkasan.memenuhi).unwrap_or(i64::MAX)),
        sql.bind(text),
        sql.bind(Utc::now()),
    ];
    sql.push(&format!(
        "INSERT INTO ringkasan_jp (id, unit_id, tahun, versi, jumlah, memenuhi, per_sub_unit, \
         dibuat_pada) VALUES ({}) ON CONFLICT (unit_id, tahun, versi) DO NOTHING",
        values.join(", ")
    ));
    if txn.execute_raw(sql.statement(&txn)).await?.rows_affected() == 0 {
        txn.rollback().await?;
        return Ok(None);
    }
    // Older answers of the unit are of no further use.
    for target in [
        "DELETE FROM ringkasan_jp_kurang WHERE ringkasan_id IN \
         (SELECT id FROM ringkasan_jp WHERE unit_id = $1 AND tahun = $2 AND versi < $3)",
        "DELETE FROM ringkasan_jp WHERE unit_id = $1 AND tahun = $2 AND versi < $3",
    ] {
        let mut sql = Sql::default();
        sql.bind(unit);
        sql.bind(tahun);
        sql.bind(versi);
        sql.push(target);
        txn.execute_raw(sql.statement(&txn)).await?;
    }
    txn.commit().await?;
    Ok(Some(ringkasan))
}

/// A page of those below 20 JP, fewest first, as counted in `r`; names and units are today's.
///
/// # Errors
/// On a database failure.
pub async fn kurang(
    db: &DatabaseConnection,
    r: &Ringkasan,
    page: PageQuery,
) -> AppResult<Vec<PegawaiKurangJp>> {
    let offset = page.page.saturating_sub(1).saturating_mul(page.per_page);
    let mut sql = Sql::default();
    let (id, from, n) = (
        sql.bind(r.id),
        sql.bind(i64::try_from(offset).unwrap_or(i64::MAX)),
        sql.bind(i64::try_from(page.per_page).unwrap_or(20)),
    );
    sql.push(&format!(
        "SELECT k.employee_id, e.nama, e.gelar_depan, e.gelar_belakang, e.nip, un.nama, k.menit \
         FROM ringkasan_jp_kurang k JOIN employees e ON e.id = k.employee_id \
         LEFT JOIN units un ON un.id = e.unit_id \
         WHERE k.ringkasan_id = {id} AND k.urut > {from} ORDER BY k.urut LIMIT {n}"
    ));
    let rows = db.query_all_raw(sql.statement(db)).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        let depan: Option<String> = row.try_get_by_index(2)?;
        let nama: String = row.try_get_by_index(1)?;
        let belakang: Option<String> = row.try_get_by_index(3)?;
        let menit: i64 = row.try_get_by_index(6)?;
        out.push(PegawaiKurangJp {
            employee_id: row.try_get_by_index(0)?,
            nama: full_name(depan.as_deref(), &nama, belakang.as_deref()),
            nip: row.try_get_by_index(4)?,
            unit_nama: row.try_get_by_index(5)?,
            jp_terverifikasi: jp_dari_menit(menit),
        });
    }
    Ok(out)
}
