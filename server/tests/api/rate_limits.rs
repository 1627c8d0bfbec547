//! Everything that sends email on a stranger's say-so is limited, with a clear 429.

use crate::support::TestApp;
use axum::http::StatusCode;

#[tokio::test]
async fn a_fourth_reset_email_to_one_address_within_the_hour_is_refused() {
    let app = TestApp::spawn().await;
    app.create_person("Sam", "sam@example.org").await;
    let request = |address: &'static str| {
        let app = &app;
        async move {
            app.call_from(
                "/api/auth/request-password-reset",
                &[("email", "sam@example.org")],
                None,
                address,
            )
            .await
        }
    };
    for address in ["198.51.100.1", "198.51.100.2", "198.51.100.3"] {
        assert!(request(address).await.succeeded());
    }

    let fourth = request("198.51.100.4").await;

    assert_eq!(fourth.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(fourth.error_code(), "rate_limited");
    assert_eq!(app.count("password_resets").await, 3);
}

#[tokio::test]
async fn parallel_reset_requests_send_no_more_than_the_allowance() {
    let app = TestApp::spawn().await;
    app.create_person("Sam", "sam@example.org").await;
    let calls = (0..25).map(|_| {
        app.call(
            "/api/auth/request-password-reset",
            &[("email", "sam@example.org")],
            None,
        )
    });

    let replies = futures::future::join_all(calls).await;

    let refused = replies
        .iter()
        .filter(|r| r.status == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!(refused, 22);
    assert_eq!(app.count("password_resets").await, 3);
}

#[tokio::test]
async fn friend_invitations_are_limited_per_account() {
    let app = TestApp::spawn().await;
    let sam = app.signed_in("Sam", "sam@example.org").await;
    for n in 0..30 {
        let email = format!("friend{n}@example.org");
        let reply = app
            .call(
                "/api/friends/invite",
                &[("invite_email", &email)],
                Some(&sam),
            )
            .await;
        assert_ne!(reply.status, StatusCode::TOO_MANY_REQUESTS, "{n}");
    }

    let over = app
        .call(
            "/api/friends/invite",
            &[("invite_email", "one-more@example.org")],
            Some(&sam),
        )
        .await;

    assert_eq!(over.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(over.json()["retry_after_minutes"].as_u64().unwrap() >= 1);
}
