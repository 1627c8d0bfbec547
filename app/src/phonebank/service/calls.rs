//! Saving a call: its outcome and answers, and what that does to the contact (the retry
//! rules in `model::outcome`), in one transaction. A call carries the key it was handed
//! out with, so a submission repeated from a phone that was offline is the same call.
//! Wrong numbers and "do not call again" reach every phonebank of every group at once.

use super::leasing::{held_by, lease_in, Lessee, NextLease};
use crate::{
    consent::{model::Channel, service::calls::withdraw_phone_everywhere},
    db::{begin_write, sqlite_write_turn},
    error::{AppError, AppResult},
    mail::suppressions::address_hash,
    phonebank::{
        entity::{call, contact, do_not_call},
        model::{
            outcome::{after_call, AfterCall},
            CallerDay, ContactState, Outcome,
        },
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::{Expr, OnConflict},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set, TransactionSession,
    TransactionTrait,
};
use std::collections::BTreeMap;

/// What the caller recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallResult {
    pub outcome: Outcome,
    pub answers: BTreeMap<usize, String>,
    pub note: Option<String>,
    pub callback_at: Option<DateTime<Utc>>,
}

/// Whether a submission was new or a repeat of one already saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Saved,
    AlreadySaved,
}

/// The checks an outcome needs: a call-back needs its time, to come; "needs an organiser"
/// needs a note saying why.
pub fn check_result(result: &CallResult, now: DateTime<Utc>) -> AppResult<()> {
    match result.outcome {
        Outcome::CallBack => match result.callback_at {
            Some(at) if at > now => Ok(()),
            Some(_) => Err(AppError::invalid(
                "callback_at",
                "Choose a time to call back that is still to come.",
            )),
            None => Err(AppError::invalid(
                "callback_at",
                "Say when they asked to be called back.",
            )),
        },
        Outcome::NeedsOrganiser if result.note.as_deref().is_none_or(|n| n.trim().is_empty()) => {
            Err(AppError::invalid(
                "note",
                "Say what the organiser needs to know.",
            ))
        }
        _ => Ok(()),
    }
}

