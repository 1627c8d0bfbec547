//! The forum through the router: posting, safe rendering, quoting, editing and long
//! threads.

use super::{group_with_member, person_id, post_by, start, thread_by, thread_id_from, TestApp};
use axum::http::StatusCode;
use chrono::{Duration, Utc};
use sea_orm::ConnectionTrait;

#[tokio::test]
async fn posts_render_markdown_without_script_on_the_page() {
    let app = TestApp::spawn().await;
    let (group, olive, mina) = group_with_member(&app).await;
    let started = start(&app, group, &mina, "Canvass plan", "**Saturday** <script>alert('x')</script> [bad](javascript:alert(1)) <a href=\"#\" onclick=\"steal()\">x</a>").await;
    let location = started
        .headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(
        location.contains("/groups/forum-group/threads/"),
        "{}",
        started.body
    );
    // Read by another member: the author's own view also carries the Markdown for editing.
    let page = app
        .get(location.split('?').next().unwrap(), Some(&olive))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<strong>Saturday</strong>"));
    assert!(!page.body.contains("alert('x')") && !page.body.contains("javascript:alert"));
    assert!(!page.body.contains("steal()"));
}

#[tokio::test]
async fn bad_input_names_its_field_and_saves_nothing() {
    let app = TestApp::spawn().await;
    let (group, _, mina) = group_with_member(&app).await;
    let empty = start(&app, group, &mina, "  ", "Hello").await;
    assert_eq!(empty.error_field(), "title");
    let long = "x".repeat(20_001);
    let too_long = start(&app, group, &mina, "Fine", &long).await;
    assert_eq!(too_long.error_field(), "body");
    assert_eq!(app.count("forum_threads").await, 0);
    assert_eq!(app.count("forum_posts").await, 0);

    let bad_group = app
        .call(
            "/api/groups/create",
            &[
                ("name", "Somewhere"),
                ("description", "x"),
                ("topic", "local"),
                ("postcode", "ZZ9 9ZZ"),
                ("joining", "open"),
            ],
            Some(&mina),
        )
        .await;
    assert_eq!(bad_group.error_field(), "postcode");
    assert_eq!(app.count("groups").await, 1);
}

#[tokio::test]
async fn a_reply_can_quote_and_authors_edit_only_for_a_while() {
    let app = TestApp::spawn().await;
    let (group, olive, mina) = group_with_member(&app).await;
    let started = start(&app, group, &mina, "Leaflets", "We need 500 leaflets.").await;
    let location = started
        .headers
        .get("location")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let thread = thread_id_from(&location);
    let view = app
        .call(
            "/api/groups/thread",
            &[("thread_id", &thread)],
            Some(&olive),
        )
        .await
        .json();
    let first = view["posts"][0]["id"].to_string();

    app.call(
        "/api/groups/threads/reply",
        &[
            ("thread_id", &thread),
            ("body", "I'll print them."),
            ("quote_of", &first),
        ],
        Some(&olive),
    )
    .await;
    let view = app
        .call("/api/groups/thread", &[("thread_id", &thread)], Some(&mina))
        .await
        .json();
    let reply_html = view["posts"][1]["html"].as_str().unwrap();
    assert!(
        reply_html.contains("<blockquote>") && reply_html.contains("Mina Member wrote:"),
        "{reply_html}"
    );

    // Olive's reply is hers to edit now, not Mina's; after the window, not even hers.
    let reply_id = view["posts"][1]["id"].to_string();
    let not_hers = app
        .call(
            "/api/groups/posts/edit",
            &[("post_id", &reply_id), ("body", "Mine now")],
            Some(&mina),
        )
        .await;
    assert_eq!(not_hers.status, StatusCode::FORBIDDEN);
    let edited = app
        .call(
            "/api/groups/posts/edit",
            &[("post_id", &reply_id), ("body", "I'll print 600.")],
            Some(&olive),
        )
        .await;
    assert!(edited.succeeded(), "{}", edited.body);
    app.db
        .execute_unprepared(&format!(
            "UPDATE forum_posts SET created_at = '{}' WHERE id = {reply_id}",
            (Utc::now() - Duration::hours(1)).format("%Y-%m-%d %H:%M:%S%:z")
        ))
        .await
        .unwrap();
    let late = app
        .call(
            "/api/groups/posts/edit",
            &[("post_id", &reply_id), ("body", "Too late")],
            Some(&olive),
        )
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn long_threads_come_a_page_at_a_time() {
    let app = TestApp::spawn().await;
    let (group, _, mina) = group_with_member(&app).await;
    let mina_id = person_id(&app, "mina@example.org").await;
    let thread = thread_by(&app, group, mina_id).await;
    for _ in 0..120 {
        post_by(&app, thread, mina_id).await;
    }
    app.db
        .execute_unprepared(&format!(
            "UPDATE forum_threads SET post_count = 120 WHERE id = {thread}"
        ))
        .await
        .unwrap();
    let view = app
        .call(
            "/api/groups/thread",
            &[("thread_id", &thread.to_string()), ("page", "3")],
            Some(&mina),
        )
        .await
        .json();
    assert_eq!(view["pages"], 3);
    assert_eq!(view["page"], 3);
    assert_eq!(view["posts"].as_array().unwrap().len(), 20);
}
