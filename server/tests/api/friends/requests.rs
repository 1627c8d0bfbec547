//! Requests, answers, removal and blocks through the server functions.

use super::{person, TestApp};
use axum::http::StatusCode;

#[tokio::test]
async fn asking_someone_who_asked_you_makes_you_friends_in_one_row() {
    let app = TestApp::spawn().await;
    let ann = person(&app, "Ann Able", "ann@example.org").await;
    let bob = person(&app, "Bob Baker", "bob@example.org").await;
    assert!(app
        .call(
            "/api/friends/request",
            &[("person_id", &bob.0.to_string())],
            Some(&ann.1)
        )
        .await
        .succeeded());
    let again = app
        .call(
            "/api/friends/request",
            &[("person_id", &bob.0.to_string())],
            Some(&ann.1),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(app
        .call(
            "/api/friends/request",
            &[("person_id", &ann.0.to_string())],
            Some(&bob.1)
        )
        .await
        .succeeded());
    assert_eq!(app.count("friendships").await, 1);
    let view = app.call("/api/friends/get", &[], Some(&ann.1)).await.json();
    assert_eq!(view["friends"][0]["name"], "Bob Baker");
    assert!(view["sharing"].is_null(), "no answer is chosen for them");
}

#[tokio::test]
async fn declining_and_removing_end_the_row() {
    let app = TestApp::spawn().await;
    let ann = person(&app, "Ann Able", "ann@example.org").await;
    let bob = person(&app, "Bob Baker", "bob@example.org").await;
    app.call(
        "/api/friends/request",
        &[("person_id", &bob.0.to_string())],
        Some(&ann.1),
    )
    .await;
    // Only the person asked can answer.
    let own = app
        .call(
            "/api/friends/answer",
            &[("person_id", &bob.0.to_string()), ("answer", "accept")],
            Some(&ann.1),
        )
        .await;
    assert_eq!(own.status, StatusCode::NOT_FOUND);
    app.call(
        "/api/friends/answer",
        &[("person_id", &ann.0.to_string()), ("answer", "decline")],
        Some(&bob.1),
    )
    .await;
    assert_eq!(app.count("friendships").await, 0);
    super::befriend(&app, &ann, &bob).await;
    app.call(
        "/api/friends/remove",
        &[("person_id", &ann.0.to_string())],
        Some(&bob.1),
    )
    .await;
    assert_eq!(app.count("friendships").await, 0);
}

#[tokio::test]
async fn a_blocked_person_cannot_ask_again_or_find_the_blocker() {
    let app = TestApp::spawn().await;
    let ann = person(&app, "Ann Able", "ann@example.org").await;
    let pest = person(&app, "Pat Pest", "pat@example.org").await;
    super::befriend(&app, &ann, &pest).await;
    assert!(app
        .call(
            "/api/friends/block",
            &[("person_id", &pest.0.to_string())],
            Some(&ann.1)
        )
        .await
        .succeeded());
    assert_eq!(
        app.count("friendships").await,
        0,
        "blocking ends the friendship"
    );
    let again = app
        .call(
            "/api/friends/request",
            &[("person_id", &ann.0.to_string())],
            Some(&pest.1),
        )
        .await;
    assert_eq!(again.status, StatusCode::FORBIDDEN);
    let found = app
        .call(
            "/api/friends/find",
            &[("q", "ann@example.org")],
            Some(&pest.1),
        )
        .await
        .json();
    assert_eq!(found.as_array().unwrap().len(), 0);
    app.call(
        "/api/friends/unblock",
        &[("person_id", &pest.0.to_string())],
        Some(&ann.1),
    )
    .await;
    let found = app
        .call(
            "/api/friends/find",
            &[("q", "ann@example.org")],
            Some(&pest.1),
        )
        .await
        .json();
    assert_eq!(found[0]["relation"], "Stranger");
}

#[tokio::test]
async fn people_are_found_by_exact_email_or_by_name_in_shared_groups_only() {
    let app = TestApp::spawn().await;
    let ann = person(&app, "Ann Able", "ann@example.org").await;
    let cat = person(&app, "Cat Carter", "cat@example.org").await;
    let by_name = app
        .call("/api/friends/find", &[("q", "Carter")], Some(&ann.1))
        .await
        .json();
    assert_eq!(
        by_name.as_array().unwrap().len(),
        0,
        "not in a group together"
    );
    let group = crate::groups::group_owned_by(&app, ann.0, "Shared group", "open").await;
    app.call(
        "/api/groups/join",
        &[("group_id", &group.to_string())],
        Some(&cat.1),
    )
    .await;
    let by_name = app
        .call("/api/friends/find", &[("q", "carter")], Some(&ann.1))
        .await
        .json();
    assert_eq!(by_name[0]["person"]["name"], "Cat Carter");
    let short = app
        .call("/api/friends/find", &[("q", "c")], Some(&ann.1))
        .await;
    assert_eq!(short.error_field(), "q");
}

#[tokio::test]
async fn friend_server_functions_need_a_signed_in_person() {
    let app = TestApp::spawn().await;
    for (path, form) in [
        ("/api/friends/get", vec![]),
        ("/api/friends/find", vec![("q", "ann")]),
        ("/api/friends/request", vec![("person_id", "1")]),
        (
            "/api/friends/answer",
            vec![("person_id", "1"), ("answer", "accept")],
        ),
        ("/api/friends/remove", vec![("person_id", "1")]),
        ("/api/friends/block", vec![("person_id", "1")]),
        ("/api/friends/unblock", vec![("person_id", "1")]),
        ("/api/friends/sharing", vec![("sharing", "friends")]),
        (
            "/api/friends/invite",
            vec![("invite_email", "x@example.org")],
        ),
        ("/api/friends/invite/accept", vec![("token", "x")]),
        ("/api/events/suggested", vec![]),
    ] {
        let reply = app.call(path, &form, None).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{path}");
    }
}

#[tokio::test]
async fn an_emailed_invitation_makes_friends_when_accepted() {
    let app = TestApp::spawn().await;
    let ann = person(&app, "Ann Able", "ann@example.org").await;
    assert!(app
        .call(
            "/api/friends/invite",
            &[("invite_email", "newbie@example.org")],
            Some(&ann.1)
        )
        .await
        .succeeded());
    let staff = app.signed_in_staff().await;
    let outbox = app
        .call("/api/outreach/outbox", &[], Some(&staff))
        .await
        .json();
    let body = outbox[0]["body"].as_str().unwrap().to_string();
    let token = body
        .split("/friends/invite/")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    let newbie = person(&app, "Nina New", "newbie@example.org").await;
    assert_eq!(
        app.call("/api/friends/invite/get", &[("token", &token)], None)
            .await
            .json(),
        "Ann Able"
    );
    assert!(app
        .call(
            "/api/friends/invite/accept",
            &[("token", &token)],
            Some(&newbie.1)
        )
        .await
        .succeeded());
    let view = app
        .call("/api/friends/get", &[], Some(&newbie.1))
        .await
        .json();
    assert_eq!(view["friends"][0]["name"], "Ann Able");
}
