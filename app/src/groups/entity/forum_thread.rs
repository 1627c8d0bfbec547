use sea_orm::entity::prelude::*;

/// A forum thread in a group. Its opening post is its first forum post.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_threads")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub group_id: i32,
    pub author_id: i32,
    pub title: String,
    pub pinned: bool,
    pub locked: bool,
    pub post_count: i32,
    pub last_post_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
