//! The Web Creator's tables in the personal-data registry: details left on "stay in
//! touch" forms (deleted on erasure), who published each version of a page, the imprint's
//! promoter, and page text that may name someone (cut out on erasure).

use crate::personal_data::{Basis, Erase, Finder, Link, PersonalTable};

pub const TABLES: &[PersonalTable] = &[
    PersonalTable {
        table: "site_joins",
        what: "Details you left on a local party's “stay in touch” form",
        why: "So the local party can get in touch, as you asked",
        basis: Basis::Consent,
        kept: "Until you ask us to erase them",
        personal: &["name", "email", "postcode", "phone"],
        not_exported: &[],
        not_personal: &[("group_id", "the local party's id, not a person's")],
        links: &[
            Link {
                by: Finder::Email {
                    column: "email",
                    account: None,
                },
                export: true,
                erase: Erase::Delete,
            },
            Link {
                by: Finder::Phone("phone"),
                export: true,
                erase: Erase::Delete,
            },
        ],
    },
    PersonalTable {
        table: "site_revisions",
        what: "Versions of a local party's web pages you published",
        why: "To keep each published version, and who published it",
        basis: Basis::LegitimateInterests,
        kept: "As long as the page; your account is taken off them if you erase it",
        personal: &["published_by", "blocks"],
        not_exported: &["blocks"],
        not_personal: &[
            ("page_id", "the page's id, not a person's"),
            ("title", "a public page's title"),
            ("description", "a public page's summary"),
        ],
        links: &[
            Link {
                by: Finder::Person("published_by"),
                export: true,
                erase: Erase::Clear(&["published_by"]),
            },
            Link {
                by: Finder::Mentions("blocks"),
                export: false,
                erase: Erase::Redact(&["blocks"]),
            },
        ],
    },
    PersonalTable {
        table: "site_pages",
        what: "Drafts of a local party's web pages that name you",
        why: "To build the local party's site",
        basis: Basis::LegitimateInterests,
        kept: "As long as the page",
        personal: &["draft"],
        not_exported: &["draft"],
        not_personal: &[
            ("site_id", "the site's id, not a person's"),
            ("slug", "a page's address"),
            ("title", "a public page's title"),
            ("description", "a public page's summary"),
            ("published_revision_id", "a version's id, not a person's"),
        ],
        links: &[Link {
            by: Finder::Mentions("draft"),
            export: false,
            erase: Erase::Redact(&["draft"]),
        }],
    },
    PersonalTable {
        table: "site_sites",
        what: "A local party site's imprint naming you as its promoter",
        why: "Election material must say who promoted it",
        basis: Basis::LegalObligation,
        kept: "While the site names you; erasure cuts your name and address out",
        personal: &["promoter_name", "promoter_address"],
        not_exported: &[],
        not_personal: &[
            ("group_id", "the local party's id, not a person's"),
            ("accent", "a colour"),
        ],
        links: &[Link {
            by: Finder::Mentions("promoter_name"),
            export: false,
            erase: Erase::Redact(&["promoter_name", "promoter_address"]),
        }],
    },
];
