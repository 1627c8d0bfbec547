//! Where seeded people live and events happen: real postcodes sampled from the imported
//! `postcodes` table when there is one, else the shipped outward-code centres with a
//! made-up inward code ("M14 7XQ": a real district, a plausible street).

use super::{
    rng::Rng,
    towns::{town_for, CITIES},
};
use app::{
    places::{
        model::Coordinates,
        service::{lookup::locate_postcode, outward::outward_code_centres},
    },
    validate::PostcodeUk,
};
use sea_orm::{ConnectionTrait, DbErr, Statement};

/// About this many imported postcodes are sampled (evenly, in file order).
const SAMPLE_SIZE: i64 = 40_000;
/// Inward-code letters in use (Royal Mail leaves out C, I, K, M, O and V).
const INWARD_LETTERS: &[u8] = b"ABDEFGHJLNPQRSTUWXYZ";
/// A city's events are spread over places this close to its centre.
const CITY_MILES: f64 = 4.0;

/// One place: a full postcode, or an outward code standing for its district.
#[derive(Debug, Clone)]
pub struct Place {
    pub code: String,
    pub at: Coordinates,
    full: bool,
}

impl Place {
    /// A full postcode here.
    pub fn postcode(&self, rng: &mut Rng) -> String {
        if self.full {
            return self.code.clone();
        }
        let letter = |rng: &mut Rng| *rng.pick(INWARD_LETTERS) as char;
        let digit = rng.below(10);
        format!("{} {digit}{}{}", self.code, letter(rng), letter(rng))
    }

    /// Coordinates here: exact for a postcode, within about a mile of a district's centre.
    pub fn coordinates(&self, rng: &mut Rng) -> Coordinates {
        if self.full {
            return self.at;
        }
        Coordinates {
            latitude: self.at.latitude + (rng.unit() - 0.5) * 0.02,
            longitude: self.at.longitude + (rng.unit() - 0.5) * 0.03,
        }
    }
}

/// Every place seeding draws from, in postcode order (so neighbours in the list are
/// neighbours on the map), and the places near each city.
#[derive(Debug)]
pub struct PlacePool {
    pub places: Vec<Place>,
    /// Per entry of `CITIES`: indices into `places` near it (at least one).
    pub cities: Vec<Vec<usize>>,
    /// Whether the places are imported postcodes.
    pub imported: bool,
}

impl PlacePool {
    /// Loads the pool from the imported postcodes, or the shipped outward codes.
    pub async fn load(db: &impl ConnectionTrait) -> Result<Self, DbErr> {
        let mut places = sample_imported(db).await?;
        let imported = !places.is_empty();
        if !imported {
            places = outward_places();
        }
        let mut cities = Vec::with_capacity(CITIES.len());
        for (_, postcode) in CITIES {
            cities.push(near_city(db, &mut places, postcode).await?);
        }
        Ok(Self {
            places,
            cities,
            imported,
        })
    }
}

async fn sample_imported(db: &impl ConnectionTrait) -> Result<Vec<Place>, DbErr> {
    let backend = db.get_database_backend();
    let count: i64 = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT COUNT(*) AS n FROM postcodes",
        ))
        .await?
        .map(|row| row.try_get("", "n"))
        .transpose()?
        .unwrap_or(0);
    if count == 0 {
        return Ok(Vec::new());
    }
    let every = (count / SAMPLE_SIZE).max(1);
    let rows = db
        .query_all_raw(Statement::from_string(
            backend,
            format!(
                "SELECT postcode, latitude, longitude FROM postcodes WHERE id % {every} = 0 ORDER BY id"
            ),
        ))
        .await?;
    rows.iter()
        .map(|row| {
            Ok(Place {
                code: row.try_get("", "postcode")?,
                at: Coordinates {
                    latitude: row.try_get("", "latitude")?,
                    longitude: row.try_get("", "longitude")?,
                },
                full: true,
            })
        })
        .collect()
}

fn outward_places() -> Vec<Place> {
    outward_code_centres()
        // Non-geographic codes (PO boxes) have no town; leave them out.
        .filter(|(code, _)| town_for(code) != "the area")
        .map(|(code, at)| Place {
            code,
            at,
            full: false,
        })
        .collect()
}

/// Places within `CITY_MILES` of a city's centre; the centre itself when none is.
async fn near_city(
    db: &impl ConnectionTrait,
    places: &mut Vec<Place>,
    postcode: &str,
) -> Result<Vec<usize>, DbErr> {
    let parsed =
        PostcodeUk::parse("postcode", postcode).map_err(|e| DbErr::Custom(e.to_string()))?;
    let centre = locate_postcode(db, &parsed)
        .await
        .map_err(|e| DbErr::Custom(e.to_string()))?
        .ok_or_else(|| DbErr::Custom(format!("no location for {postcode}")))?;
    let near: Vec<usize> = (0..places.len())
        .filter(|&i| places[i].at.miles_to(&centre) <= CITY_MILES)
        .collect();
    if !near.is_empty() {
        return Ok(near);
    }
    places.push(Place {
        code: postcode.to_string(),
        at: centre,
        full: true,
    });
    Ok(vec![places.len() - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outward_places_make_valid_postcodes_near_their_centre() {
        let places = outward_places();
        assert!(places.len() > 2500);
        let mut rng = Rng::new(3);
        for place in places.iter().step_by(97) {
            let postcode = place.postcode(&mut rng);
            assert!(PostcodeUk::parse("p", &postcode).is_ok(), "{postcode}");
            assert!(place.coordinates(&mut rng).miles_to(&place.at) < 1.5);
        }
    }
}
