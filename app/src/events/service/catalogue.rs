//! Finding events: the upcoming list, and one event's page (`event_page`).

mod event_page;

pub use event_page::get_event_detail;

use super::near_search::soonest_near;
use crate::{
    auth::service::directory::{name_of_person, names_of},
    error::{AppError, AppResult},
    events::{
        entity::{event, event_slot},
        model::{event_path, EventCard, EventKind, EventListView, EventStatus, SlotView},
    },
    format::{format_time_range, format_when},
    places::model::{distance_text, Coordinates},
};
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::{Expr, ExprTrait, Func},
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect, Select, SelectModel, Selector,
};
use std::collections::HashMap;

/// Events on one page of the list.
pub const PAGE_SIZE: u64 = 20;

/// What the list is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub kind: Option<EventKind>,
    pub text: Option<String>,
    /// Only events within `within_miles` of here (online events are never "near").
    pub near: Option<Coordinates>,
    pub within_miles: f64,
    /// Only events starting from this moment.
    pub from: Option<DateTime<Utc>>,
    /// Only events starting before this moment.
    pub until: Option<DateTime<Utc>>,
}

/// The start of a day typed as "2026-12-01" (London time), `plus_days` later; None when
/// blank. A bad date is an error on `field`.
pub fn day_start(
    field: &str,
    raw: Option<&str>,
    plus_days: i64,
) -> AppResult<Option<DateTime<Utc>>> {
    let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else {
        return Ok(None);
    };
    let date = chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .map_err(|_| AppError::invalid(field, "Enter a date, like 2026-12-03."))?;
    let midnight = (date + chrono::Duration::days(plus_days)).and_time(chrono::NaiveTime::MIN);
    Ok(
        chrono::TimeZone::from_local_datetime(&chrono_tz::Europe::London, &midnight)
            .earliest()
            .map(|t| t.with_timezone(&Utc)),
    )
}

/// Upcoming published events, soonest first, one page (counted from 1) at a time.
pub async fn list_upcoming_events(
    db: &impl ConnectionTrait,
    filter: &EventFilter,
    page: u32,
) -> AppResult<EventListView> {
    let page = Ord::max(page, 1);
    let from = Ord::max(filter.from.unwrap_or_else(Utc::now), Utc::now());
    let mut query = event::Entity::find()
        .filter(event::Column::Status.eq(EventStatus::Published))
        .filter(event::Column::StartsAt.gt(from));
    if let Some(until) = filter.until {
        query = query.filter(event::Column::StartsAt.lt(until));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(event::Column::Kind.eq(kind));
    }
    if let Some(text) = filter
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let pattern = format!("%{}%", text.to_lowercase().replace(['%', '_'], ""));
        query = query.filter(
            Condition::any()
                .add(Expr::expr(Func::lower(Expr::col(event::Column::Title))).like(pattern.clone()))
                .add(Expr::expr(Func::lower(Expr::col(event::Column::Description))).like(pattern)),
        );
    }
    let offset = u64::from(page - 1) * PAGE_SIZE;
    let (mut rows, distances) = match filter.near {
        None => (
            with_host_name(
                query
                    .order_by_asc(event::Column::StartsAt)
                    .order_by_asc(event::Column::Id)
                    .offset(offset)
                    .limit(PAGE_SIZE + 1),
            )
            .all(db)
            .await?,
            None,
        ),
        Some(centre) => {
            // Only as many of the soonest near events as this page needs are read, cell by
            // cell (`near_search`); whole rows are fetched for the one page shown.
            let need = offset as usize + PAGE_SIZE as usize + 1;
            let within = soonest_near(db, &query, &centre, filter.within_miles, need).await?;
            let page_ids: Vec<(i32, f64)> = within
                .into_iter()
                .skip(offset as usize)
                .map(|(_, id, miles)| (id, miles))
                .collect();
            let mut rows = with_host_name(
                event::Entity::find()
                    .filter(event::Column::Id.is_in(page_ids.iter().map(|(id, _)| *id))),
            )
            .all(db)
            .await?;
            rows.sort_by_key(|row| (row.event.starts_at, row.event.id));
            (
                rows,
                Some(page_ids.into_iter().collect::<HashMap<i32, f64>>()),
            )
        }
    };
    let has_more = rows.len() as u64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    let slots = slots_by_event(db, rows.iter().map(|row| row.event.id)).await?;
    let mut events = cards_of_hosted(rows, slots);
    if let Some(distances) = distances {
        for card in &mut events {
            card.distance = distances.get(&card.id).map(|miles| distance_text(*miles));
        }
    }
    Ok(EventListView {
        events,
        page,
        has_more,
    })
}

