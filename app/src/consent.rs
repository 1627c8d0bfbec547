//! Consent: the ledger of what each address and number agreed to hear, per channel and
//! scope; requests that wait for the owner to confirm them (a link, or a YES reply); STOP;
//! and a person's preferences page. Sign-up forms record here, and outreach reads here
//! who may be sent a message, so it sits below both.

pub mod model;

#[cfg(feature = "ssr")]
mod entity;

/// Its tables' personal data, for the registry (`crate::personal_data`).
#[cfg(feature = "ssr")]
pub mod personal_data;
/// The tables, for tests that check what was stored; the app's own code never uses this.
#[cfg(all(feature = "ssr", any(test, feature = "test-tables")))]
pub mod tables {
    pub use super::entity::*;
}
#[cfg(feature = "ssr")]
pub mod service;
