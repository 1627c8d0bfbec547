use crate::support::{TestApp, PASSWORD};
use axum::http::StatusCode;

#[tokio::test]
async fn a_person_updates_their_profile() {
    let app = TestApp::spawn().await;
    let token = app.signed_in("Sam", "sam@example.org").await;
    let reply = app
        .call(
            "/api/people/update-profile",
            &[("name", "Sam Patel"), ("postcode", "ls1 4ap")],
            Some(&token),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let me = app.me(Some(&token)).await;
    assert_eq!(me["name"], "Sam Patel");
    assert_eq!(me["postcode"], "LS1 4AP");
}

#[tokio::test]
async fn a_bad_profile_change_is_a_field_error_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let token = app.signed_in("Sam", "sam@example.org").await;
    let reply = app
        .call(
            "/api/people/update-profile",
            &[("name", "Sam Patel"), ("postcode", "XX")],
            Some(&token),
        )
        .await;
    assert_eq!(reply.error_field(), "postcode");
    assert_eq!(app.me(Some(&token)).await["name"], "Sam");
}

#[tokio::test]
async fn deleting_an_account_needs_the_right_password() {
    let app = TestApp::spawn().await;
    let token = app.signed_in("Sam", "sam@example.org").await;
    let reply = app
        .call(
            "/api/people/delete-account",
            &[("password", "not my password")],
            Some(&token),
        )
        .await;
    assert_eq!(reply.error_field(), "password");
    assert_eq!(app.count("people").await, 1);
}

#[tokio::test]
async fn deleting_an_account_removes_everything_about_the_person() {
    let app = TestApp::spawn().await;
    app.create_person("Priya", "priya@example.org").await;
    let token = app.signed_in("Sam", "sam@example.org").await;
    app.call(
        "/api/auth/request-password-reset",
        &[("email", "sam@example.org")],
        None,
    )
    .await;
    let reply = app
        .call(
            "/api/people/delete-account",
            &[("password", PASSWORD)],
            Some(&token),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(app.count("people").await, 1, "only Priya is left");
    assert_eq!(app.count("sessions").await, 0);
    assert_eq!(app.count("password_resets").await, 0);
    assert_eq!(app.count("outbox_emails").await, 0);
    assert!(app.me(Some(&token)).await.is_null());
}

#[tokio::test]
async fn profile_changes_need_a_signed_in_person() {
    let app = TestApp::spawn().await;
    let update = app
        .call(
            "/api/people/update-profile",
            &[("name", "Sam"), ("postcode", "")],
            None,
        )
        .await;
    let delete = app
        .call(
            "/api/people/delete-account",
            &[("password", PASSWORD)],
            None,
        )
        .await;
    assert_eq!(update.error_code(), "unauthenticated");
    assert_eq!(delete.error_code(), "unauthenticated");
}