/// Cards for events, with their hosts and places left (two queries for the whole page).
pub async fn cards_for(
    db: &impl ConnectionTrait,
    rows: Vec<event::Model>,
) -> AppResult<Vec<EventCard>> {
    let slots = slots_by_event(db, rows.iter().map(|e| e.id)).await?;
    cards_with_slots(db, rows, slots).await
}

/// The slots of each of these events, soonest first.
pub async fn slots_by_event(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, Vec<event_slot::Model>>> {
    let mut slots: HashMap<i32, Vec<event_slot::Model>> = HashMap::new();
    for slot in event_slot::Entity::find()
        .filter(event_slot::Column::EventId.is_in(ids))
        .order_by_asc(event_slot::Column::StartsAt)
        .order_by_asc(event_slot::Column::Id)
        .all(db)
        .await?
    {
        slots.entry(slot.event_id).or_default().push(slot);
    }
    Ok(slots)
}

/// An event with its host's name, read in the event's own query (`with_host_name`).
#[derive(Debug, FromQueryResult)]
struct EventWithHost {
    #[sea_orm(nested)]
    event: event::Model,
    host_name: String,
}

/// The events of `query`, each with its host's name from auth's directory, in one query.
fn with_host_name(query: Select<event::Entity>) -> Selector<SelectModel<EventWithHost>> {
    query
        .column_as(host_name(), "host_name")
        .into_model::<EventWithHost>()
}

/// The name of an event's host, as a column of the event's query.
fn host_name() -> sea_orm::sea_query::SimpleExpr {
    name_of_person(Expr::col((event::Entity, event::Column::HostId)))
}

/// Cards for events read with their hosts' names, whose slots are read (`slots_by_event`).
fn cards_of_hosted(
    rows: Vec<EventWithHost>,
    mut slots: HashMap<i32, Vec<event_slot::Model>>,
) -> Vec<EventCard> {
    rows.into_iter()
        .map(|row| {
            let event_slots = slots.remove(&row.event.id).unwrap_or_default();
            card(&row.event, row.host_name, &event_slots)
        })
        .collect()
}

/// Cards for events whose slots are already read (`slots_by_event`), with their hosts.
pub async fn cards_with_slots(
    db: &impl ConnectionTrait,
    rows: Vec<event::Model>,
    mut slots: HashMap<i32, Vec<event_slot::Model>>,
) -> AppResult<Vec<EventCard>> {
    let host_ids: Vec<i32> = rows.iter().map(|e| e.host_id).collect();
    let hosts: HashMap<i32, String> = names_of(db, host_ids).await?;
    Ok(rows
        .into_iter()
        .map(|e| {
            let host = hosts.get(&e.host_id).cloned().unwrap_or_default();
            let event_slots = slots.remove(&e.id).unwrap_or_default();
            card(&e, host, &event_slots)
        })
        .collect())
}

fn card(e: &event::Model, host_name: String, slots: &[event_slot::Model]) -> EventCard {
    let place = if e.kind == EventKind::Online {
        "Online".to_string()
    } else {
        [e.venue.as_deref(), e.postcode.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")
    };
    EventCard {
        id: e.id,
        path: event_path(e.id, &e.slug),
        title: e.title.clone(),
        kind: e.kind,
        when: format_when(next_start(e, slots)),
        place,
        host_name,
        places_left: total_places_left(slots),
        distance: None,
        friends_going: None,
    }
}

/// When the event next happens: its soonest slot still to start, or its start once all
/// have passed (a weekly event's card shows next week, not the first week).
fn next_start(e: &event::Model, slots: &[event_slot::Model]) -> DateTime<Utc> {
    let now = Utc::now();
    slots
        .iter()
        .map(|s| s.starts_at)
        .filter(|t| *t > now)
        .min()
        .unwrap_or(e.starts_at)
}

/// Places left over all slots; None when any slot has no limit.
pub(super) fn total_places_left(slots: &[event_slot::Model]) -> Option<i32> {
    slots.iter().map(places_left).sum()
}

fn places_left(slot: &event_slot::Model) -> Option<i32> {
    slot.capacity
        .map(|cap| Ord::max(cap - slot.confirmed_count, 0))
}

/// An event's slots, soonest first.
pub(super) async fn slots_of(
    db: &impl ConnectionTrait,
    event_id: i32,
) -> AppResult<Vec<event_slot::Model>> {
    Ok(event_slot::Entity::find()
        .filter(event_slot::Column::EventId.eq(event_id))
        .order_by_asc(event_slot::Column::StartsAt)
        .order_by_asc(event_slot::Column::Id)
        .all(db)
        .await?)
}

/// A slot as a sign-up option.
pub(super) fn slot_view(slot: &event_slot::Model) -> SlotView {
    SlotView {
        id: slot.id,
        label: slot.label.clone(),
        when: format_time_range(slot.starts_at, slot.ends_at),
        places_left: places_left(slot),
    }
}
