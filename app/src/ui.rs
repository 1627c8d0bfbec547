//! Widgets that know no domain: the page frame, form fields, notices, formatting.

pub mod escape;
pub mod form;
pub mod layout;
pub mod not_found_page;
pub mod notice;
pub mod page_title;

#[cfg(feature = "ssr")]
pub mod format;
