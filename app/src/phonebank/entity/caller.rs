use sea_orm::entity::prelude::*;

/// Someone calling for a phonebank: let in by its link (or a member of its group), when
/// they read the guide, and their last sign of life (for "callers calling now").
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "phonebank_callers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub phonebank_id: i32,
    pub person_id: i32,
    pub guide_seen_at: Option<DateTimeUtc>,
    pub last_seen_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
