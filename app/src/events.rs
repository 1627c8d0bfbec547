//! Events and sign-ups: events with their slots (dates or shifts), sign-ups of members and
//! guests under a capacity with a waitlist, cancelling by emailed link, "my events".
//! Not friendships (people) nor who may be emailed later (outreach's consent ledger).

pub mod api;
pub mod components;
pub mod model;
pub mod pages;

#[cfg(feature = "ssr")]
mod entity;

/// Its tables' personal data, for the registry (`crate::personal_data`).
#[cfg(feature = "ssr")]
pub mod personal_data;
/// The tables, for tests that check what was stored; the app's own code never uses this
/// (the layers test and the release build, which lacks the feature, both refuse it).
#[cfg(all(feature = "ssr", any(test, feature = "test-tables")))]
pub mod tables {
    pub use super::entity::*;
}
#[cfg(feature = "ssr")]
pub mod service;
