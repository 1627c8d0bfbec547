use sea_orm::entity::prelude::*;

/// A donation page: the party's (no group) or an official local party group's campaign.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "fund_pages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub slug: String,
    /// The accounting unit the money goes to; None: the central party.
    pub group_id: Option<i32>,
    pub title: String,
    /// Markdown as written, and the cleaned HTML drawn from it on save.
    pub story: String,
    pub story_html: String,
    pub target_pence: i64,
    /// Suggested amounts in pence, comma-separated.
    pub suggested: String,
    pub max_pence: i64,
    pub open: bool,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
