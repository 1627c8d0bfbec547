//! Profile changes and erasure; friendships and visibility in the submodules.

pub mod friend_invites;
pub mod friends;
pub mod going;

use crate::{
    auth::{entity::person, service::passwords},
    db::begin_write,
    error::{AppError, AppResult},
    events::service::cancellations::cancel_signups_of_person,
    mail::delete_emails_to,
    outreach::service::erasure::forget_contact,
    validate::{PersonName, PostcodeUk},
};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, EntityTrait, Set, TransactionSession, TransactionTrait,
};

/// A change to a profile, validated.
#[derive(Debug, Clone)]
pub struct ProfilePatch {
    pub name: PersonName,
    pub postcode: Option<PostcodeUk>,
}

impl ProfilePatch {
    pub fn parse(name: &str, postcode: &str) -> AppResult<Self> {
        Ok(Self {
            name: PersonName::parse("name", name)?,
            postcode: PostcodeUk::parse_optional("postcode", postcode)?,
        })
    }
}

/// Updates a person's name and postcode.
pub async fn update_profile(
    db: &impl ConnectionTrait,
    person_id: i32,
    patch: ProfilePatch,
) -> AppResult<person::Model> {
    let found = person::Entity::find_by_id(person_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut active: person::ActiveModel = found.into();
    active.name = Set(patch.name.as_str().to_string());
    active.postcode = Set(patch.postcode.map(|p| p.as_str().to_string()));
    active.updated_at = Set(Utc::now());
    Ok(active.update(db).await?)
}

/// Erases a person and everything about them, after checking their password. Rows that
/// hang off the person go with it by foreign-key cascade; the rest is removed here, in one
/// transaction. What belongs to the address (its guest sign-ups, its consent history, the
/// emails sent to it) goes too only when the person proved the address is theirs: anyone
/// can open an account for any address, and deleting it must not touch its owner's data.
pub async fn delete_person<C>(
    db: &C,
    person_id: i32,
    password: &str,
    public_url: &str,
) -> AppResult<()>
where
    C: ConnectionTrait + TransactionTrait,
{
    let found = person::Entity::find_by_id(person_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if !passwords::verify_password(password, &found.password_hash).await {
        return Err(AppError::invalid("password", "That password is not right."));
    }
    let txn = begin_write(db).await?;
    // Cancelling first gives their places to the waitlist and keeps the counts right.
    if found.email_confirmed_at.is_some() {
        cancel_signups_of_person(&txn, found.id, Some(&found.email), public_url).await?;
        forget_contact(&txn, &found.email).await?;
        delete_emails_to(&txn, &found.email).await?;
    } else {
        cancel_signups_of_person(&txn, found.id, None, public_url).await?;
    }
    person::Entity::delete_by_id(found.id).exec(&txn).await?;
    txn.commit().await?;
    Ok(())
}
