//! The dates Prepkit plans with: 1 January 1970 to 31 December 2200.
//!
//! chrono reaches the year 262,142; a date that far off (a typo, a hostile
//! file) made the planner size its calendar by it (`prepkit plan` tried to
//! allocate 6 GB). Dates outside this range are refused where they are
//! entered (`--today`, the date picker) and ignored, with a notice, where a
//! notebook file holds them.

use chrono::{Datelike as _, NaiveDate};

/// The first year a date may fall in.
pub const FIRST_YEAR: i32 = 1970;

/// The last year a date may fall in.
pub const LAST_YEAR: i32 = 2200;

/// True for a date from 1970 to 2200.
pub fn date_in_range(date: NaiveDate) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&date.year())
}

/// The first day of the range.
pub fn first_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// The last day of the range.
pub fn last_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_range_is_1970_to_2200_inclusive() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert!(date_in_range(d(1970, 1, 1)));
        assert!(date_in_range(d(2200, 12, 31)));
        assert!(!date_in_range(d(1969, 12, 31)));
        assert!(!date_in_range(d(2201, 1, 1)));
        assert!(!date_in_range(d(262_142, 1, 1)));
        assert_eq!(first_date(), d(1970, 1, 1));
        assert_eq!(last_date(), d(2200, 12, 31));
    }
}
