//! Events' tables in the personal-data registry. Sign-ups are cancelled by events' own
//! erasure step (`service::cancellations`), so that places pass to the waiting list.

use crate::personal_data::{Basis, Erase, Finder, Link, PersonalTable};

const CANCELLED_FIRST: Erase =
    Erase::ByDomain("cancelled first, so that your place passes to the waiting list, then deleted");

pub const TABLES: &[PersonalTable] = &[
    PersonalTable {
        table: "signups",
        what: "Your sign-ups to events (as a member, and as a guest under your address): name, email, phone, postcode, check-in, and whose link brought you",
        why: "To give you your place, remind you, and let the host run the event",
        basis: Basis::Contract,
        kept: "A guest's sign-up is anonymised 24 months after its event; a member's stays until they erase it",
        personal: &["person_id", "name", "email", "phone", "postcode", "referrer_id"],
        not_exported: &["cancel_token_hash"],
        not_personal: &[],
        links: &[
            Link {
                by: Finder::Person("person_id"),
                export: true,
                erase: CANCELLED_FIRST,
            },
            Link {
                by: Finder::Email {
                    column: "email",
                    account: Some("person_id"),
                },
                export: true,
                erase: CANCELLED_FIRST,
            },
            Link {
                by: Finder::Person("referrer_id"),
                export: false,
                erase: Erase::Clear(&["referrer_id"]),
            },
        ],
    },
    PersonalTable {
        table: "event_cohosts",
        what: "Events you co-host",
        why: "To let you run them",
        basis: Basis::Contract,
        kept: "Until the host removes you or you erase your account",
        personal: &["person_id"],
        not_exported: &[],
        not_personal: &[],
        links: &[Link {
            by: Finder::Person("person_id"),
            export: true,
            erase: Erase::Delete,
        }],
    },
    PersonalTable {
        table: "events",
        what: "Events you host: what you wrote about them, the venue and its postcode",
        why: "To publish your events",
        basis: Basis::Contract,
        kept: "Until you erase your account, when your events are removed",
        personal: &["host_id", "title", "description", "venue", "postcode"],
        not_exported: &[],
        not_personal: &[],
        links: &[Link {
            by: Finder::Person("host_id"),
            export: true,
            erase: Erase::Delete,
        }],
    },
    PersonalTable {
        table: "event_slots",
        what: "Times within events",
        why: "To run events",
        basis: Basis::Contract,
        kept: "With the event",
        personal: &[],
        not_exported: &[],
        not_personal: &[("label", "a time's name, such as \"Morning shift\"")],
        links: &[],
    },
];
