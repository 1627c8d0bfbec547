//! Handing out calls: one contact to one caller at a time. A lease is one conditional
//! `UPDATE … RETURNING` (with `FOR UPDATE SKIP LOCKED` on PostgreSQL, so callers on any
//! number of server processes each take a different row without waiting on each other;
//! SQLite runs the statement under its write lock). A lease moves the contact's
//! `available_at` two minutes on: the page's check-ins push it on again, and a lease
//! nobody renews lapses by itself, with nothing to clean up.

use crate::{
    consent::service::calls::not_objecting_to_calls,
    error::AppResult,
    phonebank::{
        entity::{contact, tps_number},
        model::{outcome::CALLBACK_HELD_FOR, Basis, ContactState},
    },
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    sea_query::{
        Expr, ExprTrait, LockBehavior, LockType, Query, QueryStatementBuilder, SelectStatement,
    },
    ColumnTrait, Condition, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter,
};

/// How long a lease lasts after the last sign of life from the caller's page.
pub const LEASE_FOR: Duration = Duration::minutes(2);

/// Whose lease, for which phonebank, and whether a TPS screening counts today.
#[derive(Debug, Clone, Copy)]
pub struct Lessee {
    pub phonebank_id: i32,
    pub caller_id: i32,
    pub tps_counts: bool,
}

/// The contact this caller holds now, renewed; else one of their call-backs that is due;
/// else the contact that has waited longest. None: nobody is up for a call.
pub async fn lease_next(
    db: &impl ConnectionTrait,
    who: Lessee,
    now: DateTime<Utc>,
) -> AppResult<Option<contact::Model>> {
    // Reads first, so the usual case (nothing held, no call-back due) takes no write
    // lock: SQLite has one writer, and every write a Next call spares is throughput.
    if let Some(held) = held_now(db, who, now).await? {
        return renew_held(db, who, held, now).await;
    }
    if callback_due(db, who, now).await? {
        let mine = Condition::all().add(contact::Column::CallbackFor.eq(who.caller_id));
        if let Some(callback) = claim(db, who, mine, now).await? {
            return Ok(Some(callback));
        }
    }
    let anyones = Condition::any()
        .add(contact::Column::CallbackFor.is_null())
        .add(contact::Column::CallbackFor.eq(who.caller_id))
        .add(contact::Column::AvailableAt.lte(now - CALLBACK_HELD_FOR));
    claim(db, who, anyones, now).await
}

/// The contact the caller holds now, if any (by the leased_by index).
async fn held_now(
    db: &impl ConnectionTrait,
    who: Lessee,
    now: DateTime<Utc>,
) -> AppResult<Option<contact::Model>> {
    Ok(contact::Entity::find()
        .filter(contact::Column::LeasedBy.eq(who.caller_id))
        .filter(contact::Column::PhonebankId.eq(who.phonebank_id))
        .filter(contact::Column::State.eq(ContactState::Queued))
        .filter(contact::Column::AvailableAt.gt(now))
        .one(db)
        .await?)
}

/// Whether one of the caller's call-backs is due (by the callback_for index).
async fn callback_due(
    db: &impl ConnectionTrait,
    who: Lessee,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    Ok(contact::Entity::find()
        .filter(contact::Column::CallbackFor.eq(who.caller_id))
        .filter(contact::Column::PhonebankId.eq(who.phonebank_id))
        .filter(contact::Column::State.eq(ContactState::Queued))
        .filter(contact::Column::AvailableAt.lte(now))
        .one(db)
        .await?
        .is_some())
}

/// The caller's current lease, pushed on by `LEASE_FOR`: reloading the page shows the
/// same person rather than taking another. None if it slipped away in between.
async fn renew_held(
    db: &impl ConnectionTrait,
    who: Lessee,
    held: contact::Model,
    now: DateTime<Utc>,
) -> AppResult<Option<contact::Model>> {
    let until = now + LEASE_FOR;
    let renewed = renew(db, who, held.id, held.lease_seq, now).await?;
    Ok(renewed.then_some(contact::Model {
        available_at: until,
        ..held
    }))
}

