//! A person with data in every table: their download holds every registered column, and
//! after erasure no table holds their address, number or name.

use super::{
    seed_everywhere::{download_href, seed_everywhere, EMAIL, MOBILE, NAME},
    unzip,
};
use crate::support::{TestApp, PASSWORD};
use app::{
    consent::service::Channel, personal_data::schema::live_columns, privacy::registry::registry,
};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::Value as Json;

#[tokio::test]
async fn a_download_holds_every_registered_column_of_every_table() {
    let app = TestApp::spawn().await;
    let (_, session, _) = seed_everywhere(&app).await;
    let (status, zip) = app
        .get_bytes(&download_href(&app, &session).await, Some(&session))
        .await;
    assert_eq!(status, 200);
    let files = unzip(&zip);
    let data: Json = serde_json::from_str(&files["data.json"]).unwrap();
    for table in registry() {
        if !table.links.iter().any(|l| l.export) {
            continue;
        }
        let rows = data[table.table]
            .as_array()
            .unwrap_or_else(|| panic!("{} missing", table.table));
        assert!(!rows.is_empty(), "nothing exported from {}", table.table);
        for column in table
            .personal
            .iter()
            .filter(|c| !table.not_exported.contains(c))
        {
            assert!(
                rows.iter().any(|r| r.get(*column).is_some()),
                "{}.{column} is not in the download",
                table.table
            );
        }
        for hidden in table.not_exported {
            assert!(
                rows.iter().all(|r| r.get(*hidden).is_none()),
                "{}.{hidden} leaked",
                table.table
            );
        }
        assert!(
            files.contains_key(&format!("{}.csv", table.table)),
            "{}.csv",
            table.table
        );
    }
    // The people their share link brought are others' data: only the number.
    assert_eq!(
        data["activity"]["people_who_signed_up_through_your_share_links"],
        "1"
    );
    assert!(!files["data.json"].contains("rita@example.org"));
    // Who blocked them is never shown; whom they blocked is.
    assert_eq!(data["blocks"].as_array().unwrap().len(), 1);
    // The summary is readable and names what it holds.
    let summary = &files["summary.html"];
    assert!(summary.contains("Everything MembersNet holds about Zebedee Quux"));
    assert!(
        summary.contains("Email me about the party&#39;s campaigns"),
        "the consent's words"
    );
    assert!(
        summary.contains("host of “Door knocking”"),
        "who viewed them"
    );
    assert!(!summary.contains("olive@example.org"), "a viewer's address");
}

#[tokio::test]
async fn erasure_leaves_no_trace_in_any_table() {
    let app = TestApp::spawn().await;
    let (me, session, other) = seed_everywhere(&app).await;
    let waiting_before = app.count("signups").await;
    let reply = app
        .call(
            "/api/people/delete-account",
            &[("password", PASSWORD)],
            Some(&session),
        )
        .await;
    assert!(reply.succeeded(), "{}", reply.body);

    let traces = [EMAIL, MOBILE, NAME];
    let mut found = Vec::new();
    let backend = app.db.get_database_backend();
    for column in live_columns(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|c| c.is_text())
    {
        for trace in traces {
            let sql = format!(
                "SELECT COUNT(*) AS n FROM \"{}\" WHERE \"{}\" LIKE '%{trace}%'",
                column.table_name, column.column_name
            );
            let row = app
                .db
                .query_one_raw(Statement::from_string(backend, sql))
                .await
                .unwrap()
                .unwrap();
            if row.try_get::<i64>("", "n").unwrap() > 0 {
                found.push(format!(
                    "{}.{} holds {trace}",
                    column.table_name, column.column_name
                ));
            }
        }
    }
    assert!(found.is_empty(), "traces left: {found:?}");
    // Someone else's reply that named them keeps its words, without the name.
    let row = app
        .db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT body FROM forum_posts WHERE body LIKE 'Thanks%'".to_string(),
        ))
        .await
        .unwrap()
        .expect("the reply stays");
    assert_eq!(
        row.try_get::<String>("", "body").unwrap(),
        "Thanks, [removed], see you Saturday"
    );

    // What must be kept is kept: the objection and the bounce, as one-way hashes.
    let hashed = app.count("suppressions").await;
    assert_eq!(hashed, 2, "the bounced address and the objection to texts");
    let suppressed =
        app::mail::suppressions::suppressed_among(&app.db, Channel::Sms, &[MOBILE.to_string()])
            .await
            .unwrap();
    assert!(
        suppressed.contains(MOBILE),
        "the objection still stops texts to the number"
    );
    // The thread others replied in keeps its shape; the lonely thread is gone.
    assert_eq!(app.count("forum_threads").await, 1);
    assert_eq!(
        app.count("forum_posts").await,
        3,
        "the answered post stays as a former member's"
    );
    // Their group stays, started by a former member; their account is gone.
    assert_eq!(app.count("groups").await, 2);
    let gone = app::auth::service::accounts::stored_account(&app.db, me)
        .await
        .unwrap();
    assert!(gone.is_none());
    assert!(app::auth::service::accounts::stored_account(&app.db, other)
        .await
        .unwrap()
        .is_some());
    assert!(app.count("signups").await < waiting_before);
}
