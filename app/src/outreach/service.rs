//! Outreach services: consent, audiences, drafts and sending, delivery, unsubscribe and
//! STOP, reminders, and the transactional email outbox.

pub mod audience;
pub mod consent;
pub mod delivery;
pub mod drafts;
pub mod inbound;
pub mod message_page;
mod outbox;
pub mod preferences;
pub mod reminders;
pub mod render;
pub mod senders;
pub mod sending;
pub mod suppressions;
pub mod templates;
pub mod texts;
pub mod unsubscribe;

pub use outbox::{
    delete_emails_to, deliver_pending, keep_logged_copy, list_outbox_emails, queue_email,
    queue_email_parts, STATUS_PENDING,
};
