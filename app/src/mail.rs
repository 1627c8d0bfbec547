//! The mail base: queue an email or a text inside the transaction that causes it, deliver
//! them through the `Mailer` and `TextSender` providers with retries and crash recovery
//! (claims, leases), and skip bounced addresses and dead numbers. It knows no domain:
//! every domain may call it, and it calls none of them.

pub mod model;

#[cfg(feature = "ssr")]
mod entity;

/// Its tables' personal data, for the registry (`crate::personal_data`).
#[cfg(feature = "ssr")]
pub mod personal_data;
/// The tables, for tests that check what was stored; the app's own code never uses this
/// (the layers test and the release build, which lacks the feature, both refuse it).
#[cfg(all(feature = "ssr", any(test, feature = "test-tables")))]
pub mod tables {
    pub use super::entity::*;
}
#[cfg(feature = "ssr")]
pub mod mailer;
#[cfg(feature = "ssr")]
mod outbox;
#[cfg(feature = "ssr")]
pub mod previews;
#[cfg(feature = "ssr")]
pub mod quiet_hours;
#[cfg(feature = "ssr")]
pub mod retention;
#[cfg(feature = "ssr")]
pub mod sms;
#[cfg(feature = "ssr")]
pub mod suppressions;
#[cfg(feature = "ssr")]
pub mod templates;
#[cfg(feature = "ssr")]
mod texts;
#[cfg(feature = "ssr")]
pub mod voice;

pub use model::{Channel, EmailPreview, OutboxEmailView, OutboxStatus};
#[cfg(feature = "ssr")]
pub use outbox::{
    deliver_pending, keep_logged_copy, list_outbox_emails, queue_email, queue_email_parts,
    SENDING_LEASE,
};
#[cfg(feature = "ssr")]
pub use templates::{queue_templated, Template};
#[cfg(feature = "ssr")]
pub use texts::{backoff, deliver_pending_texts, queue_text};
