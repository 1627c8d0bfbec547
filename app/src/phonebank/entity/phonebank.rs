use crate::phonebank::model::{CallersAllowed, PhonebankStatus};
use sea_orm::entity::prelude::*;

/// A calling campaign of a group (or, with no group, national).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "phonebanks")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub group_id: Option<i32>,
    pub name: String,
    pub purpose: String,
    /// Markdown with merge fields, in sections.
    pub script: String,
    /// One question per line (`model::survey`).
    pub survey: String,
    /// The Creators' audience kind it was drawn from, and its radius for "area".
    pub audience: String,
    pub audience_miles: i32,
    pub callers: CallersAllowed,
    /// The secret in the link that lets anyone signed in call.
    pub join_token: String,
    pub opens_on: Date,
    pub closes_on: Date,
    /// Daily hours, minutes after midnight in London, within the party's window.
    pub daily_from: i32,
    pub daily_until: i32,
    pub status: PhonebankStatus,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
