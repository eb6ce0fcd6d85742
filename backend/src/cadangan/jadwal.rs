//! Backups made by the server itself: one per interval (slot), claimed through the unique
//! `cadangan.slot` so that of several servers exactly one makes it; retention of the scheduled
//! archives; and the warning to the admins when none succeeded for too long, sent once per
//! lapse (the `cadangan_peringatan` row is the claim).

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Duration, Utc};
use kinerja_api::planning::NotificationParams;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, Statement, TransactionTrait,
};
use uuid::Uuid;

use super::buat::{self, Sumber};
use crate::clock::{WIB_OFFSET_SECS, local_day};
use crate::config::Settings;
use crate::entities::{cadangan, cadangan_peringatan, employees, user_roles, users};
use crate::error::AppResult;

pub const JENIS_TERJADWAL: &str = "terjadwal";
pub const JENIS_MANUAL: &str = "manual";
pub const BERJALAN: &str = "berjalan";
pub const BERHASIL: &str = "berhasil";
pub const GAGAL: &str = "gagal";
pub const KIND_TERLAMBAT: &str = "sistem.cadangan_terlambat";
/// A run still "berjalan" after this long was cut off (the server stopped mid-backup).
const TERPUTUS_JAM: i64 = 24;

/// The schedule's settings.
#[derive(Debug, Clone)]
pub struct Jadwal {
    pub folder: PathBuf,
    /// 0: no scheduled backups.
    pub interval_jam: u32,
    pub simpan_harian: u32,
    pub simpan_mingguan: u32,
    pub peringatan_jam: u32,
}

impl Jadwal {
    pub fn from_settings(s: &Settings) -> Self {
        Self {
            folder: s.backup_dir.clone(),
            interval_jam: s.backup_interval_hours,
            simpan_harian: s.backup_keep_daily,
            simpan_mingguan: s.backup_keep_weekly,
            peringatan_jam: s.backup_warn_hours,
        }
    }
}

/// The slot `at` belongs to: intervals counted from local (WIB) midnight, so a daily backup
/// runs just after midnight rather than at 07:00.
pub fn slot(at: DateTime<Utc>, interval_jam: u32) -> Option<i64> {
    let len = i64::from(interval_jam) * 3600;
    (len > 0).then(|| (at.timestamp() + i64::from(WIB_OFFSET_SECS)).div_euclid(len))
}

