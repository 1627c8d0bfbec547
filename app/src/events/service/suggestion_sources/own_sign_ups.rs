//! The person's own sign-ups, and the slots and cards of the leading candidates.

use crate::{
    error::AppResult,
    events::{
        entity::{event, event_slot, signup},
        model::{EventCard, SignUpStatus},
        service::catalogue::{cards_with_slots, slots_by_event},
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::{HashMap, HashSet};

/// The person's own sign-ups (not cancelled), read once for two uses.
pub struct OwnSignUps {
    /// Events they are signed up to or waiting for: not suggested to them.
    pub event_ids: HashSet<i32>,
    /// The slots of their confirmed places that have started: they find close friends.
    pub past_slots: Vec<i32>,
}

impl OwnSignUps {
    pub async fn read(
        db: &impl ConnectionTrait,
        person_id: i32,
        now: DateTime<Utc>,
    ) -> AppResult<Self> {
        let rows: Vec<(i32, i32, SignUpStatus, DateTime<Utc>)> = signup::Entity::find()
            .filter(signup::Column::PersonId.eq(person_id))
            .filter(signup::Column::Status.ne(SignUpStatus::Cancelled))
            .select_only()
            .columns([
                signup::Column::EventId,
                signup::Column::SlotId,
                signup::Column::Status,
                signup::Column::StartsAt,
            ])
            .into_tuple()
            .all(db)
            .await?;
        Ok(Self {
            event_ids: rows.iter().map(|row| row.0).collect(),
            past_slots: rows
                .into_iter()
                .filter(|(_, _, status, starts_at)| {
                    *status == SignUpStatus::Confirmed && *starts_at < now
                })
                .map(|(_, slot, _, _)| slot)
                .collect(),
        })
    }
}

/// The slots of the leading candidates, read once: their counts now, their cards later.
pub struct LeadingSlots(HashMap<i32, Vec<event_slot::Model>>);

impl LeadingSlots {
    pub async fn read(
        db: &impl ConnectionTrait,
        ids: impl IntoIterator<Item = i32>,
    ) -> AppResult<Self> {
        Ok(Self(slots_by_event(db, ids).await?))
    }

    /// Confirmed places across the event's slots.
    pub fn going(&self, event_id: i32) -> i32 {
        self.0
            .get(&event_id)
            .map_or(0, |s| s.iter().map(|slot| slot.confirmed_count).sum())
    }

    /// The cards of the events `ids`, in no particular order.
    pub async fn cards(self, db: &impl ConnectionTrait, ids: &[i32]) -> AppResult<Vec<EventCard>> {
        let rows = event::Entity::find()
            .filter(event::Column::Id.is_in(ids.iter().copied()))
            .all(db)
            .await?;
        cards_with_slots(db, rows, self.0).await
    }
}
