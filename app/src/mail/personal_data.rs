//! The mail base's tables in the personal-data registry. Suppressions are not deleted on
//! erasure but turned into one-way hashes (`suppressions::hash_for_erasure`), so an
//! address that bounced or objected is never sent to again by mistake.

use crate::personal_data::{Basis, Erase, Finder, Link, PersonalTable};

pub const TABLES: &[PersonalTable] = &[
    PersonalTable {
        table: "outbox_emails",
        what: "Emails we sent you: subject, text and when they went",
        why: "To deliver them, and to show staff what was sent",
        basis: Basis::Contract,
        kept: "The text is removed 30 days after delivery; the delivery record stays until erased",
        personal: &["to_email", "subject", "body", "html", "last_error"],
        not_exported: &[],
        not_personal: &[],
        links: &[
            Link {
                by: Finder::Email {
                    column: "to_email",
                    account: None,
                },
                export: true,
                erase: Erase::Delete,
            },
            Link {
                by: Finder::Mentions("body"),
                export: false,
                erase: Erase::Redact(&["body"]),
            },
            Link {
                by: Finder::Mentions("subject"),
                export: false,
                erase: Erase::Redact(&["subject"]),
            },
            Link {
                by: Finder::Mentions("html"),
                export: false,
                erase: Erase::Redact(&["html"]),
            },
        ],
    },
    PersonalTable {
        table: "outbox_texts",
        what: "Texts we sent you",
        why: "To deliver them",
        basis: Basis::Contract,
        kept: "The text is removed 30 days after delivery",
        personal: &["to_phone", "body", "last_error"],
        not_exported: &[],
        not_personal: &[],
        links: &[
            Link {
                by: Finder::Phone("to_phone"),
                export: true,
                erase: Erase::Delete,
            },
            Link {
                by: Finder::Mentions("body"),
                export: false,
                erase: Erase::Redact(&["body"]),
            },
        ],
    },
    PersonalTable {
        table: "suppressions",
        what: "Addresses and numbers we must not send to: bounced, dead, or objected",
        why: "To never send to you against your wishes",
        basis: Basis::LegalObligation,
        kept: "For good, as a one-way hash once you ask us to erase your data",
        personal: &["address", "detail"],
        not_exported: &[],
        not_personal: &[("reason", "why it is suppressed: bounced, dead or objected")],
        links: &[
            Link {
                by: Finder::Email {
                    column: "address",
                    account: None,
                },
                export: true,
                erase: Erase::ByDomain(
                    "kept as a one-way hash, so that you are never sent to again by mistake",
                ),
            },
            Link {
                by: Finder::Phone("address"),
                export: true,
                erase: Erase::ByDomain(
                    "kept as a one-way hash, so that you are never sent to again by mistake",
                ),
            },
        ],
    },
];
