//! Widgets that know no domain: form fields, notices, the page title and escaping.

pub mod escape;
pub mod form;
pub mod not_found_page;
pub mod notice;
pub mod page_title;
