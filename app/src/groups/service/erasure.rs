//! What groups forget when a person is erased. Their memberships end (counts go down);
//! a post of theirs stays, as "a former member" with its words removed, only where
//! someone else posted after it in the thread, since removing it would break the
//! conversation (quotes, numbering); likewise a thread they started that others replied
//! to. Everything else of theirs in the forums is deleted.

use super::membership::drop_membership;
use crate::{
    error::AppResult,
    groups::entity::{forum_post, forum_thread, group_member},
};
use sea_orm::{
    sea_query::{Alias, Expr, ExprTrait, Query},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect,
};

/// What a kept post shows in place of the words.
pub const REMOVED_POST_HTML: &str =
    "<p><em>A former member wrote this. Their words were removed at their request.</em></p>";
/// What a kept thread shows in place of its title.
pub const REMOVED_THREAD_TITLE: &str = "A thread started by a former member";

/// Whether `person_id` wrote anything in the forums (erasure may then keep some of it
/// under "a former member").
pub async fn has_written(db: &impl ConnectionTrait, person_id: i32) -> AppResult<bool> {
    let post = forum_post::Entity::find()
        .filter(forum_post::Column::AuthorId.eq(person_id))
        .one(db)
        .await?;
    let thread = forum_thread::Entity::find()
        .filter(forum_thread::Column::AuthorId.eq(person_id))
        .one(db)
        .await?;
    Ok(post.is_some() || thread.is_some())
}

/// Erases `person_id` from the groups' tables, keeping thread structure under
/// `former_member`. Call it inside the erasure's transaction.
pub async fn forget_member(
    db: &impl ConnectionTrait,
    person_id: i32,
    former_member: i32,
) -> AppResult<()> {
    for row in group_member::Entity::find()
        .filter(group_member::Column::PersonId.eq(person_id))
        .all(db)
        .await?
    {
        drop_membership(db, row).await?;
    }
    let touched: Vec<i32> = forum_post::Entity::find()
        .select_only()
        .column(forum_post::Column::ThreadId)
        .distinct()
        .filter(forum_post::Column::AuthorId.eq(person_id))
        .into_tuple()
        .all(db)
        .await?;

    // Someone else posted after it (`later` is the same table under another name).
    let later = Alias::new("later");
    let answered = Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from_as(forum_post::Entity, later.clone())
            .and_where(
                Expr::col((later.clone(), forum_post::Column::ThreadId))
                    .equals((forum_post::Entity, forum_post::Column::ThreadId)),
            )
            .and_where(Expr::col((later.clone(), forum_post::Column::AuthorId)).ne(person_id))
            .and_where(
                Expr::col((later.clone(), forum_post::Column::Id))
                    .gt(Expr::col((forum_post::Entity, forum_post::Column::Id))),
            )
            .to_owned(),
    );
    forum_post::Entity::update_many()
        .col_expr(forum_post::Column::AuthorId, Expr::val(former_member))
        .col_expr(forum_post::Column::Body, Expr::val(""))
        .col_expr(forum_post::Column::BodyHtml, Expr::val(REMOVED_POST_HTML))
        .filter(forum_post::Column::AuthorId.eq(person_id))
        .filter(answered)
        .exec(db)
        .await?;
    forum_post::Entity::delete_many()
        .filter(forum_post::Column::AuthorId.eq(person_id))
        .exec(db)
        .await?;

    // Their threads: kept without a title where others replied, otherwise deleted.
    let others_posted = Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from(forum_post::Entity)
            .and_where(
                Expr::col((forum_post::Entity, forum_post::Column::ThreadId))
                    .equals((forum_thread::Entity, forum_thread::Column::Id)),
            )
            .to_owned(),
    );
    forum_thread::Entity::update_many()
        .col_expr(forum_thread::Column::AuthorId, Expr::val(former_member))
        .col_expr(forum_thread::Column::Title, Expr::val(REMOVED_THREAD_TITLE))
        .filter(forum_thread::Column::AuthorId.eq(person_id))
        .filter(others_posted)
        .exec(db)
        .await?;
    forum_thread::Entity::delete_many()
        .filter(forum_thread::Column::AuthorId.eq(person_id))
        .exec(db)
        .await?;

    // The threads they posted in count what is left.
    let remaining = Query::select()
        .expr(Expr::col((forum_post::Entity, forum_post::Column::Id)).count())
        .from(forum_post::Entity)
        .and_where(
            Expr::col((forum_post::Entity, forum_post::Column::ThreadId))
                .equals((forum_thread::Entity, forum_thread::Column::Id)),
        )
        .to_owned();
    forum_thread::Entity::update_many()
        .col_expr(
            forum_thread::Column::PostCount,
            Expr::SubQuery(None, Box::new(remaining.into())),
        )
        .filter(forum_thread::Column::Id.is_in(touched))
        .exec(db)
        .await?;
    Ok(())
}
