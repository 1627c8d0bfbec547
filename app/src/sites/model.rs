//! A group site's pages and blocks as the editor and the renderer see them, and the pure
//! rules: what a block may hold, page addresses, the accent palette.

mod block_form;
mod blocks;
mod palette;

pub use block_form::BlockFields;
pub use blocks::{move_block, move_block_to, Block, BlockKind, SiteLink};
pub use palette::{Accent, ACCENTS};

use crate::error::{AppError, AppResult};
use serde::{Deserialize, Serialize};

/// What an image upload is refused with; the editor's address names one by its place.
pub const IMAGE_REFUSALS: [&str; 7] = [
    "Choose an image file to upload.",
    "That file is over 5 MB: make it smaller and try again.",
    "That file is not a JPEG, PNG or WebP image.",
    "That file is not the kind of image its name says: save it again as a JPEG, PNG or WebP.",
    "That image could not be read: it may be damaged.",
    "That image is too large: use one under 8,000 pixels a side and 16 megapixels.",
    "Someone else changed this page while you were uploading: upload the image again.",
];

/// The home page's slug: its address is the site's own (`/p/{group}`).
pub const HOME_SLUG: &str = "home";
/// Blocks on one page, at most.
pub const MAX_BLOCKS: usize = 40;
/// Page slugs the site's own addresses use.
const RESERVED_SLUGS: [&str; 4] = [HOME_SLUG, "join", "preview", "edit"];

/// The wording beside the "stay in touch" form's boxes, stored with each choice.
pub const JOIN_EMAIL_WORDING: &str =
    "Email me news and campaign updates from this local party. You can unsubscribe at any time.";
pub const JOIN_SMS_WORDING: &str =
    "Text me about campaign activity from this local party. Reply STOP to opt out.";

/// The public address of a page of `group`'s site.
pub fn page_path(group: &str, slug: &str) -> String {
    if slug == HOME_SLUG {
        format!("/p/{group}")
    } else {
        format!("/p/{group}/{slug}")
    }
}

/// Checks a new page's address: 1–60 lower-case letters, digits and dashes.
pub fn parse_page_slug(raw: &str) -> AppResult<String> {
    let slug = raw.trim().to_lowercase();
    let ok = !slug.is_empty()
        && slug.len() <= 60
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-');
    if !ok {
        return Err(AppError::invalid(
            "slug",
            "Use 1 to 60 lower-case letters, digits and dashes, such as about-us.",
        ));
    }
    if RESERVED_SLUGS.contains(&slug.as_str()) {
        return Err(AppError::invalid(
            "slug",
            "That address is taken by the site itself.",
        ));
    }
    Ok(slug)
}

/// A page in the site editor's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRow {
    pub slug: String,
    pub title: String,
    pub path: String,
    pub published: bool,
    /// The draft has changes not yet published.
    pub unpublished_changes: bool,
}

/// The site editor: the imprint, the accent, the pages and the embed snippets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteEditorView {
    pub group_name: String,
    pub group_slug: String,
    pub promoter_name: String,
    pub promoter_address: String,
    pub accent: String,
    pub pages: Vec<PageRow>,
    /// Copy-and-paste HTML for the group's widgets, by name.
    pub snippets: Vec<(String, String)>,
}

impl SiteEditorView {
    /// A page cannot be published until the imprint is set.
    pub fn imprint_set(&self) -> bool {
        !self.promoter_name.is_empty() && !self.promoter_address.is_empty()
    }
}

/// A published version of a page, in the editor's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionRow {
    pub id: i32,
    /// "Thu 7 Nov, 7pm"
    pub when: String,
    pub by: String,
    pub live: bool,
}

/// The page editor: the draft's details and blocks, and what the forms need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageEditorView {
    pub group_name: String,
    pub group_slug: String,
    pub slug: String,
    pub path: String,
    pub title: String,
    pub description: String,
    pub blocks: Vec<Block>,
    /// The draft's version: each edit names it, so two editors never overwrite each other.
    pub version: i32,
    pub imprint_set: bool,
    pub unpublished_changes: bool,
    pub revisions: Vec<RevisionRow>,
    /// Other pages of the site (slug, title), for call-out buttons.
    pub pages: Vec<(String, String)>,
    /// The group's upcoming events (id, title), for an event block.
    pub events: Vec<(i32, String)>,
}

/// What a group's page links to of its site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteLinksView {
    /// The published home page's address, if there is one.
    pub site_path: Option<String>,
    /// The Web Creator's address, for those who may edit the site.
    pub editor_path: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_slugs_are_plain_and_not_the_sites_own() {
        assert_eq!(parse_page_slug(" About-Us ").unwrap(), "about-us");
        for bad in ["", "-a", "a-", "a b", "é", "join", "home", &"a".repeat(61)] {
            assert!(parse_page_slug(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_home_page_lives_at_the_sites_address() {
        assert_eq!(page_path("sheffield", HOME_SLUG), "/p/sheffield");
        assert_eq!(page_path("sheffield", "about"), "/p/sheffield/about");
    }
}
