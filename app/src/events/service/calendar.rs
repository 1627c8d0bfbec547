//! Calendar files: an event as iCalendar ("Add to calendar"), and a person's own feed of
//! the events they signed up to, at a secret address their calendar app can subscribe to.

use super::catalogue::slots_of;
use crate::{
    auth::service::directory::{
        calendar_token_of, person_by_calendar_token, person_ref, set_calendar_token,
    },
    error::{AppError, AppResult},
    events::{
        entity::{event, event_slot, signup},
        model::{event_path, EventStatus, SignUpStatus},
    },
    tokens,
};
use chrono::{Duration, Utc};
use icalendar::{Calendar, Component, Event as CalendarEvent, EventLike};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// One VEVENT for one slot of an event. An online event's joining link is for people with
/// a place (`with_link`); everyone else sees "Online".
fn slot_entry(
    found: &event::Model,
    slot: &event_slot::Model,
    public_url: &str,
    with_link: bool,
) -> CalendarEvent {
    let url = format!(
        "{}{}",
        public_url.trim_end_matches('/'),
        event_path(found.id, &found.slug)
    );
    let place = match (&found.online_url, &found.venue, &found.postcode) {
        (Some(link), _, _) if with_link => link.clone(),
        (Some(_), _, _) => "Online".to_string(),
        (None, venue, postcode) => [venue.as_deref(), postcode.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", "),
    };
    let summary = match &slot.label {
        Some(label) => format!("{} ({label})", found.title),
        None => found.title.clone(),
    };
    CalendarEvent::new()
        .uid(&format!("event-{}-slot-{}@membersnet", found.id, slot.id))
        .summary(&summary)
        .description(&format!("{}\n\n{url}", found.description))
        .location(&place)
        .url(&url)
        .starts(slot.starts_at)
        .ends(slot.ends_at)
        .done()
}

/// The event's dates (one VEVENT per slot) as an .ics file. Events are public, so anyone
/// may have this; cancelled and unapproved events are not offered.
pub async fn event_ics(
    db: &impl ConnectionTrait,
    event_id: i32,
    public_url: &str,
) -> AppResult<String> {
    let found = event::Entity::find_by_id(event_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if found.status != EventStatus::Published {
        return Err(AppError::NotFound);
    }
    let slots = slots_of(db, event_id).await?;
    let mut calendar = Calendar::new();
    calendar.name("MembersNet");
    for slot in &slots {
        calendar.push(slot_entry(&found, slot, public_url, false));
    }
    Ok(calendar.done().to_string())
}

/// The person's calendar feed address, made on first asking; `renew` replaces the secret
/// so an old address stops working.
pub async fn feed_url(
    db: &impl ConnectionTrait,
    person_id: i32,
    renew: bool,
    public_url: &str,
) -> AppResult<String> {
    person_ref(db, person_id).await?.ok_or(AppError::NotFound)?;
    let token = match calendar_token_of(db, person_id).await? {
        Some(token) if !renew => token,
        _ => {
            let token = tokens::new_token();
            set_calendar_token(db, person_id, &token).await?;
            token
        }
    };
    Ok(format!(
        "{}/calendar/{token}.ics",
        public_url.trim_end_matches('/')
    ))
}

/// The feed behind a secret address: the person's places and waitlist places from the
/// last month on, cancelled events left out.
pub async fn person_feed_ics(
    db: &impl ConnectionTrait,
    token: &str,
    public_url: &str,
) -> AppResult<String> {
    let owner = person_by_calendar_token(db, token)
        .await?
        .ok_or(AppError::NotFound)?;
    let rows = signup::Entity::find()
        .filter(signup::Column::PersonId.eq(owner.id))
        .filter(signup::Column::Status.ne(SignUpStatus::Cancelled))
        .find_also_related(event_slot::Entity)
        .all(db)
        .await?;
    let since = Utc::now() - Duration::days(31);
    let slots: Vec<(event_slot::Model, bool)> = rows
        .into_iter()
        .filter_map(|(signup, slot)| Some((slot?, signup.status == SignUpStatus::Confirmed)))
        .filter(|(s, _)| s.ends_at > since)
        .collect();
    let events = event::Entity::find()
        .filter(event::Column::Id.is_in(slots.iter().map(|(s, _)| s.event_id)))
        .filter(event::Column::Status.eq(EventStatus::Published))
        .all(db)
        .await?;
    let mut calendar = Calendar::new();
    calendar.name("My MembersNet events");
    for (slot, confirmed) in &slots {
        if let Some(found) = events.iter().find(|e| e.id == slot.event_id) {
            calendar.push(slot_entry(found, slot, public_url, *confirmed));
        }
    }
    Ok(calendar.done().to_string())
}
