//! UK postcodes and outward codes.

use super::parse_if_given;
use crate::error::{AppError, AppResult};
use serde::{Deserialize, Serialize};

/// A UK postcode in its standard form, e.g. "SW1A 1AA".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostcodeUk(String);

impl PostcodeUk {
    /// Parses a full UK postcode, any case, with or without the space.
    pub fn parse(field: &str, raw: &str) -> AppResult<Self> {
        let compact: String = raw
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase();
        if compact.is_empty() {
            return Err(AppError::invalid(field, "Enter a postcode."));
        }
        // Checked before any slicing by byte index: "AB1 €A" must be an error, not a panic.
        if !compact.is_ascii() || compact.len() < 5 || compact.len() > 7 {
            return Err(AppError::invalid(
                field,
                "Enter a full UK postcode, like SW1A 1AA.",
            ));
        }
        let (outward, inward) = compact.split_at(compact.len() - 3);
        if !(is_outward_code(outward) && is_inward_code(inward)) && compact != "GIR0AA" {
            return Err(AppError::invalid(
                field,
                "Enter a full UK postcode, like SW1A 1AA.",
            ));
        }
        Ok(Self(format!("{outward} {inward}")))
    }

    /// Parses an optional postcode: blank means none.
    pub fn parse_optional(field: &str, raw: &str) -> AppResult<Option<Self>> {
        parse_if_given(raw, || Self::parse(field, raw))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The outward code ("SW1A" of "SW1A 1AA").
    pub fn outward(&self) -> &str {
        self.0.split(' ').next().unwrap_or_default()
    }
}

/// Outward codes: A9, A99, AA9, AA99, A9A, AA9A (A a letter, 9 a digit).
pub fn is_outward_code(s: &str) -> bool {
    let shape: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '9'
            } else if c.is_ascii_uppercase() {
                'A'
            } else {
                '?'
            }
        })
        .collect();
    matches!(
        shape.as_str(),
        "A9" | "A99" | "AA9" | "AA99" | "A9A" | "AA9A"
    )
}

/// Inward codes: a digit then two letters.
fn is_inward_code(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 3 && b[0].is_ascii_digit() && b[1].is_ascii_uppercase() && b[2].is_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postcodes_of_every_shape_are_normalised() {
        for (raw, want) in [
            ("sw1a1aa", "SW1A 1AA"),
            ("M1 1AE", "M1 1AE"),
            ("b338th", "B33 8TH"),
            ("CR2 6XH", "CR2 6XH"),
            ("dn55 1pt", "DN55 1PT"),
            ("W1A 0AX", "W1A 0AX"),
            ("EC1A 1BB", "EC1A 1BB"),
        ] {
            assert_eq!(PostcodeUk::parse("postcode", raw).unwrap().as_str(), want);
        }
    }

    #[test]
    fn malformed_postcodes_are_rejected() {
        for bad in [
            "", "SW1A", "12345", "SW1A 1A", "SWA1 1AA", "SW1A 11A", "ABCDEFGH", "M1 1A!",
        ] {
            assert!(
                PostcodeUk::parse("postcode", bad).is_err(),
                "{bad:?} should be rejected"
            );
        }
    }

    #[test]
    fn blank_optional_postcode_is_none() {
        assert_eq!(PostcodeUk::parse_optional("postcode", "  ").unwrap(), None);
        assert_eq!(
            PostcodeUk::parse("postcode", "SW1A 1AA").unwrap().outward(),
            "SW1A"
        );
    }
}
