//! The access log as staff read it: names for ids, filters by address.

use crate::{
    auth::service::directory::{names_of, person_ref_by_email},
    error::AppResult,
    format::format_when,
    personal_data::access_log::{entries, AccessFilter},
    privacy::model::{AccessLine, AccessLogPage},
};
use sea_orm::ConnectionTrait;

const PAGE: u64 = 50;

/// A page of the log, newest first, optionally for one viewer's or one person's address.
pub async fn access_log_page(
    db: &impl ConnectionTrait,
    viewer_email: Option<&str>,
    subject_email: Option<&str>,
    what: Option<&str>,
    before: Option<i32>,
) -> AppResult<AccessLogPage> {
    let mut filter = AccessFilter {
        before_id: before,
        what: what.map(str::to_string),
        ..Default::default()
    };
    if let Some(email) = viewer_email {
        match person_ref_by_email(db, email).await? {
            Some(viewer) => filter.viewer_id = Some(viewer.id),
            None => {
                return Ok(AccessLogPage {
                    lines: Vec::new(),
                    older: None,
                })
            }
        }
    }
    if let Some(email) = subject_email {
        match person_ref_by_email(db, email).await? {
            Some(person) => filter.subject_id = Some(person.id),
            None => filter.subject_email = Some(email.to_string()),
        }
    }
    let rows = entries(db, &filter, PAGE + 1).await?;
    let older = (rows.len() as u64 > PAGE).then(|| rows[PAGE as usize - 1].id);
    let rows = &rows[..rows.len().min(PAGE as usize)];
    let mut ids = Vec::with_capacity(rows.len() * 2);
    for row in rows {
        ids.extend(row.viewer_id);
        ids.extend(row.subject_id);
    }
    let names = names_of(db, ids).await?;
    let name = |id: Option<i32>| id.and_then(|id| names.get(&id).cloned());
    let lines = rows
        .iter()
        .map(|row| AccessLine {
            when: format_when(row.at),
            viewer: name(row.viewer_id).unwrap_or_else(|| "A former member".into()),
            role: row.viewer_role.clone(),
            what: row.what.clone(),
            whose: name(row.subject_id)
                .or_else(|| row.subject_email.as_ref().map(|e| format!("{e} (guest)")))
                .unwrap_or_else(|| "An erased person".into()),
        })
        .collect();
    Ok(AccessLogPage { lines, older })
}
