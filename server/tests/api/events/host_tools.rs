//! Hosts after publishing: co-hosts, walk-ins, edits, emails, cancelling, copying.

use super::*;
use axum::http::StatusCode;

mod capacity;

/// An event made through the server function by `token`'s person; returns its id.
async fn hosted_event(app: &TestApp, token: &str, capacity: &str) -> i32 {
    let form = event_form("Street stall", capacity);
    event_id_of(
        &app.call("/api/events/create", &as_fields(&form), Some(token))
            .await,
    )
}

async fn outbox_subjects(app: &TestApp, to: &str) -> Vec<String> {
    app::mail::list_outbox_emails(&app.db, 200)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.to_email == to)
        .map(|e| e.subject)
        .collect()
}

#[tokio::test]
async fn only_hosts_co_hosts_and_staff_use_the_host_tools() {
    let app = TestApp::spawn().await;
    let host = app.signed_in("Hana Host", "hana@example.org").await;
    let id = hosted_event(&app, &host, "5").await.to_string();
    let other = app.signed_in("Nosy Neighbour", "nosy@example.org").await;
    let slot = app.slot_of(id.parse().unwrap()).await.to_string();
    let calls: Vec<(&str, Vec<(&str, &str)>)> = vec![
        (
            "/api/events/walk-in",
            vec![
                ("event_id", &id),
                ("slot_id", &slot),
                ("name", "Wally"),
                ("email", "wally@example.org"),
            ],
        ),
        (
            "/api/events/cohosts/add",
            vec![("event_id", &id), ("cohost_email", "nosy@example.org")],
        ),
        ("/api/events/form", vec![("id", &id), ("copy", "true")]),
        (
            "/api/events/email-attendees",
            vec![("id", &id), ("subject", "Hi"), ("body", "Hello")],
        ),
        (
            "/api/events/cancel-event",
            vec![("id", &id), ("reason", "")],
        ),
    ];
    for (path, form) in &calls {
        assert_eq!(
            app.call(path, form, Some(&other)).await.error_code(),
            "forbidden",
            "{path}"
        );
        assert_eq!(
            app.call(path, form, None).await.error_code(),
            "unauthenticated",
            "{path}"
        );
    }
    let mut edit = event_form("Hijacked", "5");
    edit.push(("id", id.clone()));
    let edit: Vec<(&str, &str)> = edit.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        app.call("/api/events/update", &edit, Some(&other))
            .await
            .error_code(),
        "forbidden"
    );

    // "My events" lists what each runs: the host's event, nothing yet for the neighbour.
    let hosting = |token: String| {
        let app = &app;
        async move {
            app.call("/api/events/hosting", &[], Some(&token))
                .await
                .json()
        }
    };
    let mine = hosting(host.clone()).await;
    assert_eq!(mine[0]["id"].to_string(), id);
    assert_eq!(mine[0]["role"], "Host");
    assert_eq!(hosting(other.clone()).await, serde_json::json!([]));
    assert_eq!(
        app.call("/api/events/hosting", &[], None)
            .await
            .error_code(),
        "unauthenticated"
    );

    // The host asks the neighbour to co-host; once they accept, they see the dashboard.
    let added = app
        .call(
            "/api/events/cohosts/add",
            &[("event_id", &id), ("cohost_email", "nosy@example.org")],
            Some(&host),
        )
        .await;
    assert!(
        added.status.is_redirection() || added.status == StatusCode::OK,
        "{}",
        added.body
    );
    assert_eq!(
        app.call("/api/events/dashboard", &[("id", &id)], Some(&other))
            .await
            .error_code(),
        "forbidden",
        "asked, not yet a co-host"
    );
    assert!(outbox_subjects(&app, "nosy@example.org")
        .await
        .contains(&"You have been asked to co-host an event".to_string()));
    let page = app
        .call("/api/events/get", &[("id", &id)], Some(&other))
        .await;
    assert_eq!(page.json()["cohost_invited"], true);
    let accepted = app
        .call(
            "/api/events/cohosts/accept",
            &[("event_id", &id)],
            Some(&other),
        )
        .await;
    assert!(accepted.succeeded(), "{}", accepted.body);
    let dashboard = app
        .call("/api/events/dashboard", &[("id", &id)], Some(&other))
        .await
        .json();
    assert_eq!(dashboard["cohosts"][0]["name"], "Nosy Neighbour");
    assert_eq!(dashboard["cohosts"][0]["invited"], false);
    assert_eq!(dashboard["is_main_host"], false);
    assert_eq!(hosting(other.clone()).await[0]["role"], "Co-host");
    // An unknown email is a field error, and nothing changes.
    assert_eq!(
        app.call(
            "/api/events/cohosts/add",
            &[("event_id", &id), ("cohost_email", "ghost@example.org")],
            Some(&host)
        )
        .await
        .error_field(),
        "cohost_email"
    );
    let nosy_id = dashboard["cohosts"][0]["person_id"].to_string();
    app.call(
        "/api/events/cohosts/remove",
        &[("event_id", &id), ("person_id", &nosy_id)],
        Some(&host),
    )
    .await;
    assert_eq!(
        app.call("/api/events/dashboard", &[("id", &id)], Some(&other))
            .await
            .error_code(),
        "forbidden"
    );
}

