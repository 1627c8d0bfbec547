//! What a text costs is counted with the audience's longest merge values, and a text that
//! would be too long for its longest name is refused before it goes.

use super::{consent, draft, member, official_group_in, send, TestApp};
use app::consent::model::{Channel, PARTY_SCOPE};

#[tokio::test]
async fn a_texts_cost_is_counted_with_the_audiences_longest_first_name() {
    let sender = official_group_in(TestApp::spawn().await).await;
    let long = member(&sender, "Maximilianus Smith", "max@example.org").await;
    let short = member(&sender, "Jo Bloggs", "jo@example.org").await;
    for (email, phone) in [(&long, "+447700900001"), (&short, "+447700900002")] {
        consent(
            &sender.app,
            email,
            Channel::Sms,
            PARTY_SCOPE,
            true,
            Some(phone),
        )
        .await;
    }
    let id = draft(
        &sender,
        "sms",
        &[
            ("subject", ""),
            ("body", "Hi {{first_name}}. Reply STOP to opt out."),
            ("audience", "members"),
        ],
    )
    .await;

    let view = sender
        .app
        .call(
            "/api/outreach/messages/get",
            &[("id", &id.to_string())],
            Some(&sender.session),
        )
        .await
        .json();

    let members = view["audiences"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "Members" || a["kind"] == "members")
        .expect("the members audience")
        .clone();
    assert_eq!(members["count"], 2);
    assert_eq!(members["longest_first_name"], "Maximilianus".len());
    assert_eq!(
        view["merge_longest"]["group_name"],
        "Sheffield Central Local Party"
    );
}

#[tokio::test]
async fn a_text_too_long_for_its_longest_name_is_refused_before_it_goes() {
    let sender = official_group_in(TestApp::spawn().await).await;
    let jo = member(&sender, "Jo Bloggs", "jo@example.org").await;
    consent(
        &sender.app,
        &jo,
        Channel::Sms,
        PARTY_SCOPE,
        true,
        Some("+447700900002"),
    )
    .await;
    // 65 names: 997 characters as written (7 texts), and 217 for Jo.
    let body = format!("{}Reply STOP to opt out.", "{{first_name}} ".repeat(65));
    let fields = [
        ("subject", ""),
        ("body", body.as_str()),
        ("audience", "members"),
    ];
    let short = draft(&sender, "sms", &fields).await;
    assert!(send(&sender, short).await.succeeded(), "fits for Jo");

    let bart = member(&sender, "Bartholomew-Maximilianus Long", "bart@example.org").await;
    consent(
        &sender.app,
        &bart,
        Channel::Sms,
        PARTY_SCOPE,
        true,
        Some("+447700900003"),
    )
    .await;
    let long = draft(&sender, "sms", &fields).await;
    let refused = send(&sender, long).await;

    assert_eq!(refused.error_field(), "body", "{}", refused.body);
    assert!(refused.json()["message"]
        .as_str()
        .unwrap()
        .contains("longest name"));
}
