//! Events run on behalf of a group, for its page.

use super::catalogue::cards_for;
use crate::{
    error::AppResult,
    events::{
        entity::event,
        model::{EventCard, EventStatus},
    },
};
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

/// The group's upcoming published events, soonest first.
pub async fn list_upcoming_events_of_group(
    db: &impl ConnectionTrait,
    group_id: i32,
    limit: u64,
) -> AppResult<Vec<EventCard>> {
    let rows = event::Entity::find()
        .filter(event::Column::GroupId.eq(group_id))
        .filter(event::Column::Status.eq(EventStatus::Published))
        .filter(event::Column::StartsAt.gte(Utc::now()))
        .order_by_asc(event::Column::StartsAt)
        .limit(limit)
        .all(db)
        .await?;
    cards_for(db, rows).await
}
