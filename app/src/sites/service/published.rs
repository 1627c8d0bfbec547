//! A page as visitors get it: the published revision (or, for its editors, the draft or
//! an older revision), the site's navigation, imprint and accent, and what its blocks
//! show from events (read at render time, so events are always current).

use super::drafts::blocks_from;
use crate::{
    error::AppResult,
    events::{
        model::{EventCard, EventDetail},
        service::{catalogue::get_event_detail, group_events::list_upcoming_events_of_group},
    },
    fundraising::{model::Thermometer, service::pages::DonationPage},
    groups::service::lookups::{group_ref_by_slug, GroupRef},
    sites::{
        entity::{page, revision, site},
        model::{Block, HOME_SLUG},
    },
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// Which version of a page to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    Published,
    Draft,
    Revision(i32),
}

/// One page of a site, ready to render.
#[derive(Debug, Clone)]
pub struct SitePage {
    pub group: GroupRef,
    pub site: site::Model,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub blocks: Vec<Block>,
    /// Published pages (slug, title), home first, for the navigation.
    pub nav: Vec<(String, String)>,
    /// What each block shows from events, by the block's place.
    pub data: Vec<BlockData>,
}

/// What a block shows that is not stored in it.
#[derive(Debug, Clone)]
pub enum BlockData {
    None,
    Events(Vec<EventCard>),
    Event(Box<EventDetail>),
    /// The event (or donation page) is gone, cancelled or no longer public.
    Missing,
    /// A donation page and its thermometer.
    Donate(Box<(DonationPage, Thermometer)>),
}

/// The page `page_slug` of the site of the group at `group_slug`, in `version`. None when
/// there is no such page, or (for `Published`) it has never been published.
pub async fn site_page(
    db: &impl ConnectionTrait,
    group_slug: &str,
    page_slug: &str,
    version: Version,
    public_url: &str,
) -> AppResult<Option<SitePage>> {
    let Some(group) = group_ref_by_slug(db, group_slug).await? else {
        return Ok(None);
    };
    let Some(site) = site::Entity::find()
        .filter(site::Column::GroupId.eq(group.id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let pages = page::Entity::find()
        .filter(page::Column::SiteId.eq(site.id))
        .order_by_asc(page::Column::Id)
        .all(db)
        .await?;
    let Some(page) = pages.iter().find(|p| p.slug == page_slug) else {
        return Ok(None);
    };
    let published = revision::Entity::find()
        .filter(revision::Column::Id.is_in(pages.iter().filter_map(|p| p.published_revision_id)))
        .all(db)
        .await?;
    let content = match version {
        Version::Draft => Some((
            page.title.clone(),
            page.description.clone(),
            page.draft.clone(),
        )),
        Version::Published => published
            .iter()
            .find(|r| Some(r.id) == page.published_revision_id)
            .map(|r| (r.title.clone(), r.description.clone(), r.blocks.clone())),
        Version::Revision(id) => super::publishing::revision_of_page(db, page.id, id)
            .await
            .ok()
            .map(|r| (r.title, r.description, r.blocks)),
    };
    let Some((title, description, blocks)) = content else {
        return Ok(None);
    };
    let blocks = blocks_from(&blocks)?;
    let mut nav: Vec<(String, String)> = pages
        .iter()
        .filter_map(|p| {
            let r = published
                .iter()
                .find(|r| Some(r.id) == p.published_revision_id)?;
            Some((p.slug.clone(), r.title.clone()))
        })
        .collect();
    nav.sort_by_key(|(slug, _)| slug != HOME_SLUG);
    let mut data = Vec::with_capacity(blocks.len());
    for block in &blocks {
        data.push(block_data(db, &group, block, public_url).await?);
    }
    Ok(Some(SitePage {
        group,
        site,
        slug: page.slug.clone(),
        title,
        description,
        blocks,
        nav,
        data,
    }))
}

/// What `block` shows from events, read now.
pub async fn block_data(
    db: &impl ConnectionTrait,
    group: &GroupRef,
    block: &Block,
    public_url: &str,
) -> AppResult<BlockData> {
    Ok(match block {
        Block::Events { limit, .. } => {
            BlockData::Events(list_upcoming_events_of_group(db, group.id, u64::from(*limit)).await?)
        }
        Block::Event { event_id } => event_to_show(db, *event_id, public_url).await?,
        Block::Donate { page } => {
            match crate::fundraising::service::pages::page_by_slug(db, page).await {
                Ok(found) if found.open && found.group_id == Some(group.id) => {
                    match crate::fundraising::service::totals::count(db, found.id).await? {
                        Some(thermometer) => BlockData::Donate(Box::new((found, thermometer))),
                        None => BlockData::Missing,
                    }
                }
                _ => BlockData::Missing,
            }
        }
        _ => BlockData::None,
    })
}

/// A published event with its sign-up slots, or Missing.
pub async fn event_to_show(
    db: &impl ConnectionTrait,
    event_id: i32,
    public_url: &str,
) -> AppResult<BlockData> {
    use crate::{error::AppError, events::model::EventStatus};
    match get_event_detail(db, event_id, None, public_url).await {
        Ok(detail) if detail.status == EventStatus::Published => {
            Ok(BlockData::Event(Box::new(detail)))
        }
        Ok(_) | Err(AppError::NotFound) => Ok(BlockData::Missing),
        Err(err) => Err(err),
    }
}

/// Whether the group's site has a published page at `slug`.
pub async fn is_published(db: &impl ConnectionTrait, group_id: i32, slug: &str) -> AppResult<bool> {
    let Some(site) = site::Entity::find()
        .filter(site::Column::GroupId.eq(group_id))
        .one(db)
        .await?
    else {
        return Ok(false);
    };
    Ok(page::Entity::find()
        .filter(page::Column::SiteId.eq(site.id))
        .filter(page::Column::Slug.eq(slug))
        .filter(page::Column::PublishedRevisionId.is_not_null())
        .one(db)
        .await?
        .is_some())
}
