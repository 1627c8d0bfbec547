//! Phonebanks: call campaigns of official local party groups (and national ones run by
//! staff). Owns the campaigns, their scripts and surveys, the contacts each calls (a
//! snapshot of a Creators' audience weighed under PECR), leasing one contact to one caller
//! at a time, outcomes and retries, TPS screening, the do-not-call list, the dashboard
//! and its CSV. Not the audiences themselves (outreach), consent (consent's ledger) or
//! who belongs to a group (groups).

pub mod api;
pub mod model;
pub mod pages;
pub mod policy;
pub mod tps_file;

#[cfg(feature = "ssr")]
mod entity;
#[cfg(feature = "ssr")]
pub mod hours;
#[cfg(feature = "ssr")]
pub mod personal_data;
#[cfg(feature = "ssr")]
pub mod service;

/// The tables, for tests that check what was stored; the app's own code never uses this.
#[cfg(all(feature = "ssr", any(test, feature = "test-tables")))]
pub mod tables {
    pub use super::entity::*;
}
