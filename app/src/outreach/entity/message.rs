use crate::outreach::model::{AudienceKind, Channel, MessageStatus};
use sea_orm::entity::prelude::*;

/// An email or text to an audience. A draft until sent; then its deliveries are queued.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "messages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// None: a national message, which only staff send.
    pub group_id: Option<i32>,
    pub channel: Channel,
    pub subject: String,
    pub body: String,
    pub audience: AudienceKind,
    pub audience_miles: Option<i32>,
    pub event_id: Option<i32>,
    pub status: MessageStatus,
    pub send_at: Option<DateTimeUtc>,
    pub quiet_override: bool,
    pub recipient_count: i32,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub queued_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
