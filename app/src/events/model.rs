//! Event view types and pure rules. Compiles for server and browser.

mod candidate;
mod hosting;
pub use candidate::{Candidate, NEAR_MILES};
pub use hosting::{
    ApprovalQueueView, AttendeeView, CohostView, DashboardView, HostedEventView, PendingEventView,
};

#[cfg(feature = "ssr")]
use sea_orm::entity::prelude::StringLen;
use serde::{Deserialize, Serialize};

/// What kind of event it is, stored as its `as_str` word: an unknown one fails the read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "ssr",
    sea_orm(rs_type = "String", db_type = "String(StringLen::None)")
)]
pub enum EventKind {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "canvassing"))]
    Canvassing,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "phone_bank"))]
    PhoneBank,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "meeting"))]
    Meeting,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "social"))]
    Social,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "fundraiser"))]
    Fundraiser,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "online"))]
    Online,
}

impl EventKind {
    pub const ALL: [EventKind; 6] = [
        EventKind::Canvassing,
        EventKind::PhoneBank,
        EventKind::Meeting,
        EventKind::Social,
        EventKind::Fundraiser,
        EventKind::Online,
    ];

    /// The name stored and used in links (`?kind=phone_bank`).
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Canvassing => "canvassing",
            EventKind::PhoneBank => "phone_bank",
            EventKind::Meeting => "meeting",
            EventKind::Social => "social",
            EventKind::Fundraiser => "fundraiser",
            EventKind::Online => "online",
        }
    }

    /// The kind a form or link names (stored values are read as the enum itself).
    pub fn parse(name: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The label people see.
    pub fn label(self) -> &'static str {
        match self {
            EventKind::Canvassing => "Canvassing",
            EventKind::PhoneBank => "Phone bank",
            EventKind::Meeting => "Meeting",
            EventKind::Social => "Social",
            EventKind::Fundraiser => "Fundraiser",
            EventKind::Online => "Online",
        }
    }
}

/// The words shown beside the email tick box, stored with each choice.
pub const CONSENT_EMAIL_WORDING: &str =
    "Email me about this event and other campaign events and news. You can unsubscribe at any time.";
/// The words shown beside the text message tick box, stored with each choice.
pub const CONSENT_SMS_WORDING: &str =
    "Text me reminders about this event and other campaign activity. Reply STOP to opt out.";
/// The words shown beside the phone calls tick box (members with a confirmed mobile),
/// stored with each choice.
pub const CONSENT_CALLS_WORDING: &str =
    "Phone me about campaigns and events (volunteers call from the party's phonebanks). Say no at any time on your preferences page.";

/// The host's event form, as typed: used to create, edit and duplicate events, and sent
/// to the browser to fill the form in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventForm {
    pub title: String,
    pub description: String,
    pub kind: String,
    /// "2026-12-03", from a date input.
    pub date: String,
    /// "19:00", London time.
    pub start_time: String,
    pub end_time: String,
    pub venue: String,
    pub postcode: String,
    pub online_url: String,
    /// Places per date or shift; blank for no limit.
    pub capacity: String,
    /// Repeat the event weekly for this many weeks in all (blank or 1: once).
    pub repeat_weeks: String,
    /// More dates, like "2026-12-10, 2026-12-17".
    pub other_dates: String,
    /// Shifts, one per line: "10:00-12:00 Morning".
    pub shifts: String,
}

/// An event as a card in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventCard {
    pub id: i32,
    pub path: String,
    pub title: String,
    pub kind: EventKind,
    /// "Thu 7 Nov, 7pm", London time.
    pub when: String,
    /// The venue and postcode, or "Online".
    pub place: String,
    pub host_name: String,
    /// None when there is no limit.
    pub places_left: Option<i32>,
    /// "1.2 miles away", when the list was searched near a place.
    pub distance: Option<String>,
    /// "Sam and Priya are going": only friends the viewer may see.
    pub friends_going: Option<String>,
}

/// One page of the event list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventListView {
    pub events: Vec<EventCard>,
    pub page: u32,
    pub has_more: bool,
}

/// A date or shift of an event, as a sign-up option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotView {
    pub id: i32,
    pub label: Option<String>,
    /// "Thu 7 Nov, 7pm – 9pm"
    pub when: String,
    pub places_left: Option<i32>,
}

impl SlotView {
    /// "Morning: Thu 7 Nov, 10am – 12pm", or just the time when the slot has no name.
    pub fn describe(&self) -> String {
        match &self.label {
            Some(label) => format!("{label}: {}", self.when),
            None => self.when.clone(),
        }
    }
}

/// The viewer's own sign-up to an event, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MySignUp {
    pub slot_id: i32,
    pub status: SignUpStatus,
}

