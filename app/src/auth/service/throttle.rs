//! Sign-in limits that slow a guesser without locking out the owner, counted in the
//! database so they hold across server nodes. Each attempt is counted under three keys
//! before its password is checked:
//! - its (account, address) pair: five free, then growing delays (`rules::Limit::Backoff`);
//! - its address, across accounts: at most 100 checks per 15 minutes, so many people can
//!   share one address (`rules::Limit::Ceiling`);
//! - its account, from every address: twenty free, then growing delays.
//!
//! An address the account signed in from in the last 30 days is waived the address's and
//! the account's limits (only its own pair's apply), so someone guessing from elsewhere,
//! or from a crowd's shared address, does not keep the owner out.

pub mod rules;

use self::rules::{Count, Limit, Verdict};
use crate::{
    auth::entity::sign_in_limit,
    db::begin_write,
    error::{AppError, AppResult},
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    sea_query::{Expr, ExprTrait, OnConflict},
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};

/// How long a right password from an address waives the address's and account's limits.
pub const KNOWN_FOR: Duration = Duration::days(30);

const PAIR: Limit = Limit::Backoff {
    free: rules::PAIR_FREE_ATTEMPTS,
    counts_refused: true,
};
const ADDRESS: Limit = Limit::Ceiling {
    most: rules::ADDRESS_MAX_CHECKS,
};
const ACCOUNT: Limit = Limit::Backoff {
    free: rules::ACCOUNT_FREE_CHECKS,
    counts_refused: false,
};

/// The key of an (account, address) pair. Parts are cut to length: no real email or
/// address is longer, and the column has a limit.
pub fn pair_key(email: &str, address: &str) -> String {
    format!("pair:{}|{}", cut(email, 254), cut(address, 64))
}

/// The key of an address, across accounts.
pub fn address_key(address: &str) -> String {
    format!("address:{}", cut(address, 64))
}

/// The key of an account, across addresses.
pub fn account_key(email: &str) -> String {
    format!("account:{}", cut(email, 254))
}

fn cut(text: &str, chars: usize) -> String {
    text.chars().take(chars).collect()
}

/// Counts a sign-in attempt under its pair, address and account, then says whether its
/// password may be checked: `RateLimited` (with the wait) if not. Counting and judging
/// are one write transaction, and the counts are upserts that take the rows' locks, so
/// parallel attempts are judged one after another and each sees the ones before it.
/// `email` is already trimmed and lower case.
pub async fn begin_sign_in<C>(db: &C, email: &str, address: &str) -> AppResult<()>
where
    C: ConnectionTrait + TransactionTrait,
{
    // Every attempt locks its rows in this order, so two attempts cannot deadlock.
    let keys = [
        (pair_key(email, address), PAIR, false),
        (address_key(address), ADDRESS, true),
        (account_key(email), ACCOUNT, true),
    ];
    let txn = begin_write(db).await?;
    for (key, _, _) in &keys {
        count_attempt(&txn, key, Utc::now()).await?;
    }
    // The clock is read with the rows locked, so attempts are judged in the order counted.
    let now = Utc::now();
    let rows = sign_in_limit::Entity::find()
        .filter(sign_in_limit::Column::Key.is_in(keys.iter().map(|(key, _, _)| key.clone())))
        .all(&txn)
        .await?;
    let row_of = |key: &str| {
        rows.iter()
            .find(|row| row.key == key)
            .ok_or(AppError::Internal)
    };
    let known = row_of(keys[0].0.as_str())?
        .signed_in_at
        .is_some_and(|at| now - at < KNOWN_FOR);
    let mut judged = Vec::with_capacity(keys.len());
    let mut wait: Option<Duration> = None;
    for (key, limit, waived_when_known) in &keys {
        let before = limit.current(&count_before(row_of(key.as_str())?), now);
        if let Verdict::Wait(this) = limit.judge(&before, now) {
            if !(known && *waived_when_known) {
                wait = Some(wait.map_or(this, |longest| longest.max(this)));
            }
        }
        judged.push((key, limit, before));
    }
    for (key, limit, before) in judged {
        save_count(&txn, key, &limit.after(&before, now, wait.is_none())).await?;
    }
    txn.commit().await?;
    match wait {
        None => Ok(()),
        Some(wait) => Err(AppError::RateLimited {
            retry_after_minutes: rules::minutes_to_wait(wait),
        }),
    }
}

