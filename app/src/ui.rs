//! Widgets that know no domain: form fields, notices, the page title, escaping,
//! schema.org data, and the device's queue of things done offline.

pub mod device_queue;
pub mod escape;
pub mod form;
pub mod not_found_page;
pub mod notice;
pub mod page_title;
#[cfg(feature = "ssr")]
pub mod plain_form;
pub mod structured_data;
