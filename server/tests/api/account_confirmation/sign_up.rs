//! Opening an account: nobody is signed in until the emailed link is used, and neither
//! sign-up nor sign-in tells whether an address already has an account.

use super::{confirm, confirm_token_sent_to};
use crate::support::{TestApp, PASSWORD};
use app::{auth::service::email_confirmations::CONFIRM_EMAIL_PATH, mail::list_outbox_emails};
use axum::http::StatusCode;

#[tokio::test]
async fn sign_up_emails_a_link_and_only_the_button_confirms_the_address_and_signs_in() {
    let app = TestApp::spawn().await;
    let reply = app
        .call(
            "/api/auth/sign-up",
            &[
                ("name", "Sam Patel"),
                ("email", "sam@example.org"),
                ("password", PASSWORD),
                ("postcode", ""),
            ],
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.session_cookie().is_none(), "not signed in yet");
    let token = confirm_token_sent_to(&app, "sam@example.org")
        .await
        .expect("a confirmation link");

    let page = app.get(&format!("{CONFIRM_EMAIL_PATH}{token}"), None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Confirm my address"), "{}", page.body);
    let unconfirmed = app.sign_in("sam@example.org", PASSWORD).await;
    assert_eq!(
        unconfirmed.status,
        StatusCode::UNAUTHORIZED,
        "opening the link changes nothing (mail scanners follow links), and an unconfirmed \
         account cannot sign in"
    );
    assert!(unconfirmed.session_cookie().is_none());

    let reply = confirm(&app, &token).await;
    assert!(reply.succeeded(), "{}", reply.body);
    let session = reply.session_cookie().expect("signed in by the link");
    let me = app.me(Some(&session)).await;
    assert_eq!(me["email"], "sam@example.org");
    assert_eq!(me["email_confirmed"], true);
    assert!(app.sign_in("sam@example.org", PASSWORD).await.succeeded());
}

#[tokio::test]
async fn sign_up_never_says_whether_an_address_has_an_account() {
    let app = TestApp::spawn().await;
    app.create_person("Sam", "sam@example.org").await;
    let form = |email: &'static str| {
        [
            ("name", "Someone"),
            ("email", email),
            ("password", PASSWORD),
            ("postcode", ""),
        ]
    };
    let taken = app
        .call("/api/auth/sign-up", &form("SAM@example.org"), None)
        .await;
    let new = app
        .call("/api/auth/sign-up", &form("new@example.org"), None)
        .await;
    assert_eq!((taken.status, &taken.body), (new.status, &new.body));
    assert!(taken.session_cookie().is_none() && new.session_cookie().is_none());
    assert_eq!(
        app.count("people").await,
        2,
        "the taken address gained no account"
    );

    // Signing in with the password just chosen tells nothing either.
    let on_taken = app.sign_in("sam@example.org", PASSWORD).await;
    assert!(on_taken.succeeded(), "the owner's own password still works");
    let wrong_on_taken = app.sign_in("sam@example.org", "someone else's pw").await;
    let on_new = app.sign_in("new@example.org", PASSWORD).await;
    assert_eq!(
        (wrong_on_taken.status, &wrong_on_taken.body),
        (on_new.status, &on_new.body)
    );

    // The owner hears of the attempt, with how to sign in; the new address gets its link.
    let to_owner = list_outbox_emails(&app.db, 100)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.to_email == "sam@example.org")
        .expect("an email to the owner");
    assert!(
        to_owner.body.contains("already has one"),
        "{}",
        to_owner.body
    );
    assert!(!to_owner.body.contains(CONFIRM_EMAIL_PATH));
    assert!(confirm_token_sent_to(&app, "new@example.org")
        .await
        .is_some());
}

#[tokio::test]
async fn signing_up_again_or_signing_in_unconfirmed_sends_a_new_link() {
    let app = TestApp::spawn().await;
    let form = [
        ("name", "Sam"),
        ("email", "sam@example.org"),
        ("password", PASSWORD),
        ("postcode", ""),
    ];
    app.call("/api/auth/sign-up", &form, None).await;
    let first = confirm_token_sent_to(&app, "sam@example.org")
        .await
        .unwrap();
    app.call("/api/auth/sign-up", &form, None).await;
    let second = confirm_token_sent_to(&app, "sam@example.org")
        .await
        .unwrap();
    assert_ne!(first, second, "a lost link is sent again");
    app.sign_in("sam@example.org", PASSWORD).await;
    let third = confirm_token_sent_to(&app, "sam@example.org")
        .await
        .unwrap();
    assert_ne!(second, third);
    assert!(confirm(&app, &third).await.succeeded());
    assert!(
        !confirm(&app, &first).await.succeeded(),
        "one use ends the others"
    );
}
