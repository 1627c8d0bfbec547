//! The mail base's tables, one per file.

pub mod outbox_email;
pub mod outbox_text;
pub mod suppression;
