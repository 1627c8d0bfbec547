//! Towns and cities by name ("Sheffield", "Kirkwall"), shipped with the app like the
//! outward codes: 4,529 places of Great Britain from GeoNames (CC BY 4.0; the attribution
//! is shown beside every search box that uses it).
//!
//! Some names repeat ("Newport"): such a name alone is an error that lists how to tell
//! the places apart, by nation ("Newport, Wales") or, when one nation has several, by the
//! nearest outward code ("Newport, PO30").

use super::outward::outward_code_centres;
use crate::places::model::Coordinates;
use std::{collections::HashMap, sync::OnceLock};

/// name,nation,lat,lng per line, after a header.
const PLACES_CSV: &str = include_str!("../../../data/gb_places.csv");

/// One named place.
#[derive(Debug, Clone, PartialEq)]
struct Town {
    name: &'static str,
    nation: &'static str,
    at: Coordinates,
}

/// What a typed name comes to.
#[derive(Debug, Clone, PartialEq)]
pub enum TownMatch {
    Found(Coordinates),
    /// Several places have this name: how to write each one so it is unique.
    Several(Vec<String>),
    Unknown,
}

/// Lower case, letters and digits only, words joined by single spaces, so "King's Lynn",
/// "kings lynn" and "Stoke-on-Trent" / "stoke on trent" meet.
fn normalise(raw: &str) -> String {
    raw.chars()
        .filter(|c| *c != '\'' && *c != '’' && *c != '.')
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Every place, by normalised name.
fn table() -> &'static HashMap<String, Vec<Town>> {
    static TABLE: OnceLock<HashMap<String, Vec<Town>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: HashMap<String, Vec<Town>> = HashMap::new();
        for line in PLACES_CSV.lines().skip(1) {
            // One name is quoted, holding a comma ("Basford, Stoke-on-Trent").
            let (name, rest) = match line.strip_prefix('"').and_then(|l| l.split_once("\",")) {
                Some(quoted) => quoted,
                None => line.split_once(',').unwrap_or_default(),
            };
            let mut parts = rest.split(',');
            let (Some(nation), Some(lat), Some(lng)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let (Ok(latitude), Ok(longitude)) = (lat.parse(), lng.parse()) else {
                continue;
            };
            table.entry(normalise(name)).or_default().push(Town {
                name,
                nation,
                at: Coordinates {
                    latitude,
                    longitude,
                },
            });
        }
        table
    })
}

/// The outward code whose centre is nearest to a point.
fn nearest_outward(at: &Coordinates) -> String {
    outward_code_centres()
        .min_by(|a, b| at.miles_to(&a.1).total_cmp(&at.miles_to(&b.1)))
        .map(|(code, _)| code)
        .unwrap_or_default()
}

/// How to write each of several same-named places so it is unique.
fn telling_apart(towns: &[Town]) -> Vec<(String, &Town)> {
    towns
        .iter()
        .map(|town| {
            let nation_is_enough = towns.iter().filter(|t| t.nation == town.nation).count() == 1;
            let qualifier = if nation_is_enough {
                town.nation.to_string()
            } else {
                nearest_outward(&town.at)
            };
            (format!("{}, {qualifier}", town.name), town)
        })
        .collect()
}

/// Where a town or city is, by its name, optionally followed by ", Nation" or ", M1".
pub fn find_town(raw: &str) -> TownMatch {
    // The whole text first: one name holds a comma ("Basford, Stoke-on-Trent").
    let (towns, qualifier) = match (table().get(&normalise(raw)), raw.split_once(',')) {
        (Some(towns), _) => (towns, None),
        (None, Some((name, qualifier))) => match table().get(&normalise(name)) {
            Some(towns) => (towns, Some(normalise(qualifier))),
            None => return TownMatch::Unknown,
        },
        (None, None) => return TownMatch::Unknown,
    };
    if let [only] = towns.as_slice() {
        return TownMatch::Found(only.at);
    }
    let labelled = telling_apart(towns);
    if let Some(qualifier) = qualifier.filter(|q| !q.is_empty()) {
        let chosen = labelled.iter().find(|(label, town)| {
            normalise(town.nation) == qualifier
                || label
                    .rsplit_once(", ")
                    .is_some_and(|(_, q)| normalise(q) == qualifier)
        });
        return chosen.map_or(TownMatch::Unknown, |(_, town)| TownMatch::Found(town.at));
    }
    TownMatch::Several(labelled.into_iter().map(|(label, _)| label).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(raw: &str) -> Coordinates {
        match find_town(raw) {
            TownMatch::Found(at) => at,
            other => panic!("{raw}: {other:?}"),
        }
    }

    #[test]
    fn towns_and_cities_are_found_by_name_in_any_case() {
        let sheffield = found("Sheffield");
        assert!((53.3..53.5).contains(&sheffield.latitude), "{sheffield:?}");
        assert_eq!(found("  sheffield "), sheffield);
        let kirkwall = found("KIRKWALL");
        assert!(kirkwall.latitude > 58.9, "{kirkwall:?}");
        assert_eq!(found("stoke on trent"), found("Stoke-on-Trent"));
        assert_eq!(find_town("Atlantis"), TownMatch::Unknown);
        assert_eq!(find_town(""), TownMatch::Unknown);
    }

    #[test]
    fn a_repeated_name_lists_how_to_tell_the_places_apart() {
        let TownMatch::Several(labels) = find_town("Newport") else {
            panic!("Newport should be ambiguous");
        };
        assert_eq!(labels.len(), 6, "{labels:?}");
        // Every label finds its own place, and no two find the same one.
        let places: Vec<Coordinates> = labels.iter().map(|label| found(label)).collect();
        for (i, a) in places.iter().enumerate() {
            for b in &places[i + 1..] {
                assert_ne!(a, b, "{labels:?}");
            }
        }
        let gwent = found("newport, np20");
        assert!((51.5..51.7).contains(&gwent.latitude), "{gwent:?}");
        assert_eq!(find_town("Newport, Narnia"), TownMatch::Unknown);
        // Where each nation has one, the nation is enough.
        assert_eq!(
            find_town("Alford"),
            TownMatch::Several(vec!["Alford, England".into(), "Alford, Scotland".into()])
        );
        assert!(found("Alford, scotland").latitude > 57.0);
        // A name that itself holds a comma.
        assert!(found("Basford, Stoke-on-Trent").latitude > 52.9);
    }
}
