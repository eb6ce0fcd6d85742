//! Optimistic locking for records several administrators edit (employees, units, positions,
//! users, periods, SKP templates): every write names the `lock_version` it was based on.
//!
//! The write is one conditional `UPDATE ... SET lock_version = lock_version + 1, <changed
//! columns> WHERE id = ? AND lock_version = ?`. Under PostgreSQL's read committed a second
//! writer blocks on the row, then re-checks the `WHERE` against the committed row and matches
//! nothing; under SQLite writers are serialised. Either way exactly one of two concurrent
//! edits wins and the other gets 409, and only the columns a request names are written, so a
//! stale read can never be written back.

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::error::{AppError, AppResult, DbResultExt};

/// The 409 for a stale edit of `what`, a noun of [`kinerja_api::pesan::BENDA`] ("Pegawai").
pub fn conflict(what: &str) -> AppError {
    AppError::conflict(kinerja_api::Pesan::DiubahPenggunaLain {
        benda: what.to_owned(),
    })
}

/// Early check against the row just read, so a stale request fails before any validation.
///
/// # Errors
/// `Conflict` when the versions differ.
pub fn check(current: i32, sent: i32, what: &str) -> AppResult<()> {
    if current == sent {
        Ok(())
    } else {
        Err(conflict(what))
    }
}

/// Writes the `Set` columns of `changes` to row `id` and bumps its version, only if the row
/// is still at version `sent`.
///
/// # Errors
/// `Conflict` when another edit claimed the version first; a database failure.
pub async fn claim<E, A>(
    db: &impl ConnectionTrait,
    changes: A,
    id: (E::Column, Uuid),
    lock: E::Column,
    sent: i32,
    what: &str,
) -> AppResult<()>
where
    E: EntityTrait,
    A: ActiveModelTrait<Entity = E>,
{
    claimed(write(db, changes, id, lock, sent).await?, what)
}

/// As [`claim`], with `unique` for a unique-constraint violation (a taken NIP or email).
///
/// # Errors
/// As [`claim`], and `unique()` on a unique violation.
pub async fn claim_unique<E, A>(
    db: &impl ConnectionTrait,
    changes: A,
    id: (E::Column, Uuid),
    lock: E::Column,
    sent: i32,
    what: &str,
    unique: impl FnOnce() -> AppError,
) -> AppResult<()>
where
    E: EntityTrait,
    A: ActiveModelTrait<Entity = E>,
{
    let rows = write(db, changes, id, lock, sent)
        .await
        .on_unique_violation(unique)?;
    claimed(rows, what)
}

fn claimed(rows: u64, what: &str) -> AppResult<()> {
    if rows == 0 {
        Err(conflict(what))
    } else {
        Ok(())
    }
}

async fn write<E, A>(
    db: &impl ConnectionTrait,
    changes: A,
    id: (E::Column, Uuid),
    lock: E::Column,
    sent: i32,
) -> Result<u64, DbErr>
where
    E: EntityTrait,
    A: ActiveModelTrait<Entity = E>,
{
    Ok(E::update_many()
        .set(changes)
        .col_expr(lock, Expr::col(lock).add(1))
        .filter(id.0.eq(id.1))
        .filter(lock.eq(sent))
        .exec(db)
        .await?
        .rows_affected)
}
