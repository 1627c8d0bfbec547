//! Outreach view types and the pure rules pages and services share.

pub use crate::mail::Channel;
#[cfg(feature = "ssr")]
use sea_orm::entity::prelude::StringLen;
use serde::{Deserialize, Serialize};

/// Where a message stands: written, waiting for its time, or handed to its deliveries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "ssr",
    sea_orm(rs_type = "String", db_type = "String(StringLen::None)")
)]
pub enum MessageStatus {
    /// Being written; it can still change.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "draft"))]
    Draft,
    /// Set to go at its send time.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "scheduled"))]
    Scheduled,
    /// Its deliveries are queued (sending or sent).
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "queued"))]
    Queued,
}

impl MessageStatus {
    /// The stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            MessageStatus::Draft => "draft",
            MessageStatus::Scheduled => "scheduled",
            MessageStatus::Queued => "queued",
        }
    }
}

/// Where one recipient's delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "ssr",
    sea_orm(rs_type = "String", db_type = "String(StringLen::None)")
)]
pub enum DeliveryStatus {
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
    /// Not sent: no consent at that moment, no number, or a suppressed address.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "skipped"))]
    Skipped,
    /// Refused for good, or given up on after its tries.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "failed"))]
    Failed,
}

impl DeliveryStatus {
    /// The stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryStatus::Pending => "pending",
            DeliveryStatus::Sending => "sending",
            DeliveryStatus::Sent => "sent",
            DeliveryStatus::Logged => "logged",
            DeliveryStatus::Skipped => "skipped",
            DeliveryStatus::Failed => "failed",
        }
    }
}

/// Who a message goes to, before consent is applied. Stored as its `as_str()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "ssr",
    sea_orm(rs_type = "String", db_type = "String(StringLen::None)")
)]
pub enum AudienceKind {
    /// The group's active members.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "members"))]
    Members,
    /// People signed up to the group's upcoming events.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "signups-upcoming"))]
    SignupsUpcoming,
    /// People who signed up to the group's past events.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "signups-past"))]
    SignupsPast,
    /// Supporters whose postcode is within some miles of the group's area.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "area"))]
    Area,
    /// Everyone with party-wide consent. Staff only.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "national"))]
    National,
}

impl AudienceKind {
    pub const FOR_GROUPS: [AudienceKind; 4] = [
        AudienceKind::Members,
        AudienceKind::SignupsUpcoming,
        AudienceKind::SignupsPast,
        AudienceKind::Area,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AudienceKind::Members => "members",
            AudienceKind::SignupsUpcoming => "signups-upcoming",
            AudienceKind::SignupsPast => "signups-past",
            AudienceKind::Area => "area",
            AudienceKind::National => "national",
        }
    }

    /// The kind a form names (stored values are read as the enum itself).
    pub fn parse(value: &str) -> Option<Self> {
        [Self::FOR_GROUPS.as_slice(), &[AudienceKind::National]]
            .concat()
            .into_iter()
            .find(|kind| kind.as_str() == value)
    }

    pub fn label(self) -> &'static str {
        match self {
            AudienceKind::Members => "Members of the group",
            AudienceKind::SignupsUpcoming => "People signed up to the group's upcoming events",
            AudienceKind::SignupsPast => "People who came to the group's past events",
            AudienceKind::Area => "Supporters near the group's area",
            AudienceKind::National => "Everyone who agreed to hear from the party",
        }
    }
}

/// Default radius for an area audience, in miles.
pub const DEFAULT_AREA_MILES: i32 = 5;
/// The widest area a group may reach.
pub const MAX_AREA_MILES: i32 = 25;

/// One audience choice on the composer, with how many it reaches now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AudienceOption {
    pub kind: AudienceKind,
    pub label: String,
    pub count: i64,
    /// Characters in the longest first name it reaches: texts are costed with it.
    #[serde(default)]
    pub longest_first_name: usize,
}

/// A message in a list: drafts, scheduled and sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageSummary {
    pub id: i32,
    pub channel: Channel,
    /// The subject, or the start of a text.
    pub title: String,
    /// "Draft", "Sends Thu 7 Nov, 7pm", "Sending: 40 of 120", "Sent to 120 · 2 failed".
    pub status: String,
    pub updated: String,
}

