//! Outreach view types.

use serde::{Deserialize, Serialize};

/// An email as listed on the staff outbox page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxEmailView {
    pub id: i32,
    pub to_email: String,
    pub subject: String,
    pub body: String,
    /// "Waiting", "Sent", "Not sent: no mail server set up", "Failed: …"
    pub status: String,
    /// When it was queued, e.g. "Thu 26 Nov, 5:40am".
    pub queued_at: String,
}
