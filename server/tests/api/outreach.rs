//! Outreach: consent, audiences, the Creators, delivery through a local SMTP server and
//! a fake SMS provider, STOP, unsubscribe and quiet hours, with the fixture they share.

mod access;
mod consent_property;
mod delivery;
pub mod fakes;
mod reminders;
mod text_costs;
mod texts;
mod unsubscribe;

use crate::groups::{add_member, group_owned_by};
pub use crate::support::TestApp;
use app::{
    consent::{
        model::{Channel, Scope},
        service::{record_consent, ConsentChoice},
    },
    groups::tables::group,
    mail::{
        mailer::Mailer,
        sms::{LogTextSender, TextSender},
    },
    outreach::service::delivery::{deliver_due_messages, Outlets, RateLimit},
};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};

/// An official group and its organiser, signed in.
pub struct Sender {
    pub app: TestApp,
    pub session: String,
    pub group_id: i32,
}

/// A fresh app with an official group organised by Olive.
pub async fn official_group() -> Sender {
    let app = TestApp::spawn().await;
    official_group_in(app).await
}

/// As `official_group`, in `app`.
pub async fn official_group_in(app: TestApp) -> Sender {
    let session = app.signed_in("Olive Organiser", "olive@example.org").await;
    let organiser = app.me(Some(&session)).await["id"].as_i64().unwrap() as i32;
    let group_id = group_owned_by(&app, organiser, "Sheffield Central Local Party", "open").await;
    let found = group::Entity::find_by_id(group_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut active = found.into_active_model();
    active.verified = Set(true);
    active.update(&app.db).await.unwrap();
    Sender {
        app,
        session,
        group_id,
    }
}

/// Appends one consent choice for `email`.
pub async fn consent(
    app: &TestApp,
    email: &str,
    channel: Channel,
    scope: Scope,
    granted: bool,
    phone: Option<&str>,
) {
    record_consent(
        &app.db,
        ConsentChoice {
            email,
            person_id: None,
            channel,
            scope,
            granted,
            wording: "Test wording",
            source: "test",
            phone,
        },
    )
    .await
    .unwrap();
}

/// A member of the sender's group; returns their email.
pub async fn member(sender: &Sender, name: &str, email: &str) -> String {
    let id = sender.app.create_person(name, email).await;
    add_member(&sender.app, sender.group_id, id, "member", "active").await;
    email.to_string()
}

/// Starts a draft through the server functions and saves `fields` into it; returns its id.
pub async fn draft(sender: &Sender, channel: &str, fields: &[(&str, &str)]) -> i32 {
    let group = sender.group_id.to_string();
    let started = sender
        .app
        .call(
            "/api/outreach/messages/new",
            &[("group_id", &group), ("channel", channel)],
            Some(&sender.session),
        )
        .await;
    assert!(started.succeeded(), "{}", started.body);
    let location = started
        .headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("sent on to the draft")
        .to_string();
    let id: i32 = location.trim_start_matches("/messages/").parse().unwrap();
    let id_text = id.to_string();
    let mut form = vec![("id", id_text.as_str())];
    form.extend_from_slice(fields);
    let saved = sender
        .app
        .call("/api/outreach/messages/save", &form, Some(&sender.session))
        .await;
    assert!(saved.succeeded(), "{}", saved.body);
    id
}

/// Sends message `id` to its audience through the server function.
pub async fn send(sender: &Sender, id: i32) -> crate::support::Reply {
    let id = id.to_string();
    sender
        .app
        .call(
            "/api/outreach/messages/send",
            &[("id", &id)],
            Some(&sender.session),
        )
        .await
}

/// Runs delivery rounds until nothing is due at `now`; returns how many were claimed.
pub async fn deliver_all(
    app: &TestApp,
    mailer: &dyn Mailer,
    texter: &dyn TextSender,
    now: DateTime<Utc>,
) -> usize {
    let (email_limit, text_limit) = (RateLimit::new(10_000), RateLimit::new(10_000));
    let outlets = Outlets {
        mailer,
        texter,
        email_limit: &email_limit,
        text_limit: &text_limit,
        concurrency: 8,
    };
    let mut total = 0;
    loop {
        let claimed = deliver_due_messages(&app.db, &outlets, "http://127.0.0.1:3000", 100, now)
            .await
            .unwrap();
        if claimed == 0 {
            return total;
        }
        total += claimed;
    }
}

/// Texts go nowhere (for email-only tests).
pub fn no_texts() -> LogTextSender {
    LogTextSender
}

/// The statuses of message `id`'s deliveries, by email.
pub async fn statuses(app: &TestApp, id: i32) -> Vec<(String, String)> {
    use app::outreach::tables::message_delivery;
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
    message_delivery::Entity::find()
        .filter(message_delivery::Column::MessageId.eq(id))
        .order_by_asc(message_delivery::Column::Email)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|d| (d.email, d.status.as_str().to_string()))
        .collect()
}
