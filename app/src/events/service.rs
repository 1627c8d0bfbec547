//! Event services. Server only.

pub mod attendees;
pub mod catalogue;
pub mod new_event;
pub mod signups;
