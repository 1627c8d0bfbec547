//! The registry covers the live schema: any column that looks personal must be declared,
//! as personal or as not personal with a reason, on SQLite and PostgreSQL alike.

use crate::support::TestApp;
use app::{personal_data::schema::live_columns, privacy::registry::registry};
use std::collections::{BTreeMap, BTreeSet};

/// Whether a column's name says it may hold personal data: contact details, names,
/// places, ids of people, words a person wrote, network addresses.
fn looks_personal(column: &str) -> bool {
    const PARTS: &[&str] = &[
        "email",
        "phone",
        "mobile",
        "name",
        "postcode",
        "address",
        "person",
        "author",
        "asker",
        "host_id",
        "inviter",
        "invited_by",
        "reporter",
        "blocker",
        "blocked",
        "requested_by",
        "referrer",
        "created_by",
        "hidden_by",
        "low_id",
        "high_id",
        "viewer",
        "subject",
        "body",
        "html",
        "description",
        "title",
        "text",
        "wording",
        "reason",
        "detail",
        "comment",
        "note",
        "label",
        "venue",
        "key",
        "value",
        "error",
    ];
    column == "ip" || column.ends_with("_ip") || PARTS.iter().any(|p| column.contains(p))
}

#[tokio::test]
async fn every_column_that_looks_personal_is_in_the_registry() {
    let app = TestApp::spawn().await;
    let live = live_columns(&app.db).await.unwrap();
    assert!(live.len() > 100, "read the schema: {} columns", live.len());
    let declared: BTreeMap<&str, BTreeSet<&str>> = registry()
        .into_iter()
        .map(|t| {
            let columns = t
                .personal
                .iter()
                .copied()
                .chain(t.not_personal.iter().map(|(c, _)| *c))
                .collect();
            (t.table, columns)
        })
        .collect();
    let missing: Vec<String> = live
        .iter()
        .filter(|c| looks_personal(&c.column_name))
        .filter(|c| {
            !declared
                .get(c.table_name.as_str())
                .is_some_and(|cols| cols.contains(c.column_name.as_str()))
        })
        .map(|c| format!("{}.{}", c.table_name, c.column_name))
        .collect();
    assert!(
        missing.is_empty(),
        "not in the personal-data registry: {missing:?}"
    );
}

#[tokio::test]
async fn every_declared_table_and_column_exists() {
    let app = TestApp::spawn().await;
    let live: BTreeSet<(String, String)> = live_columns(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.table_name, c.column_name))
        .collect();
    for table in registry() {
        let declared = table
            .personal
            .iter()
            .chain(table.not_exported)
            .chain(table.not_personal.iter().map(|(c, _)| c));
        for column in declared {
            assert!(
                live.contains(&(table.table.to_string(), column.to_string())),
                "{}.{column} is declared but not in the schema",
                table.table
            );
        }
    }
}
