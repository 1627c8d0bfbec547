//! A member's mobile number: confirmed by a texted code, then used for texts consent on
//! the preferences page and in one-click sign-up (issue 21).

use crate::{
    events::event_with_capacity,
    support::{Reply, TestApp},
};
use app::{
    consent::{
        model::{Channel, PARTY_SCOPE},
        service::has_consent,
    },
    mail::tables::outbox_text,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

const NUMBER: &str = "+447700900123";

/// The code in the newest text to `phone`.
async fn texted_code(app: &TestApp, phone: &str) -> String {
    let text = outbox_text::Entity::find()
        .filter(outbox_text::Column::ToPhone.eq(phone))
        .order_by_desc(outbox_text::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .expect("a text");
    text.body
        .split_whitespace()
        .find(|w| w.len() == 7 && w.ends_with('.') && w[..6].bytes().all(|b| b.is_ascii_digit()))
        .map(|w| w[..6].to_string())
        .unwrap_or_else(|| panic!("no code in {}", text.body))
}

/// Asks for a code to be texted to `mobile`.
async fn send_code(app: &TestApp, session: Option<&str>, mobile: &str) -> Reply {
    app.call("/api/auth/send-mobile-code", &[("mobile", mobile)], session)
        .await
}

/// Types a code back.
async fn confirm(app: &TestApp, session: &str, code: &str) -> Reply {
    app.call("/api/auth/confirm-mobile", &[("code", code)], Some(session))
        .await
}

#[tokio::test]
async fn a_number_goes_on_the_account_only_with_the_code_texted_to_it() {
    let app = TestApp::spawn().await;
    let sam = app.signed_in("Sam", "sam@example.org").await;
    let nosy = app.signed_in("Nosy", "nosy@example.org").await;
    assert_eq!(
        send_code(&app, None, "07700 900123").await.error_code(),
        "unauthenticated"
    );
    assert_eq!(
        send_code(&app, Some(&sam), "01632 960123")
            .await
            .error_field(),
        "mobile",
        "a landline is not a mobile"
    );
    let sent = send_code(&app, Some(&sam), "07700 900123").await;
    assert!(sent.succeeded(), "{}", sent.body);
    let code = texted_code(&app, NUMBER).await;
    let state = app.call("/api/auth/mobile", &[], Some(&sam)).await.json();
    assert_eq!(state["waiting"], "07700 900123");
    assert_eq!(state["confirmed"], serde_json::Value::Null);

    // Someone else cannot use Sam's code; a wrong code is a field error and changes nothing.
    assert_eq!(confirm(&app, &nosy, &code).await.error_field(), "code");
    let wrong = if code == "000000" { "111111" } else { "000000" };
    assert_eq!(confirm(&app, &sam, wrong).await.error_field(), "code");
    assert_eq!(
        app.call("/api/auth/me", &[], Some(&sam)).await.json()["mobile"],
        serde_json::Value::Null
    );

    let spaced = format!("{} {}", &code[..3], &code[3..]);
    let confirmed = confirm(&app, &sam, &spaced).await;
    assert!(confirmed.succeeded(), "{}", confirmed.body);
    assert_eq!(
        app.call("/api/auth/me", &[], Some(&sam)).await.json()["mobile"],
        NUMBER
    );
    let state = app.call("/api/auth/mobile", &[], Some(&sam)).await.json();
    assert_eq!(state["confirmed"], "07700 900123");
    assert_eq!(state["waiting"], serde_json::Value::Null);
    // A used code does not work twice.
    assert_eq!(confirm(&app, &sam, &code).await.error_field(), "code");

    let removed = app.call("/api/auth/remove-mobile", &[], Some(&sam)).await;
    assert!(removed.succeeded(), "{}", removed.body);
    assert_eq!(
        app.call("/api/auth/me", &[], Some(&sam)).await.json()["mobile"],
        serde_json::Value::Null
    );
}

#[tokio::test]
async fn five_wrong_codes_use_the_code_up_and_sending_is_rate_limited() {
    let app = TestApp::spawn().await;
    let sam = app.signed_in("Sam", "sam@example.org").await;
    send_code(&app, Some(&sam), "07700 900123").await;
    let code = texted_code(&app, NUMBER).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        confirm(&app, &sam, wrong).await;
    }
    let late = confirm(&app, &sam, &code).await;
    assert_eq!(late.error_field(), "code");
    assert!(late.json()["message"]
        .as_str()
        .unwrap()
        .contains("Too many"));

    // Four more sends pass (five an hour), the sixth is refused and sends nothing.
    for _ in 0..4 {
        let sent = send_code(&app, Some(&sam), "07700 900123").await;
        assert!(sent.succeeded(), "{}", sent.body);
    }
    let texts = app.count("outbox_texts").await;
    assert_eq!(
        send_code(&app, Some(&sam), "07700 900123")
            .await
            .error_code(),
        "rate_limited"
    );
    assert_eq!(app.count("outbox_texts").await, texts);
}

#[tokio::test]
async fn a_confirmed_number_can_agree_to_texts_on_preferences_and_in_one_click_sign_up() {
    let app = TestApp::spawn().await;
    let sam = app.signed_in("Sam", "sam@example.org").await;
    let party = PARTY_SCOPE.to_string();
    let allow_texts = [
        ("scope", party.as_str()),
        ("channel", "sms"),
        ("granted", "yes"),
    ];
    // No number yet: no texts line, and allowing texts says why not.
    let before = app
        .call("/api/outreach/preferences", &[], Some(&sam))
        .await
        .json();
    assert!(!before["lines"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l["channel"] == "Sms"));
    assert_eq!(
        app.call("/api/outreach/preferences/set", &allow_texts, Some(&sam))
            .await
            .error_field(),
        "channel"
    );

    send_code(&app, Some(&sam), "07700 900123").await;
    let code = texted_code(&app, NUMBER).await;
    confirm(&app, &sam, &code).await;
    let after = app
        .call("/api/outreach/preferences", &[], Some(&sam))
        .await
        .json();
    assert!(after["lines"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l["channel"] == "Sms" && l["granted"] == false));

    // One click on an event, with the texts box ticked: in force at once, no YES needed.
    let (_, slot) = event_with_capacity(&app, "").await;
    let signed_up = app
        .call(
            "/api/events/sign-up",
            &[
                ("slot_id", &slot.to_string()),
                ("consent_sms", "yes"),
                ("consent_calls", "yes"),
            ],
            Some(&sam),
        )
        .await;
    assert!(signed_up.succeeded(), "{}", signed_up.body);
    assert!(
        has_consent(&app.db, "sam@example.org", Channel::Sms, PARTY_SCOPE)
            .await
            .unwrap()
    );
    // The phone calls box, from the owner of the address and the number: in force too.
    assert!(
        has_consent(&app.db, "sam@example.org", Channel::Phone, PARTY_SCOPE)
            .await
            .unwrap()
    );
    // A guest's form cannot agree to calls for a number (nobody proved it is theirs).
    let guest = app
        .call(
            "/api/events/sign-up",
            &[
                ("slot_id", &slot.to_string()),
                ("name", "Gil Guest"),
                ("email", "gil@example.org"),
                ("phone", "07700 900456"),
                ("consent_calls", "yes"),
            ],
            None,
        )
        .await;
    assert!(guest.succeeded(), "{}", guest.body);
    assert!(
        !has_consent(&app.db, "gil@example.org", Channel::Phone, PARTY_SCOPE)
            .await
            .unwrap()
    );
    let asks: Vec<String> = outbox_text::Entity::find()
        .filter(outbox_text::Column::ToPhone.eq(NUMBER))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.body)
        .filter(|b| b.contains("YES"))
        .collect();
    assert!(asks.is_empty(), "{asks:?}");

    // Stopping and allowing again on the preferences page uses the same number.
    let stop = [
        ("scope", party.as_str()),
        ("channel", "sms"),
        ("granted", "no"),
    ];
    assert!(app
        .call("/api/outreach/preferences/set", &stop, Some(&sam))
        .await
        .succeeded());
    assert!(
        !has_consent(&app.db, "sam@example.org", Channel::Sms, PARTY_SCOPE)
            .await
            .unwrap()
    );
    assert!(app
        .call("/api/outreach/preferences/set", &allow_texts, Some(&sam))
        .await
        .succeeded());
    assert!(
        has_consent(&app.db, "sam@example.org", Channel::Sms, PARTY_SCOPE)
            .await
            .unwrap()
    );
}
