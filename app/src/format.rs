//! Dates and times as people in the UK write them, in Europe/London time.

use chrono::{DateTime, Datelike, Timelike, Utc};
use chrono_tz::Europe::London;

/// A date and time as a form's `datetime-local` box posts it ("2026-11-27T19:00"), read
/// as London time.
pub fn parse_london_input(raw: &str) -> Option<DateTime<Utc>> {
    use chrono::{NaiveDateTime, TimeZone};
    let raw = raw.trim();
    let naive = NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%d %H:%M"))
        .ok()?;
    London
        .from_local_datetime(&naive)
        .earliest()
        .map(|at| at.with_timezone(&Utc))
}

/// "Thu 7 Nov, 7pm" or "Thu 7 Nov, 7:30pm", in London time.
pub fn format_when(at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&London);
    let (is_pm, hour12) = local.hour12();
    let suffix = if is_pm { "pm" } else { "am" };
    let time = if local.minute() == 0 {
        format!("{hour12}{suffix}")
    } else {
        format!("{hour12}:{:02}{suffix}", local.minute())
    };
    format!(
        "{} {} {}, {time}",
        local.format("%a"),
        local.day(),
        local.format("%b")
    )
}

/// "Thu 7 Nov, 7pm – 9pm", or with both dates when it ends on another day.
pub fn format_time_range(start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    let same_day =
        start.with_timezone(&London).date_naive() == end.with_timezone(&London).date_naive();
    let end_text = format_when(end);
    let end_part = if same_day {
        end_text.rsplit(", ").next().unwrap_or_default().to_string()
    } else {
        end_text
    };
    format!("{} – {end_part}", format_when(start))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_range_on_one_day_names_the_day_once() {
        let start = Utc.with_ymd_and_hms(2026, 11, 26, 19, 0, 0).unwrap();
        let end = Utc.with_ymd_and_hms(2026, 11, 26, 21, 30, 0).unwrap();
        assert_eq!(format_time_range(start, end), "Thu 26 Nov, 7pm – 9:30pm");
        let next_day = Utc.with_ymd_and_hms(2026, 11, 27, 1, 0, 0).unwrap();
        assert_eq!(
            format_time_range(start, next_day),
            "Thu 26 Nov, 7pm – Fri 27 Nov, 1am"
        );
    }

    use super::*;
    use chrono::TimeZone;

    #[test]
    fn winter_times_are_shown_as_gmt() {
        let at = Utc.with_ymd_and_hms(2026, 11, 26, 19, 0, 0).unwrap();
        assert_eq!(format_when(at), "Thu 26 Nov, 7pm");
    }

    #[test]
    fn summer_times_are_shown_as_bst_with_minutes() {
        let at = Utc.with_ymd_and_hms(2026, 7, 2, 17, 30, 0).unwrap();
        assert_eq!(format_when(at), "Thu 2 Jul, 6:30pm");
    }

    #[test]
    fn midnight_and_noon_read_naturally() {
        assert_eq!(
            format_when(Utc.with_ymd_and_hms(2026, 1, 5, 0, 0, 0).unwrap()),
            "Mon 5 Jan, 12am"
        );
        assert_eq!(
            format_when(Utc.with_ymd_and_hms(2026, 1, 5, 12, 0, 0).unwrap()),
            "Mon 5 Jan, 12pm"
        );
    }
}
