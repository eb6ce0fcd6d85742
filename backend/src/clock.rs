//! The clock and the instansi's local day.
//!
//! Every date of the cycle (a sub-period's lock, an objection window, "today" in a work list)
//! is a day in the instansi's time zone, never a UTC date: in Kota Serang (WIB, UTC+7) a month
//! must lock at local midnight, not seven hours later. Indonesia's three zones have no daylight
//! saving, so a fixed offset is exact. See docs/regulation.md, "Local time".
//!
//! "Now" for those dates comes from [`now`]. Each server owns a [`Clock`] (an offset from the
//! real time, zero in production) and a middleware scopes it over every request, so tests that
//! run many servers in one process can each move their own server's time without a global.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeDelta, Utc};
use kinerja_api::organisation::ZonaWaktu;
use sea_orm::{ConnectionTrait, EntityTrait, QuerySelect};
use uuid::Uuid;

use crate::entities::{instansi, periods};
use crate::error::AppResult;

/// WIB (Asia/Jakarta), the zone of Kota Serang and the default of an instansi.
pub const WIB_OFFSET_SECS: i32 = 7 * 3600;

tokio::task_local! {
    /// Seconds added to the real time while serving a request of a server with a moved clock.
    static SHIFT_SECS: i64;
}

/// One server's clock: the real time plus an offset that only tests set.
#[derive(Clone, Default)]
pub struct Clock(Arc<AtomicI64>);

impl Clock {
    /// Makes this server's "now" be `at` (the clock keeps running from there).
    pub fn set(&self, at: DateTime<Utc>) {
        self.0
            .store((at - Utc::now()).num_seconds(), Ordering::Relaxed);
    }

    fn shift_secs(&self) -> i64 {
        self.0.load(Ordering::Relaxed)
    }

    /// Now by this clock (for work outside a request, such as the jobs).
    #[must_use]
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + TimeDelta::seconds(self.shift_secs())
    }

    /// Runs `f` with this clock as the one [`now`] reads.
    pub async fn scope<F: std::future::Future>(&self, f: F) -> F::Output {
        SHIFT_SECS.scope(self.shift_secs(), f).await
    }
}

/// Now, by the clock of the server whose request (or job) is running; the real time elsewhere.
#[must_use]
pub fn now() -> DateTime<Utc> {
    let shift = SHIFT_SECS.try_with(|s| *s).unwrap_or(0);
    Utc::now() + TimeDelta::seconds(shift)
}

/// The local day of `at` in the zone `offset_secs` east of UTC.
#[must_use]
pub fn local_day(at: DateTime<Utc>, offset_secs: i32) -> NaiveDate {
    // An offset outside ±24 h cannot come from the three zones; fall back to UTC rather than panic.
    FixedOffset::east_opt(offset_secs)
        .map_or_else(|| at.date_naive(), |o| at.with_timezone(&o).date_naive())
}

/// Today in the zone `offset_secs` east of UTC.
#[must_use]
pub fn today_in(offset_secs: i32) -> NaiveDate {
    local_day(now(), offset_secs)
}

/// The offset of an instansi's zone; WIB when the instansi or its zone is unknown.
///
/// # Errors
/// On a database failure.
pub async fn instansi_offset(db: &impl ConnectionTrait, instansi_id: Uuid) -> AppResult<i32> {
    let zona: Option<String> = instansi::Entity::find_by_id(instansi_id)
        .select_only()
        .column(instansi::Column::ZonaWaktu)
        .into_tuple()
        .one(db)
        .await?;
    Ok(zona
        .as_deref()
        .and_then(ZonaWaktu::parse)
        .unwrap_or_default()
        .offset_secs())
}

/// Today in the zone of the period's instansi.
///
/// # Errors
/// On a database failure.
pub async fn period_today(
    db: &impl ConnectionTrait,
    period: &periods::Model,
) -> AppResult<NaiveDate> {
    Ok(today_in(instansi_offset(db, period.instansi_id).await?))
}

/// Today in the default zone (WIB), where no instansi is at hand.
#[must_use]
pub fn today() -> NaiveDate {
    today_in(WIB_OFFSET_SECS)
}

/// Month names in Indonesian, January first.
pub use kinerja_api::pesan::BULAN as MONTHS;

/// `27 November 2026`.
pub fn tanggal_indonesia(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn wib_day_turns_at_local_midnight() {
        // 16:30 UTC on 30 November is 23:30 WIB, still the 30th; 17:30 UTC is 00:30 on 1 December.
        let before = Utc.with_ymd_and_hms(2026, 11, 30, 16, 30, 0).unwrap();
        let after = Utc.with_ymd_and_hms(2026, 11, 30, 17, 30, 0).unwrap();
        assert_eq!(
            local_day(before, WIB_OFFSET_SECS),
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
        );
        assert_eq!(
            local_day(after, WIB_OFFSET_SECS),
            NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
        );
    }
}
