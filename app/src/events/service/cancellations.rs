//! Cancelling a place, by emailed link or when a person is erased, and handing freed
//! places to the waitlist.

use super::signups::claim_place;
use crate::{
    db::begin_write,
    error::{AppError, AppResult},
    events::{
        entity::{event, event_slot, signup},
        model::{event_path, CancelLinkView, SignUpStatus},
    },
    format::format_time_range,
    mail::{queue_templated, Template},
    tokens,
};
use chrono::Utc;
use minijinja::context;
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionSession, TransactionTrait,
};

/// The sign-up an emailed link names; the same error as cancelling for an unknown link.
async fn signup_of_link(db: &impl ConnectionTrait, token: &str) -> AppResult<signup::Model> {
    signup::Entity::find()
        .filter(signup::Column::CancelTokenHash.eq(tokens::hash_token(token)))
        .one(db)
        .await?
        .ok_or_else(|| {
            AppError::invalid(
                "token",
                "This cancel link is not valid. It may be from an older sign-up.",
            )
        })
}

/// What a cancel link is for, so a used one says so and offers to sign up again.
pub async fn cancel_link_state(
    db: &impl ConnectionTrait,
    token: &str,
) -> AppResult<CancelLinkView> {
    let row = signup_of_link(db, token).await?;
    let event = event::Entity::find_by_id(row.event_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(CancelLinkView {
        event_path: event_path(event.id, &event.slug),
        event_title: event.title,
        already_cancelled: row.status == SignUpStatus::Cancelled,
    })
}

/// Cancels the sign-up an emailed link names. If it held a place, the first on the
/// waitlist gets it and is emailed. Returns the event's title.
pub async fn cancel_signup_by_token<C>(db: &C, token: &str, public_url: &str) -> AppResult<String>
where
    C: ConnectionTrait + TransactionTrait,
{
    let txn = begin_write(db).await?;
    let row = signup_of_link(&txn, token).await?;
    let title = cancel_in(&txn, row, public_url).await?;
    txn.commit().await?;
    Ok(title)
}

/// Cancels one of the signed-in person's own sign-ups, from "My events". Anyone else's
/// sign-up is Forbidden.
pub async fn cancel_own_signup<C>(
    db: &C,
    person_id: i32,
    signup_id: i32,
    public_url: &str,
) -> AppResult<String>
where
    C: ConnectionTrait + TransactionTrait,
{
    let txn = begin_write(db).await?;
    let row = signup::Entity::find_by_id(signup_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if row.person_id != Some(person_id) {
        return Err(AppError::Forbidden);
    }
    let title = cancel_in(&txn, row, public_url).await?;
    txn.commit().await?;
    Ok(title)
}

/// Cancels and deletes every sign-up of a person being erased, freeing places: those
/// made by the account, and every sign-up made under the address it proved is its own.
/// A guest (no account) who proved an address reaches only the sign-ups under it that no
/// account made.
pub async fn cancel_signups_of(
    txn: &impl ConnectionTrait,
    person_id: Option<i32>,
    proved_email: Option<&str>,
    public_url: &str,
) -> AppResult<()> {
    let mut whose = Condition::any();
    if let Some(id) = person_id {
        whose = whose.add(signup::Column::PersonId.eq(id));
    }
    match (proved_email, person_id) {
        (Some(email), Some(_)) => whose = whose.add(signup::Column::Email.eq(email)),
        (Some(email), None) => {
            whose = whose.add(
                Condition::all()
                    .add(signup::Column::Email.eq(email))
                    .add(signup::Column::PersonId.is_null()),
            )
        }
        (None, _) => {}
    }
    if whose.is_empty() {
        return Ok(());
    }
    let rows = signup::Entity::find().filter(whose).all(txn).await?;
    for row in rows {
        let id = row.id;
        cancel_in(txn, row, public_url).await?;
        signup::Entity::delete_by_id(id).exec(txn).await?;
    }
    Ok(())
}

async fn cancel_in(
    txn: &impl ConnectionTrait,
    row: signup::Model,
    public_url: &str,
) -> AppResult<String> {
    let slot = event_slot::Entity::find_by_id(row.slot_id)
        .one(txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let event = event::Entity::find_by_id(slot.event_id)
        .one(txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let was_confirmed = row.status == SignUpStatus::Confirmed;
    if row.status == SignUpStatus::Cancelled {
        return Ok(event.title);
    }
    let mut active: signup::ActiveModel = row.into();
    active.status = Set(SignUpStatus::Cancelled);
    active.updated_at = Set(Utc::now());
    active.update(txn).await?;
    if was_confirmed {
        event_slot::Entity::update_many()
            .col_expr(
                event_slot::Column::ConfirmedCount,
                Expr::col(event_slot::Column::ConfirmedCount).sub(1),
            )
            .filter(event_slot::Column::Id.eq(slot.id))
            .exec(txn)
            .await?;
        promote_from_waitlist(txn, &slot, &event, public_url).await?;
    }
    Ok(event.title)
}

/// Gives a freed place to the longest-waiting person, if a place is free, and emails them.
/// Returns whether someone was promoted.
pub(super) async fn promote_from_waitlist(
    txn: &impl ConnectionTrait,
    slot: &event_slot::Model,
    event: &event::Model,
    public_url: &str,
) -> AppResult<bool> {
    let Some(next) = signup::Entity::find()
        .filter(signup::Column::SlotId.eq(slot.id))
        .filter(signup::Column::Status.eq(SignUpStatus::Waitlisted))
        .order_by_asc(signup::Column::Id)
        .one(txn)
        .await?
    else {
        return Ok(false);
    };
    if !claim_place(txn, slot.id).await? {
        return Ok(false);
    }
    let (name, email) = (next.name.clone(), next.email.clone());
    let mut active: signup::ActiveModel = next.into();
    active.status = Set(SignUpStatus::Confirmed);
    active.updated_at = Set(Utc::now());
    active.update(txn).await?;
    let values = context! {
        name,
        title => &event.title,
        when => format_time_range(slot.starts_at, slot.ends_at),
        event_url => format!("{}{}", public_url.trim_end_matches('/'), event_path(event.id, &event.slug)),
    };
    queue_templated(txn, &email, Template::PlaceCameUp, values).await?;
    Ok(true)
}
