//! Gathers candidate events for one person and ranks them (`model::rank`).

use crate::{
    auth::entity::person,
    error::AppResult,
    events::{
        entity::{event, event_slot, signup},
        model::{EventStatus, SignUpStatus},
        service::catalogue::cards_for,
    },
    groups::{entity::group, service::access::active_group_ids_of},
    people::service::going::{list_close_friends, list_sharing_friends, sharing_friend_ids_of},
    places::{model::Coordinates, service::lookup::locate_postcode},
    suggest::model::{rank, Candidate, SuggestionView, SuggestionsView, NEAR_MILES},
    validate::PostcodeUk,
};
use chrono::Utc;
use sea_orm::{
    sea_query::{Expr, JoinType},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, RelationTrait,
};
use std::collections::{HashMap, HashSet};

/// Events looked at near the person's postcode.
const NEAR_CANDIDATES: u64 = 150;
/// Events friends are going to that are looked at: most friends first, then soonest.
const FRIEND_CANDIDATES: u64 = 200;

/// What ranking reads of an event, in `CandidateRow`'s order.
const CANDIDATE_COLUMNS: [event::Column; 5] = [
    event::Column::Id,
    event::Column::GroupId,
    event::Column::Latitude,
    event::Column::Longitude,
    event::Column::StartsAt,
];

/// An event as ranking sees it: id, group, latitude, longitude, start.
type CandidateRow = (
    i32,
    Option<i32>,
    Option<f64>,
    Option<f64>,
    chrono::DateTime<Utc>,
);

/// An event friends are going to, as ranking sees it, with how many friends.
type FriendCandidateRow = (
    i32,
    Option<i32>,
    Option<f64>,
    Option<f64>,
    chrono::DateTime<Utc>,
    i64,
);

/// The person's suggestions, best first.
pub async fn get_suggestions(
    db: &impl ConnectionTrait,
    person_id: i32,
    limit: usize,
) -> AppResult<SuggestionsView> {
    let now = Utc::now();
    let friends = list_sharing_friends(db, person_id).await?;
    let close = list_close_friends(db, person_id, &friends).await?;
    let home = home_of(db, person_id).await?;
    let mine = events_signed_up_to(db, person_id).await?;

    // Friends going: the upcoming published events (not the person's own) that most of
    // their sharing friends are confirmed for, counted in SQL, then who those are.
    let mut going: HashMap<i32, Vec<(String, i32)>> = HashMap::new();
    let mut events: HashMap<i32, CandidateRow> = HashMap::new();
    if !friends.is_empty() {
        let friends_signups = || {
            signup::Entity::find()
                .inner_join(event_slot::Entity)
                .filter(signup::Column::PersonId.in_subquery(sharing_friend_ids_of(person_id)))
                .filter(signup::Column::Status.eq(SignUpStatus::Confirmed.as_str()))
                .filter(event_slot::Column::StartsAt.gt(now))
        };
        let counted = friends_signups()
            .join(JoinType::InnerJoin, event_slot::Relation::Event.def())
            .filter(event::Column::Status.eq(EventStatus::Published.as_str()))
            .filter(event::Column::HostId.ne(person_id))
            .select_only()
            .columns(CANDIDATE_COLUMNS)
            .column_as(Expr::cust("COUNT(DISTINCT signups.person_id)"), "friends");
        let leading: Vec<FriendCandidateRow> = CANDIDATE_COLUMNS
            .into_iter()
            .fold(counted, |query, column| query.group_by(column))
            .order_by_desc(Expr::cust("friends"))
            .order_by_asc(event::Column::StartsAt)
            .limit(FRIEND_CANDIDATES)
            .into_tuple()
            .all(db)
            .await?;
        for (event_id, group_id, latitude, longitude, starts_at, _) in &leading {
            events.insert(
                *event_id,
                (*event_id, *group_id, *latitude, *longitude, *starts_at),
            );
        }
        let pairs: Vec<(i32, Option<i32>)> = friends_signups()
            .filter(event_slot::Column::EventId.is_in(events.keys().copied()))
            .select_only()
            .column(event_slot::Column::EventId)
            .column(signup::Column::PersonId)
            .into_tuple()
            .all(db)
            .await?;
        for (event_id, person) in pairs {
            let Some(person) = person else { continue };
            let list = going.entry(event_id).or_default();
            if let Some(name) = friends
                .get(&person)
                .filter(|_| !list.iter().any(|(_, p)| *p == person))
            {
                list.push((name.clone(), person));
            }
        }
    }
    // The person's groups' upcoming events.
    let group_events: Vec<(i32, Option<i32>)> = event::Entity::find()
        .filter(event::Column::GroupId.in_subquery(active_group_ids_of(person_id)))
        .filter(event::Column::StartsAt.gt(now))
        .select_only()
        .columns([event::Column::Id, event::Column::GroupId])
        .limit(100)
        .into_tuple()
        .all(db)
        .await?;
    // Events near home, soonest first.
    let mut near_ids: Vec<i32> = Vec::new();
    if let Some(home) = home {
        let bbox = home.bounding_box(NEAR_MILES);
        near_ids = event::Entity::find()
            .filter(event::Column::Status.eq(EventStatus::Published.as_str()))
            .filter(event::Column::StartsAt.gt(now))
            .filter(event::Column::Latitude.between(bbox.min_latitude, bbox.max_latitude))
            .filter(event::Column::Longitude.between(bbox.min_longitude, bbox.max_longitude))
            .order_by_asc(event::Column::StartsAt)
            .limit(NEAR_CANDIDATES)
            .select_only()
            .column(event::Column::Id)
            .into_tuple()
            .all(db)
            .await?;
    }
    // Other candidates (the person's groups', near home, popular): a few hundred at most.
    let mut ids: HashSet<i32> = group_events.iter().map(|(id, _)| *id).collect();
    ids.extend(near_ids);
    if friends.is_empty() && ids.len() < limit {
        ids.extend(popular_upcoming(db, limit as u64 * 2).await?);
    }
    ids.retain(|id| !events.contains_key(id));
    if !ids.is_empty() {
        let rows: Vec<CandidateRow> = event::Entity::find()
            .filter(event::Column::Id.is_in(ids.iter().copied()))
            .filter(event::Column::Status.eq(EventStatus::Published.as_str()))
            .filter(event::Column::StartsAt.gt(now))
            .filter(event::Column::HostId.ne(person_id))
            .select_only()
            .columns(CANDIDATE_COLUMNS)
            .into_tuple()
            .all(db)
            .await?;
        events.extend(rows.into_iter().map(|row| (row.0, row)));
    }
    events.retain(|id, _| !mine.contains(id));
    let events: Vec<CandidateRow> = events.into_values().collect();
    let group_names = names_of_groups(db, events.iter().filter_map(|e| e.1)).await?;
    let mut candidates: Vec<Candidate> = events
        .iter()
        .map(
            |&(id, group_id, latitude, longitude, starts_at)| Candidate {
                event_id: id,
                friends: going
                    .get(&id)
                    .map(|list| {
                        list.iter()
                            .map(|(name, p)| (name.clone(), close.contains(p)))
                            .collect()
                    })
                    .unwrap_or_default(),
                miles: match (home, latitude, longitude) {
                    (Some(home), Some(latitude), Some(longitude)) => {
                        Some(home.miles_to(&Coordinates {
                            latitude,
                            longitude,
                        }))
                    }
                    _ => None,
                },
                group: group_events
                    .iter()
                    .any(|(event_id, _)| *event_id == id)
                    .then(|| group_id.and_then(|g| group_names.get(&g).cloned()))
                    .flatten(),
                days_away: (starts_at - now).num_minutes() as f64 / (24.0 * 60.0),
                going: 0,
            },
        )
        .collect();
    // Popularity only breaks ties: counted for the leading few, then ranked again.
    let leading: Vec<i32> = rank(&candidates, limit * 3)
        .iter()
        .map(|r| r.event_id)
        .collect();
    candidates.retain(|c| leading.contains(&c.event_id));
    let counts = going_counts(db, leading.iter().copied()).await?;
    for c in &mut candidates {
        c.going = counts.get(&c.event_id).copied().unwrap_or(0);
    }
    let ranked = rank(&candidates, limit);
    let order: Vec<i32> = ranked.iter().map(|r| r.event_id).collect();
    let rows = event::Entity::find()
        .filter(event::Column::Id.is_in(order.iter().copied()))
        .all(db)
        .await?;
    let mut cards: HashMap<i32, _> = cards_for(db, rows)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    Ok(SuggestionsView {
        items: ranked
            .into_iter()
            .filter_map(|r| {
                Some(SuggestionView {
                    card: cards.remove(&r.event_id)?,
                    reason: r.reason,
                })
            })
            .collect(),
        has_friends: !friends.is_empty(),
        has_postcode: home.is_some(),
    })
}

