//! Asking and withdrawing: every question waits for a moderator before anyone else sees it.

use crate::{
    auth::model::{PersonView, Role},
    error::{AppError, AppResult},
    places::region::region_of,
    qa::{
        entity::question,
        model::{Phase, QuestionStatus, QUESTIONS_PER_MEMBER, QUESTION_MAX_CHARS},
        service::{access::Access, sessions::topics_of},
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set,
};

/// A session's phase at `now`.
pub fn phase_of(session: &crate::qa::entity::session::Model, now: DateTime<Utc>) -> Phase {
    Phase::at(
        now.timestamp(),
        session.questions_open_at.timestamp(),
        session.starts_at.timestamp(),
        session.ends_at.timestamp(),
        session.closed_at.is_some(),
    )
}

/// How an asker is shown when they keep their name to themselves.
pub fn asker_region(person: &PersonView) -> String {
    let who = if person.has_role(Role::Member) {
        "A member"
    } else {
        "A supporter"
    };
    match person.postcode.as_deref().and_then(region_of) {
        Some(region) => format!("{who} in {}", region.name()),
        None => who.to_string(),
    }
}

/// Puts a question to the moderators. A member has one waiting at a time, and a few in all.
pub async fn ask(
    db: &impl ConnectionTrait,
    access: &Access,
    body: &str,
    topic: &str,
    show_name: bool,
    now: DateTime<Utc>,
) -> AppResult<i32> {
    let person = access.person()?;
    let session = &access.session;
    if !phase_of(session, now).takes_questions() {
        return Err(AppError::invalid(
            "body",
            "This session is not taking questions.",
        ));
    }
    let body = body.trim();
    let length = body.chars().count();
    if length < 10 {
        return Err(AppError::invalid(
            "body",
            "Write your question (at least 10 characters).",
        ));
    }
    if length > QUESTION_MAX_CHARS {
        return Err(AppError::invalid(
            "body",
            format!("Keep your question under {QUESTION_MAX_CHARS} characters (it has {length})."),
        ));
    }
    let topic = topic.trim();
    let topic = if topic.is_empty() {
        None
    } else {
        Some(
            topics_of(&session.topics)
                .into_iter()
                .find(|t| t == topic)
                .ok_or_else(|| AppError::invalid("topic", "Choose a topic from the list."))?,
        )
    };
    let theirs = question::Entity::find()
        .filter(question::Column::SessionId.eq(session.id))
        .filter(question::Column::AskerId.eq(person.id))
        .filter(question::Column::Status.ne(QuestionStatus::Withdrawn))
        .all(db)
        .await?;
    if theirs.iter().any(|q| q.status == QuestionStatus::Pending) {
        return Err(AppError::invalid("body", "Your last question is still waiting for a moderator: you can ask another once it has been seen."));
    }
    if theirs.len() >= QUESTIONS_PER_MEMBER {
        return Err(AppError::invalid("body", format!("You have asked {QUESTIONS_PER_MEMBER} questions in this session, the most one person may.")));
    }
    let created = question::ActiveModel {
        session_id: Set(session.id),
        asker_id: Set(Some(person.id)),
        body: Set(body.to_string()),
        original_body: Set(None),
        topic: Set(topic),
        show_name: Set(show_name),
        asker_region: Set(asker_region(person)),
        status: Set(QuestionStatus::Pending),
        decline_reason: Set(None),
        merged_into: Set(None),
        pick: Set(false),
        hidden: Set(false),
        votes: Set(0),
        moderated_by: Set(None),
        asked_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(created.id)
}

/// Withdraws one's own question (waiting or approved, not yet answered).
pub async fn withdraw(
    db: &impl ConnectionTrait,
    access: &Access,
    question_id: i32,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let person = access.person()?;
    let done = question::Entity::update_many()
        .col_expr(
            question::Column::Status,
            Expr::value(QuestionStatus::Withdrawn),
        )
        .col_expr(question::Column::UpdatedAt, Expr::value(now))
        .filter(question::Column::Id.eq(question_id))
        .filter(question::Column::SessionId.eq(access.session.id))
        .filter(question::Column::AskerId.eq(person.id))
        .filter(question::Column::Status.is_in([QuestionStatus::Pending, QuestionStatus::Approved]))
        .exec(db)
        .await?;
    if done.rows_affected == 0 {
        return Err(AppError::invalid(
            "question",
            "Only your own question, before it is answered, can be withdrawn.",
        ));
    }
    Ok(())
}
