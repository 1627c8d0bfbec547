//! Event widgets used by several pages.

pub mod brought_count;
pub mod event_card;
pub mod event_form_fields;
pub mod group_events;
pub mod near_me;
pub mod share_link;
pub mod sign_up_form;