async fn home_of(db: &impl ConnectionTrait, person_id: i32) -> AppResult<Option<Coordinates>> {
    let postcode = person::Entity::find_by_id(person_id)
        .one(db)
        .await?
        .and_then(|p| p.postcode)
        .and_then(|raw| PostcodeUk::parse("postcode", &raw).ok());
    match postcode {
        Some(postcode) => locate_postcode(db, &postcode).await,
        None => Ok(None),
    }
}

/// Events the person is signed up to or waiting for.
async fn events_signed_up_to(db: &impl ConnectionTrait, person_id: i32) -> AppResult<HashSet<i32>> {
    let ids: Vec<i32> = signup::Entity::find()
        .inner_join(event_slot::Entity)
        .filter(signup::Column::PersonId.eq(person_id))
        .filter(signup::Column::Status.ne(SignUpStatus::Cancelled.as_str()))
        .select_only()
        .column(event_slot::Column::EventId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(ids.into_iter().collect())
}

/// Upcoming published events with the most people going.
async fn popular_upcoming(db: &impl ConnectionTrait, limit: u64) -> AppResult<Vec<i32>> {
    Ok(event_slot::Entity::find()
        .filter(event_slot::Column::StartsAt.gt(Utc::now()))
        .order_by_desc(event_slot::Column::ConfirmedCount)
        .limit(limit)
        .select_only()
        .column(event_slot::Column::EventId)
        .into_tuple()
        .all(db)
        .await?)
}

/// People confirmed for each event, over its slots.
async fn going_counts(
    db: &impl ConnectionTrait,
    ids: impl Iterator<Item = i32>,
) -> AppResult<HashMap<i32, i32>> {
    let rows: Vec<(i32, i32)> = event_slot::Entity::find()
        .filter(event_slot::Column::EventId.is_in(ids))
        .select_only()
        .columns([
            event_slot::Column::EventId,
            event_slot::Column::ConfirmedCount,
        ])
        .into_tuple()
        .all(db)
        .await?;
    let mut counts = HashMap::new();
    for (id, n) in rows {
        *counts.entry(id).or_insert(0) += n;
    }
    Ok(counts)
}

async fn names_of_groups(
    db: &impl ConnectionTrait,
    ids: impl Iterator<Item = i32>,
) -> AppResult<HashMap<i32, String>> {
    let rows: Vec<(i32, String)> = group::Entity::find()
        .filter(group::Column::Id.is_in(ids))
        .select_only()
        .columns([group::Column::Id, group::Column::Name])
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}
