//! Adding someone who turns up without signing up: a confirmed, checked-in place.

use super::{hosts::event_for_host, signups::claim_place, slot_fields::new_signup_in};
use crate::{
    auth::model::PersonView,
    db::begin_write,
    error::{AppError, AppResult},
    events::{
        entity::{event_slot, signup},
        model::SignUpStatus,
    },
    tokens,
    validate::{EmailAddress, PersonName},
};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};

/// Adds a walk-in to a slot and checks them in. A place is taken like any sign-up, so a
/// full slot refuses until the host raises its places.
pub async fn add_walk_in<C>(
    db: &C,
    event_id: i32,
    viewer: &PersonView,
    slot_id: i32,
    name: &str,
    email: &str,
) -> AppResult<()>
where
    C: ConnectionTrait + TransactionTrait,
{
    event_for_host(db, event_id, viewer).await?;
    let name = PersonName::parse("name", name)?;
    let email = EmailAddress::parse("email", email)?;
    let txn = begin_write(db).await?;
    let slot = event_slot::Entity::find_by_id(slot_id)
        .one(&txn)
        .await?
        .filter(|s| s.event_id == event_id)
        .ok_or_else(|| AppError::invalid("slot_id", "Choose one of this event's dates."))?;
    let existing = signup::Entity::find()
        .filter(signup::Column::SlotId.eq(slot.id))
        .filter(signup::Column::Email.eq(email.as_str()))
        .one(&txn)
        .await?;
    let already_confirmed = existing
        .as_ref()
        .is_some_and(|r| r.status == SignUpStatus::Confirmed);
    if !already_confirmed && !claim_place(&txn, slot.id).await? {
        return Err(AppError::conflict(
            "Every place is taken. Raise the number of places (Edit event) to add a walk-in.",
        ));
    }
    let now = Utc::now();
    // Someone already signed up keeps the name they gave; a new row is marked as typed
    // in by the host, so the hosts' messages never reach an address its owner never gave.
    let mut active: signup::ActiveModel = match existing {
        Some(row) => row.into(),
        None => signup::ActiveModel {
            email: Set(email.as_str().to_string()),
            name: Set(name.as_str().to_string()),
            cancel_token_hash: Set(tokens::hash_token(&tokens::new_token())),
            added_by_host: Set(true),
            ..new_signup_in(&slot, now)
        },
    };
    active.status = Set(SignUpStatus::Confirmed);
    active.checked_in_at = Set(Some(now));
    active.updated_at = Set(now);
    active.save(&txn).await?;
    txn.commit().await?;
    Ok(())
}
