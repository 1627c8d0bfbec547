//! Validating and creating an event from the host's form.

use crate::{
    db::begin_write,
    error::{AppError, AppResult},
    events::{
        entity::{event, event_slot},
        model::{slugify, EventKind},
    },
    places::{model::Coordinates, service::lookup::locate_postcode},
    validate::{bounded_text, PostcodeUk},
};
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::London;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set, TransactionSession, TransactionTrait};

/// The host's form, as typed.
#[derive(Debug, Clone, Default)]
pub struct NewEventForm {
    pub title: String,
    pub description: String,
    pub kind: String,
    /// "2026-12-03", from a date input.
    pub date: String,
    /// "19:00", London time.
    pub start_time: String,
    pub end_time: String,
    pub venue: String,
    pub postcode: String,
    pub online_url: String,
    /// Blank for no limit.
    pub capacity: String,
}

/// An event ready to be saved.
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub title: String,
    pub description: String,
    pub kind: EventKind,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub venue: Option<String>,
    pub postcode: Option<PostcodeUk>,
    pub online_url: Option<String>,
    pub capacity: Option<i32>,
}

impl NewEvent {
    /// Checks the form; the first bad field is reported. `now` decides what is past.
    pub fn parse(form: &NewEventForm, now: DateTime<Utc>) -> AppResult<Self> {
        let title = bounded_text("title", &form.title, 120, true)?;
        let description = bounded_text("description", &form.description, 5000, false)?;
        let kind = EventKind::parse(&form.kind)
            .ok_or_else(|| AppError::invalid("kind", "Choose what kind of event this is."))?;
        let date = NaiveDate::parse_from_str(form.date.trim(), "%Y-%m-%d")
            .map_err(|_| AppError::invalid("date", "Enter the date, like 2026-12-03."))?;
        let starts_at = london_time(date, &form.start_time, "start_time")?;
        let ends_at = london_time(date, &form.end_time, "end_time")?;
        if starts_at <= now {
            return Err(AppError::invalid(
                "start_time",
                "The start must be in the future.",
            ));
        }
        if ends_at <= starts_at {
            return Err(AppError::invalid(
                "end_time",
                "The end must be after the start.",
            ));
        }
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
        let capacity = parse_capacity(&form.capacity)?;
        Ok(Self {
            title,
            description,
            kind,
            starts_at,
            ends_at,
            venue,
            postcode,
            online_url,
            capacity,
        })
    }
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

fn parse_capacity(raw: &str) -> AppResult<Option<i32>> {
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

/// Saves an event with its one slot, hosted by `host_id`. A postcode must be one we can
/// place, so the event can be found by distance.
pub async fn create_event<C>(db: &C, host_id: i32, new: NewEvent) -> AppResult<event::Model>
where
    C: ConnectionTrait + TransactionTrait,
{
    let coordinates: Option<Coordinates> = match &new.postcode {
        Some(postcode) if new.kind != EventKind::Online => Some(
            locate_postcode(db, postcode)
                .await?
                .ok_or_else(|| AppError::invalid("postcode", "We don't know where that postcode is. Check it, or leave it blank and describe the venue."))?,
        ),
        _ => None,
    };
    let now = Utc::now();
    let txn = begin_write(db).await?;
    let saved = event::ActiveModel {
        host_id: Set(host_id),
        slug: Set(slugify(&new.title)),
        title: Set(new.title),
        description: Set(new.description),
        kind: Set(new.kind.as_str().to_string()),
        venue: Set(new.venue),
        postcode: Set(new.postcode.map(|p| p.as_str().to_string())),
        latitude: Set(coordinates.map(|c| c.latitude)),
        longitude: Set(coordinates.map(|c| c.longitude)),
        online_url: Set(new.online_url),
        status: Set("published".to_string()),
        starts_at: Set(new.starts_at),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    event_slot::ActiveModel {
        event_id: Set(saved.id),
        label: Set(None),
        starts_at: Set(new.starts_at),
        ends_at: Set(new.ends_at),
        capacity: Set(new.capacity),
        confirmed_count: Set(0),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(saved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn form() -> NewEventForm {
        let date = (Utc::now() + Duration::days(10))
            .with_timezone(&London)
            .format("%Y-%m-%d")
            .to_string();
        NewEventForm {
            title: "Door knocking in Moss Side".into(),
            kind: "canvassing".into(),
            date,
            start_time: "10:00".into(),
            end_time: "12:30".into(),
            venue: "Community centre".into(),
            postcode: "m14 4pq".into(),
            capacity: "12".into(),
            ..Default::default()
        }
    }

    fn field_of(form: &NewEventForm) -> String {
        match NewEvent::parse(form, Utc::now()).unwrap_err() {
            AppError::Invalid { field, .. } => field,
            other => panic!("not a field error: {other:?}"),
        }
    }

    #[test]
    fn a_complete_form_parses_in_london_time() {
        let event = NewEvent::parse(&form(), Utc::now()).unwrap();
        assert_eq!(event.capacity, Some(12));
        assert_eq!(event.postcode.unwrap().as_str(), "M14 4PQ");
        assert_eq!(
            event
                .starts_at
                .with_timezone(&London)
                .format("%H:%M")
                .to_string(),
            "10:00"
        );
    }

    #[test]
    fn bad_input_names_the_field() {
        let mut past = form();
        past.date = "2020-01-01".into();
        assert_eq!(field_of(&past), "start_time");
        let mut backwards = form();
        backwards.end_time = "09:00".into();
        assert_eq!(field_of(&backwards), "end_time");
        let mut no_places = form();
        no_places.capacity = "0".into();
        assert_eq!(field_of(&no_places), "capacity");
        let mut long = form();
        long.title = "x".repeat(121);
        assert_eq!(field_of(&long), "title");
        let mut nowhere = form();
        nowhere.venue.clear();
        nowhere.postcode.clear();
        assert_eq!(field_of(&nowhere), "venue");
        let mut bad_postcode = form();
        bad_postcode.postcode = "NOPE".into();
        assert_eq!(field_of(&bad_postcode), "postcode");
        let mut online = form();
        online.kind = "online".into();
        assert_eq!(field_of(&online), "online_url");
    }
}
