use crate::outreach::model::DeliveryStatus;
use sea_orm::entity::prelude::*;

/// One recipient of one message: what the delivery workers claim and record.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "message_deliveries")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub message_id: i32,
    pub email: String,
    pub phone: Option<String>,
    pub person_id: Option<i32>,
    /// The recipient's full name; merge fields use its first word.
    pub name: String,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    pub claimed_at: Option<DateTimeUtc>,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
