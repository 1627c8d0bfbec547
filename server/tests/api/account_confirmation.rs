//! Confirming an account's address (issue 18): anyone can open an account for any
//! address, so until its owner uses the emailed link the account acts on nothing that
//! belongs to the address: its guest sign-ups, its consent.

use crate::{
    events::event_with_capacity,
    support::{Reply, TestApp, PASSWORD},
};
use app::{
    auth::service::email_confirmations::CONFIRM_EMAIL_PATH,
    consent::{
        model::PARTY_SCOPE,
        service::{
            has_consent, preferences::CONFIRM_EMAIL_FIRST, record_consent, Channel, ConsentChoice,
        },
        tables::consent_record,
    },
    events::{
        model::SignUpStatus,
        service::signups::{sign_up, SignUpDetails},
        tables::signup,
    },
    mail::list_outbox_emails,
};
use axum::http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// The address whose owner signed up as a guest before anyone opened an account for it.
const OWNER: &str = "olga@example.org";

mod sign_up;

/// The token in the newest confirmation link emailed to `email`, if any.
async fn confirm_token_sent_to(app: &TestApp, email: &str) -> Option<String> {
    list_outbox_emails(&app.db, 100)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.to_email == email)
        .find_map(|e| {
            let (_, rest) = e.body.split_once(CONFIRM_EMAIL_PATH)?;
            Some(rest[..64].to_string())
        })
}

/// Presses "Confirm my address" on the page the link opens.
async fn confirm(app: &TestApp, token: &str) -> Reply {
    app.call("/api/auth/confirm-email", &[("token", token)], None)
        .await
}

/// Asks for a new link with the profile's button; returns its token, as read from the inbox.
async fn link_from_profile(app: &TestApp, session: &str, email: &str) -> String {
    let reply = app
        .call("/api/auth/resend-confirmation", &[], Some(session))
        .await;
    assert!(reply.succeeded(), "{}", reply.body);
    confirm_token_sent_to(app, email)
        .await
        .expect("a confirmation link")
}

async fn delete_account(app: &TestApp, session: &str) -> Reply {
    app.call(
        "/api/people/delete-account",
        &[("password", PASSWORD)],
        Some(session),
    )
    .await
}

async fn set_party_email(app: &TestApp, session: &str, granted: &str) -> Reply {
    app.call(
        "/api/outreach/preferences/set",
        &[
            ("scope", &PARTY_SCOPE.to_string()),
            ("channel", "email"),
            ("granted", granted),
        ],
        Some(session),
    )
    .await
}

/// What belongs to `OWNER` before any account: a guest's place (its slot is returned)
/// and party email the address agreed to.
async fn the_addresss_own_data(app: &TestApp) -> i32 {
    let (_, slot) = event_with_capacity(app, "").await;
    let form = SignUpDetails::parse("Olga Owner", OWNER, "", "", false, false).unwrap();
    sign_up(&app.db, slot, &form, "http://x").await.unwrap();
    record_consent(
        &app.db,
        ConsentChoice {
            email: OWNER,
            person_id: None,
            channel: Channel::Email,
            scope: PARTY_SCOPE,
            granted: true,
            wording: "Yes, email me.",
            source: "preferences",
            phone: None,
        },
    )
    .await
    .unwrap();
    slot
}

/// The sign-ups under `email` that are not cancelled.
async fn live_signups(app: &TestApp, email: &str) -> Vec<signup::Model> {
    signup::Entity::find()
        .filter(signup::Column::Email.eq(email))
        .filter(signup::Column::Status.ne(SignUpStatus::Cancelled))
        .all(&app.db)
        .await
        .unwrap()
}

async fn ledger_rows(app: &TestApp, email: &str) -> usize {
    consent_record::Entity::find()
        .filter(consent_record::Column::Email.eq(email))
        .all(&app.db)
        .await
        .unwrap()
        .len()
}

