//! "My events": a person's own sign-ups.

use super::lookups::events_by_id;
use crate::{
    error::AppResult,
    events::{
        entity::{event_slot, signup},
        model::{event_path, MyEventView, SignUpStatus},
    },
    format::format_time_range,
};
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// The person's sign-ups that are not cancelled, upcoming first then past.
pub async fn list_events_for_person(
    db: &impl ConnectionTrait,
    person_id: i32,
) -> AppResult<Vec<MyEventView>> {
    let rows = signup::Entity::find()
        .filter(signup::Column::PersonId.eq(person_id))
        .filter(signup::Column::Status.ne(SignUpStatus::Cancelled))
        .find_also_related(event_slot::Entity)
        .all(db)
        .await?;
    // One query for every event, not one per sign-up.
    let events = events_by_id(
        db,
        rows.iter()
            .filter_map(|(_, slot)| slot.as_ref().map(|s| s.event_id)),
    )
    .await?;
    let now = Utc::now();
    let mut views = Vec::new();
    for (row, slot) in rows {
        let Some(slot) = slot else { continue };
        let Some(event) = events.get(&slot.event_id) else {
            continue;
        };
        views.push((
            slot.starts_at,
            MyEventView {
                signup_id: row.id,
                path: event_path(event.id, &event.slug),
                title: event.title.clone(),
                when: format_time_range(slot.starts_at, slot.ends_at),
                status: row.status,
                upcoming: slot.ends_at >= now,
            },
        ));
    }
    // Upcoming soonest first, then past most recent first.
    views.sort_by(|(a_start, a), (b_start, b)| {
        b.upcoming.cmp(&a.upcoming).then_with(|| {
            if a.upcoming {
                a_start.cmp(b_start)
            } else {
                b_start.cmp(a_start)
            }
        })
    });
    Ok(views.into_iter().map(|(_, v)| v).collect())
}
