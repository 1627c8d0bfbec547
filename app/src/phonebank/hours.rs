//! When calling is open: the party-wide window staff set (by default 10:00–20:00 Monday to
//! Saturday, 12:00–17:00 on Sunday), narrowed by a phonebank's own dates and daily hours,
//! all in Europe/London time, so the clocks changing moves nothing.

use crate::error::AppError;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Europe::London;

/// Hours within a day, as minutes after midnight: [from, until).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hours {
    pub from: u32,
    pub until: u32,
}

impl Hours {
    /// "10:00-20:00".
    pub fn parse(text: &str) -> Option<Self> {
        let (from, until) = text.trim().split_once('-')?;
        let minutes = |t: &str| {
            // Midnight at the end of the day: "00:00-24:00" is the whole day.
            if t.trim() == "24:00" {
                return Some(24 * 60);
            }
            let time = NaiveTime::parse_from_str(t.trim(), "%H:%M").ok()?;
            Some(time.signed_duration_since(NaiveTime::MIN).num_minutes() as u32)
        };
        let hours = Hours {
            from: minutes(from)?,
            until: minutes(until)?,
        };
        (hours.from < hours.until).then_some(hours)
    }

    fn overlap(self, other: Hours) -> Option<Hours> {
        let hours = Hours {
            from: self.from.max(other.from),
            until: self.until.min(other.until),
        };
        (hours.from < hours.until).then_some(hours)
    }
}

impl std::fmt::Display for Hours {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:02}:{:02}-{:02}:{:02}",
            self.from / 60,
            self.from % 60,
            self.until / 60,
            self.until % 60
        )
    }
}

/// The party-wide calling window: one set of hours Monday to Saturday, one for Sunday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallingWindow {
    pub weekdays: Hours,
    pub sunday: Hours,
}

impl Default for CallingWindow {
    fn default() -> Self {
        CallingWindow {
            weekdays: Hours {
                from: 10 * 60,
                until: 20 * 60,
            },
            sunday: Hours {
                from: 12 * 60,
                until: 17 * 60,
            },
        }
    }
}

impl CallingWindow {
    /// As stored in site settings: "10:00-20:00,12:00-17:00".
    pub fn parse(text: &str) -> Option<Self> {
        let (weekdays, sunday) = text.split_once(',')?;
        Some(CallingWindow {
            weekdays: Hours::parse(weekdays)?,
            sunday: Hours::parse(sunday)?,
        })
    }

    /// The window's hours on `day`.
    pub fn on(&self, day: Weekday) -> Hours {
        if day == Weekday::Sun {
            self.sunday
        } else {
            self.weekdays
        }
    }
}

impl std::fmt::Display for CallingWindow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{},{}", self.weekdays, self.sunday)
    }
}

/// A phonebank's own calling days and hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub daily: Hours,
}

/// Whether calling is open: `Ok`, or when it next opens (`None`: never again).
pub fn calling_open(
    window: &CallingWindow,
    schedule: &Schedule,
    now: DateTime<Utc>,
) -> Result<(), Option<DateTime<Utc>>> {
    let local = now.with_timezone(&London);
    let today = local.date_naive();
    let minute = local
        .time()
        .signed_duration_since(NaiveTime::MIN)
        .num_minutes() as u32;
    let mut day = today.max(schedule.opens_on);
    while day <= schedule.closes_on && day < today + Duration::days(400) {
        if let Some(hours) = window.on(day.weekday()).overlap(schedule.daily) {
            if day == today && (hours.from..hours.until).contains(&minute) {
                return Ok(());
            }
            if day > today || minute < hours.from {
                return Err(Some(at_local(day, hours.from)));
            }
        }
        day += Duration::days(1);
    }
    Err(None)
}

fn at_local(day: NaiveDate, minute: u32) -> DateTime<Utc> {
    let naive = day.and_time(NaiveTime::MIN) + Duration::minutes(i64::from(minute));
    // The spring gap is at 01:00, outside any calling window; `earliest` covers autumn.
    London
        .from_local_datetime(&naive)
        .earliest()
        .map_or_else(|| Utc.from_utc_datetime(&naive), |t| t.with_timezone(&Utc))
}

/// Reads hours a form posted ("10:00" and "20:00"), or an error beside the field.
pub fn hours_from_form(from: &str, until: &str) -> Result<Hours, AppError> {
    Hours::parse(&format!("{from}-{until}")).ok_or_else(|| {
        AppError::invalid(
            "daily_until",
            "Give the hours as 24-hour times, such as 10:00 and 20:00, the second later.",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schedule() -> Schedule {
        Schedule {
            opens_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            closes_on: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
            daily: Hours {
                from: 0,
                until: 24 * 60 - 1,
            },
        }
    }

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn the_window_is_london_time_in_winter_and_in_summer() {
        let window = CallingWindow::default();
        // Winter (GMT): 09:30 UTC is 09:30 in London, before ten; 10:30 UTC is open.
        assert_eq!(
            calling_open(&window, &schedule(), at("2026-12-07T09:30:00Z")),
            Err(Some(at("2026-12-07T10:00:00Z")))
        );
        assert_eq!(
            calling_open(&window, &schedule(), at("2026-12-07T10:30:00Z")),
            Ok(())
        );
        // Summer (BST): 09:30 UTC is 10:30 in London, open; 19:30 UTC is 20:30, closed.
        assert_eq!(
            calling_open(&window, &schedule(), at("2026-07-06T09:30:00Z")),
            Ok(())
        );
        assert_eq!(
            calling_open(&window, &schedule(), at("2026-07-06T19:30:00Z")),
            Err(Some(at("2026-07-07T09:00:00Z")))
        );
    }

    #[test]
    fn sunday_has_its_own_hours() {
        let window = CallingWindow::default();
        // Sun 6 Dec 2026, 11:00 London: closed until noon.
        assert_eq!(
            calling_open(&window, &schedule(), at("2026-12-06T11:00:00Z")),
            Err(Some(at("2026-12-06T12:00:00Z")))
        );
        assert_eq!(
            calling_open(&window, &schedule(), at("2026-12-06T17:30:00Z")),
            Err(Some(at("2026-12-07T10:00:00Z")))
        );
    }

    #[test]
    fn a_phonebank_narrows_the_window_and_ends_on_its_last_day() {
        let window = CallingWindow::default();
        let narrow = Schedule {
            daily: Hours {
                from: 18 * 60,
                until: 21 * 60,
            },
            ..schedule()
        };
        assert_eq!(
            calling_open(&window, &narrow, at("2026-12-07T17:00:00Z")),
            Err(Some(at("2026-12-07T18:00:00Z")))
        );
        assert_eq!(
            calling_open(&window, &narrow, at("2026-12-07T20:10:00Z")),
            Err(Some(at("2026-12-08T18:00:00Z")))
        );
        assert_eq!(
            calling_open(&window, &schedule(), at("2027-01-02T12:00:00Z")),
            Err(None)
        );
    }

    #[test]
    fn a_stored_window_reads_back() {
        let window = CallingWindow::default();
        assert_eq!(CallingWindow::parse(&window.to_string()), Some(window));
        assert_eq!(CallingWindow::parse("20:00-10:00,12:00-17:00"), None);
    }
}
