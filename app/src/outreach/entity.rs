//! Tables owned by outreach.

pub mod consent_record;
pub mod outbox_email;
