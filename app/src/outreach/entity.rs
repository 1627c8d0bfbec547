//! Outreach tables, one per file.

pub mod consent_current;
pub mod consent_record;
pub mod message;
pub mod message_delivery;
pub mod message_template;
pub mod outbox_email;
pub mod outbox_text;
pub mod reminder_sent;
pub mod suppression;
