//! Places under pressure: edits that may not drop below the people already going, a host
//! lowering them while people sign up, and a stored status nobody knows.

use super::super::*;
use super::{hosted_event, outbox_subjects};
use axum::http::StatusCode;

#[tokio::test]
async fn lowering_places_while_people_sign_up_never_leaves_more_people_than_places() {
    let app = TestApp::spawn().await;
    let host = app.signed_in("Hana Host", "hana@example.org").await;
    let id = hosted_event(&app, &host, "20").await;
    let slot = app.slot_of(id).await;
    for round in 0..4 {
        // Each round: 12 sign-ups race an edit to 8 places, then the places go back up.
        let signups: Vec<_> = (0..12)
            .map(|n| {
                let db = app.db.clone();
                tokio::spawn(async move {
                    sign_up(&db, slot, &guest(100 * round + n), "http://x").await
                })
            })
            .collect();
        let mut lower = event_form("Street stall", &(8 + 12 * round).to_string());
        lower.push(("id", id.to_string()));
        let edit = app
            .call("/api/events/update", &as_fields(&lower), Some(&host))
            .await;
        assert!(
            edit.status.is_success()
                || edit.status.is_redirection()
                || edit.error_field() == "capacity",
            "an edit either saves or names the capacity: {}",
            edit.body
        );
        for task in signups {
            task.await.unwrap().expect("every sign-up is answered");
        }
        let (capacity, counted, confirmed) = places(&app, slot).await;
        assert!(
            confirmed <= capacity,
            "round {round}: {confirmed} confirmed for {capacity} places"
        );
        assert_eq!(
            counted, confirmed,
            "round {round}: the counter matches the rows"
        );
        let mut raise = event_form("Street stall", &(20 + 12 * (round + 1)).to_string());
        raise.push(("id", id.to_string()));
        app.call("/api/events/update", &as_fields(&raise), Some(&host))
            .await;
    }
}

/// (capacity, confirmed_count, confirmed rows) of `slot`.
async fn places(app: &TestApp, slot: i32) -> (i32, i32, i32) {
    use app::events::{
        model::SignUpStatus,
        tables::{event_slot, signup},
    };
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    let found = event_slot::Entity::find_by_id(slot)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let rows = signup::Entity::find()
        .filter(signup::Column::SlotId.eq(slot))
        .filter(signup::Column::Status.eq(SignUpStatus::Confirmed))
        .count(&app.db)
        .await
        .unwrap();
    (
        found.capacity.unwrap_or(i32::MAX),
        found.confirmed_count,
        rows as i32,
    )
}

#[tokio::test]
async fn a_sign_up_whose_stored_status_is_unknown_is_an_error_not_a_place() {
    use sea_orm::ConnectionTrait;
    let app = TestApp::spawn().await;
    let host = app.signed_in("Hana Host", "hana@example.org").await;
    let id = hosted_event(&app, &host, "5").await;
    let slot = app.slot_of(id).await;
    sign_up(&app.db, slot, &guest(1), "http://x").await.unwrap();
    let form = [("id", id.to_string())];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let dashboard = || app.call("/api/events/dashboard", &form, Some(&host));
    assert!(dashboard().await.succeeded());
    app.db
        .execute_unprepared("UPDATE signups SET status = 'confirmd'")
        .await
        .unwrap();
    let broken = dashboard().await;
    assert!(
        !broken.succeeded(),
        "an unknown status is never read as a place: {}",
        broken.body
    );
}

#[tokio::test]
async fn editing_guards_places_and_promotes_the_waitlist_when_they_grow() {
    let app = TestApp::spawn().await;
    let host = app.signed_in("Hana Host", "hana@example.org").await;
    let id = hosted_event(&app, &host, "2").await;
    let slot = app.slot_of(id).await;
    for n in 1..=3 {
        sign_up(&app.db, slot, &guest(n), "http://x").await.unwrap();
    }
    let edit = |capacity: &'static str, title: &'static str| {
        let mut form = event_form(title, capacity);
        form.push(("id", id.to_string()));
        form
    };
    let send = |form: Vec<(&'static str, String)>| {
        let app = &app;
        let host = host.clone();
        async move {
            let fields = as_fields(&form);
            app.call("/api/events/update", &fields, Some(&host)).await
        }
    };
    let too_few = send(edit("1", "Street stall")).await;
    assert_eq!(too_few.error_field(), "capacity");
    assert!(
        too_few.json()["message"]
            .as_str()
            .unwrap_or_default()
            .contains("2 people")
            || too_few.body.contains("2 people")
    );

    let saved = send(edit("3", "Bigger street stall")).await;
    assert!(
        saved.status.is_redirection() || saved.status == StatusCode::OK,
        "{}",
        saved.body
    );
    let detail = app
        .call("/api/events/get", &[("id", &id.to_string())], None)
        .await
        .json();
    assert_eq!(detail["card"]["title"], "Bigger street stall");
    assert_eq!(
        detail["slots"][0]["places_left"], 0,
        "the waitlisted guest got the new place"
    );
    assert!(outbox_subjects(&app, "guest3@example.org")
        .await
        .iter()
        .any(|s| s.starts_with("A place came up")));
}
