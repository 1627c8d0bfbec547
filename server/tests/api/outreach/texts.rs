//! Texts through a Twilio-style provider the test runs: quiet hours, dead numbers,
//! and STOP through the signed inbound webhook, confirmed once.

use super::{
    consent, deliver_all, draft, fakes::FakeSmsProvider, member, official_group_in, send, statuses,
    TestApp,
};
use app::{
    consent::model::{Channel, PARTY_SCOPE},
    mail::{deliver_pending_texts, mailer::LogMailer, sms::HttpTextSender},
    outreach::{
        compose::signature,
        service::{audience::AudienceSpec, sending::start_send},
        tables::message,
    },
    state::Settings,
};
use axum::{
    body::Body,
    http::{header, Request, StatusCode},
};
use chrono::{TimeZone, Utc};
use sea_orm::EntityTrait;
use std::time::Duration;

const WEBHOOK_TOKEN: &str = "webhook-token";

async fn app_with_webhook() -> TestApp {
    TestApp::spawn_with_settings(
        Settings::new("http://127.0.0.1:3000", true)
            .with_sms_auth_token(Some(WEBHOOK_TOKEN.into())),
    )
    .await
}

fn provider_sender(provider: &FakeSmsProvider) -> HttpTextSender {
    HttpTextSender::new(
        &provider.base_url(),
        FakeSmsProvider::SID,
        FakeSmsProvider::TOKEN,
        "+447700900000",
    )
}

/// Posts an inbound text as the provider would, signed with `token`.
async fn inbound(app: &TestApp, from: &str, body: &str, token: &str) -> StatusCode {
    let fields = vec![
        ("From".to_string(), from.to_string()),
        ("Body".to_string(), body.to_string()),
    ];
    let signed = signature::sign(token, "http://127.0.0.1:3000/webhooks/sms", &fields);
    let form = fields
        .iter()
        .map(|(k, v)| format!("{k}={}", v.replace('+', "%2B").replace(' ', "+")))
        .collect::<Vec<_>>()
        .join("&");
    let request = Request::post("/webhooks/sms")
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("x-twilio-signature", signed)
        .body(Body::from(form))
        .unwrap();
    app.send(request).await.status
}

#[tokio::test]
async fn texts_wait_for_quiet_hours_to_end_and_dead_numbers_are_skipped_next_time() {
    let sender = official_group_in(TestApp::spawn().await).await;
    let ann = member(&sender, "Ann Able", "ann@example.org").await;
    let dan = member(&sender, "Dan Dead", "dan@example.org").await;
    consent(
        &sender.app,
        &ann,
        Channel::Sms,
        PARTY_SCOPE,
        true,
        Some("+447700900001"),
    )
    .await;
    consent(
        &sender.app,
        &dan,
        Channel::Sms,
        PARTY_SCOPE,
        true,
        Some("+447700900002"),
    )
    .await;
    let id = draft(
        &sender,
        "sms",
        &[
            (
                "body",
                "Hi {{first_name}}, canvassing Sat 10am. Reply STOP to opt out.",
            ),
            ("audience", "members"),
        ],
    )
    .await;
    let found = message::Entity::find_by_id(id)
        .one(&sender.app.db)
        .await
        .unwrap()
        .unwrap();
    let spec = AudienceSpec {
        kind: app::outreach::model::AudienceKind::Members,
        group: group_of(&sender).await,
        miles: 5,
        channel: Channel::Sms,
        scope: app::consent::model::group_scope(sender.group_id),
    };
    // 22:30 in London in winter: quiet hours.
    let late = Utc.with_ymd_and_hms(2026, 12, 1, 22, 30, 0).unwrap();
    let due = start_send(
        &sender.app.db,
        &found,
        &spec,
        app::outreach::model::MessageStatus::Draft,
        late,
    )
    .await
    .unwrap();
    assert_eq!(due, Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap());
    let provider = FakeSmsProvider::start().await;
    provider.mark_dead("+447700900002").await;
    let texter = provider_sender(&provider);
    assert_eq!(
        deliver_all(&sender.app, &LogMailer, &texter, late).await,
        0,
        "nothing in quiet hours"
    );
    assert_eq!(deliver_all(&sender.app, &LogMailer, &texter, due).await, 2);
    let sent = provider.wait_for(1, Duration::from_secs(5)).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].to, "+447700900001");
    assert!(sent[0].body.starts_with("Hi Ann,"));
    let by_email: Vec<(String, String)> = statuses(&sender.app, id).await;
    assert_eq!(
        by_email,
        vec![(ann.clone(), "sent".into()), (dan.clone(), "failed".into())]
    );
    // The next send does not try the dead number again.
    let again = draft(
        &sender,
        "sms",
        &[
            ("body", "Thanks {{first_name}}! Reply STOP to opt out."),
            ("audience", "members"),
            ("quiet_override", "on"),
        ],
    )
    .await;
    assert!(send(&sender, again).await.succeeded());
    deliver_all(&sender.app, &LogMailer, &texter, next_day_noon()).await;
    // Dan's dead number is left out of the audience itself.
    let again_statuses = statuses(&sender.app, again).await;
    assert_eq!(again_statuses, vec![(ann, "sent".into())]);
    assert!(!again_statuses.iter().any(|(email, _)| *email == dan));
}

