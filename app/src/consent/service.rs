//! The consent ledger: every choice appended with the words shown, never overwritten.
//! `consent_current` holds the newest choice per contact, channel and scope, written in
//! the same transaction as the ledger row, so audiences and send-time checks are joins.
//! Consent a public form collects for an unconfirmed address waits in `confirmations`
//! (double opt-in) and is in force only once the address confirms it.

use crate::{
    consent::{
        entity::{consent_current, consent_record},
        model::{consent_in_force, Scope, PARTY_SCOPE},
    },
    error::AppResult,
};
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::OnConflict, ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait,
    QueryFilter, QueryOrder, Set,
};
use std::collections::{HashMap, HashSet};

pub mod audiences;
pub mod calls;
mod confirmations;
pub mod inbound;
pub mod preferences;
mod reply_confirmations;
pub mod retention;

pub use crate::consent::model::Channel;
pub use confirmations::{
    confirm_consent, confirm_consent_link, request_consent, CONFIRMED_BY_LINK,
    CONFIRM_CONSENT_PATH, REQUESTED_UNCONFIRMED,
};
pub use reply_confirmations::{
    confirm_by_reply, is_yes, ASK_TO_CONFIRM_TEXT, CONFIRMED_BY_REPLY, CONFIRMED_TEXT,
};

/// One consent choice as a form collected it.
#[derive(Debug, Clone)]
pub struct ConsentChoice<'a> {
    pub email: &'a str,
    pub person_id: Option<i32>,
    pub channel: Channel,
    pub scope: Scope,
    pub granted: bool,
    pub wording: &'a str,
    pub source: &'a str,
    /// For SMS: the number it was given for.
    pub phone: Option<&'a str>,
}

/// Appends a consent choice to the ledger and makes it the one in force. Call it inside
/// the transaction of the change that collected it.
pub async fn record_consent(db: &impl ConnectionTrait, choice: ConsentChoice<'_>) -> AppResult<()> {
    let now = Utc::now();
    append_to_ledger(db, &choice, choice.source, now).await?;
    let mut update = vec![
        consent_current::Column::Granted,
        consent_current::Column::UpdatedAt,
    ];
    // A withdrawal keeps the number and account it was given for.
    if choice.phone.is_some() {
        update.push(consent_current::Column::Phone);
    }
    if choice.person_id.is_some() {
        update.push(consent_current::Column::PersonId);
    }
    consent_current::Entity::insert(consent_current::ActiveModel {
        email: Set(choice.email.to_string()),
        channel: Set(choice.channel),
        scope: Set(choice.scope),
        granted: Set(choice.granted),
        person_id: Set(choice.person_id),
        phone: Set(choice.phone.map(str::to_string)),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            consent_current::Column::Email,
            consent_current::Column::Channel,
            consent_current::Column::Scope,
        ])
        .update_columns(update)
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Appends one row to the ledger, under `source`, without touching the choice in force.
async fn append_to_ledger(
    db: &impl ConnectionTrait,
    choice: &ConsentChoice<'_>,
    source: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    consent_record::ActiveModel {
        email: Set(choice.email.to_string()),
        person_id: Set(choice.person_id),
        channel: Set(choice.channel),
        scope: Set(choice.scope),
        granted: Set(choice.granted),
        wording: Set(choice.wording.to_string()),
        source: Set(source.to_string()),
        phone: Set(choice.phone.map(str::to_string)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Whether `email` has consent in force for `channel` in `scope` ("party" or a group's).
pub async fn has_consent(
    db: &impl ConnectionTrait,
    email: &str,
    channel: Channel,
    scope: Scope,
) -> AppResult<bool> {
    let live = emails_with_consent(db, &[email.to_string()], channel, scope).await?;
    Ok(live.contains(email))
}

/// Of `emails`, those with consent in force for `channel` in `scope` right now: checked
/// by every delivery at the moment of sending.
pub async fn emails_with_consent(
    db: &impl ConnectionTrait,
    emails: &[String],
    channel: Channel,
    scope: Scope,
) -> AppResult<HashSet<String>> {
    let scopes: Vec<Scope> = if scope == PARTY_SCOPE {
        vec![PARTY_SCOPE]
    } else {
        vec![scope, PARTY_SCOPE]
    };
    let mut choices: HashMap<String, (Option<bool>, Option<bool>)> = HashMap::new();
    for chunk in emails.chunks(500) {
        let rows = consent_current::Entity::find()
            .filter(consent_current::Column::Email.is_in(chunk.iter().cloned()))
            .filter(consent_current::Column::Channel.eq(channel))
            .filter(consent_current::Column::Scope.is_in(scopes.clone()))
            .all(db)
            .await?;
        for row in rows {
            let entry = choices.entry(row.email).or_default();
            if row.scope == PARTY_SCOPE {
                entry.1 = Some(row.granted);
            } else {
                entry.0 = Some(row.granted);
            }
        }
    }
    Ok(choices
        .into_iter()
        .filter(|(_, (group, party))| {
            if scope == PARTY_SCOPE {
                party.unwrap_or(false)
            } else {
                consent_in_force(*group, *party)
            }
        })
        .map(|(email, _)| email)
        .collect())
}

/// The mobile number `email` last gave with an SMS consent, if any.
pub async fn sms_number_of(db: &impl ConnectionTrait, email: &str) -> AppResult<Option<String>> {
    Ok(consent_current::Entity::find()
        .filter(consent_current::Column::Email.eq(email))
        .filter(consent_current::Column::Channel.eq(Channel::Sms))
        .filter(consent_current::Column::Phone.is_not_null())
        .order_by_desc(consent_current::Column::UpdatedAt)
        .one(db)
        .await?
        .and_then(|row| row.phone))
}

/// The contacts that said no (a choice in force that withdraws or refuses): erasure
/// keeps each as a one-way hash, so it is never added again by mistake. Of `email` and
/// `phone`, whichever the person proved is theirs.
pub async fn objections_of(
    db: &impl ConnectionTrait,
    email: Option<&str>,
    phone: Option<&str>,
) -> AppResult<Vec<(Channel, String)>> {
    use sea_orm::Condition;
    let mut whose = Condition::any();
    if let Some(email) = email {
        whose = whose.add(consent_current::Column::Email.eq(email));
    }
    if let Some(phone) = phone {
        whose = whose.add(consent_current::Column::Phone.eq(phone));
    }
    if whose.is_empty() {
        return Ok(Vec::new());
    }
    let rows = consent_current::Entity::find()
        .filter(consent_current::Column::Granted.eq(false))
        .filter(whose)
        .all(db)
        .await?;
    let mut found: Vec<(Channel, String)> = rows
        .into_iter()
        .filter_map(|row| match row.channel {
            Channel::Email => Some((Channel::Email, row.email)),
            Channel::Sms | Channel::Phone => row.phone.map(|phone| (row.channel, phone)),
        })
        .collect();
    found.sort_by(|a, b| (a.0.as_str(), &a.1).cmp(&(b.0.as_str(), &b.1)));
    found.dedup();
    Ok(found)
}
