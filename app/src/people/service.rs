//! Profile changes; friendships and visibility in the submodules. Erasing an account
//! touches every domain, so it sits above them (`crate::account_erasure`).

pub mod friend_invites;
pub mod friends;
pub mod going;

use crate::{
    auth::entity::person,
    error::{AppError, AppResult},
    validate::{PersonName, PostcodeUk},
};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};

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
