use sea_orm_migration::{prelude::*, schema::*};

use super::m20261126_000001_create_people::People;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One row per pair whatever the direction: the lower id first.
        manager
            .create_table(
                Table::create()
                    .table(Friendships::Table)
                    .if_not_exists()
                    .col(pk_auto(Friendships::Id))
                    .col(integer(Friendships::LowId))
                    .col(integer(Friendships::HighId))
                    .col(integer(Friendships::RequestedBy))
                    // pending, accepted
                    .col(string_len(Friendships::State, 16))
                    .col(timestamp_with_time_zone(Friendships::CreatedAt))
                    .col(timestamp_with_time_zone_null(Friendships::AcceptedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Friendships::Table, Friendships::LowId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Friendships::Table, Friendships::HighId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_friendships_pair")
                    .table(Friendships::Table)
                    .col(Friendships::LowId)
                    .col(Friendships::HighId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_friendships_high")
                    .table(Friendships::Table)
                    .col(Friendships::HighId)
                    .col(Friendships::LowId)
                    .to_owned(),
            )
            .await?;
        // A block is one way: the blocked person cannot ask again or see the blocker's.
        manager
            .create_table(
                Table::create()
                    .table(Blocks::Table)
                    .if_not_exists()
                    .col(integer(Blocks::BlockerId))
                    .col(integer(Blocks::BlockedId))
                    .col(timestamp_with_time_zone(Blocks::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(Blocks::BlockerId)
                            .col(Blocks::BlockedId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Blocks::Table, Blocks::BlockerId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Blocks::Table, Blocks::BlockedId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(FriendInvites::Table)
                    .if_not_exists()
                    .col(pk_auto(FriendInvites::Id))
                    .col(integer(FriendInvites::InviterId))
                    .col(string_len(FriendInvites::Email, 254))
                    .col(string_len_uniq(FriendInvites::TokenHash, 64))
                    .col(timestamp_with_time_zone(FriendInvites::CreatedAt))
                    .col(timestamp_with_time_zone_null(FriendInvites::AcceptedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(FriendInvites::Table, FriendInvites::InviterId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // Who sees the events a person signs up to: "friends" or "nobody"; empty until
        // they answer, which counts as nobody.
        manager
            .alter_table(
                Table::alter()
                    .table(People::Table)
                    .add_column(string_len_null(PeopleSharing::ShareAttendance, 16))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(People::Table)
                    .drop_column(PeopleSharing::ShareAttendance)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(FriendInvites::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Blocks::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Friendships::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum Friendships {
    Table,
    Id,
    LowId,
    HighId,
    RequestedBy,
    State,
    CreatedAt,
    AcceptedAt,
}

#[derive(DeriveIden)]
pub enum Blocks {
    Table,
    BlockerId,
    BlockedId,
    CreatedAt,
}

#[derive(DeriveIden)]
pub enum FriendInvites {
    Table,
    Id,
    InviterId,
    Email,
    TokenHash,
    CreatedAt,
    AcceptedAt,
}

#[derive(DeriveIden)]
enum PeopleSharing {
    ShareAttendance,
}
