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
                    .table(Events::Table)
                    .if_not_exists()
                    .col(pk_auto(Events::Id))
                    .col(integer(Events::HostId))
                    .col(string_len(Events::Title, 120))
                    .col(string_len(Events::Slug, 80))
                    .col(text(Events::Description))
                    // canvassing, phone_bank, meeting, social, fundraiser, online
                    .col(string_len(Events::Kind, 16))
                    .col(string_len_null(Events::Venue, 200))
                    .col(string_len_null(Events::Postcode, 8))
                    .col(double_null(Events::Latitude))
                    .col(double_null(Events::Longitude))
                    .col(string_len_null(Events::OnlineUrl, 500))
                    // published, cancelled
                    .col(string_len(Events::Status, 16))
                    // The first slot's start, kept here so listing upcoming events needs no join.
                    .col(timestamp_with_time_zone(Events::StartsAt))
                    .col(timestamp_with_time_zone(Events::CreatedAt))
                    .col(timestamp_with_time_zone(Events::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Events::Table, Events::HostId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_events_status_starts")
                    .table(Events::Table)
                    .col(Events::Status)
                    .col(Events::StartsAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Events::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum Events {
    Table,
    Id,
    HostId,
    Title,
    Slug,
    Description,
    Kind,
    Venue,
    Postcode,
    Latitude,
    Longitude,
    OnlineUrl,
    Status,
    StartsAt,
    CreatedAt,
    UpdatedAt,
}
