//! Demo content for a fresh database, so a newcomer can click through every journey.
//! Later work adds events, groups and friendships to this same preset.

use app::{
    auth::{
        model::Role,
        service::{accounts, roles},
    },
    error::AppResult,
};
use app::{
    events::{
        model::EventKind,
        service::{
            event_form::{EventDetails, NewEvent, SlotPlan},
            new_event::{create_event, Publication},
            signups::{sign_up, SignUpDetails},
        },
    },
    validate::PostcodeUk,
};
use chrono::{Duration, TimeZone, Utc};
use chrono_tz::Europe::London;
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

/// The demo staff account: also printed at start-up and listed in the README.
pub const STAFF_EMAIL: &str = "staff@membersnet.example";
pub const STAFF_PASSWORD: &str = "staff-demo-2026";
/// The password of every other demo account.
pub const PEOPLE_PASSWORD: &str = "demo-password-2026";

/// (name, email, postcode, roles) of each demo person.
const PEOPLE: &[(&str, &str, Option<&str>, &[Role])] = &[
    (
        "Morgan Staff",
        STAFF_EMAIL,
        Some("SW1A 1AA"),
        &[Role::Staff, Role::Member],
    ),
    (
        "Sam Patel",
        "sam@membersnet.example",
        Some("M1 1AE"),
        &[Role::Member, Role::Host],
    ),
    (
        "Priya Shah",
        "priya@membersnet.example",
        Some("LS1 4AP"),
        &[Role::Member, Role::Organiser],
    ),
    (
        "Alex Morgan",
        "alex@membersnet.example",
        Some("CF10 1EP"),
        &[],
    ),
    (
        "Jo Evans MP",
        "jo@membersnet.example",
        Some("B1 1BB"),
        &[Role::Member, Role::Politician],
    ),
];

/// Loads the demo people when the database has nobody in it. Returns whether it did.
pub async fn load_if_empty(db: &DatabaseConnection) -> AppResult<bool> {
    let existing = app::auth::entity::person::Entity::find().count(db).await?;
    if existing > 0 {
        return Ok(false);
    }
    load(db).await?;
    Ok(true)
}

/// Says how to sign in to the demo, at every start-up with demo content on.
pub fn log_demo_sign_in() {
    tracing::info!(
        "demo content is on: sign in as {STAFF_EMAIL} / {STAFF_PASSWORD} (staff), or sam@membersnet.example / {PEOPLE_PASSWORD}"
    );
}

async fn load(db: &DatabaseConnection) -> AppResult<()> {
    for (name, email, postcode, granted) in PEOPLE {
        let password = if *email == STAFF_EMAIL {
            STAFF_PASSWORD
        } else {
            PEOPLE_PASSWORD
        };
        let new = accounts::NewAccount::parse(name, email, password, postcode.unwrap_or(""))?;
        let person = accounts::create_person(db, new).await?;
        for role in *granted {
            roles::grant_role(db, person.id, *role).await?;
        }
    }
    load_events(db).await?;
    tracing::info!("demo content loaded");
    Ok(())
}

/// (title, kind, venue, postcode, days from today, start hour, hours long, places, host).
type DemoEvent = (
    &'static str,
    EventKind,
    &'static str,
    &'static str,
    i64,
    u32,
    i64,
    Option<i32>,
    &'static str,
);

