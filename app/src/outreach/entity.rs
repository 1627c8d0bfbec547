//! Outreach tables, one per file.

pub mod consent_current;
pub mod consent_record;
pub mod message;
pub mod message_delivery;
pub mod message_template;
pub mod reminder_sent;
