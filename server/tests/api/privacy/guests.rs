//! Guests: an emailed link to download or erase what is held under an address.

use super::unzip;
use crate::{events::event_with_capacity, support::TestApp};
use app::{
    events::service::signups::{sign_up, SignUpDetails},
    events::tables::signup,
    mail::list_outbox_emails,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// The token of the newest data link emailed to `email`.
async fn link_sent_to(app: &TestApp, email: &str) -> String {
    list_outbox_emails(&app.db, 50)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.to_email == email)
        .find_map(|e| {
            let (_, rest) = e.body.split_once("/privacy/guest/")?;
            Some(rest[..64].to_string())
        })
        .expect("a link was emailed")
}

async fn guest_signs_up(app: &TestApp, slot: i32, name: &str, email: &str) {
    let details = SignUpDetails::parse(name, email, "", "", false, false).unwrap();
    sign_up(&app.db, slot, &details, "http://x").await.unwrap();
}

#[tokio::test]
async fn a_guest_downloads_then_erases_their_sign_ups_and_the_place_passes_on() {
    let app = TestApp::spawn().await;
    let (_, slot) = event_with_capacity(&app, "1").await;
    guest_signs_up(&app, slot, "Gwen Guest", "gwen@example.org").await;
    guest_signs_up(&app, slot, "Walter Waiting", "walter@example.org").await;

    let asked = app
        .call(
            "/api/privacy/guest-link",
            &[("email", "Gwen@Example.org ")],
            None,
        )
        .await;
    assert!(asked.succeeded(), "{}", asked.body);
    let token = link_sent_to(&app, "gwen@example.org").await;

    let page = app
        .call("/api/privacy/guest", &[("token", &token)], None)
        .await
        .json();
    assert_eq!(page["email"], "gwen@example.org");
    let (status, zip) = app
        .get_bytes(&format!("/privacy/guest/{token}/membersnet-data.zip"), None)
        .await;
    assert_eq!(status, 200);
    let data: serde_json::Value = serde_json::from_str(&unzip(&zip)["data.json"]).unwrap();
    let signups = data["signups"].as_array().unwrap();
    assert_eq!(signups.len(), 1, "only Gwen's sign-up");
    assert_eq!(signups[0]["name"], "Gwen Guest");
    assert!(signups[0].get("cancel_token_hash").is_none());

    let unticked = app
        .call("/api/privacy/guest-erase", &[("token", &token)], None)
        .await;
    assert_eq!(unticked.error_field(), "understood");
    let erased = app
        .call(
            "/api/privacy/guest-erase",
            &[("token", &token), ("understood", "yes")],
            None,
        )
        .await;
    assert!(erased.succeeded(), "{}", erased.body);

    let left = signup::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].email, "walter@example.org");
    assert_eq!(
        left[0].status.as_str(),
        "confirmed",
        "the waiting guest got the place"
    );
    let again = app
        .call("/api/privacy/guest", &[("token", &token)], None)
        .await;
    assert_eq!(again.error_code(), "invalid", "the link stops working");
}

#[tokio::test]
async fn a_guest_link_reaches_only_rows_no_account_made() {
    let app = TestApp::spawn().await;
    let (event, slot) = event_with_capacity(&app, "").await;
    let session = app.signed_in("Anna Account", "anna@example.org").await;
    let signed = app
        .call(
            "/api/events/sign-up",
            &[("slot_id", &slot.to_string())],
            Some(&session),
        )
        .await;
    assert!(signed.succeeded(), "{}", signed.body);
    let _ = event;
    app.call(
        "/api/privacy/guest-link",
        &[("email", "anna@example.org")],
        None,
    )
    .await;
    let token = link_sent_to(&app, "anna@example.org").await;
    app.call(
        "/api/privacy/guest-erase",
        &[("token", &token), ("understood", "yes")],
        None,
    )
    .await;
    let kept = signup::Entity::find()
        .filter(signup::Column::Email.eq("anna@example.org"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(
        kept.len(),
        1,
        "the account's own sign-up needs the account to erase it"
    );
}

#[tokio::test]
async fn links_are_rate_limited_and_bad_links_refused() {
    let app = TestApp::spawn().await;
    for _ in 0..3 {
        let reply = app
            .call(
                "/api/privacy/guest-link",
                &[("email", "many@example.org")],
                None,
            )
            .await;
        assert!(reply.succeeded(), "{}", reply.body);
    }
    let fourth = app
        .call(
            "/api/privacy/guest-link",
            &[("email", "many@example.org")],
            None,
        )
        .await;
    assert_eq!(fourth.error_code(), "rate_limited");
    let bad = app
        .call(
            "/api/privacy/guest-link",
            &[("email", "not an address")],
            None,
        )
        .await;
    assert_eq!(bad.error_field(), "email");
    let forged = app
        .call("/api/privacy/guest", &[("token", &"0".repeat(64))], None)
        .await;
    assert_eq!(forged.error_code(), "invalid");
    let (status, _) = app
        .get_bytes(
            &format!("/privacy/guest/{}/membersnet-data.zip", "0".repeat(64)),
            None,
        )
        .await;
    assert_eq!(status, 422);
}
