//! Event widgets used by several pages.

pub mod event_card;
pub mod sign_up_form;
