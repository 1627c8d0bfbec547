//! A host's tools cannot be used as a mail relay: addresses the host types in get nothing,
//! and messages to attendees are limited.

use super::*;
use axum::http::StatusCode;

async fn emails_to(app: &TestApp, to: &str) -> usize {
    app::mail::list_outbox_emails(&app.db, 500)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.to_email == to)
        .count()
}

/// Hana's session and an event she hosts: (session, event id, slot id).
async fn hosted_by_hana(app: &TestApp) -> (String, i32, i32) {
    let host = app.signed_in("Hana Host", "hana@example.org").await;
    let id = app.me(Some(&host)).await["id"].as_i64().unwrap() as i32;
    let (event, slot) = event_hosted_by(app, id, "").await;
    (host, event, slot)
}

#[tokio::test]
async fn walk_ins_typed_in_by_the_host_never_receive_the_hosts_messages() {
    let app = TestApp::spawn().await;
    let (host, event, slot) = hosted_by_hana(&app).await;
    let (event, slot) = (event.to_string(), slot.to_string());
    sign_up(&app.db, slot.parse().unwrap(), &guest(1), "http://x")
        .await
        .unwrap();
    let before = emails_to(&app, "victim@example.org").await;
    let walk_in = app
        .call(
            "/api/events/walk-in",
            &[
                ("event_id", &event),
                ("slot_id", &slot),
                ("name", "Victim"),
                ("email", "victim@example.org"),
            ],
            Some(&host),
        )
        .await;
    assert!(walk_in.succeeded(), "{}", walk_in.body);

    let sent = app
        .call(
            "/api/events/email-attendees",
            &[("id", &event), ("subject", "Buy now"), ("body", "Spam")],
            Some(&host),
        )
        .await;

    assert!(sent.succeeded(), "{}", sent.body);
    assert_eq!(
        emails_to(&app, "guest1@example.org").await,
        2,
        "sign-up + message"
    );
    assert_eq!(emails_to(&app, "victim@example.org").await, before);
}

#[tokio::test]
async fn a_host_may_message_one_event_three_times_a_day() {
    let app = TestApp::spawn().await;
    let (host, event, slot) = hosted_by_hana(&app).await;
    sign_up(&app.db, slot, &guest(1), "http://x").await.unwrap();
    let event = event.to_string();
    let form = [
        ("id", event.as_str()),
        ("subject", "News"),
        ("body", "Hello"),
    ];
    let message = || app.call("/api/events/email-attendees", &form, Some(&host));
    for _ in 0..3 {
        assert!(message().await.succeeded());
    }

    let fourth = message().await;

    assert_eq!(fourth.status, StatusCode::TOO_MANY_REQUESTS);
}
