//! Server functions for membership: join, leave, requests, invitations, roles, removal,
//! bans and email choices.

use crate::{error::AppError, groups::model::InviteView};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    ctx::{redirect_to, serve, RequestCtx},
    groups::{
        model::{group_path, with_done, GroupRole, Notify},
        service::{
            directory::get_group_path,
            invites,
            membership::{self, Joined},
        },
    },
    rate_limit::Limit,
};

/// Back to the group's page with a note of what happened.
#[cfg(feature = "ssr")]
async fn back_to_group(ctx: &RequestCtx, group_id: i32, done: &str) -> Result<(), AppError> {
    let path = get_group_path(&ctx.db, group_id).await?;
    redirect_to(&with_done(&path, done));
    Ok(())
}

/// Joins an open group, or asks to join one that approves its members.
#[server(endpoint = "groups/join")]
pub async fn join_group(group_id: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        let done = match membership::join_group(&ctx.db, group_id, viewer).await? {
            Joined::Member => "joined",
            Joined::Requested => "requested",
        };
        back_to_group(&ctx, group_id, done).await
    })
    .await
}

/// Leaves a group, or withdraws a request to join.
#[server(endpoint = "groups/leave")]
pub async fn leave_group(group_id: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        membership::leave_group(&ctx.db, group_id, viewer).await?;
        back_to_group(&ctx, group_id, "left").await
    })
    .await
}

/// Approves ("approve") or refuses a request to join. Organisers.
#[server(endpoint = "groups/requests/decide")]
pub async fn decide_join_request(
    group_id: i32,
    person_id: i32,
    decision: String,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        let approve = decision == "approve";
        membership::decide_request(&ctx.db, group_id, viewer, person_id, approve).await?;
        back_to_group(&ctx, group_id, if approve { "approved" } else { "refused" }).await
    })
    .await
}

/// Emails an invitation to join. Organisers.
#[server(endpoint = "groups/invite")]
pub async fn invite_to_group(group_id: i32, invite_email: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        ctx.limit(Limit::InvitesPerAccount, &viewer.id.to_string())?;
        let site = ctx.state.settings.public_url.clone();
        invites::invite_to_group(&ctx.db, &site, group_id, viewer, &invite_email).await?;
        back_to_group(&ctx, group_id, "invited").await
    })
    .await
}

/// The group an invitation is for. Anyone holding the link.
#[server(endpoint = "groups/invite/get")]
pub async fn get_invite(token: String) -> Result<InviteView, AppError> {
    serve(|ctx| async move {
        let found = invites::get_invited_group(&ctx.db, &token).await?;
        Ok(InviteView {
            group_name: found.name,
            group_path: group_path(&found.slug),
        })
    })
    .await
}

/// Accepts an invitation: the person asking joins the group.
#[server(endpoint = "groups/invite/accept")]
pub async fn accept_invite(token: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        let path = invites::accept_invite(&ctx.db, &token, viewer).await?;
        redirect_to(&with_done(&path, "joined"));
        Ok(())
    })
    .await
}

/// Makes a member an owner, organiser or member. Organisers; only owners make owners.
#[server(endpoint = "groups/members/role")]
pub async fn set_member_role(group_id: i32, person_id: i32, role: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        let role = GroupRole::parse(&role)
            .ok_or_else(|| AppError::invalid("role", "Choose owner, organiser or member."))?;
        membership::set_member_role(&ctx.db, group_id, viewer, person_id, role).await?;
        back_to_group(&ctx, group_id, "role-changed").await
    })
    .await
}

/// Removes a member; they may join again. Moderators.
#[server(endpoint = "groups/members/remove")]
pub async fn remove_member(group_id: i32, person_id: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        membership::remove_member(&ctx.db, group_id, viewer, person_id, false).await?;
        back_to_group(&ctx, group_id, "removed").await
    })
    .await
}

/// Bans a member: they leave and cannot join again. Moderators.
#[server(endpoint = "groups/members/ban")]
pub async fn ban_member(group_id: i32, person_id: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        membership::remove_member(&ctx.db, group_id, viewer, person_id, true).await?;
        back_to_group(&ctx, group_id, "banned").await
    })
    .await
}

/// Chooses how often the member is emailed about new posts: each, digest or none.
#[server(endpoint = "groups/notify")]
pub async fn set_group_notify(group_id: i32, notify: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        let notify = Notify::parse(&notify)
            .ok_or_else(|| AppError::invalid("notify", "Choose how often to get emails."))?;
        membership::set_notify(&ctx.db, group_id, viewer, notify).await?;
        back_to_group(&ctx, group_id, "notify-saved").await
    })
    .await
}
