//! Quiet hours: nothing goes out between 21:00 and 09:00 UK time. Judged on the clock in
//! London, so the window moves with British Summer Time.

use chrono::{DateTime, TimeZone, Timelike, Utc};
use chrono_tz::Europe::London;

/// The hour, UK time, from which messages wait.
pub const QUIET_FROM_HOUR: u32 = 21;
/// The hour, UK time, at which waiting messages may go.
pub const QUIET_UNTIL_HOUR: u32 = 9;

/// True when `at` falls in quiet hours in the UK.
pub fn is_quiet(at: DateTime<Utc>) -> bool {
    let hour = at.with_timezone(&London).hour();
    !(QUIET_UNTIL_HOUR..QUIET_FROM_HOUR).contains(&hour)
}

/// The soonest a message may go: `at` itself outside quiet hours, otherwise the next
/// 09:00 UK time.
pub fn next_allowed(at: DateTime<Utc>) -> DateTime<Utc> {
    if !is_quiet(at) {
        return at;
    }
    let local = at.with_timezone(&London);
    let day = if local.hour() >= QUIET_FROM_HOUR {
        local.date_naive().succ_opt()
    } else {
        Some(local.date_naive())
    };
    day.and_then(|day| day.and_hms_opt(QUIET_UNTIL_HOUR, 0, 0))
        .and_then(|nine| London.from_local_datetime(&nine).earliest())
        .expect("09:00 happens once every day in London: the clocks change at 01:00 UTC")
        .with_timezone(&Utc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(month: u32, day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, month, day, hour, minute, 0)
            .unwrap()
    }

    #[test]
    fn in_winter_quiet_hours_start_at_21_00_utc() {
        assert!(!is_quiet(utc(1, 15, 20, 59)));
        assert!(is_quiet(utc(1, 15, 21, 0)));
    }

    #[test]
    fn in_winter_quiet_hours_end_at_09_00_utc() {
        assert!(is_quiet(utc(1, 15, 8, 59)));
        assert!(!is_quiet(utc(1, 15, 9, 0)));
    }

    #[test]
    fn in_summer_quiet_hours_start_at_20_00_utc() {
        assert!(!is_quiet(utc(7, 15, 19, 59)));
        assert!(is_quiet(utc(7, 15, 20, 0)));
    }

    #[test]
    fn in_summer_quiet_hours_end_at_08_00_utc() {
        assert!(is_quiet(utc(7, 15, 7, 59)));
        assert!(!is_quiet(utc(7, 15, 8, 0)));
    }

    #[test]
    fn outside_quiet_hours_a_message_goes_at_once() {
        assert_eq!(next_allowed(utc(1, 15, 14, 30)), utc(1, 15, 14, 30));
    }

    #[test]
    fn a_winter_evening_waits_until_the_next_morning() {
        assert_eq!(next_allowed(utc(1, 15, 22, 30)), utc(1, 16, 9, 0));
    }

    #[test]
    fn a_winter_night_after_midnight_waits_until_that_morning() {
        assert_eq!(next_allowed(utc(1, 16, 0, 30)), utc(1, 16, 9, 0));
    }

    #[test]
    fn a_summer_evening_waits_until_08_00_utc() {
        assert_eq!(next_allowed(utc(7, 15, 20, 30)), utc(7, 16, 8, 0));
    }

    #[test]
    fn just_after_midnight_in_summer_is_still_the_day_before_in_utc() {
        // 23:30 UTC is 00:30 on the 16th in London, so the wait ends that morning.
        assert_eq!(next_allowed(utc(7, 15, 23, 30)), utc(7, 16, 8, 0));
    }

    #[test]
    fn the_night_the_clocks_go_forward_ends_at_09_00_summer_time() {
        // Clocks went forward at 01:00 UTC on 30 March 2025.
        assert_eq!(next_allowed(utc(3, 29, 22, 0)), utc(3, 30, 8, 0));
    }

    #[test]
    fn the_night_the_clocks_go_back_ends_at_09_00_winter_time() {
        // Clocks went back at 01:00 UTC on 26 October 2025.
        assert_eq!(next_allowed(utc(10, 25, 21, 0)), utc(10, 26, 9, 0));
    }
}
