//! The named demo accounts and events: the README and the browser tests rely on them, so
//! they are written out here rather than generated.

use super::drafts::{FixedEvent, FixedSlot};
use app::{auth::model::Role, events::model::EventKind};

/// The demo staff account: also printed at start-up and listed in the README.
pub const STAFF_EMAIL: &str = "staff@membersnet.example";
pub const STAFF_PASSWORD: &str = "staff-demo-2026";
/// The password of every other demo account, and of every generated person.
pub const PEOPLE_PASSWORD: &str = "demo-password-2026";

/// argon2id hashes of the two passwords above (made once with the app's own hashing, and
/// checked by a test), so seeding hashes nothing: 200,000 people share one hash.
pub const STAFF_PASSWORD_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$Mbtcs4epbxaEkrJelEe2hw$HDdb6PvHZHQ58IMR/klvYKrY9yoeoPaZvLK4AJRkzhQ";
pub const PEOPLE_PASSWORD_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$QUIWE0khGRTdtVgjW5YmwA$Mhmg2/s2I5wLGHNAHhfhgC1/LuQXBPFNl17uXo5X0wc";

/// (name, email, postcode, roles) of each demo person.
pub const PEOPLE: &[(&str, &str, &str, &[Role])] = &[
    (
        "Morgan Staff",
        STAFF_EMAIL,
        "SW1A 1AA",
        &[Role::Staff, Role::Member],
    ),
    (
        "Sam Patel",
        "sam@membersnet.example",
        "M1 1AE",
        &[Role::Member, Role::Host],
    ),
    (
        "Priya Shah",
        "priya@membersnet.example",
        "LS1 4AP",
        &[Role::Member, Role::Organiser],
    ),
    ("Alex Morgan", "alex@membersnet.example", "CF10 1EP", &[]),
    (
        "Jo Evans MP",
        "jo@membersnet.example",
        "B1 1BB",
        &[Role::Member, Role::Politician],
    ),
];

/// The order demo accounts sign up to demo events in (indices into `PEOPLE`), so the
/// full phone bank's two places go to Priya and Alex.
pub const SIGN_UP_ORDER: &[usize] = &[2, 3, 4, 1, 0];

/// Index into `PEOPLE` of each demo account that hosts events.
pub const HOSTS: &[usize] = &[0, 1, 2, 4];

const fn one(days: i64, hour: u32, hours: u32, capacity: Option<i32>, signups: u32) -> FixedSlot {
    FixedSlot {
        label: None,
        days,
        hour,
        minute: 0,
        hours,
        capacity,
        signups,
    }
}

const fn shift(label: &'static str, hour: u32, signups: u32) -> FixedSlot {
    FixedSlot {
        label: Some(label),
        days: 6,
        hour,
        minute: 0,
        hours: 3,
        capacity: Some(10),
        signups,
    }
}

/// The demo events. The by-election phone bank is full (the browser tests join its
/// waitlist); Ancoats is near M1 and Leeds is not.
pub const EVENTS: &[FixedEvent] = &[
    FixedEvent {
        title: "Door knocking in Ancoats",
        kind: EventKind::Canvassing,
        venue: "Cutting Room Square",
        postcode: "M4 6DE",
        host: 1,
        slots: &[one(2, 10, 3, Some(20), 7)],
    },
    FixedEvent {
        title: "Phone bank for the by-election",
        kind: EventKind::PhoneBank,
        venue: "Regional office",
        postcode: "M1 1AE",
        host: 1,
        slots: &[one(3, 18, 2, Some(2), 3)],
    },
    FixedEvent {
        title: "Leeds members' meeting",
        kind: EventKind::Meeting,
        venue: "Civic Hall, committee room 2",
        postcode: "LS1 4AP",
        host: 2,
        slots: &[one(5, 19, 2, Some(60), 12)],
    },
    FixedEvent {
        title: "Quiz night fundraiser",
        kind: EventKind::Fundraiser,
        venue: "The Red Lion",
        postcode: "LS6 1AN",
        host: 2,
        slots: &[one(9, 19, 3, Some(40), 43)],
    },
    FixedEvent {
        title: "Cardiff Bay street stall",
        kind: EventKind::Canvassing,
        venue: "Roald Dahl Plass",
        postcode: "CF10 4PA",
        host: 4,
        slots: &[one(4, 11, 2, None, 9)],
    },
    FixedEvent {
        title: "New members' social",
        kind: EventKind::Social,
        venue: "Cafe on the corner",
        postcode: "B1 1BB",
        host: 4,
        slots: &[one(6, 18, 2, Some(25), 10)],
    },
    FixedEvent {
        title: "Phone bank from home: national call-out",
        kind: EventKind::Online,
        venue: "",
        postcode: "",
        host: 0,
        slots: &[one(1, 19, 2, None, 30)],
    },
    FixedEvent {
        title: "Westminster lobby day briefing",
        kind: EventKind::Meeting,
        venue: "Portcullis House",
        postcode: "SW1A 2JR",
        host: 0,
        slots: &[one(12, 9, 2, Some(30), 8)],
    },
    FixedEvent {
        title: "Glasgow canvass: Southside",
        kind: EventKind::Canvassing,
        venue: "Queen's Park gates",
        postcode: "G41 2PQ",
        host: 1,
        slots: &[one(3, 10, 3, Some(15), 15)],
    },
    FixedEvent {
        title: "Bristol campaign social",
        kind: EventKind::Social,
        venue: "Harbourside bar",
        postcode: "BS1 5DB",
        host: 2,
        slots: &[one(8, 19, 3, None, 14)],
    },
    FixedEvent {
        title: "Newcastle leaflet drop",
        kind: EventKind::Canvassing,
        venue: "Grey's Monument",
        postcode: "NE1 7JB",
        host: 4,
        slots: &[one(5, 10, 2, Some(12), 5)],
    },
    FixedEvent {
        title: "Online training: talking to voters",
        kind: EventKind::Online,
        venue: "",
        postcode: "",
        host: 0,
        slots: &[one(7, 19, 1, Some(100), 25)],
    },
    FixedEvent {
        title: "Weekly street stall in Sheffield",
        kind: EventKind::Canvassing,
        venue: "Fargate, by the Cheese Grater",
        postcode: "S1 2HH",
        host: 1,
        slots: &[
            one(4, 11, 2, Some(10), 4),
            one(11, 11, 2, Some(10), 6),
            one(18, 11, 2, Some(10), 3),
            one(25, 11, 2, Some(10), 1),
        ],
    },
    FixedEvent {
        title: "Polling day knock-up in Edgbaston",
        kind: EventKind::Canvassing,
        venue: "Campaign rooms, Hagley Road",
        postcode: "B16 8QG",
        host: 4,
        slots: &[
            shift("Morning shift", 9, 12),
            shift("Afternoon shift", 13, 4),
            shift("Evening shift", 17, 1),
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use app::auth::service::passwords::verify_password;

    #[tokio::test]
    async fn the_shipped_hashes_match_the_documented_passwords() {
        assert!(verify_password(STAFF_PASSWORD, STAFF_PASSWORD_HASH).await);
        assert!(verify_password(PEOPLE_PASSWORD, PEOPLE_PASSWORD_HASH).await);
        assert!(!verify_password(STAFF_PASSWORD, PEOPLE_PASSWORD_HASH).await);
    }
}
