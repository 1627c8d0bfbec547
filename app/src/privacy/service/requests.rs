//! Data requests: a member's prepared download (its id is the link; the session must be
//! the member's), and a guest's emailed link (a secret token; only its hash is kept).

use crate::{
    error::{AppError, AppResult},
    privacy::entity::data_request,
    tokens::{hash_token, new_token},
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

/// How long a download or an emailed link works.
pub const LINK_HOURS: i64 = 24;
const DOWNLOAD: &str = "download";
const GUEST: &str = "guest";

/// A member's prepared download.
#[derive(Debug, Clone)]
pub struct Download {
    pub id: i32,
    pub until: DateTime<Utc>,
}

/// Prepares a download for `person_id`, working for 24 hours.
pub async fn grant_download(db: &impl ConnectionTrait, person_id: i32) -> AppResult<Download> {
    let now = Utc::now();
    let row = data_request::ActiveModel {
        token_hash: Set(hash_token(&new_token())),
        person_id: Set(Some(person_id)),
        purpose: Set(DOWNLOAD.to_string()),
        created_at: Set(now),
        expires_at: Set(now + Duration::hours(LINK_HOURS)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(Download {
        id: row.id,
        until: row.expires_at,
    })
}

/// The person's downloads that still work, newest first.
pub async fn downloads_of(db: &impl ConnectionTrait, person_id: i32) -> AppResult<Vec<Download>> {
    Ok(data_request::Entity::find()
        .filter(data_request::Column::PersonId.eq(person_id))
        .filter(data_request::Column::Purpose.eq(DOWNLOAD))
        .filter(data_request::Column::ExpiresAt.gt(Utc::now()))
        .order_by_desc(data_request::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|row| Download {
            id: row.id,
            until: row.expires_at,
        })
        .collect())
}

/// Checks that download `id` is `person_id`'s and still works. Anyone else's, or an
/// expired one, is simply not found.
pub async fn check_download(db: &impl ConnectionTrait, id: i32, person_id: i32) -> AppResult<()> {
    data_request::Entity::find_by_id(id)
        .filter(data_request::Column::PersonId.eq(person_id))
        .filter(data_request::Column::Purpose.eq(DOWNLOAD))
        .filter(data_request::Column::ExpiresAt.gt(Utc::now()))
        .one(db)
        .await?
        .map(|_| ())
        .ok_or(AppError::NotFound)
}

/// Makes a guest link for `email`; returns the token for the emailed link.
pub async fn grant_guest_link(db: &impl ConnectionTrait, email: &str) -> AppResult<String> {
    let token = new_token();
    let now = Utc::now();
    data_request::ActiveModel {
        token_hash: Set(hash_token(&token)),
        email: Set(Some(email.to_string())),
        purpose: Set(GUEST.to_string()),
        created_at: Set(now),
        expires_at: Set(now + Duration::hours(LINK_HOURS)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The address a guest link proves, and until when it works; an unknown, expired or
/// used link is refused with a message saying so.
pub async fn guest_link(
    db: &impl ConnectionTrait,
    token: &str,
) -> AppResult<(String, DateTime<Utc>)> {
    let row = data_request::Entity::find()
        .filter(data_request::Column::TokenHash.eq(hash_token(token)))
        .filter(data_request::Column::Purpose.eq(GUEST))
        .one(db)
        .await?;
    match row {
        Some(row) if row.used_at.is_some() => Err(AppError::invalid(
            "token",
            "This link was used to erase what we held, so it no longer works.",
        )),
        Some(row) if row.expires_at > Utc::now() => {
            Ok((row.email.unwrap_or_default(), row.expires_at))
        }
        _ => Err(AppError::invalid(
            "token",
            "This link has expired or is not one of ours. Ask for a new one.",
        )),
    }
}

/// Deletes requests that stopped working before `now` (retention).
pub async fn purge_expired(db: &impl ConnectionTrait, now: DateTime<Utc>) -> AppResult<u64> {
    Ok(data_request::Entity::delete_many()
        .filter(data_request::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?
        .rows_affected)
}
