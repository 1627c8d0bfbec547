//! Fundraising: donation pages with a live thermometer, one-off and monthly gifts through
//! a payment provider's hosted checkout, the provider's webhooks applied exactly once,
//! receipts and monthly donors' links, and UK donation law for treasurers (the
//! permissibility queue and its 30-day clock, reporting thresholds, split gifts, the
//! log). Not consent (consent), who organises a group (groups, outreach's senders) or the
//! Web Creator (sites, which draws the donate block from here).

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
