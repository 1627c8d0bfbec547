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
    /// Their caller's row, when the check read it (calling does), so the call page need
    /// not read it again.
    pub caller: Option<caller::Model>,
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
    let (standing, caller) = standing_of(db, &found, person, action).await?;
    if !allows(standing, action) {
        return Err(AppError::Forbidden);
    }
    Ok(Access {
        phonebank: found,
        person: person.clone(),
        standing,
        caller,
    })
}

/// How `person` stands with `found`, and their caller's row if it was read. Calling, the
/// hot path, asks the cheapest questions first: a caller already known to the phonebank
/// (let in by the link, or who has called before) is one indexed read.
async fn standing_of(
    db: &impl ConnectionTrait,
    found: &phonebank::Model,
    person: &PersonView,
    action: PhonebankAction,
) -> AppResult<(Standing, Option<caller::Model>)> {
    if person.has_role(Role::Staff) {
        return Ok((Standing::Staff, None));
    }
    let row = if action == PhonebankAction::Call {
        caller_row(db, found.id, person.id).await?
    } else {
        None
    };
    if row.is_some() {
        return Ok((Standing::Caller, row));
    }
    if may_send_for(db, found.group_id, person).await? {
        return Ok((Standing::Organiser, row));
    }
    let member = match found.group_id {
        Some(group_id) => active_group_ids(db, person.id).await?.contains(&group_id),
        None => person.has_role(Role::Member),
    };
    let standing = match (member, found.callers) {
        (true, CallersAllowed::Members) => Standing::Caller,
        (true, CallersAllowed::LinkHolders) => Standing::Member,
        // Calling has read the row already (and found none).
        (false, _)
            if action != PhonebankAction::Call
                && caller_row(db, found.id, person.id).await?.is_some() =>
        {
            Standing::Caller
        }
        (false, _) => Standing::Stranger,
    };
    Ok((standing, row))
}

/// The person's caller row for the phonebank, if they have one.
async fn caller_row(
    db: &impl ConnectionTrait,
    phonebank_id: i32,
    person_id: i32,
) -> AppResult<Option<caller::Model>> {
    Ok(caller::Entity::find()
        .filter(caller::Column::PhonebankId.eq(phonebank_id))
        .filter(caller::Column::PersonId.eq(person_id))
        .one(db)
        .await?)
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
