//! What the mail base shows and shares with the browser: the channels, and the outbox as
//! staff see it.

use crate::error::AppError;
use serde::{Deserialize, Serialize};

/// A channel a person can agree to be contacted on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Channel {
    Email,
    Sms,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "sms",
        }
    }

    /// "email" or "sms", as stored and as posted by forms.
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "email" => Some(Channel::Email),
            "sms" => Some(Channel::Sms),
            _ => None,
        }
    }

    /// The channel a form posted, or an error beside its field.
    pub fn from_form(value: &str) -> Result<Self, AppError> {
        Self::parse(value).ok_or_else(|| AppError::invalid("channel", "Choose email or text."))
    }

    /// "Email" or "Text", for people.
    pub fn label(self) -> &'static str {
        match self {
            Channel::Email => "Email",
            Channel::Sms => "Text",
        }
    }
}

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

/// One transactional email rendered with sample values, as staff preview it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailPreview {
    pub name: String,
    pub subject: String,
    pub text: String,
    /// The HTML part's body, to show inside the page.
    pub html_body: String,
}
