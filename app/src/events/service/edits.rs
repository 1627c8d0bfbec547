//! Hosts changing an event after it is published: edit, cancel, and the form to duplicate.

use super::{
    cancellations::promote_from_waitlist,
    catalogue::slots_of,
    event_form::{EventDetails, NewEvent},
    hosts::event_for_host,
    messages::{send_to_recipients, Audience},
    new_event::locate_event,
    slot_fields::restamp_signups,
};
use crate::{
    auth::model::PersonView,
    db::begin_write,
    error::{AppError, AppResult},
    events::{
        entity::{event, event_slot},
        model::{slugify, EventForm, EventStatus},
    },
    format::format_time_range,
    validate::bounded_text,
};
use chrono::{DateTime, Utc};
use chrono_tz::Europe::London;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};

/// The event as its form, for editing it or (with `for_copy`, dates left blank) for
/// starting a new event from it. Hosts and staff only.
pub async fn event_form(
    db: &impl ConnectionTrait,
    event_id: i32,
    viewer: &PersonView,
    for_copy: bool,
) -> AppResult<EventForm> {
    let found = event_for_host(db, event_id, viewer).await?;
    let slots = slots_of(db, event_id).await?;
    let first = slots.first().ok_or(AppError::NotFound)?;
    let london =
        |at: DateTime<Utc>, pattern: &str| at.with_timezone(&London).format(pattern).to_string();
    let shifts_on_first_day: Vec<String> = slots
        .iter()
        .filter(|s| s.label.is_some() && london(s.starts_at, "%F") == london(first.starts_at, "%F"))
        .map(|s| {
            format!(
                "{}-{} {}",
                london(s.starts_at, "%H:%M"),
                london(s.ends_at, "%H:%M"),
                s.label.as_deref().unwrap_or_default()
            )
        })
        .collect();
    Ok(EventForm {
        title: found.title,
        description: found.description,
        kind: found.kind.as_str().to_string(),
        date: if for_copy {
            String::new()
        } else {
            london(first.starts_at, "%F")
        },
        start_time: london(first.starts_at, "%H:%M"),
        end_time: london(first.ends_at, "%H:%M"),
        venue: found.venue.unwrap_or_default(),
        postcode: found.postcode.unwrap_or_default(),
        online_url: found.online_url.unwrap_or_default(),
        capacity: first.capacity.map(|c| c.to_string()).unwrap_or_default(),
        shifts: if for_copy {
            shifts_on_first_day.join("\n")
        } else {
            String::new()
        },
        ..Default::default()
    })
}