const EVENTS: &[DemoEvent] = &[
    (
        "Door knocking in Ancoats",
        EventKind::Canvassing,
        "Cutting Room Square",
        "M4 6DE",
        2,
        10,
        3,
        Some(20),
        "sam@membersnet.example",
    ),
    (
        "Phone bank for the by-election",
        EventKind::PhoneBank,
        "Regional office",
        "M1 1AE",
        3,
        18,
        2,
        Some(2),
        "sam@membersnet.example",
    ),
    (
        "Leeds members' meeting",
        EventKind::Meeting,
        "Civic Hall, committee room 2",
        "LS1 4AP",
        5,
        19,
        2,
        Some(60),
        "priya@membersnet.example",
    ),
    (
        "Quiz night fundraiser",
        EventKind::Fundraiser,
        "The Red Lion",
        "LS6 1AN",
        9,
        19,
        3,
        Some(40),
        "priya@membersnet.example",
    ),
    (
        "Cardiff Bay street stall",
        EventKind::Canvassing,
        "Roald Dahl Plass",
        "CF10 4PA",
        4,
        11,
        2,
        None,
        "jo@membersnet.example",
    ),
    (
        "New members' social",
        EventKind::Social,
        "Cafe on the corner",
        "B1 1BB",
        6,
        18,
        2,
        Some(25),
        "jo@membersnet.example",
    ),
    (
        "Phone bank from home: national call-out",
        EventKind::Online,
        "",
        "",
        1,
        19,
        2,
        None,
        "staff@membersnet.example",
    ),
    (
        "Westminster lobby day briefing",
        EventKind::Meeting,
        "Portcullis House",
        "SW1A 2JR",
        12,
        9,
        2,
        Some(30),
        "staff@membersnet.example",
    ),
    (
        "Glasgow canvass: Southside",
        EventKind::Canvassing,
        "Queen's Park gates",
        "G41 2PQ",
        3,
        10,
        3,
        Some(15),
        "sam@membersnet.example",
    ),
    (
        "Bristol campaign social",
        EventKind::Social,
        "Harbourside bar",
        "BS1 5DB",
        8,
        19,
        3,
        None,
        "priya@membersnet.example",
    ),
    (
        "Newcastle leaflet drop",
        EventKind::Canvassing,
        "Grey's Monument",
        "NE1 7JB",
        5,
        10,
        2,
        Some(12),
        "jo@membersnet.example",
    ),
    (
        "Online training: talking to voters",
        EventKind::Online,
        "",
        "",
        7,
        19,
        1,
        Some(100),
        "staff@membersnet.example",
    ),
];

/// The demo events, with sign-ups that leave the Manchester phone bank full.
async fn load_events(db: &DatabaseConnection) -> AppResult<()> {
    let today = Utc::now().with_timezone(&London).date_naive();
    for (title, kind, venue, postcode, days, hour, hours, places, host_email) in EVENTS {
        let Some(host) = accounts::get_person_by_email(db, host_email).await? else {
            continue;
        };
        let date = today + Duration::days(*days);
        let Some(starts_at) = date
            .and_hms_opt(*hour, 0, 0)
            .and_then(|t| London.from_local_datetime(&t).earliest())
        else {
            continue;
        };
        let starts_at = starts_at.with_timezone(&Utc);
        let online = *kind == EventKind::Online;
        let new = NewEvent {
            details: EventDetails {
                title: title.to_string(),
                description: format!("{title}. Everyone is welcome, whether it is your first time or your fiftieth. Bring a friend."),
                kind: *kind,
                venue: (!online).then(|| venue.to_string()),
                postcode: if online { None } else { PostcodeUk::parse("postcode", postcode).ok() },
                online_url: online.then(|| "https://meet.example.org/membersnet".to_string()),
                capacity: *places,
            },
            slots: vec![SlotPlan {
                label: None,
                starts_at,
                ends_at: starts_at + Duration::hours(*hours),
            }],
        };
        let event = create_event(db, host.id, new, Publication::Published).await?;
        if *places == Some(2) {
            fill_event(db, event.id).await?;
        }
    }
    Ok(())
}

/// Signs two demo people up to an event, filling its two places.
async fn fill_event(db: &DatabaseConnection, event_id: i32) -> AppResult<()> {
    let detail = app::events::service::catalogue::get_event_detail(db, event_id, None, "").await?;
    for (name, email) in [
        ("Priya Shah", "priya@membersnet.example"),
        ("Alex Morgan", "alex@membersnet.example"),
    ] {
        let mut details = SignUpDetails::parse(name, email, "", "", false, false)?;
        details.person_id = accounts::get_person_by_email(db, email)
            .await?
            .map(|p| p.id);
        sign_up(db, detail.slots[0].id, &details, "http://127.0.0.1:3000").await?;
    }
    Ok(())
}
