//! Event reminders: an email the day before, a text two hours before, a thank-you
//! afterwards, each once, and only to sign-ups who agreed to that channel.

use super::{consent, TestApp};
use crate::events::event_with_capacity;
use app::{
    consent::{
        model::{Channel, PARTY_SCOPE},
        service::{confirm_consent, CONFIRM_CONSENT_PATH},
    },
    events::{
        service::{
            reminders::queue_due_reminders,
            signups::{sign_up, SignUpDetails},
        },
        tables::event_slot,
    },
    mail::list_outbox_emails,
};
use chrono::Duration;
use sea_orm::EntityTrait;

#[tokio::test]
async fn each_reminder_goes_once_and_only_with_consent() {
    let app = TestApp::spawn().await;
    let (_, slot_id) = event_with_capacity(&app, "").await;
    let slot = event_slot::Entity::find_by_id(slot_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let site = "http://127.0.0.1:3000";
    let yes = SignUpDetails::parse(
        "Ann Able",
        "ann@example.org",
        "07700 900123",
        "",
        true,
        true,
    )
    .unwrap();
    let no = SignUpDetails::parse(
        "Nat No",
        "nat@example.org",
        "07700 900124",
        "",
        false,
        false,
    )
    .unwrap();
    sign_up(&app.db, slot_id, &yes, site).await.unwrap();
    sign_up(&app.db, slot_id, &no, site).await.unwrap();
    // Ann's ticked boxes count once confirmed: her email with the emailed link; her
    // number as a reply or code would (not built yet, issue 18), granted directly here.
    let to_ann = list_outbox_emails(&app.db, 10)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.to_email == "ann@example.org")
        .unwrap();
    let token = to_ann.body.split(CONFIRM_CONSENT_PATH).nth(1).unwrap()[..64].to_string();
    confirm_consent(&app.db, &token).await.unwrap();
    consent(
        &app,
        "ann@example.org",
        Channel::Sms,
        PARTY_SCOPE,
        true,
        Some("+447700900123"),
    )
    .await;
    let emails_before = app.count("outbox_emails").await;
    // Ann's sign-up form asked her number to confirm by a reply: that text is not a reminder.
    let texts_before = app.count("outbox_texts").await;

    let day_before = slot.starts_at - Duration::hours(20);
    assert_eq!(
        queue_due_reminders(&app.db, site, day_before)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        queue_due_reminders(&app.db, site, day_before + Duration::minutes(5))
            .await
            .unwrap(),
        0,
        "once"
    );
    assert_eq!(app.count("outbox_emails").await, emails_before + 1);

    let two_hours = slot.starts_at - Duration::minutes(90);
    assert_eq!(
        queue_due_reminders(&app.db, site, two_hours).await.unwrap(),
        1
    );
    assert_eq!(app.count("outbox_texts").await, texts_before + 1);

    let after = slot.ends_at + Duration::hours(1);
    assert_eq!(queue_due_reminders(&app.db, site, after).await.unwrap(), 1);
    assert_eq!(queue_due_reminders(&app.db, site, after).await.unwrap(), 0);
    // Each kind is decided once for both sign-ups: sent to Ann, marked for Nat (who did
    // not agree), so later rounds do not read Nat's sign-up again.
    assert_eq!(app.count("reminders_sent").await, 6);
    assert_eq!(app.count("outbox_emails").await, emails_before + 2);
}