#[tokio::test]
async fn walk_ins_take_a_place_and_are_checked_in() {
    let app = TestApp::spawn().await;
    let host = app.signed_in("Hana Host", "hana@example.org").await;
    let id = hosted_event(&app, &host, "1").await;
    let (id_text, slot) = (id.to_string(), app.slot_of(id).await.to_string());
    let walk_in = |email: &'static str| {
        let (id_text, slot) = (id_text.clone(), slot.clone());
        let app = &app;
        let host = host.clone();
        async move {
            app.call(
                "/api/events/walk-in",
                &[
                    ("event_id", &id_text),
                    ("slot_id", &slot),
                    ("name", "Wally Walker"),
                    ("email", email),
                ],
                Some(&host),
            )
            .await
        }
    };
    walk_in("wally@example.org").await;
    let dashboard = app
        .call("/api/events/dashboard", &[("id", &id_text)], Some(&host))
        .await
        .json();
    assert_eq!(dashboard["attendees"][0]["name"], "Wally Walker");
    assert_eq!(dashboard["attendees"][0]["checked_in"], true);
    assert_eq!(dashboard["slots"][0]["places_left"], 0);
    assert_eq!(walk_in("second@example.org").await.error_code(), "conflict");
    assert_eq!(walk_in("not-an-email").await.error_field(), "email");
}

#[tokio::test]
async fn hosts_email_attendees_and_cancelling_tells_everyone() {
    let app = TestApp::spawn().await;
    let host = app.signed_in("Hana Host", "hana@example.org").await;
    let id = hosted_event(&app, &host, "1").await;
    let id_text = id.to_string();
    assert_eq!(
        app.call(
            "/api/events/email-attendees",
            &[
                ("id", &id_text),
                ("subject", "Hi"),
                ("body", "Bring a coat")
            ],
            Some(&host)
        )
        .await
        .error_field(),
        "body",
        "nobody to email yet"
    );
    let slot = app.slot_of(id).await;
    sign_up(&app.db, slot, &guest(1), "http://x").await.unwrap();
    sign_up(&app.db, slot, &guest(2), "http://x").await.unwrap();
    app.call(
        "/api/events/email-attendees",
        &[
            ("id", &id_text),
            ("subject", "Bring a coat"),
            ("body", "It will rain."),
        ],
        Some(&host),
    )
    .await;
    assert!(outbox_subjects(&app, "guest1@example.org")
        .await
        .contains(&"Bring a coat".to_string()));
    assert!(
        !outbox_subjects(&app, "guest2@example.org")
            .await
            .contains(&"Bring a coat".to_string()),
        "waitlist not ticked"
    );

    app.call(
        "/api/events/cancel-event",
        &[("id", &id_text), ("reason", "Storm warning")],
        Some(&host),
    )
    .await;
    for to in ["guest1@example.org", "guest2@example.org"] {
        assert!(
            outbox_subjects(&app, to)
                .await
                .iter()
                .any(|s| s.starts_with("Cancelled:")),
            "{to}"
        );
    }
    let detail = app
        .call("/api/events/get", &[("id", &id_text)], None)
        .await
        .json();
    assert_eq!(detail["status"], "cancelled");
    assert!(sign_up(&app.db, slot, &guest(3), "http://x").await.is_err());
    assert_eq!(
        app.call(
            "/api/events/cancel-event",
            &[("id", &id_text), ("reason", "")],
            Some(&host)
        )
        .await
        .error_code(),
        "conflict"
    );
}

