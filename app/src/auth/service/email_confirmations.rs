//! Confirming that a person owns their account's address, by an emailed, one-use,
//! week-long link. Anyone can open an account for any address, so until it is confirmed
//! the account acts on nothing that belongs to the address (see `PersonView::email_confirmed`).

use crate::{
    auth::entity::{email_confirmation, person},
    db::begin_write,
    error::{AppError, AppResult},
    mail::{queue_templated, Template},
    tokens,
};
use chrono::{Duration, Utc};
use minijinja::context;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};

/// How long a confirmation link works.
pub const CONFIRM_LINK_DAYS: i64 = 7;

/// Where a confirmation link points, before its token.
pub const CONFIRM_EMAIL_PATH: &str = "/account/confirm/";

/// Emails `found` a link that confirms their address, unless it is confirmed already.
/// Earlier links keep working until one is used or they expire.
pub async fn request_email_confirmation(
    db: &impl ConnectionTrait,
    found: &person::Model,
    public_url: &str,
) -> AppResult<()> {
    if found.email_confirmed_at.is_some() {
        return Ok(());
    }
    let token = tokens::new_token();
    let now = Utc::now();
    email_confirmation::ActiveModel {
        person_id: Set(found.id),
        token_hash: Set(tokens::hash_token(&token)),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(CONFIRM_LINK_DAYS)),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let link = format!(
        "{}{CONFIRM_EMAIL_PATH}{token}",
        public_url.trim_end_matches('/')
    );
    let values = context! { name => &found.name, days => CONFIRM_LINK_DAYS, link };
    queue_templated(db, &found.email, Template::ConfirmAddress, values).await
}

/// Confirms the address of the account a link was sent for, and uses the link (and any
/// other of the account's) up. Returns the person.
pub async fn confirm_email<C>(db: &C, token: &str) -> AppResult<person::Model>
where
    C: ConnectionTrait + TransactionTrait,
{
    let expired = || {
        AppError::invalid(
            "token",
            "This link has expired or was already used. Sign in and ask for a new one from your profile.",
        )
    };
    let txn = begin_write(db).await?;
    let link = email_confirmation::Entity::find()
        .filter(email_confirmation::Column::TokenHash.eq(tokens::hash_token(token)))
        .one(&txn)
        .await?
        .ok_or_else(expired)?;
    if link.used_at.is_some() || link.expires_at < Utc::now() {
        return Err(expired());
    }
    // The guard is in the UPDATE: of two racing uses of one link, only one changes a row.
    let now = Utc::now();
    let claimed = email_confirmation::Entity::update_many()
        .col_expr(email_confirmation::Column::UsedAt, now.into())
        .filter(email_confirmation::Column::PersonId.eq(link.person_id))
        .filter(email_confirmation::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    if claimed.rows_affected == 0 {
        return Err(expired());
    }
    set_email_confirmed(&txn, link.person_id).await?;
    let found = person::Entity::find_by_id(link.person_id)
        .one(&txn)
        .await?
        .ok_or_else(expired)?;
    txn.commit().await?;
    Ok(found)
}

/// Marks a person's address confirmed (kept as it is if it already was): by the link, or
/// for accounts the site's operators make themselves (`create-staff`, demo content).
pub async fn set_email_confirmed(db: &impl ConnectionTrait, person_id: i32) -> AppResult<()> {
    person::Entity::update_many()
        .col_expr(person::Column::EmailConfirmedAt, Utc::now().into())
        .filter(person::Column::Id.eq(person_id))
        .filter(person::Column::EmailConfirmedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
