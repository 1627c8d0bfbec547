use sea_orm::entity::prelude::*;

/// An answer, by a politician or a staffer for them.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "qa_answers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub question_id: i32,
    pub session_id: i32,
    pub politician_id: i32,
    pub written_by: Option<i32>,
    pub body: String,
    pub afterwards: bool,
    pub hidden: bool,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
