//! Outreach services: audiences, drafts and sending, delivery, and unsubscribe.

pub mod audience;
pub mod delivery;
pub mod drafts;
pub mod message_page;
pub mod render;
pub mod senders;
pub mod sending;
pub mod templates;
pub mod unsubscribe;
