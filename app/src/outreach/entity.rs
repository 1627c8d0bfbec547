//! Outreach tables, one per file.

pub mod message;
pub mod message_delivery;
pub mod message_template;
