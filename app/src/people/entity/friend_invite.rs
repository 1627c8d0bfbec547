use sea_orm::entity::prelude::*;

/// An emailed invitation to join and be friends; accepted by following its link.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "friend_invites")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub inviter_id: i32,
    pub email: String,
    #[sea_orm(unique)]
    pub token_hash: String,
    pub created_at: DateTimeUtc,
    pub accepted_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
