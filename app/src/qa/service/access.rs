//! Where the person asking stands with a session (`policy::Standing`), and the one check
//! every Q&A service call passes: `session_for`.

use crate::{
    auth::model::{PersonView, Role},
    error::{AppError, AppResult},
    groups::service::lookups::active_group_ids,
    outreach::service::senders::may_send_for,
    qa::{
        entity::{moderator, session},
        model::{Askers, Readers},
        policy::{allows, QaAction, Standing},
        service::politicians::answerer_for,
    },
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

/// A session, who is asking, and how they stand with it.
#[derive(Debug, Clone)]
pub struct Access {
    pub session: session::Model,
    pub person: Option<PersonView>,
    pub standing: Standing,
}

impl Access {
    /// The person, for actions only signed-in people reach.
    pub fn person(&self) -> AppResult<&PersonView> {
        self.person.as_ref().ok_or(AppError::Unauthenticated)
    }

    pub fn may(&self, action: QaAction) -> bool {
        allows(self.standing, action)
    }
}

/// The session `id` as `viewer` may read it (anyone may, unless the host limited it to
/// people signed in).
pub async fn session_to_read(
    db: &impl ConnectionTrait,
    id: i32,
    viewer: Option<&PersonView>,
) -> AppResult<Access> {
    let found = find(db, id).await?;
    let standing = match viewer {
        Some(person) => standing_of(db, &found, person).await?,
        None if found.readers == Readers::Anyone => Standing::Anonymous,
        None => return Err(AppError::Unauthenticated),
    };
    Ok(Access {
        session: found,
        person: viewer.cloned(),
        standing,
    })
}

/// The session `id`, if `viewer` may do `action` with it.
pub async fn session_for(
    db: &impl ConnectionTrait,
    id: i32,
    viewer: Option<&PersonView>,
    action: QaAction,
) -> AppResult<Access> {
    let person = viewer.ok_or(AppError::Unauthenticated)?;
    let found = find(db, id).await?;
    let standing = standing_of(db, &found, person).await?;
    if !allows(standing, action) {
        return Err(AppError::Forbidden);
    }
    Ok(Access {
        session: found,
        person: Some(person.clone()),
        standing,
    })
}

async fn find(db: &impl ConnectionTrait, id: i32) -> AppResult<session::Model> {
    session::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// How `person` stands with `found`: the strongest tie wins, so one person is never both
/// asking and moderating.
async fn standing_of(
    db: &impl ConnectionTrait,
    found: &session::Model,
    person: &PersonView,
) -> AppResult<Standing> {
    if person.has_role(Role::Staff) {
        return Ok(Standing::Staff);
    }
    if may_send_for(db, found.group_id, person).await? {
        return Ok(Standing::Host);
    }
    if answerer_for(db, found.id, person.id).await?.is_some() {
        return Ok(Standing::Answerer);
    }
    let moderating = moderator::Entity::find()
        .filter(moderator::Column::SessionId.eq(found.id))
        .filter(moderator::Column::PersonId.eq(person.id))
        .count(db)
        .await?
        > 0;
    if moderating {
        return Ok(Standing::Moderator);
    }
    let may_ask = match found.askers {
        Askers::Anyone => true,
        Askers::Party => person.has_role(Role::Member),
        Askers::Group => match found.group_id {
            Some(group_id) => active_group_ids(db, person.id).await?.contains(&group_id),
            None => person.has_role(Role::Member),
        },
    };
    Ok(if may_ask {
        Standing::Asker
    } else {
        Standing::Reader
    })
}
