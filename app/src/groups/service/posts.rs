//! What authors and readers do to single posts: edit for a while, delete, report.

use super::{
    forum::{parse_body, thread_for, EDIT_WINDOW_MINUTES},
    markdown::render_markdown,
};
use crate::{
    auth::model::PersonView,
    db::is_unique_violation,
    error::{AppError, AppResult},
    groups::{
        entity::{forum_post, forum_report, forum_thread, group},
        model::{group_path, thread_path},
        policy::{Access, GroupAction},
    },
    validate::bounded_text,
};
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, IntoActiveModel, Set};

/// A post with its thread and group, if `viewer` may do `action` there.
pub async fn post_for(
    db: &impl ConnectionTrait,
    post_id: i32,
    viewer: &PersonView,
    action: GroupAction,
) -> AppResult<(forum_post::Model, forum_thread::Model, group::Model, Access)> {
    let post = forum_post::Entity::find_by_id(post_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let (thread, found, access) = thread_for(db, post.thread_id, Some(viewer), action).await?;
    Ok((post, thread, found, access))
}

/// Where a post is: its thread's address with the post's anchor.
fn post_address(found: &group::Model, thread: &forum_thread::Model, post_id: i32) -> String {
    format!(
        "{}#post-{post_id}",
        thread_path(&group_path(&found.slug), thread.id)
    )
}

/// Changes the author's own post, within the edit window. Returns where it is.
pub async fn edit_post(
    db: &impl ConnectionTrait,
    post_id: i32,
    viewer: &PersonView,
    body: &str,
) -> AppResult<String> {
    let (post, thread, found, _) = post_for(db, post_id, viewer, GroupAction::EditOwnPost).await?;
    if post.author_id != viewer.id {
        return Err(AppError::Forbidden);
    }
    if post.deleted_at.is_some() || post.hidden_at.is_some() {
        return Err(AppError::conflict("This post can no longer be edited."));
    }
    if post.created_at < Utc::now() - Duration::minutes(EDIT_WINDOW_MINUTES) {
        return Err(AppError::conflict(format!(
            "Posts can be edited for {EDIT_WINDOW_MINUTES} minutes after posting."
        )));
    }
    let body = parse_body(body)?;
    let mut active = post.into_active_model();
    active.body_html = Set(render_markdown(&body));
    active.body = Set(body);
    active.edited_at = Set(Some(Utc::now()));
    active.update(db).await?;
    Ok(post_address(&found, &thread, post_id))
}

/// Deletes the author's own post: its words go; a note keeps its place in the thread.
pub async fn delete_post(
    db: &impl ConnectionTrait,
    post_id: i32,
    viewer: &PersonView,
) -> AppResult<String> {
    let (post, thread, found, _) = post_for(db, post_id, viewer, GroupAction::EditOwnPost).await?;
    if post.author_id != viewer.id {
        return Err(AppError::Forbidden);
    }
    let mut active = post.into_active_model();
    active.body = Set(String::new());
    active.body_html = Set(String::new());
    active.deleted_at = Set(Some(Utc::now()));
    active.update(db).await?;
    Ok(post_address(&found, &thread, post_id))
}

/// Reports a post to the group's moderators, once per person.
pub async fn report_post(
    db: &impl ConnectionTrait,
    post_id: i32,
    viewer: &PersonView,
    reason: &str,
) -> AppResult<String> {
    let reason = bounded_text("reason", reason, 500, true)?;
    let (post, thread, found, _) = post_for(db, post_id, viewer, GroupAction::ReportPost).await?;
    forum_report::ActiveModel {
        post_id: Set(post.id),
        reporter_id: Set(viewer.id),
        reason: Set(reason),
        created_at: Set(Utc::now()),
        resolved_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|err| {
        if is_unique_violation(&err) {
            AppError::conflict("You have already reported this post.")
        } else {
            err.into()
        }
    })?;
    Ok(post_address(&found, &thread, post_id))
}
