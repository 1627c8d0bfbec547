//! Joining, leaving, requests, roles, removal and bans. A group always keeps an owner.

use super::access::{group_for, membership_of, standing_of_membership};
use crate::{
    auth::model::PersonView,
    db::begin_write,
    error::{AppError, AppResult},
    groups::{
        entity::{group, group_member},
        model::{GroupRole, Joining, MemberState, Notify},
        policy::{Access, GroupAction, Standing},
    },
};
use chrono::Utc;
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, ModelTrait,
    PaginatorTrait, QueryFilter, Set, TransactionSession, TransactionTrait,
};

/// What joining did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joined {
    Member,
    /// The group approves its members: the request waits for an organiser.
    Requested,
}

/// Joins an open group, or asks to join one that approves its members.
pub async fn join_group<C>(db: &C, group_id: i32, viewer: &PersonView) -> AppResult<Joined>
where
    C: ConnectionTrait + TransactionTrait,
{
    let (found, _) = group_for(db, group_id, Some(viewer), GroupAction::Join).await?;
    let joined = if found.joining == Joining::Approval {
        Joined::Requested
    } else {
        Joined::Member
    };
    let txn = begin_write(db).await?;
    add_membership(&txn, group_id, viewer.id, joined == Joined::Member).await?;
    txn.commit().await?;
    Ok(joined)
}

/// Adds `person_id` as a member (active, or pending approval); counts active members.
pub(super) async fn add_membership(
    db: &impl ConnectionTrait,
    group_id: i32,
    person_id: i32,
    active: bool,
) -> AppResult<()> {
    group_member::ActiveModel {
        group_id: Set(group_id),
        person_id: Set(person_id),
        role: Set(GroupRole::Member),
        state: Set(if active {
            MemberState::Active
        } else {
            MemberState::Pending
        }),
        notify: Set(Notify::Digest),
        digest_sent_at: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|err| {
        if crate::db::is_unique_violation(&err) {
            AppError::conflict("You are already in this group, or have asked to join.")
        } else {
            err.into()
        }
    })?;
    if active {
        count_members(db, group_id, 1).await?;
    }
    Ok(())
}

