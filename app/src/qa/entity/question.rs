use crate::qa::model::{DeclineReason, QuestionStatus};
use sea_orm::entity::prelude::*;

/// A member's question, with its moderation and its running vote count.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "qa_questions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub session_id: i32,
    pub asker_id: Option<i32>,
    pub body: String,
    /// The words as asked, when a moderator edited them.
    pub original_body: Option<String>,
    pub topic: Option<String>,
    pub show_name: bool,
    /// The asker's region when they asked, shown instead of their name.
    pub asker_region: String,
    pub status: QuestionStatus,
    pub decline_reason: Option<DeclineReason>,
    pub merged_into: Option<i32>,
    pub pick: bool,
    pub hidden: bool,
    /// Kept equal to the question's rows in qa_votes, in the same transaction.
    pub votes: i32,
    pub moderated_by: Option<i32>,
    pub asked_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
