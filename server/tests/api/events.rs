use crate::support::TestApp;
use app::events::{
    model::SignUpStatus,
    service::{
        new_event::{create_event, NewEvent, NewEventForm},
        signups::{sign_up, SignUpDetails},
    },
};
use axum::http::StatusCode;
use chrono::{Duration, Utc};
use chrono_tz::Europe::London;

fn event_form(title: &str, capacity: &str) -> Vec<(&'static str, String)> {
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
async fn event_with_capacity(app: &TestApp, capacity: &str) -> (i32, i32) {
    let host = app
        .create_person(
            "Hosting Hana",
            &format!("host{}@example.org", uuid::Uuid::new_v4().simple()),
        )
        .await;
    let form = event_form("Door knocking", capacity);
    let get = |k: &str| {
        form.iter()
            .find(|(key, _)| *key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let parsed = NewEvent::parse(
        &NewEventForm {
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
        },
        Utc::now(),
    )
    .unwrap();
    let event = create_event(&app.db, host, parsed).await.unwrap();
    let slot = app.slot_of(event.id).await;
    (event.id, slot)
}

fn guest(n: usize) -> SignUpDetails {
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
    async fn slot_of(&self, event_id: i32) -> i32 {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        app::events::entity::event_slot::Entity::find()
            .filter(app::events::entity::event_slot::Column::EventId.eq(event_id))
            .one(&self.db)
            .await
            .unwrap()
            .unwrap()
            .id
    }
}

#[tokio::test]
async fn a_signed_in_person_creates_an_event_and_it_is_listed() {
    let app = TestApp::spawn().await;
    let token = app.signed_in("Sam", "sam@example.org").await;
    let form = event_form("Phone bank for the by-election", "20");
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let reply = app.call("/api/events/create", &fields, Some(&token)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let location = reply.headers.get("location").unwrap().to_str().unwrap();
    assert!(
        location.ends_with("-phone-bank-for-the-by-election"),
        "{location}"
    );
    let list = app.call("/api/events/list", &[], None).await.json();
    assert_eq!(list["events"][0]["title"], "Phone bank for the by-election");
    assert_eq!(list["events"][0]["places_left"], 20);
    let page = app.get(location, None).await;
    assert!(
        page.body.contains("Phone bank for the by-election") && page.body.contains("Hosted")
            || page.body.contains("Host")
    );
}

#[tokio::test]
async fn creating_an_event_needs_an_account_and_good_input() {
    let app = TestApp::spawn().await;
    let form = event_form("Canvass", "10");
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        app.call("/api/events/create", &fields, None)
            .await
            .error_code(),
        "unauthenticated"
    );
    let token = app.signed_in("Sam", "sam@example.org").await;
    let mut bad = form.clone();
    bad.retain(|(k, _)| *k != "capacity");
    bad.push(("capacity", "0".into()));
    let fields: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        app.call("/api/events/create", &fields, Some(&token))
            .await
            .error_field(),
        "capacity"
    );
    assert_eq!(app.count("events").await, 0);
}

#[tokio::test]
async fn a_guest_signs_up_with_consent_recorded_and_gets_a_cancel_link() {
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
        2,
        "one choice per channel, ticked or not"
    );
    assert!(app::outreach::service::consent::has_consent(
        &app.db,
        "gita@example.org",
        app::outreach::service::consent::Channel::Email,
        "party"
    )
    .await
    .unwrap());
    assert!(!app::outreach::service::consent::has_consent(
        &app.db,
        "gita@example.org",
        app::outreach::service::consent::Channel::Sms,
        "party"
    )
    .await
    .unwrap());
    let emails = app::outreach::service::list_outbox_emails(&app.db, 5)
        .await
        .unwrap();
    assert!(
        emails[0].body.contains("/events/cancel/"),
        "{}",
        emails[0].body
    );
}

#[tokio::test]
async fn signing_up_again_updates_and_never_duplicates() {
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
    let emails = app::outreach::service::list_outbox_emails(&app.db, 10)
        .await
        .unwrap();
    let to_guest1 = emails
        .iter()
        .find(|e| e.to_email == "guest1@example.org")
        .unwrap();
    let token = to_guest1.body.split("/events/cancel/").nth(1).unwrap()[..64].to_string();
    let reply = app
        .call("/api/events/cancel", &[("token", &token)], None)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);

    let promoted = app::outreach::service::list_outbox_emails(&app.db, 10)
        .await
        .unwrap();
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
    )
    .await
    .unwrap();
    assert_eq!(detail.slots[0].places_left, Some(0));
}

