//! Unsubscribing: one click from the mail client (RFC 8058) or the page from the footer
//! link, with no sign-in; consent for that scope is withdrawn and the next send skips.

use super::{
    consent, deliver_all, draft, member, no_texts, official_group, send, statuses, TestApp,
};
use app::{
    consent::model::{Channel, PARTY_SCOPE},
    mail::mailer::LogMailer,
    outreach::{
        service::unsubscribe::{signing_key, token_for},
        tables::message_delivery,
    },
};
use axum::{
    body::Body,
    http::{header, Request, StatusCode},
};
use chrono::Utc;
use sea_orm::EntityTrait;

#[tokio::test]
async fn one_click_unsubscribe_withdraws_consent_for_the_group_only() {
    let sender = official_group().await;
    let app = &sender.app;
    let ann = member(&sender, "Ann Able", "ann@example.org").await;
    consent(app, &ann, Channel::Email, PARTY_SCOPE, true, None).await;
    let id = draft(
        &sender,
        "email",
        &[
            ("subject", "Hi"),
            ("body", "Hello {{first_name}}"),
            ("audience", "members"),
        ],
    )
    .await;
    assert!(send(&sender, id).await.succeeded());
    deliver_all(app, &LogMailer, &no_texts(), Utc::now()).await;
    let (delivery, token) = first_delivery_and_link(app).await;
    // A forged token is refused.
    let forged = format!("{}-000000000000000000000000", delivery.id);
    let post = |token: String| {
        Request::post(format!("/unsubscribe/{token}/one-click"))
            .header(header::HOST, "127.0.0.1:3000")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from("List-Unsubscribe=One-Click"))
            .unwrap()
    };
    assert_eq!(app.send(post(forged)).await.status, StatusCode::NOT_FOUND);
    let page = app.get(&format!("/unsubscribe/{token}"), None).await;
    assert!(page.body.contains("a***@example.org"), "{}", page.body);
    assert_eq!(app.send(post(token.clone())).await.status, StatusCode::OK);
    let page = app.get(&format!("/unsubscribe/{token}"), None).await;
    assert!(page.body.contains("no more emails"), "{}", page.body);
    // Still on the party's list, but not this group's.
    assert!(
        app::consent::service::has_consent(&app.db, &ann, Channel::Email, PARTY_SCOPE)
            .await
            .unwrap()
    );
    let bob = member(&sender, "Bob Baker", "bob@example.org").await;
    consent(app, &bob, Channel::Email, PARTY_SCOPE, true, None).await;
    let next = draft(
        &sender,
        "email",
        &[
            ("subject", "Again"),
            ("body", "Hello"),
            ("audience", "members"),
        ],
    )
    .await;
    assert!(send(&sender, next).await.succeeded());
    deliver_all(app, &LogMailer, &no_texts(), Utc::now()).await;
    assert_eq!(
        statuses(app, next).await,
        vec![("bob@example.org".to_string(), "logged".to_string())]
    );
}

#[tokio::test]
async fn the_unsubscribe_form_works_without_signing_in() {
    let sender = official_group().await;
    let app = &sender.app;
    let ann = member(&sender, "Ann Able", "ann@example.org").await;
    consent(app, &ann, Channel::Email, PARTY_SCOPE, true, None).await;
    let id = draft(
        &sender,
        "email",
        &[
            ("subject", "Hi"),
            ("body", "Hello"),
            ("audience", "members"),
        ],
    )
    .await;
    assert!(send(&sender, id).await.succeeded());
    let (_, token) = first_delivery_and_link(app).await;
    let reply = app
        .call("/api/outreach/unsubscribe", &[("token", &token)], None)
        .await;
    assert!(reply.succeeded(), "{}", reply.body);
    let scope = app::consent::model::group_scope(sender.group_id);
    assert!(
        !app::consent::service::has_consent(&app.db, &ann, Channel::Email, scope)
            .await
            .unwrap()
    );
    // The ledger kept both choices.
    assert_eq!(app.count("consent_records").await, 2);
}

/// The first delivery queued, and the token in its unsubscribe link.
async fn first_delivery_and_link(app: &TestApp) -> (message_delivery::Model, String) {
    let delivery = message_delivery::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let token = token_for(
        &signing_key(&app.db).await.unwrap(),
        delivery.id,
        &delivery.email,
    );
    (delivery, token)
}
