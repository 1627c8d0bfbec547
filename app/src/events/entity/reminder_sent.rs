use crate::events::service::reminders::Kind;
use sea_orm::entity::prelude::*;

/// A reminder queued for a sign-up; the unique (sign-up, kind) makes each go once.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reminders_sent")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub signup_id: i32,
    pub kind: Kind,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
