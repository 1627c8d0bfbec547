use sea_orm::entity::prelude::*;

/// Someone who posts answers for a politician (their answers say so).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "qa_staffers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub politician_id: i32,
    pub person_id: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
