//! Outreach's tables in the personal-data registry.

use crate::personal_data::{Basis, Erase, Finder, Link, PersonalTable, ROWS_OF_A_CONTACT};

const WRITTEN_FOR_THE_GROUP: &[(&str, &str)] = &[
    (
        "subject",
        "written for a group's audience, not about its author",
    ),
    (
        "body",
        "written for a group's audience, not about its author",
    ),
];

pub const TABLES: &[PersonalTable] = &[
    PersonalTable {
        table: "message_deliveries",
        what: "Emails and texts from groups and the party that were sent to you, and whether they arrived",
        why: "To deliver them and count what arrived",
        basis: Basis::Consent,
        kept: "Until you ask us to erase them",
        personal: &["person_id", "email", "phone", "name", "last_error"],
        not_exported: &[],
        not_personal: &[],
        links: ROWS_OF_A_CONTACT,
    },
    PersonalTable {
        table: "messages",
        what: "Emails and texts you wrote for a group",
        why: "To send them and keep the group's record",
        basis: Basis::LegitimateInterests,
        kept: "The message stays with the group; it shows \"a former member\" as its author once you erase your account",
        personal: &["created_by"],
        not_exported: &[],
        not_personal: WRITTEN_FOR_THE_GROUP,
        links: &[Link {
            by: Finder::Person("created_by"),
            export: true,
            erase: Erase::FormerMember(&["created_by"]),
        }],
    },
    PersonalTable {
        table: "message_templates",
        what: "Message templates you wrote",
        why: "To let others reuse them",
        basis: Basis::LegitimateInterests,
        kept: "The template stays; its author becomes \"a former member\"",
        personal: &["created_by"],
        not_exported: &[],
        not_personal: &[
            ("name", "the template's name"),
            ("subject", "written for a group's audience, not about its author"),
            ("body", "written for a group's audience, not about its author"),
        ],
        links: &[Link {
            by: Finder::Person("created_by"),
            export: true,
            erase: Erase::FormerMember(&["created_by"]),
        }],
    },
];
