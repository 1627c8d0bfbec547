use super::*;
use axum::http::StatusCode;

#[tokio::test]
async fn a_signed_in_person_creates_an_event_and_it_is_listed() {
    let app = TestApp::spawn().await;
    let token = app.signed_in("Sam", "sam@example.org").await;
    let form = event_form("Phone bank for the by-election", "20");
    let fields = as_fields(&form);
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
    let fields = as_fields(&form);
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
async fn an_unknown_event_is_a_404_page() {
    let app = TestApp::spawn().await;
    let page = app.get("/events/99999-nothing", None).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
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

#[tokio::test]
async fn a_weekly_events_card_shows_its_next_date_not_its_first() {
    use app::{
        events::{
            service::catalogue::cards_for,
            tables::{event, event_slot},
        },
        format::format_when,
    };
    use chrono::{Duration, Utc};
    use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};

    let app = TestApp::spawn().await;
    let (event_id, slot_id) = event_with_capacity(&app, "").await;
    // The first week has been and gone; the next is in six days.
    let first = Utc::now() - Duration::days(1);
    let next = first + Duration::days(7);
    let slot = event_slot::Entity::find_by_id(slot_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut past = slot.clone().into_active_model();
    past.starts_at = Set(first);
    past.ends_at = Set(first + Duration::hours(2));
    past.update(&app.db).await.unwrap();
    let mut later = slot.into_active_model();
    later.id = sea_orm::ActiveValue::NotSet;
    later.starts_at = Set(next);
    later.ends_at = Set(next + Duration::hours(2));
    later.insert(&app.db).await.unwrap();
    let mut row = event::Entity::find_by_id(event_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    row.starts_at = Set(first);
    let row = row.update(&app.db).await.unwrap();

    let cards = cards_for(&app.db, vec![row]).await.unwrap();
    assert_eq!(cards[0].when, format_when(next));
    assert_ne!(cards[0].when, format_when(first));
}
