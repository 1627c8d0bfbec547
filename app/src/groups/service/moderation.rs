//! Moderators' tools: pin and lock threads, hide posts (kept for the record), and the
//! requests, members and reports organisers see on the group page.

use super::{forum::thread_for, posts::post_for};
use crate::{
    auth::{model::PersonView, service::directory::names_of},
    error::AppResult,
    groups::{
        entity::{forum_post, forum_report, forum_thread, group, group_member},
        model::{group_path, thread_path, MemberState, MemberView, ModerationView, ReportView},
        policy::{Access, GroupAction},
    },
};
use chrono::Utc;
use sea_orm::{
    sea_query::Query, ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;

/// Which thread setting to change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThreadFlag {
    Pinned,
    Locked,
}

/// Pins or unpins, locks or unlocks a thread. Returns its address.
pub async fn set_thread_flag(
    db: &impl ConnectionTrait,
    thread_id: i32,
    viewer: &PersonView,
    flag: ThreadFlag,
    on: bool,
) -> AppResult<String> {
    let (thread, found, _) = thread_for(db, thread_id, Some(viewer), GroupAction::Moderate).await?;
    let path = thread_path(&group_path(&found.slug), thread.id);
    let mut active = thread.into_active_model();
    match flag {
        ThreadFlag::Pinned => active.pinned = Set(on),
        ThreadFlag::Locked => active.locked = Set(on),
    }
    active.update(db).await?;
    Ok(path)
}

/// Hides a post from everyone but moderators (or shows it again), and settles its
/// reports. The words are kept.
pub async fn set_post_hidden(
    db: &impl ConnectionTrait,
    post_id: i32,
    viewer: &PersonView,
    hidden: bool,
) -> AppResult<String> {
    let (post, thread, found, _) = post_for(db, post_id, viewer, GroupAction::Moderate).await?;
    let now = Utc::now();
    let mut active = post.into_active_model();
    active.hidden_at = Set(hidden.then_some(now));
    active.hidden_by = Set(hidden.then_some(viewer.id));
    active.update(db).await?;
    forum_report::Entity::update_many()
        .col_expr(
            forum_report::Column::ResolvedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(forum_report::Column::PostId.eq(post_id))
        .filter(forum_report::Column::ResolvedAt.is_null())
        .exec(db)
        .await?;
    Ok(format!(
        "{}#post-{post_id}",
        thread_path(&group_path(&found.slug), thread.id)
    ))
}

/// What the group page shows its moderators: requests and members (organisers), and open
/// reports.
pub async fn get_moderation(
    db: &impl ConnectionTrait,
    found: &group::Model,
    access: Access,
) -> AppResult<ModerationView> {
    let rows = group_member::Entity::find()
        .filter(group_member::Column::GroupId.eq(found.id))
        .order_by_asc(group_member::Column::CreatedAt)
        .limit(500)
        .all(db)
        .await?;
    let names = names_of(db, rows.iter().map(|r| r.person_id)).await?;
    let member = |r: &group_member::Model| MemberView {
        person_id: r.person_id,
        name: names.get(&r.person_id).cloned().unwrap_or_default(),
        role: r.role,
        banned: r.state == MemberState::Banned,
    };
    let manage = access.may(GroupAction::ManageMembers);
    let requests = rows
        .iter()
        .filter(|r| manage && r.state == MemberState::Pending)
        .map(member)
        .collect();
    let members = rows
        .iter()
        .filter(|r| r.state == MemberState::Active || r.state == MemberState::Banned)
        .map(member)
        .collect();
    Ok(ModerationView {
        requests,
        members,
        reports: list_open_reports(db, found).await?,
    })
}

/// Reports not yet settled, oldest first.
async fn list_open_reports(
    db: &impl ConnectionTrait,
    found: &group::Model,
) -> AppResult<Vec<ReportView>> {
    // Open reports of posts in this group's threads, in one query.
    let group_threads = Query::select()
        .column(forum_thread::Column::Id)
        .from(forum_thread::Entity)
        .and_where(forum_thread::Column::GroupId.eq(found.id))
        .to_owned();
    let group_posts = Query::select()
        .column(forum_post::Column::Id)
        .from(forum_post::Entity)
        .and_where(forum_post::Column::ThreadId.in_subquery(group_threads))
        .to_owned();
    let reports = forum_report::Entity::find()
        .filter(forum_report::Column::PostId.in_subquery(group_posts))
        .filter(forum_report::Column::ResolvedAt.is_null())
        .order_by_asc(forum_report::Column::CreatedAt)
        .limit(100)
        .all(db)
        .await?;
    let posts: HashMap<i32, forum_post::Model> = forum_post::Entity::find()
        .filter(forum_post::Column::Id.is_in(reports.iter().map(|r| r.post_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let threads: HashMap<i32, forum_thread::Model> = forum_thread::Entity::find()
        .filter(forum_thread::Column::Id.is_in(posts.values().map(|p| p.thread_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    let names = names_of(
        db,
        reports
            .iter()
            .map(|r| r.reporter_id)
            .chain(posts.values().map(|p| p.author_id)),
    )
    .await?;
    let base = group_path(&found.slug);
    Ok(reports
        .into_iter()
        .filter_map(|r| {
            let post = posts.get(&r.post_id)?;
            let thread = threads.get(&post.thread_id)?;
            Some(ReportView {
                id: r.id,
                post_id: post.id,
                thread_path: thread_path(&base, thread.id),
                thread_title: thread.title.clone(),
                author_name: names.get(&post.author_id).cloned().unwrap_or_default(),
                excerpt: post.body.chars().take(200).collect(),
                reporter_name: names.get(&r.reporter_id).cloned().unwrap_or_default(),
                reason: r.reason,
                post_hidden: post.hidden_at.is_some(),
            })
        })
        .collect())
}
