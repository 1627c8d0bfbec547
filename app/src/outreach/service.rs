//! Outreach services: the email outbox and the consent ledger.

pub mod consent;
mod outbox;

pub use outbox::{
    delete_emails_to, deliver_pending, list_outbox_emails, queue_email, STATUS_PENDING,
};
