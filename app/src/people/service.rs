//! Profile changes; friendships and visibility in the submodules. Erasing an account
//! touches every domain, so it sits above them (`crate::privacy`).

pub mod friend_invites;
pub mod friends;
pub mod going;

use crate::{
    auth::service::directory::set_name_and_postcode,
    error::{AppError, AppResult},
    validate::{PersonName, PostcodeUk},
};
use sea_orm::ConnectionTrait;

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
) -> AppResult<()> {
    let postcode = patch.postcode.as_ref().map(|p| p.as_str());
    if set_name_and_postcode(db, person_id, patch.name.as_str(), postcode).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}
