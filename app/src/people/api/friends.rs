//! Friend server functions: the friends page, finding people, requests, answers, removal,
//! blocks, invitations and the sharing choice. Each acts only for the person asking.

use crate::{
    error::AppError,
    people::model::{FriendsView, PersonMatch},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    ctx::{redirect_to, serve},
    people::{
        model::Sharing,
        service::{friend_invites, friends},
    },
    rate_limit::Limit,
};

/// Back to the friends page with a note of what happened.
#[cfg(feature = "ssr")]
fn back_to_friends(done: &str) {
    redirect_to(&format!("/friends?done={done}"));
}

/// The signed-in person's friends, requests in and out, blocks and sharing choice.
#[server(endpoint = "friends/get")]
pub async fn get_friends() -> Result<FriendsView, AppError> {
    serve(|ctx| async move {
        let me = ctx.person()?;
        friends::get_friends_view(&ctx.db, me.id).await
    })
    .await
}

/// People the signed-in person may know: exact email, or name among their groups' members.
#[server(endpoint = "friends/find")]
pub async fn find_people(q: String) -> Result<Vec<PersonMatch>, AppError> {
    serve(|ctx| async move {
        let me = ctx.person()?;
        friends::find_people(&ctx.db, me.id, &q).await
    })
    .await
}

/// Asks someone to be friends (accepts, if they asked first).
#[server(endpoint = "friends/request")]
pub async fn request_friend(person_id: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let me = ctx.person()?;
        let done = match friends::request_friend(&ctx.db, me.id, person_id).await? {
            friends::Requested::Sent => "requested",
            friends::Requested::Accepted => "accepted",
        };
        back_to_friends(done);
        Ok(())
    })
    .await
}

/// Accepts ("accept") or declines a friend request.
#[server(endpoint = "friends/answer")]
pub async fn answer_friend_request(person_id: i32, answer: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let me = ctx.person()?;
        let accept = answer == "accept";
        friends::answer_request(&ctx.db, me.id, person_id, accept).await?;
        back_to_friends(if accept { "accepted" } else { "declined" });
        Ok(())
    })
    .await
}

/// Ends a friendship or withdraws a request.
#[server(endpoint = "friends/remove")]
pub async fn remove_friend(person_id: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let me = ctx.person()?;
        friends::remove_friend(&ctx.db, me.id, person_id).await?;
        back_to_friends("removed");
        Ok(())
    })
    .await
}

/// Blocks someone: no more requests from them, nothing of the blocker's shown to them.
#[server(endpoint = "friends/block")]
pub async fn block_person(person_id: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let me = ctx.person()?;
        friends::block_person(&ctx.db, me.id, person_id).await?;
        back_to_friends("blocked");
        Ok(())
    })
    .await
}

/// Lifts a block.
#[server(endpoint = "friends/unblock")]
pub async fn unblock_person(person_id: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let me = ctx.person()?;
        friends::unblock_person(&ctx.db, me.id, person_id).await?;
        back_to_friends("unblocked");
        Ok(())
    })
    .await
}

/// Chooses who sees the events the person signs up to: "friends" or "nobody".
#[server(endpoint = "friends/sharing")]
pub async fn set_sharing(sharing: Option<String>) -> Result<(), AppError> {
    serve(|ctx| async move {
        let me = ctx.person()?;
        let choice = sharing.as_deref().and_then(Sharing::parse).ok_or_else(|| {
            AppError::invalid("sharing", "Choose who may see the events you go to.")
        })?;
        friends::set_sharing(&ctx.db, me.id, choice).await?;
        back_to_friends("sharing-saved");
        Ok(())
    })
    .await
}

/// Emails someone an invitation to join and be friends.
#[server(endpoint = "friends/invite")]
pub async fn invite_friend(invite_email: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let me = ctx.person()?;
        ctx.limit(Limit::InvitesPerAccount, &me.id.to_string())?;
        let site = ctx.state.settings.public_url.clone();
        friend_invites::invite_friend(&ctx.db, &site, me, &invite_email).await?;
        back_to_friends("invited");
        Ok(())
    })
    .await
}

/// Who sent an invitation. Anyone holding the link.
#[server(endpoint = "friends/invite/get")]
pub async fn get_friend_invite(token: String) -> Result<String, AppError> {
    serve(|ctx| async move { friend_invites::get_inviter_name(&ctx.db, &token).await }).await
}

/// Accepts an invitation: the person asking and the inviter become friends.
#[server(endpoint = "friends/invite/accept")]
pub async fn accept_friend_invite(token: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let me = ctx.person()?;
        friend_invites::accept_friend_invite(&ctx.db, &token, me.id).await?;
        back_to_friends("accepted");
        Ok(())
    })
    .await
}
