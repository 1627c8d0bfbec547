//! Drafts: pages, their details and blocks. Each edit is one conditional UPDATE on the
//! draft's version, so two editors never overwrite each other's work unseen.

use super::access::{new_page, Editing};
use crate::{
    error::{AppError, AppResult},
    events::service::group_events::list_upcoming_events_of_group,
    sites::{
        entity::page,
        model::{
            page_path, parse_page_slug, Block, PageEditorView, PageRow, HOME_SLUG, MAX_BLOCKS,
        },
        service::publishing::revisions_of,
    },
    validate::bounded_text,
};
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};

/// The site's pages, home first.
pub async fn pages_of(db: &impl ConnectionTrait, site_id: i32) -> AppResult<Vec<page::Model>> {
    let mut pages = page::Entity::find()
        .filter(page::Column::SiteId.eq(site_id))
        .order_by_asc(page::Column::Id)
        .all(db)
        .await?;
    pages.sort_by_key(|p| p.slug != HOME_SLUG);
    Ok(pages)
}

/// The site editor's list of pages.
pub async fn page_rows(db: &impl ConnectionTrait, editing: &Editing) -> AppResult<Vec<PageRow>> {
    Ok(pages_of(db, editing.site.id)
        .await?
        .into_iter()
        .map(|p| PageRow {
            path: page_path(&editing.group.slug, &p.slug),
            published: p.published_revision_id.is_some(),
            unpublished_changes: p.unpublished_changes,
            slug: p.slug,
            title: p.title,
        })
        .collect())
}

/// The page at `slug` of the site being edited.
pub async fn page_to_edit(
    db: &impl ConnectionTrait,
    editing: &Editing,
    slug: &str,
) -> AppResult<page::Model> {
    page::Entity::find()
        .filter(page::Column::SiteId.eq(editing.site.id))
        .filter(page::Column::Slug.eq(slug))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// A stored list of blocks (a draft or a revision).
pub fn blocks_from(json: &str) -> AppResult<Vec<Block>> {
    serde_json::from_str(json).map_err(|err| {
        tracing::error!(%err, "a stored page's blocks do not read");
        AppError::Internal
    })
}

/// Everything the page editor shows.
pub async fn page_editor(
    db: &impl ConnectionTrait,
    editing: &Editing,
    slug: &str,
) -> AppResult<PageEditorView> {
    let page = page_to_edit(db, editing, slug).await?;
    let pages = pages_of(db, editing.site.id)
        .await?
        .into_iter()
        .map(|p| (p.slug, p.title))
        .collect();
    let events = list_upcoming_events_of_group(db, editing.group.id, 50)
        .await?
        .into_iter()
        .map(|e| (e.id, format!("{} ({})", e.title, e.when)))
        .collect();
    Ok(PageEditorView {
        group_name: editing.group.name.clone(),
        group_slug: editing.group.slug.clone(),
        path: page_path(&editing.group.slug, &page.slug),
        blocks: blocks_from(&page.draft)?,
        version: page.draft_version,
        imprint_set: !editing.site.promoter_name.is_empty(),
        unpublished_changes: page.unpublished_changes,
        revisions: revisions_of(db, &page).await?,
        slug: page.slug,
        title: page.title,
        description: page.description,
        pages,
        events,
    })
}

/// Adds a page; returns its slug.
pub async fn create_page(
    db: &impl ConnectionTrait,
    editing: &Editing,
    title: &str,
    slug: &str,
) -> AppResult<String> {
    let title = bounded_text("title", title, 120, true)?;
    let slug = parse_page_slug(slug)?;
    // The unique (site, slug) index is the check.
    new_page(editing.site.id, &slug, &title)
        .insert(db)
        .await
        .map_err(|err| match crate::db::is_unique_violation(&err) {
            true => AppError::invalid("slug", "The site already has a page at that address."),
            false => err.into(),
        })?;
    Ok(slug)
}

/// What an edit changes in a draft.
pub enum DraftChange {
    Details { title: String, description: String },
    Blocks(Vec<Block>),
}

/// Applies `change` to the draft of `page`, if nobody changed it since `version`.
pub async fn change_draft(
    db: &impl ConnectionTrait,
    page: &page::Model,
    version: i32,
    change: DraftChange,
) -> AppResult<()> {
    let next = version
        .checked_add(1)
        .ok_or_else(|| AppError::conflict("That version of the page does not exist."))?;
    let mut update = page::Entity::update_many()
        .col_expr(page::Column::DraftVersion, Expr::val(next))
        .col_expr(page::Column::UnpublishedChanges, Expr::val(true))
        .filter(page::Column::Id.eq(page.id))
        .filter(page::Column::DraftVersion.eq(version));
    match change {
        DraftChange::Details { title, description } => {
            update = update
                .col_expr(
                    page::Column::Title,
                    Expr::val(bounded_text("title", &title, 120, true)?),
                )
                .col_expr(
                    page::Column::Description,
                    Expr::val(bounded_text("description", &description, 300, false)?),
                );
        }
        DraftChange::Blocks(blocks) => {
            if blocks.len() > MAX_BLOCKS {
                return Err(AppError::conflict(format!(
                    "A page holds at most {MAX_BLOCKS} blocks: make a second page."
                )));
            }
            let json = serde_json::to_string(&blocks).map_err(|_| AppError::Internal)?;
            update = update.col_expr(page::Column::Draft, Expr::val(json));
        }
    }
    let done = update.exec(db).await?;
    if done.rows_affected == 0 {
        return Err(AppError::conflict(
            "Someone else changed this page while you were editing it. Your change was not saved: the page now shows their version.",
        ));
    }
    Ok(())
}

/// Changes the draft's blocks through `edit`, if nobody changed them since `version`.
pub async fn edit_blocks(
    db: &impl ConnectionTrait,
    page: &page::Model,
    version: i32,
    edit: impl FnOnce(&mut Vec<Block>) -> AppResult<()>,
) -> AppResult<()> {
    let mut blocks = blocks_from(&page.draft)?;
    edit(&mut blocks)?;
    change_draft(db, page, version, DraftChange::Blocks(blocks)).await
}

/// Checks that what a block points at exists: its event (one of the group's), its page.
pub async fn check_block(
    db: &impl ConnectionTrait,
    editing: &Editing,
    block: &Block,
) -> AppResult<()> {
    match block {
        Block::Event { event_id } => {
            let event = crate::events::service::lookups::event_ref(db, *event_id).await?;
            if event.is_none_or(|e| e.group_id != Some(editing.group.id)) {
                return Err(AppError::invalid(
                    "event_id",
                    "Choose one of the group's events.",
                ));
            }
        }
        Block::Donate { page } => {
            let found = crate::fundraising::service::pages::page_by_slug(db, page)
                .await
                .ok();
            if found.is_none_or(|p| p.group_id != Some(editing.group.id)) {
                return Err(AppError::invalid(
                    "target",
                    "Give the address of one of the group's donation pages (the part after /donate/).",
                ));
            }
        }
        Block::Button { target, .. } if page_to_edit(db, editing, target).await.is_err() => {
            return Err(AppError::invalid("target", "Choose a page of the site."));
        }
        _ => {}
    }
    Ok(())
}
