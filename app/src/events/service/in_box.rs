//! "Events in the box around a place", the one way events are looked for by place: the
//! box's place cells lead the cell-and-time index (`events.place_cell`), and the exact
//! box is then checked from the same index entries.

use crate::{events::entity::event, places::model::BoundingBox};
use sea_orm::{ColumnTrait, QueryFilter, Select};

/// `query` narrowed to events placed in `bbox`.
pub fn in_box(query: Select<event::Entity>, bbox: &BoundingBox) -> Select<event::Entity> {
    query
        .filter(event::Column::PlaceCell.is_in(bbox.place_cells()))
        .filter(event::Column::Latitude.between(bbox.min_latitude, bbox.max_latitude))
        .filter(event::Column::Longitude.between(bbox.min_longitude, bbox.max_longitude))
}
