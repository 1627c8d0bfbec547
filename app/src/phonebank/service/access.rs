//! Where the person asking stands with a phonebank (`policy::Standing`), and the one
//! check every phonebank service call passes: `phonebank_for`.

use crate::{
    auth::model::{PersonView, Role},
    error::{AppError, AppResult},
    groups::service::lookups::{active_group_ids, group_ref, GroupRef},
    outreach::service::senders::may_send_for,
    phonebank::{
        entity::{caller, phonebank},
        model::CallersAllowed,
        policy::{allows, PhonebankAction, Standing},
    },
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// A phonebank, who is asking, and how they stand with it.
#[derive(Debug, Clone)]
pub struct Access {
    pub phonebank: phonebank::Model,
    pub person: PersonView,
    pub standing: Standing,
}

/// The phonebank `id`, if `viewer` may do `action` with it.
pub async fn phonebank_for(
    db: &impl ConnectionTrait,
    id: i32,
    viewer: Option<&PersonView>,
    action: PhonebankAction,
) -> AppResult<Access> {
    let person = viewer.ok_or(AppError::Unauthenticated)?;
    let found = phonebank::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let standing = standing_of(db, &found, person, action).await?;
    if !allows(standing, action) {
        return Err(AppError::Forbidden);
    }
    Ok(Access {
        phonebank: found,
        person: person.clone(),
        standing,
    })
}

/// How `person` stands with `found`. Calling, the hot path, asks the cheapest questions
/// first: a caller let in by the link is one indexed read.
async fn standing_of(
    db: &impl ConnectionTrait,
    found: &phonebank::Model,
    person: &PersonView,
    action: PhonebankAction,
) -> AppResult<Standing> {
    if person.has_role(Role::Staff) {
        return Ok(Standing::Staff);
    }
    if action == PhonebankAction::Call && is_let_in(db, found.id, person.id).await? {
        return Ok(Standing::Caller);
    }
    if may_send_for(db, found.group_id, person).await? {
        return Ok(Standing::Organiser);
    }
    let member = match found.group_id {
        Some(group_id) => active_group_ids(db, person.id).await?.contains(&group_id),
        None => person.has_role(Role::Member),
    };
    Ok(match (member, found.callers) {
        (true, CallersAllowed::Members) => Standing::Caller,
        (true, CallersAllowed::LinkHolders) => Standing::Member,
        (false, _) if is_let_in(db, found.id, person.id).await? => Standing::Caller,
        (false, _) => Standing::Stranger,
    })
}

/// Whether `person_id` joined the phonebank by its link.
async fn is_let_in(
    db: &impl ConnectionTrait,
    phonebank_id: i32,
    person_id: i32,
) -> AppResult<bool> {
    Ok(caller::Entity::find()
        .filter(caller::Column::PhonebankId.eq(phonebank_id))
        .filter(caller::Column::PersonId.eq(person_id))
        .one(db)
        .await?
        .is_some())
}

/// The group a phonebank belongs to, for its name and area.
pub async fn group_of(
    db: &impl ConnectionTrait,
    found: &phonebank::Model,
) -> AppResult<Option<GroupRef>> {
    match found.group_id {
        Some(id) => group_ref(db, id).await,
        None => Ok(None),
    }
}
