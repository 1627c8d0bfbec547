//! The moderators' work: approve, edit (the record says so), merge into an earlier
//! question (votes and askers combine), decline with a reason from the short list, pick,
//! and hide reported content (kept in the record for staff).

use crate::{
    error::{AppError, AppResult},
    qa::{
        entity::{answer, question},
        model::{DeclineReason, QuestionStatus, QUESTION_MAX_CHARS},
        service::{access::Access, votes::move_votes},
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionSession, TransactionTrait,
};

/// One moderator decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Edit(String),
    Merge { into: i32 },
    Decline(DeclineReason),
    Pick(bool),
    Hide(bool),
}

/// What the decision changed, so watchers can be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decided {
    /// Whether other members' view changed (anything but a waiting question's edit).
    pub public: bool,
}

/// Applies `decision` to question `id` of the session.
pub async fn decide<C>(
    db: &C,
    access: &Access,
    id: i32,
    decision: Decision,
    now: DateTime<Utc>,
) -> AppResult<Decided>
where
    C: ConnectionTrait + TransactionTrait,
{
    let moderator = access.person()?.id;
    let found = question::Entity::find_by_id(id)
        .filter(question::Column::SessionId.eq(access.session.id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let was_public = found.status.is_public();
    let update = || {
        question::Entity::update_many()
            .col_expr(question::Column::ModeratedBy, Expr::value(Some(moderator)))
            .col_expr(question::Column::UpdatedAt, Expr::value(now))
            .filter(question::Column::Id.eq(id))
    };
    let waiting_or_shown = [QuestionStatus::Pending, QuestionStatus::Approved];
    let changed = match decision {
        Decision::Approve => {
            update()
                .col_expr(
                    question::Column::Status,
                    Expr::value(QuestionStatus::Approved),
                )
                .filter(question::Column::Status.eq(QuestionStatus::Pending))
                .exec(db)
                .await?
                .rows_affected
        }
        Decision::Edit(body) => {
            let body = body.trim().to_string();
            let length = body.chars().count();
            if !(10..=QUESTION_MAX_CHARS).contains(&length) {
                return Err(AppError::invalid(
                    "body",
                    format!("A question has 10 to {QUESTION_MAX_CHARS} characters."),
                ));
            }
            if body == found.body {
                return Ok(Decided { public: false });
            }
            update()
                .col_expr(question::Column::Body, Expr::value(body))
                .col_expr(
                    question::Column::OriginalBody,
                    Expr::value(Some(
                        found.original_body.clone().unwrap_or(found.body.clone()),
                    )),
                )
                .filter(question::Column::Status.is_in(waiting_or_shown))
                .exec(db)
                .await?
                .rows_affected
        }
        Decision::Merge { into } => return merge(db, access, &found, into, moderator, now).await,
        Decision::Decline(reason) => {
            update()
                .col_expr(
                    question::Column::Status,
                    Expr::value(QuestionStatus::Declined),
                )
                .col_expr(question::Column::DeclineReason, Expr::value(Some(reason)))
                .filter(question::Column::Status.is_in(waiting_or_shown))
                .exec(db)
                .await?
                .rows_affected
        }
        Decision::Pick(pick) => {
            update()
                .col_expr(question::Column::Pick, Expr::value(pick))
                .filter(
                    question::Column::Status
                        .is_in([QuestionStatus::Approved, QuestionStatus::Answered]),
                )
                .exec(db)
                .await?
                .rows_affected
        }
        Decision::Hide(hidden) => {
            update()
                .col_expr(question::Column::Hidden, Expr::value(hidden))
                .exec(db)
                .await?
                .rows_affected
        }
    };
    if changed == 0 {
        return Err(AppError::invalid(
            "question",
            "That question has moved on: reload to see where it is now.",
        ));
    }
    Ok(Decided {
        public: was_public || decision_shows(&found.status),
    })
}

fn decision_shows(status: &QuestionStatus) -> bool {
    // Approving a waiting question shows it to everyone.
    *status == QuestionStatus::Pending
}

/// Merges `found` into the earlier question `into`: its asker joins that question, its
/// votes move there (someone who voted for both counts once) and it points there.
async fn merge<C>(
    db: &C,
    access: &Access,
    found: &question::Model,
    into: i32,
    moderator: i32,
    now: DateTime<Utc>,
) -> AppResult<Decided>
where
    C: ConnectionTrait + TransactionTrait,
{
    if into == found.id {
        return Err(AppError::invalid(
            "into",
            "Choose another question to merge into.",
        ));
    }
    let target = question::Entity::find_by_id(into)
        .filter(question::Column::SessionId.eq(access.session.id))
        .one(db)
        .await?
        .filter(|t| t.status.is_public())
        .ok_or_else(|| {
            AppError::invalid("into", "Merge into an approved question of this session.")
        })?;
    let txn = db.begin().await?;
    let locked = question::Entity::update_many()
        .col_expr(
            question::Column::Status,
            Expr::value(QuestionStatus::Merged),
        )
        .col_expr(question::Column::MergedInto, Expr::value(Some(target.id)))
        .col_expr(question::Column::Votes, Expr::value(0))
        .col_expr(question::Column::ModeratedBy, Expr::value(Some(moderator)))
        .col_expr(question::Column::UpdatedAt, Expr::value(now))
        .filter(question::Column::Id.eq(found.id))
        .filter(question::Column::Status.is_in([QuestionStatus::Pending, QuestionStatus::Approved]))
        .exec(&txn)
        .await?;
    if locked.rows_affected == 0 {
        txn.rollback().await?;
        return Err(AppError::invalid(
            "question",
            "That question has moved on: reload to see where it is now.",
        ));
    }
    let moved = move_votes(&txn, found.id, target.id).await?;
    question::Entity::update_many()
        .col_expr(
            question::Column::Votes,
            Expr::col(question::Column::Votes).add(moved as i32),
        )
        .filter(question::Column::Id.eq(target.id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(Decided { public: true })
}

/// Hides or shows an answer (a report upheld); staff still see it in the record.
pub async fn hide_answer(
    db: &impl ConnectionTrait,
    access: &Access,
    answer_id: i32,
    hidden: bool,
) -> AppResult<()> {
    let done = answer::Entity::update_many()
        .col_expr(answer::Column::Hidden, Expr::value(hidden))
        .filter(answer::Column::Id.eq(answer_id))
        .filter(answer::Column::SessionId.eq(access.session.id))
        .exec(db)
        .await?;
    if done.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}
