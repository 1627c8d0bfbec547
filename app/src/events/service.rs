//! Event services. Server only.

pub mod attendees;
pub mod calendar;
pub mod cancellations;
pub mod catalogue;
pub mod my_events;
pub mod new_event;
pub mod signups;
