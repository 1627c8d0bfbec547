//! What consent stops keeping: requests never confirmed.

use crate::{consent::entity::confirmation, error::AppResult};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// Deletes unconfirmed consent requests whose link expired before `now`.
pub async fn purge_unconfirmed(db: &impl ConnectionTrait, now: DateTime<Utc>) -> AppResult<u64> {
    Ok(confirmation::Entity::delete_many()
        .filter(confirmation::Column::ExpiresAt.lte(now))
        .filter(confirmation::Column::ConfirmedAt.is_null())
        .exec(db)
        .await?
        .rows_affected)
}
