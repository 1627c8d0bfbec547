use sea_orm_migration::{prelude::*, schema::*};

use super::{m20261126_000016_create_groups::Groups, place_cells::number_place_cells};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Groups carry their place cell as events do (migration 25), and the index leads
        // with it: the directory near a place then reads the few dozen cells around it,
        // not every group in its band of latitude across the country, and the index holds
        // the place, so no row is read to measure the distance.
        manager
            .alter_table(
                Table::alter()
                    .table(Groups::Table)
                    .add_column(integer_null(GroupCell::PlaceCell))
                    .to_owned(),
            )
            .await?;
        number_place_cells(manager, "groups").await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_groups_cell")
                    .table(Groups::Table)
                    .col(GroupCell::PlaceCell)
                    .col(Groups::Latitude)
                    .col(Groups::Longitude)
                    .col(Groups::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_groups_cell")
                    .table(Groups::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Groups::Table)
                    .drop_column(GroupCell::PlaceCell)
                    .to_owned(),
            )
            .await
    }
}

/// The column of `groups` this migration adds.
#[derive(DeriveIden)]
enum GroupCell {
    PlaceCell,
}
