//! Composing messages to members: merge fields, the length of a text,
//! the SMS provider's webhook signature and the parts of an email.
//! Pure functions only: owns no tables and sends nothing (the outbox does that).

pub mod merge;
pub mod segments;

#[cfg(feature = "ssr")]
pub mod email_body;
#[cfg(feature = "ssr")]
pub mod signature;