/// Claims a run: for a scheduled one, its slot (`None` when another server has it).
///
/// # Errors
/// On a database failure.
pub async fn catat_mulai(
    db: &impl ConnectionTrait,
    jenis: &str,
    slot: Option<i64>,
    at: DateTime<Utc>,
) -> AppResult<Option<Uuid>> {
    let id = Uuid::now_v7();
    let row = cadangan::ActiveModel {
        id: Set(id),
        jenis: Set(jenis.to_owned()),
        slot: Set(slot),
        status: Set(BERJALAN.to_owned()),
        mulai_at: Set(at),
        selesai_at: Set(None),
        ukuran_byte: Set(None),
        lokasi: Set(None),
        versi_skema: Set(None),
        jumlah_berkas: Set(None),
        galat: Set(None),
        dihapus_at: Set(None),
    };
    let inserted = cadangan::Entity::insert(row)
        .on_conflict(
            OnConflict::column(cadangan::Column::Slot)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok((inserted == 1).then_some(id))
}

/// Records how a run ended.
///
/// # Errors
/// On a database failure.
pub async fn catat_selesai(
    db: &impl ConnectionTrait,
    id: Uuid,
    selesai_at: DateTime<Utc>,
    hasil: &anyhow::Result<buat::Hasil>,
) -> AppResult<()> {
    let mut row = cadangan::ActiveModel {
        id: Set(id),
        selesai_at: Set(Some(selesai_at)),
        ..Default::default()
    };
    match hasil {
        Ok(h) => {
            row.status = Set(BERHASIL.to_owned());
            row.ukuran_byte = Set(i64::try_from(h.size).ok());
            row.lokasi = Set(Some(absolute(&h.path).display().to_string()));
            row.versi_skema = Set(Some(h.manifest.schema_version.clone()));
            row.jumlah_berkas = Set(i64::try_from(h.manifest.entries.len() - 1).ok());
        }
        Err(e) => {
            row.status = Set(GAGAL.to_owned());
            row.galat = Set(Some(format!("{e:#}")));
        }
    }
    row.update(db).await?;
    Ok(())
}

/// Records a finished `kinerja backup` run.
///
/// # Errors
/// On a database failure (an older schema without the table, say).
pub async fn catat_manual(
    db: &impl ConnectionTrait,
    id: Uuid,
    mulai_at: DateTime<Utc>,
    hasil: &anyhow::Result<buat::Hasil>,
) -> AppResult<()> {
    cadangan::ActiveModel {
        id: Set(id),
        jenis: Set(JENIS_MANUAL.to_owned()),
        slot: Set(None),
        status: Set(BERJALAN.to_owned()),
        mulai_at: Set(mulai_at),
        selesai_at: Set(None),
        ukuran_byte: Set(None),
        lokasi: Set(None),
        versi_skema: Set(None),
        jumlah_berkas: Set(None),
        galat: Set(None),
        dihapus_at: Set(None),
    }
    .insert(db)
    .await?;
    catat_selesai(db, id, Utc::now(), hasil).await
}

fn absolute(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// One tick of the schedule: closes runs cut off by a stop, makes the slot's backup if this
/// server claims it (then applies retention), and warns the admins of a lapse.
///
/// # Errors
/// On a database failure (a failed backup is recorded, not returned).
pub async fn jalankan(
    db: &DatabaseConnection,
    sumber: &Sumber,
    jadwal: &Jadwal,
    now: DateTime<Utc>,
) -> AppResult<Option<cadangan::Model>> {
    cadangan::Entity::update_many()
        .col_expr(cadangan::Column::Status, Expr::value(GAGAL))
        .col_expr(
            cadangan::Column::Galat,
            Expr::value("interrupted: the server stopped during the backup"),
        )
        .filter(cadangan::Column::Status.eq(BERJALAN))
        .filter(cadangan::Column::MulaiAt.lt(now - Duration::hours(TERPUTUS_JAM)))
        .exec(db)
        .await?;
    let mut made = None;
    if let Some(slot) = slot(now, jadwal.interval_jam)
        && let Some(id) = catat_mulai(db, JENIS_TERJADWAL, Some(slot), now).await?
    {
        let started = std::time::Instant::now();
        let hasil = buat::buat(db, sumber, &jadwal.folder, id, now).await;
        if let Err(e) = &hasil {
            tracing::error!(error = ?e, "scheduled backup failed");
        }
        // On the server's clock (which tests move), however long the copy took.
        let selesai = now + Duration::from_std(started.elapsed()).unwrap_or_default();
        catat_selesai(db, id, selesai, &hasil).await?;
        if hasil.is_ok() {
            hapus_lama(db, jadwal).await?;
        }
        made = cadangan::Entity::find_by_id(id).one(db).await?;
    }
    peringatkan(db, jadwal, now).await?;
    Ok(made)
}

/// Which of `backups` (id, time) retention keeps: the newest of each of the last `harian`
/// local days, and of each of the last `mingguan` ISO weeks, and always the newest of all.
pub fn yang_disimpan(
    backups: &[(Uuid, DateTime<Utc>)],
    harian: u32,
    mingguan: u32,
) -> HashSet<Uuid> {
    let mut sorted = backups.to_vec();
    sorted.sort_by_key(|(_, at)| std::cmp::Reverse(*at));
    let mut keep: HashSet<Uuid> = sorted.first().map(|(id, _)| *id).into_iter().collect();
    let mut days: BTreeMap<chrono::NaiveDate, Uuid> = BTreeMap::new();
    let mut weeks: BTreeMap<(i32, u32), Uuid> = BTreeMap::new();
    for (id, at) in &sorted {
        let day = local_day(*at, WIB_OFFSET_SECS);
        let week = day.iso_week();
        // Newest first: the first seen of each day and week is its newest.
        days.entry(day).or_insert(*id);
        weeks.entry((week.year(), week.week())).or_insert(*id);
    }
    keep.extend(days.values().rev().take(harian as usize));
    keep.extend(weeks.values().rev().take(mingguan as usize));
    keep
}

/// Removes the scheduled archives retention no longer keeps.
///
/// # Errors
/// On a database failure (a file that cannot be removed is logged and retried next time).
pub async fn hapus_lama(db: &DatabaseConnection, jadwal: &Jadwal) -> AppResult<usize> {
    let rows = cadangan::Entity::find()
        .filter(cadangan::Column::Jenis.eq(JENIS_TERJADWAL))
        .filter(cadangan::Column::Status.eq(BERHASIL))
        .filter(cadangan::Column::DihapusAt.is_null())
        .all(db)
        .await?;
    let list: Vec<(Uuid, DateTime<Utc>)> = rows.iter().map(|r| (r.id, r.mulai_at)).collect();
    let keep = yang_disimpan(&list, jadwal.simpan_harian, jadwal.simpan_mingguan);
    let mut removed = 0;
    for row in rows.into_iter().filter(|r| !keep.contains(&r.id)) {
        if let Some(path) = &row.lokasi {
            match std::fs::remove_file(path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    tracing::warn!(error = %e, path, "could not remove an old backup");
                    continue;
                }
            }
        }
        cadangan::Entity::update_many()
            .col_expr(cadangan::Column::DihapusAt, Expr::value(Utc::now()))
            .filter(cadangan::Column::Id.eq(row.id))
            .exec(db)
            .await?;
        removed += 1;
    }
    Ok(removed)
}

/// The last successful backup, if any.
///
/// # Errors
/// On a database failure.
pub async fn terakhir_berhasil(db: &impl ConnectionTrait) -> AppResult<Option<cadangan::Model>> {
    Ok(cadangan::Entity::find()
        .filter(cadangan::Column::Status.eq(BERHASIL))
        .order_by_desc(cadangan::Column::SelesaiAt)
        .one(db)
        .await?)
}

/// When the data was first set up (the first migration), the start of a lapse when no backup
/// ever succeeded.
async fn dipasang_at(db: &impl ConnectionTrait) -> AppResult<Option<DateTime<Utc>>> {
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT MIN(applied_at) AS t FROM seaql_migrations",
        ))
        .await?;
    let secs: Option<i64> = row.and_then(|r| r.try_get("", "t").ok());
    Ok(secs.and_then(|s| DateTime::from_timestamp(s, 0)))
}

