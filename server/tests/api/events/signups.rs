use super::*;
use axum::http::StatusCode;

#[tokio::test]
async fn a_guest_signs_up_with_consent_requested_and_gets_a_cancel_link() {
    let app = TestApp::spawn().await;
    let (_, slot) = event_with_capacity(&app, "5").await;
    let slot = slot.to_string();
    let reply = app
        .call(
            "/api/events/sign-up",
            &[
                ("slot_id", &slot),
                ("name", "Gita Guest"),
                ("email", "gita@example.org"),
                ("phone", "07700 900123"),
                ("postcode", ""),
                ("consent_email", "yes"),
            ],
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.json(), "confirmed");
    assert_eq!(
        app.count("consent_records").await,
        1,
        "the ticked box, as a request; the unticked one records nothing"
    );
    assert!(
        !app::consent::service::has_consent(
            &app.db,
            "gita@example.org",
            app::consent::service::Channel::Email,
            app::consent::model::PARTY_SCOPE
        )
        .await
        .unwrap(),
        "in force only once the address confirms it"
    );
    assert!(!app::consent::service::has_consent(
        &app.db,
        "gita@example.org",
        app::consent::service::Channel::Sms,
        app::consent::model::PARTY_SCOPE
    )
    .await
    .unwrap());
    let emails = app::mail::list_outbox_emails(&app.db, 5).await.unwrap();
    assert!(
        emails[0].body.contains("/events/cancel/"),
        "{}",
        emails[0].body
    );
    assert!(
        emails[0].body.contains("Confirm you want emails from us: "),
        "{}",
        emails[0].body
    );
    // Where it is, a map, and the calendar file, as the reminder has.
    for part in [
        "Town hall\nM1 1AE\n",
        "Map: https://www.openstreetmap.org/search?query=M1%201AE",
        "/calendar.ics",
    ] {
        assert!(emails[0].body.contains(part), "{part}: {}", emails[0].body);
    }
    assert!(!emails[0].body.contains("Join online"));
}

#[tokio::test]
async fn signing_up_again_keeps_the_place_and_never_duplicates() {
    let app = TestApp::spawn().await;
    let (_, slot) = event_with_capacity(&app, "5").await;
    let first = sign_up(&app.db, slot, &guest(1), "http://x").await.unwrap();
    let mut again = guest(1);
    again.name = app::validate::PersonName::parse("name", "Guest One Renamed").unwrap();
    let second = sign_up(&app.db, slot, &again, "http://x").await.unwrap();
    assert_eq!(first.status, second.status);
    assert_eq!(app.count("signups").await, 1);
}

#[tokio::test]
async fn a_full_event_waitlists_and_a_cancellation_promotes_the_first_waiting() {
    let app = TestApp::spawn().await;
    let (_, slot) = event_with_capacity(&app, "2").await;
    let mut statuses = Vec::new();
    for n in 1..=4 {
        statuses.push(
            sign_up(&app.db, slot, &guest(n), "http://x")
                .await
                .unwrap()
                .status,
        );
    }
    assert_eq!(
        statuses,
        [
            SignUpStatus::Confirmed,
            SignUpStatus::Confirmed,
            SignUpStatus::Waitlisted,
            SignUpStatus::Waitlisted
        ]
    );

    // Guest 1 cancels from their emailed link: guest 3 (first waiting) gets the place.
    let emails = app::mail::list_outbox_emails(&app.db, 10).await.unwrap();
    let to_guest1 = emails
        .iter()
        .find(|e| e.to_email == "guest1@example.org")
        .unwrap();
    let token = to_guest1.body.split("/events/cancel/").nth(1).unwrap()[..64].to_string();
    let link = |token: String| {
        let app = &app;
        async move {
            app.call("/api/events/cancel-link", &[("token", &token)], None)
                .await
                .json()
        }
    };
    assert_eq!(link(token.clone()).await["already_cancelled"], false);
    let reply = app
        .call("/api/events/cancel", &[("token", &token)], None)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    // The used link says so (and where to sign up again); a made-up one is refused.
    let used = link(token.clone()).await;
    assert_eq!(used["already_cancelled"], true, "{used}");
    assert!(used["event_path"].as_str().unwrap().starts_with("/events/"));
    let made_up = app
        .call(
            "/api/events/cancel-link",
            &[("token", &"0".repeat(64))],
            None,
        )
        .await;
    assert_eq!(made_up.error_field(), "token");

    let promoted = app::mail::list_outbox_emails(&app.db, 10).await.unwrap();
    assert!(promoted
        .iter()
        .any(|e| e.to_email == "guest3@example.org" && e.subject.starts_with("A place came up")));
    assert!(!promoted
        .iter()
        .any(|e| e.to_email == "guest4@example.org" && e.subject.starts_with("A place came up")));
    let detail = app::events::service::catalogue::get_event_detail(
        &app.db,
        app.event_of_slot(slot).await,
        None,
        "http://x",
    )
    .await
    .unwrap();
    assert_eq!(detail.slots[0].places_left, Some(0));
}

#[tokio::test]
async fn concurrent_sign_ups_never_oversell() {
    let app = TestApp::spawn().await;
    let (_, slot) = event_with_capacity(&app, "10").await;
    let tasks: Vec<_> = (0..40)
        .map(|n| {
            let db = app.db.clone();
            tokio::spawn(async move { sign_up(&db, slot, &guest(n), "http://x").await })
        })
        .collect();
    let mut confirmed = 0;
    let mut waitlisted = 0;
    for task in tasks {
        match task.await.unwrap().expect("every sign-up succeeds").status {
            SignUpStatus::Confirmed => confirmed += 1,
            SignUpStatus::Waitlisted => waitlisted += 1,
            SignUpStatus::Cancelled => unreachable!(),
        }
    }
    assert_eq!((confirmed, waitlisted), (10, 30));
    assert_eq!(app.count("signups").await, 40);
}

