//! Share links that credit the sharer: "brought by".

use crate::{
    auth::service::directory::person_ref,
    error::AppResult,
    events::{entity::signup, model::SignUpStatus},
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

/// The person to credit for a sign-up through a link shared by `referrer`: they must
/// exist and must not be the person signing up.
pub async fn credit_for(
    db: &impl ConnectionTrait,
    referrer: Option<i32>,
    signer_email: &str,
) -> AppResult<Option<i32>> {
    let Some(id) = referrer else {
        return Ok(None);
    };
    Ok(person_ref(db, id)
        .await?
        .filter(|p| !p.email.eq_ignore_ascii_case(signer_email))
        .map(|p| p.id))
}

/// How many people a person has brought to events (sign-ups still standing).
pub async fn brought_count(db: &impl ConnectionTrait, person_id: i32) -> AppResult<u64> {
    Ok(signup::Entity::find()
        .filter(signup::Column::ReferrerId.eq(person_id))
        .filter(signup::Column::Status.ne(SignUpStatus::Cancelled))
        .count(db)
        .await?)
}
