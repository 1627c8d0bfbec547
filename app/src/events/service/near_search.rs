//! The soonest events near a place, reading only what one page needs. Events carry their
//! place cell, and the cell-and-time index (`ix_events_cell_time`: cell, status, start)
//! hands out each cell's events in start order. So each cell around the place is read in
//! start order, `need` at a time, in one query for all the cells; only a cell whose
//! last-read event is earlier than the `need`-th soonest found so far, and which has more,
//! is read further. The result is what a scan of every event would give.

use crate::{error::AppResult, events::entity::event, places::model::Coordinates};
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::{Alias, Expr, Query, SelectStatement, UnionType},
    ColumnTrait, Condition, ConnectionTrait, FromQueryResult, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait, Select,
};

/// An event within reach: when it starts, its id, and how far it is in miles.
pub type Near = (DateTime<Utc>, i32, f64);

/// What one cell hands out: an event's id, place and start.
#[derive(Debug, FromQueryResult)]
struct CellRow {
    cell: i32,
    id: i32,
    latitude: Option<f64>,
    longitude: Option<f64>,
    starts_at: DateTime<Utc>,
}

/// How far one cell has been read.
struct CellRead {
    cell: i32,
    /// The (start, id) of the last event read.
    last: Option<(DateTime<Utc>, i32)>,
    /// Everything the cell holds has been read.
    done: bool,
}

/// The `need` soonest events of `query` within `miles` of `centre`, by (start, id), each
/// with its distance. `query` holds the list's other filters (published, start, kind,
/// words).
pub async fn soonest_near(
    db: &impl ConnectionTrait,
    query: &Select<event::Entity>,
    centre: &Coordinates,
    miles: f64,
    need: usize,
) -> AppResult<Vec<Near>> {
    let mut cells: Vec<CellRead> = centre
        .bounding_box(miles)
        .place_cells()
        .into_iter()
        .map(|cell| CellRead {
            cell,
            last: None,
            done: false,
        })
        .collect();
    let batch = need.max(1) as u64;
    let mut found: Vec<Near> = Vec::new();
    loop {
        found.sort_by_key(|n| (n.0, n.1));
        let cutoff = found.get(need.saturating_sub(1)).map(|n| (n.0, n.1));
        let due: Vec<usize> = cells
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.done && cutoff.is_none_or(|cut| c.last.is_none_or(|l| l < cut)))
            .map(|(i, _)| i)
            .collect();
        if due.is_empty() {
            break;
        }
        let mut statements = due.iter().map(|&i| next_of_cell(query, &cells[i], batch));
        let Some(mut union) = statements.next() else {
            break;
        };
        for statement in statements {
            union.union(UnionType::All, statement);
        }
        let backend = db.get_database_backend();
        let rows = CellRow::find_by_statement(backend.build(&union))
            .all(db)
            .await?;
        for &i in &due {
            let cell = &mut cells[i];
            let mine: Vec<&CellRow> = rows.iter().filter(|r| r.cell == cell.cell).collect();
            cell.done = (mine.len() as u64) < batch;
            if let Some(last) = mine.iter().map(|r| (r.starts_at, r.id)).max() {
                cell.last = Some(last);
            }
        }
        found.extend(rows.into_iter().filter_map(|row| {
            let at = Coordinates {
                latitude: row.latitude?,
                longitude: row.longitude?,
            };
            let away = centre.miles_to(&at);
            (away <= miles).then_some((row.starts_at, row.id, away))
        }));
    }
    found.truncate(need);
    Ok(found)
}

/// The next `batch` events of one cell after the last read, as a statement that can be
/// one arm of a UNION ALL (its ORDER BY and LIMIT sit inside a subquery).
fn next_of_cell(query: &Select<event::Entity>, read: &CellRead, batch: u64) -> SelectStatement {
    let mut cell = query.clone().filter(event::Column::PlaceCell.eq(read.cell));
    if let Some((start, id)) = read.last {
        cell = cell.filter(
            Condition::any().add(event::Column::StartsAt.gt(start)).add(
                Condition::all()
                    .add(event::Column::StartsAt.eq(start))
                    .add(event::Column::Id.gt(id)),
            ),
        );
    }
    let inner = cell
        .select_only()
        .column_as(Expr::val(read.cell), "cell")
        .columns([
            event::Column::Id,
            event::Column::Latitude,
            event::Column::Longitude,
            event::Column::StartsAt,
        ])
        .order_by_asc(event::Column::StartsAt)
        .order_by_asc(event::Column::Id)
        .limit(batch)
        .into_query();
    let arm = Alias::new(format!("c{}", read.cell.unsigned_abs()));
    Query::select()
        .columns(["cell", "id", "latitude", "longitude", "starts_at"].map(Alias::new))
        .from_subquery(inner, arm)
        .to_owned()
}
