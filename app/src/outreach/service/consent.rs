//! The consent ledger: every choice appended with the words shown; the newest row per
//! contact, channel and scope is the one in force.

use crate::{error::AppResult, outreach::entity::consent_record};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

/// A channel a person can agree to be contacted on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Email,
    Sms,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "sms",
        }
    }
}

/// One consent choice as a form collected it.
#[derive(Debug, Clone)]
pub struct ConsentChoice<'a> {
    pub email: &'a str,
    pub person_id: Option<i32>,
    pub channel: Channel,
    pub scope: &'a str,
    pub granted: bool,
    pub wording: &'a str,
    pub source: &'a str,
}

/// Appends a consent choice to the ledger.
pub async fn record_consent(db: &impl ConnectionTrait, choice: ConsentChoice<'_>) -> AppResult<()> {
    consent_record::ActiveModel {
        email: Set(choice.email.to_string()),
        person_id: Set(choice.person_id),
        channel: Set(choice.channel.as_str().to_string()),
        scope: Set(choice.scope.to_string()),
        granted: Set(choice.granted),
        wording: Set(choice.wording.to_string()),
        source: Set(choice.source.to_string()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Whether `email` has consent in force for `channel` in `scope`: the newest choice wins.
pub async fn has_consent(
    db: &impl ConnectionTrait,
    email: &str,
    channel: Channel,
    scope: &str,
) -> AppResult<bool> {
    let newest = consent_record::Entity::find()
        .filter(consent_record::Column::Email.eq(email))
        .filter(consent_record::Column::Channel.eq(channel.as_str()))
        .filter(consent_record::Column::Scope.eq(scope))
        .order_by_desc(consent_record::Column::Id)
        .one(db)
        .await?;
    Ok(newest.is_some_and(|row| row.granted))
}

/// Removes every consent record of an email (part of erasing a person).
pub async fn delete_consents_of(db: &impl ConnectionTrait, email: &str) -> AppResult<()> {
    consent_record::Entity::delete_many()
        .filter(consent_record::Column::Email.eq(email))
        .exec(db)
        .await?;
    Ok(())
}
