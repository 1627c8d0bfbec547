//! What the mail base shows and shares with the browser: the channels, the outbox's
//! statuses, and the outbox as staff see it.

use crate::error::AppError;
#[cfg(feature = "ssr")]
use sea_orm::entity::prelude::StringLen;
use serde::{Deserialize, Serialize};

/// A channel a person can agree to be contacted on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "ssr",
    sea_orm(rs_type = "String", db_type = "String(StringLen::None)")
)]
pub enum Channel {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "email"))]
    Email,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "sms"))]
    Sms,
    /// Phone calls (phonebanks): consent only; nothing is ever sent on it.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "phone"))]
    Phone,
}

impl Channel {
    /// The stored value, and the one forms post.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "sms",
            Channel::Phone => "phone",
        }
    }

    /// "email", "sms" or "phone", as posted by forms (stored values are read as the enum
    /// itself).
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "email" => Some(Channel::Email),
            "sms" => Some(Channel::Sms),
            "phone" => Some(Channel::Phone),
            _ => None,
        }
    }

    /// The channel a Creator's form posted (email or text: nothing is sent by phone), or
    /// an error beside its field.
    pub fn from_form(value: &str) -> Result<Self, AppError> {
        Self::parse(value)
            .filter(|c| *c != Channel::Phone)
            .ok_or_else(|| AppError::invalid("channel", "Choose email or text."))
    }

    /// "Email" or "Text", for people.
    pub fn label(self) -> &'static str {
        match self {
            Channel::Email => "Email",
            Channel::Sms => "Text",
            Channel::Phone => "Phone calls",
        }
    }
}

/// Where a single email or text in the outbox stands (`outbox_emails.status` and
/// `outbox_texts.status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "ssr",
    sea_orm(rs_type = "String", db_type = "String(StringLen::None)")
)]
pub enum OutboxStatus {
    /// Waiting for its time (or its next try).
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "pending"))]
    Pending,
    /// Claimed by a worker.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "sending"))]
    Sending,
    /// Accepted by the provider.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "sent"))]
    Sent,
    /// Written to the log, with no provider set up.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "logged"))]
    Logged,
    /// Refused for good, or given up on after its tries.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "failed"))]
    Failed,
}

impl OutboxStatus {
    /// The stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxStatus::Pending => "pending",
            OutboxStatus::Sending => "sending",
            OutboxStatus::Sent => "sent",
            OutboxStatus::Logged => "logged",
            OutboxStatus::Failed => "failed",
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