/// Since when no backup succeeded (the last success, else the installation), and whether that
/// is longer than the warning threshold.
///
/// # Errors
/// On a database failure.
pub async fn jeda(
    db: &impl ConnectionTrait,
    peringatan_jam: u32,
    now: DateTime<Utc>,
) -> AppResult<(Option<DateTime<Utc>>, bool)> {
    let last = terakhir_berhasil(db).await?;
    let sejak = match last.and_then(|l| l.selesai_at) {
        Some(t) => Some(t),
        None => dipasang_at(db).await?,
    };
    let terlambat = sejak.is_some_and(|s| now - s >= Duration::hours(i64::from(peringatan_jam)));
    Ok((sejak, terlambat))
}

/// Notifies every admin (with an employee record to receive notifications) once per lapse.
async fn peringatkan(
    db: &DatabaseConnection,
    jadwal: &Jadwal,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let (Some(sejak), true) = jeda(db, jadwal.peringatan_jam, now).await? else {
        return Ok(());
    };
    let txn = db.begin().await?;
    let claimed = cadangan_peringatan::Entity::insert(cadangan_peringatan::ActiveModel {
        sejak: Set(sejak),
        dikirim_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(cadangan_peringatan::Column::Sejak)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    if claimed == 0 {
        return Ok(());
    }
    let admins: Vec<Uuid> = user_roles::Entity::find()
        .filter(user_roles::Column::Role.is_in(["admin", "superadmin"]))
        .all(&txn)
        .await?
        .into_iter()
        .map(|r| r.user_id)
        .collect();
    let active: Vec<Uuid> = users::Entity::find()
        .filter(users::Column::Id.is_in(admins))
        .filter(users::Column::Active.eq(true))
        .all(&txn)
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect();
    let people = employees::Entity::find()
        .filter(employees::Column::UserId.is_in(active))
        .all(&txn)
        .await?;
    let last = terakhir_berhasil(&txn).await?.is_some();
    for person in people {
        crate::notifications::send(
            &txn,
            person.id,
            KIND_TERLAMBAT,
            NotificationParams {
                tanggal: last.then(|| local_day(sejak, WIB_OFFSET_SECS)),
                jumlah: Some((now - sejak).num_hours()),
                ..NotificationParams::default()
            },
            "/sistem".to_owned(),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    #[test]
    fn daily_slots_start_at_local_midnight() {
        // 23:30 WIB and 00:30 WIB the next day are two slots; 00:30 and 23:00 one.
        let a = slot(at("2026-12-06T16:30:00Z"), 24).unwrap();
        let b = slot(at("2026-12-06T17:30:00Z"), 24).unwrap();
        let c = slot(at("2026-12-07T16:00:00Z"), 24).unwrap();
        assert_eq!(b, a + 1);
        assert_eq!(c, b);
        assert_eq!(slot(at("2026-12-06T16:30:00Z"), 0), None);
    }

    #[test]
    fn retention_keeps_seven_days_and_four_weeks() {
        // Two backups a day (00:30 and 12:30 WIB) for 60 days up to Sunday 2026-12-06.
        let mut list = Vec::new();
        let end = at("2026-12-06T05:30:00Z");
        for d in 0..60 {
            for h in [0, 12] {
                list.push((Uuid::now_v7(), end - Duration::days(d) - Duration::hours(h)));
            }
        }
        let keep = yang_disimpan(&list, 7, 4);
        let mut kept: Vec<DateTime<Utc>> = list
            .iter()
            .filter(|(id, _)| keep.contains(id))
            .map(|(_, t)| *t)
            .collect();
        kept.sort();
        let days: Vec<String> = kept
            .iter()
            .map(|t| local_day(*t, WIB_OFFSET_SECS).to_string())
            .collect();
        // The last 7 days' newest, and the newest of the 3 weeks before (the current week's
        // newest is today's).
        assert_eq!(
            days,
            [
                "2026-11-15",
                "2026-11-22",
                "2026-11-29",
                "2026-11-30",
                "2026-12-01",
                "2026-12-02",
                "2026-12-03",
                "2026-12-04",
                "2026-12-05",
                "2026-12-06"
            ]
        );
        // Each kept day keeps its later backup (12:30 WIB, as `end`).
        assert!(
            kept.iter()
                .all(|t| t.timestamp() % 86_400 == end.timestamp() % 86_400)
        );
        assert_eq!(
            yang_disimpan(&list, 0, 0).len(),
            1,
            "the newest always stays"
        );
    }
}
