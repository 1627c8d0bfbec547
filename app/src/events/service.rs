//! Event services. Server only.

pub mod catalogue;
pub mod new_event;
pub mod signups;
