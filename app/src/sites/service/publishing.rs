//! Publishing: a page's draft becomes a revision that visitors see; every publish is kept,
//! and an older one can be published again. Nothing is published without the imprint.

use super::{access::Editing, cache, drafts::blocks_from};
use crate::{
    auth::service::directory::names_of,
    db::begin_write,
    error::{AppError, AppResult},
    format::format_when,
    live::LiveBus,
    sites::{
        entity::{page, revision},
        model::RevisionRow,
    },
};
use chrono::Utc;
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionSession, TransactionTrait,
};

/// Revisions shown in the editor, newest first.
const REVISIONS_SHOWN: u64 = 20;

/// The page's published versions, newest first.
pub async fn revisions_of(
    db: &impl ConnectionTrait,
    page: &page::Model,
) -> AppResult<Vec<RevisionRow>> {
    let rows = revision::Entity::find()
        .filter(revision::Column::PageId.eq(page.id))
        .order_by_desc(revision::Column::Id)
        .limit(REVISIONS_SHOWN)
        .all(db)
        .await?;
    let names = names_of(db, rows.iter().filter_map(|r| r.published_by)).await?;
    Ok(rows
        .into_iter()
        .map(|r| RevisionRow {
            id: r.id,
            when: format_when(r.created_at),
            by: r
                .published_by
                .and_then(|id| names.get(&id).cloned())
                .unwrap_or_else(|| "a former organiser".into()),
            live: page.published_revision_id == Some(r.id),
        })
        .collect())
}

/// Publishes the draft of `page` (as it was at `version`) as a new revision, and tells
/// every server process to show it.
pub async fn publish<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    bus: &LiveBus,
    editing: &Editing,
    page: &page::Model,
    version: i32,
) -> AppResult<()> {
    if page.draft_version != version {
        return Err(AppError::conflict(
            "Someone else changed this page since you opened it: look it over, then publish again.",
        ));
    }
    let blocks = blocks_from(&page.draft)?;
    publish_content(
        db,
        bus,
        editing,
        page,
        (&page.title, &page.description),
        &blocks,
    )
    .await
}

/// Publishes revision `revision_id` of `page` again, as a new revision; the draft becomes
/// that version too.
pub async fn restore<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    bus: &LiveBus,
    editing: &Editing,
    page: &page::Model,
    revision_id: i32,
) -> AppResult<()> {
    let old = revision_of_page(db, page.id, revision_id).await?;
    let blocks = blocks_from(&old.blocks)?;
    publish_content(
        db,
        bus,
        editing,
        page,
        (&old.title, &old.description),
        &blocks,
    )
    .await
}

/// Revision `id`, if it is one of `page_id`'s.
pub async fn revision_of_page(
    db: &impl ConnectionTrait,
    page_id: i32,
    id: i32,
) -> AppResult<revision::Model> {
    revision::Entity::find_by_id(id)
        .filter(revision::Column::PageId.eq(page_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

async fn publish_content<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    bus: &LiveBus,
    editing: &Editing,
    page: &page::Model,
    (title, description): (&str, &str),
    blocks: &[crate::sites::model::Block],
) -> AppResult<()> {
    if editing.site.promoter_name.is_empty() || editing.site.promoter_address.is_empty() {
        return Err(AppError::invalid(
            "imprint",
            "Set the imprint (who promoted the site, and their address) before publishing.",
        ));
    }
    if let Some(why) = blocks
        .iter()
        .find_map(crate::sites::model::BlockFields::unready)
    {
        return Err(AppError::conflict(why));
    }
    let json = serde_json::to_string(blocks).map_err(|_| AppError::Internal)?;
    let txn = begin_write(db).await?;
    let saved = revision::ActiveModel {
        page_id: Set(page.id),
        title: Set(title.to_string()),
        description: Set(description.to_string()),
        blocks: Set(json.clone()),
        published_by: Set(Some(editing.editor.id)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    // Only over the draft as it was read: an edit saved meanwhile is never overwritten.
    let done = page::Entity::update_many()
        .col_expr(page::Column::PublishedRevisionId, Expr::val(saved.id))
        .col_expr(page::Column::UnpublishedChanges, Expr::val(false))
        .col_expr(page::Column::Title, Expr::val(title))
        .col_expr(page::Column::Description, Expr::val(description))
        .col_expr(page::Column::Draft, Expr::val(json))
        .col_expr(
            page::Column::DraftVersion,
            Expr::col(page::Column::DraftVersion).add(1),
        )
        .filter(page::Column::Id.eq(page.id))
        .filter(page::Column::DraftVersion.eq(page.draft_version))
        .exec(&txn)
        .await?;
    if done.rows_affected == 0 {
        // Dropping the transaction rolls the revision back.
        return Err(AppError::conflict(
            "Someone else changed this page just now: look it over, then publish again.",
        ));
    }
    txn.commit().await?;
    cache::published_changed(bus, &editing.group.slug).await;
    Ok(())
}
