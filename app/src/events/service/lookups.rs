//! What other domains ask of events about one event or a group's events: enough to name
//! and link them. Events' tables stay private to events.

use crate::events::entity::event;
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

/// An event as other domains see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRef {
    pub id: i32,
    pub group_id: Option<i32>,
    pub slug: String,
    pub title: String,
    pub starts_at: DateTime<Utc>,
}

impl From<event::Model> for EventRef {
    fn from(e: event::Model) -> Self {
        Self {
            id: e.id,
            group_id: e.group_id,
            slug: e.slug,
            title: e.title,
            starts_at: e.starts_at,
        }
    }
}

/// The event `id`, if there is one.
pub async fn event_ref(db: &impl ConnectionTrait, id: i32) -> Result<Option<EventRef>, DbErr> {
    Ok(event::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(EventRef::from))
}

/// Up to `limit` of the group's events starting from `now`, soonest first, whatever their
/// status (an organiser may mention a draft in a message they are still writing).
pub async fn upcoming_events_of_group(
    db: &impl ConnectionTrait,
    group_id: i32,
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<EventRef>, DbErr> {
    Ok(event::Entity::find()
        .filter(event::Column::GroupId.eq(group_id))
        .filter(event::Column::StartsAt.gte(now))
        .order_by_asc(event::Column::StartsAt)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(EventRef::from)
        .collect())
}

/// The events `ids`, by id: one query for a batch of sign-ups' events (events' own use).
pub(in crate::events) async fn events_by_id(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<std::collections::HashMap<i32, event::Model>, DbErr> {
    Ok(event::Entity::find()
        .filter(event::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect())
}
