//! Totals of long lists that cost the same at 100 000 rows as at 100 (docs/performance.md,
//! "Totals of long lists").
//!
//! Counting every match on every page read the whole list each time: 13 ms for the 100 000
//! employees of one instansi, the bulk of a page's cost. On PostgreSQL a list is counted up to
//! `KINERJA_DAFTAR_TOTAL_TEPAT` rows ([`EXACT_UP_TO`] unless set); beyond that its total is
//! the planner's estimate and the page says so (`Page::total_estimated`), as PostgREST's
//! `count=estimated` does. SQLite, the embedded database of a kecamatan or a small dinas,
//! always counts.

use sea_orm::sea_query::{Expr, SelectStatement};
use sea_orm::{ConnectionTrait, DbBackend, EntityTrait, QueryTrait, Select};

use crate::error::{AppError, AppResult};

/// Lists up to this many rows get an exact total (`KINERJA_DAFTAR_TOTAL_TEPAT`).
pub const EXACT_UP_TO: u64 = 10_000;

/// The number of rows `select` matches, exact up to `exact_up_to`, and whether it is an
/// estimate.
///
/// # Errors
/// On a database failure.
pub async fn of<E: EntityTrait>(
    db: &impl ConnectionTrait,
    select: Select<E>,
    exact_up_to: u64,
) -> AppResult<(u64, bool)> {
    let backend = db.get_database_backend();
    let mut query = select.into_query();
    query.clear_order_by();
    if backend != DbBackend::Postgres {
        return Ok((count(db, query, None).await?, false));
    }
    let capped = count(db, query.clone(), Some(exact_up_to.saturating_add(1))).await?;
    if capped <= exact_up_to {
        return Ok((capped, false));
    }
    let mut explain = backend.build(&query);
    explain.sql = format!("EXPLAIN (FORMAT JSON) {}", explain.sql);
    let row = db
        .query_one_raw(explain)
        .await?
        .ok_or_else(|| AppError::Unexpected(anyhow::anyhow!("EXPLAIN returned no row")))?;
    let plan: serde_json::Value = row.try_get_by_index(0)?;
    // PostgreSQL writes the planner's row estimate as a whole number.
    let estimate = plan
        .pointer("/0/Plan/Plan Rows")
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(0);
    // Never less than what was just counted.
    Ok((estimate.max(capped), true))
}

async fn count(
    db: &impl ConnectionTrait,
    mut query: SelectStatement,
    limit: Option<u64>,
) -> AppResult<u64> {
    // Only the rows' existence matters: one constant column keeps the scan narrow.
    query.clear_selects().expr(Expr::val(1));
    if let Some(n) = limit {
        query.limit(n);
    }
    let counted = SelectStatement::new()
        .expr(Expr::cust("COUNT(*) AS n"))
        .from_subquery(query, "t")
        .to_owned();
    let row = db.query_one(&counted).await?;
    let n: i64 = match row {
        Some(r) => r.try_get("", "n")?,
        None => 0,
    };
    Ok(u64::try_from(n).unwrap_or(0))
}

/// Corrects an estimated total by what the page itself shows: a page that is not full is the
/// last one, so it knows the exact total; a full page proves the total is at least what the
/// pages so far hold, an empty page past the end that it is less than its offset.
pub fn settle(
    (total, estimated): (u64, bool),
    offset: u64,
    shown: usize,
    per_page: u64,
) -> (u64, bool) {
    if !estimated {
        return (total, false);
    }
    let seen = offset + shown as u64;
    if (shown as u64) < per_page && (shown > 0 || offset == 0) {
        (seen, false)
    } else if shown == 0 {
        // Past the end: fewer rows than this page's offset.
        (total.min(offset), true)
    } else {
        (total.max(seen), true)
    }
}

#[cfg(test)]
mod tests {
    use super::settle;

    #[test]
    fn a_short_page_knows_the_exact_total() {
        assert_eq!(settle((100_150, true), 100_100, 2, 20), (100_102, false));
        assert_eq!(settle((100_150, true), 20, 20, 20), (100_150, true));
        // The estimate is never below what the pages have shown.
        assert_eq!(settle((30_000, true), 40_000, 20, 20), (40_020, true));
        // Past the end: nothing shown, fewer rows than the offset.
        assert_eq!(settle((30_000, true), 40_000, 0, 20), (30_000, true));
        assert_eq!(settle((50_000, true), 40_000, 0, 20), (40_000, true));
        assert_eq!(settle((7, false), 0, 7, 20), (7, false));
    }
}
