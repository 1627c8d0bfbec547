//! A hidden sign-up never appears: every page and server-function reply that can show
//! attendance, rendered for a friend, with the sign-up hidden (no answer yet, then
//! "nobody") and shown ("friends", proving the checks can fail).

use super::{person, sign_up, TestApp};
use crate::events::event_with_capacity;

/// Everything Ann can see that could reveal Quentin's sign-up to `event`, as text.
async fn what_ann_sees(app: &TestApp, ann: &str, event: i32) -> Vec<(String, String)> {
    let mut seen = Vec::new();
    for path in [
        format!("/events/{event}"),
        "/events".to_string(),
        "/".to_string(),
        "/events/suggested".to_string(),
    ] {
        let page = app.get(&path, Some(ann)).await;
        seen.push((format!("page {path}"), page.body));
    }
    for (path, form) in [
        ("/api/events/get", vec![("id", event.to_string())]),
        ("/api/events/list", vec![]),
        ("/api/events/suggested", vec![]),
        ("/api/for-you", vec![]),
    ] {
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        seen.push((
            format!("reply {path}"),
            app.call(path, &form, Some(ann)).await.body,
        ));
    }
    seen
}

#[tokio::test]
async fn a_friends_sign_up_shows_only_when_they_share_with_friends() {
    let app = TestApp::spawn().await;
    let ann = person(&app, "Ann Able", "ann@example.org").await;
    let quentin = person(&app, "Quentin Quiet", "quentin@example.org").await;
    let (event, _) = event_with_capacity(&app, "").await;
    // Friends, but Quentin has not answered the sharing question yet.
    app.call(
        "/api/friends/request",
        &[("person_id", &quentin.0.to_string())],
        Some(&ann.1),
    )
    .await;
    app.call(
        "/api/friends/answer",
        &[("person_id", &ann.0.to_string()), ("answer", "accept")],
        Some(&quentin.1),
    )
    .await;
    sign_up(&app, &quentin, event).await;

    for (state, choice) in [("unanswered", None), ("nobody", Some("nobody"))] {
        if let Some(choice) = choice {
            app.call(
                "/api/friends/sharing",
                &[("sharing", choice)],
                Some(&quentin.1),
            )
            .await;
        }
        for (where_, text) in what_ann_sees(&app, &ann.1, event).await {
            assert!(
                !text.contains("Quentin"),
                "{state}: Quentin's sign-up shows in {where_}"
            );
        }
    }

    app.call(
        "/api/friends/sharing",
        &[("sharing", "friends")],
        Some(&quentin.1),
    )
    .await;
    let seen = what_ann_sees(&app, &ann.1, event).await;
    let shows = |what: &str| {
        seen.iter()
            .any(|(w, t)| w == what && t.contains("Quentin Quiet"))
    };
    assert!(
        shows(&format!("page /events/{event}")),
        "the event page names a sharing friend"
    );
    assert!(shows("reply /api/events/get"));
    assert!(shows("reply /api/events/list"));
    assert!(shows("reply /api/for-you"));
    assert!(
        shows("page /"),
        "the home page's friends' activity names them"
    );
}

#[tokio::test]
async fn only_friends_see_and_a_block_hides_everything() {
    let app = TestApp::spawn().await;
    let ann = person(&app, "Ann Able", "ann@example.org").await;
    let quentin = person(&app, "Quentin Quiet", "quentin@example.org").await;
    let stranger = person(&app, "Sid Stranger", "sid@example.org").await;
    let (event, _) = event_with_capacity(&app, "").await;
    super::befriend(&app, &ann, &quentin).await;
    sign_up(&app, &quentin, event).await;
    for (where_, text) in what_ann_sees(&app, &stranger.1, event).await {
        assert!(
            !text.contains("Quentin"),
            "a stranger sees Quentin's sign-up in {where_}"
        );
    }
    app.call(
        "/api/friends/block",
        &[("person_id", &ann.0.to_string())],
        Some(&quentin.1),
    )
    .await;
    for (where_, text) in what_ann_sees(&app, &ann.1, event).await {
        assert!(
            !text.contains("Quentin"),
            "a blocked person sees Quentin's sign-up in {where_}"
        );
    }
}
