use crate::mail::model::OutboxStatus;
use sea_orm::entity::prelude::*;

/// An email to send. Written in the same transaction as the change that causes it, then
/// delivered by the outbox worker, so nothing is lost or sent twice.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox_emails")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub to_email: String,
    pub subject: String,
    pub body: String,
    /// The HTML part, for emails written in the Email Creator.
    pub html: Option<String>,
    pub status: OutboxStatus,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
    /// When a worker last took it; "sending" long after this means the worker died.
    pub claimed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
