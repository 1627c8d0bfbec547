//! Places: where UK postcodes are, and how far apart two places are. Owns the imported
//! postcode table and the outward-code centroids shipped with the app. Used by events
//! (and later groups) for "near a postcode"; owns no events.

pub mod model;
pub mod region;

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
