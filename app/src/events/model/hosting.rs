//! What hosts, co-hosts and staff see of events: their own events, the dashboard, and the
//! approval queue.

use super::{EventStatus, SignUpStatus, SlotView};
use serde::{Deserialize, Serialize};

/// An event the person hosts or co-hosts, in "My events".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostedEventView {
    pub id: i32,
    pub path: String,
    pub title: String,
    pub when: String,
    /// "Host" or "Co-host".
    pub role: String,
    /// "Waiting for approval", "Cancelled" or "Not approved" when not simply published.
    pub state: Option<String>,
    pub upcoming: bool,
}

/// One person signed up, as the event's hosts see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendeeView {
    pub signup_id: i32,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub status: SignUpStatus,
    pub checked_in: bool,
    /// The date or shift: "Morning: Thu 7 Nov, 10am – 12pm".
    pub slot: String,
    /// Its time alone: "Thu 7 Nov, 10am – 12pm".
    pub when: String,
    pub slot_id: i32,
}

/// Someone who runs an event with its host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohostView {
    pub person_id: i32,
    pub name: String,
    /// Asked, but not yet agreed: they cannot use the host tools until they do.
    #[serde(default)]
    pub invited: bool,
}

/// The host's view of an event: who is coming and who is waiting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardView {
    pub event_id: i32,
    pub title: String,
    pub path: String,
    pub status: EventStatus,
    pub attendees: Vec<AttendeeView>,
    /// The dates and shifts, for adding a walk-in to one.
    pub slots: Vec<SlotView>,
    pub cohosts: Vec<CohostView>,
    /// The main host (or staff), who may remove co-hosts.
    pub is_main_host: bool,
}

/// An event waiting for staff approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingEventView {
    pub id: i32,
    pub title: String,
    pub path: String,
    pub host_name: String,
    pub when: String,
    pub place: String,
}

/// The staff approval queue, with the switch that fills it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalQueueView {
    pub approval_required: bool,
    pub events: Vec<PendingEventView>,
}