#[tokio::test]
async fn copying_an_event_keeps_everything_but_the_date() {
    let app = TestApp::spawn().await;
    let host = app.signed_in("Hana Host", "hana@example.org").await;
    let id = hosted_event(&app, &host, "8").await.to_string();
    let copy = app
        .call(
            "/api/events/form",
            &[("id", &id), ("copy", "true")],
            Some(&host),
        )
        .await
        .json();
    assert_eq!(copy["title"], "Street stall");
    assert_eq!(copy["capacity"], "8");
    assert_eq!(copy["postcode"], "M1 1AE");
    assert_eq!(copy["date"], "");
    let edit = app
        .call(
            "/api/events/form",
            &[("id", &id), ("copy", "false")],
            Some(&host),
        )
        .await
        .json();
    assert_ne!(edit["date"], "");
}

#[tokio::test]
async fn people_cancel_their_own_places_from_my_events_and_nobody_else_can() {
    let app = TestApp::spawn().await;
    let me = app.signed_in("Mia Member", "mia@example.org").await;
    let other = app.signed_in("Otto Other", "otto@example.org").await;
    let (event_id, slot) = event_with_capacity(&app, "1").await;
    app.call(
        "/api/events/sign-up",
        &[("slot_id", &slot.to_string())],
        Some(&me),
    )
    .await;
    sign_up(&app.db, slot, &guest(9), "http://x").await.unwrap();
    let mine = app.call("/api/events/mine", &[], Some(&me)).await.json();
    let signup_id = mine[0]["signup_id"].to_string();
    assert_eq!(
        app.call(
            "/api/events/cancel-mine",
            &[("signup_id", &signup_id)],
            Some(&other)
        )
        .await
        .error_code(),
        "forbidden"
    );
    assert_eq!(
        app.call(
            "/api/events/cancel-mine",
            &[("signup_id", &signup_id)],
            None
        )
        .await
        .error_code(),
        "unauthenticated"
    );
    app.call(
        "/api/events/cancel-mine",
        &[("signup_id", &signup_id)],
        Some(&me),
    )
    .await;
    assert_eq!(
        app.call("/api/events/mine", &[], Some(&me)).await.json(),
        serde_json::json!([])
    );
    // The guest waiting got the freed place.
    let detail = app
        .call("/api/events/get", &[("id", &event_id.to_string())], None)
        .await
        .json();
    assert_eq!(detail["slots"][0]["places_left"], 0);
    assert!(outbox_subjects(&app, "guest9@example.org")
        .await
        .iter()
        .any(|s| s.starts_with("A place came up")));
}

#[tokio::test]
async fn nobody_can_accept_a_co_host_invitation_they_were_not_sent() {
    let app = TestApp::spawn().await;
    let host = app.signed_in("Hana Host", "hana@example.org").await;
    let id = hosted_event(&app, &host, "5").await.to_string();
    let stranger = app.signed_in("Sid Stranger", "sid@example.org").await;

    let accepted = app
        .call(
            "/api/events/cohosts/accept",
            &[("event_id", &id)],
            Some(&stranger),
        )
        .await;

    assert_eq!(accepted.error_code(), "not_found");
    assert_eq!(
        app.call("/api/events/dashboard", &[("id", &id)], Some(&stranger))
            .await
            .error_code(),
        "forbidden"
    );
}
