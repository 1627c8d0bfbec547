//! What events offers suggestions: the candidate events for one person. Each source
//! reads, in one query, just what ranking needs of an event, so no candidate is read
//! twice; the person's own sign-ups; and the leading candidates' slots and cards.

mod friends_at_event;
mod own_sign_ups;

use crate::{
    error::AppResult,
    events::{
        entity::{event, event_slot},
        model::{Candidate, EventStatus, NEAR_MILES},
        service::{friends_going::FriendPlace, in_box::in_box},
    },
    groups::service::{access::active_group_ids_of, lookups::group_names},
    places::model::Coordinates,
};
use chrono::{DateTime, Duration, Utc};
use friends_at_event::FriendsAtEvent;
pub use own_sign_ups::{LeadingSlots, OwnSignUps};
use sea_orm::{
    sea_query::JoinType, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, RelationTrait, Select,
};
use std::collections::{HashMap, HashSet};

/// Events looked at near the person's postcode.
const NEAR_CANDIDATES: u64 = 150;
/// How far ahead the first look for nearby events goes, in days.
const NEAR_FIRST_DAYS: i64 = 7;
/// Events friends are going to that are looked at: most friends first, then soonest.
const FRIEND_CANDIDATES: u64 = 200;
/// Events of the person's groups looked at, soonest first.
const GROUP_CANDIDATES: u64 = 100;

/// What ranking reads of an event, in `EventRow`'s order.
const CANDIDATE_COLUMNS: [event::Column; 5] = [
    event::Column::Id,
    event::Column::GroupId,
    event::Column::Latitude,
    event::Column::Longitude,
    event::Column::StartsAt,
];

/// An event as ranking sees it: id, group, latitude, longitude, start.
type EventRow = (i32, Option<i32>, Option<f64>, Option<f64>, DateTime<Utc>);

/// The same as `EventRow`, then the host.
type HostedEventRow = (
    i32,
    Option<i32>,
    Option<f64>,
    Option<f64>,
    DateTime<Utc>,
    i32,
);

/// An event friends are going to: who and when, and the event as ranking sees it.
pub struct FriendsEvent {
    at: FriendsAtEvent,
    row: EventRow,
}

/// Where and when candidates are measured from.
pub struct Viewer {
    pub person_id: i32,
    pub home: Option<Coordinates>,
    pub now: DateTime<Utc>,
}

impl Viewer {
    fn candidate(&self, (id, _group, latitude, longitude, starts_at): EventRow) -> Candidate {
        let miles = match (self.home, latitude, longitude) {
            (Some(home), Some(latitude), Some(longitude)) => Some(home.miles_to(&Coordinates {
                latitude,
                longitude,
            })),
            _ => None,
        };
        Candidate {
            event_id: id,
            friends: Vec::new(),
            miles,
            group: None,
            days_away: (starts_at - self.now).num_minutes() as f64 / (24.0 * 60.0),
            going: 0,
        }
    }

    /// Upcoming published events, not the person's own.
    fn upcoming(&self) -> Select<event::Entity> {
        event::Entity::find()
            .filter(event::Column::Status.eq(EventStatus::Published))
            .filter(event::Column::StartsAt.gt(self.now))
            .filter(event::Column::HostId.ne(self.person_id))
    }

    /// The events most of the person's sharing friends are going to (most friends first,
    /// then soonest), each with who they are, from their places (`read_friends_places`),
    /// grouped here: grouping in SQL cost more than moving the rows, on both databases
    /// (sessions 6 and 8). Then only the leading events are read, keeping the published
    /// ones that are not the person's own (so a few of the 200 may drop out rather than
    /// be replaced).
    pub async fn friends_events(
        &self,
        db: &impl ConnectionTrait,
        places: &[FriendPlace],
    ) -> Result<Vec<FriendsEvent>, DbErr> {
        let goings = places
            .iter()
            .map(|place| (place.event_id, place.friend_id, place.starts_at));
        let leading = FriendsAtEvent::leading(goings, FRIEND_CANDIDATES);
        let events: HashMap<i32, EventRow> = event::Entity::find()
            .filter(event::Column::Id.is_in(leading.iter().map(|e| e.event_id)))
            .filter(event::Column::Status.eq(EventStatus::Published))
            .filter(event::Column::HostId.ne(self.person_id))
            .select_only()
            .columns(CANDIDATE_COLUMNS)
            .into_tuple()
            .all(db)
            .await?
            .into_iter()
            .map(|row: EventRow| (row.0, row))
            .collect();
        Ok(leading
            .into_iter()
            .filter_map(|at| {
                Some(FriendsEvent {
                    row: *events.get(&at.event_id)?,
                    at,
                })
            })
            .collect())
    }

