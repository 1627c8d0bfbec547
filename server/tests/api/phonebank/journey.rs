//! A caller's round through the server functions: the guide, three calls with different
//! outcomes and answers, a repeated submission, the dashboard's tallies and the CSV.

use super::{phonebank_with, Sender};
use crate::groups::add_member;
use serde_json::Value;

/// A member of the group, signed in, who will call.
pub(super) async fn caller(sender: &Sender) -> String {
    let app = &sender.app;
    let session = app.signed_in("Sam Caller", "sam@example.org").await;
    let id = app.me(Some(&session)).await["id"].as_i64().unwrap() as i32;
    add_member(app, sender.group_id, id, "member", "active").await;
    session
}

pub(super) async fn page(sender: &Sender, id: i32, session: &str) -> Value {
    let reply = sender
        .app
        .call(
            "/api/phonebanks/call",
            &[("id", &id.to_string())],
            Some(session),
        )
        .await;
    assert!(reply.succeeded(), "{}", reply.body);
    reply.json()
}

/// Saves the call on `page` with `outcome` and `extra` fields; returns the reply's body.
pub(super) async fn save(
    sender: &Sender,
    id: i32,
    session: &str,
    call: &Value,
    outcome: &str,
    extra: &[(&str, &str)],
) -> crate::support::Reply {
    let (contact, lease, key) = (
        call["contact_id"].to_string(),
        call["lease"].to_string(),
        call["call_key"].as_str().unwrap().to_string(),
    );
    let id = id.to_string();
    let mut form = vec![
        ("phonebank_id", id.as_str()),
        ("contact_id", contact.as_str()),
        ("lease", lease.as_str()),
        ("call_key", key.as_str()),
        ("outcome", outcome),
    ];
    form.extend_from_slice(extra);
    sender
        .app
        .call("/api/phonebanks/save-call", &form, Some(session))
        .await
}

#[tokio::test]
async fn a_caller_takes_three_calls_and_the_dashboard_and_csv_show_them() {
    let (sender, id) = phonebank_with(3).await;
    let app = &sender.app;
    let sam = caller(&sender).await;
    let first = page(&sender, id, &sam).await;
    assert_eq!(first["first_time"], true, "the guide comes first");
    let read = app
        .call(
            "/api/phonebanks/guide-read",
            &[("phonebank_id", &id.to_string())],
            Some(&sam),
        )
        .await;
    assert!(read.succeeded(), "{}", read.body);

    let one = page(&sender, id, &sam).await;
    let call = &one["next"]["Call"];
    assert!(
        call["name"].as_str().unwrap().ends_with(" P."),
        "first name and initial only: {call}"
    );
    assert!(call["tel"].as_str().unwrap().starts_with("tel:+4477009"));
    assert!(
        call["script"][0]["html"]
            .as_str()
            .unwrap()
            .contains("I&#39;m Sam")
            || call["script"][0]["html"]
                .as_str()
                .unwrap()
                .contains("I'm Sam")
    );
    // A required answer is asked for beside its question.
    let missing = save(&sender, id, &sam, call, "talked", &[]).await;
    assert_eq!(missing.error_field(), "q1");
    let saved = save(
        &sender,
        id,
        &sam,
        call,
        "talked",
        &[("answers[q1]", "yes"), ("answers[q2]", "By post")],
    )
    .await;
    assert!(saved.succeeded(), "{}", saved.body);
    // The same submission again (a phone that was offline) is the same call.
    let again = save(
        &sender,
        id,
        &sam,
        call,
        "talked",
        &[("answers[q1]", "yes"), ("answers[q2]", "By post")],
    )
    .await;
    assert!(again.succeeded(), "{}", again.body);

    let two = page(&sender, id, &sam).await;
    let second = &two["next"]["Call"];
    assert_ne!(second["contact_id"], call["contact_id"]);
    assert!(save(&sender, id, &sam, second, "no_answer", &[])
        .await
        .succeeded());
    let three = page(&sender, id, &sam).await;
    let third = &three["next"]["Call"];
    assert!(save(&sender, id, &sam, third, "do_not_call", &[])
        .await
        .succeeded());
    assert_eq!(app.count("phonebank_calls").await, 3);
    let day = page(&sender, id, &sam).await;
    assert_eq!(day["day"]["calls"], 3);
    assert!(
        day["next"]["Empty"].is_object(),
        "nobody left: {}",
        day["next"]
    );

    let board = app
        .call(
            "/api/phonebanks/dashboard",
            &[("id", &id.to_string())],
            Some(&sender.session),
        )
        .await
        .json();
    assert_eq!(board["calls"], 3);
    let outcome = |label: &str| {
        board["outcomes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o[0] == label)
            .unwrap()[1]
            .clone()
    };
    assert_eq!(outcome("Talked"), 1);
    assert_eq!(outcome("No answer"), 1);
    assert_eq!(outcome("Do not call again"), 1);
    assert_eq!(
        board["questions"][0]["counts"][0],
        serde_json::json!(["yes", 1])
    );
    assert_eq!(board["queue"]["cooling_down"], 1);
    assert_eq!(board["queue"]["excluded"], 1);

    let csv = app
        .get(
            &format!("/phonebanks/{id}/results.csv"),
            Some(&sender.session),
        )
        .await;
    assert_eq!(csv.status, axum::http::StatusCode::OK);
    assert!(
        csv.body.contains("\"Can we count on your vote?\""),
        "{}",
        csv.body
    );
    assert!(csv.body.contains("\"By post\""));
    assert!(csv.body.contains("\"Do not call again\""));
    // The caller cannot download the results.
    let refused = app
        .get(&format!("/phonebanks/{id}/results.csv"), Some(&sam))
        .await;
    assert_eq!(refused.status, axum::http::StatusCode::FORBIDDEN);
}
