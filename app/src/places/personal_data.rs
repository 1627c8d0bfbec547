//! Places in the personal-data registry: nothing personal, said so for the schema test.

use crate::personal_data::{Basis, PersonalTable};

pub const TABLES: &[PersonalTable] = &[PersonalTable {
    table: "postcodes",
    what: "Great Britain's postcodes and where they are",
    why: "To find events near a place",
    basis: Basis::LegitimateInterests,
    kept: "Replaced with each new release of the public file",
    personal: &[],
    not_exported: &[],
    not_personal: &[(
        "postcode",
        "a public list of every postcode, not anyone's address",
    )],
    links: &[],
}];
