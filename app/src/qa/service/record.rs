//! The published record: schema.org QAPage data, the imprint, and the email to askers
//! and voters who agreed to hear from the session's group (or the party).

use crate::{
    auth::service::directory::emails_of,
    consent::{
        model::scope_of,
        service::{emails_with_consent, Channel},
    },
    error::AppResult,
    mail::templates::{queue_templated, Template},
    qa::{
        entity::{question, session, vote},
        model::{QuestionStatus, SessionView},
    },
    ui::escape::json_in_script,
};
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::{Expr, ExprTrait, Query},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionSession, TransactionTrait,
};
use serde_json::{json, Value};

/// Who published the record, as the imprint on it.
pub fn imprint(whose: &str) -> String {
    format!("Published by {whose} on MembersNet. Answers are the politicians' own words; questions are members', edited only where marked.")
}

/// The record as schema.org QAPage data, safe inside a script element.
pub fn structured_data(view: &SessionView, url: &str) -> String {
    let questions: Vec<Value> = view
        .record
        .iter()
        .filter(|q| q.status == QuestionStatus::Answered)
        .map(|q| {
            let answers: Vec<Value> = q
                .answers
                .iter()
                .filter(|a| !a.hidden)
                .map(|a| json!({ "@type": "Answer", "text": a.body, "author": { "@type": "Person", "name": a.by }, "url": format!("{url}#answer-{}", a.id) }))
                .collect();
            json!({
                "@type": "Question",
                "name": q.body,
                "text": q.body,
                "answerCount": answers.len(),
                "upvoteCount": q.votes,
                "author": { "@type": "Person", "name": q.asker },
                "acceptedAnswer": answers.first().cloned().unwrap_or(Value::Null),
            })
        })
        .collect();
    let data = json!({
        "@context": "https://schema.org",
        "@type": "QAPage",
        "name": view.title,
        "url": url,
        "publisher": { "@type": "Organization", "name": view.whose },
        "mainEntity": questions,
    });
    json_in_script(&data.to_string())
}

/// Emails the record to those who asked or voted and agreed to hear from the session's
/// group (or the party), once per session: sessions that closed and were not yet sent.
/// Called by the worker; returns how many emails were queued.
pub async fn email_published_records<C>(
    db: &C,
    public_url: &str,
    now: DateTime<Utc>,
) -> AppResult<usize>
where
    C: ConnectionTrait + TransactionTrait,
{
    let due = session::Entity::find()
        .filter(session::Column::RecordEmailedAt.is_null())
        .filter(
            sea_orm::Condition::any()
                .add(session::Column::ClosedAt.is_not_null())
                .add(session::Column::EndsAt.lte(now)),
        )
        .all(db)
        .await?;
    let mut queued = 0;
    for s in due {
        let txn = db.begin().await?;
        // Claim it first, so two workers never send the same record twice.
        let claimed = session::Entity::update_many()
            .col_expr(session::Column::RecordEmailedAt, Expr::value(Some(now)))
            .filter(session::Column::Id.eq(s.id))
            .filter(session::Column::RecordEmailedAt.is_null())
            .exec(&txn)
            .await?;
        if claimed.rows_affected == 0 {
            continue;
        }
        let in_session = Query::select()
            .column(question::Column::Id)
            .from(question::Entity)
            .and_where(Expr::col(question::Column::SessionId).eq(s.id))
            .to_owned();
        let mut askers = Query::select()
            .column(question::Column::AskerId)
            .from(question::Entity)
            .and_where(Expr::col(question::Column::SessionId).eq(s.id))
            .and_where(Expr::col(question::Column::AskerId).is_not_null())
            .to_owned();
        let voters = Query::select()
            .column(vote::Column::PersonId)
            .from(vote::Entity)
            .and_where(Expr::col(vote::Column::QuestionId).in_subquery(in_session))
            .to_owned();
        let ids = askers
            .union(sea_orm::sea_query::UnionType::Distinct, voters)
            .to_owned();
        let emails = emails_of(&txn, ids).await?;
        let agreed =
            emails_with_consent(&txn, &emails, Channel::Email, scope_of(s.group_id)).await?;
        let link = format!("{public_url}/qa/{}", s.id);
        for email in emails.iter().filter(|e| agreed.contains(*e)) {
            queue_templated(
                &txn,
                email,
                Template::QaRecord,
                minijinja::context! { title => s.title.clone(), link => link.clone(), preferences_url => format!("{public_url}/preferences") },
            )
            .await?;
            queued += 1;
        }
        txn.commit().await?;
    }
    Ok(queued)
}
