//! Forum email: one per post, a daily digest, or none, as each member chose.

use super::{group_with_member, start, TestApp};
use app::groups::service::notifications::send_due_digests;
use chrono::Utc;

#[tokio::test]
async fn members_get_each_post_or_a_daily_digest_as_they_chose() {
    let app = TestApp::spawn().await;
    let (group, olive, mina) = group_with_member(&app).await;
    let id = group.to_string();
    // Olive (the owner) hears of each post; Mina chose the digest (the default on joining).
    start(
        &app,
        group,
        &mina,
        "Street stall",
        "Who can help on Saturday?",
    )
    .await;
    let staff = app.signed_in_staff().await;
    let outbox = app
        .call("/api/outreach/outbox", &[], Some(&staff))
        .await
        .json();
    let to_olive: Vec<_> = outbox
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["to_email"] == "olive@example.org")
        .collect();
    assert_eq!(to_olive.len(), 1);
    assert!(to_olive[0]["subject"]
        .as_str()
        .unwrap()
        .contains("Street stall"));

    let thread = app
        .call("/api/groups/get", &[("slug", "forum-group")], Some(&mina))
        .await
        .json()["threads"][0]["id"]
        .to_string();
    app.call(
        "/api/groups/threads/reply",
        &[("thread_id", &thread), ("body", "I can.")],
        Some(&olive),
    )
    .await;
    // Mina's digest: Olive's reply is new to her; her own post is not.
    let queued = send_due_digests(&app.db, "http://127.0.0.1:3000", Utc::now())
        .await
        .unwrap();
    assert_eq!(queued, 1);
    let outbox = app
        .call("/api/outreach/outbox", &[], Some(&staff))
        .await
        .json();
    let digest = outbox
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["to_email"] == "mina@example.org")
        .unwrap()
        .clone();
    assert!(
        digest["body"]
            .as_str()
            .unwrap()
            .contains("Street stall (1 new post)"),
        "{}",
        digest["body"]
    );
    assert_eq!(
        send_due_digests(&app.db, "http://x", Utc::now())
            .await
            .unwrap(),
        0,
        "once a day"
    );

    // Choosing "none" stops the emails.
    app.call(
        "/api/groups/notify",
        &[("group_id", &id), ("notify", "none")],
        Some(&olive),
    )
    .await;
    let before = app.count("outbox_emails").await;
    app.call(
        "/api/groups/threads/reply",
        &[("thread_id", &thread), ("body", "Great.")],
        Some(&mina),
    )
    .await;
    assert_eq!(app.count("outbox_emails").await, before);
}
