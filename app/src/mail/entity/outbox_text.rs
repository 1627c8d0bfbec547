use crate::mail::model::OutboxStatus;
use sea_orm::entity::prelude::*;

/// A single text (a STOP confirmation, an event reminder), delivered like outbox_emails.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox_texts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub to_phone: String,
    pub body: String,
    pub status: OutboxStatus,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
