//! Event reminders to people who agreed to hear from us: an email the day before, a
//! text two hours before (never in quiet hours), and a thank-you email afterwards.
//! Each is queued once per sign-up: `reminders_sent` has a unique (sign-up, kind), and
//! the mark and the message are written in one transaction.

use super::lookups::events_by_id;
use crate::consent::service::emails_with_consent;
use crate::db::begin_write;
use crate::mail::{queue_templated, queue_text, quiet_hours::next_allowed, Template};
use crate::{
    consent::model::{scope_of, Channel, Scope},
    error::AppResult,
    events::{
        entity::{event_slot, reminder_sent, signup},
        model::{event_path, SignUpStatus},
    },
    format::format_when,
};
use chrono::{DateTime, Duration, Utc};
use minijinja::context;
use sea_orm::{
    entity::prelude::StringLen,
    sea_query::{ExprTrait, OnConflict, Query},
    ColumnTrait, ConnectionTrait, DatabaseConnection, DeriveActiveEnum, EntityTrait, EnumIter,
    QueryFilter, Set,
};
use std::collections::{HashMap, HashSet};

/// Which reminder it is, stored in `reminders_sent.kind` through sea-orm's active enum, so
/// a stored kind that is none of these fails the read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum Kind {
    #[sea_orm(string_value = "day-before")]
    DayBefore,
    #[sea_orm(string_value = "two-hours")]
    TwoHours,
    #[sea_orm(string_value = "thank-you")]
    ThankYou,
}

/// Queues every reminder now due. Returns how many were queued.
pub async fn queue_due_reminders(
    db: &DatabaseConnection,
    site_url: &str,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let mut queued = 0;
    for kind in [Kind::DayBefore, Kind::TwoHours, Kind::ThankYou] {
        queued += queue_kind(db, site_url, kind, now).await?;
    }
    Ok(queued)
}

async fn queue_kind(
    db: &DatabaseConnection,
    site_url: &str,
    kind: Kind,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let window = match kind {
        Kind::DayBefore => event_slot::Column::StartsAt
            .gt(now + Duration::hours(2))
            .and(event_slot::Column::StartsAt.lte(now + Duration::hours(24))),
        Kind::TwoHours => event_slot::Column::StartsAt
            .gt(now)
            .and(event_slot::Column::StartsAt.lte(now + Duration::hours(2))),
        Kind::ThankYou => event_slot::Column::EndsAt
            .gt(now - Duration::hours(24))
            .and(event_slot::Column::EndsAt.lte(now)),
    };
    let already = Query::select()
        .column(reminder_sent::Column::SignupId)
        .from(reminder_sent::Entity)
        .and_where(reminder_sent::Column::Kind.eq(kind))
        .to_owned();
    let mut query = signup::Entity::find()
        .find_also_related(event_slot::Entity)
        .filter(window)
        .filter(signup::Column::Status.eq(SignUpStatus::Confirmed))
        // Walk-ins the host typed in gave no address themselves.
        .filter(signup::Column::AddedByHost.eq(false))
        .filter(signup::Column::Id.not_in_subquery(already));
    if kind == Kind::TwoHours {
        query = query.filter(signup::Column::Phone.is_not_null());
    }
    let rows = query.all(db).await?;
    // One query for every event, not one per sign-up.
    let events = events_by_id(
        db,
        rows.iter()
            .filter_map(|(_, slot)| slot.as_ref().map(|s| s.event_id)),
    )
    .await?;
    let channel = if kind == Kind::TwoHours {
        Channel::Sms
    } else {
        Channel::Email
    };
    // Consent is read once per scope (the event's group, or the party) for the batch.
    let rows: Vec<_> = rows
        .into_iter()
        .filter_map(|(row, slot)| {
            let slot = slot?;
            let found = events.get(&slot.event_id)?;
            Some((row, slot, found))
        })
        .collect();
    let mut by_scope: HashMap<Scope, Vec<String>> = HashMap::new();
    for (row, _, found) in &rows {
        by_scope
            .entry(scope_of(found.group_id))
            .or_default()
            .push(row.email.clone());
    }
    let mut consented: HashSet<(Scope, String)> = HashSet::new();
    for (scope, emails) in by_scope {
        for email in emails_with_consent(db, &emails, channel, scope).await? {
            consented.insert((scope, email));
        }
    }
    // Sign-ups without consent are marked as decided, so they are not read again every
    // round; a consent given later does not bring a late reminder.
    let (to_send, unconsented): (Vec<_>, Vec<_>) = rows.into_iter().partition(|(row, _, found)| {
        consented.contains(&(scope_of(found.group_id), row.email.clone()))
    });
    let unconsented: Vec<i32> = unconsented.iter().map(|(row, _, _)| row.id).collect();
    mark_decided(db, &unconsented, kind, now).await?;
    let mut queued = 0;
    for (row, slot, found) in to_send {
        let link = format!("{site_url}{}", event_path(found.id, &found.slug));
        let when = format_when(slot.starts_at);
        let txn = begin_write(db).await?;
        let marked = mark_decided(&txn, &[row.id], kind, now).await?;
        if marked == 0 {
            continue; // another node queued it
        }
        match kind {
            Kind::DayBefore => {
                let values = context! {
                    name => &row.name, title => &found.title, when, event_url => &link,
                    preferences_url => format!("{site_url}/preferences"),
                };
                queue_templated(&txn, &row.email, Template::Reminder, values).await?;
            }
            Kind::TwoHours => {
                let body = format!(
                    "Reminder: {} starts at {when}. {link} Reply STOP to opt out.",
                    found.title
                );
                queue_text(
                    &txn,
                    row.phone.as_deref().unwrap_or_default(),
                    &body,
                    next_allowed(now),
                )
                .await?;
            }
            Kind::ThankYou => {
                let values = context! {
                    name => &row.name, title => &found.title, site_url,
                    preferences_url => format!("{site_url}/preferences"),
                };
                queue_templated(&txn, &row.email, Template::ThankYou, values).await?;
            }
        }
        txn.commit().await?;
        queued += 1;
    }
    Ok(queued)
}

/// Marks the reminder of `kind` as decided (sent, or not to be sent) for each sign-up, in
/// chunks; returns how many were new (0: another node got there first).
async fn mark_decided(
    db: &impl ConnectionTrait,
    signup_ids: &[i32],
    kind: Kind,
    now: DateTime<Utc>,
) -> AppResult<u64> {
    let mut marked = 0;
    for chunk in signup_ids.chunks(500) {
        marked +=
            reminder_sent::Entity::insert_many(chunk.iter().map(|id| reminder_sent::ActiveModel {
                signup_id: Set(*id),
                kind: Set(kind),
                created_at: Set(now),
                ..Default::default()
            }))
            .on_conflict(
                OnConflict::columns([reminder_sent::Column::SignupId, reminder_sent::Column::Kind])
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(marked)
}
