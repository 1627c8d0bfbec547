//! The group directory: by name, topic and distance, and events on a group's page.

use super::{group_form, group_owned_by, pairs, person_id, TestApp};

#[tokio::test]
async fn the_directory_finds_groups_by_name_topic_and_place() {
    let app = TestApp::spawn().await;
    let owner = app.signed_in("Olive Owner", "olive@example.org").await;
    let mut london = group_form("Hackney Buses");
    london[3].1 = "E8 1DY".into();
    let mut sheffield = group_form("Sheffield Parks");
    sheffield[2].1 = "environment".into();
    for form in [&london, &sheffield] {
        let made = app
            .call("/api/groups/create", &pairs(form), Some(&owner))
            .await;
        assert!(made.succeeded(), "{}", made.body);
    }
    let names = |reply: serde_json::Value| -> Vec<String> {
        reply["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["name"].as_str().unwrap().to_string())
            .collect()
    };
    let by_name = app
        .call("/api/groups/list", &[("q", "parks")], None)
        .await
        .json();
    assert_eq!(names(by_name), ["Sheffield Parks"]);
    let by_topic = app
        .call("/api/groups/list", &[("topic", "transport")], None)
        .await
        .json();
    assert_eq!(names(by_topic), ["Hackney Buses"]);
    let near = app
        .call("/api/groups/list", &[("near", "S10")], None)
        .await
        .json();
    assert_eq!(names(near.clone()), ["Sheffield Parks"]);
    assert!(near["groups"][0]["distance"]
        .as_str()
        .unwrap()
        .contains("mile"));
    let unknown = app
        .call("/api/groups/list", &[("near", "nowhere")], None)
        .await;
    assert_eq!(unknown.error_field(), "near");
    let mine = app.call("/api/groups/list", &[], Some(&owner)).await.json();
    assert_eq!(mine["yours"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn organisers_add_events_that_show_on_the_group_page() {
    let app = TestApp::spawn().await;
    let owner = app.signed_in("Olive Owner", "olive@example.org").await;
    let group = group_owned_by(
        &app,
        person_id(&app, "olive@example.org").await,
        "Event group",
        "open",
    )
    .await;
    let mut form = crate::events::event_form("Group canvass", "");
    form.push(("group_id", group.to_string()));
    let made = app
        .call("/api/events/create", &pairs(&form), Some(&owner))
        .await;
    assert!(made.succeeded(), "{}", made.body);
    let page = app.get("/groups/event-group", None).await;
    assert!(
        page.body.contains("Group canvass"),
        "the event is on the group page"
    );
    assert!(page.body.contains("Join this group") || page.body.contains("Sign in to join"));
}
