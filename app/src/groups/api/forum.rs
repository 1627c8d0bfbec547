//! Server functions for a group's forum: reading, posting, editing, reporting and
//! moderating.

use crate::{error::AppError, groups::model::ThreadView};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    ctx::{redirect_to, serve},
    groups::{
        model::with_done,
        service::{
            forum,
            moderation::{self, ThreadFlag},
            posts,
        },
    },
    rate_limit::Limit,
};

/// One page of a thread. Members and staff.
#[server(endpoint = "groups/thread")]
pub async fn get_thread(thread_id: i32, page: Option<u32>) -> Result<ThreadView, AppError> {
    serve(|ctx| async move {
        forum::get_thread(&ctx.db, thread_id, ctx.maybe_person(), page.unwrap_or(1)).await
    })
    .await
}

/// Starts a thread. Members.
#[server(endpoint = "groups/threads/new")]
pub async fn start_thread(group_id: i32, title: String, body: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        ctx.limit(Limit::PostsPerAccount, &viewer.id.to_string())?;
        let site = ctx.state.settings.public_url.clone();
        let path = forum::start_thread(&ctx.db, &site, group_id, viewer, &title, &body).await?;
        redirect_to(&with_done(&path, "posted"));
        Ok(())
    })
    .await
}

/// Replies to a thread, optionally quoting a post in it. Members (moderators only, once
/// it is locked).
#[server(endpoint = "groups/threads/reply")]
pub async fn reply_to_thread(
    thread_id: i32,
    body: String,
    quote_of: Option<i32>,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        ctx.limit(Limit::PostsPerAccount, &viewer.id.to_string())?;
        let site = ctx.state.settings.public_url.clone();
        let path =
            forum::reply_to_thread(&ctx.db, &site, thread_id, viewer, &body, quote_of).await?;
        redirect_to(&with_done(&path, "posted"));
        Ok(())
    })
    .await
}

/// Changes one's own post, for a while after posting.
#[server(endpoint = "groups/posts/edit")]
pub async fn edit_post(post_id: i32, body: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        let path = posts::edit_post(&ctx.db, post_id, viewer, &body).await?;
        redirect_to(&with_done(&path, "edited"));
        Ok(())
    })
    .await
}

/// Deletes one's own post.
#[server(endpoint = "groups/posts/delete")]
pub async fn delete_post(post_id: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        let path = posts::delete_post(&ctx.db, post_id, viewer).await?;
        redirect_to(&with_done(&path, "deleted"));
        Ok(())
    })
    .await
}

/// Reports a post to the group's moderators. Members and staff.
#[server(endpoint = "groups/posts/report")]
pub async fn report_post(post_id: i32, reason: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        let path = posts::report_post(&ctx.db, post_id, viewer, &reason).await?;
        redirect_to(&with_done(&path, "reported"));
        Ok(())
    })
    .await
}

/// Hides a post ("yes") or shows it again. Moderators.
#[server(endpoint = "groups/posts/hide")]
pub async fn hide_post(post_id: i32, hidden: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        let on = hidden == "yes";
        let path = moderation::set_post_hidden(&ctx.db, post_id, viewer, on).await?;
        redirect_to(&with_done(&path, if on { "hidden" } else { "shown" }));
        Ok(())
    })
    .await
}

/// Pins a thread to the top of the list ("yes") or unpins it. Moderators.
#[server(endpoint = "groups/threads/pin")]
pub async fn pin_thread(thread_id: i32, pinned: String) -> Result<(), AppError> {
    flag_thread(thread_id, ThreadFlag::Pinned, pinned == "yes").await
}

/// Locks a thread against new replies ("yes") or unlocks it. Moderators.
#[server(endpoint = "groups/threads/lock")]
pub async fn lock_thread(thread_id: i32, locked: String) -> Result<(), AppError> {
    flag_thread(thread_id, ThreadFlag::Locked, locked == "yes").await
}

#[cfg(feature = "ssr")]
async fn flag_thread(thread_id: i32, flag: ThreadFlag, on: bool) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        let path = moderation::set_thread_flag(&ctx.db, thread_id, viewer, flag, on).await?;
        let done = match (flag, on) {
            (ThreadFlag::Pinned, true) => "pinned",
            (ThreadFlag::Pinned, false) => "unpinned",
            (ThreadFlag::Locked, true) => "locked",
            (ThreadFlag::Locked, false) => "unlocked",
        };
        redirect_to(&with_done(&path, done));
        Ok(())
    })
    .await
}
