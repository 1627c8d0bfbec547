//! The forum through the router: posting, safe rendering, quoting, editing, moderation,
//! notifications and long threads.

use super::{add_member, group_owned_by, person_id, post_by, thread_by, TestApp};
use app::groups::service::notifications::send_due_digests;
use axum::http::StatusCode;
use chrono::{Duration, Utc};
use sea_orm::ConnectionTrait;

/// A group owned by Olive with Mina as a member; returns (group id, olive, mina).
async fn group_with_member(app: &TestApp) -> (i32, String, String) {
    let olive = app.signed_in("Olive Owner", "olive@example.org").await;
    let group = group_owned_by(
        app,
        person_id(app, "olive@example.org").await,
        "Forum group",
        "open",
    )
    .await;
    let mina = app.signed_in("Mina Member", "mina@example.org").await;
    app.call(
        "/api/groups/join",
        &[("group_id", &group.to_string())],
        Some(&mina),
    )
    .await;
    (group, olive, mina)
}

fn thread_id_from(location: &str) -> String {
    location
        .split("/threads/")
        .nth(1)
        .unwrap()
        .split(['?', '#'])
        .next()
        .unwrap()
        .to_string()
}

async fn start(
    app: &TestApp,
    group: i32,
    who: &str,
    title: &str,
    body: &str,
) -> crate::support::Reply {
    app.call(
        "/api/groups/threads/new",
        &[
            ("group_id", &group.to_string()),
            ("title", title),
            ("body", body),
        ],
        Some(who),
    )
    .await
}

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
    assert!(
        edited.status.is_redirection() || edited.status.is_success(),
        "{}",
        edited.body
    );
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
    assert!(
        reported.status.is_redirection() || reported.status.is_success(),
        "{}",
        reported.body
    );
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
    assert!(
        owner.status.is_redirection() || owner.status.is_success(),
        "{}",
        owner.body
    );
}

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
