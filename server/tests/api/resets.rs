use crate::support::{TestApp, PASSWORD};
use app::auth::tables::password_reset;
use axum::http::StatusCode;
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// Submits the new-password form of a reset link.
async fn choose_password(app: &TestApp, token: &str, password: &str) -> crate::support::Reply {
    app.call(
        "/api/auth/reset-password",
        &[("token", token), ("password", password)],
        None,
    )
    .await
}

/// Asks for a reset and reads the token from the queued email, as a person reads their inbox.
async fn reset_token_for(app: &TestApp, email: &str) -> String {
    let reply = app
        .call(
            "/api/auth/request-password-reset",
            &[("email", email)],
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let emails = app::mail::list_outbox_emails(&app.db, 10).await.unwrap();
    let body = &emails.first().expect("a reset email").body;
    let start = body.find("/reset-password/").expect("a reset link") + "/reset-password/".len();
    body[start..start + 64].to_string()
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_and_ends_sessions() {
    let app = TestApp::spawn().await;
    let old_session = app.signed_in("Sam", "sam@example.org").await;
    let token = reset_token_for(&app, "sam@example.org").await;
    let reply = choose_password(&app, &token, "a brand new passphrase").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(app.me(Some(&old_session)).await.is_null());
    assert_eq!(
        app.sign_in("sam@example.org", PASSWORD).await.error_code(),
        "wrong_credentials"
    );
    assert_eq!(
        app.sign_in("sam@example.org", "a brand new passphrase")
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn an_unknown_email_gets_the_same_reply_and_no_email() {
    let app = TestApp::spawn().await;
    let reply = app
        .call(
            "/api/auth/request-password-reset",
            &[("email", "nobody@example.org")],
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(app.count("outbox_emails").await, 0);
}

#[tokio::test]
async fn a_malformed_email_is_a_field_error() {
    let app = TestApp::spawn().await;
    let reply = app
        .call(
            "/api/auth/request-password-reset",
            &[("email", "nobody")],
            None,
        )
        .await;
    assert_eq!(reply.error_field(), "email");
}

#[tokio::test]
async fn a_reset_link_works_only_once() {
    let app = TestApp::spawn().await;
    app.create_person("Sam", "sam@example.org").await;
    let token = reset_token_for(&app, "sam@example.org").await;
    choose_password(&app, &token, "a brand new passphrase").await;
    let again = choose_password(&app, &token, "another new passphrase").await;
    assert_eq!(again.error_field(), "token");
    assert_eq!(
        app.sign_in("sam@example.org", "a brand new passphrase")
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn using_one_reset_link_ends_the_others_still_in_the_inbox() {
    let app = TestApp::spawn().await;
    app.create_person("Sam", "sam@example.org").await;
    let older = reset_token_for(&app, "sam@example.org").await;
    let newer = reset_token_for(&app, "sam@example.org").await;
    assert_ne!(older, newer);

    choose_password(&app, &newer, "a brand new passphrase").await;
    let with_older = choose_password(&app, &older, "an attacker's passphrase").await;

    assert_eq!(with_older.error_field(), "token");
    assert_eq!(
        app.sign_in("sam@example.org", "a brand new passphrase")
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn an_expired_or_forged_reset_link_is_refused() {
    let app = TestApp::spawn().await;
    let id = app.create_person("Sam", "sam@example.org").await;
    let token = reset_token_for(&app, "sam@example.org").await;
    password_reset::Entity::update_many()
        .col_expr(
            password_reset::Column::ExpiresAt,
            (Utc::now() - Duration::minutes(1)).into(),
        )
        .filter(password_reset::Column::PersonId.eq(id))
        .exec(&app.db)
        .await
        .unwrap();
    let expired = choose_password(&app, &token, "a brand new passphrase").await;
    assert_eq!(expired.error_field(), "token");
    let forged = choose_password(&app, &"0".repeat(64), "a brand new passphrase").await;
    assert_eq!(forged.error_field(), "token");
    assert_eq!(
        app.sign_in("sam@example.org", PASSWORD).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_weak_new_password_is_a_field_error_and_keeps_the_link() {
    let app = TestApp::spawn().await;
    app.create_person("Sam", "sam@example.org").await;
    let token = reset_token_for(&app, "sam@example.org").await;
    let weak = choose_password(&app, &token, "short").await;
    assert_eq!(weak.error_field(), "password");
    let retry = choose_password(&app, &token, "a brand new passphrase").await;
    assert_eq!(retry.status, StatusCode::OK, "{}", retry.body);
}
