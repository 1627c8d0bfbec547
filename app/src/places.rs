//! Places: where UK postcodes are, and how far apart two places are. Owns the imported
//! postcode table and the outward-code centroids shipped with the app. Used by events
//! (and later groups) for "near a postcode"; owns no events.

pub mod model;

#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod service;
