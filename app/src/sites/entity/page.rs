use sea_orm::entity::prelude::*;

/// A page of a site: its draft (blocks as JSON) and which revision visitors see.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "site_pages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub site_id: i32,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub draft: String,
    /// Raised by every edit of the draft; an edit names the version it was made on.
    pub draft_version: i32,
    pub published_revision_id: Option<i32>,
    /// The draft differs from what visitors see.
    pub unpublished_changes: bool,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
