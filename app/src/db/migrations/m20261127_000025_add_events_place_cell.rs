use sea_orm_migration::{prelude::*, schema::*};
use std::collections::BTreeMap;

use super::m20261126_000007_create_events::Events;
use crate::places::model::Coordinates;

/// Events numbered per statement while the existing ones get their cells.
const IDS_PER_UPDATE: usize = 500;

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
        number_existing_events(manager).await?;
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

/// The cell is computed in Rust (SQLite and PostgreSQL round a float to an integer
/// differently), then written one cell at a time: a few thousand cells cover Great Britain.
async fn number_existing_events(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let placed = Query::select()
        .columns([Events::Id, Events::Latitude, Events::Longitude])
        .from(Events::Table)
        .and_where(Expr::col(Events::Latitude).is_not_null())
        .and_where(Expr::col(Events::Longitude).is_not_null())
        .to_owned();
    let mut by_cell: BTreeMap<i32, Vec<i32>> = BTreeMap::new();
    for row in db.query_all(&placed).await? {
        let at = Coordinates {
            latitude: row.try_get("", "latitude")?,
            longitude: row.try_get("", "longitude")?,
        };
        by_cell
            .entry(at.place_cell())
            .or_default()
            .push(row.try_get("", "id")?);
    }
    for (cell, ids) in by_cell {
        for chunk in ids.chunks(IDS_PER_UPDATE) {
            let update = Query::update()
                .table(Events::Table)
                .value(LaterColumns::PlaceCell, cell)
                .and_where(Expr::col(Events::Id).is_in(chunk.iter().copied()))
                .to_owned();
            db.execute(&update).await?;
        }
    }
    Ok(())
}

/// Columns of `events` added after migration 7.
#[derive(DeriveIden)]
enum LaterColumns {
    PlaceCell,
    /// Added by migration 18.
    GroupId,
}
