//! People: profiles, the right to leave, friendships (requests, blocks, invitations) and
//! who may see the events a person goes to. Does not own accounts or sessions (auth does).

pub mod api;
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
