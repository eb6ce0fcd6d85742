//! The instansi's local day.
//!
//! Every date of the cycle (a sub-period's lock, an objection window, "today" in a work list)
//! is a day in the instansi's time zone, never a UTC date: in Kota Serang (WIB, UTC+7) a month
//! must lock at local midnight, not seven hours later. Indonesia's three zones have no daylight
//! saving, so a fixed offset is exact. See docs/regulation.md, "Local time".

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

/// WIB (Asia/Jakarta), the zone of Kota Serang and the default until an instansi names its own.
pub const WIB_OFFSET_SECS: i32 = 7 * 3600;

/// The local day of `at` in the zone `offset_secs` east of UTC.
#[must_use]
pub fn local_day(at: DateTime<Utc>, offset_secs: i32) -> NaiveDate {
    // An offset outside ±24 h cannot come from the three zones; fall back to UTC rather than panic.
    FixedOffset::east_opt(offset_secs)
        .map_or_else(|| at.date_naive(), |o| at.with_timezone(&o).date_naive())
}

/// Today in the default zone (WIB).
#[must_use]
pub fn today() -> NaiveDate {
    local_day(Utc::now(), WIB_OFFSET_SECS)
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
