//! Outreach pages.

mod confirm_consent_page;
mod email_previews_page;
mod message_page;
mod outbox_page;
mod outreach_home_page;
mod preferences_page;
mod unsubscribe_page;

pub use confirm_consent_page::{ConfirmConsentPage, ConsentConfirmedPage};
pub use email_previews_page::EmailPreviewsPage;
pub use message_page::MessagePage;
pub use outbox_page::OutboxPage;
pub use outreach_home_page::OutreachHomePage;
pub use preferences_page::PreferencesPage;
pub use unsubscribe_page::UnsubscribePage;
