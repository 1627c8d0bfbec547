//! "My events": a person's own sign-ups, and the events they host or co-host.

use super::lookups::events_by_id;
use crate::{
    error::AppResult,
    events::{
        entity::{event, event_cohost, event_slot, signup},
        model::{event_path, HostedEventView, MyEventView, SignUpStatus},
    },
    format::{format_time_range, format_when},
};
use chrono::{Duration, Utc};
use sea_orm::{
    sea_query::Query, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

/// The events the person hosts, or co-hosts having accepted: upcoming soonest first, then
/// past most recent first.
pub async fn list_hosted_events(
    db: &impl ConnectionTrait,
    person_id: i32,
) -> AppResult<Vec<HostedEventView>> {
    let cohosted = Query::select()
        .column(event_cohost::Column::EventId)
        .from(event_cohost::Entity)
        .and_where(event_cohost::Column::PersonId.eq(person_id))
        .and_where(event_cohost::Column::AcceptedAt.is_not_null())
        .to_owned();
    let rows = event::Entity::find()
        .filter(
            Condition::any()
                .add(event::Column::HostId.eq(person_id))
                .add(event::Column::Id.in_subquery(cohosted)),
        )
        .order_by_asc(event::Column::StartsAt)
        .all(db)
        .await?;
    // An event stays "upcoming" on its day.
    let today = Utc::now() - Duration::hours(12);
    let (upcoming, mut past): (Vec<_>, Vec<_>) =
        rows.into_iter().partition(|e| e.starts_at >= today);
    past.reverse();
    Ok(upcoming
        .into_iter()
        .chain(past)
        .map(|e| HostedEventView {
            id: e.id,
            path: event_path(e.id, &e.slug),
            when: format_when(e.starts_at),
            role: if e.host_id == person_id {
                "Host"
            } else {
                "Co-host"
            }
            .to_string(),
            state: e.status.host_note().map(str::to_string),
            upcoming: e.starts_at >= today,
            title: e.title,
        })
        .collect())
}

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
