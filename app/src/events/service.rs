//! Event services. Server only.

pub mod attendees;
pub mod calendar;
pub mod catalogue;
pub mod new_event;
pub mod signups;
