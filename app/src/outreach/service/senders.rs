//! Who may send: organisers and owners of official groups for their group, staff for any
//! group and for national messages. Every Creator server function starts here.

use crate::{
    auth::model::{PersonView, Role},
    consent::model::{scope_of, Scope},
    error::{AppError, AppResult},
    groups::{
        policy::GroupAction,
        service::lookups::{group_ref_for, GroupRef},
    },
    outreach::entity::message,
};
use sea_orm::{ConnectionTrait, EntityTrait};

/// A person allowed to send for a group (or nationally), with the group.
#[derive(Debug, Clone)]
pub struct Sender {
    pub person: PersonView,
    /// None: national messages.
    pub group: Option<GroupRef>,
    pub staff: bool,
}

impl Sender {
    pub fn group_id(&self) -> Option<i32> {
        self.group.as_ref().map(|g| g.id)
    }

    /// The consent scope messages from here are sent under.
    pub fn scope(&self) -> Scope {
        scope_of(self.group_id())
    }

    /// The group's name, or the party's for national messages.
    pub fn name(&self) -> String {
        self.group
            .as_ref()
            .map_or_else(|| "MembersNet".to_string(), |g| g.name.clone())
    }
}

/// Checks `viewer` may send for `group_id` (None: nationally).
pub async fn sender_for(
    db: &impl ConnectionTrait,
    group_id: Option<i32>,
    viewer: Option<&PersonView>,
) -> AppResult<Sender> {
    let person = viewer.ok_or(AppError::Unauthenticated)?;
    let staff = person.has_role(Role::Staff);
    let group = match group_id {
        None if staff => None,
        None => return Err(AppError::Forbidden),
        Some(id) => {
            let found = group_ref_for(db, id, person, GroupAction::SendMessages).await?;
            // Only official local party groups reach supporters, so a group someone
            // started yesterday cannot mail a neighbourhood.
            if !found.verified && !staff {
                return Err(AppError::Forbidden);
            }
            Some(found)
        }
    };
    Ok(Sender {
        person: person.clone(),
        group,
        staff,
    })
}

/// Whether `person` may send for `group_id` (None: nationally): the organisers of an
/// official group, and staff. Phonebanks and Q&As are run by the same people.
pub async fn may_send_for(
    db: &impl ConnectionTrait,
    group_id: Option<i32>,
    person: &PersonView,
) -> AppResult<bool> {
    match sender_for(db, group_id, Some(person)).await {
        Ok(_) => Ok(true),
        Err(AppError::Forbidden | AppError::NotFound) => Ok(false),
        Err(err) => Err(err),
    }
}

/// The message `id`, if `viewer` may send for its group.
pub async fn message_for(
    db: &impl ConnectionTrait,
    id: i32,
    viewer: Option<&PersonView>,
) -> AppResult<(message::Model, Sender)> {
    viewer.ok_or(AppError::Unauthenticated)?;
    let found = message::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let sender = sender_for(db, found.group_id, viewer).await?;
    Ok((found, sender))
}
