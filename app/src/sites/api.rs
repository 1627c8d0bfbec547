//! The Web Creator's server functions: organisers of official groups (and staff) edit
//! their group's site. Each starts from `access::site_to_edit`.
// Server functions take their form's fields one by one.
#![allow(clippy::too_many_arguments)]

use crate::{
    error::AppError,
    sites::model::{PageEditorView, SiteEditorView, SiteLinksView},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    ctx::{redirect_to, serve},
    sites::{
        model::{move_block, move_block_to, BlockFields, BlockKind},
        service::{access::site_to_edit, drafts, publishing},
    },
};

#[cfg(feature = "ssr")]
fn editor_path(group: &str, page: &str, notice: &str) -> String {
    format!("/groups/{group}/site/{page}?{notice}=1")
}

/// The site editor: imprint, accent colour, pages and widget snippets.
#[server(endpoint = "sites/editor")]
pub async fn site_editor(group: String) -> Result<SiteEditorView, AppError> {
    serve(|ctx| async move {
        use crate::sites::service::oembed::snippet_with_resizer;
        let editing = site_to_edit(&ctx.db, &group, ctx.maybe_person()).await?;
        let base = ctx
            .state
            .settings
            .public_url
            .trim_end_matches('/')
            .to_string();
        let name = &editing.group.name;
        let mut snippets = vec![
            (
                "Upcoming events".to_string(),
                snippet_with_resizer(
                    &base,
                    &format!("{base}/embed/groups/{group}/events"),
                    &format!("Events with {name}"),
                ),
            ),
            (
                "Stay in touch form".to_string(),
                snippet_with_resizer(
                    &base,
                    &format!("{base}/embed/groups/{group}/join"),
                    &format!("Stay in touch with {name}"),
                ),
            ),
        ];
        let events = crate::events::service::group_events::list_upcoming_events_of_group(
            &ctx.db,
            editing.group.id,
            10,
        )
        .await?;
        snippets.extend(events.into_iter().map(|e| {
            let src = format!("{base}/embed/events/{}", e.id);
            (
                format!("Sign-up form: {} ({})", e.title, e.when),
                snippet_with_resizer(&base, &src, &e.title),
            )
        }));
        Ok(SiteEditorView {
            pages: drafts::page_rows(&ctx.db, &editing).await?,
            group_name: editing.group.name.clone(),
            group_slug: editing.group.slug.clone(),
            promoter_name: editing.site.promoter_name.clone(),
            promoter_address: editing.site.promoter_address.clone(),
            accent: editing.site.accent.clone(),
            snippets,
        })
    })
    .await
}

/// Saves the imprint and the accent colour.
#[server(endpoint = "sites/settings")]
pub async fn save_site(
    group: String,
    promoter_name: String,
    promoter_address: String,
    accent: String,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        let editing = site_to_edit(&ctx.db, &group, ctx.maybe_person()).await?;
        crate::sites::service::access::save_site_settings(
            &ctx.db,
            &editing,
            &promoter_name,
            &promoter_address,
            &accent,
        )
        .await?;
        redirect_to(&format!("/groups/{group}/site?saved=1"));
        Ok(())
    })
    .await
}

/// Adds a page to the site, then opens it.
#[server(endpoint = "sites/add-page")]
pub async fn add_page(group: String, title: String, slug: String) -> Result<String, AppError> {
    serve(|ctx| async move {
        let editing = site_to_edit(&ctx.db, &group, ctx.maybe_person()).await?;
        let slug = drafts::create_page(&ctx.db, &editing, &title, &slug).await?;
        redirect_to(&editor_path(&group, &slug, "added"));
        Ok(slug)
    })
    .await
}

/// The page editor.
#[server(endpoint = "sites/page")]
pub async fn page_editor(group: String, page: String) -> Result<PageEditorView, AppError> {
    serve(|ctx| async move {
        let editing = site_to_edit(&ctx.db, &group, ctx.maybe_person()).await?;
        drafts::page_editor(&ctx.db, &editing, &page).await
    })
    .await
}

/// Saves the page's title and its description for search engines and link previews.
#[server(endpoint = "sites/page-details")]
pub async fn save_page_details(
    group: String,
    page: String,
    version: i32,
    title: String,
    description: String,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        let editing = site_to_edit(&ctx.db, &group, ctx.maybe_person()).await?;
        let row = drafts::page_to_edit(&ctx.db, &editing, &page).await?;
        let change = drafts::DraftChange::Details { title, description };
        drafts::change_draft(&ctx.db, &row, version, change).await?;
        redirect_to(&editor_path(&group, &page, "saved"));
        Ok(())
    })
    .await
}

