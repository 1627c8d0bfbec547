use sea_orm_migration::{prelude::*, schema::*};

use super::m20261126_000001_create_people::People;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Groups::Table)
                    .if_not_exists()
                    .col(pk_auto(Groups::Id))
                    .col(string_len_uniq(Groups::Slug, 80))
                    .col(string_len(Groups::Name, 100))
                    .col(text(Groups::Description))
                    .col(string_len(Groups::Topic, 32))
                    .col(string_len(Groups::Postcode, 8))
                    .col(double(Groups::Latitude))
                    .col(double(Groups::Longitude))
                    // open, approval
                    .col(string_len(Groups::Joining, 16))
                    // Staff mark official local party groups.
                    .col(boolean(Groups::Verified).default(false))
                    // Kept here so the directory needs no count over memberships.
                    .col(integer(Groups::MemberCount).default(0))
                    .col(integer(Groups::CreatedBy))
                    .col(timestamp_with_time_zone(Groups::CreatedAt))
                    .to_owned(),
            )
            .await?;
        // The directory near a place reads this index, never the table, to find candidates.
        manager
            .create_index(
                Index::create()
                    .name("ix_groups_place")
                    .table(Groups::Table)
                    .col(Groups::Latitude)
                    .col(Groups::Longitude)
                    .col(Groups::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(GroupMembers::Table)
                    .if_not_exists()
                    .col(pk_auto(GroupMembers::Id))
                    .col(integer(GroupMembers::GroupId))
                    .col(integer(GroupMembers::PersonId))
                    // owner, organiser, member
                    .col(string_len(GroupMembers::Role, 16))
                    // active, pending (asked to join), banned
                    .col(string_len(GroupMembers::State, 16))
                    // each, digest, none: email about new threads and replies
                    .col(string_len(GroupMembers::Notify, 16))
                    .col(timestamp_with_time_zone_null(GroupMembers::DigestSentAt))
                    .col(timestamp_with_time_zone(GroupMembers::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(GroupMembers::Table, GroupMembers::GroupId)
                            .to(Groups::Table, Groups::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(GroupMembers::Table, GroupMembers::PersonId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One membership per person per group, whatever its state.
        manager
            .create_index(
                Index::create()
                    .name("ux_group_members_group_person")
                    .table(GroupMembers::Table)
                    .col(GroupMembers::GroupId)
                    .col(GroupMembers::PersonId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_group_members_person")
                    .table(GroupMembers::Table)
                    .col(GroupMembers::PersonId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(GroupInvites::Table)
                    .if_not_exists()
                    .col(pk_auto(GroupInvites::Id))
                    .col(integer(GroupInvites::GroupId))
                    .col(string_len(GroupInvites::Email, 254))
                    // Only the hash of the emailed token is kept.
                    .col(string_len_uniq(GroupInvites::TokenHash, 64))
                    .col(integer(GroupInvites::InvitedBy))
                    .col(timestamp_with_time_zone(GroupInvites::CreatedAt))
                    .col(timestamp_with_time_zone_null(GroupInvites::AcceptedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(GroupInvites::Table, GroupInvites::GroupId)
                            .to(Groups::Table, Groups::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(GroupInvites::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(GroupMembers::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Groups::Table).to_owned())
            .await?;
        Ok(())
    }
}

#[derive(DeriveIden)]
pub enum Groups {
    Table,
    Id,
    Slug,
    Name,
    Description,
    Topic,
    Postcode,
    Latitude,
    Longitude,
    Joining,
    Verified,
    MemberCount,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
pub enum GroupMembers {
    Table,
    Id,
    GroupId,
    PersonId,
    Role,
    State,
    Notify,
    DigestSentAt,
    CreatedAt,
}

#[derive(DeriveIden)]
pub enum GroupInvites {
    Table,
    Id,
    GroupId,
    Email,
    TokenHash,
    InvitedBy,
    CreatedAt,
    AcceptedAt,
}