/// Adds one to a key's count, creating its row: the upsert locks the row until the
/// transaction ends.
async fn count_attempt(txn: &impl ConnectionTrait, key: &str, now: DateTime<Utc>) -> AppResult<()> {
    let failures = Expr::col((sign_in_limit::Entity, sign_in_limit::Column::Failures)).add(1);
    sign_in_limit::Entity::insert(sign_in_limit::ActiveModel {
        key: Set(key.to_string()),
        failures: Set(1),
        window_started_at: Set(now),
        last_attempt_at: Set(None),
        last_allowed_at: Set(None),
        signed_in_at: Set(None),
    })
    .on_conflict(
        OnConflict::column(sign_in_limit::Column::Key)
            .value(sign_in_limit::Column::Failures, failures)
            .to_owned(),
    )
    .exec_without_returning(txn)
    .await?;
    Ok(())
}

/// The count as it stood before this attempt's upsert added one.
fn count_before(row: &sign_in_limit::Model) -> Count {
    Count {
        failures: row.failures - 1,
        window_started_at: row.window_started_at,
        last_attempt_at: row.last_attempt_at,
        last_allowed_at: row.last_allowed_at,
    }
}

async fn save_count(txn: &impl ConnectionTrait, key: &str, count: &Count) -> AppResult<()> {
    sign_in_limit::ActiveModel {
        key: Set(key.to_string()),
        failures: Set(count.failures),
        window_started_at: Set(count.window_started_at),
        last_attempt_at: Set(count.last_attempt_at),
        last_allowed_at: Set(count.last_allowed_at),
        ..Default::default()
    }
    .update(txn)
    .await?;
    Ok(())
}

/// A right password: the pair's count is cleared and its address becomes known for the
/// account; the attempt comes off the address's and the account's counts.
pub async fn record_successful_sign_in(
    db: &impl ConnectionTrait,
    email: &str,
    address: &str,
) -> AppResult<()> {
    sign_in_limit::Entity::update_many()
        .col_expr(sign_in_limit::Column::Failures, Expr::value(0))
        .col_expr(sign_in_limit::Column::SignedInAt, Expr::value(Utc::now()))
        .filter(sign_in_limit::Column::Key.eq(pair_key(email, address)))
        .exec(db)
        .await?;
    // One row per statement, address before account: the order attempts lock them in.
    for key in [address_key(address), account_key(email)] {
        sign_in_limit::Entity::update_many()
            .col_expr(
                sign_in_limit::Column::Failures,
                Expr::col(sign_in_limit::Column::Failures).sub(1),
            )
            .filter(sign_in_limit::Column::Key.eq(key))
            .filter(sign_in_limit::Column::Failures.gt(0))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Deletes counts no rule looks at any more: no attempt for a day, and no right password
/// recent enough to make the address known.
pub async fn forget_lapsed_counts(db: &impl ConnectionTrait) -> AppResult<u64> {
    let now = Utc::now();
    let deleted = sign_in_limit::Entity::delete_many()
        .filter(sign_in_limit::Column::LastAttemptAt.lt(now - rules::FORGET_AFTER))
        .filter(
            Condition::any()
                .add(sign_in_limit::Column::SignedInAt.is_null())
                .add(sign_in_limit::Column::SignedInAt.lt(now - KNOWN_FOR)),
        )
        .exec(db)
        .await?;
    Ok(deleted.rows_affected)
}
