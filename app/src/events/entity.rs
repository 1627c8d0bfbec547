//! Tables owned by events.

pub mod event;
pub mod event_cohost;
pub mod event_slot;
pub mod reminder_sent;
pub mod signup;
