//! Numbering the place cells of rows placed before their table had the column: events
//! (migration 25) and groups (migration 33).

use crate::places::model::Coordinates;
use sea_orm_migration::prelude::*;
use std::collections::BTreeMap;

/// Rows numbered per statement.
const IDS_PER_UPDATE: usize = 500;

/// Gives each row of `table` with a place its cell in its `place_cell` column. The cell is computed
/// in Rust (SQLite and PostgreSQL round a float to an integer differently), then written
/// one cell at a time: a few thousand cells cover Great Britain.
pub async fn number_place_cells(manager: &SchemaManager<'_>, table: &str) -> Result<(), DbErr> {
    let table = Alias::new(table);
    let db = manager.get_connection();
    let placed = Query::select()
        .columns(["id", "latitude", "longitude"].map(Alias::new))
        .from(table.clone())
        .and_where(Expr::col(Alias::new("latitude")).is_not_null())
        .and_where(Expr::col(Alias::new("longitude")).is_not_null())
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
                .table(table.clone())
                .value(Alias::new("place_cell"), cell)
                .and_where(Expr::col(Alias::new("id")).is_in(chunk.iter().copied()))
                .to_owned();
            db.execute(&update).await?;
        }
    }
    Ok(())
}
