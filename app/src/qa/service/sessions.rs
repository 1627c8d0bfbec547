//! Scheduling a session, naming its moderators, and closing it.

use crate::{
    auth::service::directory::person_ref_by_email,
    error::{AppError, AppResult},
    outreach::service::senders::Sender,
    qa::{
        entity::{moderator, politician, session, session_politician},
        model::{Askers, Readers, SessionKind},
        service::access::Access,
    },
    validate::EmailAddress,
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};

/// Everything the schedule form gives.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub kind: SessionKind,
    pub title: String,
    pub description: String,
    pub askers: Askers,
    pub readers: Readers,
    pub questions_open: DateTime<Utc>,
    pub starts: DateTime<Utc>,
    pub ends: DateTime<Utc>,
    pub topics: String,
    pub topic_cap: i32,
    pub politicians: Vec<i32>,
    /// Moderators' email addresses, one per line.
    pub moderators: String,
}

/// The topics, one per line, trimmed, without repeats.
pub fn topics_of(text: &str) -> Vec<String> {
    let mut topics: Vec<String> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !topics.iter().any(|t| t.eq_ignore_ascii_case(line)) {
            topics.push(line.to_string());
        }
    }
    topics
}

/// Checks the form and schedules the session for `sender`'s group (or nationally).
pub async fn create_session<C>(db: &C, sender: &Sender, new: NewSession) -> AppResult<i32>
where
    C: ConnectionTrait + TransactionTrait,
{
    let title = new.title.trim();
    if title.is_empty() || title.chars().count() > 160 {
        return Err(AppError::invalid(
            "title",
            "Give the session a title (up to 160 characters).",
        ));
    }
    if new.description.chars().count() > 4_000 {
        return Err(AppError::invalid(
            "description",
            "Keep the description under 4,000 characters.",
        ));
    }
    if new.starts < new.questions_open {
        return Err(AppError::invalid(
            "starts",
            "The live part must start after questions open.",
        ));
    }
    if new.ends <= new.starts {
        return Err(AppError::invalid(
            "ends",
            "The end must come after the start.",
        ));
    }
    let longest = match new.kind {
        SessionKind::Webchat => Duration::hours(4),
        SessionKind::Forum => Duration::days(14),
    };
    if new.ends - new.starts > longest {
        return Err(AppError::invalid(
            "ends",
            match new.kind {
                SessionKind::Webchat => {
                    "A webchat runs for four hours at most; choose a forum Q&A for longer."
                }
                SessionKind::Forum => "A forum Q&A runs for two weeks at most.",
            },
        ));
    }
    if new.askers == Askers::Group && sender.group.is_none() {
        return Err(AppError::invalid(
            "askers",
            "A national session is asked by party members or anyone signed in.",
        ));
    }
    let topics = topics_of(&new.topics);
    if topics.len() > 12 || topics.iter().any(|t| t.chars().count() > 60) {
        return Err(AppError::invalid(
            "topics",
            "Up to 12 topics, each under 60 characters.",
        ));
    }
    if !(0..=10).contains(&new.topic_cap) {
        return Err(AppError::invalid(
            "topic_cap",
            "Choose a cap from 0 (none) to 10.",
        ));
    }
    if new.politicians.is_empty() {
        return Err(AppError::invalid(
            "politicians",
            "Choose at least one politician.",
        ));
    }
    let known = politician::Entity::find()
        .filter(politician::Column::Id.is_in(new.politicians.clone()))
        .count(db)
        .await?;
    if known as usize != new.politicians.len() {
        return Err(AppError::invalid(
            "politicians",
            "Choose politicians from the list.",
        ));
    }
    let mut moderator_ids = Vec::new();
    for line in new
        .moderators
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        let email = EmailAddress::parse("moderators", line)?;
        let person = person_ref_by_email(db, email.as_str())
            .await?
            .ok_or_else(|| {
                AppError::invalid(
                    "moderators",
                    format!("No account has the address {}.", email.as_str()),
                )
            })?;
        moderator_ids.push(person.id);
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    let created = session::ActiveModel {
        group_id: Set(sender.group.as_ref().map(|g| g.id)),
        kind: Set(new.kind),
        title: Set(title.to_string()),
        description: Set(new.description.trim().to_string()),
        askers: Set(new.askers),
        readers: Set(new.readers),
        questions_open_at: Set(new.questions_open),
        starts_at: Set(new.starts),
        ends_at: Set(new.ends),
        closed_at: Set(None),
        topics: Set(topics.join("\n")),
        topic_cap: Set(new.topic_cap),
        record_emailed_at: Set(None),
        created_by: Set(Some(sender.person.id)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for politician_id in new.politicians {
        session_politician::ActiveModel {
            session_id: Set(created.id),
            politician_id: Set(politician_id),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    for person_id in moderator_ids {
        add_moderator_id(&txn, created.id, person_id).await?;
    }
    txn.commit().await?;
    Ok(created.id)
}

/// Names the account at `email` a moderator of the session.
pub async fn add_moderator(
    db: &impl ConnectionTrait,
    access: &Access,
    email: &str,
) -> AppResult<()> {
    let email = EmailAddress::parse("email", email)?;
    let person = person_ref_by_email(db, email.as_str())
        .await?
        .ok_or_else(|| AppError::invalid("email", "No account has that address."))?;
    add_moderator_id(db, access.session.id, person.id).await
}

async fn add_moderator_id(
    db: &impl ConnectionTrait,
    session_id: i32,
    person_id: i32,
) -> AppResult<()> {
    moderator::Entity::insert(moderator::ActiveModel {
        session_id: Set(session_id),
        person_id: Set(person_id),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([moderator::Column::SessionId, moderator::Column::PersonId])
    .exec(db)
    .await?;
    Ok(())
}

/// Closes the session now (its record is published at once). Closing twice is no error.
pub async fn close_session(
    db: &impl ConnectionTrait,
    access: &Access,
    now: DateTime<Utc>,
) -> AppResult<()> {
    session::Entity::update_many()
        .col_expr(
            session::Column::ClosedAt,
            sea_orm::sea_query::Expr::value(Some(now)),
        )
        .filter(session::Column::Id.eq(access.session.id))
        .filter(session::Column::ClosedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Sets how many of the top slots one topic may take.
pub async fn set_topic_cap(db: &impl ConnectionTrait, access: &Access, cap: i32) -> AppResult<()> {
    if !(0..=10).contains(&cap) {
        return Err(AppError::invalid(
            "topic_cap",
            "Choose a cap from 0 (none) to 10.",
        ));
    }
    let mut row: session::ActiveModel = access.session.clone().into();
    row.topic_cap = Set(cap);
    row.update(db).await?;
    Ok(())
}
