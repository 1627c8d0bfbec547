//! Reading Ordnance Survey Code-Point Open: `postcode,quality,easting,northing` lines, one
//! file per postcode area, optionally gzipped. Eastings and northings (British National
//! Grid) become latitude and longitude through OSTN15 (the lonlat_bng crate).

use crate::{
    error::{AppError, AppResult},
    places::{entity::postcode, model::Coordinates},
};
use flate2::read::GzDecoder;
use sea_orm::{
    sea_query::OnConflict, ConnectionTrait, EntityTrait, Set, TransactionSession, TransactionTrait,
};
use std::{
    collections::BTreeMap,
    fs::File,
    io::{BufRead, BufReader, Read},
    path::{Path, PathBuf},
};

/// One usable line of a Code-Point Open file.
#[derive(Debug, Clone, PartialEq)]
pub struct CodepointRow {
    /// Standard form, e.g. "M1 1AE".
    pub postcode: String,
    pub coordinates: Coordinates,
}

/// The files to read: those in a folder (sorted), or the one file given.
pub fn codepoint_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.to_string_lossy().ends_with(".csv") || p.to_string_lossy().ends_with(".csv.gz")
        })
        .collect();
    files.sort();
    Ok(files)
}

/// Reads one file, calling `each` for every line with a position. Returns lines skipped.
pub fn read_codepoint_file(
    path: &Path,
    mut each: impl FnMut(CodepointRow),
) -> std::io::Result<usize> {
    let file = File::open(path)?;
    let reader: Box<dyn Read> = if path.to_string_lossy().ends_with(".gz") {
        Box::new(GzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut skipped = 0;
    for line in BufReader::new(reader).lines() {
        match parse_line(&line?) {
            Some(row) => each(row),
            None => skipped += 1,
        }
    }
    Ok(skipped)
}

/// Parses `"M1 1AE",10,384756,398553`. Lines without a position (easting 0) are skipped.
pub fn parse_line(line: &str) -> Option<CodepointRow> {
    let mut fields = line.split(',').map(|f| f.trim().trim_matches('"'));
    let raw_postcode = fields.next()?;
    let _quality = fields.next()?;
    let easting: f64 = fields.next()?.parse().ok()?;
    let northing: f64 = fields.next()?.parse().ok()?;
    if easting <= 0.0 || northing <= 0.0 {
        return None;
    }
    let postcode = crate::validate::PostcodeUk::parse("postcode", raw_postcode).ok()?;
    let (longitude, latitude) = lonlat_bng::convert_osgb36_to_ll(easting, northing).ok()?;
    Some(CodepointRow {
        postcode: postcode.as_str().to_string(),
        coordinates: Coordinates {
            latitude,
            longitude,
        },
    })
}

/// Rows per INSERT: well under SQLite's limit on bound values.
const BATCH: usize = 1000;

/// Loads a folder (or file) of Code-Point Open into the postcode table, replacing the
/// position of postcodes already there. Calls `progress(file, rows so far)` after each file.
pub async fn import_postcodes<C>(
    db: &C,
    path: &Path,
    mut progress: impl FnMut(&Path, usize),
) -> AppResult<usize>
where
    C: ConnectionTrait + TransactionTrait,
{
    let files = codepoint_files(path)
        .map_err(|e| AppError::invalid("path", format!("cannot read {}: {e}", path.display())))?;
    let mut total = 0;
    for file in files {
        let mut rows = Vec::new();
        read_codepoint_file(&file, |row| rows.push(row)).map_err(|e| {
            AppError::invalid("path", format!("cannot read {}: {e}", file.display()))
        })?;
        let txn = db.begin().await?;
        for chunk in rows.chunks(BATCH) {
            let models = chunk.iter().map(|row| postcode::ActiveModel {
                postcode: Set(row.postcode.clone()),
                latitude: Set(row.coordinates.latitude),
                longitude: Set(row.coordinates.longitude),
                ..Default::default()
            });
            postcode::Entity::insert_many(models)
                .on_conflict(
                    OnConflict::column(postcode::Column::Postcode)
                        .update_columns([postcode::Column::Latitude, postcode::Column::Longitude])
                        .to_owned(),
                )
                .exec(&txn)
                .await?;
        }
        txn.commit().await?;
        total += rows.len();
        progress(&file, total);
    }
    Ok(total)
}

/// The mean position of each outward code's postcodes, for the shipped table.
pub fn outward_centroids(path: &Path) -> std::io::Result<BTreeMap<String, Coordinates>> {
    let mut sums: BTreeMap<String, (f64, f64, u32)> = BTreeMap::new();
    for file in codepoint_files(path)? {
        read_codepoint_file(&file, |row| {
            let outward = row
                .postcode
                .split(' ')
                .next()
                .unwrap_or_default()
                .to_string();
            let entry = sums.entry(outward).or_insert((0.0, 0.0, 0));
            entry.0 += row.coordinates.latitude;
            entry.1 += row.coordinates.longitude;
            entry.2 += 1;
        })?;
    }
    Ok(sums
        .into_iter()
        .map(|(code, (lat, lon, n))| {
            (
                code,
                Coordinates {
                    latitude: lat / f64::from(n),
                    longitude: lon / f64::from(n),
                },
            )
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_becomes_a_postcode_with_wgs84_coordinates() {
        // Buckingham Palace: SW1A 1AA is at about 51.501, -0.142.
        let row = parse_line("SW1A1AA,10,529090,179645").unwrap();
        assert_eq!(row.postcode, "SW1A 1AA");
        assert!((row.coordinates.latitude - 51.501).abs() < 0.002, "{row:?}");
        assert!(
            (row.coordinates.longitude + 0.1416).abs() < 0.002,
            "{row:?}"
        );
    }

    #[test]
    fn lines_without_a_position_or_postcode_are_skipped() {
        assert!(parse_line("ZZ1 1ZZ,90,0,0").is_none());
        assert!(parse_line("not a line").is_none());
        assert!(parse_line("NOTACODE,10,529090,179645").is_none());
    }
}
