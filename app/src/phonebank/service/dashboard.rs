//! The organiser's dashboard: calls made, callers calling now, outcomes, each question's
//! tally, where the queue stands (and so why it is empty when it is), and recent calls.

use super::{
    access::Access,
    calls::{answers_from_json, answers_json},
};
use crate::{
    auth::service::directory::names_of,
    error::{AppError, AppResult},
    format::format_when,
    phonebank::{
        entity::{call, caller, contact},
        model::{
            survey::parse_survey, CallLine, CallersAllowed, ContactState, Dashboard, Outcome,
            QuestionTally, QueueState, OUTCOMES,
        },
        service::leasing::LEASE_FOR,
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::Expr, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::{BTreeMap, HashMap};

/// How many recent calls the dashboard lists.
const RECENT: u64 = 20;

/// Where each contact of the phonebank stands right now.
pub async fn queue_state(
    db: &impl ConnectionTrait,
    phonebank_id: i32,
    now: DateTime<Utc>,
) -> AppResult<QueueState> {
    let count = |cond: Condition| async move {
        contact::Entity::find()
            .filter(contact::Column::PhonebankId.eq(phonebank_id))
            .filter(cond)
            .count(db)
            .await
            .map(|n| n as i64)
    };
    let queued = || Condition::all().add(contact::Column::State.eq(ContactState::Queued));
    let waiting = || queued().add(contact::Column::AvailableAt.gt(now));
    Ok(QueueState {
        ready: count(queued().add(contact::Column::AvailableAt.lte(now))).await?,
        leased: count(waiting().add(contact::Column::LeasedBy.is_not_null())).await?,
        cooling_down: count(
            waiting()
                .add(contact::Column::LeasedBy.is_null())
                .add(contact::Column::CallbackFor.is_null()),
        )
        .await?,
        waiting_for_call_back: count(
            waiting()
                .add(contact::Column::LeasedBy.is_null())
                .add(contact::Column::CallbackFor.is_not_null()),
        )
        .await?,
        finished: count(Condition::all().add(contact::Column::State.eq(ContactState::Finished)))
            .await?,
        excluded: count(Condition::all().add(contact::Column::State.eq(ContactState::Excluded)))
            .await?,
    })
}

/// The dashboard of the phonebank `access` opened.
pub async fn dashboard(
    db: &impl ConnectionTrait,
    access: &Access,
    public_url: &str,
    now: DateTime<Utc>,
) -> AppResult<Dashboard> {
    let found = &access.phonebank;
    let calls: Vec<(Outcome, String)> = call::Entity::find()
        .filter(call::Column::PhonebankId.eq(found.id))
        .select_only()
        .column(call::Column::Outcome)
        .column(call::Column::Answers)
        .into_tuple()
        .all(db)
        .await?;
    let mut by_outcome: HashMap<Outcome, i64> = HashMap::new();
    let mut answers: Vec<BTreeMap<usize, String>> = Vec::new();
    for (outcome, stored) in &calls {
        *by_outcome.entry(*outcome).or_default() += 1;
        if outcome.keeps_answers() {
            answers.push(answers_from_json(stored));
        }
    }
    let questions = parse_survey(&found.survey).unwrap_or_default();
    let tallies: Vec<QuestionTally> = questions
        .iter()
        .map(|q| {
            let given: Vec<&String> = answers.iter().filter_map(|a| a.get(&q.number)).collect();
            QuestionTally {
                label: q.label.clone(),
                counts: q
                    .choices()
                    .into_iter()
                    .map(|choice| {
                        let n = given
                            .iter()
                            .filter(|g| g.split("; ").any(|v| v == choice))
                            .count() as i64;
                        (choice, n)
                    })
                    .collect(),
                answered: given.len() as i64,
            }
        })
        .collect();
    let callers_now = caller::Entity::find()
        .filter(caller::Column::PhonebankId.eq(found.id))
        .filter(caller::Column::LastSeenAt.gt(now - LEASE_FOR))
        .count(db)
        .await? as i64;
    Ok(Dashboard {
        id: found.id,
        name: found.name.clone(),
        status: found.status,
        calls: calls.len() as i64,
        callers_now,
        outcomes: OUTCOMES
            .iter()
            .map(|o| {
                (
                    o.label().to_string(),
                    by_outcome.get(o).copied().unwrap_or(0),
                )
            })
            .collect(),
        questions: tallies,
        survey: questions,
        queue: queue_state(db, found.id, now).await?,
        join_link: (found.callers == CallersAllowed::LinkHolders || found.group_id.is_some())
            .then(|| format!("{public_url}/phonebanks/join/{}", found.join_token)),
        recent: recent_calls(db, found.id).await?,
    })
}

async fn recent_calls(db: &impl ConnectionTrait, phonebank_id: i32) -> AppResult<Vec<CallLine>> {
    let rows = call::Entity::find()
        .filter(call::Column::PhonebankId.eq(phonebank_id))
        .order_by_desc(call::Column::Id)
        .limit(RECENT)
        .all(db)
        .await?;
    let contacts: HashMap<i32, String> = contact::Entity::find()
        .filter(contact::Column::Id.is_in(rows.iter().map(|r| r.contact_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, short_name(&c.name)))
        .collect();
    let people = names_of(
        db,
        rows.iter()
            .filter_map(|r| r.caller_id)
            .chain(rows.iter().filter_map(|r| r.corrected_by)),
    )
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let given = answers_from_json(&r.answers);
            CallLine {
                id: r.id,
                when: format_when(r.created_at),
                caller: r
                    .caller_id
                    .and_then(|id| people.get(&id).cloned())
                    .unwrap_or_else(|| "a former member".into()),
                contact: contacts.get(&r.contact_id).cloned().unwrap_or_default(),
                outcome: r.outcome,
                answers: given
                    .iter()
                    .map(|(q, a)| format!("Q{q}: {a}"))
                    .collect::<Vec<_>>()
                    .join(" · "),
                given,
                corrected: r.corrected_by.map(|id| {
                    format!(
                        "Corrected by {}",
                        people
                            .get(&id)
                            .cloned()
                            .unwrap_or_else(|| "a former member".into())
                    )
                }),
            }
        })
        .collect())
}

