use sea_orm::entity::prelude::*;

/// A friendship or a request for one: one row per pair, the lower id first.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "friendships")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub low_id: i32,
    pub high_id: i32,
    pub requested_by: i32,
    pub state: crate::people::model::FriendshipState,
    pub created_at: DateTimeUtc,
    pub accepted_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
