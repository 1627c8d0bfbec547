//! Privacy: a person's download of everything held about them, erasure (of an account,
//! or of what a guest's address holds), the privacy notice, the access log's staff view,
//! and retention. It reads every domain's personal-data declaration, so it sits above
//! them all (ARCHITECTURE.md, "Layers").

pub mod api;
pub mod model;
pub mod pages;

#[cfg(feature = "ssr")]
mod entity;

/// The tables, for tests that check what was stored; the app's own code never uses this
#[cfg(all(feature = "ssr", any(test, feature = "test-tables")))]
pub mod tables {
    pub use super::entity::*;
}

#[cfg(feature = "ssr")]
pub mod registry;
#[cfg(feature = "ssr")]
pub mod service;