/// Renews the lease of `contact_id` made as `lease_seq` (the page's check-in). False: the
/// lease is gone (lapsed and taken by someone else, or the call was saved).
pub async fn renew(
    db: &impl ConnectionTrait,
    who: Lessee,
    contact_id: i32,
    lease_seq: i32,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let result = contact::Entity::update_many()
        .col_expr(contact::Column::AvailableAt, Expr::value(now + LEASE_FOR))
        .filter(held_by(who, contact_id, lease_seq))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Gives the contact back at once (Skip), for anyone to call.
pub async fn release(
    db: &impl ConnectionTrait,
    who: Lessee,
    contact_id: i32,
    lease_seq: i32,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let result = contact::Entity::update_many()
        .col_expr(contact::Column::AvailableAt, Expr::value(now))
        .col_expr(contact::Column::LeasedBy, Expr::value(Option::<i32>::None))
        .filter(held_by(who, contact_id, lease_seq))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// The contact as leased to this caller under `lease_seq`, still waiting for its call.
pub fn held_by(who: Lessee, contact_id: i32, lease_seq: i32) -> Condition {
    Condition::all()
        .add(contact::Column::Id.eq(contact_id))
        .add(contact::Column::PhonebankId.eq(who.phonebank_id))
        .add(contact::Column::LeasedBy.eq(who.caller_id))
        .add(contact::Column::LeaseSeq.eq(lease_seq))
        .add(contact::Column::State.eq(ContactState::Queued))
}

/// Leases the longest-waiting contact matching `also`, if any.
async fn claim(
    db: &impl ConnectionTrait,
    who: Lessee,
    also: Condition,
    now: DateTime<Utc>,
) -> AppResult<Option<contact::Model>> {
    let mut pick = up_for_a_call(who, now);
    // In the queue index's own order, so the scan stops at the first row that qualifies
    // (a tie-break on id made PostgreSQL sort every waiting contact first).
    pick.cond_where(also)
        .order_by(contact::Column::AvailableAt, sea_orm::Order::Asc)
        .limit(1);
    let target = if db.get_database_backend() == DatabaseBackend::Postgres {
        // `id = (SELECT … FOR UPDATE SKIP LOCKED)`: the row is locked by the subquery
        // itself, and each caller skips rows another is taking. (As `id IN (…)` the
        // planner may join instead, and the lock then no longer picks the row.)
        pick.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
        Expr::col(contact::Column::Id).eq(Expr::SubQuery(
            None,
            Box::new(pick.into_sub_query_statement()),
        ))
    } else {
        contact::Column::Id.in_subquery(pick)
    };
    let leased = contact::Entity::update_many()
        .col_expr(contact::Column::LeasedBy, Expr::value(who.caller_id))
        .col_expr(contact::Column::AvailableAt, Expr::value(now + LEASE_FOR))
        .col_expr(
            contact::Column::LeaseSeq,
            Expr::col(contact::Column::LeaseSeq).add(1),
        )
        .filter(target)
        // Checked again on the row itself: whoever lost a race updates nothing.
        .filter(contact::Column::State.eq(ContactState::Queued))
        .filter(contact::Column::AvailableAt.lte(now))
        .exec_with_returning(db)
        .await?;
    Ok(leased.into_iter().next())
}

/// Contacts of the phonebank that may be called right now: waiting, their time come, not
/// objecting to calls since the snapshot, and on a basis that still holds (a TPS basis
/// needs a screening that counts today and a number it does not list).
fn up_for_a_call(who: Lessee, now: DateTime<Utc>) -> SelectStatement {
    let mut query = Query::select();
    query
        .column(contact::Column::Id)
        .from(contact::Entity)
        .and_where(contact::Column::PhonebankId.eq(who.phonebank_id))
        .and_where(contact::Column::State.eq(ContactState::Queued))
        .and_where(contact::Column::AvailableAt.lte(now))
        .and_where(not_objecting_to_calls(Expr::col((
            contact::Entity,
            contact::Column::Email,
        ))));
    if who.tps_counts {
        let listed = Query::select()
            .column(tps_number::Column::Phone)
            .from(tps_number::Entity)
            .to_owned();
        query.cond_where(
            Condition::any()
                .add(contact::Column::Basis.eq(Basis::Consent))
                .add(contact::Column::Phone.not_in_subquery(listed)),
        );
    } else {
        query.and_where(contact::Column::Basis.eq(Basis::Consent));
    }
    query
}
