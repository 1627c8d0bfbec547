//! Outreach: consent, audiences, the Email and Text Creators and their delivery. Owns what
//! is sent to audiences, to whom it may be sent (the consent ledger), and whether it went.
//! Single emails and texts go through the mail base (`crate::mail`).

pub mod api;
pub mod components;
pub mod compose;
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
