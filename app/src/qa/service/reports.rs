//! Reports of questions and answers (Online Safety Act): they go to the moderators, who
//! hide what breaks the rules; hidden content stays in the record for staff.

use crate::{
    error::{AppError, AppResult},
    qa::{
        entity::{answer, question, report},
        model::ReportView,
        service::access::Access,
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

/// What is being reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reported {
    Question(i32),
    Answer(i32),
}

/// Records a report of something the reporter can see.
pub async fn report(
    db: &impl ConnectionTrait,
    access: &Access,
    what: Reported,
    reason: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let person = access.person()?;
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(AppError::invalid(
            "reason",
            "Say briefly what is wrong (up to 500 characters).",
        ));
    }
    let session = access.session.id;
    let (question_id, answer_id) = match what {
        Reported::Question(id) => {
            question::Entity::find_by_id(id)
                .filter(question::Column::SessionId.eq(session))
                .one(db)
                .await?
                .filter(|q| q.status.is_public() || q.asker_id == Some(person.id))
                .ok_or(AppError::NotFound)?;
            (Some(id), None)
        }
        Reported::Answer(id) => {
            answer::Entity::find_by_id(id)
                .filter(answer::Column::SessionId.eq(session))
                .one(db)
                .await?
                .ok_or(AppError::NotFound)?;
            (None, Some(id))
        }
    };
    report::ActiveModel {
        session_id: Set(session),
        question_id: Set(question_id),
        answer_id: Set(answer_id),
        reporter_id: Set(Some(person.id)),
        reason: Set(reason.to_string()),
        created_at: Set(now),
        resolved_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The session's open reports, oldest first.
pub async fn open_reports(
    db: &impl ConnectionTrait,
    session_id: i32,
) -> AppResult<Vec<ReportView>> {
    let found = report::Entity::find()
        .filter(report::Column::SessionId.eq(session_id))
        .filter(report::Column::ResolvedAt.is_null())
        .order_by_asc(report::Column::Id)
        .all(db)
        .await?;
    let mut out = Vec::new();
    for r in found {
        let (what, text, hidden) = if let Some(id) = r.question_id {
            let q = question::Entity::find_by_id(id).one(db).await?;
            (
                "Question",
                q.as_ref().map(|q| q.body.clone()),
                q.is_some_and(|q| q.hidden),
            )
        } else if let Some(id) = r.answer_id {
            let a = answer::Entity::find_by_id(id).one(db).await?;
            (
                "Answer",
                a.as_ref().map(|a| a.body.clone()),
                a.is_some_and(|a| a.hidden),
            )
        } else {
            continue;
        };
        out.push(ReportView {
            id: r.id,
            what: what.to_string(),
            text: text.unwrap_or_default(),
            reason: r.reason,
            question_id: r.question_id,
            answer_id: r.answer_id,
            hidden,
        });
    }
    Ok(out)
}

/// Marks a report dealt with.
pub async fn resolve(
    db: &impl ConnectionTrait,
    access: &Access,
    id: i32,
    now: DateTime<Utc>,
) -> AppResult<()> {
    report::Entity::update_many()
        .col_expr(report::Column::ResolvedAt, Expr::value(Some(now)))
        .filter(report::Column::Id.eq(id))
        .filter(report::Column::SessionId.eq(access.session.id))
        .exec(db)
        .await?;
    Ok(())
}
