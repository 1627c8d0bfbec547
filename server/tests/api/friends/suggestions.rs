//! Suggestions through the server function: order, reasons, exclusions and the fallback.

use super::{befriend, person, sign_up, TestApp};
use crate::events::event_with_capacity;
use app::events::{model::EventStatus, tables::event};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

fn ids_and_reasons(reply: &serde_json::Value) -> Vec<(i64, String)> {
    reply["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["card"]["id"].as_i64().unwrap(),
                i["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Ann, living at M1 1AE, with Bob as a friend (so the popular events someone without
/// friends gets stay out of her suggestions).
async fn ann_in_manchester_with_bob(app: &TestApp) -> ((i32, String), (i32, String)) {
    let ann = person(app, "Ann Able", "ann@example.org").await;
    let bob = person(app, "Bob Baker", "bob@example.org").await;
    befriend(app, &ann, &bob).await;
    let home = app
        .call(
            "/api/people/update-profile",
            &[("name", "Ann Able"), ("postcode", "M1 1AE")],
            Some(&ann.1),
        )
        .await;
    assert!(home.succeeded(), "{}", home.body);
    (ann, bob)
}

/// Ann, with Bob and Cat as friends who share their sign-ups.
async fn ann_and_two_friends(app: &TestApp) -> ((i32, String), (i32, String), (i32, String)) {
    let ann = person(app, "Ann Able", "ann@example.org").await;
    let bob = person(app, "Bob Baker", "bob@example.org").await;
    let cat = person(app, "Cat Carter", "cat@example.org").await;
    befriend(app, &ann, &bob).await;
    befriend(app, &ann, &cat).await;
    (ann, bob, cat)
}

#[tokio::test]
async fn events_more_friends_go_to_come_first_with_their_reasons() {
    let app = TestApp::spawn().await;
    let (ann, bob, cat) = ann_and_two_friends(&app).await;
    let (both, _) = event_with_capacity(&app, "").await;
    let (one, _) = event_with_capacity(&app, "").await;
    let (mine, _) = event_with_capacity(&app, "").await;
    sign_up(&app, &bob, both).await;
    sign_up(&app, &cat, both).await;
    sign_up(&app, &bob, one).await;
    sign_up(&app, &ann, mine).await;
    sign_up(&app, &bob, mine).await;

    let reply = app
        .call("/api/events/suggested", &[], Some(&ann.1))
        .await
        .json();
    let got = ids_and_reasons(&reply);
    assert_eq!(
        got[0],
        (
            both as i64,
            "Bob Baker and Cat Carter are going".to_string()
        )
    );
    assert_eq!(got[1], (one as i64, "Bob Baker is going".to_string()));
    assert!(
        got.iter().all(|(id, _)| *id != mine as i64),
        "not events Ann is going to"
    );
    assert_eq!(reply["has_friends"], true);
}

/// Only the 200 events most friends are going to are looked at: an event two friends are
/// going to is kept ahead of 200 earlier-made ones at the same time with one.
#[tokio::test]
async fn the_event_most_friends_go_to_survives_the_cut_of_friends_events() {
    use crate::events::event_hosted_by;
    let app = TestApp::spawn().await;
    let (ann, bob, cat) = ann_and_two_friends(&app).await;
    let host = app.create_person("Hosting Hana", "hana@example.org").await;
    // All at the same time, so only the friends' count puts the last one first.
    let mut last = 0;
    for _ in 0..201 {
        last = event_hosted_by(&app, host, "").await.0;
        sign_up(&app, &bob, last).await;
    }
    sign_up(&app, &cat, last).await;

    let reply = app
        .call("/api/events/suggested", &[("limit", "3")], Some(&ann.1))
        .await
        .json();
    let got = ids_and_reasons(&reply);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(
        got[0],
        (
            last as i64,
            "Bob Baker and Cat Carter are going".to_string()
        )
    );
    assert_eq!(got[1].1, "Bob Baker is going");
}

#[tokio::test]
async fn someone_without_friends_gets_popular_events_and_is_told_how_to_add_friends() {
    let app = TestApp::spawn().await;
    let loner = person(&app, "Lou Loner", "lou@example.org").await;
    let crowd = person(&app, "Cara Crowd", "cara@example.org").await;
    let (popular, _) = event_with_capacity(&app, "").await;
    sign_up(&app, &crowd, popular).await;
    let reply = app
        .call("/api/events/suggested", &[], Some(&loner.1))
        .await
        .json();
    assert_eq!(reply["has_friends"], false);
    assert_eq!(
        ids_and_reasons(&reply)[0],
        (popular as i64, "1 person going".to_string())
    );
    let page = app.get("/events/suggested", Some(&loner.1)).await;
    assert!(page.body.contains("Add friends"));
}

/// Events near the person's postcode are suggested with how far away they are; an event
/// its host moves here from London is found at its new place.
#[tokio::test]
async fn events_near_home_are_suggested_wherever_their_host_moves_them() {
    use crate::events::{as_fields, create_via_api, event_form, event_id_of};
    let app = TestApp::spawn().await;
    let (ann, _bob) = ann_in_manchester_with_bob(&app).await;
    let host = app.signed_in("Hana Host", "hana@example.org").await;
    let near = event_id_of(&create_via_api(&app, &host, "Manchester canvass", "M4 6DE").await);
    let moving = event_id_of(&create_via_api(&app, &host, "Travelling stall", "SW1A 2JR").await);
    let suggested = || async {
        ids_and_reasons(
            &app.call("/api/events/suggested", &[], Some(&ann.1))
                .await
                .json(),
        )
    };

    let before = suggested().await;
    assert_eq!(before.len(), 1, "{before:?}");
    assert_eq!(before[0].0, near as i64);
    assert!(before[0].1.ends_with("miles away"), "{before:?}");

    let mut moved = event_form("Travelling stall", "");
    moved.retain(|(k, _)| *k != "postcode");
    moved.push(("postcode", "M4 6DE".to_string()));
    moved.push(("id", moving.to_string()));
    let reply = app
        .call("/api/events/update", &as_fields(&moved), Some(&host))
        .await;
    assert!(reply.succeeded(), "{}", reply.body);
    let after: Vec<i64> = suggested().await.into_iter().map(|(id, _)| id).collect();
    assert!(after.contains(&(moving as i64)), "{after:?}");
}

/// A friend going to an event 160 miles away is no reason to suggest it to a Manchester
/// member; the same friend at an event in Manchester puts it first.
#[tokio::test]
async fn a_friends_event_out_of_reach_is_not_suggested_and_a_near_one_leads() {
    use crate::events::{create_via_api, event_id_of};
    let app = TestApp::spawn().await;
    let (ann, bob) = ann_in_manchester_with_bob(&app).await;
    let host = app.signed_in("Hana Host", "hana@example.org").await;
    let london = event_id_of(&create_via_api(&app, &host, "London rally", "SW1A 2JR").await);
    let with_bob = event_id_of(&create_via_api(&app, &host, "Ancoats canvass", "M4 6DE").await);
    let without = event_id_of(&create_via_api(&app, &host, "Piccadilly stall", "M1 1AE").await);
    sign_up(&app, &bob, london).await;
    sign_up(&app, &bob, with_bob).await;

    let got = ids_and_reasons(
        &app.call("/api/events/suggested", &[], Some(&ann.1))
            .await
            .json(),
    );
    let ids: Vec<i64> = got.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, [with_bob as i64, without as i64], "{got:?}");
    assert!(got[0].1.starts_with("Bob Baker is going · "), "{got:?}");
}

/// The home page's part, in one call: at most three suggestions, and the friends' ten
/// latest sign-ups to published events, newest first, each naming the friend and event.
#[tokio::test]
async fn for_you_gives_three_suggestions_and_the_friends_ten_latest_sign_ups() {
    let app = TestApp::spawn().await;
    let (ann, bob, cat) = ann_and_two_friends(&app).await;
    let mut events = Vec::new();
    for _ in 0..12 {
        events.push(event_with_capacity(&app, "").await.0);
    }
    for (n, event) in events.iter().enumerate() {
        let friend = if n % 2 == 0 { &bob } else { &cat };
        sign_up(&app, friend, *event).await;
    }

    // The latest sign-up's event is cancelled: it leaves the activity, and the sign-up
    // before the ten takes its place.
    let cancelled = *events.last().unwrap();
    event::Entity::update_many()
        .col_expr(event::Column::Status, EventStatus::Cancelled.into())
        .filter(event::Column::Id.eq(cancelled))
        .exec(&app.db)
        .await
        .unwrap();

    let reply = app.call("/api/for-you", &[], Some(&ann.1)).await;
    assert!(reply.succeeded(), "{}", reply.body);
    let reply = reply.json();
    assert_eq!(ids_and_reasons(&reply["suggestions"]).len(), 3);
    let activity: Vec<(String, String)> = reply["activity"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            (
                item["friend_name"].as_str().unwrap().to_string(),
                item["event_path"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = events
        .iter()
        .enumerate()
        .rev()
        .skip(1)
        .take(10)
        .map(|(n, event)| {
            let name = if n % 2 == 0 {
                "Bob Baker"
            } else {
                "Cat Carter"
            };
            (name.to_string(), format!("/events/{event}-door-knocking"))
        })
        .collect();
    assert_eq!(
        activity, expected,
        "the ten latest to published events, newest first"
    );

    let page = app.get("/", Some(&ann.1)).await;
    assert!(
        page.body.contains("Your friends are going"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Cat Carter signed up to"));

    let stranger = person(&app, "Sid Stranger", "sid@example.org").await;
    let reply = app
        .call("/api/for-you", &[], Some(&stranger.1))
        .await
        .json();
    assert_eq!(
        reply["activity"],
        serde_json::json!([]),
        "no friends, no activity"
    );
    let visitor = app.call("/api/for-you", &[], None).await;
    assert!(!visitor.succeeded(), "a visitor has nothing for them");
}
