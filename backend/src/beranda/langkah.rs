//! A new user's first steps (issue #19, docs/langkah-awal.md): a short checklist by role that
//! ticks itself from what the user has done — one indexed query per step, about the user
//! alone — and can be dismissed. Only the confirmation of one's data and the dismissal are
//! stored.

use chrono::Datelike;
use kinerja_api::auth::Permission;
use kinerja_api::beranda::{DaftarLangkahAwal, LangkahAwal, LangkahAwalItem};
use kinerja_api::planning::StatusPeriode;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use super::service::PERIODS_DOCS;
use crate::auth::Viewer;
use crate::clock;
use crate::database::Sql;
use crate::entities::{employees, langkah_awal, periods, users};
use crate::error::{AppError, AppResult};

async fn ada(db: &impl ConnectionTrait, sql: Sql) -> AppResult<bool> {
    Ok(db.query_one_raw(sql.statement(db)).await?.is_some())
}

/// `(any row, any of them matching)` of a `SELECT COUNT(*), SUM(CASE …)`.
async fn jumlah(db: &impl ConnectionTrait, sql: Sql) -> AppResult<(bool, bool)> {
    Ok(match db.query_one_raw(sql.statement(db)).await? {
        Some(r) => (
            r.try_get_by_index::<i64>(0)? > 0,
            r.try_get_by_index::<i64>(1)? > 0,
        ),
        None => (false, false),
    })
}

fn step(langkah: LangkahAwal, selesai: bool, tautan: &str) -> LangkahAwalItem {
    LangkahAwalItem {
        langkah,
        selesai,
        tautan: tautan.to_owned(),
    }
}

/// The viewer's first steps.
///
/// # Errors
/// On a database failure.
pub async fn daftar(db: &DatabaseConnection, viewer: &Viewer) -> AppResult<DaftarLangkahAwal> {
    let user = users::Entity::find_by_id(viewer.user_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound("Pengguna"))?;
    let stored = langkah_awal::Entity::find_by_id(viewer.user_id)
        .one(db)
        .await?;
    // An account starts with its change time equal to its creation time (set from one clock
    // reading), and an HR reset asks for a change; only the user's own change leaves neither.
    let sandi = !user.harus_ganti_password && user.password_changed_at != user.created_at;
    let mut langkah = vec![step(LangkahAwal::GantiSandi, sandi, "/profil")];

    let me = match viewer.employee_id {
        Some(id) => employees::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    let instansi = match &me {
        Some(e) => Some(e.instansi_id),
        None if viewer.can(Permission::ManageOrganisation) => {
            Some(crate::pengembangan::akses::instansi(db, viewer, None).await?)
        }
        None => None,
    };
    let today = match instansi {
        Some(i) => clock::today_in(clock::instansi_offset(db, i).await?),
        None => clock::today_in(clock::WIB_OFFSET_SECS),
    };
    let open = match instansi {
        Some(i) => {
            periods::Entity::find()
                .filter(periods::Column::InstansiId.eq(i))
                .filter(periods::Column::Tahun.eq(today.year()))
                .filter(periods::Column::Status.eq(StatusPeriode::Dibuka.as_str()))
                .one(db)
                .await?
        }
        None => None,
    };

    if let Some(e) = &me {
        langkah.push(step(
            LangkahAwal::PeriksaData,
            stored
                .as_ref()
                .is_some_and(|s| s.data_diperiksa_pada.is_some()),
            "/profil",
        ));
        let (mulai, diajukan) = match &open {
            Some(p) => {
                let mut sql = Sql::default();
                let (pid, eid) = (sql.bind(p.id), sql.bind(e.id));
                sql.push(&format!(
                    "SELECT COUNT(*), COALESCE(SUM(CASE WHEN diajukan_at IS NOT NULL \
                     OR disetujui_at IS NOT NULL THEN 1 ELSE 0 END), 0) FROM skps \
                     WHERE period_id = {pid} AND employee_id = {eid}"
                ));
                jumlah(db, sql).await?
            }
            None => (false, false),
        };
        langkah.push(step(LangkahAwal::MulaiSkp, mulai, "/skp"));
        langkah.push(step(LangkahAwal::AjukanSkp, diajukan, "/skp"));
        let mut sql = Sql::default();
        let eid = sql.bind(e.id);
        sql.push(&format!(
            "SELECT 1 FROM realisasi r JOIN skp_iki i ON i.id = r.iki_id \
             JOIN skp_rhk h ON h.id = i.rhk_id JOIN skps s ON s.id = h.skp_id \
             WHERE s.employee_id = {eid} AND (r.nilai IS NOT NULL OR r.naratif IS NOT NULL) \
             LIMIT 1"
        ));
        langkah.push(step(
            LangkahAwal::IsiRealisasi,
            ada(db, sql).await?,
            "/realisasi",
        ));
        // Only for someone some SKP names as its rater.
        let mut sql = Sql::default();
        let eid = sql.bind(e.id);
        sql.push(&format!(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN disetujui_at IS NOT NULL THEN 1 ELSE 0 END), \
             0) FROM skps WHERE ppkin_employee_id = {eid}"
        ));
        if let (true, done) = jumlah(db, sql).await? {
            langkah.push(step(LangkahAwal::SetujuiSkpTim, done, "/skp/bawahan"));
        }
    }

    if viewer.can(Permission::ManageOrganisation)
        && let Some(i) = instansi
    {
        langkah.push(step(LangkahAwal::BukaPeriode, open.is_some(), PERIODS_DOCS));
        let mut sql = Sql::default();
        let inst = sql.bind(i);
        let mine = sql.bind(viewer.employee_id.unwrap_or_else(Uuid::nil));
        sql.push(&format!(
            "SELECT 1 FROM employees WHERE instansi_id = {inst} AND id <> {mine} LIMIT 1"
        ));
        langkah.push(step(
            LangkahAwal::ImporPegawai,
            ada(db, sql).await?,
            "/pegawai/impor",
        ));
    }
    let semua_selesai = langkah.iter().all(|l| l.selesai);
    Ok(DaftarLangkahAwal {
        langkah,
        ditutup: stored.is_some_and(|s| s.ditutup_pada.is_some()),
        semua_selesai,
    })
}

/// Records that the viewer confirmed their data (`data`) or dismissed the list; again
/// changes nothing.
///
/// # Errors
/// On a database failure.
pub async fn tandai(db: &DatabaseConnection, viewer: &Viewer, data: bool) -> AppResult<()> {
    let now = clock::now();
    let (column, row) = if data {
        (
            langkah_awal::Column::DataDiperiksaPada,
            langkah_awal::ActiveModel {
                user_id: Set(viewer.user_id),
                data_diperiksa_pada: Set(Some(now)),
                ditutup_pada: Set(None),
            },
        )
    } else {
        (
            langkah_awal::Column::DitutupPada,
            langkah_awal::ActiveModel {
                user_id: Set(viewer.user_id),
                data_diperiksa_pada: Set(None),
                ditutup_pada: Set(Some(now)),
            },
        )
    };
    // The first time counts: an existing time is kept.
    let mut conflict = OnConflict::column(langkah_awal::Column::UserId);
    conflict.value(
        column,
        sea_orm::sea_query::Expr::cust(format!(
            "COALESCE(langkah_awal.{c}, excluded.{c})",
            c = if data {
                "data_diperiksa_pada"
            } else {
                "ditutup_pada"
            }
        )),
    );
    langkah_awal::Entity::insert(row)
        .on_conflict(conflict)
        .exec(db)
        .await?;
    Ok(())
}
