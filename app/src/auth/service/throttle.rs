//! Sign-in rate limits per account and per address, counted in the database so they
//! hold across server nodes.

use crate::{
    auth::entity::sign_in_attempt,
    error::{AppError, AppResult},
};
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
};

/// The window failures are counted over.
pub const WINDOW_MINUTES: i64 = 15;
/// Failures allowed per account in the window: enough for typos, too few to guess.
pub const MAX_FAILURES_PER_ACCOUNT: u64 = 5;
/// Failures allowed per address in the window: several people may share one address.
pub const MAX_FAILURES_PER_ADDRESS: u64 = 30;

/// The keys a sign-in attempt is counted under.
pub fn attempt_keys(email: &str, address: &str) -> [(String, u64); 2] {
    [
        (format!("account:{email}"), MAX_FAILURES_PER_ACCOUNT),
        (format!("address:{address}"), MAX_FAILURES_PER_ADDRESS),
    ]
}

/// Refuses with `RateLimited` when any key has used up its failures in the window.
pub async fn check_sign_in_allowed(
    db: &impl ConnectionTrait,
    email: &str,
    address: &str,
) -> AppResult<()> {
    let since = Utc::now() - Duration::minutes(WINDOW_MINUTES);
    for (key, limit) in attempt_keys(email, address) {
        let failures = sign_in_attempt::Entity::find()
            .filter(sign_in_attempt::Column::Key.eq(key))
            .filter(sign_in_attempt::Column::CreatedAt.gt(since))
            .count(db)
            .await?;
        if failures >= limit {
            return Err(AppError::RateLimited {
                retry_after_minutes: WINDOW_MINUTES as u32,
            });
        }
    }
    Ok(())
}

/// Records a failed sign-in under every key, and forgets failures older than the window.
pub async fn record_failed_sign_in(
    db: &impl ConnectionTrait,
    email: &str,
    address: &str,
) -> AppResult<()> {
    let now = Utc::now();
    for (key, _) in attempt_keys(email, address) {
        sign_in_attempt::ActiveModel {
            key: Set(key),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    sign_in_attempt::Entity::delete_many()
        .filter(sign_in_attempt::Column::CreatedAt.lt(now - Duration::minutes(WINDOW_MINUTES)))
        .exec(db)
        .await?;
    Ok(())
}
