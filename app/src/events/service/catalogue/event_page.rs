//! One event's page: the event, its host and slots in one query, and what the viewer may
//! see of it.

use super::{card, host_name, slot_view};
use crate::{
    auth::model::{PersonView, Role},
    error::{AppError, AppResult},
    events::{
        entity::{event, event_slot, signup},
        model::{map_link, EventDetail, EventStatus, MySignUp, SignUpStatus},
        service::{
            hosts::{hosting_of, Hosting},
            structured_data::structured_data,
        },
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::{Expr, JoinType},
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect, RelationTrait,
};

/// An event with its host's name and one of its slots (none if it has none), read
/// together: a page reads its event in one query, one row a slot.
#[derive(Debug, FromQueryResult)]
struct EventSlotRow {
    #[sea_orm(nested)]
    event: event::Model,
    host_name: String,
    slot_id: Option<i32>,
    slot_label: Option<String>,
    slot_starts_at: Option<DateTime<Utc>>,
    slot_ends_at: Option<DateTime<Utc>>,
    slot_capacity: Option<i32>,
    slot_confirmed_count: Option<i32>,
    slot_created_at: Option<DateTime<Utc>>,
}

impl EventSlotRow {
    fn slot(&self) -> Option<event_slot::Model> {
        Some(event_slot::Model {
            id: self.slot_id?,
            event_id: self.event.id,
            label: self.slot_label.clone(),
            starts_at: self.slot_starts_at?,
            ends_at: self.slot_ends_at?,
            capacity: self.slot_capacity,
            confirmed_count: self.slot_confirmed_count?,
            created_at: self.slot_created_at?,
        })
    }
}

/// The event `event_id` with its host's name and its slots (soonest first), in one query.
async fn event_with_slots(
    db: &impl ConnectionTrait,
    event_id: i32,
) -> AppResult<(event::Model, String, Vec<event_slot::Model>)> {
    let slot_column = |column: event_slot::Column| Expr::col((event_slot::Entity, column));
    let rows = event::Entity::find_by_id(event_id)
        .column_as(host_name(), "host_name")
        .join_rev(JoinType::LeftJoin, event_slot::Relation::Event.def())
        .expr_as(slot_column(event_slot::Column::Id), "slot_id")
        .expr_as(slot_column(event_slot::Column::Label), "slot_label")
        .expr_as(slot_column(event_slot::Column::StartsAt), "slot_starts_at")
        .expr_as(slot_column(event_slot::Column::EndsAt), "slot_ends_at")
        .expr_as(slot_column(event_slot::Column::Capacity), "slot_capacity")
        .expr_as(
            slot_column(event_slot::Column::ConfirmedCount),
            "slot_confirmed_count",
        )
        .expr_as(
            slot_column(event_slot::Column::CreatedAt),
            "slot_created_at",
        )
        .order_by_asc(event_slot::Column::StartsAt)
        .order_by_asc(event_slot::Column::Id)
        .into_model::<EventSlotRow>()
        .all(db)
        .await?;
    let slots = rows.iter().filter_map(EventSlotRow::slot).collect();
    let first = rows.into_iter().next().ok_or(AppError::NotFound)?;
    Ok((first.event, first.host_name, slots))
}

/// One event's page as `viewer` sees it. Cancelled events still show, marked; events
/// waiting for approval (or refused) show only to their hosts and staff.
pub async fn get_event_detail(
    db: &impl ConnectionTrait,
    event_id: i32,
    viewer: Option<&PersonView>,
    public_url: &str,
) -> AppResult<EventDetail> {
    let (e, host_name, slots) = event_with_slots(db, event_id).await?;
    let hosting = match viewer {
        Some(v) => hosting_of(db, &e, v.id).await?,
        None => Hosting::None,
    };
    let is_host = hosting == Hosting::Host;
    let cohost_invited = hosting == Hosting::Invited;
    let status = e.status;
    let is_staff = viewer.is_some_and(|v| v.has_role(Role::Staff));
    if matches!(status, EventStatus::Pending | EventStatus::Rejected) && !is_host && !is_staff {
        return Err(AppError::NotFound);
    }
    let my_signup = match viewer {
        Some(person) => signup::Entity::find()
            .filter(signup::Column::PersonId.eq(person.id))
            .filter(signup::Column::SlotId.is_in(slots.iter().map(|s| s.id)))
            .filter(signup::Column::Status.ne(SignUpStatus::Cancelled))
            .one(db)
            .await?
            .map(|s| MySignUp {
                slot_id: s.slot_id,
                status: s.status,
            }),
        None => None,
    };
    let map_url = map_link(e.postcode.as_deref(), e.online_url.is_some());
    let card = card(&e, host_name, &slots);
    let url = format!("{}{}", public_url.trim_end_matches('/'), card.path);
    Ok(EventDetail {
        structured_data: structured_data(&e, &card, &slots, &url),
        share_url: viewer.map(|v| format!("{url}?by={}", v.id)),
        card,
        description: e.description.clone(),
        postcode: e.postcode.clone(),
        map_url,
        // The joining link is for people with a place, and the hosts.
        online_url: e.online_url.clone().filter(|_| {
            is_host
                || is_staff
                || my_signup
                    .as_ref()
                    .is_some_and(|s| s.status == SignUpStatus::Confirmed)
        }),
        status,
        slots: slots.iter().map(slot_view).collect(),
        my_signup,
        is_host: is_host || is_staff,
        going_count: slots.iter().map(|s| s.confirmed_count).sum(),
        friends_going: None,
        cohost_invited,
    })
}
