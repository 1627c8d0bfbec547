//! A stranger's sign-up under someone else's email (issue 18): it withdraws no consent,
//! grants none until the address confirms it (double opt-in), and changes no stored
//! name, phone or postcode.

use super::*;
use app::{
    consent::{
        model::{Channel, PARTY_SCOPE},
        service::{
            confirm_consent, has_consent, record_consent, ConsentChoice, CONFIRMED_BY_LINK,
            CONFIRM_CONSENT_PATH, REQUESTED_UNCONFIRMED,
        },
        tables::consent_record,
    },
    error::AppError,
    events::tables::signup,
    mail::list_outbox_emails,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

mod property;

/// A guest's form, valid.
pub(super) fn form(
    name: &str,
    email: &str,
    phone: &str,
    postcode: &str,
    consent_email: bool,
    consent_sms: bool,
) -> SignUpDetails {
    SignUpDetails::parse(name, email, phone, postcode, consent_email, consent_sms).unwrap()
}

/// The ledger of `email`, oldest first: (channel, granted, source).
pub(super) async fn ledger(app: &TestApp, email: &str) -> Vec<(String, bool, String)> {
    consent_record::Entity::find()
        .filter(consent_record::Column::Email.eq(email))
        .order_by_asc(consent_record::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.channel.as_str().to_string(), r.granted, r.source))
        .collect()
}

/// The token in the newest consent confirmation link emailed to `email`, if any.
pub(super) async fn confirm_token_sent_to(app: &TestApp, email: &str) -> Option<String> {
    list_outbox_emails(&app.db, 100)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.to_email == email)
        .find_map(|e| {
            let (_, rest) = e.body.split_once(CONFIRM_CONSENT_PATH)?;
            Some(rest[..64].to_string())
        })
}

/// (name, phone, postcode) of every sign-up under `email`.
async fn details_of(app: &TestApp, email: &str) -> Vec<(String, Option<String>, Option<String>)> {
    signup::Entity::find()
        .filter(signup::Column::Email.eq(email))
        .order_by_asc(signup::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.name, r.phone, r.postcode))
        .collect()
}

pub(super) async fn consents(app: &TestApp, email: &str, channel: Channel) -> bool {
    has_consent(&app.db, email, channel, PARTY_SCOPE)
        .await
        .unwrap()
}

