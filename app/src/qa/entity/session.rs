use crate::qa::model::{Askers, Readers, SessionKind};
use sea_orm::entity::prelude::*;

/// A webchat or forum Q&A: who may ask and read, and when questions open, the live part starts and ends.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "qa_sessions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub group_id: Option<i32>,
    pub kind: SessionKind,
    pub title: String,
    pub description: String,
    pub askers: Askers,
    pub readers: Readers,
    pub questions_open_at: DateTimeUtc,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub closed_at: Option<DateTimeUtc>,
    /// The topics a question may carry, one per line.
    pub topics: String,
    /// How many of the top slots one topic may take (0: no cap).
    pub topic_cap: i32,
    pub record_emailed_at: Option<DateTimeUtc>,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
