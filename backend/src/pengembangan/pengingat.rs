//! From the fourth quarter, each active employee still below 20 verified JP of the year is
//! reminded once, and each of their PPKin once with the number of such people in their team
//! (in-app, and by e-mail through the outbox where SMTP is set). "Once" is a row of
//! `pengingat_pengembangan` inserted before the notification in the same transaction, so a
//! second run or a second server sends nothing again.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Utc};
use kinerja_api::pengembangan::MENIT_WAJIB;
use kinerja_api::planning::NotificationParams;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, QuerySelect, Statement,
    TransactionTrait, Value,
};
use uuid::Uuid;

use super::akses::nama;
use super::kebutuhan::TAUTAN;
use crate::employees::superiors::Resolver;
use crate::entities::{employees, instansi, pengingat_pengembangan as pengingat};
use crate::error::AppResult;

/// The first month of the fourth quarter: reminders start on its first local day.
pub const BULAN_MULAI: u32 = 10;
/// Employees handled per round: memory and transactions stay small whatever the instansi.
const IRISAN: i64 = 500;
pub const JENIS_PEGAWAI: &str = "jp_kurang";
pub const JENIS_PPKIN: &str = "tim_kurang_jp";

const CALON: &str = "SELECT e.id FROM employees e \
    LEFT JOIN (SELECT c.employee_id, SUM(c.menit) AS m FROM catatan_pengembangan c \
      JOIN employees ce ON ce.id = c.employee_id \
      WHERE ce.instansi_id = {1} AND c.tahun = {2} AND c.status = 'diverifikasi' \
      GROUP BY c.employee_id) jp ON jp.employee_id = e.id \
    WHERE e.instansi_id = {1} AND e.status = 'aktif' AND COALESCE(jp.m, 0) < {3} AND e.id > {4} \
      AND NOT EXISTS (SELECT 1 FROM pengingat_pengembangan p WHERE p.employee_id = e.id \
        AND p.tahun = {2} AND p.jenis = 'jp_kurang') \
    ORDER BY e.id LIMIT {5}";

fn sql(backend: DbBackend, text: &str) -> String {
    let mark = if backend == DbBackend::Postgres {
        "$"
    } else {
        "?"
    };
    (1..=5).fold(text.to_owned(), |t, i| {
        t.replace(&format!("{{{i}}}"), &format!("{mark}{i}"))
    })
}

/// Inserts the reminder key; false when it was there already (sent before).
async fn klaim(
    db: &impl ConnectionTrait,
    employee: Uuid,
    tahun: i32,
    jenis: &str,
    at: DateTime<Utc>,
) -> AppResult<bool> {
    let row = pengingat::ActiveModel {
        employee_id: sea_orm::Set(employee),
        tahun: sea_orm::Set(tahun),
        jenis: sea_orm::Set(jenis.to_owned()),
        dikirim_at: sea_orm::Set(at),
    };
    let done = pengingat::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([
                pengingat::Column::EmployeeId,
                pengingat::Column::Tahun,
                pengingat::Column::Jenis,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(done == 1)
}

/// Sends the fourth-quarter reminders due at `at`; returns how many notifications went out.
///
/// # Errors
/// On a database failure.
pub async fn ingatkan_jp(db: &DatabaseConnection, at: DateTime<Utc>) -> AppResult<usize> {
    let mut sent = 0;
    let all: Vec<Uuid> = instansi::Entity::find()
        .select_only()
        .column(instansi::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    for inst in all {
        let today = crate::clock::local_day(at, crate::clock::instansi_offset(db, inst).await?);
        if today.month() < BULAN_MULAI {
            continue;
        }
        let tahun = today.year();
        let backend = db.get_database_backend();
        let mut after = Uuid::nil();
        let mut per_ppkin: HashMap<Uuid, i64> = HashMap::new();
        loop {
            let rows = db
                .query_all_raw(Statement::from_sql_and_values(
                    backend,
                    sql(backend, CALON),
                    [
                        Value::from(inst),
                        Value::from(tahun),
                        Value::from(MENIT_WAJIB),
                        Value::from(after),
                        Value::from(IRISAN),
                    ],
                ))
                .await?;
            let ids: Vec<Uuid> = rows
                .iter()
                .map(|r| r.try_get_by_index::<Uuid>(0))
                .collect::<Result<_, _>>()?;
            let Some(last) = ids.last().copied() else {
                break;
            };
            after = last;
            let resolver = Resolver::ppkin_only(db, today, ids.iter().copied()).await?;
            let txn = db.begin().await?;
            for id in &ids {
                if !klaim(&txn, *id, tahun, JENIS_PEGAWAI, at).await? {
                    continue;
                }
                let pegawai = resolver.employee(*id).map(nama);
                crate::notifications::send(
                    &txn,
                    *id,
                    "pengembangan.jp_kurang",
                    NotificationParams {
                        pegawai,
                        tahun: Some(tahun),
                        ..Default::default()
                    },
                    TAUTAN.to_owned(),
                )
                .await?;
                sent += 1;
                if let Ok(p) = resolver.ppkin(*id) {
                    *per_ppkin.entry(p.employee.id).or_default() += 1;
                }
            }
            txn.commit().await?;
        }
        for (ppkin, jumlah) in per_ppkin {
            let txn = db.begin().await?;
            if klaim(&txn, ppkin, tahun, JENIS_PPKIN, at).await? {
                let pegawai = employees::Entity::find_by_id(ppkin)
                    .one(&txn)
                    .await?
                    .map(|e| nama(&e));
                crate::notifications::send(
                    &txn,
                    ppkin,
                    "pengembangan.tim_kurang_jp",
                    NotificationParams {
                        pegawai,
                        tahun: Some(tahun),
                        jumlah: Some(jumlah),
                        ..Default::default()
                    },
                    format!("{TAUTAN}/tim"),
                )
                .await?;
                sent += 1;
            }
            txn.commit().await?;
        }
    }
    Ok(sent)
}
