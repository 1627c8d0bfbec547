//! Answers: by a politician, or a staffer for one, during the live part; afterwards, in
//! writing, for approved questions the live part did not reach.

use crate::{
    error::{AppError, AppResult},
    format::format_when,
    qa::{
        entity::{answer, question},
        model::{AnswerView, Phase, QuestionStatus, ANSWER_MAX_CHARS},
        service::{
            access::Access,
            politicians::{answered_by, answerer_for},
            questions::phase_of,
        },
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionSession, TransactionTrait,
};

/// Answers question `question_id` as politician `politician_id`; returns the answer's id.
pub async fn answer<C>(
    db: &C,
    access: &Access,
    question_id: i32,
    politician_id: i32,
    body: &str,
    now: DateTime<Utc>,
) -> AppResult<i32>
where
    C: ConnectionTrait + TransactionTrait,
{
    let person = access.person()?;
    let mine = answerer_for(db, access.session.id, person.id)
        .await?
        .unwrap_or_default();
    if !mine.contains(&politician_id) {
        return Err(AppError::Forbidden);
    }
    let body = body.trim();
    let length = body.chars().count();
    if length == 0 {
        return Err(AppError::invalid("body", "Write the answer."));
    }
    if length > ANSWER_MAX_CHARS {
        return Err(AppError::invalid(
            "body",
            format!("Keep the answer under {ANSWER_MAX_CHARS} characters (it has {length})."),
        ));
    }
    let afterwards = match phase_of(&access.session, now) {
        Phase::Live => false,
        Phase::Closed => true,
        Phase::Upcoming | Phase::Asking => {
            return Err(AppError::invalid(
                "body",
                "Answers open when the live part starts.",
            ))
        }
    };
    let txn = db.begin().await?;
    // Afterwards, only a question still waiting may be answered: nothing on the record
    // changes its status but that.
    let allowed: &[QuestionStatus] = if afterwards {
        &[QuestionStatus::Approved]
    } else {
        &[QuestionStatus::Approved, QuestionStatus::Answered]
    };
    let marked = question::Entity::update_many()
        .col_expr(
            question::Column::Status,
            Expr::value(QuestionStatus::Answered),
        )
        .col_expr(question::Column::UpdatedAt, Expr::value(now))
        .filter(question::Column::Id.eq(question_id))
        .filter(question::Column::SessionId.eq(access.session.id))
        .filter(question::Column::Status.is_in(allowed.iter().copied()))
        .exec(&txn)
        .await?;
    if marked.rows_affected == 0 {
        txn.rollback().await?;
        return Err(AppError::invalid(
            "question",
            "That question cannot be answered now.",
        ));
    }
    let created = answer::ActiveModel {
        question_id: Set(question_id),
        session_id: Set(access.session.id),
        politician_id: Set(politician_id),
        written_by: Set(Some(person.id)),
        body: Set(body.to_string()),
        afterwards: Set(afterwards),
        hidden: Set(false),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(created.id)
}

/// The answers to `question_ids`, each as everyone sees it, in the order given.
pub async fn answers_to(
    db: &impl ConnectionTrait,
    question_ids: Vec<i32>,
) -> AppResult<Vec<AnswerView>> {
    let found = answer::Entity::find()
        .filter(answer::Column::QuestionId.is_in(question_ids))
        .order_by_asc(answer::Column::Id)
        .all(db)
        .await?;
    let keys: Vec<(i32, i32, Option<i32>)> = found
        .iter()
        .map(|a| (a.id, a.politician_id, a.written_by))
        .collect();
    let by = answered_by(db, &keys).await?;
    Ok(found
        .into_iter()
        .map(|a| AnswerView {
            by: by
                .get(&a.id)
                .cloned()
                .unwrap_or_else(|| "A politician".to_string()),
            id: a.id,
            question_id: a.question_id,
            body: a.body,
            afterwards: a.afterwards,
            at: format_when(a.created_at),
            hidden: a.hidden,
        })
        .collect())
}

/// One answer as everyone sees it (for the live update).
pub async fn answer_view(
    db: &impl ConnectionTrait,
    id: i32,
) -> AppResult<Option<(i32, AnswerView)>> {
    let Some(found) = answer::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let session = found.session_id;
    Ok(answers_to(db, vec![found.question_id])
        .await?
        .into_iter()
        .find(|a| a.id == id)
        .map(|a| (session, a)))
}