/// "Ann B.": the first name and the last name's initial, all a caller is shown.
pub fn short_name(name: &str) -> String {
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or("friend");
    match words.last().and_then(|last| last.chars().next()) {
        Some(initial) => format!("{first} {initial}."),
        None => first.to_string(),
    }
}

/// Corrects a call's outcome, and its answers if given, as a reviewer; what it said
/// before is kept with who changed it. The queue is left as the call left it.
pub async fn correct_call(
    db: &impl ConnectionTrait,
    access: &Access,
    call_id: i32,
    outcome: Outcome,
    answers: Option<&BTreeMap<usize, String>>,
) -> AppResult<()> {
    let found = call::Entity::find_by_id(call_id)
        .filter(call::Column::PhonebankId.eq(access.phonebank.id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let before = answers_from_json(&found.answers);
    let previous =
        serde_json::json!({ "outcome": found.outcome.as_str(), "answers": before }).to_string();
    let answers = answers.unwrap_or(&before);
    call::Entity::update_many()
        .col_expr(call::Column::Outcome, Expr::value(outcome))
        .col_expr(call::Column::Answers, Expr::value(answers_json(answers)))
        .col_expr(call::Column::Previous, Expr::value(previous))
        .col_expr(call::Column::CorrectedBy, Expr::value(access.person.id))
        .col_expr(call::Column::CorrectedAt, Expr::value(Utc::now()))
        .filter(call::Column::Id.eq(call_id))
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn callers_see_a_first_name_and_an_initial() {
        assert_eq!(super::short_name("Ann  Marie Brown"), "Ann B.");
        assert_eq!(super::short_name("Cher"), "Cher");
        assert_eq!(super::short_name("  "), "friend");
    }
}
