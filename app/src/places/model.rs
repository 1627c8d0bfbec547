//! Coordinates and distances. Pure; compiles for server and browser.

use serde::{Deserialize, Serialize};

/// A WGS84 position in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Coordinates {
    pub latitude: f64,
    pub longitude: f64,
}

/// The credit the town names' licence asks for, wherever a place name can be searched.
pub const PLACE_NAMES_CREDIT: &str = "Place names from GeoNames (geonames.org), CC BY 4.0.";

const EARTH_RADIUS_MILES: f64 = 3958.8;
/// Miles per degree of latitude (near enough everywhere).
const MILES_PER_DEGREE_LATITUDE: f64 = 69.05;
/// The size of a place cell, in degrees: about 7 by 6 miles in Great Britain.
const CELL_DEGREES_LATITUDE: f64 = 0.1;
const CELL_DEGREES_LONGITUDE: f64 = 0.15;
/// A cell's number is its row times this, plus its column (columns run 0..2400).
const CELL_ROW_STRIDE: i32 = 10_000;

impl Coordinates {
    /// Reads "53.4808,-2.2426", as the "near me" button sends it. Only places in or near
    /// Great Britain are accepted.
    pub fn parse_pair(raw: &str) -> Option<Coordinates> {
        let (lat, lon) = raw.split_once(',')?;
        let latitude: f64 = lat.trim().parse().ok()?;
        let longitude: f64 = lon.trim().parse().ok()?;
        ((49.0..=61.5).contains(&latitude) && (-9.0..=2.5).contains(&longitude)).then_some(
            Coordinates {
                latitude,
                longitude,
            },
        )
    }

    /// Great-circle distance in miles (haversine).
    pub fn miles_to(&self, other: &Coordinates) -> f64 {
        let (lat1, lat2) = (self.latitude.to_radians(), other.latitude.to_radians());
        let dlat = lat2 - lat1;
        let dlon = (other.longitude - self.longitude).to_radians();
        let a = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_MILES * a.sqrt().asin()
    }

    /// The latitude and longitude ranges that contain every point within `miles`: a box
    /// an index can search before the exact distance is checked.
    pub fn bounding_box(&self, miles: f64) -> BoundingBox {
        let dlat = miles / MILES_PER_DEGREE_LATITUDE;
        let dlon = miles / (MILES_PER_DEGREE_LATITUDE * self.latitude.to_radians().cos().max(0.01));
        BoundingBox {
            min_latitude: self.latitude - dlat,
            max_latitude: self.latitude + dlat,
            min_longitude: self.longitude - dlon,
            max_longitude: self.longitude + dlon,
        }
    }

    /// The number of the place cell this point falls in. Events store theirs
    /// (`events.place_cell`), so an index led by it reads only the cells a box covers
    /// rather than the whole band of latitude; changing the grid means a migration that
    /// numbers the events again.
    pub fn place_cell(&self) -> i32 {
        let (row, column) = self.cell_row_column();
        row * CELL_ROW_STRIDE + column
    }

    /// Both floors are monotonic, so a point inside a box is in a row and column between
    /// those of the box's corners.
    fn cell_row_column(&self) -> (i32, i32) {
        (
            (self.latitude / CELL_DEGREES_LATITUDE).floor() as i32,
            ((self.longitude + 180.0) / CELL_DEGREES_LONGITUDE).floor() as i32,
        )
    }
}

/// A latitude/longitude rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoundingBox {
    pub min_latitude: f64,
    pub max_latitude: f64,
    pub min_longitude: f64,
    pub max_longitude: f64,
}

impl BoundingBox {
    pub fn contains(&self, c: &Coordinates) -> bool {
        (self.min_latitude..=self.max_latitude).contains(&c.latitude)
            && (self.min_longitude..=self.max_longitude).contains(&c.longitude)
    }

    /// The place cells that between them cover the box (about 56 for a 20-mile radius).
    pub fn place_cells(&self) -> Vec<i32> {
        let corner = |latitude, longitude| {
            Coordinates {
                latitude,
                longitude,
            }
            .cell_row_column()
        };
        let (first_row, first_column) = corner(self.min_latitude, self.min_longitude);
        let (last_row, last_column) = corner(self.max_latitude, self.max_longitude);
        (first_row..=last_row)
            .flat_map(|row| {
                (first_column..=last_column).map(move |column| row * CELL_ROW_STRIDE + column)
            })
            .collect()
    }
}

/// "0.4 miles away", "12 miles away".
pub fn distance_text(miles: f64) -> String {
    if miles < 0.1 {
        "under 0.1 miles away".to_string()
    } else if miles < 10.0 {
        format!("{miles:.1} miles away")
    } else {
        format!("{miles:.0} miles away")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_position_pair_is_read_only_near_great_britain() {
        let here = Coordinates::parse_pair("53.4808, -2.2426").unwrap();
        assert_eq!(here.latitude, 53.4808);
        assert_eq!(Coordinates::parse_pair("40.7,-74.0"), None);
        assert_eq!(Coordinates::parse_pair("M1 1AE"), None);
    }

    const MANCHESTER: Coordinates = Coordinates {
        latitude: 53.4794,
        longitude: -2.2453,
    };
    const LEEDS: Coordinates = Coordinates {
        latitude: 53.7997,
        longitude: -1.5492,
    };

    #[test]
    fn manchester_to_leeds_is_about_36_miles() {
        let miles = MANCHESTER.miles_to(&LEEDS);
        assert!((35.0..37.0).contains(&miles), "{miles}");
    }

    #[test]
    fn the_box_holds_everything_within_the_radius() {
        let bbox = MANCHESTER.bounding_box(40.0);
        assert!(bbox.contains(&LEEDS));
        // Leeds is 22 miles north of Manchester: outside a 20-mile box.
        assert!(!MANCHESTER.bounding_box(20.0).contains(&LEEDS));
    }

    #[test]
    fn the_cells_of_a_box_hold_every_point_in_it() {
        let bbox = MANCHESTER.bounding_box(20.0);
        let cells = bbox.place_cells();
        assert!(cells.len() < 80, "{}", cells.len());
        let steps = 40;
        for i in 0..=steps {
            for j in 0..=steps {
                let point = Coordinates {
                    latitude: bbox.min_latitude
                        + (bbox.max_latitude - bbox.min_latitude) * f64::from(i) / f64::from(steps),
                    longitude: bbox.min_longitude
                        + (bbox.max_longitude - bbox.min_longitude) * f64::from(j)
                            / f64::from(steps),
                };
                assert!(cells.contains(&point.place_cell()), "{point:?}");
            }
        }
        assert!(!cells.contains(&LEEDS.place_cell()));
        // West of Greenwich and east of it are different columns, not mirrored ones.
        let west = Coordinates {
            latitude: 51.5,
            longitude: -0.01,
        };
        let east = Coordinates {
            latitude: 51.5,
            longitude: 0.01,
        };
        assert_ne!(west.place_cell(), east.place_cell());
    }

    #[test]
    fn distances_read_naturally() {
        assert_eq!(distance_text(0.44), "0.4 miles away");
        assert_eq!(distance_text(0.01), "under 0.1 miles away");
        assert_eq!(distance_text(12.4), "12 miles away");
    }
}
