//! Q&A: politicians answer members, in live webchats and in forum Q&As over days. Owns
//! politicians' public names and their staffers, sessions, questions and their
//! moderation, votes, answers, reports, the live updates watchers receive, and the
//! published record. Not who belongs to a group (groups), consent (consent) or where a
//! postcode lies (places).

pub mod api;
pub mod model;
pub mod pages;
pub mod policy;

#[cfg(feature = "ssr")]
mod entity;
#[cfg(feature = "ssr")]
pub mod live;
#[cfg(feature = "ssr")]
pub mod personal_data;
#[cfg(feature = "ssr")]
pub mod service;

/// The tables, for tests that check what was stored; the app's own code never uses this.
#[cfg(all(feature = "ssr", any(test, feature = "test-tables")))]
pub mod tables {
    pub use super::entity::*;
}
