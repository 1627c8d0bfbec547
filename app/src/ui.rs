//! Widgets that know no domain: the page frame, form fields, notices, formatting.

pub mod form;
pub mod layout;
pub mod notice;
pub mod not_found_page;

#[cfg(feature = "ssr")]
pub mod format;
