//! Sessions stored in the database, so any server node can serve any request.

use crate::tokens::{hash_token, new_token};
use crate::{
    auth::entity::{person, session},
    error::AppResult,
};
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// How long a session lasts without signing in again.
pub const SESSION_DAYS: i64 = 30;

/// Starts a session for `person_id` on `device` and returns the token for the cookie.
pub async fn create_session(
    db: &impl ConnectionTrait,
    person_id: i32,
    device: Option<String>,
) -> AppResult<String> {
    let token = new_token();
    let now = Utc::now();
    session::ActiveModel {
        token_hash: Set(hash_token(&token)),
        person_id: Set(person_id),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(SESSION_DAYS)),
        device: Set(device),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The person a session token belongs to, if the session exists and has not expired.
/// One query: this runs on every signed-in request.
pub async fn get_person_for_session(
    db: &impl ConnectionTrait,
    token: &str,
) -> AppResult<Option<person::Model>> {
    let found = session::Entity::find()
        .find_also_related(person::Entity)
        .filter(session::Column::TokenHash.eq(hash_token(token)))
        .filter(session::Column::ExpiresAt.gt(Utc::now()))
        .one(db)
        .await?;
    Ok(found.and_then(|(_, person)| person))
}

/// Ends one session (signing out, or rotating at sign-in).
pub async fn delete_session(db: &impl ConnectionTrait, token: &str) -> AppResult<()> {
    session::Entity::delete_many()
        .filter(session::Column::TokenHash.eq(hash_token(token)))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of a person, e.g. after a password reset.
pub async fn delete_sessions_for_person(
    db: &impl ConnectionTrait,
    person_id: i32,
) -> AppResult<()> {
    session::Entity::delete_many()
        .filter(session::Column::PersonId.eq(person_id))
        .exec(db)
        .await?;
    Ok(())
}
