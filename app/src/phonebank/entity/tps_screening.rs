use sea_orm::entity::prelude::*;

/// The Telephone Preference Service register as staff last uploaded it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tps_screenings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub screened_on: Date,
    pub numbers: i32,
    pub uploaded_by: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
