//! Outward-code centroids ("M1", "SW1A"), shipped with the app so places are known with
//! no import. Derived from Code-Point Open by `membersnet outward-centroids`.

use crate::places::model::Coordinates;
use std::{collections::HashMap, sync::OnceLock};

/// outward,latitude,longitude per line.
const OUTWARD_CODES_CSV: &str = include_str!("../../../data/outward_codes.csv");

/// Every shipped outward code and its centre, in the file's order (so a seeded sample
/// drawn from it is the same on every run).
pub fn outward_code_centres() -> impl Iterator<Item = (String, Coordinates)> {
    OUTWARD_CODES_CSV.lines().filter_map(|line| {
        let mut parts = line.split(',');
        let code = parts.next()?.to_string();
        let latitude = parts.next()?.parse().ok()?;
        let longitude = parts.next()?.parse().ok()?;
        Some((
            code,
            Coordinates {
                latitude,
                longitude,
            },
        ))
    })
}

fn table() -> &'static HashMap<String, Coordinates> {
    static TABLE: OnceLock<HashMap<String, Coordinates>> = OnceLock::new();
    TABLE.get_or_init(|| outward_code_centres().collect())
}

/// The centre of an outward code's postcodes, if it has any.
pub fn outward_centroid(outward: &str) -> Option<Coordinates> {
    table().get(&outward.trim().to_uppercase()).copied()
}

/// How many outward codes are shipped.
pub fn outward_code_count() -> usize {
    table().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_knows_cities_across_great_britain() {
        assert!(outward_code_count() > 2500);
        let m1 = outward_centroid("m1").expect("M1");
        assert!(
            (53.4..53.5).contains(&m1.latitude) && (-2.3..-2.2).contains(&m1.longitude),
            "{m1:?}"
        );
        for code in ["SW1A", "LS1", "CF10", "G41", "EH1", "BS1", "NE1", "B1"] {
            assert!(outward_centroid(code).is_some(), "{code}");
        }
        assert!(outward_centroid("ZZ99").is_none());
    }
}