impl TestApp {
    async fn event_of_slot(&self, slot_id: i32) -> i32 {
        use sea_orm::EntityTrait;
        app::events::entity::event_slot::Entity::find_by_id(slot_id)
            .one(&self.db)
            .await
            .unwrap()
            .unwrap()
            .event_id
    }
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
    let emails = app::outreach::service::list_outbox_emails(&app.db, 10)
        .await
        .unwrap();
    assert!(emails
        .iter()
        .any(|e| e.to_email == "guest1@example.org" && e.subject.starts_with("A place came up")));
    assert_eq!(app.count("signups").await, 1);
}

#[tokio::test]
async fn an_unknown_event_is_a_404_page() {
    let app = TestApp::spawn().await;
    let page = app.get("/events/99999-nothing", None).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
}

async fn create_via_api(
    app: &TestApp,
    token: &str,
    title: &str,
    postcode: &str,
) -> crate::support::Reply {
    let mut form = event_form(title, "");
    form.retain(|(k, _)| *k != "postcode");
    form.push(("postcode", postcode.to_string()));
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.call("/api/events/create", &fields, Some(token)).await
}

#[tokio::test]
async fn events_are_found_near_a_postcode_or_its_first_half() {
    let app = TestApp::spawn().await;
    let token = app.signed_in("Sam", "sam@example.org").await;
    create_via_api(&app, &token, "Manchester canvass", "M4 6DE").await;
    create_via_api(&app, &token, "Leeds canvass", "LS1 4AP").await;
    create_via_api(&app, &token, "London canvass", "SW1A 2JR").await;

    let near_m1 = app
        .call(
            "/api/events/list",
            &[("near", "M1 1AE"), ("within", "10")],
            None,
        )
        .await
        .json();
    let titles: Vec<&str> = near_m1["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Manchester canvass"]);
    assert!(near_m1["events"][0]["distance"]
        .as_str()
        .unwrap()
        .ends_with("miles away"));

    let wider = app
        .call(
            "/api/events/list",
            &[("near", "m1"), ("within", "50")],
            None,
        )
        .await
        .json();
    assert_eq!(
        wider["events"].as_array().unwrap().len(),
        2,
        "Manchester and Leeds are within 50 miles of M1"
    );
}

#[tokio::test]
async fn an_unknown_or_malformed_place_is_a_field_error() {
    let app = TestApp::spawn().await;
    let unknown = app
        .call("/api/events/list", &[("near", "ZZ9 9ZZ")], None)
        .await;
    assert_eq!(unknown.error_field(), "near");
    assert!(unknown.json()["message"]
        .as_str()
        .unwrap()
        .contains("We don't know where"));
    assert_eq!(
        app.call("/api/events/list", &[("near", "hello")], None)
            .await
            .error_field(),
        "near"
    );
    let token = app.signed_in("Sam", "sam@example.org").await;
    assert_eq!(
        create_via_api(&app, &token, "Nowhere", "ZZ9 9ZZ")
            .await
            .error_field(),
        "postcode"
    );
    assert_eq!(app.count("events").await, 0);
}

#[tokio::test]
async fn an_imported_postcode_is_placed_exactly() {
    let app = TestApp::spawn().await;
    let file = std::env::temp_dir().join(format!(
        "mn_codepoint_{}.csv",
        uuid::Uuid::new_v4().simple()
    ));
    std::fs::write(
        &file,
        "\"M1 1AE\",10,384756,398553\nM1 1AD,10,383848,398589\nBAD,90,0,0\n",
    )
    .unwrap();
    let imported = app::places::service::codepoint::import_postcodes(&app.db, &file, |_, _| {})
        .await
        .unwrap();
    assert_eq!(imported, 2);
    let postcode = app::validate::PostcodeUk::parse("postcode", "m11ae").unwrap();
    let exact = app::places::service::lookup::locate_postcode(&app.db, &postcode)
        .await
        .unwrap()
        .unwrap();
    let centre = app::places::service::outward::outward_centroid("M1").unwrap();
    assert_ne!(
        exact, centre,
        "the imported position, not the outward-code centre"
    );
    assert!(
        (exact.latitude - 53.4775).abs() < 0.01 && (exact.longitude + 2.2303).abs() < 0.01,
        "{exact:?}"
    );
    // Importing again updates rather than duplicates.
    app::places::service::codepoint::import_postcodes(&app.db, &file, |_, _| {})
        .await
        .unwrap();
    assert_eq!(app.count("postcodes").await, 2);
}

