use sea_orm::entity::prelude::*;

/// A post in a thread: Markdown as written, and the sanitised HTML made from it on save.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_posts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub thread_id: i32,
    pub author_id: i32,
    pub body: String,
    pub body_html: String,
    pub quote_of: Option<i32>,
    pub hidden_at: Option<DateTimeUtc>,
    pub hidden_by: Option<i32>,
    pub deleted_at: Option<DateTimeUtc>,
    pub edited_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
