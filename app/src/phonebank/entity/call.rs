use crate::phonebank::model::Outcome;
use sea_orm::entity::prelude::*;

/// One call made: its outcome and survey answers (JSON, by question number).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "phonebank_calls")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub phonebank_id: i32,
    pub contact_id: i32,
    pub caller_id: Option<i32>,
    /// Chosen when the call was handed out; a repeated submission carries the same key.
    pub call_key: String,
    pub outcome: Outcome,
    pub answers: String,
    pub note: Option<String>,
    pub callback_at: Option<DateTimeUtc>,
    pub corrected_by: Option<i32>,
    pub corrected_at: Option<DateTimeUtc>,
    /// The outcome and answers before a reviewer's correction (JSON).
    pub previous: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
