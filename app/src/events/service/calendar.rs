//! Calendar files: an event as iCalendar, for "Add to calendar".

use crate::{
    error::{AppError, AppResult},
    events::{
        entity::{event, event_slot},
        model::event_path,
    },
};
use icalendar::{Calendar, Component, Event as CalendarEvent, EventLike};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// The event's dates (one VEVENT per slot) as an .ics file. Events are public, so anyone
/// may have this; cancelled events are not offered.
pub async fn event_ics(
    db: &impl ConnectionTrait,
    event_id: i32,
    public_url: &str,
) -> AppResult<String> {
    let found = event::Entity::find_by_id(event_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if found.status != "published" {
        return Err(AppError::NotFound);
    }
    let slots = event_slot::Entity::find()
        .filter(event_slot::Column::EventId.eq(event_id))
        .order_by_asc(event_slot::Column::StartsAt)
        .all(db)
        .await?;
    let url = format!(
        "{}{}",
        public_url.trim_end_matches('/'),
        event_path(found.id, &found.slug)
    );
    let place = match (&found.online_url, &found.venue, &found.postcode) {
        (Some(link), _, _) => link.clone(),
        (None, venue, postcode) => [venue.as_deref(), postcode.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", "),
    };
    let mut calendar = Calendar::new();
    calendar.name("MembersNet");
    for slot in slots {
        let entry = CalendarEvent::new()
            .uid(&format!("event-{}-slot-{}@membersnet", found.id, slot.id))
            .summary(&found.title)
            .description(&format!("{}\n\n{url}", found.description))
            .location(&place)
            .url(&url)
            .starts(slot.starts_at)
            .ends(slot.ends_at)
            .done();
        calendar.push(entry);
    }
    Ok(calendar.done().to_string())
}
