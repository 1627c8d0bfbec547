//! Phonebank's tables in the personal-data registry. Wrong numbers and "do not call
//! again" are kept only as one-way hashes, so they outlive erasure; the TPS register is
//! kept whole as supplied, so a listed number is never called.

use crate::personal_data::{Basis, Erase, Finder, Link, PersonalTable};

const PHONEBANK_ID: (&str, &str) = ("phonebank_id", "the phonebank's id, not a person's");

pub const TABLES: &[PersonalTable] = &[
    PersonalTable {
        table: "phonebank_contacts",
        what: "Phonebanks that were to call you: your name, number and area, and how the calls went",
        why: "To call you about the party's campaigns, as you agreed or as the law allows after screening against the Telephone Preference Service",
        basis: Basis::LegitimateInterests,
        kept: "Until the phonebank's results are deleted, or you ask us to erase them",
        personal: &["person_id", "email", "name", "phone", "outward", "leased_by", "callback_for"],
        not_exported: &["leased_by", "callback_for"],
        not_personal: &[PHONEBANK_ID],
        links: &[
            Link { by: Finder::Person("person_id"), export: true, erase: Erase::Delete },
            Link { by: Finder::Email { column: "email", account: Some("person_id") }, export: true, erase: Erase::Delete },
            Link { by: Finder::Phone("phone"), export: true, erase: Erase::Delete },
            Link { by: Finder::Person("leased_by"), export: false, erase: Erase::Clear(&["leased_by"]) },
            Link { by: Finder::Person("callback_for"), export: false, erase: Erase::Clear(&["callback_for"]) },
        ],
    },
    PersonalTable {
        table: "phonebank_calls",
        what: "Calls you made for a phonebank, with their outcomes and answers",
        why: "To run the campaign and count its results",
        basis: Basis::LegitimateInterests,
        kept: "With the phonebank's results; your name is taken off them if you erase your account",
        personal: &["caller_id", "corrected_by", "note", "answers", "previous"],
        not_exported: &["corrected_by"],
        not_personal: &[PHONEBANK_ID, ("call_key", "a random key for each call, about no one")],
        links: &[
            Link { by: Finder::Person("caller_id"), export: true, erase: Erase::Clear(&["caller_id"]) },
            Link { by: Finder::Person("corrected_by"), export: false, erase: Erase::Clear(&["corrected_by"]) },
            Link { by: Finder::Mentions("note"), export: false, erase: Erase::Redact(&["note", "answers", "previous"]) },
        ],
    },
    PersonalTable {
        table: "phonebank_callers",
        what: "Phonebanks you called for, and when you were last on the call page",
        why: "To let you call and show organisers who is calling now",
        basis: Basis::LegitimateInterests,
        kept: "Until you ask us to erase it",
        personal: &["person_id"],
        not_exported: &[],
        not_personal: &[PHONEBANK_ID],
        links: &[Link { by: Finder::Person("person_id"), export: true, erase: Erase::Delete }],
    },
    PersonalTable {
        table: "phonebanks",
        what: "Phonebanks you set up for a group",
        why: "To run them and keep the group's record",
        basis: Basis::LegitimateInterests,
        kept: "The phonebank stays with the group; your name is taken off it if you erase your account",
        personal: &["created_by"],
        not_exported: &["join_token"],
        not_personal: &[
            ("name", "the phonebank's name, written for its callers"),
            ("script", "written for callers, not about its author"),
        ],
        links: &[Link { by: Finder::Person("created_by"), export: true, erase: Erase::Clear(&["created_by"]) }],
    },
    PersonalTable {
        table: "tps_screenings",
        what: "Telephone Preference Service screenings you uploaded (staff)",
        why: "To call only numbers the law allows",
        basis: Basis::LegalObligation,
        kept: "Until the next screening replaces it",
        personal: &["uploaded_by"],
        not_exported: &[],
        not_personal: &[],
        links: &[UPLOADER],
    },
    PersonalTable {
        table: "tps_numbers",
        what: "The Telephone Preference Service register",
        why: "To call no one who registered with it",
        basis: Basis::LegalObligation,
        kept: "Until the next screening replaces it",
        personal: &[],
        not_exported: &[],
        not_personal: &[("phone", "the TPS register as supplied, kept whole so a listed number is never called; linked to no one here")],
        links: &[],
    },
    PersonalTable {
        table: "do_not_call",
        what: "Numbers never to be called again",
        why: "So that a wrong number or an objection is never called again",
        basis: Basis::LegalObligation,
        kept: "For as long as we make calls",
        personal: &[],
        not_exported: &[],
        not_personal: &[
            ("phone_hash", "a one-way hash of the number: it cannot be read back"),
            ("reason", "why the number is blocked: a wrong number, or asked not to be called"),
        ],
        links: &[],
    },
];

const UPLOADER: Link = Link {
    by: Finder::Person("uploaded_by"),
    export: false,
    erase: Erase::Clear(&["uploaded_by"]),
};