/// A national template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateView {
    pub id: i32,
    pub name: String,
    pub channel: Channel,
    pub subject: String,
    pub body: String,
}

/// A group's (or, for staff, the national) email and text page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutreachHome {
    /// None: national messages.
    pub group_id: Option<i32>,
    /// The group's name, or "National".
    pub sender_name: String,
    /// Back to the group's page (or the staff page).
    pub back_path: String,
    pub messages: Vec<MessageSummary>,
    pub templates: Vec<TemplateView>,
    /// Staff may write templates here.
    pub staff: bool,
}

/// How far a send has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendProgress {
    pub total: i64,
    pub sent: i64,
    pub failed: i64,
    /// No live consent at the moment of sending, or a suppressed address.
    pub skipped: i64,
    pub left: i64,
}

impl SendProgress {
    pub fn finished(&self) -> bool {
        self.left == 0
    }

    /// Whole per cent done, for the progress bar.
    pub fn percent(&self) -> i64 {
        if self.total == 0 {
            100
        } else {
            (self.total - self.left) * 100 / self.total
        }
    }
}

/// A message as the composer and its send page show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageView {
    pub id: i32,
    pub group_id: Option<i32>,
    pub sender_name: String,
    pub home_path: String,
    pub channel: Channel,
    pub subject: String,
    pub body: String,
    pub audience: AudienceKind,
    pub audience_miles: i32,
    pub event_id: Option<i32>,
    /// The group's upcoming events, for {{event_link}}.
    pub events: Vec<(i32, String)>,
    pub audiences: Vec<AudienceOption>,
    /// A draft can be edited and sent; otherwise the page shows progress.
    pub draft: bool,
    /// "Draft", "Scheduled for Thu 7 Nov, 7pm", "Sending", "Sent", "Cancelled".
    pub status: String,
    /// The date and time field's value for a scheduled send (London time).
    pub send_at_local: String,
    pub quiet_override: bool,
    /// Staff may send texts in quiet hours.
    pub may_override_quiet: bool,
    pub progress: Option<SendProgress>,
    /// Merge values at their longest for this sender (first name aside): texts are costed
    /// as they will be sent.
    pub merge_longest: crate::outreach::compose::merge::MergeValues,
}

/// What one recipient would get.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewView {
    /// "Sam Organiser <sam@…>" or the number.
    pub recipient: String,
    pub subject: String,
    /// The email's HTML body (already made safe), or None for a text.
    pub html: Option<String>,
    pub text: String,
    /// Others in the audience whose names matched too: (who, their address to preview as).
    #[serde(default)]
    pub also_matching: Vec<(String, String)>,
}

/// The unsubscribe page, which needs no sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnsubscribeView {
    /// The address with most of it hidden: "s***@example.org".
    pub masked_email: String,
    /// "Sheffield Central Local Party" or "the party".
    pub scope_label: String,
    pub subscribed: bool,
}

/// `text` with every web address replaced, so an outbox outside development shows what
/// was sent without handing anyone its reset or cancel links.
pub fn hide_links(text: &str) -> String {
    let next_link = |s: &str| {
        [s.find("http://"), s.find("https://")]
            .into_iter()
            .flatten()
            .min()
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = next_link(rest) {
        out.push_str(&rest[..start]);
        out.push_str("[link hidden outside development]");
        let link = &rest[start..];
        let end = link
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>' | ')'))
            .unwrap_or(link.len());
        rest = &link[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audience_kinds_round_trip_through_their_form_values() {
        for kind in AudienceKind::FOR_GROUPS {
            assert_eq!(AudienceKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(
            AudienceKind::parse("national"),
            Some(AudienceKind::National)
        );
        assert_eq!(AudienceKind::parse("everyone"), None);
    }

    #[test]
    fn progress_counts_what_is_done() {
        let p = SendProgress {
            total: 200,
            sent: 90,
            failed: 5,
            skipped: 5,
            left: 100,
        };
        assert_eq!(p.percent(), 50);
        assert!(!p.finished());
    }

    #[test]
    fn hidden_links_leave_the_words_around_them() {
        let body = "Reset: https://x.example/reset/abc123 (one hour).\nOr http://y/z";
        assert_eq!(
            hide_links(body),
            "Reset: [link hidden outside development] (one hour).\nOr [link hidden outside development]"
        );
    }
}
