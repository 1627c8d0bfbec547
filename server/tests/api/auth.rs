use crate::support::{TestApp, PASSWORD};
use app::auth::tables::session;
use axum::http::StatusCode;
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

#[tokio::test]
async fn sign_up_creates_an_account_that_the_emailed_link_signs_in() {
    let app = TestApp::spawn().await;
    let reply = app
        .call(
            "/api/auth/sign-up",
            &[
                ("name", "Sam Patel"),
                ("email", "Sam@Example.org"),
                ("password", PASSWORD),
                ("postcode", "m1 1ae"),
            ],
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.session_cookie().is_none());
    let reply = confirm_from_inbox(&app, "sam@example.org").await;
    let cookie = reply.session_cookie().expect("a session cookie");
    let header = reply.set_cookie_header();
    assert!(
        header.contains("HttpOnly") && header.contains("SameSite=Lax"),
        "{header}"
    );
    let me = app.me(Some(&cookie)).await;
    assert_eq!(me["email"], "sam@example.org");
    assert_eq!(me["postcode"], "M1 1AE");
}

/// Presses "Confirm my address" for the newest link emailed to `email`.
async fn confirm_from_inbox(app: &TestApp, email: &str) -> crate::support::Reply {
    let path = app::auth::service::email_confirmations::CONFIRM_EMAIL_PATH;
    let token = app::mail::list_outbox_emails(&app.db, 100)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.to_email == email)
        .find_map(|e| Some(e.body.split_once(path)?.1[..64].to_string()))
        .expect("a confirmation link");
    app.call("/api/auth/confirm-email", &[("token", &token)], None)
        .await
}

#[tokio::test]
async fn sign_up_with_bad_input_names_the_field_and_saves_nothing() {
    let app = TestApp::spawn().await;
    let cases = [
        (("", "sam@example.org", PASSWORD, ""), "name"),
        (("Sam", "not-an-email", PASSWORD, ""), "email"),
        (("Sam", "sam@example.org", "short", ""), "password"),
        (
            ("Sam", "sam@example.org", PASSWORD, "NOT A CODE"),
            "postcode",
        ),
    ];
    for ((name, email, password, postcode), field) in cases {
        let reply = app
            .call(
                "/api/auth/sign-up",
                &[
                    ("name", name),
                    ("email", email),
                    ("password", password),
                    ("postcode", postcode),
                ],
                None,
            )
            .await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            reply.body
        );
        assert_eq!(reply.error_code(), "invalid");
        assert_eq!(reply.error_field(), field);
    }
    assert_eq!(app.count("people").await, 0);
}

#[tokio::test]
async fn wrong_password_and_unknown_email_get_the_same_answer() {
    let app = TestApp::spawn().await;
    app.create_person("Sam", "sam@example.org").await;
    let wrong = app.sign_in("sam@example.org", "not the password").await;
    let unknown = app.sign_in("nobody@example.org", PASSWORD).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.body, unknown.body);
    assert_eq!(wrong.error_code(), "wrong_credentials");
    assert!(wrong.session_cookie().is_none());
}

#[tokio::test]
async fn signing_in_rotates_the_session_id() {
    let app = TestApp::spawn().await;
    let first = app.signed_in("Sam", "sam@example.org").await;
    let reply = app
        .call(
            "/api/auth/sign-in",
            &[("email", "sam@example.org"), ("password", PASSWORD)],
            Some(&first),
        )
        .await;
    let second = reply.session_cookie().expect("new session");
    assert_ne!(first, second);
    assert!(
        app.me(Some(&first)).await.is_null(),
        "the old session must be ended"
    );
    assert_eq!(app.me(Some(&second)).await["email"], "sam@example.org");
}

#[tokio::test]
async fn a_forged_session_is_not_signed_in() {
    let app = TestApp::spawn().await;
    app.signed_in("Sam", "sam@example.org").await;
    let forged = "f".repeat(64);
    assert!(app.me(Some(&forged)).await.is_null());
    let reply = app
        .call(
            "/api/people/update-profile",
            &[("name", "Mallory"), ("postcode", "")],
            Some(&forged),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.error_code(), "unauthenticated");
}

#[tokio::test]
async fn an_expired_session_is_refused() {
    let app = TestApp::spawn().await;
    let token = app.signed_in("Sam", "sam@example.org").await;
    session::Entity::update_many()
        .col_expr(
            session::Column::ExpiresAt,
            (Utc::now() - Duration::minutes(1)).into(),
        )
        .filter(session::Column::Id.gt(0))
        .exec(&app.db)
        .await
        .unwrap();
    assert!(app.me(Some(&token)).await.is_null());
    let reply = app
        .call(
            "/api/people/update-profile",
            &[("name", "Sam"), ("postcode", "")],
            Some(&token),
        )
        .await;
    assert_eq!(reply.error_code(), "unauthenticated");
}

#[tokio::test]
async fn signing_out_ends_the_session() {
    let app = TestApp::spawn().await;
    let token = app.signed_in("Sam", "sam@example.org").await;
    let reply = app.call("/api/auth/sign-out", &[], Some(&token)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.set_cookie_header().contains("Max-Age=0"));
    assert!(app.me(Some(&token)).await.is_null());
    assert_eq!(app.count("sessions").await, 0);
}

#[tokio::test]
async fn a_cross_site_post_is_refused() {
    let app = TestApp::spawn().await;
    let request = axum::http::Request::post("/api/auth/sign-in")
        .header("host", crate::support::HOST)
        .header("origin", "https://evil.example")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(axum::body::Body::from("email=a%40b.org&password=x"))
        .unwrap();
    assert_eq!(app.send(request).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn behind_https_the_session_cookie_is_secure() {
    let app = TestApp::spawn_with_public_url("https://members.example.org").await;
    app.call(
        "/api/auth/sign-up",
        &[
            ("name", "Sam"),
            ("email", "sam@example.org"),
            ("password", PASSWORD),
            ("postcode", ""),
        ],
        None,
    )
    .await;
    let reply = confirm_from_inbox(&app, "sam@example.org").await;
    assert!(
        reply.set_cookie_header().contains("; Secure"),
        "{}",
        reply.set_cookie_header()
    );
}
