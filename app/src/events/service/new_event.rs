//! Saving a new event with its dates and shifts.

use super::event_form::{EventDetails, NewEvent};
use crate::{
    db::begin_write,
    error::{AppError, AppResult},
    events::{
        entity::{event, event_slot},
        model::{slugify, EventKind, EventStatus},
    },
    places::{model::Coordinates, service::lookup::locate_postcode},
};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set, TransactionSession, TransactionTrait};

/// Whether an event is listed at once or waits for staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publication {
    Published,
    AwaitingApproval,
}

/// Where an in-person event is, from its postcode; None for online events or no postcode.
/// A postcode must be one we can place, so the event can be found by distance.
pub async fn locate_event(
    db: &impl ConnectionTrait,
    new: &EventDetails,
) -> AppResult<Option<Coordinates>> {
    match &new.postcode {
        Some(postcode) if new.kind != EventKind::Online => Ok(Some(
            locate_postcode(db, postcode).await?.ok_or_else(|| {
                AppError::invalid(
                    "postcode",
                    "We don't know where that postcode is. Check it, or leave it blank and describe the venue.",
                )
            })?,
        )),
        _ => Ok(None),
    }
}

/// Saves an event with one slot per date and shift, hosted by `host_id`, on behalf of
/// `group_id` if given (the caller has checked the host organises it).
pub async fn create_event<C>(
    db: &C,
    host_id: i32,
    new: NewEvent,
    publication: Publication,
    group_id: Option<i32>,
) -> AppResult<event::Model>
where
    C: ConnectionTrait + TransactionTrait,
{
    let coordinates = locate_event(db, &new.details).await?;
    let now = Utc::now();
    let status = match publication {
        Publication::Published => EventStatus::Published,
        Publication::AwaitingApproval => EventStatus::Pending,
    };
    let txn = begin_write(db).await?;
    let saved = event::ActiveModel {
        host_id: Set(host_id),
        slug: Set(slugify(&new.details.title)),
        title: Set(new.details.title.clone()),
        description: Set(new.details.description.clone()),
        kind: Set(new.details.kind),
        venue: Set(new.details.venue.clone()),
        postcode: Set(new
            .details
            .postcode
            .as_ref()
            .map(|p| p.as_str().to_string())),
        latitude: Set(coordinates.map(|c| c.latitude)),
        longitude: Set(coordinates.map(|c| c.longitude)),
        place_cell: Set(coordinates.map(|c| c.place_cell())),
        online_url: Set(new.details.online_url.clone()),
        status: Set(status),
        group_id: Set(group_id),
        starts_at: Set(new.starts_at()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for slot in &new.slots {
        event_slot::ActiveModel {
            event_id: Set(saved.id),
            label: Set(slot.label.clone()),
            starts_at: Set(slot.starts_at),
            ends_at: Set(slot.ends_at),
            capacity: Set(new.details.capacity),
            confirmed_count: Set(0),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(saved)
}
