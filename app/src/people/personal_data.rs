//! People's tables in the personal-data registry: friendships, blocks and invitations.

use crate::personal_data::{Basis, Erase, Finder, Link, PersonalTable};

pub const TABLES: &[PersonalTable] = &[
    PersonalTable {
        table: "friendships",
        what: "Your friends and friend requests, sent and received",
        why: "To show you what your friends are going to",
        basis: Basis::Consent,
        kept: "Until either of you removes it or erases their account",
        personal: &["low_id", "high_id", "requested_by"],
        not_exported: &[],
        not_personal: &[],
        links: &[
            Link {
                by: Finder::Person("low_id"),
                export: true,
                erase: Erase::Delete,
            },
            Link {
                by: Finder::Person("high_id"),
                export: true,
                erase: Erase::Delete,
            },
        ],
    },
    PersonalTable {
        table: "blocks",
        what: "People you blocked (never who blocked you)",
        why: "To keep them from contacting you",
        basis: Basis::Contract,
        kept: "Until you unblock them or erase your account",
        personal: &["blocker_id", "blocked_id"],
        not_exported: &[],
        not_personal: &[],
        links: &[
            Link {
                by: Finder::Person("blocker_id"),
                export: true,
                erase: Erase::Delete,
            },
            Link {
                by: Finder::Person("blocked_id"),
                export: false,
                erase: Erase::Delete,
            },
        ],
    },
    PersonalTable {
        table: "friend_invites",
        what: "Invitations to be friends: ones you sent by email, and ones sent to your address",
        why: "To let you invite friends",
        basis: Basis::LegitimateInterests,
        kept: "Until used or you erase your account",
        personal: &["inviter_id", "email"],
        not_exported: &["token_hash"],
        not_personal: &[],
        links: &[
            Link {
                by: Finder::Person("inviter_id"),
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
];
