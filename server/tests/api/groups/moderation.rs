//! Moderation through the router: reports, hidden posts and locked threads.

use super::{add_member, group_with_member, person_id, post_by, thread_by, TestApp};
use axum::http::StatusCode;

#[tokio::test]
async fn hidden_posts_are_kept_for_moderators_and_gone_for_members() {
    let app = TestApp::spawn().await;
    let (group, olive, mina) = group_with_member(&app).await;
    let rude = app.create_person("Rudy Rude", "rudy@example.org").await;
    add_member(&app, group, rude, "member", "active").await;
    let thread = thread_by(&app, group, rude).await;
    let post = post_by(&app, thread, rude).await;
    let (thread, post) = (thread.to_string(), post.to_string());

    let reported = app
        .call(
            "/api/groups/posts/report",
            &[("post_id", &post), ("reason", "Abusive")],
            Some(&mina),
        )
        .await;
    assert!(reported.succeeded(), "{}", reported.body);
    let twice = app
        .call(
            "/api/groups/posts/report",
            &[("post_id", &post), ("reason", "Again")],
            Some(&mina),
        )
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    let panel = app
        .call("/api/groups/get", &[("slug", "forum-group")], Some(&olive))
        .await
        .json();
    assert_eq!(panel["moderation"]["reports"][0]["reason"], "Abusive");

    app.call(
        "/api/groups/posts/hide",
        &[("post_id", &post), ("hidden", "yes")],
        Some(&olive),
    )
    .await;
    let member_view = app
        .call("/api/groups/thread", &[("thread_id", &thread)], Some(&mina))
        .await
        .json();
    assert!(member_view["posts"][0]["html"].is_null());
    let moderator_view = app
        .call(
            "/api/groups/thread",
            &[("thread_id", &thread)],
            Some(&olive),
        )
        .await
        .json();
    assert_eq!(moderator_view["posts"][0]["html"], "<p>Hello</p>");
    assert_eq!(moderator_view["posts"][0]["hidden"], true);
    let panel = app
        .call("/api/groups/get", &[("slug", "forum-group")], Some(&olive))
        .await
        .json();
    assert_eq!(
        panel["moderation"]["reports"].as_array().unwrap().len(),
        0,
        "hiding settles the report"
    );
}

#[tokio::test]
async fn locked_threads_take_replies_from_moderators_only() {
    let app = TestApp::spawn().await;
    let (group, olive, mina) = group_with_member(&app).await;
    let thread = thread_by(&app, group, person_id(&app, "mina@example.org").await)
        .await
        .to_string();
    app.call(
        "/api/groups/threads/lock",
        &[("thread_id", &thread), ("locked", "yes")],
        Some(&olive),
    )
    .await;
    let member = app
        .call(
            "/api/groups/threads/reply",
            &[("thread_id", &thread), ("body", "But…")],
            Some(&mina),
        )
        .await;
    assert_eq!(member.status, StatusCode::CONFLICT);
    let owner = app
        .call(
            "/api/groups/threads/reply",
            &[("thread_id", &thread), ("body", "Closed.")],
            Some(&olive),
        )
        .await;
    assert!(owner.succeeded(), "{}", owner.body);
}
