//! Invitations by email: an organiser sends a link; whoever follows it and signs in joins,
//! even where the group approves its members.

use super::{
    access::{group_for, membership_of},
    membership::{add_membership, count_members},
};
use crate::{
    auth::model::PersonView,
    db::begin_write,
    error::{AppError, AppResult},
    groups::{
        entity::{group, group_invite},
        model::{group_path, MemberState},
        policy::GroupAction,
    },
    mail::{queue_templated, Template},
    tokens::{hash_token, new_token},
    validate::EmailAddress,
};
use chrono::Utc;
use minijinja::context;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};

/// Emails an invitation to join. Organisers only.
pub async fn invite_to_group<C>(
    db: &C,
    site_url: &str,
    group_id: i32,
    viewer: &PersonView,
    raw_email: &str,
) -> AppResult<()>
where
    C: ConnectionTrait + TransactionTrait,
{
    let email = EmailAddress::parse("invite_email", raw_email)?;
    let (found, _) = group_for(db, group_id, Some(viewer), GroupAction::ManageMembers).await?;
    let token = new_token();
    let txn = begin_write(db).await?;
    group_invite::ActiveModel {
        group_id: Set(group_id),
        email: Set(email.as_str().to_string()),
        token_hash: Set(hash_token(&token)),
        invited_by: Set(viewer.id),
        created_at: Set(Utc::now()),
        accepted_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let values = context! {
        sender => &found.name,
        inviter => &viewer.name,
        group => &found.name,
        description => found.description.chars().take(300).collect::<String>(),
        link => format!("{site_url}/groups/invite/{token}"),
    };
    queue_templated(&txn, email.as_str(), Template::GroupInvite, values).await?;
    txn.commit().await?;
    Ok(())
}

/// The group an unused invitation is for.
pub async fn get_invited_group(db: &impl ConnectionTrait, token: &str) -> AppResult<group::Model> {
    let invite = unused_invite(db, token).await?;
    group::Entity::find_by_id(invite.group_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

async fn unused_invite(db: &impl ConnectionTrait, token: &str) -> AppResult<group_invite::Model> {
    group_invite::Entity::find()
        .filter(group_invite::Column::TokenHash.eq(hash_token(token)))
        .filter(group_invite::Column::AcceptedAt.is_null())
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Accepts an invitation as `viewer`: they become an active member. Returns the group's
/// address. People banned from the group stay out.
pub async fn accept_invite<C>(db: &C, token: &str, viewer: &PersonView) -> AppResult<String>
where
    C: ConnectionTrait + TransactionTrait,
{
    let txn = begin_write(db).await?;
    let invite = unused_invite(&txn, token).await?;
    let found = group::Entity::find_by_id(invite.group_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    match membership_of(&txn, found.id, viewer.id).await? {
        Some(row) if row.state == MemberState::Banned => return Err(AppError::Forbidden),
        Some(row) if row.state == MemberState::Active => {}
        Some(row) => {
            let mut active = row.into_active_model();
            active.state = Set(MemberState::Active);
            active.update(&txn).await?;
            count_members(&txn, found.id, 1).await?;
        }
        None => add_membership(&txn, found.id, viewer.id, true).await?,
    }
    let mut used = invite.into_active_model();
    used.accepted_at = Set(Some(Utc::now()));
    used.update(&txn).await?;
    txn.commit().await?;
    Ok(group_path(&found.slug))
}
