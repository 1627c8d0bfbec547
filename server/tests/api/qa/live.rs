//! The live stream: a vote and an answer made through one server process reach a watcher
//! connected to another in under two seconds (on PostgreSQL, through LISTEN/NOTIFY; on
//! SQLite, one process, through its own channel).

use super::webchat;
use app::qa::model::LiveUpdate;
use axum::{
    body::Body,
    http::{header, Request},
};
use std::time::{Duration, Instant};
use tower::ServiceExt;

#[tokio::test]
async fn a_vote_and_an_answer_reach_a_watcher_on_another_process() {
    let chat = webchat().await;
    let app = chat.app();
    let postgres = app.db.get_database_backend() == sea_orm::DatabaseBackend::Postgres;
    // On SQLite there is one process; on PostgreSQL the watcher is on a second node.
    let watcher_node = if postgres {
        app.another_node()
    } else {
        chat.app().another_node_sharing_bus()
    };
    let ann = chat.member("Ann Asker", "ann@example.org").await;
    let question = chat
        .ask(&ann, "What will you do about buses that stop at seven?")
        .await;
    assert!(chat.decide(question, "approve", &[]).await.succeeded());

    let request = Request::get(format!("/qa/{}/live", chat.id))
        .header(header::HOST, crate::support::HOST)
        .header(header::ACCEPT, "text/event-stream")
        .body(Body::empty())
        .unwrap();
    let response = watcher_node.router.clone().oneshot(request).await.unwrap();
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/event-stream"
    );
    let mut body = response.into_body();
    let first = next_update(&mut body).await;
    assert!(
        matches!(first, LiveUpdate::Counts { watching: 1, .. }),
        "{first:?}"
    );
    // Give the second process's listener a moment to start listening.
    tokio::time::sleep(Duration::from_millis(300)).await;

    let voted_at = Instant::now();
    assert!(chat
        .vote(&ann_voter(&chat).await, question, "up")
        .await
        .succeeded());
    loop {
        match next_update(&mut body).await {
            LiveUpdate::Counts { votes, .. } if votes.contains(&(question, 1)) => break,
            _ => assert!(
                voted_at.elapsed() < Duration::from_secs(2),
                "the vote took too long"
            ),
        }
    }
    assert!(
        voted_at.elapsed() < Duration::from_secs(2),
        "vote arrived after {:?}",
        voted_at.elapsed()
    );

    let (id, q, jo) = (chat.id(), question.to_string(), chat.jo_id.to_string());
    let answered_at = Instant::now();
    assert!(app
        .call(
            "/api/qa/answer",
            &[
                ("id", &id),
                ("question_id", &q),
                ("politician_id", &jo),
                ("body", "Evening buses from April.")
            ],
            Some(&chat.jo)
        )
        .await
        .succeeded());
    loop {
        match next_update(&mut body).await {
            LiveUpdate::Answer { answer } => {
                assert_eq!(answer.body, "Evening buses from April.");
                assert_eq!(answer.by, "Jo Evans MP");
                break;
            }
            _ => assert!(answered_at.elapsed() < Duration::from_secs(2)),
        }
    }
    assert!(
        answered_at.elapsed() < Duration::from_secs(2),
        "answer arrived after {:?}",
        answered_at.elapsed()
    );
}

/// Someone other than the asker, to vote.
async fn ann_voter(chat: &super::Webchat) -> String {
    chat.member("Vic Voter", "vic@example.org").await
}

/// The next `data:` line of the stream as an update, waiting up to three seconds.
async fn next_update(body: &mut Body) -> LiveUpdate {
    serde_json::from_str(&crate::support::next_stream_data(body).await).expect("an update")
}