/// Saves the call made to `contact_id` under lease `lease_seq`; with `next`, leases the
/// caller's next contact in the same transaction ("Save and next call" is one write).
#[allow(clippy::too_many_arguments)]
pub async fn save_call<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    who: Lessee,
    contact_id: i32,
    lease_seq: i32,
    call_key: &str,
    result: &CallResult,
    next: Option<NextLease<'_>>,
    now: DateTime<Utc>,
) -> AppResult<Saved> {
    check_result(result, now)?;
    let _turn = sqlite_write_turn(db).await;
    let txn = begin_write(db).await?;
    let answers = if result.outcome.keeps_answers() {
        &result.answers
    } else {
        &BTreeMap::new()
    };
    // The call first: its key is unique, so a repeat inserts nothing and is answered as
    // the call already saved (whatever became of the lease since).
    let inserted = call::Entity::insert(call::ActiveModel {
        phonebank_id: Set(who.phonebank_id),
        contact_id: Set(contact_id),
        caller_id: Set(Some(who.caller_id)),
        call_key: Set(call_key.chars().take(64).collect()),
        outcome: Set(result.outcome),
        answers: Set(answers_json(answers)),
        note: Set(result.note.clone().filter(|n| !n.trim().is_empty())),
        callback_at: Set(result
            .callback_at
            .filter(|_| result.outcome == Outcome::CallBack)),
        corrected_by: Set(None),
        corrected_at: Set(None),
        previous: Set(None),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([call::Column::PhonebankId, call::Column::CallKey])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    if inserted == 0 {
        return Ok(Saved::AlreadySaved);
    }
    // Dropping the transaction on this error takes the call back out.
    let held = contact::Entity::find()
        .filter(held_by(who, contact_id, lease_seq))
        .one(&txn)
        .await?
        .ok_or_else(|| {
            AppError::conflict("This call had been handed to someone else, so it was not saved.")
        })?;
    let tries = held.tries + 1;
    let mut update = contact::Entity::update_many()
        .col_expr(contact::Column::Tries, Expr::value(tries))
        .col_expr(contact::Column::LastOutcome, Expr::value(result.outcome))
        .col_expr(contact::Column::LeasedBy, Expr::value(Option::<i32>::None));
    update = match after_call(
        result.outcome,
        tries,
        result.callback_at,
        who.caller_id,
        now,
    ) {
        AfterCall::Again { at, held_for } => update
            .col_expr(contact::Column::AvailableAt, Expr::value(at))
            .col_expr(contact::Column::CallbackFor, Expr::value(held_for)),
        AfterCall::Finished => {
            update.col_expr(contact::Column::State, Expr::value(ContactState::Finished))
        }
        AfterCall::Blocked => {
            update.col_expr(contact::Column::State, Expr::value(ContactState::Excluded))
        }
    };
    // Checked again at the write: on PostgreSQL the lease may have lapsed and gone to
    // someone else since the read above (nothing locked the row), and then this call
    // must not be saved.
    let updated = update
        .filter(held_by(who, contact_id, lease_seq))
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(AppError::conflict(
            "This call had been handed to someone else, so it was not saved.",
        ));
    }
    if result.outcome.blocks_number() {
        block_number(&txn, &held, result.outcome).await?;
    }
    if let Some(next) = next {
        lease_in(&txn, next, now).await?;
    }
    txn.commit().await?;
    Ok(Saved::Saved)
}

/// Never again, anywhere: the number's hash joins the do-not-call list, every phonebank's
/// contact with the number is taken out, and "do not call again" withdraws phone consent
/// in every scope, in the ledger, like a STOP.
async fn block_number(
    db: &impl ConnectionTrait,
    held: &contact::Model,
    outcome: Outcome,
) -> AppResult<()> {
    do_not_call::Entity::insert(do_not_call::ActiveModel {
        phone_hash: Set(address_hash(Channel::Phone, &held.phone)),
        reason: Set(outcome.as_str().to_string()),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(do_not_call::Column::PhoneHash)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    contact::Entity::update_many()
        .col_expr(contact::Column::State, Expr::value(ContactState::Excluded))
        .col_expr(contact::Column::LeasedBy, Expr::value(Option::<i32>::None))
        .filter(contact::Column::Phone.eq(&held.phone))
        .filter(contact::Column::State.eq(ContactState::Queued))
        .exec(db)
        .await?;
    if outcome == Outcome::DoNotCall {
        withdraw_phone_everywhere(db, &held.email, held.person_id, &held.phone).await?;
    }
    Ok(())
}

/// Answers as stored: JSON keyed by question number.
pub fn answers_json(answers: &BTreeMap<usize, String>) -> String {
    let map: serde_json::Map<String, serde_json::Value> = answers
        .iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.clone())))
        .collect();
    serde_json::Value::Object(map).to_string()
}

/// Answers as stored, read back (a row that is not JSON reads as no answers).
pub fn answers_from_json(stored: &str) -> BTreeMap<usize, String> {
    serde_json::from_str::<BTreeMap<String, String>>(stored)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(k, v)| Some((k.parse().ok()?, v)))
        .collect()
}

/// The caller's calls and conversations since `since` (midnight in London), in one read.
pub async fn caller_day(
    db: &impl ConnectionTrait,
    caller_id: i32,
    since: DateTime<Utc>,
) -> AppResult<CallerDay> {
    // The outcomes are our own constants, never input, so they may be written into SQL.
    let conversations = CONVERSATIONS
        .iter()
        .map(|o| format!("'{}'", o.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    let (calls, conversations) = call::Entity::find()
        .select_only()
        .column_as(Expr::cust("CAST(COUNT(*) AS BIGINT)"), "calls")
        .column_as(
            Expr::cust(format!(
                "CAST(COALESCE(SUM(CASE WHEN outcome IN ({conversations}) THEN 1 ELSE 0 END), 0) AS BIGINT)"
            )),
            "conversations",
        )
        .filter(call::Column::CallerId.eq(caller_id))
        .filter(call::Column::CreatedAt.gte(since))
        .into_tuple::<(i64, i64)>()
        .one(db)
        .await?
        .unwrap_or((0, 0));
    Ok(CallerDay {
        calls,
        conversations,
    })
}

/// The outcomes that mean the caller spoke to the person.
const CONVERSATIONS: [Outcome; 4] = [
    Outcome::Talked,
    Outcome::NotInterested,
    Outcome::DoNotCall,
    Outcome::CallBack,
];
