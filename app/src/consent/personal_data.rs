//! The consent ledger's tables in the personal-data registry. Erasure notes each
//! objection first (`service::erasure`), so it outlives the rows as a one-way hash.

use crate::personal_data::{Basis, Link, PersonalTable, ROWS_OF_A_CONTACT};

const YOURS: &[Link] = ROWS_OF_A_CONTACT;

const WORDING: (&str, &str) = (
    "wording",
    "the words of the box you ticked, written by the party",
);

pub const TABLES: &[PersonalTable] = &[
    PersonalTable {
        table: "consent_records",
        what: "Every choice you made about emails and texts, with the exact words you were shown",
        why: "To prove what you agreed to, and when (PECR, UK GDPR)",
        basis: Basis::LegalObligation,
        kept: "Until you ask us to erase it; an objection is kept as a one-way hash",
        personal: &["email", "phone", "person_id"],
        not_exported: &[],
        not_personal: &[WORDING],
        links: YOURS,
    },
    PersonalTable {
        table: "consent_current",
        what: "The choices about emails and texts in force now",
        why: "To send you only what you agreed to",
        basis: Basis::Consent,
        kept: "Until you change them or ask us to erase them",
        personal: &["email", "phone", "person_id"],
        not_exported: &[],
        not_personal: &[],
        links: YOURS,
    },
    PersonalTable {
        table: "consent_confirmations",
        what: "Choices waiting for you to confirm them from the link we sent",
        why: "To make sure the address is yours before it gets emails",
        basis: Basis::Consent,
        kept: "Until confirmed or expired",
        personal: &["email", "phone", "person_id"],
        not_exported: &["token_hash"],
        not_personal: &[WORDING],
        links: YOURS,
    },
];
