//! Who may edit a group's site: the people who may send for it (organisers of an official
//! local party group, and staff), the Creators' one rule. Every editing call starts here.

use crate::{
    auth::model::PersonView,
    error::{AppError, AppResult},
    groups::service::lookups::{group_ref_by_slug, GroupRef},
    outreach::service::senders::sender_for,
    sites::{
        entity::{page, site},
        model::{Accent, ACCENTS, HOME_SLUG},
    },
};
use chrono::Utc;
use sea_orm::{
    sea_query::OnConflict, ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait,
    QueryFilter, Set,
};

/// A site someone may edit, with its group.
#[derive(Debug, Clone)]
pub struct Editing {
    pub group: GroupRef,
    pub site: site::Model,
    pub editor: PersonView,
}

/// The site of the group at `group_slug`, if `viewer` may edit it; made (with an empty
/// home page) the first time.
pub async fn site_to_edit(
    db: &impl ConnectionTrait,
    group_slug: &str,
    viewer: Option<&PersonView>,
) -> AppResult<Editing> {
    let editor = viewer.ok_or(AppError::Unauthenticated)?;
    let group = group_ref_by_slug(db, group_slug)
        .await?
        .ok_or(AppError::NotFound)?;
    sender_for(db, Some(group.id), Some(editor)).await?;
    let site = site_of_group(db, group.id).await?;
    Ok(Editing {
        group,
        site,
        editor: editor.clone(),
    })
}

/// The group's site, made on first use. Two first uses at once both end with the one row.
pub async fn site_of_group(db: &impl ConnectionTrait, group_id: i32) -> AppResult<site::Model> {
    let site = match find_site(db, group_id).await? {
        Some(found) => found,
        None => new_site(db, group_id).await?,
    };
    // Made apart from the site row, so made whenever it is missing; two at once leave one.
    page::Entity::insert(new_page(site.id, HOME_SLUG, "Home"))
        .on_conflict(
            OnConflict::columns([page::Column::SiteId, page::Column::Slug])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(site)
}

async fn new_site(db: &impl ConnectionTrait, group_id: i32) -> AppResult<site::Model> {
    let now = Utc::now();
    site::Entity::insert(site::ActiveModel {
        group_id: Set(group_id),
        promoter_name: Set(String::new()),
        promoter_address: Set(String::new()),
        accent: Set(ACCENTS[0].name.to_string()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(site::Column::GroupId)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    find_site(db, group_id).await?.ok_or(AppError::Internal)
}

/// The group's site, if it has one.
pub async fn find_site(db: &impl ConnectionTrait, group_id: i32) -> AppResult<Option<site::Model>> {
    Ok(site::Entity::find()
        .filter(site::Column::GroupId.eq(group_id))
        .one(db)
        .await?)
}

/// A new, empty, unpublished page.
pub(crate) fn new_page(site_id: i32, slug: &str, title: &str) -> page::ActiveModel {
    page::ActiveModel {
        site_id: Set(site_id),
        slug: Set(slug.to_string()),
        title: Set(title.to_string()),
        description: Set(String::new()),
        draft: Set("[]".to_string()),
        draft_version: Set(1),
        published_revision_id: Set(None),
        unpublished_changes: Set(true),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
}

/// Saves the imprint and the accent colour.
pub async fn save_site_settings(
    db: &impl ConnectionTrait,
    editing: &Editing,
    promoter_name: &str,
    promoter_address: &str,
    accent: &str,
) -> AppResult<()> {
    use crate::validate::bounded_text;
    let name = bounded_text("promoter_name", promoter_name, 120, true)?;
    // One line, as the footer shows it, before its length is checked.
    let one_line: Vec<&str> = promoter_address
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let address = bounded_text("promoter_address", &one_line.join(", "), 300, true)?;
    if !Accent::exists(accent) {
        return Err(AppError::invalid("accent", "Choose one of the colours."));
    }
    let mut row: site::ActiveModel = editing.site.clone().into();
    row.promoter_name = Set(name);
    row.promoter_address = Set(address);
    row.accent = Set(accent.to_string());
    row.updated_at = Set(Utc::now());
    row.update(db).await?;
    Ok(())
}
