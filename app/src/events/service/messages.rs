//! Emails from an event's hosts to the people signed up: a message, a change, a cancellation.

use super::hosts::event_for_host;
use crate::{
    auth::model::PersonView,
    db::begin_write,
    error::{AppError, AppResult},
    events::{
        entity::{event, event_slot, signup},
        model::{event_path, SignUpStatus},
    },
    mail::{queue_templated, Template},
    validate::bounded_text,
};
use minijinja::context;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, TransactionSession,
    TransactionTrait,
};

/// Who a message to an event goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Confirmed,
    ConfirmedAndWaitlist,
}

/// (name, email) of everyone who signed up themselves, once each even if they hold
/// several slots. Walk-ins the host typed in are left out.
pub async fn recipients(
    db: &impl ConnectionTrait,
    event_id: i32,
    audience: Audience,
) -> AppResult<Vec<(String, String)>> {
    let slot_ids: Vec<i32> = event_slot::Entity::find()
        .filter(event_slot::Column::EventId.eq(event_id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let statuses = match audience {
        Audience::Confirmed => vec![SignUpStatus::Confirmed],
        Audience::ConfirmedAndWaitlist => vec![SignUpStatus::Confirmed, SignUpStatus::Waitlisted],
    };
    let mut people: Vec<(String, String)> = signup::Entity::find()
        .filter(signup::Column::SlotId.is_in(slot_ids))
        .filter(signup::Column::Status.is_in(statuses))
        .filter(signup::Column::AddedByHost.eq(false))
        .order_by_asc(signup::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.name, s.email))
        .collect();
    let mut seen = std::collections::HashSet::new();
    people.retain(|(_, email)| seen.insert(email.clone()));
    Ok(people)
}

/// Queues one email per recipient, each greeted by name, with the event's link at the end.
pub async fn send_to_recipients(
    db: &impl ConnectionTrait,
    found: &event::Model,
    audience: Audience,
    subject: &str,
    body: &str,
    public_url: &str,
) -> AppResult<usize> {
    let people = recipients(db, found.id, audience).await?;
    let link = format!(
        "{}{}",
        public_url.trim_end_matches('/'),
        event_path(found.id, &found.slug)
    );
    let paragraphs: Vec<&str> = body.split("\n\n").collect();
    for (name, email) in &people {
        let values = context! {
            name, subject, message => body, paragraphs => &paragraphs,
            title => &found.title, event_url => &link,
        };
        queue_templated(db, email, Template::ToAttendees, values).await?;
    }
    Ok(people.len())
}

/// A host's own message to the people signed up. Returns how many it went to.
pub async fn email_attendees<C>(
    db: &C,
    event_id: i32,
    viewer: &PersonView,
    subject: &str,
    body: &str,
    include_waitlist: bool,
    public_url: &str,
) -> AppResult<usize>
where
    C: ConnectionTrait + TransactionTrait,
{
    let found = event_for_host(db, event_id, viewer).await?;
    let subject = bounded_text("subject", subject, 150, true)?;
    let body = bounded_text("body", body, 5000, true)?;
    let audience = if include_waitlist {
        Audience::ConfirmedAndWaitlist
    } else {
        Audience::Confirmed
    };
    // All the emails or none.
    let txn = begin_write(db).await?;
    let sent = send_to_recipients(&txn, &found, audience, &subject, &body, public_url).await?;
    if sent == 0 {
        return Err(AppError::invalid(
            "body",
            "Nobody is signed up yet, so there is nobody to email.",
        ));
    }
    txn.commit().await?;
    tracing::info!(
        event_id,
        sender = viewer.id,
        sent,
        "hosts emailed attendees"
    );
    Ok(sent)
}
