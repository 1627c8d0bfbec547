//! Handing out calls: one contact to one caller at a time. A lease is one conditional
//! `UPDATE … RETURNING` (with `FOR UPDATE SKIP LOCKED` on PostgreSQL, so callers on any
//! number of server processes each take a different row without waiting on each other;
//! SQLite runs the statement under its write lock). A lease moves the contact's
//! `available_at` two minutes on: the page's check-ins push it on again, and a lease
//! nobody renews lapses by itself, with nothing to clean up.

use crate::{
    consent::service::calls::not_objecting_to_calls,
    db::{begin_write, sqlite_write_turn},
    error::AppResult,
    personal_data::access_log::{record_one, Viewed, Viewing},
    phonebank::{
        entity::{contact, tps_number},
        model::{outcome::CALLBACK_HELD_FOR, Basis, ContactState},
        service::tps::screening_counts_on,
    },
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    sea_query::{
        Expr, ExprTrait, LockBehavior, LockType, Query, QueryStatementBuilder, SelectStatement,
    },
    ColumnTrait, Condition, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter,
    TransactionSession, TransactionTrait,
};

/// How long a lease lasts after the last sign of life from the caller's page.
pub const LEASE_FOR: Duration = Duration::minutes(2);

/// Whose lease, and for which phonebank.
#[derive(Debug, Clone, Copy)]
pub struct Lessee {
    pub phonebank_id: i32,
    pub caller_id: i32,
}

/// A lease to hand out in a transaction already open (saving a call takes the next one).
#[derive(Debug, Clone, Copy)]
pub struct NextLease<'a> {
    pub who: Lessee,
    /// The caller's view of the contact, for the access log.
    pub seen: Option<Viewing<'a>>,
}

/// A contact just handed out is leased this much longer than `LEASE_FOR` (a renewal
/// never is), so a lease still further off than `LEASE_FOR` was handed out moments ago,
/// and logged then: the page read just after saving (which took the lease) writes
/// nothing. Any later read renews the lease and logs the contact shown again.
const JUST_LEASED: Duration = Duration::milliseconds(500);

/// The contact this caller holds now, renewed; else one of their call-backs that is due;
/// else the contact that has waited longest. None: nobody is up for a call. With `seen`,
/// the contact handed out is written to the access log in the lease's own transaction
/// (one write, not two, on SQLite's single writer).
pub async fn lease_next<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    who: Lessee,
    seen: Option<Viewing<'_>>,
    now: DateTime<Utc>,
) -> AppResult<Option<contact::Model>> {
    // A read first, so a lease just taken (by saving the last call) takes no write.
    if let Some(held) = held_now(db, who, now).await? {
        if held.available_at > now + LEASE_FOR {
            return Ok(Some(held));
        }
    }
    let _turn = sqlite_write_turn(db).await;
    let txn = begin_write(db).await?;
    // Asked again inside the write, so two requests from one caller (two tabs) cannot
    // each take a contact.
    let (held, callback_due) = mine_now(&txn, who, now).await?;
    let leased = match held {
        Some(held) => renew_held(&txn, who, held, now).await?,
        None => take(&txn, who, callback_due, now).await?,
    };
    if let (Some(contact), Some(seen)) = (&leased, seen) {
        log_seen(&txn, contact, seen).await?;
    }
    txn.commit().await?;
    Ok(leased)
}

/// Leases the next contact for `next.who` inside `txn`, logged, unless they hold one
/// already (calls saved one after another from a phone that was offline).
pub async fn lease_in(
    txn: &impl ConnectionTrait,
    next: NextLease<'_>,
    now: DateTime<Utc>,
) -> AppResult<Option<contact::Model>> {
    let (held, callback_due) = mine_now(txn, next.who, now).await?;
    if held.is_some() {
        return Ok(None);
    }
    let leased = take(txn, next.who, callback_due, now).await?;
    if let (Some(contact), Some(seen)) = (&leased, next.seen) {
        log_seen(txn, contact, seen).await?;
    }
    Ok(leased)
}

/// One of the caller's call-backs that is due, else the contact that has waited longest.
async fn take(
    db: &impl ConnectionTrait,
    who: Lessee,
    callback_due: bool,
    now: DateTime<Utc>,
) -> AppResult<Option<contact::Model>> {
    if callback_due {
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

/// Every contact handed out is in the access log: who saw whom, when.
async fn log_seen(
    db: &impl ConnectionTrait,
    contact: &contact::Model,
    seen: Viewing<'_>,
) -> AppResult<()> {
    let whose = contact
        .person_id
        .map_or_else(|| Viewed::Guest(contact.email.clone()), Viewed::Account);
    record_one(db, seen, whose).await
}

/// The contact the caller holds now, if any, and whether one of their call-backs is due
/// (asked only when they hold none). Two reads, each by its own index (leased_by,
/// callback_for): as one query with an OR, PostgreSQL walks the whole queue instead.
async fn mine_now(
    db: &impl ConnectionTrait,
    who: Lessee,
    now: DateTime<Utc>,
) -> AppResult<(Option<contact::Model>, bool)> {
    let held = held_now(db, who, now).await?;
    if held.is_some() {
        return Ok((held, false));
    }
    let callback_due = contact::Entity::find()
        .filter(contact::Column::CallbackFor.eq(who.caller_id))
        .filter(contact::Column::PhonebankId.eq(who.phonebank_id))
        .filter(contact::Column::State.eq(ContactState::Queued))
        .filter(contact::Column::AvailableAt.lte(now))
        .one(db)
        .await?
        .is_some();
    Ok((None, callback_due))
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
        .col_expr(
            contact::Column::AvailableAt,
            Expr::value(now + LEASE_FOR + JUST_LEASED),
        )
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
    let listed = Query::select()
        .column(tps_number::Column::Phone)
        .from(tps_number::Entity)
        .to_owned();
    query.cond_where(
        Condition::any()
            .add(contact::Column::Basis.eq(Basis::Consent))
            .add(
                Condition::all()
                    .add(screening_counts_on(now.date_naive()))
                    .add(contact::Column::Phone.not_in_subquery(listed)),
            ),
    );
    query
}