/// Saves a host's changes. The date and times change only for an event with a single
/// date; places can drop no lower than the people already confirmed, and extra places go
/// to the waitlist at once. Everyone signed up is told when the time or place changes.
pub async fn update_event<C>(
    db: &C,
    event_id: i32,
    viewer: &PersonView,
    form: &EventForm,
    now: DateTime<Utc>,
    public_url: &str,
) -> AppResult<event::Model>
where
    C: ConnectionTrait + TransactionTrait,
{
    let found = event_for_host(db, event_id, viewer).await?;
    if found.status == EventStatus::Cancelled {
        return Err(AppError::conflict("A cancelled event cannot be changed."));
    }
    let details = EventDetails::parse(form)?;
    let coordinates = locate_event(db, &details).await?;
    let slots = slots_of(db, event_id).await?;
    let new_time = if slots.len() == 1 {
        let single = EventForm {
            repeat_weeks: String::new(),
            other_dates: String::new(),
            shifts: String::new(),
            ..form.clone()
        };
        NewEvent::parse(&single, now)?.slots.into_iter().next()
    } else {
        None
    };
    let moved = new_time
        .as_ref()
        .is_some_and(|t| t.starts_at != slots[0].starts_at || t.ends_at != slots[0].ends_at)
        || details.venue != found.venue
        || details.postcode.as_ref().map(|p| p.as_str()) != found.postcode.as_deref()
        || details.online_url != found.online_url;

    let txn = begin_write(db).await?;
    // Read again inside the write: a sign-up since the first read may have taken a place.
    let slots = slots_of(&txn, event_id).await?;
    for slot in &slots {
        if let Some(cap) = details.capacity.filter(|cap| *cap < slot.confirmed_count) {
            return Err(AppError::invalid(
                "capacity",
                format!(
                    "{} people already have a place on {}, so the places cannot go below that (you asked for {cap}).",
                    slot.confirmed_count,
                    format_time_range(slot.starts_at, slot.ends_at)
                ),
            ));
        }
    }
    let mut active: event::ActiveModel = found.clone().into();
    active.slug = Set(slugify(&details.title));
    active.title = Set(details.title.clone());
    active.description = Set(details.description.clone());
    active.kind = Set(details.kind);
    active.venue = Set(details.venue.clone());
    active.postcode = Set(details.postcode.as_ref().map(|p| p.as_str().to_string()));
    active.latitude = Set(coordinates.map(|c| c.latitude));
    active.longitude = Set(coordinates.map(|c| c.longitude));
    active.place_cell = Set(coordinates.map(|c| c.place_cell()));
    active.online_url = Set(details.online_url.clone());
    if let Some(time) = &new_time {
        active.starts_at = Set(time.starts_at);
    }
    active.updated_at = Set(Utc::now());
    let saved = active.update(&txn).await?;
    for slot in slots {
        // The guard is in the UPDATE too, so on PostgreSQL a sign-up committed since the
        // read above cannot leave more people than places.
        if let Some(cap) = details.capacity {
            let fits = event_slot::Entity::update_many()
                .col_expr(event_slot::Column::Capacity, cap.into())
                .filter(event_slot::Column::Id.eq(slot.id))
                .filter(event_slot::Column::ConfirmedCount.lte(cap))
                .exec(&txn)
                .await?;
            if fits.rows_affected != 1 {
                return Err(AppError::invalid(
                    "capacity",
                    "More people have just taken a place than that: raise the number of places.",
                ));
            }
        }
        let mut changed: event_slot::ActiveModel = slot.clone().into();
        changed.capacity = Set(details.capacity);
        if let Some(time) = &new_time {
            changed.starts_at = Set(time.starts_at);
            changed.ends_at = Set(time.ends_at);
        }
        let slot = changed.update(&txn).await?;
        restamp_signups(&txn, &slot).await?;
        while promote_from_waitlist(&txn, &slot, &saved, public_url).await? {}
    }
    if moved {
        send_to_recipients(
            &txn,
            &saved,
            Audience::ConfirmedAndWaitlist,
            &format!("Changed: {}", saved.title),
            "The time or place of this event has changed. Please check the details before you set off.",
            public_url,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(saved)
}

/// Cancels the event and emails everyone signed up, with the host's reason. Returns how
/// many were told.
pub async fn cancel_event<C>(
    db: &C,
    event_id: i32,
    viewer: &PersonView,
    reason: &str,
    public_url: &str,
) -> AppResult<usize>
where
    C: ConnectionTrait + TransactionTrait,
{
    let found = event_for_host(db, event_id, viewer).await?;
    if found.status == EventStatus::Cancelled {
        return Err(AppError::conflict("This event is already cancelled."));
    }
    let reason = bounded_text("reason", reason, 1000, false)?;
    let txn = begin_write(db).await?;
    let mut active: event::ActiveModel = found.clone().into();
    active.status = Set(EventStatus::Cancelled);
    active.updated_at = Set(Utc::now());
    let saved = active.update(&txn).await?;
    let body = if reason.is_empty() {
        "Sorry: this event has been cancelled.".to_string()
    } else {
        format!("Sorry: this event has been cancelled. The host says:\n\n{reason}")
    };
    let told = send_to_recipients(
        &txn,
        &saved,
        Audience::ConfirmedAndWaitlist,
        &format!("Cancelled: {}", saved.title),
        &body,
        public_url,
    )
    .await?;
    txn.commit().await?;
    tracing::info!(event_id, by = viewer.id, told, "event cancelled");
    Ok(told)
}
