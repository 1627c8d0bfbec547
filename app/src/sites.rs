//! The Web Creator and widgets (DESIGN.md's `pages` domain, named `sites` here because
//! every domain already has a `pages` folder of screens): official local party groups'
//! public sites made of blocks, drafts, published revisions, the imprint and accent
//! colour; the "stay in touch" form; and the widgets other sites embed (event list, event
//! sign-up, join), with oEmbed and the sitemap. Not events or sign-ups themselves
//! (events), consent (consent) or who organises a group (groups, outreach's senders).

pub mod api;
pub mod model;
pub mod pages;

#[cfg(feature = "ssr")]
mod entity;
#[cfg(feature = "ssr")]
pub mod personal_data;
#[cfg(feature = "ssr")]
pub mod render;
#[cfg(feature = "ssr")]
pub mod service;

/// The tables, for tests that check what was stored; the app's own code never uses this.
#[cfg(all(feature = "ssr", any(test, feature = "test-tables")))]
pub mod tables {
    pub use super::entity::*;
}