/// A day on: past any quiet hours the second send may have waited for.
fn next_day_noon() -> chrono::DateTime<Utc> {
    Utc::now() + chrono::Duration::days(1)
}

async fn group_of(sender: &super::Sender) -> Option<app::groups::service::lookups::GroupRef> {
    app::groups::service::lookups::group_ref(&sender.app.db, sender.group_id)
        .await
        .unwrap()
}

#[tokio::test]
async fn stop_withdraws_every_sms_consent_of_the_number_and_is_confirmed_once() {
    let app = app_with_webhook().await;
    consent(
        &app,
        "ann@example.org",
        Channel::Sms,
        PARTY_SCOPE,
        true,
        Some("+447700900001"),
    )
    .await;
    consent(
        &app,
        "ann@example.org",
        Channel::Sms,
        app::consent::model::group_scope(3),
        true,
        Some("+447700900001"),
    )
    .await;
    consent(
        &app,
        "ann@example.org",
        Channel::Email,
        PARTY_SCOPE,
        true,
        None,
    )
    .await;
    assert_eq!(
        inbound(&app, "+447700900001", "STOP", "forged").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.count("outbox_texts").await, 0);
    assert_eq!(
        inbound(&app, "+447700900001", "Stop", WEBHOOK_TOKEN).await,
        StatusCode::OK
    );
    assert_eq!(
        inbound(&app, "+447700900001", "STOP", WEBHOOK_TOKEN).await,
        StatusCode::OK
    );
    let live = app::consent::service::emails_with_consent(
        &app.db,
        &["ann@example.org".to_string()],
        Channel::Sms,
        app::consent::model::group_scope(3),
    )
    .await
    .unwrap();
    assert!(live.is_empty(), "SMS consent withdrawn in every scope");
    assert!(
        app::consent::service::has_consent(&app.db, "ann@example.org", Channel::Email, PARTY_SCOPE)
            .await
            .unwrap(),
        "email untouched"
    );
    let provider = FakeSmsProvider::start().await;
    deliver_pending_texts(&app.db, &provider_sender(&provider), 10, Utc::now())
        .await
        .unwrap();
    let sent = provider.wait_for(1, Duration::from_secs(5)).await;
    assert_eq!(sent.len(), 1, "confirmed once");
    assert!(sent[0].body.contains("no more texts"));
}

#[tokio::test]
async fn yes_through_the_signed_webhook_confirms_sms_consent_a_form_asked_for() {
    use app::consent::service::{has_consent, request_consent, ConsentChoice};
    let app = app_with_webhook().await;
    request_consent(
        &app.db,
        ConsentChoice {
            email: "yan@example.org",
            person_id: None,
            channel: Channel::Sms,
            scope: PARTY_SCOPE,
            granted: true,
            wording: "Text me",
            source: "event-signup:1",
            phone: Some("+447700900002"),
        },
    )
    .await
    .unwrap();
    let in_force = || has_consent(&app.db, "yan@example.org", Channel::Sms, PARTY_SCOPE);
    assert!(!in_force().await.unwrap());
    assert_eq!(
        inbound(&app, "+447700900002", "YES", "forged").await,
        StatusCode::FORBIDDEN
    );
    assert!(
        !in_force().await.unwrap(),
        "a forged reply confirms nothing"
    );
    assert_eq!(
        inbound(&app, "+447700900002", "Yes", WEBHOOK_TOKEN).await,
        StatusCode::OK
    );
    assert!(in_force().await.unwrap());
    assert_eq!(app.count("outbox_texts").await, 2, "the ask and the thanks");
}

/// A provider that never answers: the worker holding a text dies mid-send.
struct HangingSender;

#[async_trait::async_trait]
impl app::mail::sms::TextSender for HangingSender {
    async fn send(
        &self,
        _text: &app::mail::sms::OutgoingText,
    ) -> Result<app::mail::sms::TextDelivery, app::mail::sms::TextError> {
        std::future::pending().await
    }
}

#[tokio::test]
async fn a_text_held_by_a_worker_killed_mid_send_goes_once_its_lease_runs_out() {
    use app::mail::queue_text;
    let app = TestApp::spawn().await;
    let now = Utc::now();
    queue_text(&app.db, "+447700900123", "See you at 7pm", now)
        .await
        .unwrap();
    let db = app.db.clone();
    let worker =
        tokio::spawn(async move { deliver_pending_texts(&db, &HangingSender, 10, now).await });
    let provider = FakeSmsProvider::start().await;
    let sender = provider_sender(&provider);
    while statuses_of_texts(&app).await != ["sending"] {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    worker.abort();
    let early = now + chrono::Duration::minutes(5);
    assert_eq!(
        deliver_pending_texts(&app.db, &sender, 10, early)
            .await
            .unwrap(),
        0
    );

    let later = now + chrono::Duration::minutes(11);
    let recovered = deliver_pending_texts(&app.db, &sender, 10, later)
        .await
        .unwrap();

    assert_eq!(recovered, 1);
    assert_eq!(provider.wait_for(1, Duration::from_secs(5)).await.len(), 1);
    assert_eq!(statuses_of_texts(&app).await, ["sent"]);
    assert_eq!(
        deliver_pending_texts(&app.db, &sender, 10, later)
            .await
            .unwrap(),
        0
    );
}

async fn statuses_of_texts(app: &TestApp) -> Vec<String> {
    app::mail::tables::outbox_text::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.status.as_str().to_string())
        .collect()
}
