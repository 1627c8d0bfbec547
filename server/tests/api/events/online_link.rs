//! An online event's joining link is for the people with a place, and its hosts.

use super::*;
use app::events::{model::EventForm, service::new_event::create_event};

const LINK: &str = "https://meet.example/secret-room";

async fn online_event(app: &TestApp) -> (i32, i32) {
    let host = app.create_person("Hana Host", "hana@example.org").await;
    let date = (Utc::now() + Duration::days(7))
        .with_timezone(&London)
        .format("%Y-%m-%d")
        .to_string();
    let form = EventForm {
        title: "Phone bank briefing".into(),
        description: "On video.".into(),
        kind: "online".into(),
        date,
        start_time: "19:00".into(),
        end_time: "20:00".into(),
        online_url: LINK.into(),
        ..EventForm::default()
    };
    let parsed = NewEvent::parse(&form, Utc::now()).unwrap();
    let event = create_event(&app.db, host, parsed, Publication::Published, None)
        .await
        .unwrap();
    (event.id, host)
}

#[tokio::test]
async fn strangers_never_see_the_joining_link_in_the_page_its_data_or_the_calendar_file() {
    let app = TestApp::spawn().await;
    let (event, _) = online_event(&app).await;
    let stranger = app.signed_in("Sam", "sam@example.org").await;

    let page = app.get(&format!("/events/{event}"), None).await;
    let signed_in_page = app.get(&format!("/events/{event}"), Some(&stranger)).await;
    let data = app
        .call("/api/events/get", &[("id", &event.to_string())], None)
        .await;
    let ics = app
        .get(&format!("/events/{event}/calendar.ics"), None)
        .await;

    assert!(page.body.contains("Phone bank briefing"));
    for body in [&page.body, &signed_in_page.body, &data.body, &ics.body] {
        assert!(!body.contains("secret-room"), "{body}");
    }
}

#[tokio::test]
async fn a_person_with_a_place_sees_the_joining_link() {
    let app = TestApp::spawn().await;
    let (event, _) = online_event(&app).await;
    let slot = app.slot_of(event).await;
    let sam = app.signed_in("Sam", "sam@example.org").await;
    let signed_up = app
        .call(
            "/api/events/sign-up",
            &[("slot_id", &slot.to_string())],
            Some(&sam),
        )
        .await;
    assert!(signed_up.succeeded(), "{}", signed_up.body);

    let data = app
        .call("/api/events/get", &[("id", &event.to_string())], Some(&sam))
        .await;

    assert_eq!(data.json()["online_url"], LINK);
    // Their confirmation email carries it too, with the calendar file and no map.
    let emails = app::mail::list_outbox_emails(&app.db, 5).await.unwrap();
    let mail = emails
        .iter()
        .find(|e| e.to_email == "sam@example.org" && e.subject.starts_with("You're going"))
        .expect("a confirmation email");
    assert!(
        mail.body.contains(&format!("Join online: {LINK}")),
        "{}",
        mail.body
    );
    assert!(
        mail.body.contains(&format!("/events/{event}/calendar.ics")),
        "{}",
        mail.body
    );
    assert!(!mail.body.contains("Map: "), "{}", mail.body);
}
