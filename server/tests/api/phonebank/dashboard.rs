//! The dashboard: a saved call reaches an open dashboard's live stream (from another
//! process on PostgreSQL), only organisers may open the stream, and a reviewer corrects a
//! call's outcome and answers, kept with who did it.

use super::journey::{caller, page, save};
use crate::support::next_stream_data;
use axum::{
    body::Body,
    http::{header, Request, StatusCode},
};
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use tower::ServiceExt;

#[tokio::test]
async fn a_saved_call_reaches_the_dashboard_and_a_reviewer_corrects_its_answers() {
    let (sender, id) = super::phonebank_with(2).await;
    let app = &sender.app;
    let postgres = app.db.get_database_backend() == sea_orm::DatabaseBackend::Postgres;
    let watcher_node = if postgres {
        app.another_node()
    } else {
        app.another_node_sharing_bus()
    };
    let sam = caller(&sender).await;
    let guide = app
        .call(
            "/api/phonebanks/guide-read",
            &[("phonebank_id", &id.to_string())],
            Some(&sam),
        )
        .await;
    assert!(guide.succeeded(), "{}", guide.body);

    // A caller may not watch the dashboard; the organiser may.
    let refused = watcher_node
        .router
        .clone()
        .oneshot(stream_request(id, &sam))
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let response = watcher_node
        .router
        .clone()
        .oneshot(stream_request(id, &sender.session))
        .await
        .unwrap();
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/event-stream"
    );
    let mut stream = response.into_body();
    assert_eq!(next_stream_data(&mut stream).await, "open");
    // Give the second process's listener a moment to start listening.
    tokio::time::sleep(Duration::from_millis(300)).await;

    let call = page(&sender, id, &sam).await["next"]["Call"].clone();
    let saved_at = Instant::now();
    let saved = save(
        &sender,
        id,
        &sam,
        &call,
        "talked",
        &[("answers[q1]", "yes"), ("answers[q2]", "By post")],
    )
    .await;
    assert!(saved.succeeded(), "{}", saved.body);
    assert_eq!(next_stream_data(&mut stream).await, "changed");
    assert!(
        saved_at.elapsed() < Duration::from_secs(2),
        "the change took {:?}",
        saved_at.elapsed()
    );

    let board = dashboard(&sender, id).await;
    assert_eq!(board["survey"].as_array().unwrap().len(), 2);
    let line = &board["recent"][0];
    assert_eq!(line["given"], json!({"1": "yes", "2": "By post"}));
    let call_id = line["id"].to_string();
    let correct = |fields: &'static [(&'static str, &'static str)]| {
        correction(&sender, id, call_id.clone(), fields)
    };

    // An answer the question does not offer is refused beside it, and nothing changes.
    let refused = correct(&[("outcome", "talked"), ("answers[q1]", "maybe")]).await;
    assert_eq!(refused.error_field(), "q1");
    // The outcome alone, with no answers sent: the answers stay.
    let kept = correct(&[("outcome", "talked")]).await;
    assert!(kept.succeeded(), "{}", kept.body);
    assert_eq!(
        dashboard(&sender, id).await["recent"][0]["given"],
        line["given"]
    );

    // The reviewer changes the answer: the tally and the line follow, with who did it.
    let corrected = correct(&[("outcome", "talked"), ("answers[q1]", "no")]).await;
    assert!(corrected.succeeded(), "{}", corrected.body);
    let board = dashboard(&sender, id).await;
    assert_eq!(board["recent"][0]["given"], json!({"1": "no"}));
    assert!(board["recent"][0]["corrected"]
        .as_str()
        .unwrap()
        .starts_with("Corrected by "));
    let tally = &board["questions"][0]["counts"];
    assert_eq!(tally[0], json!(["yes", 0]));
    assert_eq!(tally[1], json!(["no", 1]));

    // Not a conversation after all: no answers are kept.
    let busy = correct(&[("outcome", "busy"), ("answers[q1]", "yes")]).await;
    assert!(busy.succeeded(), "{}", busy.body);
    let board = dashboard(&sender, id).await;
    assert_eq!(board["recent"][0]["given"], json!({}));
    assert_eq!(board["recent"][0]["outcome"], "Busy");
}

/// Sends a reviewer's correction of call `call_id`.
async fn correction(
    sender: &super::Sender,
    id: i32,
    call_id: String,
    fields: &[(&str, &str)],
) -> crate::support::Reply {
    let id = id.to_string();
    let mut form = vec![("id", id.as_str()), ("call_id", call_id.as_str())];
    form.extend_from_slice(fields);
    sender
        .app
        .call("/api/phonebanks/correct", &form, Some(&sender.session))
        .await
}

async fn dashboard(sender: &super::Sender, id: i32) -> Value {
    let reply = sender
        .app
        .call(
            "/api/phonebanks/dashboard",
            &[("id", &id.to_string())],
            Some(&sender.session),
        )
        .await;
    assert!(reply.succeeded(), "{}", reply.body);
    reply.json()
}

fn stream_request(id: i32, session: &str) -> Request<Body> {
    Request::get(format!("/phonebanks/{id}/live"))
        .header(header::HOST, crate::support::HOST)
        .header(header::ACCEPT, "text/event-stream")
        .header(header::COOKIE, format!("mn_session={session}"))
        .body(Body::empty())
        .unwrap()
}
