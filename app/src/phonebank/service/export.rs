//! The results as CSV for the organiser: one row per call, a column per survey question,
//! every field formula-safe. The download is logged against each person in it.

use super::{access::Access, calls::answers_from_json, dashboard::short_name};
use crate::{
    auth::service::directory::names_of,
    error::AppResult,
    format::format_when,
    personal_data::{
        access_log::{record, Viewed, Viewing},
        viewed_things::PHONEBANK_RESULTS,
    },
    phonebank::{
        entity::{call, contact},
        model::survey::parse_survey,
    },
    ui::escape::csv_row,
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// The phonebank's results as CSV.
pub async fn results_csv(db: &impl ConnectionTrait, access: &Access) -> AppResult<String> {
    let found = &access.phonebank;
    let questions = parse_survey(&found.survey).unwrap_or_default();
    let calls = call::Entity::find()
        .filter(call::Column::PhonebankId.eq(found.id))
        .order_by_asc(call::Column::Id)
        .all(db)
        .await?;
    let contacts: HashMap<i32, contact::Model> = contact::Entity::find()
        .filter(contact::Column::PhonebankId.eq(found.id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let callers = names_of(db, calls.iter().filter_map(|c| c.caller_id)).await?;
    let mut header = vec![
        "Called at",
        "Caller",
        "Contact",
        "Area",
        "Outcome",
        "Note",
        "Call back at",
        "Corrected",
    ]
    .into_iter()
    .map(String::from)
    .collect::<Vec<_>>();
    header.extend(questions.iter().map(|q| q.label.clone()));
    let mut out = csv_row(&header);
    let mut shown = Vec::new();
    for c in &calls {
        let person = contacts.get(&c.contact_id);
        if let Some(p) = person {
            shown.push(
                p.person_id
                    .map_or_else(|| Viewed::Guest(p.email.clone()), Viewed::Account),
            );
        }
        let answers = answers_from_json(&c.answers);
        let mut fields = vec![
            format_when(c.created_at),
            c.caller_id
                .and_then(|id| callers.get(&id).cloned())
                .unwrap_or_default(),
            person.map(|p| short_name(&p.name)).unwrap_or_default(),
            person.map(|p| p.outward.clone()).unwrap_or_default(),
            c.outcome.label().to_string(),
            c.note.clone().unwrap_or_default(),
            c.callback_at.map(format_when).unwrap_or_default(),
            if c.corrected_by.is_some() { "yes" } else { "" }.to_string(),
        ];
        fields.extend(
            questions
                .iter()
                .map(|q| answers.get(&q.number).cloned().unwrap_or_default()),
        );
        out.push_str(&csv_row(&fields));
    }
    let role = format!("organiser of “{}”", found.name);
    record(
        db,
        Viewing {
            viewer_id: access.person.id,
            viewer_role: &role,
            what: PHONEBANK_RESULTS,
        },
        shown,
    )
    .await?;
    Ok(out)
}
