//! The alert on an unusual number of reads (docs/privasi.md): an account that read more than
//! `KINERJA_PDP_BACA_PER_JAM` other people's full records in the last 60 minutes raises one
//! in-app notification (and so one e-mail through the outbox) to every admin of its instansi,
//! once per account and clock hour — the claim is a unique row, so several servers raise it
//! once.

use chrono::{DateTime, Duration, Utc};
use kinerja_api::planning::NotificationParams;
use sea_orm::sea_query::{Expr, Func, OnConflict};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect, Set,
    TransactionTrait,
};
use uuid::Uuid;

use crate::employees::log_akses;
use crate::entities::{akses_data_pribadi, employees, peringatan_akses, user_roles, users};
use crate::error::AppResult;

pub const KIND: &str = "privasi.baca_tidak_wajar";

/// Checks the reads of `aktor` after one was logged; raises the alert when over `batas`
/// (0 turns the alert off).
///
/// # Errors
/// On a database failure.
pub async fn periksa(
    db: &DatabaseConnection,
    aktor: Uuid,
    batas: u32,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if batas == 0 {
        return Ok(());
    }
    let jumlah: Option<i64> = akses_data_pribadi::Entity::find()
        .select_only()
        .column_as(
            Expr::from(Func::sum(Expr::col(akses_data_pribadi::Column::Jumlah))),
            "jumlah",
        )
        .filter(akses_data_pribadi::Column::AktorId.eq(aktor))
        .filter(akses_data_pribadi::Column::Waktu.gt(now - Duration::hours(1)))
        .filter(akses_data_pribadi::Column::Jenis.is_in([log_akses::DETAIL, log_akses::EKSPOR]))
        .into_tuple::<Option<i64>>()
        .one(db)
        .await?
        .flatten();
    let jumlah = jumlah.unwrap_or(0);
    if jumlah <= i64::from(batas) {
        return Ok(());
    }
    let txn = db.begin().await?;
    let claimed = peringatan_akses::Entity::insert(peringatan_akses::ActiveModel {
        aktor_id: Set(aktor),
        jam: Set(now.timestamp().div_euclid(3600)),
        jumlah: Set(i32::try_from(jumlah).unwrap_or(i32::MAX)),
        dibuat_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([
            peringatan_akses::Column::AktorId,
            peringatan_akses::Column::Jam,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    if claimed == 0 {
        return Ok(());
    }
    let akun = users::Entity::find_by_id(aktor).one(&txn).await?;
    let nama = akun
        .map(|u| format!("{} ({})", u.full_name, u.username))
        .unwrap_or_else(|| aktor.to_string());
    let instansi: Option<Uuid> = employees::Entity::find()
        .select_only()
        .column(employees::Column::InstansiId)
        .filter(employees::Column::UserId.eq(aktor))
        .into_tuple()
        .one(&txn)
        .await?;
    for penerima in admin_instansi(&txn, instansi).await? {
        crate::notifications::send(
            &txn,
            penerima,
            KIND,
            NotificationParams {
                teks: Some(nama.clone()),
                jumlah: Some(jumlah),
                ..NotificationParams::default()
            },
            format!("/sistem/privasi?aktor_id={aktor}"),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The employee records of the active admins (admin, superadmin) of `instansi` (of every
/// instansi when the reader has none).
async fn admin_instansi(db: &impl ConnectionTrait, instansi: Option<Uuid>) -> AppResult<Vec<Uuid>> {
    let admins: Vec<Uuid> = user_roles::Entity::find()
        .filter(user_roles::Column::Role.is_in(["admin", "superadmin"]))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.user_id)
        .collect();
    let aktif: Vec<Uuid> = users::Entity::find()
        .select_only()
        .column(users::Column::Id)
        .filter(users::Column::Id.is_in(admins))
        .filter(users::Column::Active.eq(true))
        .into_tuple()
        .all(db)
        .await?;
    let mut select = employees::Entity::find()
        .select_only()
        .column(employees::Column::Id)
        .filter(employees::Column::UserId.is_in(aktif));
    if let Some(i) = instansi {
        select = select.filter(employees::Column::InstansiId.eq(i));
    }
    Ok(select.into_tuple().all(db).await?)
}
