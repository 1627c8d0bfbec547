//! Checking the host's event form: the details, and the dates and shifts it makes.

use crate::{
    error::{AppError, AppResult},
    events::model::{EventForm, EventKind},
    validate::{bounded_text, PostcodeUk},
};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::London;

/// At most this many dates times shifts in one event.
pub const MAX_SLOTS: usize = 60;

/// An event ready to be saved: its details and one slot per date (and shift).
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub details: EventDetails,
    /// Soonest first; never empty.
    pub slots: Vec<SlotPlan>,
}

/// What an event is and where: everything but its dates.
#[derive(Debug, Clone)]
pub struct EventDetails {
    pub title: String,
    pub description: String,
    pub kind: EventKind,
    pub venue: Option<String>,
    pub postcode: Option<PostcodeUk>,
    pub online_url: Option<String>,
    /// Places in each slot; None for no limit.
    pub capacity: Option<i32>,
}

/// One date or shift of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotPlan {
    pub label: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

impl NewEvent {
    /// Checks the form; the first bad field is reported. `now` decides what is past.
    pub fn parse(form: &EventForm, now: DateTime<Utc>) -> AppResult<Self> {
        Ok(Self {
            details: EventDetails::parse(form)?,
            slots: parse_slots(form, now)?,
        })
    }

    /// The first slot's start: where the event sits in lists.
    pub fn starts_at(&self) -> DateTime<Utc> {
        self.slots[0].starts_at
    }
}

impl EventDetails {
    /// Checks everything in the form but the dates.
    pub fn parse(form: &EventForm) -> AppResult<Self> {
        let title = bounded_text("title", &form.title, 120, true)?;
        let description = bounded_text("description", &form.description, 5000, false)?;
        let kind = EventKind::parse(&form.kind)
            .ok_or_else(|| AppError::invalid("kind", "Choose what kind of event this is."))?;
        let venue = Some(bounded_text("venue", &form.venue, 200, false)?).filter(|v| !v.is_empty());
        let postcode = PostcodeUk::parse_optional("postcode", &form.postcode)?;
        let online_url = Some(bounded_text("online_url", &form.online_url, 500, false)?)
            .filter(|v| !v.is_empty());
        if let Some(url) = &online_url {
            if !url.starts_with("https://") {
                return Err(AppError::invalid(
                    "online_url",
                    "Use a link that starts with https://.",
                ));
            }
        }
        if kind == EventKind::Online && online_url.is_none() {
            return Err(AppError::invalid(
                "online_url",
                "Give the link people join the event with.",
            ));
        }
        if kind != EventKind::Online && venue.is_none() && postcode.is_none() {
            return Err(AppError::invalid(
                "venue",
                "Say where the event is, or choose Online.",
            ));
        }
        Ok(Self {
            title,
            description,
            kind,
            venue,
            postcode,
            online_url,
            capacity: parse_capacity(&form.capacity)?,
        })
    }
}

/// Every date (the first, weekly repeats, chosen dates) times every shift (or the one
/// start and end time), soonest first.
fn parse_slots(form: &EventForm, now: DateTime<Utc>) -> AppResult<Vec<SlotPlan>> {
    let first = NaiveDate::parse_from_str(form.date.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::invalid("date", "Enter the date, like 2026-12-03."))?;
    let mut dates = vec![first];
    let weeks = match form.repeat_weeks.trim() {
        "" => 1,
        raw => raw
            .parse::<i64>()
            .ok()
            .filter(|w| (1..=52).contains(w))
            .ok_or_else(|| {
                AppError::invalid("repeat_weeks", "Enter a number of weeks from 1 to 52.")
            })?,
    };
    dates.extend((1..weeks).map(|w| first + Duration::weeks(w)));
    for raw in form
        .other_dates
        .split([',', '\n', ' '])
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        let date = NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| {
            AppError::invalid(
                "other_dates",
                format!(
                    "\"{raw}\" is not a date. Write dates like 2026-12-10, separated by commas."
                ),
            )
        })?;
        dates.push(date);
    }
    dates.sort();
    dates.dedup();

    let shifts = parse_shifts(&form.shifts)?;
    let times: Vec<(Option<String>, String, String)> = if shifts.is_empty() {
        vec![(None, form.start_time.clone(), form.end_time.clone())]
    } else {
        shifts
    };
    if dates.len() * times.len() > MAX_SLOTS {
        return Err(AppError::invalid(
            if times.len() > 1 {
                "shifts"
            } else {
                "other_dates"
            },
            format!("An event can have at most {MAX_SLOTS} dates and shifts in all."),
        ));
    }
    let (start_field, end_field) = if times.len() > 1 || times[0].0.is_some() {
        ("shifts", "shifts")
    } else {
        ("start_time", "end_time")
    };
    let mut slots = Vec::with_capacity(dates.len() * times.len());
    for date in &dates {
        for (label, start, end) in &times {
            let starts_at = london_time(*date, start, start_field)?;
            let ends_at = london_time(*date, end, end_field)?;
            if starts_at <= now {
                let field = if *date == first {
                    start_field
                } else {
                    "other_dates"
                };
                return Err(AppError::invalid(field, "The start must be in the future."));
            }
            if ends_at <= starts_at {
                return Err(AppError::invalid(
                    end_field,
                    "The end must be after the start.",
                ));
            }
            slots.push(SlotPlan {
                label: label.clone(),
                starts_at,
                ends_at,
            });
        }
    }
    slots.sort_by_key(|s| s.starts_at);
    Ok(slots)
}

/// Lines like "10:00-12:00 Morning" (the name is optional) into (name, start, end).
fn parse_shifts(raw: &str) -> AppResult<Vec<(Option<String>, String, String)>> {
    let mut shifts = Vec::new();
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (range, name) = line.split_once(' ').unwrap_or((line, ""));
        let Some((start, end)) = range.split_once(['-', '–']) else {
            return Err(AppError::invalid(
                "shifts",
                format!("\"{line}\" is not a shift. Write one per line, like 10:00-12:00 Morning."),
            ));
        };
        let name = bounded_text("shifts", name, 80, false)?;
        shifts.push((
            Some(name).filter(|n| !n.is_empty()),
            start.to_string(),
            end.to_string(),
        ));
    }
    Ok(shifts)
}

fn london_time(date: NaiveDate, raw: &str, field: &str) -> AppResult<DateTime<Utc>> {
    let time = NaiveTime::parse_from_str(raw.trim(), "%H:%M")
        .map_err(|_| AppError::invalid(field, "Enter a time, like 19:00."))?;
    London
        .from_local_datetime(&date.and_time(time))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| {
            AppError::invalid(
                field,
                "That time does not exist on that day (the clocks change).",
            )
        })
}

/// Places per slot: blank for no limit, else 1 to 100,000.
pub fn parse_capacity(raw: &str) -> AppResult<Option<i32>> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    match raw.parse::<i32>() {
        Ok(n) if (1..=100_000).contains(&n) => Ok(Some(n)),
        _ => Err(AppError::invalid(
            "capacity",
            "Enter a number of places from 1 to 100,000, or leave it blank for no limit.",
        )),
    }
}

#[cfg(test)]
mod tests;
