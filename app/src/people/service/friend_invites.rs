//! Inviting someone by email to join and be friends: they become friends when they follow
//! the link, signed in (new accounts sign up first).

use super::friends::{get_friendship, is_blocked_between, pair};
use crate::people::model::FriendshipState;
use crate::{
    auth::model::PersonView,
    db::begin_write,
    error::{AppError, AppResult},
    mail::{queue_templated, Template},
    people::entity::{friend_invite, friendship},
    tokens::{hash_token, new_token},
    validate::EmailAddress,
};
use chrono::Utc;
use minijinja::context;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};

/// Emails `raw_email` an invitation from `me`.
pub async fn invite_friend<C>(
    db: &C,
    site_url: &str,
    me: &PersonView,
    raw_email: &str,
) -> AppResult<()>
where
    C: ConnectionTrait + TransactionTrait,
{
    let email = EmailAddress::parse("invite_email", raw_email)?;
    if email.as_str() == me.email {
        return Err(AppError::invalid(
            "invite_email",
            "That is your own address.",
        ));
    }
    let token = new_token();
    let txn = begin_write(db).await?;
    friend_invite::ActiveModel {
        inviter_id: Set(me.id),
        email: Set(email.as_str().to_string()),
        token_hash: Set(hash_token(&token)),
        created_at: Set(Utc::now()),
        accepted_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let values = context! {
        inviter => &me.name,
        link => format!("{site_url}/friends/invite/{token}"),
    };
    queue_templated(&txn, email.as_str(), Template::FriendInvite, values).await?;
    txn.commit().await?;
    Ok(())
}

/// The name of whoever sent an unused invitation.
pub async fn get_inviter_name(db: &impl ConnectionTrait, token: &str) -> AppResult<String> {
    let invite = unused_invite(db, token).await?;
    Ok(
        crate::auth::service::directory::person_ref(db, invite.inviter_id)
            .await?
            .map(|p| p.name)
            .unwrap_or_default(),
    )
}

async fn unused_invite(db: &impl ConnectionTrait, token: &str) -> AppResult<friend_invite::Model> {
    friend_invite::Entity::find()
        .filter(friend_invite::Column::TokenHash.eq(hash_token(token)))
        .filter(friend_invite::Column::AcceptedAt.is_null())
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Accepts an invitation: `me` and the inviter are friends.
pub async fn accept_friend_invite<C>(db: &C, token: &str, me: i32) -> AppResult<()>
where
    C: ConnectionTrait + TransactionTrait,
{
    let txn = begin_write(db).await?;
    let invite = unused_invite(&txn, token).await?;
    let inviter = invite.inviter_id;
    if inviter == me {
        return Err(AppError::conflict("This is your own invitation."));
    }
    if is_blocked_between(&txn, me, inviter).await? {
        return Err(AppError::Forbidden);
    }
    let now = Utc::now();
    match get_friendship(&txn, me, inviter).await? {
        Some(row) if row.state == FriendshipState::Accepted => {}
        Some(row) => {
            let mut active = row.into_active_model();
            active.state = Set(FriendshipState::Accepted);
            active.accepted_at = Set(Some(now));
            active.update(&txn).await?;
        }
        None => {
            let (low, high) = pair(me, inviter);
            friendship::ActiveModel {
                low_id: Set(low),
                high_id: Set(high),
                requested_by: Set(inviter),
                state: Set(FriendshipState::Accepted),
                created_at: Set(now),
                accepted_at: Set(Some(now)),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }
    let mut used = invite.into_active_model();
    used.accepted_at = Set(Some(now));
    used.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}
