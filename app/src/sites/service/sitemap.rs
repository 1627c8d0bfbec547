//! /sitemap.xml: every published page of every group's site, so search engines find them.

use crate::{
    error::AppResult,
    groups::service::lookups::group_refs,
    sites::{
        entity::{page, site},
        model::page_path,
    },
    ui::escape,
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// The sitemap's XML, with absolute addresses under `public_url`.
pub async fn sitemap_xml(db: &impl ConnectionTrait, public_url: &str) -> AppResult<String> {
    let sites = site::Entity::find().all(db).await?;
    let pages = page::Entity::find()
        .filter(page::Column::PublishedRevisionId.is_not_null())
        .all(db)
        .await?;
    let groups = group_refs(db, sites.iter().map(|s| s.group_id).collect()).await?;
    let base = public_url.trim_end_matches('/');
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in &pages {
        let group = sites
            .iter()
            .find(|s| s.id == page.site_id)
            .and_then(|s| groups.get(&s.group_id));
        if let Some(group) = group {
            let url = format!("{base}{}", page_path(&group.slug, &page.slug));
            xml.push_str(&format!("  <url><loc>{}</loc></url>\n", escape::html(&url)));
        }
    }
    xml.push_str("</urlset>\n");
    Ok(xml)
}
