//! Outreach server functions: the staff outbox, the Email and Text Creators, consent.

mod consent;
mod messages;
mod outbox;

pub use consent::*;
pub use messages::*;
pub use outbox::*;
