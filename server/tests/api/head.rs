//! Names that strangers choose reach the page head (title, meta tags) and the JSON-LD
//! block as text, never as markup.

use crate::{
    events::event_hosted_by,
    groups::{group_owned_by, thread_by},
    support::TestApp,
};
use sea_orm::{ConnectionTrait, Statement};

const HOSTILE: &str =
    r#"</title><meta http-equiv="refresh" content="0;url=https://elsewhere.example/"><!-- & ]]>"#;

/// The part of a page between `<head>` and `</head>`.
fn head_of(body: &str) -> &str {
    let start = body.find("<head>").expect("a head");
    let end = body.find("</head>").expect("the head ends");
    &body[start..end]
}

fn assert_no_injection(body: &str) {
    let head = head_of(body);
    assert!(!head.contains(r#"<meta http-equiv="refresh""#), "{head}");
    assert!(!body.contains(HOSTILE), "the hostile text is written raw");
    assert!(!body.contains("<!-- & ]]>"), "a comment opened in the page");
    assert_eq!(
        head.matches("<title>").count(),
        1,
        "one title element: {head}"
    );
}

async fn rename(app: &TestApp, sql: &str) {
    let backend = app.db.get_database_backend();
    app.db
        .execute_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [HOSTILE.into()],
        ))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_hostile_event_title_stays_text_in_the_head_and_the_json_ld() {
    let app = TestApp::spawn().await;
    let host = app.create_person("Hana", "hana@example.org").await;
    let (event, _) = event_hosted_by(&app, host, "10").await;
    let sql = match app.db.get_database_backend() {
        sea_orm::DatabaseBackend::Postgres => "UPDATE events SET title = $1",
        _ => "UPDATE events SET title = ?",
    };
    rename(&app, sql).await;

    let page = app.get(&format!("/events/{event}"), None).await;

    assert_no_injection(&page.body);
    let json_ld = page
        .body
        .split(r#"type="application/ld+json""#)
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("a JSON-LD block");
    assert!(!json_ld[1..].contains(['<', '&']), "{json_ld}");
    assert!(
        page.body.contains("&lt;/title&gt;"),
        "the title shows as text"
    );
}

#[tokio::test]
async fn a_hostile_group_name_and_thread_title_stay_text_in_the_head() {
    let app = TestApp::spawn().await;
    let olive = app.signed_in("Olive", "olive@example.org").await;
    let owner = app.me(Some(&olive)).await["id"].as_i64().unwrap() as i32;
    let group = group_owned_by(&app, owner, "Bus users", "open").await;
    let thread = thread_by(&app, group, owner).await;
    let postgres = app.db.get_database_backend() == sea_orm::DatabaseBackend::Postgres;
    let p = if postgres { "$1" } else { "?" };
    rename(&app, &format!("UPDATE groups SET name = {p}")).await;
    rename(&app, &format!("UPDATE forum_threads SET title = {p}")).await;

    let group_page = app.get("/groups/bus-users", None).await;
    let thread_page = app
        .get(&format!("/groups/bus-users/threads/{thread}"), Some(&olive))
        .await;

    for body in [&group_page.body, &thread_page.body] {
        assert_no_injection(body);
        assert!(
            head_of(body).contains("&lt;/title&gt;"),
            "the name shows as text"
        );
    }
}
