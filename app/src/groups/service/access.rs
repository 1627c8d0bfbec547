//! Where someone stands with a group, and the one check every group action makes.

use crate::{
    auth::model::{PersonView, Role},
    error::{AppError, AppResult},
    groups::{
        entity::{group, group_member},
        model::{GroupRole, MemberState},
        policy::{Access, GroupAction, Standing},
    },
};
use sea_orm::{
    sea_query::{Query, SelectStatement},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};

/// The standing a membership row gives.
pub fn standing_of_membership(row: &group_member::Model) -> Standing {
    match (row.state, row.role) {
        (MemberState::Pending, _) => Standing::Pending,
        (MemberState::Banned, _) => Standing::Banned,
        (MemberState::Active, GroupRole::Owner) => Standing::Owner,
        (MemberState::Active, GroupRole::Organiser) => Standing::Organiser,
        (MemberState::Active, GroupRole::Member) => Standing::Member,
    }
}

/// A person's membership row in a group, whatever its state.
pub async fn membership_of(
    db: &impl ConnectionTrait,
    group_id: i32,
    person_id: i32,
) -> AppResult<Option<group_member::Model>> {
    Ok(group_member::Entity::find()
        .filter(group_member::Column::GroupId.eq(group_id))
        .filter(group_member::Column::PersonId.eq(person_id))
        .one(db)
        .await?)
}

/// Where `viewer` (None: not signed in) stands with the group.
pub async fn access_to(
    db: &impl ConnectionTrait,
    group_id: i32,
    viewer: Option<&PersonView>,
) -> AppResult<Access> {
    let Some(viewer) = viewer else {
        return Ok(Access {
            standing: Standing::Anonymous,
            staff: false,
        });
    };
    let standing = match membership_of(db, group_id, viewer.id).await? {
        Some(row) => standing_of_membership(&row),
        None => Standing::NonMember,
    };
    Ok(Access {
        standing,
        staff: viewer.has_role(Role::Staff),
    })
}

/// Ok when `access` allows `action`; otherwise "sign in" for the anonymous and
/// "not allowed" for everyone else.
pub fn require(access: Access, action: GroupAction) -> AppResult<()> {
    if access.may(action) {
        Ok(())
    } else if access.standing == Standing::Anonymous {
        Err(AppError::Unauthenticated)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The group, if `viewer` may do `action` in it.
pub async fn group_for(
    db: &impl ConnectionTrait,
    group_id: i32,
    viewer: Option<&PersonView>,
    action: GroupAction,
) -> AppResult<(group::Model, Access)> {
    let found = group::Entity::find_by_id(group_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let access = access_to(db, group_id, viewer).await?;
    require(access, action)?;
    Ok((found, access))
}

/// Checks that `viewer` may run events on behalf of the group (asked by events).
pub async fn require_group_host(
    db: &impl ConnectionTrait,
    group_id: i32,
    viewer: &PersonView,
) -> AppResult<group::Model> {
    let (found, _) = group_for(db, group_id, Some(viewer), GroupAction::HostGroupEvent).await?;
    Ok(found)
}

/// A subquery of the ids of the groups `person_id` is an active member of, for other
/// domains' queries (finding fellow members, a person's groups' events).
pub fn active_group_ids_of(person_id: i32) -> SelectStatement {
    Query::select()
        .column(group_member::Column::GroupId)
        .from(group_member::Entity)
        .and_where(group_member::Column::PersonId.eq(person_id))
        .and_where(group_member::Column::State.eq(MemberState::Active))
        .to_owned()
}

/// A subquery of the people active in any of the groups `person_id` is active in.
pub fn fellow_member_ids_of(person_id: i32) -> SelectStatement {
    Query::select()
        .column(group_member::Column::PersonId)
        .from(group_member::Entity)
        .and_where(group_member::Column::GroupId.in_subquery(active_group_ids_of(person_id)))
        .and_where(group_member::Column::State.eq(MemberState::Active))
        .to_owned()
}
