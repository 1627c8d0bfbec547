//! Events: listing, sign-ups, places and hosting, with the helpers they share.

mod host_tools;
mod hosting;
mod listing;
mod near_search;
mod online_link;
mod places;
mod publishing;
mod relay;
mod signup_consent;
mod signups;
mod sms_consent;

pub use crate::support::TestApp;
use app::events::{
    model::SignUpStatus,
    service::{
        event_form::NewEvent,
        new_event::{create_event, Publication},
        signups::{sign_up, SignUpDetails},
    },
};
use chrono::{Duration, Utc};
use chrono_tz::Europe::London;

pub fn event_form(title: &str, capacity: &str) -> Vec<(&'static str, String)> {
    let date = (Utc::now() + Duration::days(7))
        .with_timezone(&London)
        .format("%Y-%m-%d")
        .to_string();
    vec![
        ("title", title.to_string()),
        ("description", "Bring comfy shoes.".to_string()),
        ("kind", "canvassing".to_string()),
        ("date", date),
        ("start_time", "10:00".to_string()),
        ("end_time", "12:00".to_string()),
        ("venue", "Town hall".to_string()),
        ("postcode", "M1 1AE".to_string()),
        ("online_url", String::new()),
        ("capacity", capacity.to_string()),
    ]
}

/// Creates an event hosted by a new person through the service; returns (event id, slot id).
pub async fn event_with_capacity(app: &TestApp, capacity: &str) -> (i32, i32) {
    let host = app
        .create_person(
            "Hosting Hana",
            &format!("host{}@example.org", uuid::Uuid::new_v4().simple()),
        )
        .await;
    event_hosted_by(app, host, capacity).await
}

/// Creates an event hosted by `host` through the service; returns (event id, slot id).
pub async fn event_hosted_by(app: &TestApp, host: i32, capacity: &str) -> (i32, i32) {
    event_for_group(app, host, capacity, None).await
}

/// As `event_hosted_by`, run for `group` when given.
pub async fn event_for_group(
    app: &TestApp,
    host: i32,
    capacity: &str,
    group: Option<i32>,
) -> (i32, i32) {
    let form = event_form("Door knocking", capacity);
    let get = |k: &str| {
        form.iter()
            .find(|(key, _)| *key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let parsed = NewEvent::parse(
        &app::events::model::EventForm {
            title: get("title"),
            description: get("description"),
            kind: get("kind"),
            date: get("date"),
            start_time: get("start_time"),
            end_time: get("end_time"),
            venue: get("venue"),
            postcode: get("postcode"),
            online_url: get("online_url"),
            capacity: get("capacity"),
            ..Default::default()
        },
        Utc::now(),
    )
    .unwrap();
    let event = create_event(&app.db, host, parsed, Publication::Published, group)
        .await
        .unwrap();
    let slot = app.slot_of(event.id).await;
    (event.id, slot)
}

pub fn guest(n: usize) -> SignUpDetails {
    SignUpDetails::parse(
        &format!("Guest {n}"),
        &format!("guest{n}@example.org"),
        "",
        "",
        false,
        false,
    )
    .unwrap()
}

impl TestApp {
    pub async fn slot_of(&self, event_id: i32) -> i32 {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        app::events::tables::event_slot::Entity::find()
            .filter(app::events::tables::event_slot::Column::EventId.eq(event_id))
            .one(&self.db)
            .await
            .unwrap()
            .unwrap()
            .id
    }
}

impl TestApp {
    pub async fn event_of_slot(&self, slot_id: i32) -> i32 {
        use sea_orm::EntityTrait;
        app::events::tables::event_slot::Entity::find_by_id(slot_id)
            .one(&self.db)
            .await
            .unwrap()
            .unwrap()
            .event_id
    }
}

/// The id of the event a create call redirected to.
pub fn event_id_of(reply: &crate::support::Reply) -> i32 {
    let location = reply
        .headers
        .get("location")
        .expect("redirected to the new event")
        .to_str()
        .unwrap();
    app::events::model::event_id_from_path_segment(location.trim_start_matches("/events/")).unwrap()
}

/// A form's (name, value) pairs as a call takes them.
pub fn as_fields<'a>(form: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    form.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

pub async fn create_via_api(
    app: &TestApp,
    token: &str,
    title: &str,
    postcode: &str,
) -> crate::support::Reply {
    let mut form = event_form(title, "");
    form.retain(|(k, _)| *k != "postcode");
    form.push(("postcode", postcode.to_string()));
    app.call("/api/events/create", &as_fields(&form), Some(token))
        .await
}
