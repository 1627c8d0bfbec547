//! Forum email: one per new post for members who chose "each", and a daily digest for
//! those who chose "digest". Queued in the outbox, inside the post's own transaction.

use crate::{
    auth::{
        model::PersonView,
        service::directory::{emails_of, person_ref},
    },
    error::AppResult,
    groups::{
        entity::{forum_post, forum_thread, group, group_member},
        model::{group_path, thread_path, MemberState, Notify},
    },
    mail::{queue_templated, Template},
};
use chrono::{DateTime, Duration, Utc};
use minijinja::{context, Value};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

/// Digests handled in one round of the worker.
const DIGESTS_PER_ROUND: u64 = 500;

/// Queues an email about a new thread or reply to every member who wants one per post.
pub async fn notify_members_of_post(
    db: &impl ConnectionTrait,
    site_url: &str,
    found: &group::Model,
    thread: &forum_thread::Model,
    author: &PersonView,
    path: &str,
    new_thread: bool,
) -> AppResult<()> {
    let recipients = emails_of(
        db,
        sea_orm::sea_query::Query::select()
            .column(group_member::Column::PersonId)
            .from(group_member::Entity)
            .and_where(group_member::Column::GroupId.eq(found.id))
            .and_where(group_member::Column::State.eq(MemberState::Active))
            .and_where(group_member::Column::Notify.eq(Notify::Each))
            .and_where(group_member::Column::PersonId.ne(author.id))
            .to_owned(),
    )
    .await?;
    let values = context! {
        sender => &found.name,
        new_thread,
        author => &author.name,
        thread_title => &thread.title,
        group => &found.name,
        post_url => format!("{site_url}{path}"),
        group_url => format!("{site_url}{}", group_path(&found.slug)),
    };
    for email in recipients {
        queue_templated(db, &email, Template::ForumPost, values.clone()).await?;
    }
    Ok(())
}

/// Sends the daily digest to members whose last one was a day ago or more, listing the
/// threads with new posts by others. Returns how many digests were queued.
pub async fn send_due_digests(
    db: &impl ConnectionTrait,
    site_url: &str,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let due = group_member::Entity::find()
        .filter(group_member::Column::State.eq(MemberState::Active))
        .filter(group_member::Column::Notify.eq(Notify::Digest))
        .filter(
            Condition::any()
                .add(group_member::Column::DigestSentAt.is_null())
                .add(group_member::Column::DigestSentAt.lt(now - Duration::hours(24))),
        )
        .order_by_asc(group_member::Column::Id)
        .limit(DIGESTS_PER_ROUND)
        .all(db)
        .await?;
    let mut queued = 0;
    for member in due {
        let since = member.digest_sent_at.unwrap_or(member.created_at);
        if let Some((email, values)) = digest_for(db, site_url, &member, since).await? {
            queue_templated(db, &email, Template::ForumDigest, values).await?;
            queued += 1;
        }
        let mut sent = member.into_active_model();
        sent.digest_sent_at = Set(Some(now));
        sent.update(db).await?;
    }
    Ok(queued)
}

/// The digest email for one member: (to, subject, body), or None when nothing is new.
async fn digest_for(
    db: &impl ConnectionTrait,
    site_url: &str,
    member: &group_member::Model,
    since: DateTime<Utc>,
) -> AppResult<Option<(String, Value)>> {
    let Some(found) = group::Entity::find_by_id(member.group_id).one(db).await? else {
        return Ok(None);
    };
    let threads = forum_thread::Entity::find()
        .filter(forum_thread::Column::GroupId.eq(found.id))
        .filter(forum_thread::Column::LastPostAt.gt(since))
        .order_by_desc(forum_thread::Column::LastPostAt)
        .limit(20)
        .all(db)
        .await?;
    let mut lines = Vec::new();
    for thread in threads {
        let new_posts = forum_post::Entity::find()
            .filter(forum_post::Column::ThreadId.eq(thread.id))
            .filter(forum_post::Column::CreatedAt.gt(since))
            .filter(forum_post::Column::AuthorId.ne(member.person_id))
            .filter(forum_post::Column::HiddenAt.is_null())
            .filter(forum_post::Column::DeletedAt.is_null())
            .count(db)
            .await?;
        if new_posts > 0 {
            let path = thread_path(&group_path(&found.slug), thread.id);
            let posts = if new_posts == 1 {
                "1 new post".to_string()
            } else {
                format!("{new_posts} new posts")
            };
            lines.push(
                context! { title => thread.title, posts, url => format!("{site_url}{path}") },
            );
        }
    }
    if lines.is_empty() {
        return Ok(None);
    }
    let Some(email) = person_ref(db, member.person_id).await?.map(|p| p.email) else {
        return Ok(None);
    };
    let values = context! {
        sender => &found.name,
        group => &found.name,
        threads => lines,
        group_url => format!("{site_url}{}", group_path(&found.slug)),
    };
    Ok(Some((email, values)))
}