async fn owner_agreed(app: &TestApp) -> bool {
    has_consent(&app.db, OWNER, Channel::Email, PARTY_SCOPE)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_confirmation_link_works_once() {
    let app = TestApp::spawn().await;
    let session = app.signed_in_unconfirmed("Sam", "sam@example.org").await;
    let token = link_from_profile(&app, &session, "sam@example.org").await;
    assert!(confirm(&app, &token).await.succeeded());

    let again = confirm(&app, &token).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(again.error_field(), "token");
    assert_eq!(confirm(&app, &"0".repeat(64)).await.error_field(), "token");
}

#[tokio::test]
async fn the_profile_asks_only_an_unconfirmed_account_to_confirm() {
    let app = TestApp::spawn().await;
    let unconfirmed = app.signed_in_unconfirmed("Sam", "sam@example.org").await;
    let confirmed = app.signed_in("Priya", "priya@example.org").await;
    let asked = app.get("/profile", Some(&unconfirmed)).await;
    assert!(asked.body.contains("Send the link again"), "{}", asked.body);
    let not_asked = app.get("/profile", Some(&confirmed)).await;
    assert!(!not_asked.body.contains("Send the link again"));
}

#[tokio::test]
async fn sending_the_link_again_is_limited_per_address_and_skipped_once_confirmed() {
    let app = TestApp::spawn().await;
    let session = app.signed_in_unconfirmed("Sam", "sam@example.org").await;
    for _ in 0..3 {
        let reply = app
            .call("/api/auth/resend-confirmation", &[], Some(&session))
            .await;
        assert!(reply.succeeded(), "{}", reply.body);
    }
    let fourth = app
        .call("/api/auth/resend-confirmation", &[], Some(&session))
        .await;
    assert_eq!(fourth.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(app.count("email_confirmations").await, 3);

    let confirmed = app.signed_in("Priya", "priya@example.org").await;
    let reply = app
        .call("/api/auth/resend-confirmation", &[], Some(&confirmed))
        .await;
    assert!(reply.succeeded(), "{}", reply.body);
    assert_eq!(confirm_token_sent_to(&app, "priya@example.org").await, None);
}

#[tokio::test]
async fn deleting_an_unconfirmed_account_leaves_the_addresss_sign_ups_and_consent() {
    let app = TestApp::spawn().await;
    let slot = the_addresss_own_data(&app).await;
    let session = app.signed_in_unconfirmed("Mallory", OWNER).await;
    // Its own sign-up, to another event, is the account's and goes with it.
    let (_, own_slot) = event_with_capacity(&app, "").await;
    let reply = app
        .call(
            "/api/events/sign-up",
            &[("slot_id", &own_slot.to_string())],
            Some(&session),
        )
        .await;
    assert!(reply.succeeded(), "{}", reply.body);

    let reply = delete_account(&app, &session).await;

    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(app.me(Some(&session)).await.is_null());
    let left: Vec<i32> = live_signups(&app, OWNER)
        .await
        .into_iter()
        .map(|s| s.slot_id)
        .collect();
    assert_eq!(
        left,
        vec![slot],
        "the guest's place stays; the account's went"
    );
    assert!(owner_agreed(&app).await);
    assert_eq!(ledger_rows(&app, OWNER).await, 1);
}

#[tokio::test]
async fn once_confirmed_deleting_the_account_cancels_the_addresss_sign_ups_and_consent() {
    let app = TestApp::spawn().await;
    the_addresss_own_data(&app).await;
    let session = app.signed_in_unconfirmed("Olga Owner", OWNER).await;
    let token = link_from_profile(&app, &session, OWNER).await;
    assert!(confirm(&app, &token).await.succeeded());

    let reply = delete_account(&app, &session).await;

    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(live_signups(&app, OWNER).await.is_empty());
    assert!(!owner_agreed(&app).await);
    assert_eq!(ledger_rows(&app, OWNER).await, 0);
    assert_eq!(app.count("email_confirmations").await, 0);
}

#[tokio::test]
async fn an_unconfirmed_account_neither_sees_nor_changes_the_addresss_consent() {
    let app = TestApp::spawn().await;
    the_addresss_own_data(&app).await;
    let session = app.signed_in_unconfirmed("Mallory", OWNER).await;

    let withdraw = set_party_email(&app, &session, "no").await;
    assert_eq!(withdraw.error_field(), "email");
    assert_eq!(withdraw.json()["message"], CONFIRM_EMAIL_FIRST);
    assert_eq!(
        set_party_email(&app, &session, "yes").await.error_field(),
        "email"
    );
    let seen = app
        .call("/api/outreach/preferences", &[], Some(&session))
        .await;
    assert_eq!(seen.error_field(), "email");
    assert!(owner_agreed(&app).await);
    assert_eq!(ledger_rows(&app, OWNER).await, 1);

    // The owner, once confirmed, may.
    let token = link_from_profile(&app, &session, OWNER).await;
    assert!(confirm(&app, &token).await.succeeded());
    let withdraw = set_party_email(&app, &session, "no").await;
    assert!(withdraw.succeeded(), "{}", withdraw.body);
    assert!(!owner_agreed(&app).await);
}

#[tokio::test]
async fn an_unconfirmed_account_signs_up_under_its_address_like_a_guest() {
    let app = TestApp::spawn().await;
    let (event_id, slot) = event_with_capacity(&app, "").await;
    let owner_form =
        SignUpDetails::parse("Olga Owner", OWNER, "07700 900123", "M1 1AE", false, false).unwrap();
    sign_up(&app.db, slot, &owner_form, "http://x")
        .await
        .unwrap();
    let before = live_signups(&app, OWNER).await;
    let id = app.create_unconfirmed_person("Mallory", OWNER).await;
    // A session from before unconfirmed accounts were refused at sign-in.
    let session = app::auth::service::accounts::start_session(&app.db, id, None, None)
        .await
        .unwrap();
    let one_click = [
        ("slot_id", slot.to_string()),
        ("name", "Mallory".to_string()),
        ("consent_email", "on".to_string()),
    ];
    let form: Vec<(&str, &str)> = one_click.iter().map(|(k, v)| (*k, v.as_str())).collect();

    let reply = app.call("/api/events/sign-up", &form, Some(&session)).await;

    assert!(reply.succeeded(), "{}", reply.body);
    assert_eq!(
        live_signups(&app, OWNER).await,
        before,
        "the owner's row is untouched"
    );
    assert!(
        !owner_agreed(&app).await,
        "the box waits for the address to confirm it"
    );
    let detail = app
        .call(
            "/api/events/get",
            &[("id", &event_id.to_string())],
            Some(&session),
        )
        .await
        .json();
    assert!(
        detail["my_signup"].is_null(),
        "nor does it learn the owner's place"
    );
    let mine = app
        .call("/api/events/mine", &[], Some(&session))
        .await
        .json();
    assert_eq!(
        mine,
        serde_json::json!([]),
        "the guest's sign-up is not listed as its own"
    );

    // Confirmed, the same account is the owner: its details and its box count at once.
    let token = link_from_profile(&app, &session, OWNER).await;
    assert!(confirm(&app, &token).await.succeeded());
    let reply = app.call("/api/events/sign-up", &form, Some(&session)).await;
    assert!(reply.succeeded(), "{}", reply.body);
    let rows = live_signups(&app, OWNER).await;
    assert_eq!(
        (rows[0].name.as_str(), rows[0].person_id),
        ("Mallory", Some(id))
    );
    assert!(owner_agreed(&app).await);
}

#[tokio::test]
async fn an_unconfirmed_accounts_own_sign_up_is_in_its_events() {
    let app = TestApp::spawn().await;
    let (_, slot) = event_with_capacity(&app, "").await;
    let session = app.signed_in_unconfirmed("Sam", "sam@example.org").await;
    let reply = app
        .call(
            "/api/events/sign-up",
            &[("slot_id", &slot.to_string())],
            Some(&session),
        )
        .await;
    assert_eq!(reply.json(), "confirmed", "{}", reply.body);
    let mine = app
        .call("/api/events/mine", &[], Some(&session))
        .await
        .json();
    assert_eq!(mine[0]["title"], "Door knocking");
}