/// A choice the person made themselves (as on their preferences page).
pub(super) async fn chosen(
    app: &TestApp,
    email: &str,
    channel: Channel,
    granted: bool,
    phone: Option<&str>,
) {
    record_consent(
        &app.db,
        ConsentChoice {
            email,
            person_id: None,
            channel,
            scope: PARTY_SCOPE,
            granted,
            wording: "Test wording",
            source: "preferences",
            phone,
        },
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn a_strangers_unticked_boxes_cannot_withdraw_an_existing_consent() {
    let app = TestApp::spawn().await;
    let (_, slot) = event_with_capacity(&app, "").await;
    chosen(&app, "vera@example.org", Channel::Email, true, None).await;
    chosen(
        &app,
        "vera@example.org",
        Channel::Sms,
        true,
        Some("+447700900123"),
    )
    .await;

    let stranger = form(
        "Not Vera",
        "vera@example.org",
        "07700 900999",
        "",
        false,
        false,
    );
    sign_up(&app.db, slot, &stranger, "http://x").await.unwrap();

    assert!(consents(&app, "vera@example.org", Channel::Email).await);
    assert!(consents(&app, "vera@example.org", Channel::Sms).await);
    assert_eq!(
        ledger(&app, "vera@example.org").await.len(),
        2,
        "an unticked box records nothing"
    );
}

#[tokio::test]
async fn a_ticked_box_grants_nothing_until_the_emailed_link_confirms_it() {
    let app = TestApp::spawn().await;
    let (event_id, slot) = event_with_capacity(&app, "").await;
    let ticked = form("Tess Tick", "tess@example.org", "", "", true, false);
    sign_up(&app.db, slot, &ticked, "http://x").await.unwrap();

    assert!(!consents(&app, "tess@example.org", Channel::Email).await);
    let source = format!("event-signup:{event_id}");
    assert_eq!(
        ledger(&app, "tess@example.org").await,
        [(
            "email".to_string(),
            true,
            format!("{source}:{REQUESTED_UNCONFIRMED}")
        )]
    );
    let emails = list_outbox_emails(&app.db, 10).await.unwrap();
    assert!(
        emails[0]
            .body
            .contains("Confirm you want emails from us: http://x/consent/confirm/"),
        "{}",
        emails[0].body
    );

    let token = confirm_token_sent_to(&app, "tess@example.org")
        .await
        .expect("a confirmation link in the sign-up email");
    let shown = confirm_consent(&app.db, &token).await.unwrap();
    assert_ne!(
        shown, "tess@example.org",
        "the page shows the address masked"
    );
    assert!(consents(&app, "tess@example.org", Channel::Email).await);
    assert_eq!(
        ledger(&app, "tess@example.org").await,
        [
            (
                "email".to_string(),
                true,
                format!("{source}:{REQUESTED_UNCONFIRMED}")
            ),
            (
                "email".to_string(),
                true,
                format!("{source}:{CONFIRMED_BY_LINK}")
            ),
        ]
    );
}

#[tokio::test]
async fn a_confirmation_link_works_once() {
    let app = TestApp::spawn().await;
    let (_, slot) = event_with_capacity(&app, "").await;
    let ticked = form("Una Once", "una@example.org", "", "", true, false);
    sign_up(&app.db, slot, &ticked, "http://x").await.unwrap();
    let token = confirm_token_sent_to(&app, "una@example.org")
        .await
        .unwrap();
    confirm_consent(&app.db, &token).await.unwrap();
    chosen(&app, "una@example.org", Channel::Email, false, None).await;

    let again = confirm_consent(&app.db, &token).await.unwrap_err();

    assert!(again.message_for("token").is_some(), "{again:?}");
    assert!(
        !consents(&app, "una@example.org", Channel::Email).await,
        "a used link cannot undo a later withdrawal"
    );
    assert_eq!(ledger(&app, "una@example.org").await.len(), 3);
    let made_up = confirm_consent(&app.db, &"0".repeat(64)).await.unwrap_err();
    assert!(made_up.message_for("token").is_some(), "{made_up:?}");
}

#[tokio::test]
async fn a_second_sign_up_changes_no_stored_name_phone_or_postcode() {
    let app = TestApp::spawn().await;
    let (_, slot) = event_with_capacity(&app, "").await;
    let (_, other_slot) = event_with_capacity(&app, "").await;
    let real = form(
        "Rita Real",
        "rita@example.org",
        "07700 900111",
        "M1 1AE",
        false,
        false,
    );
    sign_up(&app.db, slot, &real, "http://x").await.unwrap();
    let stored = details_of(&app, "rita@example.org").await[0].clone();

    let stranger = form(
        "Mallory Imposter",
        "rita@example.org",
        "07700 900666",
        "SW1A 1AA",
        false,
        false,
    );
    sign_up(&app.db, slot, &stranger, "http://x").await.unwrap();
    sign_up(&app.db, other_slot, &stranger, "http://x")
        .await
        .unwrap();

    assert_eq!(
        details_of(&app, "rita@example.org").await,
        vec![stored.clone(), stored],
        "the same slot's row unchanged; the new slot's row shows the stored details"
    );
    let emails = list_outbox_emails(&app.db, 10).await.unwrap();
    assert!(emails.iter().all(|e| !e.body.contains("Mallory")));
}

#[tokio::test]
async fn a_cancelled_place_taken_again_by_a_stranger_keeps_its_details() {
    let app = TestApp::spawn().await;
    let (_, slot) = event_with_capacity(&app, "").await;
    let real = form(
        "Cara Real",
        "cara@example.org",
        "07700 900222",
        "",
        false,
        false,
    );
    sign_up(&app.db, slot, &real, "http://x").await.unwrap();
    let stored = details_of(&app, "cara@example.org").await;
    let body = list_outbox_emails(&app.db, 1).await.unwrap()[0]
        .body
        .clone();
    let cancel = body.split("/events/cancel/").nth(1).unwrap()[..64].to_string();
    app::events::service::cancellations::cancel_signup_by_token(&app.db, &cancel, "http://x")
        .await
        .unwrap();

    let stranger = form(
        "Mallory",
        "cara@example.org",
        "07700 900666",
        "",
        false,
        false,
    );
    sign_up(&app.db, slot, &stranger, "http://x").await.unwrap();

    assert_eq!(details_of(&app, "cara@example.org").await, stored);
}

#[tokio::test]
async fn a_stranger_signing_up_with_an_accounts_email_shows_the_accounts_name() {
    let app = TestApp::spawn().await;
    let (_, slot) = event_with_capacity(&app, "").await;
    app.create_person("Alice Account", "alice@example.org")
        .await;

    let stranger = form(
        "Mallory",
        "alice@example.org",
        "07700 900666",
        "",
        false,
        false,
    );
    sign_up(&app.db, slot, &stranger, "http://x").await.unwrap();

    let rows = details_of(&app, "alice@example.org").await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, "Alice Account");
    assert_eq!(rows[0].1, None, "no number the account never gave");
}

#[tokio::test]
async fn the_signed_in_owner_of_an_address_consents_and_updates_at_once() {
    let app = TestApp::spawn().await;
    let (_, slot) = event_with_capacity(&app, "").await;
    let id = app.create_person("Olga Owner", "olga@example.org").await;
    let mut mine = form("Olga Owner", "olga@example.org", "", "", true, false);
    mine.person_id = Some(id);
    mine.email_confirmed = true;
    sign_up(&app.db, slot, &mine, "http://x").await.unwrap();
    assert!(consents(&app, "olga@example.org", Channel::Email).await);
    assert_eq!(confirm_token_sent_to(&app, "olga@example.org").await, None);

    let mut renamed = form("Olga New", "olga@example.org", "", "", false, false);
    renamed.person_id = Some(id);
    renamed.email_confirmed = true;
    sign_up(&app.db, slot, &renamed, "http://x").await.unwrap();

    assert_eq!(details_of(&app, "olga@example.org").await[0].0, "Olga New");
    assert!(
        consents(&app, "olga@example.org", Channel::Email).await,
        "her own unticked box withdraws nothing either: the preferences page does"
    );
}

#[tokio::test]
async fn erasing_consents_removes_unconfirmed_requests_and_their_links() {
    let app = TestApp::spawn().await;
    let (_, slot) = event_with_capacity(&app, "").await;
    let ticked = form("Erin Erased", "erin@example.org", "", "", true, false);
    sign_up(&app.db, slot, &ticked, "http://x").await.unwrap();
    let token = confirm_token_sent_to(&app, "erin@example.org")
        .await
        .unwrap();

    app::privacy::service::erasure::erase_subject(
        &app.db,
        &app::personal_data::Subject::guest("erin@example.org"),
        "http://x",
    )
    .await
    .unwrap();

    assert_eq!(app.count("consent_confirmations").await, 0);
    let err = confirm_consent(&app.db, &token).await.unwrap_err();
    assert!(matches!(err, AppError::Invalid { .. }), "{err:?}");
    assert!(!consents(&app, "erin@example.org", Channel::Email).await);
}

#[tokio::test]
async fn a_full_events_answer_does_not_tell_a_stranger_who_already_has_a_place() {
    let app = TestApp::spawn().await;
    let (_, slot) = event_with_capacity(&app, "1").await;
    let holder = form("Ann", "ann@example.org", "", "", false, false);
    assert_eq!(
        sign_up(&app.db, slot, &holder, "http://x")
            .await
            .unwrap()
            .status,
        SignUpStatus::Confirmed
    );
    let probe = form("Probe", "ann@example.org", "", "", false, false);
    let newcomer = form("Ned", "ned@example.org", "", "", false, false);

    let about_ann = sign_up(&app.db, slot, &probe, "http://x").await.unwrap();
    let about_ned = sign_up(&app.db, slot, &newcomer, "http://x").await.unwrap();

    assert_eq!(about_ann.status, SignUpStatus::Waitlisted);
    assert_eq!(about_ned.status, SignUpStatus::Waitlisted);
}
