//! Event services. Server only.

pub mod approvals;
pub mod attendees;
pub mod audiences;
pub mod calendar;
pub mod cancellations;
pub mod catalogue;
pub mod edits;
pub mod event_form;
pub mod friends_going;
pub mod group_events;
pub mod hosts;
pub mod in_box;
pub mod lookups;
pub mod messages;
pub mod my_events;
pub mod near_search;
pub mod new_event;
pub mod referrals;
pub mod reminders;
pub mod retention;
pub mod signups;
mod slot_fields;
mod structured_data;
pub mod suggestion_sources;
pub mod walk_ins;
