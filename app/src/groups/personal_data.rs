//! Groups' tables in the personal-data registry. Forum posts and memberships are erased
//! by groups' own step (`service::erasure`): posts stay as "a former member" only where
//! someone else replied in the thread, with the words removed.

use crate::personal_data::{Basis, Erase, Finder, Link, PersonalTable};

pub const TABLES: &[PersonalTable] = &[
    PersonalTable {
        table: "forum_reports",
        what: "Posts you reported to moderators, and why",
        why: "To moderate the forums",
        basis: Basis::LegitimateInterests,
        kept: "Until you erase your account",
        personal: &["reporter_id", "reason"],
        not_exported: &[],
        not_personal: &[],
        links: &[Link {
            by: Finder::Person("reporter_id"),
            export: true,
            erase: Erase::Delete,
        }],
    },
    PersonalTable {
        table: "forum_posts",
        what: "What you wrote in groups' forums",
        why: "To show it to the group",
        basis: Basis::Contract,
        kept: "Until you delete it or erase your account",
        personal: &["author_id", "body", "body_html", "hidden_by"],
        not_exported: &["hidden_by"],
        not_personal: &[],
        links: &[
            Link {
                by: Finder::Person("author_id"),
                export: true,
                erase: Erase::ByDomain(
                    "deleted; where someone replied after you, kept as \"a former member\" with the words removed",
                ),
            },
            Link {
                by: Finder::Mentions("body"),
                export: false,
                erase: Erase::Redact(&["body", "body_html"]),
            },
            Link {
                by: Finder::Mentions("body_html"),
                export: false,
                erase: Erase::Redact(&["body", "body_html"]),
            },
            Link {
                by: Finder::Person("hidden_by"),
                export: false,
                erase: Erase::Clear(&["hidden_by"]),
            },
        ],
    },
    PersonalTable {
        table: "forum_threads",
        what: "Threads you started in groups' forums",
        why: "To show them to the group",
        basis: Basis::Contract,
        kept: "Until you erase your account",
        personal: &["author_id", "title"],
        not_exported: &[],
        not_personal: &[],
        links: &[Link {
            by: Finder::Person("author_id"),
            export: true,
            erase: Erase::ByDomain(
                "deleted; where others replied, kept under \"a former member\" with its title removed",
            ),
        }],
    },
    PersonalTable {
        table: "group_invites",
        what: "Invitations to groups: ones you sent, and ones sent to your address",
        why: "To let you invite people and join groups",
        basis: Basis::LegitimateInterests,
        kept: "Until used or you erase your account",
        personal: &["email", "invited_by"],
        not_exported: &["token_hash"],
        not_personal: &[],
        links: &[
            Link {
                by: Finder::Person("invited_by"),
                export: true,
                erase: Erase::Delete,
            },
            Link {
                by: Finder::Email {
                    column: "email",
                    account: None,
                },
                export: true,
                erase: Erase::Delete,
            },
        ],
    },
    PersonalTable {
        table: "group_members",
        what: "Groups you belong to, your role in each and how you hear about its forum",
        why: "To run your memberships",
        basis: Basis::Contract,
        kept: "Until you leave or erase your account",
        personal: &["person_id"],
        not_exported: &[],
        not_personal: &[],
        links: &[Link {
            by: Finder::Person("person_id"),
            export: true,
            erase: Erase::ByDomain("ended, and the group's member count goes down"),
        }],
    },
    PersonalTable {
        table: "groups",
        what: "Groups you started",
        why: "To show who started a group",
        basis: Basis::LegitimateInterests,
        kept: "The group stays; it is shown as started by \"a former member\" once you erase your account",
        personal: &["created_by"],
        not_exported: &[],
        not_personal: &[
            ("name", "the group's public name"),
            ("description", "the group's public description, which belongs to the group"),
            ("postcode", "where the group meets, shown publicly"),
        ],
        links: &[Link {
            by: Finder::Person("created_by"),
            export: true,
            erase: Erase::FormerMember(&["created_by"]),
        }],
    },
];
