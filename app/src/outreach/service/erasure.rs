//! What outreach forgets when a person is erased.

use crate::consent::service::delete_consents_of;
use crate::{error::AppResult, outreach::entity::message_delivery};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// Removes every consent choice and request of `email`, and its copies of messages sent
/// to audiences. Call it inside the erasure's transaction.
pub async fn forget_contact(db: &impl ConnectionTrait, email: &str) -> AppResult<()> {
    delete_consents_of(db, email).await?;
    message_delivery::Entity::delete_many()
        .filter(message_delivery::Column::Email.eq(email))
        .exec(db)
        .await?;
    Ok(())
}
