//! The slot's event and start that every sign-up carries (see `entity::signup`), written
//! when the sign-up is made and rewritten when the slot moves, in the same transaction.

use crate::{
    error::AppResult,
    events::entity::{event_slot, signup},
};
use chrono::{DateTime, Utc};
use sea_orm::{sea_query::Expr, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// A new sign-up row for `slot`, with the slot's fields copied; the caller fills the rest.
pub(super) fn new_signup_in(slot: &event_slot::Model, now: DateTime<Utc>) -> signup::ActiveModel {
    signup::ActiveModel {
        slot_id: Set(slot.id),
        event_id: Set(slot.event_id),
        starts_at: Set(slot.starts_at),
        created_at: Set(now),
        ..Default::default()
    }
}

/// Copies a slot's (new) start onto its sign-ups.
pub(super) async fn restamp_signups(
    txn: &impl ConnectionTrait,
    slot: &event_slot::Model,
) -> AppResult<()> {
    signup::Entity::update_many()
        .col_expr(signup::Column::StartsAt, Expr::value(slot.starts_at))
        .filter(signup::Column::SlotId.eq(slot.id))
        .filter(signup::Column::StartsAt.ne(slot.starts_at))
        .exec(txn)
        .await?;
    Ok(())
}
