//! Finding where a postcode or outward code is.

use super::{
    outward::outward_centroid,
    towns::{find_town, TownMatch},
};
use crate::{
    error::{AppError, AppResult},
    places::{entity::postcode, model::Coordinates},
    validate::{is_outward_code, PostcodeUk},
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// Where a full postcode is: the imported table first, then its outward code's centre.
/// None when neither knows it.
pub async fn locate_postcode(
    db: &impl ConnectionTrait,
    postcode: &PostcodeUk,
) -> AppResult<Option<Coordinates>> {
    let found = postcode::Entity::find()
        .filter(postcode::Column::Postcode.eq(postcode.as_str()))
        .one(db)
        .await?;
    Ok(found
        .map(|row| Coordinates {
            latitude: row.latitude,
            longitude: row.longitude,
        })
        .or_else(|| outward_centroid(postcode.outward())))
}

/// Where what someone typed is: a full postcode ("M1 1AE"), an outward code ("M1"), a town
/// or city ("Sheffield"), or a position ("53.48,-2.24") sent by the browser's "near me"
/// button.
/// Malformed or unknown places are errors on `field`.
pub async fn locate_place(
    db: &impl ConnectionTrait,
    field: &str,
    raw: &str,
) -> AppResult<Coordinates> {
    // No place is written in more than a few dozen characters.
    if raw.len() > 100 {
        return Err(AppError::invalid(
            field,
            "Enter a UK postcode or a town, like M1 1AE or Sheffield.",
        ));
    }
    if let Some(position) = Coordinates::parse_pair(raw) {
        return Ok(position);
    }
    let compact: String = raw.split_whitespace().collect::<String>().to_uppercase();
    let unknown = || {
        AppError::invalid(
            field,
            format!("We don't know where {} is. Check the postcode.", raw.trim()),
        )
    };
    if is_outward_code(&compact) {
        return outward_centroid(&compact).ok_or_else(unknown);
    }
    // Postcodes always hold a digit; place names never do.
    if !raw.chars().any(|c| c.is_ascii_digit()) {
        return match find_town(raw) {
            TownMatch::Found(at) => Ok(at),
            TownMatch::Several(labels) => Err(AppError::invalid(
                field,
                format!(
                    "There is more than one {}: choose {}.",
                    raw.trim(),
                    or_list(&labels)
                ),
            )),
            TownMatch::Unknown => Err(AppError::invalid(
                field,
                format!(
                    "We don't know a town called {}. Check the spelling, or enter a postcode like M1 1AE.",
                    raw.trim()
                ),
            )),
        };
    }
    let postcode = PostcodeUk::parse(field, raw).map_err(|_| {
        AppError::invalid(
            field,
            "Enter a UK postcode, like M1 1AE, the first half, like M1, or a town.",
        )
    })?;
    locate_postcode(db, &postcode).await?.ok_or_else(unknown)
}

/// "“A”, “B” or “C”".
fn or_list(labels: &[String]) -> String {
    let quoted: Vec<String> = labels.iter().map(|l| format!("“{l}”")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}
