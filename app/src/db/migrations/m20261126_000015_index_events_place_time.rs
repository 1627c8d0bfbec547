use sea_orm_migration::prelude::*;

use super::m20261126_000007_create_events::Events;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // "Near a postcode" reads only place, status and start for the events in the box,
        // all from this index, and fetches whole rows just for the page it shows.
        manager
            .drop_index(
                Index::drop()
                    .name("ix_events_location")
                    .table(Events::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_events_place_time")
                    .table(Events::Table)
                    .col(Events::Latitude)
                    .col(Events::Longitude)
                    .col(Events::Status)
                    .col(Events::StartsAt)
                    .col(Events::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_events_place_time")
                    .table(Events::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_events_location")
                    .table(Events::Table)
                    .col(Events::Latitude)
                    .col(Events::Longitude)
                    .to_owned(),
            )
            .await
    }
}
