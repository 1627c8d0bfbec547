use crate::groups::model::{GroupRole, MemberState, Notify};
use sea_orm::entity::prelude::*;

/// A person's place in a group: role, state (active, pending, banned) and email choice.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "group_members")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub group_id: i32,
    pub person_id: i32,
    pub role: GroupRole,
    pub state: MemberState,
    pub notify: Notify,
    pub digest_sent_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
