//! Votes: one per member per question, under any concurrency, on both databases and
//! across processes. The vote row's unique index is the rule; the question's `votes`
//! count moves in the same transaction, after its row is locked by the conditional
//! UPDATE, so a merge or decline running at the same moment either waits or wins.

use crate::{
    error::{AppError, AppResult},
    qa::{
        entity::{question, vote},
        model::QuestionStatus,
        service::{access::Access, questions::phase_of},
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::{Expr, ExprTrait, OnConflict},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionSession,
    TransactionTrait,
};

/// Whether a vote changed anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voted {
    Counted,
    AlreadyCounted,
}

/// Adds the asking member's vote to an approved question.
pub async fn vote<C>(
    db: &C,
    access: &Access,
    question_id: i32,
    now: DateTime<Utc>,
) -> AppResult<Voted>
where
    C: ConnectionTrait + TransactionTrait,
{
    change_vote(db, access, question_id, now, true).await
}

/// Takes the asking member's vote back.
pub async fn unvote<C>(
    db: &C,
    access: &Access,
    question_id: i32,
    now: DateTime<Utc>,
) -> AppResult<Voted>
where
    C: ConnectionTrait + TransactionTrait,
{
    change_vote(db, access, question_id, now, false).await
}

/// Adds (`up`) or takes back the member's vote: the question's count moves first, which
/// locks its row while it is open for votes; then the vote row is written or deleted,
/// and if that changed nothing (already voted, or no vote to take back) all is undone.
async fn change_vote<C>(
    db: &C,
    access: &Access,
    question_id: i32,
    now: DateTime<Utc>,
    up: bool,
) -> AppResult<Voted>
where
    C: ConnectionTrait + TransactionTrait,
{
    let person = access.person()?;
    if !phase_of(&access.session, now).takes_questions() {
        return Err(AppError::invalid("question", "Voting has closed."));
    }
    let txn = db.begin().await?;
    let count = Expr::col(question::Column::Votes);
    let locked = question::Entity::update_many()
        .col_expr(
            question::Column::Votes,
            if up { count.add(1) } else { count.sub(1) },
        )
        .filter(open_for_votes(access.session.id, question_id))
        .exec(&txn)
        .await?;
    if locked.rows_affected == 0 {
        txn.rollback().await?;
        return Err(AppError::invalid(
            "question",
            "That question is not open for votes.",
        ));
    }
    let changed = if up {
        vote::Entity::insert(vote::ActiveModel {
            question_id: Set(question_id),
            person_id: Set(person.id),
            created_at: Set(now),
            ..Default::default()
        })
        .on_conflict(
            OnConflict::columns([vote::Column::QuestionId, vote::Column::PersonId])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?
    } else {
        vote::Entity::delete_many()
            .filter(vote::Column::QuestionId.eq(question_id))
            .filter(vote::Column::PersonId.eq(person.id))
            .exec(&txn)
            .await?
            .rows_affected
    };
    if changed == 0 {
        txn.rollback().await?;
        return Ok(Voted::AlreadyCounted);
    }
    txn.commit().await?;
    Ok(Voted::Counted)
}

fn open_for_votes(session_id: i32, question_id: i32) -> sea_orm::Condition {
    sea_orm::Condition::all()
        .add(question::Column::Id.eq(question_id))
        .add(question::Column::SessionId.eq(session_id))
        .add(question::Column::Status.eq(QuestionStatus::Approved))
        .add(question::Column::Hidden.eq(false))
}

/// Moves `from`'s votes to `into` (inside the merge's transaction, `from` already
/// locked): someone who voted for both counts once. Returns how many moved.
pub async fn move_votes(db: &impl ConnectionTrait, from: i32, into: i32) -> AppResult<u64> {
    use sea_orm::sea_query::{Alias, Query};
    let theirs = Alias::new("theirs");
    let select = Query::select()
        .expr(Expr::val(into))
        .column((theirs.clone(), vote::Column::PersonId))
        .column((theirs.clone(), vote::Column::CreatedAt))
        .from_as(vote::Entity, theirs.clone())
        .and_where(Expr::col((theirs, vote::Column::QuestionId)).eq(from))
        .to_owned();
    let insert = Query::insert()
        .into_table(vote::Entity)
        .columns([
            vote::Column::QuestionId,
            vote::Column::PersonId,
            vote::Column::CreatedAt,
        ])
        .select_from(select)
        .map_err(|_| AppError::Internal)?
        .on_conflict(
            OnConflict::columns([vote::Column::QuestionId, vote::Column::PersonId])
                .do_nothing()
                .to_owned(),
        )
        .to_owned();
    let moved = db.execute(&insert).await?.rows_affected();
    vote::Entity::delete_many()
        .filter(vote::Column::QuestionId.eq(from))
        .exec(db)
        .await?;
    Ok(moved)
}

/// Which of `question_ids` `person_id` voted for.
pub async fn voted_for(
    db: &impl ConnectionTrait,
    person_id: i32,
    question_ids: Vec<i32>,
) -> AppResult<std::collections::HashSet<i32>> {
    Ok(vote::Entity::find()
        .filter(vote::Column::PersonId.eq(person_id))
        .filter(vote::Column::QuestionId.is_in(question_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|v| v.question_id)
        .collect())
}