    /// A friends' event as a candidate, naming the friends (`friends`: id → name) and
    /// marking the close ones.
    pub fn friends_candidate(
        &self,
        going: FriendsEvent,
        friends: &HashMap<i32, String>,
        close: &HashSet<i32>,
    ) -> Candidate {
        // How soon: the next date a friend is going, not the event's first.
        let (id, group, lat, lon, _) = going.row;
        Candidate {
            friends: going
                .at
                .friend_ids
                .iter()
                .filter_map(|id| Some((friends.get(id)?.clone(), close.contains(id))))
                .collect(),
            ..self.candidate((id, group, lat, lon, going.at.next_start))
        }
    }

    /// The upcoming events of the person's groups, each with its group's name.
    pub async fn group_events(&self, db: &impl ConnectionTrait) -> AppResult<Vec<Candidate>> {
        let rows: Vec<EventRow> = self
            .upcoming()
            .filter(event::Column::GroupId.in_subquery(active_group_ids_of(self.person_id)))
            .select_only()
            .columns(CANDIDATE_COLUMNS)
            .order_by_asc(event::Column::StartsAt)
            .limit(GROUP_CANDIDATES)
            .into_tuple()
            .all(db)
            .await?;
        let names = group_names(db, rows.iter().filter_map(|row| row.1).collect()).await?;
        Ok(rows
            .into_iter()
            .map(|row| Candidate {
                group: row.1.and_then(|id| names.get(&id).cloned()),
                ..self.candidate(row)
            })
            .collect())
    }

    /// Events near the person's home, soonest first.
    pub async fn near_events(&self, db: &impl ConnectionTrait) -> Result<Vec<Candidate>, DbErr> {
        let Some(home) = self.home else {
            return Ok(Vec::new());
        };
        let bbox = home.bounding_box(NEAR_MILES);
        // Everything is read from the cell-and-time index alone, a week at a time: the 150
        // soonest of the coming week are the 150 soonest of all, so only a quiet place
        // looks further ahead. The person's own events are dropped here, after the limit
        // (in the query, they would be skipped in favour of later ones).
        let read = |until: Option<DateTime<Utc>>| {
            let mut query = event::Entity::find()
                .filter(event::Column::Status.eq(EventStatus::Published))
                .filter(event::Column::StartsAt.gt(self.now));
            if let Some(until) = until {
                query = query.filter(event::Column::StartsAt.lte(until));
            }
            in_box(query, &bbox)
                .order_by_asc(event::Column::StartsAt)
                .limit(NEAR_CANDIDATES)
                .select_only()
                .columns(CANDIDATE_COLUMNS)
                .column(event::Column::HostId)
                .into_tuple::<HostedEventRow>()
                .all(db)
        };
        let mut rows = read(Some(self.now + Duration::days(NEAR_FIRST_DAYS))).await?;
        if (rows.len() as u64) < NEAR_CANDIDATES {
            rows = read(None).await?;
        }
        Ok(rows
            .into_iter()
            .filter(|row| row.5 != self.person_id)
            .map(|(id, group, lat, lon, starts_at, _host)| {
                self.candidate((id, group, lat, lon, starts_at))
            })
            .collect())
    }

    /// Upcoming events with the most people going, for someone with nothing else to go on.
    pub async fn popular_events(
        &self,
        db: &impl ConnectionTrait,
        limit: u64,
    ) -> Result<Vec<Candidate>, DbErr> {
        let rows: Vec<EventRow> = event_slot::Entity::find()
            .join(JoinType::InnerJoin, event_slot::Relation::Event.def())
            .filter(event_slot::Column::StartsAt.gt(self.now))
            .filter(event::Column::Status.eq(EventStatus::Published))
            .filter(event::Column::HostId.ne(self.person_id))
            .order_by_desc(event_slot::Column::ConfirmedCount)
            .limit(limit)
            .select_only()
            .columns(CANDIDATE_COLUMNS)
            .into_tuple()
            .all(db)
            .await?;
        Ok(rows.into_iter().map(|row| self.candidate(row)).collect())
    }
}
