use crate::consent::model::Channel;
use sea_orm::entity::prelude::*;

/// The consent in force per contact, channel and scope: the ledger's newest choice, kept
/// in step with it in the same transaction so audiences are plain joins.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "consent_current")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub email: String,
    pub channel: Channel,
    pub scope: crate::consent::model::Scope,
    pub granted: bool,
    pub person_id: Option<i32>,
    /// For SMS: the number the consent was given for.
    pub phone: Option<String>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