/// Adds a block of `kind` at the end of the page.
#[server(endpoint = "sites/add-block")]
pub async fn add_block(
    group: String,
    page: String,
    version: i32,
    kind: String,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        let editing = site_to_edit(&ctx.db, &group, ctx.maybe_person()).await?;
        let row = drafts::page_to_edit(&ctx.db, &editing, &page).await?;
        let kind = BlockKind::parse(&kind)?;
        drafts::edit_blocks(&ctx.db, &row, version, |blocks| {
            blocks.push(kind.starter());
            Ok(())
        })
        .await?;
        redirect_to(&editor_path(&group, &page, "added_block"));
        Ok(())
    })
    .await
}

/// Saves block `index`'s form.
#[server(endpoint = "sites/save-block")]
pub async fn save_block(
    group: String,
    page: String,
    version: i32,
    index: usize,
    markdown: Option<String>,
    heading: Option<String>,
    limit: Option<String>,
    event_id: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    address: Option<String>,
    links: Option<String>,
    label: Option<String>,
    target: Option<String>,
    alt: Option<String>,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        let editing = site_to_edit(&ctx.db, &group, ctx.maybe_person()).await?;
        let row = drafts::page_to_edit(&ctx.db, &editing, &page).await?;
        let current = drafts::blocks_from(&row.draft)?;
        let current = current.get(index).ok_or(AppError::NotFound)?;
        let fields = BlockFields {
            markdown,
            heading,
            limit,
            event_id,
            email,
            phone,
            address,
            links,
            label,
            target,
            alt,
        };
        let block = fields.parse_over(current)?;
        drafts::check_block(&ctx.db, &editing, &block).await?;
        drafts::edit_blocks(&ctx.db, &row, version, |blocks| {
            blocks[index] = block;
            Ok(())
        })
        .await?;
        redirect_to(&editor_path(&group, &page, "saved"));
        Ok(())
    })
    .await
}

/// Moves block `index` one place "up" or "down", or "to" place `to` (dragged there), or
/// "remove"s it.
#[server(endpoint = "sites/arrange-block")]
pub async fn arrange_block(
    group: String,
    page: String,
    version: i32,
    index: usize,
    action: String,
    to: Option<usize>,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        let editing = site_to_edit(&ctx.db, &group, ctx.maybe_person()).await?;
        let row = drafts::page_to_edit(&ctx.db, &editing, &page).await?;
        drafts::edit_blocks(&ctx.db, &row, version, |blocks| {
            let done = match action.as_str() {
                "up" | "down" => move_block(blocks, index, action == "up"),
                "to" => move_block_to(blocks, index, to.unwrap_or(usize::MAX)),
                "remove" if index < blocks.len() => {
                    blocks.remove(index);
                    true
                }
                _ => false,
            };
            done.then_some(())
                .ok_or_else(|| AppError::conflict("That block cannot move further."))
        })
        .await?;
        redirect_to(&editor_path(&group, &page, "arranged"));
        Ok(())
    })
    .await
}

/// Publishes the draft (as it was at `version`).
#[server(endpoint = "sites/publish")]
pub async fn publish_page(group: String, page: String, version: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let editing = site_to_edit(&ctx.db, &group, ctx.maybe_person()).await?;
        let row = drafts::page_to_edit(&ctx.db, &editing, &page).await?;
        publishing::publish(&ctx.db, &ctx.state.live, &editing, &row, version).await?;
        redirect_to(&editor_path(&group, &page, "published"));
        Ok(())
    })
    .await
}

/// Publishes an earlier revision again.
#[server(endpoint = "sites/restore")]
pub async fn restore_revision(group: String, page: String, revision: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let editing = site_to_edit(&ctx.db, &group, ctx.maybe_person()).await?;
        let row = drafts::page_to_edit(&ctx.db, &editing, &page).await?;
        publishing::restore(&ctx.db, &ctx.state.live, &editing, &row, revision).await?;
        redirect_to(&editor_path(&group, &page, "restored"));
        Ok(())
    })
    .await
}

/// The group's site, and its editor for those who may edit it, for the group's page.
#[server(endpoint = "sites/links")]
pub async fn site_links(group_id: i32) -> Result<SiteLinksView, AppError> {
    serve(|ctx| async move {
        use crate::{
            outreach::service::senders::may_send_for,
            sites::{model::HOME_SLUG, service::published},
        };
        let Some(group) = crate::groups::service::lookups::group_ref(&ctx.db, group_id).await?
        else {
            return Err(AppError::NotFound);
        };
        let may_edit = match ctx.maybe_person() {
            Some(person) => may_send_for(&ctx.db, Some(group_id), person).await?,
            None => false,
        };
        let live = published::is_published(&ctx.db, group_id, HOME_SLUG).await?;
        Ok(SiteLinksView {
            site_path: live.then(|| crate::sites::model::page_path(&group.slug, HOME_SLUG)),
            editor_path: may_edit.then(|| format!("/groups/{}/site", group.slug)),
        })
    })
    .await
}
