//! Campaigning groups: the directory, memberships and roles, invitations, each group's
//! forum with its moderation, and forum email notifications. Events run on behalf of a
//! group belong to events; who may do what in a group is `policy`.

pub mod api;
pub mod components;
pub mod model;
pub mod pages;
pub mod policy;

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
