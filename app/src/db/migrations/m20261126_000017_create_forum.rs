use sea_orm_migration::{prelude::*, schema::*};

use super::{m20261126_000001_create_people::People, m20261126_000016_create_groups::Groups};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ForumThreads::Table)
                    .if_not_exists()
                    .col(pk_auto(ForumThreads::Id))
                    .col(integer(ForumThreads::GroupId))
                    .col(integer(ForumThreads::AuthorId))
                    .col(string_len(ForumThreads::Title, 150))
                    .col(boolean(ForumThreads::Pinned).default(false))
                    .col(boolean(ForumThreads::Locked).default(false))
                    // Posts in the thread, the opening one included; kept for the list.
                    .col(integer(ForumThreads::PostCount).default(0))
                    .col(timestamp_with_time_zone(ForumThreads::LastPostAt))
                    .col(timestamp_with_time_zone(ForumThreads::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumThreads::Table, ForumThreads::GroupId)
                            .to(Groups::Table, Groups::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumThreads::Table, ForumThreads::AuthorId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // A group's thread list: pinned first, then latest activity.
        manager
            .create_index(
                Index::create()
                    .name("ix_forum_threads_group_activity")
                    .table(ForumThreads::Table)
                    .col(ForumThreads::GroupId)
                    .col(ForumThreads::Pinned)
                    .col(ForumThreads::LastPostAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ForumPosts::Table)
                    .if_not_exists()
                    .col(pk_auto(ForumPosts::Id))
                    .col(integer(ForumPosts::ThreadId))
                    .col(integer(ForumPosts::AuthorId))
                    // What the author wrote (Markdown) and its sanitised HTML, made once on save.
                    .col(text(ForumPosts::Body))
                    .col(text(ForumPosts::BodyHtml))
                    .col(integer_null(ForumPosts::QuoteOf))
                    // Hidden by a moderator: kept for the record, shown to nobody else.
                    .col(timestamp_with_time_zone_null(ForumPosts::HiddenAt))
                    .col(integer_null(ForumPosts::HiddenBy))
                    // Deleted by its author: the text is wiped, the place in the thread kept.
                    .col(timestamp_with_time_zone_null(ForumPosts::DeletedAt))
                    .col(timestamp_with_time_zone_null(ForumPosts::EditedAt))
                    .col(timestamp_with_time_zone(ForumPosts::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumPosts::Table, ForumPosts::ThreadId)
                            .to(ForumThreads::Table, ForumThreads::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumPosts::Table, ForumPosts::AuthorId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // A thread page reads its posts in order, one page at a time.
        manager
            .create_index(
                Index::create()
                    .name("ix_forum_posts_thread")
                    .table(ForumPosts::Table)
                    .col(ForumPosts::ThreadId)
                    .col(ForumPosts::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ForumReports::Table)
                    .if_not_exists()
                    .col(pk_auto(ForumReports::Id))
                    .col(integer(ForumReports::PostId))
                    .col(integer(ForumReports::ReporterId))
                    .col(string_len(ForumReports::Reason, 500))
                    .col(timestamp_with_time_zone(ForumReports::CreatedAt))
                    .col(timestamp_with_time_zone_null(ForumReports::ResolvedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumReports::Table, ForumReports::PostId)
                            .to(ForumPosts::Table, ForumPosts::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ForumReports::Table, ForumReports::ReporterId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One report per person per post.
        manager
            .create_index(
                Index::create()
                    .name("ux_forum_reports_post_reporter")
                    .table(ForumReports::Table)
                    .col(ForumReports::PostId)
                    .col(ForumReports::ReporterId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ForumReports::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(ForumPosts::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(ForumThreads::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum ForumThreads {
    Table,
    Id,
    GroupId,
    AuthorId,
    Title,
    Pinned,
    Locked,
    PostCount,
    LastPostAt,
    CreatedAt,
}

#[derive(DeriveIden)]
pub enum ForumPosts {
    Table,
    Id,
    ThreadId,
    AuthorId,
    Body,
    BodyHtml,
    QuoteOf,
    HiddenAt,
    HiddenBy,
    DeletedAt,
    EditedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
pub enum ForumReports {
    Table,
    Id,
    PostId,
    ReporterId,
    Reason,
    CreatedAt,
    ResolvedAt,
}