#[tokio::test]
async fn only_the_host_and_staff_see_attendees_check_them_in_and_download_them() {
    let app = TestApp::spawn().await;
    let host = app.signed_in("Hana Host", "hana@example.org").await;
    let location = create_via_api(&app, &host, "Stall", "M1 1AE")
        .await
        .headers
        .get("location")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let event_id: i32 =
        app::events::model::event_id_from_path_segment(location.trim_start_matches("/events/"))
            .unwrap();
    let slot = app.slot_of(event_id).await;
    sign_up(&app.db, slot, &guest(1), "http://x").await.unwrap();
    let id = event_id.to_string();

    let dashboard = app
        .call("/api/events/dashboard", &[("id", &id)], Some(&host))
        .await
        .json();
    assert_eq!(dashboard["attendees"][0]["email"], "guest1@example.org");
    let signup_id = dashboard["attendees"][0]["signup_id"]
        .as_i64()
        .unwrap()
        .to_string();

    let other = app.signed_in("Nosy Neighbour", "nosy@example.org").await;
    assert_eq!(
        app.call("/api/events/dashboard", &[("id", &id)], Some(&other))
            .await
            .error_code(),
        "forbidden"
    );
    assert_eq!(
        app.call("/api/events/dashboard", &[("id", &id)], None)
            .await
            .error_code(),
        "unauthenticated"
    );
    assert_eq!(
        app.call(
            "/api/events/check-in",
            &[("signup_id", &signup_id)],
            Some(&other)
        )
        .await
        .error_code(),
        "forbidden"
    );
    let staff = app.signed_in_staff().await;
    assert_eq!(
        app.call("/api/events/dashboard", &[("id", &id)], Some(&staff))
            .await
            .status,
        StatusCode::OK
    );

    assert_eq!(
        app.call(
            "/api/events/check-in",
            &[("signup_id", &signup_id)],
            Some(&host)
        )
        .await
        .json(),
        true
    );
    let csv = app
        .get(&format!("/events/{id}/attendees.csv"), Some(&host))
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv
        .headers
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    assert!(
        csv.body
            .starts_with("name,email,phone,status,checked_in,when"),
        "{}",
        csv.body
    );
    assert!(
        csv.body.contains("\"guest1@example.org\"") && csv.body.contains("\"yes\""),
        "{}",
        csv.body
    );
    assert_eq!(
        app.get(&format!("/events/{id}/attendees.csv"), Some(&other))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get(&format!("/events/{id}/attendees.csv"), None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let page = app
        .get(&format!("/events/{id}/dashboard"), Some(&other))
        .await;
    assert!(
        !page.body.contains("guest1@example.org"),
        "attendee data must not reach other people's pages"
    );
}

#[tokio::test]
async fn an_event_downloads_as_a_calendar_file() {
    let app = TestApp::spawn().await;
    let (event_id, _) = event_with_capacity(&app, "5").await;
    let ics = app
        .get(&format!("/events/{event_id}/calendar.ics"), None)
        .await;
    assert_eq!(ics.status, StatusCode::OK);
    assert!(ics
        .headers
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    assert!(
        ics.body.contains("BEGIN:VCALENDAR") && ics.body.contains("BEGIN:VEVENT"),
        "{}",
        ics.body
    );
    assert!(ics.body.contains("SUMMARY:Door knocking"), "{}", ics.body);
    assert!(ics.body.contains("DTSTART:"), "{}", ics.body);
    assert_eq!(
        app.get("/events/424242/calendar.ics", None).await.status,
        StatusCode::NOT_FOUND
    );
}
