use crate::consent::model::Channel;
use sea_orm::entity::prelude::*;

/// One consent choice, with the words shown. Append-only: never updated or deleted
/// except when the person is erased.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "consent_records")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub email: String,
    pub person_id: Option<i32>,
    pub channel: Channel,
    pub scope: crate::consent::model::Scope,
    pub granted: bool,
    pub wording: String,
    pub source: String,
    /// For SMS: the number the consent was given for.
    pub phone: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
