use sea_orm::entity::prelude::*;

/// A number never to be called again by anyone (a wrong number, or "do not call again"),
/// kept as a one-way hash so the objection outlives the erasure of whoever gave it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "do_not_call")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub phone_hash: String,
    /// "wrong_number" or "do_not_call".
    pub reason: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
