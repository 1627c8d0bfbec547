//! A group's forum: starting threads, replying (with a quote), and reading a thread a page
//! at a time.

use super::{
    access::group_for,
    markdown::{quote_block, render_markdown},
    notifications::notify_members_of_post,
};
use crate::{
    auth::{
        model::PersonView,
        service::directory::{names_of, person_ref},
    },
    db::begin_write,
    error::{AppError, AppResult},
    format::format_when,
    groups::{
        entity::{forum_post, forum_thread, group},
        model::{group_path, thread_path, PostView, ThreadSummary, ThreadView},
        policy::{Access, GroupAction},
    },
    validate::bounded_text,
};
use chrono::{Duration, Utc};
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionSession, TransactionTrait,
};

pub const TITLE_MAX: usize = 150;
pub const POST_MAX: usize = 20_000;
/// Posts on one page of a thread.
pub const POSTS_PER_PAGE: u64 = 50;
/// How long an author may edit a post after writing it.
pub const EDIT_WINDOW_MINUTES: i64 = 30;

/// Checks a post's text.
pub fn parse_body(raw: &str) -> AppResult<String> {
    bounded_text("body", raw, POST_MAX, true)
}

/// Starts a thread with its opening post; returns the thread's address.
pub async fn start_thread<C>(
    db: &C,
    site_url: &str,
    group_id: i32,
    viewer: &PersonView,
    title: &str,
    body: &str,
) -> AppResult<String>
where
    C: ConnectionTrait + TransactionTrait,
{
    let (found, _) = group_for(db, group_id, Some(viewer), GroupAction::StartThread).await?;
    let title = bounded_text("title", title, TITLE_MAX, true)?;
    let body = parse_body(body)?;
    let now = Utc::now();
    let txn = begin_write(db).await?;
    let thread = forum_thread::ActiveModel {
        group_id: Set(group_id),
        author_id: Set(viewer.id),
        title: Set(title),
        pinned: Set(false),
        locked: Set(false),
        post_count: Set(1),
        last_post_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    insert_post(&txn, thread.id, viewer.id, body, None).await?;
    let path = thread_path(&group_path(&found.slug), thread.id);
    notify_members_of_post(&txn, site_url, &found, &thread, viewer, &path, true).await?;
    txn.commit().await?;
    Ok(path)
}

async fn insert_post(
    db: &impl ConnectionTrait,
    thread_id: i32,
    author_id: i32,
    body: String,
    quote_of: Option<i32>,
) -> AppResult<forum_post::Model> {
    Ok(forum_post::ActiveModel {
        thread_id: Set(thread_id),
        author_id: Set(author_id),
        body_html: Set(render_markdown(&body)),
        body: Set(body),
        quote_of: Set(quote_of),
        hidden_at: Set(None),
        hidden_by: Set(None),
        deleted_at: Set(None),
        edited_at: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// A thread and its group, if `viewer` may do `action` there.
pub async fn thread_for(
    db: &impl ConnectionTrait,
    thread_id: i32,
    viewer: Option<&PersonView>,
    action: GroupAction,
) -> AppResult<(forum_thread::Model, group::Model, Access)> {
    let thread = forum_thread::Entity::find_by_id(thread_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let (found, access) = group_for(db, thread.group_id, viewer, action).await?;
    Ok((thread, found, access))
}

/// Replies to a thread, optionally quoting one of its posts; returns where the reply is.
pub async fn reply_to_thread<C>(
    db: &C,
    site_url: &str,
    thread_id: i32,
    viewer: &PersonView,
    body: &str,
    quote_of: Option<i32>,
) -> AppResult<String>
where
    C: ConnectionTrait + TransactionTrait,
{
    let (thread, found, access) =
        thread_for(db, thread_id, Some(viewer), GroupAction::Reply).await?;
    if thread.locked && !access.may(GroupAction::Moderate) {
        return Err(AppError::conflict("This thread is locked: no new replies."));
    }
    let mut body = parse_body(body)?;
    if let Some(quoted_id) = quote_of {
        let quoted = forum_post::Entity::find_by_id(quoted_id)
            .one(db)
            .await?
            .filter(|p| p.thread_id == thread_id && p.hidden_at.is_none() && p.deleted_at.is_none())
            .ok_or_else(|| {
                AppError::invalid("body", "The post you are quoting is no longer there.")
            })?;
        let author = person_ref(db, quoted.author_id)
            .await?
            .map(|p| p.name)
            .unwrap_or_default();
        body = format!("{}{body}", quote_block(&author, &quoted.body));
        if body.chars().count() > POST_MAX {
            return Err(AppError::invalid(
                "body",
                format!("Use at most {POST_MAX} characters."),
            ));
        }
    }
    let txn = begin_write(db).await?;
    let post = insert_post(&txn, thread_id, viewer.id, body, quote_of).await?;
    forum_thread::Entity::update_many()
        .col_expr(
            forum_thread::Column::PostCount,
            Expr::col(forum_thread::Column::PostCount).add(1),
        )
        .col_expr(
            forum_thread::Column::LastPostAt,
            Expr::value(post.created_at),
        )
        .filter(forum_thread::Column::Id.eq(thread_id))
        .exec(&txn)
        .await?;
    let path = thread_path(&group_path(&found.slug), thread_id);
    notify_members_of_post(&txn, site_url, &found, &thread, viewer, &path, false).await?;
    txn.commit().await?;
    let last_page = (thread.post_count as u64 + 1).div_ceil(POSTS_PER_PAGE);
    Ok(format!("{path}?page={last_page}#post-{}", post.id))
}

/// The newest threads of a group, pinned ones first.
pub async fn list_threads(
    db: &impl ConnectionTrait,
    found: &group::Model,
) -> AppResult<Vec<ThreadSummary>> {
    let threads = forum_thread::Entity::find()
        .filter(forum_thread::Column::GroupId.eq(found.id))
        .order_by_desc(forum_thread::Column::Pinned)
        .order_by_desc(forum_thread::Column::LastPostAt)
        .limit(50)
        .all(db)
        .await?;
    let names = names_of(db, threads.iter().map(|t| t.author_id)).await?;
    let base = group_path(&found.slug);
    Ok(threads
        .into_iter()
        .map(|t| ThreadSummary {
            id: t.id,
            path: thread_path(&base, t.id),
            title: t.title,
            author_name: names.get(&t.author_id).cloned().unwrap_or_default(),
            pinned: t.pinned,
            locked: t.locked,
            replies: t.post_count - 1,
            last_post: format_when(t.last_post_at),
        })
        .collect())
}

/// One page (counted from 1) of a thread, as `viewer` may see it. Members and staff only.
pub async fn get_thread(
    db: &impl ConnectionTrait,
    thread_id: i32,
    viewer: Option<&PersonView>,
    page: u32,
) -> AppResult<ThreadView> {
    let (thread, found, access) = thread_for(db, thread_id, viewer, GroupAction::ReadForum).await?;
    let pages = (std::cmp::max(thread.post_count, 1) as u64).div_ceil(POSTS_PER_PAGE) as u32;
    let page = page.clamp(1, pages);
    let posts = forum_post::Entity::find()
        .filter(forum_post::Column::ThreadId.eq(thread_id))
        .order_by_asc(forum_post::Column::Id)
        .offset(u64::from(page - 1) * POSTS_PER_PAGE)
        .limit(POSTS_PER_PAGE)
        .all(db)
        .await?;
    let names = names_of(db, posts.iter().map(|p| p.author_id)).await?;
    let viewer_id = viewer.map(|v| v.id);
    let moderator = access.may(GroupAction::Moderate);
    let edit_from = Utc::now() - Duration::minutes(EDIT_WINDOW_MINUTES);
    let posts = posts
        .into_iter()
        .map(|p| {
            let mine = Some(p.author_id) == viewer_id;
            let hidden = p.hidden_at.is_some();
            let deleted = p.deleted_at.is_some();
            let visible = !deleted && (!hidden || moderator);
            PostView {
                id: p.id,
                author_name: names.get(&p.author_id).cloned().unwrap_or_default(),
                when: format_when(p.created_at),
                html: visible.then(|| p.body_html.clone()),
                hidden,
                deleted,
                edited: p.edited_at.is_some(),
                mine,
                editable_body: (mine && !hidden && !deleted && p.created_at >= edit_from)
                    .then_some(p.body),
            }
        })
        .collect();
    Ok(ThreadView {
        id: thread.id,
        title: thread.title,
        group_name: found.name,
        group_path: group_path(&found.slug),
        pinned: thread.pinned,
        locked: thread.locked,
        access,
        posts,
        page,
        pages,
    })
}