/// Adds `delta` to the group's kept member count.
pub(super) async fn count_members(
    db: &impl ConnectionTrait,
    group_id: i32,
    delta: i32,
) -> AppResult<()> {
    group::Entity::update_many()
        .col_expr(
            group::Column::MemberCount,
            Expr::col(group::Column::MemberCount).add(delta),
        )
        .filter(group::Column::Id.eq(group_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Leaves the group (or withdraws a request). The last owner must hand over first.
pub async fn leave_group<C>(db: &C, group_id: i32, viewer: &PersonView) -> AppResult<()>
where
    C: ConnectionTrait + TransactionTrait,
{
    group_for(db, group_id, Some(viewer), GroupAction::Leave).await?;
    let txn = begin_write(db).await?;
    let row = membership_of(&txn, group_id, viewer.id)
        .await?
        .ok_or(AppError::NotFound)?;
    keep_an_owner(
        &txn,
        &row,
        "You are the only owner. Make someone else an owner before you leave.",
    )
    .await?;
    drop_membership(&txn, row).await?;
    txn.commit().await?;
    Ok(())
}

/// Refuses a change that would leave the group without an owner.
async fn keep_an_owner(
    db: &impl ConnectionTrait,
    row: &group_member::Model,
    message: &str,
) -> AppResult<()> {
    if standing_of_membership(row) != Standing::Owner {
        return Ok(());
    }
    let owners = group_member::Entity::find()
        .filter(group_member::Column::GroupId.eq(row.group_id))
        .filter(group_member::Column::Role.eq(GroupRole::Owner))
        .filter(group_member::Column::State.eq(MemberState::Active))
        .count(db)
        .await?;
    if owners <= 1 {
        return Err(AppError::conflict(message));
    }
    Ok(())
}

pub(super) async fn drop_membership(
    db: &impl ConnectionTrait,
    row: group_member::Model,
) -> AppResult<()> {
    let was_active = row.state == MemberState::Active;
    let group_id = row.group_id;
    row.delete(db).await?;
    if was_active {
        count_members(db, group_id, -1).await?;
    }
    Ok(())
}

/// Lets a waiting person in, or refuses them. Organisers only.
pub async fn decide_request<C>(
    db: &C,
    group_id: i32,
    viewer: &PersonView,
    person_id: i32,
    approve: bool,
) -> AppResult<()>
where
    C: ConnectionTrait + TransactionTrait,
{
    group_for(db, group_id, Some(viewer), GroupAction::ManageMembers).await?;
    let txn = begin_write(db).await?;
    let row = membership_of(&txn, group_id, person_id)
        .await?
        .filter(|r| r.state == MemberState::Pending)
        .ok_or(AppError::NotFound)?;
    if approve {
        let mut active = row.into_active_model();
        active.state = Set(MemberState::Active);
        active.update(&txn).await?;
        count_members(&txn, group_id, 1).await?;
    } else {
        row.delete(&txn).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The target member, if the actor may act on them: only owners (and staff) act on owners.
async fn target_member(
    db: &impl ConnectionTrait,
    access: Access,
    group_id: i32,
    person_id: i32,
) -> AppResult<group_member::Model> {
    let row = membership_of(db, group_id, person_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let actor_is_owner = access.standing == Standing::Owner || access.staff;
    if standing_of_membership(&row) == Standing::Owner && !actor_is_owner {
        return Err(AppError::Forbidden);
    }
    Ok(row)
}

/// Promotes or demotes an active member. Only owners make or unmake owners.
pub async fn set_member_role<C>(
    db: &C,
    group_id: i32,
    viewer: &PersonView,
    person_id: i32,
    role: GroupRole,
) -> AppResult<()>
where
    C: ConnectionTrait + TransactionTrait,
{
    let (_, access) = group_for(db, group_id, Some(viewer), GroupAction::ManageMembers).await?;
    if role == GroupRole::Owner && access.standing != Standing::Owner {
        return Err(AppError::Forbidden);
    }
    let txn = begin_write(db).await?;
    let row = target_member(&txn, access, group_id, person_id).await?;
    if row.state != MemberState::Active {
        return Err(AppError::conflict(
            "Only active members can be given a role.",
        ));
    }
    if role != GroupRole::Owner {
        keep_an_owner(
            &txn,
            &row,
            "A group must keep an owner. Make someone else an owner first.",
        )
        .await?;
    }
    let mut active = row.into_active_model();
    active.role = Set(role);
    active.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Removes a member (they may join again) or bans them (they may not). Moderators only.
pub async fn remove_member<C>(
    db: &C,
    group_id: i32,
    viewer: &PersonView,
    person_id: i32,
    ban: bool,
) -> AppResult<()>
where
    C: ConnectionTrait + TransactionTrait,
{
    let (_, access) = group_for(db, group_id, Some(viewer), GroupAction::Moderate).await?;
    if person_id == viewer.id {
        return Err(AppError::conflict("Use \"Leave this group\" to leave."));
    }
    let txn = begin_write(db).await?;
    let row = target_member(&txn, access, group_id, person_id).await?;
    keep_an_owner(&txn, &row, "A group must keep an owner.").await?;
    if ban {
        let was_active = row.state == MemberState::Active;
        let mut banned = row.into_active_model();
        banned.state = Set(MemberState::Banned);
        banned.role = Set(GroupRole::Member);
        banned.update(&txn).await?;
        if was_active {
            count_members(&txn, group_id, -1).await?;
        }
    } else {
        drop_membership(&txn, row).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Sets how often a member is emailed about new posts.
pub async fn set_notify(
    db: &impl ConnectionTrait,
    group_id: i32,
    viewer: &PersonView,
    notify: Notify,
) -> AppResult<()> {
    group_for(db, group_id, Some(viewer), GroupAction::ChooseNotifications).await?;
    let row = membership_of(db, group_id, viewer.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut active = row.into_active_model();
    active.notify = Set(notify);
    active.update(db).await?;
    Ok(())
}

/// Marks a group as an official local party group, or not. Staff only.
pub async fn set_verified(
    db: &impl ConnectionTrait,
    group_id: i32,
    viewer: &PersonView,
    verified: bool,
) -> AppResult<()> {
    let (found, _) = group_for(db, group_id, Some(viewer), GroupAction::MarkVerified).await?;
    let mut active = found.into_active_model();
    active.verified = Set(verified);
    active.update(db).await?;
    Ok(())
}
