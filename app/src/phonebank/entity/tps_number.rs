use sea_orm::entity::prelude::*;

/// A number listed with the TPS in the latest screening (E.164).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tps_numbers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub phone: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
