//! The download: everything the registry finds about a person, as a ZIP holding a
//! readable summary (summary.html), all of it as JSON (data.json) and each table's rows
//! as CSV (formula-safe).

use crate::{
    auth::service::directory::calendar_token_of,
    error::AppResult,
    events::service::referrals::brought_count,
    format::format_when,
    personal_data::{
        export::{rows_about, TableRows},
        zip::ZipWriter,
        Subject,
    },
    privacy::registry::registry,
    ui::escape::{csv_row, html},
};
use chrono::Utc;
use sea_orm::{ConnectionTrait, JsonValue};

/// Builds the ZIP of everything held about `subject`; `whose` names them in the summary.
pub async fn build_download(
    db: &impl ConnectionTrait,
    subject: &Subject,
    whose: &str,
) -> AppResult<Vec<u8>> {
    let tables = rows_about(db, &registry(), subject).await?;
    let activity = activity(db, subject).await?;
    let mut zip = ZipWriter::default();
    zip.add(
        "summary.html",
        summary(whose, &tables, &activity).as_bytes(),
    );
    let mut everything: serde_json::Map<String, JsonValue> = tables
        .iter()
        .map(|t| {
            let rows = t.rows.iter().cloned().map(JsonValue::Object).collect();
            (t.table.to_string(), JsonValue::Array(rows))
        })
        .collect();
    everything.insert(
        "activity".into(),
        JsonValue::Object(
            activity
                .iter()
                .map(|(what, value)| (what.to_string(), JsonValue::String(value.clone())))
                .collect(),
        ),
    );
    let json = serde_json::to_vec_pretty(&everything).unwrap_or_default();
    zip.add("data.json", &json);
    for table in tables.iter().filter(|t| !t.rows.is_empty()) {
        zip.add(&format!("{}.csv", table.table), csv(table).as_bytes());
    }
    Ok(zip.finish())
}

/// What the tables do not say row by row: how many people their share links brought
/// (those sign-ups are other people's, so only the number), and their calendar feed.
async fn activity(
    db: &impl ConnectionTrait,
    subject: &Subject,
) -> AppResult<Vec<(&'static str, String)>> {
    let Some(id) = subject.person_id else {
        return Ok(Vec::new());
    };
    let brought = brought_count(db, id).await?;
    let feed = match calendar_token_of(db, id).await? {
        Some(_) => "on: your events are in a calendar feed only you have the address of",
        None => "off",
    };
    Ok(vec![
        (
            "people_who_signed_up_through_your_share_links",
            brought.to_string(),
        ),
        ("calendar_feed", feed.to_string()),
    ])
}

/// A value as a cell: text as it is, nothing as empty, anything else as JSON.
fn cell(value: &JsonValue) -> String {
    match value {
        JsonValue::Null => String::new(),
        JsonValue::String(text) => text.clone(),
        other => other.to_string(),
    }
}

fn columns(table: &TableRows) -> Vec<String> {
    table
        .rows
        .first()
        .map(|row| row.keys().cloned().collect())
        .unwrap_or_default()
}

fn csv(table: &TableRows) -> String {
    let columns = columns(table);
    let mut out = csv_row(&columns);
    for row in &table.rows {
        let line: Vec<String> = columns
            .iter()
            .map(|c| row.get(c).map(cell).unwrap_or_default())
            .collect();
        out.push_str(&csv_row(&line));
    }
    out
}

fn summary(whose: &str, tables: &[TableRows], activity: &[(&str, String)]) -> String {
    let mut out = format!(
        "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Your data on MembersNet</title>\
         <style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}\
         table{{border-collapse:collapse;font-size:.9rem}}td,th{{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}}</style>\
         </head><body><h1>Everything MembersNet holds about {}</h1><p>Made {}. The same data is in data.json, and each table's rows in its own CSV file.</p>",
        html(whose),
        html(&format_when(Utc::now()))
    );
    if !activity.is_empty() {
        out.push_str("<h2>Your activity</h2><dl>");
        for (what, value) in activity {
            out.push_str(&format!(
                "<dt>{}</dt><dd>{}</dd>",
                html(&what.replace('_', " ")),
                html(value)
            ));
        }
        out.push_str("</dl>");
    }
    for table in tables {
        out.push_str(&format!("<h2>{}</h2>", html(table.what)));
        if table.rows.is_empty() {
            out.push_str("<p>Nothing held.</p>");
            continue;
        }
        let columns = columns(table);
        out.push_str("<table><thead><tr>");
        for c in &columns {
            out.push_str(&format!(
                "<th scope=\"col\">{}</th>",
                html(&c.replace('_', " "))
            ));
        }
        out.push_str("</tr></thead><tbody>");
        for row in &table.rows {
            out.push_str("<tr>");
            for c in &columns {
                let value = row.get(c).map(cell).unwrap_or_default();
                out.push_str(&format!("<td>{}</td>", html(&value)));
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</body></html>");
    out
}
