//! Widgets for other sites: framable, cookie-free, forms on signed single-use tokens; and
//! oEmbed pointing at them.

use super::{Site, SLUG};
use axum::http::header;

fn token_in(html: &str) -> String {
    let start = html.find("name=\"token\" value=\"").expect("a token") + 20;
    html[start..].split('"').next().unwrap().to_string()
}

#[tokio::test]
async fn widgets_may_be_framed_by_any_site_and_set_no_cookie() {
    let site = Site::new().await;
    let app = &site.org.app;
    for path in [
        format!("/embed/groups/{SLUG}/events"),
        format!("/embed/events/{}", site.event_id),
        format!("/embed/groups/{SLUG}/join"),
        "/embed/events?near=S1%202HH&miles=20".to_string(),
    ] {
        let reply = app.get(&path, None).await;
        assert_eq!(reply.status, 200, "{path}: {}", reply.body);
        let policy = reply.headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap();
        assert!(policy.contains("frame-ancestors *"), "{path}");
        assert!(
            !reply.headers.contains_key(header::X_FRAME_OPTIONS),
            "{path}"
        );
        assert!(!reply.headers.contains_key(header::SET_COOKIE), "{path}");
        assert!(!reply.body.contains(".wasm"), "{path} carries no WASM");
        assert!(reply.body.contains("/embed/widget.js"));
    }
    let list = app.get(&format!("/embed/groups/{SLUG}/events"), None).await;
    assert!(list.body.contains("Door knocking"));
    // Every other page still refuses to be framed.
    let home = app.get("/", None).await;
    assert_eq!(home.headers[header::X_FRAME_OPTIONS], "DENY");
    assert!(home.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .contains("frame-ancestors 'none'"));
}

#[tokio::test]
async fn a_guest_signs_up_inside_the_widget_once_per_token() {
    let site = Site::new().await;
    let app = &site.org.app;
    let path = format!("/embed/events/{}", site.event_id);
    let token = token_in(&app.get(&path, None).await.body);
    let slot = site.slot_id.to_string();
    let form = [
        ("token", token.as_str()),
        ("slot_id", &slot),
        ("name", "Wendy Widget"),
        ("email", "wendy@example.org"),
    ];
    let sent = app.call(&path, &form, None).await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    assert_eq!(
        sent.headers["location"],
        format!("{path}?signed_up=confirmed")
    );
    assert!(!sent.headers.contains_key(header::SET_COOKIE));
    let done = app.get(&format!("{path}?signed_up=confirmed"), None).await;
    assert!(done.body.contains("You are signed up"));
    assert_eq!(app.count("signups").await, 1);
    // The same token again: refused, and the form comes back with a fresh one.
    let again = app.call(&path, &form, None).await;
    assert_eq!(again.status, 422);
    assert!(again.body.contains("already sent"));
    assert_ne!(token_in(&again.body), token);
    // A token for another form, or made up, is refused too.
    let join_token = token_in(
        &app.get(&format!("/embed/groups/{SLUG}/join"), None)
            .await
            .body,
    );
    let forged = [
        ("token", join_token.as_str()),
        ("slot_id", &slot),
        ("name", "Fay"),
        ("email", "fay@example.org"),
    ];
    assert_eq!(app.call(&path, &forged, None).await.status, 422);
    assert_eq!(app.count("signups").await, 1);
}

#[tokio::test]
async fn the_join_widget_keeps_details_with_its_errors_beside_the_fields() {
    let site = Site::new().await;
    let app = &site.org.app;
    let path = format!("/embed/groups/{SLUG}/join");
    let token = token_in(&app.get(&path, None).await.body);
    let bad = app
        .call(
            &path,
            &[
                ("token", &token),
                ("name", "Jo"),
                ("email", "jo@example.org"),
                ("postcode", "nowhere"),
            ],
            None,
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("join-postcode-error"));
    assert_eq!(app.count("site_joins").await, 0);
    let token = token_in(&bad.body);
    let good = app
        .call(
            &path,
            &[
                ("token", &token),
                ("name", "Jo"),
                ("email", "jo@example.org"),
                ("postcode", "S1 2HH"),
            ],
            None,
        )
        .await;
    assert_eq!(good.status, 303, "{}", good.body);
    assert_eq!(app.count("site_joins").await, 1);
}

#[tokio::test]
async fn oembed_answers_for_event_pages_and_group_sites_with_the_widget() {
    let site = Site::new().await;
    let app = &site.org.app;
    let url = format!(
        "http://127.0.0.1:3000/events/{}-door-knocking",
        site.event_id
    );
    let reply = app
        .get(
            &format!("/oembed?url={}", app::ui::escape::query_value(&url)),
            None,
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let embed = reply.json();
    assert_eq!(embed["version"], "1.0");
    assert_eq!(embed["type"], "rich");
    assert!(embed["width"].as_u64().unwrap() > 0 && embed["height"].as_u64().unwrap() > 0);
    let html = embed["html"].as_str().unwrap();
    assert!(html.starts_with(&format!(
        "<iframe src=\"http://127.0.0.1:3000/embed/events/{}\"",
        site.event_id
    )));
    let group = format!("http://127.0.0.1:3000/p/{SLUG}");
    let reply = app
        .get(
            &format!("/oembed?url={}", app::ui::escape::query_value(&group)),
            None,
        )
        .await;
    assert!(reply.json()["html"]
        .as_str()
        .unwrap()
        .contains(&format!("/embed/groups/{SLUG}/events")));
    let elsewhere = app
        .get("/oembed?url=https%3A%2F%2Fevil.example%2Fevents%2F1", None)
        .await;
    assert_eq!(elsewhere.status, 404);
    assert_eq!(app.get("/oembed?url=x&format=xml", None).await.status, 501);
}

#[tokio::test]
async fn the_resize_script_heeds_only_its_own_site() {
    let site = Site::new().await;
    let script = site.org.app.get("/embed/resize.js", None).await;
    assert_eq!(script.status, 200);
    assert!(script.body.contains("e.origin!==o"));
    assert!(script.headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));
}
