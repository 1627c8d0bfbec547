//! Outreach services: consent, audiences, drafts and sending, delivery, unsubscribe and
//! STOP, and reminders.

pub mod audience;
pub mod consent;
pub mod delivery;
pub mod drafts;
pub mod erasure;
pub mod inbound;
pub mod message_page;
pub mod preferences;
pub mod reminders;
pub mod render;
pub mod senders;
pub mod sending;
pub mod templates;
pub mod unsubscribe;
