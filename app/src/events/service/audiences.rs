//! What outreach asks of events to build an audience: the contacts who signed up to a
//! group's events, as a subquery of its own.

use crate::events::{
    entity::{event, event_slot, signup},
    model::SignUpStatus,
};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query, SelectStatement};

/// The contacts (columns email, name, person_id) holding or waiting for a place at the
/// group's events that start from `now` on (`upcoming`) or started before it.
pub fn signup_contacts(group_id: i32, upcoming: bool, now: DateTime<Utc>) -> SelectStatement {
    let when = Expr::col((event_slot::Entity, event_slot::Column::StartsAt));
    let when = if upcoming {
        when.gte(now)
    } else {
        when.lt(now)
    };
    Query::select()
        .expr_as(
            Expr::col((signup::Entity, signup::Column::Email)),
            Alias::new("email"),
        )
        .expr_as(
            Expr::col((signup::Entity, signup::Column::Name)),
            Alias::new("name"),
        )
        .expr_as(
            Expr::col((signup::Entity, signup::Column::PersonId)),
            Alias::new("person_id"),
        )
        .from(signup::Entity)
        .inner_join(
            event_slot::Entity,
            Expr::col((event_slot::Entity, event_slot::Column::Id))
                .equals((signup::Entity, signup::Column::SlotId)),
        )
        .inner_join(
            event::Entity,
            Expr::col((event::Entity, event::Column::Id))
                .equals((event_slot::Entity, event_slot::Column::EventId)),
        )
        .and_where(Expr::col((event::Entity, event::Column::GroupId)).eq(group_id))
        .and_where(
            Expr::col((signup::Entity, signup::Column::Status))
                .is_in([SignUpStatus::Confirmed, SignUpStatus::Waitlisted]),
        )
        .and_where(when)
        .to_owned()
}
