use crate::events::model::{EventKind, EventStatus};
use sea_orm::entity::prelude::*;

/// An event people can sign up to. Times and capacity live on its slots.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub host_id: i32,
    pub title: String,
    pub slug: String,
    pub description: String,
    pub kind: EventKind,
    pub venue: Option<String>,
    pub postcode: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// `Coordinates::place_cell` of the place, for the cell-and-time index.
    pub place_cell: Option<i32>,
    pub online_url: Option<String>,
    pub status: EventStatus,
    /// The group the event is run on behalf of, if any.
    pub group_id: Option<i32>,
    pub starts_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

/// The host is an account in auth's table, looked up through auth's directory.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
