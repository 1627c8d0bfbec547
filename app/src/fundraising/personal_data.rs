//! Fundraising's tables in the personal-data registry. Erasure forgets the donor of every
//! small gift (the amount stays, for the accounts); a gift that needed a permissibility
//! check is kept whole, as the law on political donations requires (PPERA 2000: records
//! of donations and of the checks on them). Everything is in the donor's download.

use crate::personal_data::{Basis, Erase, Finder, Link, PersonalTable};

/// What erasure does to gifts (`service::erasure`).
const GIFTS: Erase = Erase::ByDomain(
    "your name, email and address are removed from gifts that needed no permissibility check (the amount and date stay, for the accounts); a gift that was checked is kept whole, as the law on political donations requires",
);

pub const TABLES: &[PersonalTable] = &[
    PersonalTable {
        table: "fund_donations",
        what: "Your donations: amount, how often, your name, email and home address, and the permissibility check",
        why: "To take your gift, send your receipt, and meet the law on political donations",
        basis: Basis::LegalObligation,
        kept: "Six years from the end of the year of the gift",
        personal: &[
            "donor_name",
            "donor_email",
            "donor_address",
            "donor_postcode",
            "permissible_confirmed",
            "manage_token_hash",
        ],
        not_exported: &["manage_token_hash"],
        not_personal: &[
            ("page_id", "the donation page's id"),
            ("group_id", "the local party's id, not a person's"),
            ("checked_by", "the treasurer's account, not the donor's"),
            ("check_register", "which electoral register the treasurer checked"),
            ("check_reference", "the treasurer's reference for the check"),
            ("offline_note", "the treasurer's note on a cheque or transfer"),
        ],
        links: &[Link {
            by: Finder::Email {
                column: "donor_email",
                account: None,
            },
            export: true,
            erase: GIFTS,
        }],
    },
    PersonalTable {
        table: "fund_treasurers",
        what: "Local parties you are the named treasurer of",
        why: "So you can see and check your local party's donations",
        basis: Basis::LegalObligation,
        kept: "While you are the treasurer",
        personal: &["account_id"],
        not_exported: &[],
        not_personal: &[("group_id", "the local party's id, not a person's")],
        links: &[Link {
            by: Finder::Person("account_id"),
            export: true,
            erase: Erase::Delete,
        }],
    },
    PersonalTable {
        table: "fund_audit",
        what: "What you did as a treasurer (checks, returns, gifts recorded)",
        why: "The law on political donations asks who checked each gift, and when",
        basis: Basis::LegalObligation,
        kept: "Six years; your account is taken off it if you erase it",
        personal: &["actor_id", "detail"],
        not_exported: &[],
        not_personal: &[("group_id", "the local party's id, not a person's")],
        links: &[
            Link {
                by: Finder::Person("actor_id"),
                export: true,
                erase: Erase::FormerMember(&["actor_id"]),
            },
            Link {
                by: Finder::Mentions("detail"),
                export: false,
                erase: Erase::Redact(&["detail"]),
            },
        ],
    },
    PersonalTable {
        table: "fund_pages",
        what: "Donation pages you made",
        why: "To show who set up each appeal",
        basis: Basis::LegitimateInterests,
        kept: "As long as the page; your account is taken off it if you erase it",
        personal: &["created_by", "story"],
        not_exported: &["story"],
        not_personal: &[
            ("title", "a public page's title"),
            ("story_html", "the public page's text"),
            ("group_id", "the local party's id, not a person's"),
        ],
        links: &[
            Link {
                by: Finder::Person("created_by"),
                export: true,
                erase: Erase::Clear(&["created_by"]),
            },
            Link {
                by: Finder::Mentions("story"),
                export: false,
                erase: Erase::Redact(&["story"]),
            },
        ],
    },
];
