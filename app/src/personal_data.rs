//! Personal data as one registry: every domain declares, for each of its tables, which
//! columns hold personal data, whose rows they are, and how each is exported and erased
//! (`registry`). The privacy domain gathers the declarations; the engine here runs them
//! (`export`, `erase`), so a download, an erasure and the privacy notice all read the same
//! list and cannot drift from each other. Base module: it knows no domain, only table and
//! column names the domains hand it. Also the access log, which every domain writes when
//! someone views other people's details.

pub mod registry;
pub mod viewed_things;

#[cfg(feature = "ssr")]
pub mod access_log;
#[cfg(feature = "ssr")]
mod entity;
#[cfg(feature = "ssr")]
pub mod erase;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
mod finders;
#[cfg(feature = "ssr")]
pub mod schema;
#[cfg(feature = "ssr")]
pub mod zip;

pub use registry::*;
