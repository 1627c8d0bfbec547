//! Tables owned by outreach.

pub mod outbox_email;
