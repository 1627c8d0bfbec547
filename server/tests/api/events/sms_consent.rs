//! A mobile number ticked on a sign-up form: the number is asked once to reply YES, and
//! only its reply puts the consent in force (double opt-in for texts, issue 18).

use super::signup_consent::{chosen, confirm_token_sent_to, consents, form, ledger};
use super::*;
use app::{
    consent::{
        model::Channel,
        service::{
            confirm_by_reply, ASK_TO_CONFIRM_TEXT, CONFIRMED_BY_REPLY, CONFIRMED_TEXT,
            REQUESTED_UNCONFIRMED,
        },
    },
    mail::tables::outbox_text,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

#[tokio::test]
async fn sms_consent_from_a_sign_up_form_waits_for_the_number_to_reply_yes() {
    let app = TestApp::spawn().await;
    let (_, slot) = event_with_capacity(&app, "").await;
    let ticked = form(
        "Sam Sms",
        "sam@example.org",
        "07700 900123",
        "",
        false,
        true,
    );
    sign_up(&app.db, slot, &ticked, "http://x").await.unwrap();

    assert!(!consents(&app, "sam@example.org", Channel::Sms).await);
    let rows = ledger(&app, "sam@example.org").await;
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].0.as_str(), rows[0].1), ("sms", true));
    assert!(rows[0].2.ends_with(REQUESTED_UNCONFIRMED), "{}", rows[0].2);
    assert_eq!(
        confirm_token_sent_to(&app, "sam@example.org").await,
        None,
        "an email link cannot confirm a number"
    );
    assert_eq!(texts_to(&app, "+447700900123").await, [ASK_TO_CONFIRM_TEXT]);

    // A second form the same day asks nothing more of the number.
    let (_, other_slot) = event_with_capacity(&app, "").await;
    let again = form(
        "Sam Sms",
        "sam2@example.org",
        "07700900123",
        "",
        false,
        true,
    );
    sign_up(&app.db, other_slot, &again, "http://x")
        .await
        .unwrap();
    assert_eq!(texts_to(&app, "+447700900123").await.len(), 1);

    // Another number's YES confirms nothing; this number's confirms both requests.
    assert_eq!(confirm_by_reply(&app.db, "+447700900999").await.unwrap(), 0);
    assert!(!consents(&app, "sam@example.org", Channel::Sms).await);
    assert_eq!(confirm_by_reply(&app.db, "+447700900123").await.unwrap(), 2);
    assert!(consents(&app, "sam@example.org", Channel::Sms).await);
    assert!(consents(&app, "sam2@example.org", Channel::Sms).await);
    let rows = ledger(&app, "sam@example.org").await;
    assert_eq!(rows.len(), 2, "both steps kept: {rows:?}");
    assert!(rows[1].2.ends_with(CONFIRMED_BY_REPLY), "{}", rows[1].2);
    assert_eq!(
        texts_to(&app, "+447700900123").await,
        [ASK_TO_CONFIRM_TEXT, CONFIRMED_TEXT]
    );
    // A second YES finds nothing waiting, and is not thanked again.
    assert_eq!(confirm_by_reply(&app.db, "+447700900123").await.unwrap(), 0);
    assert_eq!(texts_to(&app, "+447700900123").await.len(), 2);
}

#[tokio::test]
async fn a_number_that_said_stop_is_not_asked_again_by_a_strangers_form() {
    let app = TestApp::spawn().await;
    let (_, slot) = event_with_capacity(&app, "").await;
    chosen(
        &app,
        "tom@example.org",
        Channel::Sms,
        true,
        Some("+447700900124"),
    )
    .await;
    chosen(
        &app,
        "tom@example.org",
        Channel::Sms,
        false,
        Some("+447700900124"),
    )
    .await;
    let ticked = form(
        "Not Tom",
        "nottom@example.org",
        "07700900124",
        "",
        false,
        true,
    );
    sign_up(&app.db, slot, &ticked, "http://x").await.unwrap();
    assert!(texts_to(&app, "+447700900124").await.is_empty());
    assert!(!consents(&app, "nottom@example.org", Channel::Sms).await);
}

/// The bodies of the texts queued to `phone`, oldest first.
async fn texts_to(app: &TestApp, phone: &str) -> Vec<String> {
    outbox_text::Entity::find()
        .filter(outbox_text::Column::ToPhone.eq(phone))
        .order_by_asc(outbox_text::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.body)
        .collect()
}