/// Everything the event page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDetail {
    pub card: EventCard,
    pub description: String,
    pub postcode: Option<String>,
    /// A link to the place on an online map, for in-person events.
    pub map_url: Option<String>,
    pub online_url: Option<String>,
    pub status: EventStatus,
    pub slots: Vec<SlotView>,
    pub my_signup: Option<MySignUp>,
    /// The viewer hosts, co-hosts or is staff: they get the dashboard and host tools.
    pub is_host: bool,
    /// The viewer's own share link, which credits them with sign-ups it brings.
    pub share_url: Option<String>,
    /// schema.org Event data as JSON-LD, so search engines can list the event.
    pub structured_data: String,
    /// People confirmed over all the event's slots.
    pub going_count: i32,
    /// The viewer's friends going, only those who share their sign-ups with friends.
    pub friends_going: Option<crate::people::model::FriendsGoing>,
    /// The viewer has been asked to co-host and has not answered yet.
    #[serde(default)]
    pub cohost_invited: bool,
}

/// Where a sign-up stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "ssr",
    sea_orm(rs_type = "String", db_type = "String(StringLen::None)")
)]
pub enum SignUpStatus {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "confirmed"))]
    Confirmed,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "waitlisted"))]
    Waitlisted,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "cancelled"))]
    Cancelled,
}

impl SignUpStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SignUpStatus::Confirmed => "confirmed",
            SignUpStatus::Waitlisted => "waitlisted",
            SignUpStatus::Cancelled => "cancelled",
        }
    }

    /// The status a link or form names (stored values are read as the enum itself).
    pub fn parse(name: &str) -> Option<SignUpStatus> {
        [
            SignUpStatus::Confirmed,
            SignUpStatus::Waitlisted,
            SignUpStatus::Cancelled,
        ]
        .into_iter()
        .find(|s| s.as_str() == name)
    }
}

/// An event the signed-in person signed up to, for "My events".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyEventView {
    pub signup_id: i32,
    pub path: String,
    pub title: String,
    pub when: String,
    pub status: SignUpStatus,
    pub upcoming: bool,
}

/// Where an event stands. Stored as its `as_str` text through sea-orm's active enum, so
/// queries compare typed values and a stored value that is none of these fails the read
/// (it never turns into a default such as Published).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "ssr",
    sea_orm(rs_type = "String", db_type = "String(StringLen::None)")
)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "published"))]
    Published,
    /// Waiting for staff to approve it; only its hosts and staff see it.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "pending"))]
    Pending,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "rejected"))]
    Rejected,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "cancelled"))]
    Cancelled,
}

impl EventStatus {
    /// How hosts see a status that needs saying; None for published.
    pub fn host_note(self) -> Option<&'static str> {
        match self {
            EventStatus::Published => None,
            EventStatus::Pending => Some("Waiting for approval"),
            EventStatus::Rejected => Some("Not approved"),
            EventStatus::Cancelled => Some("Cancelled"),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::Published => "published",
            EventStatus::Pending => "pending",
            EventStatus::Rejected => "rejected",
            EventStatus::Cancelled => "cancelled",
        }
    }
}

/// What an emailed cancel link is for: the event, and whether the place is already gone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CancelLinkView {
    pub event_title: String,
    pub event_path: String,
    pub already_cancelled: bool,
}

/// A map of an in-person event's postcode (none for online events or without a postcode).
pub fn map_link(postcode: Option<&str>, online: bool) -> Option<String> {
    postcode.filter(|_| !online).map(|pc| {
        format!(
            "https://www.openstreetmap.org/search?query={}",
            crate::ui::escape::query_value(pc.trim())
        )
    })
}

/// The address of an event's page: `/events/12-phone-bank-for-the-by-election`.
pub fn event_path(id: i32, slug: &str) -> String {
    format!("/events/{id}-{slug}")
}

/// Reads the event id from the `{id}-{slug}` part of an event's address.
pub fn event_id_from_path_segment(segment: &str) -> Option<i32> {
    segment.split('-').next()?.parse().ok()
}

/// A short, readable address part from a title: lower case, words joined by hyphens.
pub fn slugify(title: &str) -> String {
    let mut slug = String::new();
    for word in title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if slug.len() + word.len() > 60 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word.to_ascii_lowercase());
    }
    if slug.is_empty() {
        "event".to_string()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_short_lowercase_words() {
        assert_eq!(
            slugify("Phone bank for the By-Election!"),
            "phone-bank-for-the-by-election"
        );
        assert_eq!(slugify("£££"), "event");
        assert!(slugify(&"word ".repeat(40)).len() <= 60);
    }

    #[test]
    fn the_event_id_is_read_back_from_its_path() {
        let path = event_path(42, "door-knocking");
        assert_eq!(path, "/events/42-door-knocking");
        assert_eq!(event_id_from_path_segment("42-door-knocking"), Some(42));
        assert_eq!(event_id_from_path_segment("door-knocking"), None);
    }

    #[test]
    fn kinds_and_statuses_round_trip() {
        for kind in EventKind::ALL {
            assert_eq!(EventKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(
            SignUpStatus::parse("waitlisted"),
            Some(SignUpStatus::Waitlisted)
        );
        assert_eq!(EventKind::parse("rave"), None);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn stored_kinds_are_the_as_str_words() {
        use sea_orm::ActiveEnum;
        for kind in EventKind::ALL {
            assert_eq!(kind.to_value(), kind.as_str());
        }
    }
}
