//! Bridged calls through a telephony provider (a local fake of Twilio's Calls API): the
//! caller's own phone rings, and the contact's number never reaches the caller's page.

use super::{number, phonebank_in};
use crate::{outreach::fakes::FakeSmsProvider, support::TestApp};
use app::state::{Settings, VoiceSettings};
use sea_orm::{ConnectionTrait, Statement};

const PARTY_NUMBER: &str = "+441142000000";
const CALLER_MOBILE: &str = "+447700900555";

#[tokio::test]
async fn a_bridged_call_rings_the_callers_phone_and_the_number_never_reaches_the_page() {
    let provider = FakeSmsProvider::start().await;
    let mut settings = Settings::new("http://127.0.0.1:3000", true);
    settings.voice = Some(VoiceSettings {
        api_url: provider.base_url(),
        account_sid: FakeSmsProvider::SID.into(),
        auth_token: FakeSmsProvider::TOKEN.into(),
        from: PARTY_NUMBER.into(),
    });
    let (sender, id) = phonebank_in(TestApp::spawn_with_settings(settings).await, 1).await;
    let app = &sender.app;
    let id_text = id.to_string();
    let read = app
        .call(
            "/api/phonebanks/guide-read",
            &[("phonebank_id", &id_text)],
            Some(&sender.session),
        )
        .await;
    assert!(read.succeeded(), "{}", read.body);

    let page = app
        .call(
            "/api/phonebanks/call",
            &[("id", &id_text)],
            Some(&sender.session),
        )
        .await;
    let call = page.json()["next"]["Call"].clone();
    assert!(call["tel"].is_null(), "{call}");
    let contact = number(0);
    assert!(!page.body.contains(&contact) && !page.body.contains(&contact[3..]));
    let html = app
        .get(&format!("/phonebanks/{id}/call"), Some(&sender.session))
        .await;
    assert!(
        html.body.contains("your phone rings first"),
        "the page offers a bridged call: {}",
        html.body
    );
    assert!(!html.body.contains(&contact) && !html.body.contains(&contact[3..]));

    let lease = call["lease"].to_string();
    let contact_id = call["contact_id"].to_string();
    let form = [
        ("phonebank_id", id_text.as_str()),
        ("contact_id", contact_id.as_str()),
        ("lease", lease.as_str()),
    ];
    // Without a confirmed mobile there is no phone to ring.
    let refused = app
        .call("/api/phonebanks/bridge", &form, Some(&sender.session))
        .await;
    assert_eq!(refused.error_field(), "mobile");
    app.db
        .execute_raw(Statement::from_string(
            app.db.get_database_backend(),
            format!("UPDATE people SET mobile = '{CALLER_MOBILE}', mobile_confirmed_at = created_at WHERE email = 'olive@example.org'"),
        ))
        .await
        .unwrap();
    let rung = app
        .call("/api/phonebanks/bridge", &form, Some(&sender.session))
        .await;
    assert!(rung.succeeded(), "{}", rung.body);
    assert!(!rung.body.contains(&contact));
    let calls = provider.calls().await;
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0]["To"], CALLER_MOBILE);
    assert_eq!(calls[0]["From"], PARTY_NUMBER);
    assert!(calls[0]["Twiml"].contains(&format!("<Number>{contact}</Number>")));
    assert!(calls[0]["Twiml"].contains(&format!("callerId=\"{PARTY_NUMBER}\"")));
}
