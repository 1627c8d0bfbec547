use crate::groups::model::Joining;
use sea_orm::entity::prelude::*;

/// A campaigning group: its page, members and forum.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "groups")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    pub description: String,
    pub topic: String,
    pub postcode: String,
    pub latitude: f64,
    pub longitude: f64,
    /// `Coordinates::place_cell` of the place, for the directory's cell index.
    pub place_cell: Option<i32>,
    pub joining: Joining,
    pub verified: bool,
    pub member_count: i32,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
