//! Accounts, password hashing, sessions, roles, sign-in and out, password reset, confirming
//! an account's address, and the current person. Does not own profiles beyond what an account needs (people does).

pub mod api;
#[cfg(feature = "ssr")]
pub mod device;
pub mod model;
pub mod pages;
pub mod session;

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
