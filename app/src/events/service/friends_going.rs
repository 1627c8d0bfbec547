//! Friends going: the viewer's friends' confirmed sign-ups, under people's rule of whose
//! attendance may be seen (`people::service::going`, the only source of friend ids here).

use crate::{
    db::packed::{read_packed, Packed},
    error::AppResult,
    events::{
        entity::{event, signup},
        model::{event_path, EventStatus, SignUpStatus},
    },
    format::format_when,
    people::{
        model::{ActivityItem, FriendsGoing},
        service::going::{list_sharing_friends, sharing_friend_ids_of},
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};
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
    if event_ids.is_empty() {
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
    // Most events have no friend going: then their names and who is close do not matter.
    if rows.is_empty() {
        return Ok(HashMap::new());
    }
    let friends = list_sharing_friends(db, viewer).await?;
    let close = list_close_friends(db, viewer, &friends).await?;
    let mut by_event: HashMap<i32, Vec<i32>> = HashMap::new();
    for (event_id, person_id) in rows {
        // The friends are read after the sign-ups: someone who stopped sharing in between
        // is left out rather than looked up in a map that lacks them.
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

/// A sharing friend's confirmed place at an upcoming event: read once for a person's
/// suggestions, and on the home page for their friends' activity too.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FriendPlace {
    pub event_id: i32,
    pub friend_id: i32,
    pub starts_at: DateTime<Utc>,
    pub signed_up_at: DateTime<Utc>,
}

/// A place as packed: event, person (never a guest's place: the filter names people),
/// start, when they signed up.
const PLACE_COLUMNS: [Packed<signup::Column>; 4] = [
    Packed::Int(signup::Column::EventId),
    Packed::Int(signup::Column::PersonId),
    Packed::Time(signup::Column::StartsAt),
    Packed::Time(signup::Column::CreatedAt),
];

/// The viewer's sharing friends' confirmed places at slots starting after `now`, from the
/// sign-ups index alone (one range per friend: each sign-up carries its event and start).
/// About a thousand rows for a person with fifty friends: read as one packed value
/// (`db::packed`), which costs a fraction of moving them one by one.
pub async fn read_friends_places(
    db: &impl ConnectionTrait,
    viewer: i32,
    now: DateTime<Utc>,
) -> Result<Vec<FriendPlace>, DbErr> {
    let places = signup::Entity::find()
        .filter(signup::Column::PersonId.in_subquery(sharing_friend_ids_of(viewer)))
        .filter(signup::Column::Status.eq(SignUpStatus::Confirmed))
        .filter(signup::Column::StartsAt.gt(now));
    read_packed(db, places, PLACE_COLUMNS)
        .await?
        .records()
        .map(|mut place| {
            Ok(FriendPlace {
                event_id: place.int()?,
                friend_id: place.int()?,
                starts_at: place.time()?,
                signed_up_at: place.time()?,
            })
        })
        .collect()
}

/// The friends' latest sign-ups among `places` to published events, newest first: at
/// most `limit`, naming only friends in `friends` (id → name; read before the places, so
/// someone who became a sharing friend in between is left out). Events are looked up a
/// batch at a time, so one no longer published gives its place to the next sign-up.
pub async fn friends_activity(
    db: &impl ConnectionTrait,
    places: &[FriendPlace],
    friends: &HashMap<i32, String>,
    limit: usize,
) -> AppResult<Vec<ActivityItem>> {
    let mut latest: Vec<(&FriendPlace, &String)> = places
        .iter()
        .filter_map(|place| Some((place, friends.get(&place.friend_id)?)))
        .collect();
    latest.sort_by(|(a, _), (b, _)| {
        (b.signed_up_at, b.event_id, b.friend_id).cmp(&(a.signed_up_at, a.event_id, a.friend_id))
    });
    let mut items = Vec::new();
    let mut rest = latest.as_slice();
    while items.len() < limit && !rest.is_empty() {
        let (batch, later) = rest.split_at((limit - items.len()).min(rest.len()));
        rest = later;
        let events = published_titles(db, batch.iter().map(|(place, _)| place.event_id)).await?;
        items.extend(batch.iter().filter_map(|(place, name)| {
            let (title, slug) = events.get(&place.event_id)?;
            Some(ActivityItem {
                friend_name: (*name).clone(),
                event_title: title.clone(),
                event_path: event_path(place.event_id, slug),
                when: format_when(place.starts_at),
            })
        }));
    }
    Ok(items)
}

/// The title and slug of each of these events that is published.
async fn published_titles(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, (String, String)>, DbErr> {
    Ok(event::Entity::find()
        .filter(event::Column::Id.is_in(ids))
        .filter(event::Column::Status.eq(EventStatus::Published))
        .select_only()
        .columns([event::Column::Id, event::Column::Title, event::Column::Slug])
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, title, slug): (i32, String, String)| (id, (title, slug)))
        .collect())
}