#[tokio::test]
async fn bad_sign_up_input_is_a_field_error_and_saves_nothing() {
    let app = TestApp::spawn().await;
    let (_, slot) = event_with_capacity(&app, "").await;
    let slot = slot.to_string();
    for (field, form) in [
        (
            "email",
            vec![
                ("slot_id", slot.as_str()),
                ("name", "Gita"),
                ("email", "not-an-email"),
            ],
        ),
        (
            "name",
            vec![
                ("slot_id", slot.as_str()),
                ("name", ""),
                ("email", "gita@example.org"),
            ],
        ),
        (
            "phone",
            vec![
                ("slot_id", slot.as_str()),
                ("name", "Gita"),
                ("email", "gita@example.org"),
                ("consent_sms", "yes"),
            ],
        ),
    ] {
        assert_eq!(
            app.call("/api/events/sign-up", &form, None)
                .await
                .error_field(),
            field
        );
    }
    assert_eq!(app.count("signups").await, 0);
    assert_eq!(app.count("consent_records").await, 0);
}

#[tokio::test]
async fn a_member_signs_up_with_one_click_and_sees_it_in_my_events() {
    let app = TestApp::spawn().await;
    let (event_id, slot) = event_with_capacity(&app, "").await;
    let token = app.signed_in("Sam Patel", "sam@example.org").await;
    let reply = app
        .call(
            "/api/events/sign-up",
            &[("slot_id", &slot.to_string())],
            Some(&token),
        )
        .await;
    assert_eq!(reply.json(), "confirmed", "{}", reply.body);
    let mine = app.call("/api/events/mine", &[], Some(&token)).await.json();
    assert_eq!(mine[0]["title"], "Door knocking");
    let detail = app
        .call(
            "/api/events/get",
            &[("id", &event_id.to_string())],
            Some(&token),
        )
        .await
        .json();
    assert_eq!(detail["my_signup"]["status"], "confirmed");
    assert_eq!(
        app.call("/api/events/mine", &[], None).await.error_code(),
        "unauthenticated"
    );
}

#[tokio::test]
async fn erasing_a_person_frees_their_place_for_the_waitlist() {
    let app = TestApp::spawn().await;
    let (_, slot) = event_with_capacity(&app, "1").await;
    let token = app.signed_in("Sam Patel", "sam@example.org").await;
    app.call(
        "/api/events/sign-up",
        &[("slot_id", &slot.to_string())],
        Some(&token),
    )
    .await;
    assert_eq!(
        sign_up(&app.db, slot, &guest(1), "http://x")
            .await
            .unwrap()
            .status,
        SignUpStatus::Waitlisted
    );
    let reply = app
        .call(
            "/api/people/delete-account",
            &[("password", crate::support::PASSWORD)],
            Some(&token),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let emails = app::mail::list_outbox_emails(&app.db, 10).await.unwrap();
    assert!(emails
        .iter()
        .any(|e| e.to_email == "guest1@example.org" && e.subject.starts_with("A place came up")));
    assert_eq!(app.count("signups").await, 1);
}

/// Each sign-up's copy of its slot's event and start (read by friends' events and
/// suggestions), for the event's one slot.
async fn copied_slot_fields(app: &TestApp, slot: i32) -> Vec<(i32, chrono::DateTime<Utc>)> {
    use app::events::tables::signup;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    signup::Entity::find()
        .filter(signup::Column::SlotId.eq(slot))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| (s.event_id, s.starts_at))
        .collect()
}

async fn slot_start(app: &TestApp, slot: i32) -> chrono::DateTime<Utc> {
    use app::events::tables::event_slot;
    use sea_orm::EntityTrait;
    event_slot::Entity::find_by_id(slot)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .starts_at
}

#[tokio::test]
async fn sign_ups_carry_their_slots_event_and_start_when_the_host_moves_it() {
    let app = TestApp::spawn().await;
    let host = app.signed_in("Hana Host", "hana@example.org").await;
    let form = event_form("Street stall", "1");
    let id = event_id_of(
        &app.call("/api/events/create", &as_fields(&form), Some(&host))
            .await,
    );
    let slot = app.slot_of(id).await;
    for n in 1..=2 {
        sign_up(&app.db, slot, &guest(n), "http://x").await.unwrap();
    }
    let before = slot_start(&app, slot).await;
    assert_eq!(
        copied_slot_fields(&app, slot).await,
        vec![(id, before); 2],
        "the confirmed and the waitlisted"
    );

    let mut moved = form.clone();
    moved.retain(|(k, _)| *k != "start_time");
    moved.push(("start_time", "11:30".to_string()));
    moved.push(("id", id.to_string()));
    let reply = app
        .call("/api/events/update", &as_fields(&moved), Some(&host))
        .await;
    assert!(
        reply.status.is_redirection() || reply.status == StatusCode::OK,
        "{}",
        reply.body
    );
    let after = slot_start(&app, slot).await;
    assert_eq!(after - before, Duration::minutes(90));
    assert_eq!(copied_slot_fields(&app, slot).await, vec![(id, after); 2]);
}
