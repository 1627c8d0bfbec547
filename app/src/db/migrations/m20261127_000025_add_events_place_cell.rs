use sea_orm_migration::{prelude::*, schema::*};

use super::{m20261126_000007_create_events::Events, place_cells::number_place_cells};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Each placed event carries its place cell (`Coordinates::place_cell`, about 7 by 6
        // miles), and the index leads with it. "The soonest events near here" then reads
        // the entries of the few dozen cells around the place, not every event in its band
        // of latitude across the country (13,463 around Manchester at benchmark size), and
        // holds all that suggestions rank by, so no row is read. It replaces the place
        // index of migration 15: while that was there, PostgreSQL's generic plan for the
        // prepared query chose it (2.6 ms against 0.4 ms). Nullable: online events have no
        // place.
        manager
            .alter_table(
                Table::alter()
                    .table(Events::Table)
                    .add_column(integer_null(LaterColumns::PlaceCell))
                    .to_owned(),
            )
            .await?;
        number_place_cells(manager, "events").await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_events_cell_time")
                    .table(Events::Table)
                    .col(LaterColumns::PlaceCell)
                    .col(Events::Status)
                    .col(Events::StartsAt)
                    .col(Events::Latitude)
                    .col(Events::Longitude)
                    .col(Events::Id)
                    .col(LaterColumns::GroupId)
                    .col(Events::HostId)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("ix_events_place_time")
                    .table(Events::Table)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
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
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("ix_events_cell_time")
                    .table(Events::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Events::Table)
                    .drop_column(LaterColumns::PlaceCell)
                    .to_owned(),
            )
            .await
    }
}

/// Columns of `events` added after migration 7.
#[derive(DeriveIden)]
enum LaterColumns {
    PlaceCell,
    /// Added by migration 18.
    GroupId,
}
