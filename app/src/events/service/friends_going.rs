//! Friends going: the viewer's friends' confirmed sign-ups, under people's rule of whose
//! attendance may be seen (`people::service::going`, the only source of friend ids here).

use crate::{
    error::AppResult,
    events::{
        entity::{event, signup},
        model::{event_path, SignUpStatus},
    },
    format::format_when,
    people::{
        model::{ActivityItem, FriendsGoing},
        service::going::{list_sharing_friends, sharing_friend_ids_of},
    },
};
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{HashMap, HashSet};

/// The viewer's friends (with whom they have been to an event) among `friends`: they count
/// more in suggestions and are named first.
pub async fn list_close_friends(
    db: &impl ConnectionTrait,
    viewer: i32,
    friends: &HashMap<i32, String>,
) -> AppResult<HashSet<i32>> {
    if friends.is_empty() {
        return Ok(HashSet::new());
    }
    let past_slots: Vec<i32> = signup::Entity::find()
        .filter(signup::Column::PersonId.eq(viewer))
        .filter(signup::Column::Status.eq(SignUpStatus::Confirmed))
        .filter(signup::Column::StartsAt.lt(Utc::now()))
        .select_only()
        .column(signup::Column::SlotId)
        .into_tuple()
        .all(db)
        .await?;
    close_friends_at(db, viewer, past_slots).await
}

/// The viewer's sharing friends who were confirmed at any of `past_slots` (slots the viewer
/// went to): their close friends.
pub async fn close_friends_at(
    db: &impl ConnectionTrait,
    viewer: i32,
    past_slots: Vec<i32>,
) -> AppResult<HashSet<i32>> {
    if past_slots.is_empty() {
        return Ok(HashSet::new());
    }
    let close: Vec<Option<i32>> = signup::Entity::find()
        .filter(signup::Column::SlotId.is_in(past_slots))
        .filter(signup::Column::PersonId.in_subquery(sharing_friend_ids_of(viewer)))
        .filter(signup::Column::Status.eq(SignUpStatus::Confirmed))
        .select_only()
        .column(signup::Column::PersonId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(close.into_iter().flatten().collect())
}

/// For each event, the viewer's sharing friends confirmed to go (close friends first).
pub async fn friends_going_to_events(
    db: &impl ConnectionTrait,
    viewer: i32,
    event_ids: &[i32],
) -> AppResult<HashMap<i32, FriendsGoing>> {
    let friends = list_sharing_friends(db, viewer).await?;
    if friends.is_empty() || event_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i32, Option<i32>)> = signup::Entity::find()
        .filter(signup::Column::EventId.is_in(event_ids.iter().copied()))
        .filter(signup::Column::PersonId.in_subquery(sharing_friend_ids_of(viewer)))
        .filter(signup::Column::Status.eq(SignUpStatus::Confirmed))
        .select_only()
        .column(signup::Column::EventId)
        .column(signup::Column::PersonId)
        .into_tuple()
        .all(db)
        .await?;
    let close = list_close_friends(db, viewer, &friends).await?;
    let mut by_event: HashMap<i32, Vec<i32>> = HashMap::new();
    for (event_id, person_id) in rows {
        // The friends were read before the sign-ups: someone who became a sharing friend
        // in between is left out rather than looked up in a map that lacks them.
        let Some(person_id) = person_id.filter(|id| friends.contains_key(id)) else {
            continue;
        };
        let list = by_event.entry(event_id).or_default();
        if !list.contains(&person_id) {
            list.push(person_id);
        }
    }
    Ok(by_event
        .into_iter()
        .filter_map(|(event_id, mut people)| {
            let name = |id: &i32| friends.get(id).cloned().unwrap_or_default();
            people.sort_by_key(|id| (!close.contains(id), name(id)));
            let names = people.iter().map(name).collect();
            FriendsGoing::from_names(names).map(|going| (event_id, going))
        })
        .collect())
}

/// The viewer's friends' latest sign-ups to upcoming events, newest first.
pub async fn list_friends_activity(
    db: &impl ConnectionTrait,
    viewer: i32,
    limit: u64,
) -> AppResult<Vec<ActivityItem>> {
    let friends = list_sharing_friends(db, viewer).await?;
    if friends.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(Option<i32>, i32, chrono::DateTime<Utc>)> = signup::Entity::find()
        .filter(signup::Column::PersonId.in_subquery(sharing_friend_ids_of(viewer)))
        .filter(signup::Column::Status.eq(SignUpStatus::Confirmed))
        .filter(signup::Column::StartsAt.gt(Utc::now()))
        .order_by_desc(signup::Column::CreatedAt)
        .limit(limit)
        .select_only()
        .column(signup::Column::PersonId)
        .column(signup::Column::EventId)
        .column(signup::Column::StartsAt)
        .into_tuple()
        .all(db)
        .await?;
    let events: HashMap<i32, event::Model> = event::Entity::find()
        .filter(event::Column::Id.is_in(rows.iter().map(|r| r.1)))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    Ok(rows
        .into_iter()
        .filter_map(|(person_id, event_id, starts_at)| {
            let e = events.get(&event_id)?;
            Some(ActivityItem {
                friend_name: friends.get(&person_id?)?.clone(),
                event_title: e.title.clone(),
                event_path: event_path(e.id, &e.slug),
                when: format_when(starts_at),
            })
        })
        .collect())
}
