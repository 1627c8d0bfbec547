use sea_orm::entity::prelude::*;

/// A group's site: its imprint and accent colour. One per group.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "site_sites")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub group_id: i32,
    /// Who promoted the material, as the imprint must say (a name, often a person's).
    pub promoter_name: String,
    pub promoter_address: String,
    pub accent: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
