//! The demo's web site: Sheffield Central Local Party's home page (text, upcoming events,
//! a join form, contact details) and an "About us" page, published with the imprint.

use super::{person_view, GROUP_NAME, OWNER_EMAIL};
use app::{
    auth::model::Role,
    error::AppResult,
    groups::model::group_slug,
    live::LiveBus,
    sites::{
        model::{Block, SiteLink, HOME_SLUG},
        service::{
            access::{save_site_settings, site_to_edit},
            drafts::{change_draft, create_page, page_to_edit, DraftChange},
            publishing::publish,
        },
    },
};
use sea_orm::DatabaseConnection;

/// Builds and publishes both pages.
pub async fn load(db: &DatabaseConnection) -> AppResult<()> {
    let priya = person_view(db, OWNER_EMAIL, vec![Role::Member, Role::Organiser]).await?;
    let slug = group_slug(GROUP_NAME);
    let editing = site_to_edit(db, &slug, Some(&priya)).await?;
    save_site_settings(
        db,
        &editing,
        "Priya Shah",
        "12 Division Street, Sheffield S1 4GF",
        "green",
    )
    .await?;
    // Read again: publishing checks the imprint just saved.
    let editing = site_to_edit(db, &slug, Some(&priya)).await?;
    create_page(db, &editing, "About us", "about-us").await?;
    let pages = [
        (
            HOME_SLUG,
            "Welcome to Sheffield Central",
            "Your local party in the heart of Sheffield: events, news and how to get involved.",
            vec![
                Block::Text {
                    markdown: "We are the local party for **Sheffield Central**. We knock on doors, run phone banks and meet every month.\n\nEveryone is welcome, member or not.".into(),
                },
                Block::Events { heading: "Coming up".into(), limit: 5 },
                Block::Button { label: "About us".into(), target: "about-us".into() },
                Block::Join { heading: "Stay in touch".into() },
            ],
        ),
        (
            "about-us",
            "About us",
            "Who we are and how to reach us.",
            vec![
                Block::Text {
                    markdown: "## Who we are\n\nVolunteers from every part of the constituency. Our meetings are open: come along.".into(),
                },
                Block::Contact {
                    email: "hello@sheffield-central.example".into(),
                    phone: "0114 496 0000".into(),
                    address: "12 Division Street, Sheffield S1 4GF".into(),
                    links: vec![SiteLink { label: "Mastodon".into(), url: "https://mastodon.example/@sheffieldcentral".into() }],
                },
            ],
        ),
    ];
    let bus = LiveBus::new(db.clone());
    for (page, title, description, blocks) in pages {
        let row = page_to_edit(db, &editing, page).await?;
        let details = DraftChange::Details {
            title: title.into(),
            description: description.into(),
        };
        change_draft(db, &row, row.draft_version, details).await?;
        let row = page_to_edit(db, &editing, page).await?;
        change_draft(db, &row, row.draft_version, DraftChange::Blocks(blocks)).await?;
        let row = page_to_edit(db, &editing, page).await?;
        publish(db, &bus, &editing, &row, row.draft_version).await?;
    }
    Ok(())
}
