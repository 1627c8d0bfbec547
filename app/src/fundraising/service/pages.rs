//! Donation pages: the party's and official local party groups' campaigns.

use crate::{
    error::{AppError, AppResult},
    fundraising::entity::fund_page,
    groups::service::markdown::render_markdown,
};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// A donation page as donors see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DonationPage {
    pub id: i32,
    pub slug: String,
    pub group_id: Option<i32>,
    pub title: String,
    /// Cleaned HTML, drawn from the Markdown on save.
    pub story_html: String,
    pub target_pence: i64,
    pub suggested: Vec<i64>,
    pub max_pence: i64,
    pub open: bool,
}

impl From<fund_page::Model> for DonationPage {
    fn from(row: fund_page::Model) -> Self {
        Self {
            id: row.id,
            slug: row.slug,
            group_id: row.group_id,
            title: row.title,
            story_html: row.story_html,
            target_pence: row.target_pence,
            suggested: row
                .suggested
                .split(',')
                .filter_map(|p| p.trim().parse().ok())
                .collect(),
            max_pence: row.max_pence,
            open: row.open,
        }
    }
}

/// The page at `/donate/{slug}`.
pub async fn page_by_slug(db: &impl ConnectionTrait, slug: &str) -> AppResult<DonationPage> {
    fund_page::Entity::find()
        .filter(fund_page::Column::Slug.eq(slug))
        .one(db)
        .await?
        .map(Into::into)
        .ok_or(AppError::NotFound)
}

/// Every open donation page, the party's first.
pub async fn open_pages(db: &impl ConnectionTrait) -> AppResult<Vec<DonationPage>> {
    let mut pages: Vec<DonationPage> = fund_page::Entity::find()
        .filter(fund_page::Column::Open.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(Into::into)
        .collect();
    pages.sort_by_key(|p| (p.group_id.is_some(), p.title.clone()));
    Ok(pages)
}

/// What a new page says.
#[derive(Debug, Clone)]
pub struct NewPage<'a> {
    pub slug: &'a str,
    pub group_id: Option<i32>,
    pub title: &'a str,
    pub story: &'a str,
    pub target_pence: i64,
    pub suggested: &'a [i64],
    pub max_pence: i64,
    pub created_by: Option<i32>,
}

/// Makes a donation page (its address is unique: a second one at it is refused).
pub async fn create_page(db: &impl ConnectionTrait, page: NewPage<'_>) -> AppResult<DonationPage> {
    let slug = page.slug.trim();
    if slug.is_empty()
        || slug.len() > 60
        || !slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(AppError::invalid(
            "slug",
            "Use lower-case letters, digits and hyphens, up to 60.",
        ));
    }
    let title = page.title.trim();
    if title.is_empty() || title.chars().count() > 120 {
        return Err(AppError::invalid(
            "title",
            "Give a title of up to 120 characters.",
        ));
    }
    if page.target_pence <= 0 {
        return Err(AppError::invalid("target", "Give a target above £0."));
    }
    let suggested = page
        .suggested
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let row = fund_page::ActiveModel {
        slug: Set(slug.to_string()),
        group_id: Set(page.group_id),
        title: Set(title.to_string()),
        story: Set(page.story.to_string()),
        story_html: Set(render_markdown(page.story)),
        target_pence: Set(page.target_pence),
        suggested: Set(suggested),
        max_pence: Set(page.max_pence),
        open: Set(true),
        created_by: Set(page.created_by),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|err| match err.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
            AppError::invalid("slug", "There is already a donation page at that address.")
        }
        _ => err.into(),
    })?;
    Ok(row.into())
}

/// An appeal as its visitors' pages need it, with who the money goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appeal {
    pub page: DonationPage,
    /// "Sheffield Central Local Party", or the party's name.
    pub recipient: String,
}

/// Who a page speaks for when it is the party's own.
pub const PARTY_NAME: &str = "MembersNet";

/// How long a process keeps an appeal before reading it again (a new appeal, a closed one
/// or a changed title shows within this).
const KEEP: std::time::Duration = std::time::Duration::from_secs(5);

type Kept = std::sync::Mutex<
    std::collections::HashMap<String, (std::sync::Arc<Appeal>, std::time::Instant)>,
>;

/// The appeal at `slug` for visitors, kept per process for a few seconds, so a popular
/// page does not read the database on every request (its thermometer is `totals`').
pub async fn appeal_for_visitors(
    bus: &crate::live::LiveBus,
    slug: &str,
) -> AppResult<std::sync::Arc<Appeal>> {
    struct Appeals(Kept);
    let kept = bus.part(|| Appeals(Kept::default()));
    if let Some((appeal, at)) = kept.0.lock().unwrap_or_else(|e| e.into_inner()).get(slug) {
        if at.elapsed() < KEEP {
            return Ok(appeal.clone());
        }
    }
    let db = bus.db();
    let page = page_by_slug(db, slug).await?;
    let recipient = match page.group_id {
        Some(id) => crate::groups::service::lookups::group_ref(db, id)
            .await?
            .map_or_else(|| PARTY_NAME.to_string(), |g| g.name),
        None => PARTY_NAME.to_string(),
    };
    let appeal = std::sync::Arc::new(Appeal { page, recipient });
    kept.0.lock().unwrap_or_else(|e| e.into_inner()).insert(
        slug.to_string(),
        (appeal.clone(), std::time::Instant::now()),
    );
    Ok(appeal)
}
