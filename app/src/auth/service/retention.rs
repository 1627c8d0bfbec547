//! What auth stops keeping: expired links and codes, ended sessions, old sign-in limits.

use crate::{
    auth::entity::{
        email_confirmation, mobile_confirmation, password_reset, session, sign_in_limit,
    },
    error::AppResult,
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter};

/// How long a sign-in limit's count is kept after its last attempt.
const LIMITS_KEPT_DAYS: i64 = 30;

/// Deletes expired reset links, address and number confirmations, sessions that ended
/// or began more than `session_idle_days` ago, and sign-in limits untouched for 30 days.
/// Returns the rows deleted.
pub async fn purge_expired(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    session_idle_days: i64,
) -> AppResult<u64> {
    let mut deleted = 0;
    deleted += password_reset::Entity::delete_many()
        .filter(password_reset::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?
        .rows_affected;
    deleted += email_confirmation::Entity::delete_many()
        .filter(email_confirmation::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?
        .rows_affected;
    deleted += mobile_confirmation::Entity::delete_many()
        .filter(mobile_confirmation::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?
        .rows_affected;
    deleted += session::Entity::delete_many()
        .filter(
            Condition::any()
                .add(session::Column::ExpiresAt.lte(now))
                .add(session::Column::CreatedAt.lte(now - Duration::days(session_idle_days))),
        )
        .exec(db)
        .await?
        .rows_affected;
    let stale = now - Duration::days(LIMITS_KEPT_DAYS);
    deleted += sign_in_limit::Entity::delete_many()
        .filter(
            Condition::any()
                .add(sign_in_limit::Column::LastAttemptAt.lte(stale))
                .add(
                    Condition::all()
                        .add(sign_in_limit::Column::LastAttemptAt.is_null())
                        .add(sign_in_limit::Column::WindowStartedAt.lte(stale)),
                ),
        )
        .exec(db)
        .await?
        .rows_affected;
    Ok(deleted)
}
