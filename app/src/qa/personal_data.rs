//! Q&A's tables in the personal-data registry. Questions and answers are the party's
//! public record: erasing an account takes the asker's link off their questions (shown
//! then by region only) and the writer's off answers; votes go, the counts they made stay.

use crate::personal_data::{Basis, Erase, Finder, Link, PersonalTable};

const SESSION_ID: (&str, &str) = ("session_id", "the session's id, not a person's");

pub const TABLES: &[PersonalTable] = &[
    PersonalTable {
        table: "qa_questions",
        what: "Questions you asked in Q&As, and how moderators dealt with them",
        why: "To put your question to the politician and publish the session's record",
        basis: Basis::LegitimateInterests,
        kept: "In the session's published record; your account is taken off it if you erase it",
        personal: &[
            "asker_id",
            "body",
            "original_body",
            "show_name",
            "moderated_by",
        ],
        not_exported: &["moderated_by"],
        not_personal: &[
            SESSION_ID,
            (
                "asker_region",
                "a region such as Yorkshire and the Humber, shared by millions",
            ),
            ("topic", "one of the session's topics, chosen by its host"),
            ("decline_reason", "a moderator's reason, from a fixed list"),
        ],
        links: &[
            Link {
                by: Finder::Person("asker_id"),
                export: true,
                erase: Erase::Clear(&["asker_id"]),
            },
            Link {
                by: Finder::Person("moderated_by"),
                export: false,
                erase: Erase::Clear(&["moderated_by"]),
            },
            Link {
                by: Finder::Mentions("body"),
                export: false,
                erase: Erase::Redact(&["body", "original_body"]),
            },
        ],
    },
    PersonalTable {
        table: "qa_votes",
        what: "Questions you voted for",
        why: "To count each member's vote once",
        basis: Basis::LegitimateInterests,
        kept: "Until you erase your account (the totals you added to stay)",
        personal: &["person_id"],
        not_exported: &[],
        not_personal: &[("question_id", "the question's id, not a person's")],
        links: &[Link {
            by: Finder::Person("person_id"),
            export: true,
            erase: Erase::Delete,
        }],
    },
    PersonalTable {
        table: "qa_answers",
        what: "Answers you wrote as a politician or for one",
        why: "To publish the session's record",
        basis: Basis::LegitimateInterests,
        kept: "In the published record, in the politician's name",
        personal: &["written_by", "body"],
        not_exported: &[],
        not_personal: &[
            SESSION_ID,
            ("question_id", "the question's id, not a person's"),
            ("politician_id", "the politician's public profile id"),
        ],
        links: &[
            Link {
                by: Finder::Person("written_by"),
                export: true,
                erase: Erase::Clear(&["written_by"]),
            },
            Link {
                by: Finder::Mentions("body"),
                export: false,
                erase: Erase::Redact(&["body"]),
            },
        ],
    },
    PersonalTable {
        table: "qa_reports",
        what: "Questions and answers you reported to moderators",
        why: "To keep Q&As safe (Online Safety Act)",
        basis: Basis::LegalObligation,
        kept: "Until you erase your account",
        personal: &["reporter_id", "reason"],
        not_exported: &[],
        not_personal: &[SESSION_ID],
        links: &[
            Link {
                by: Finder::Person("reporter_id"),
                export: true,
                erase: Erase::Delete,
            },
            Link {
                by: Finder::Mentions("reason"),
                export: false,
                erase: Erase::Redact(&["reason"]),
            },
        ],
    },
    PersonalTable {
        table: "qa_politicians",
        what: "Your public name and title as a politician",
        why: "To show who answers in Q&As",
        basis: Basis::LegitimateInterests,
        kept: "While you take part in Q&As, or until you erase your account",
        personal: &["person_id", "public_name", "title"],
        not_exported: &[],
        not_personal: &[],
        links: &[Link {
            by: Finder::Person("person_id"),
            export: true,
            erase: Erase::Delete,
        }],
    },
    PersonalTable {
        table: "qa_staffers",
        what: "Politicians you post answers for",
        why: "To let you answer for them, and say so on each answer",
        basis: Basis::LegitimateInterests,
        kept: "Until staff remove it, or you erase your account",
        personal: &["person_id"],
        not_exported: &[],
        not_personal: &[("politician_id", "the politician's public profile id")],
        links: &[Link {
            by: Finder::Person("person_id"),
            export: true,
            erase: Erase::Delete,
        }],
    },
    PersonalTable {
        table: "qa_moderators",
        what: "Q&A sessions you moderate",
        why: "To let you work the moderation queue",
        basis: Basis::LegitimateInterests,
        kept: "Until you erase your account",
        personal: &["person_id"],
        not_exported: &[],
        not_personal: &[SESSION_ID],
        links: &[Link {
            by: Finder::Person("person_id"),
            export: true,
            erase: Erase::Delete,
        }],
    },
    PersonalTable {
        table: "qa_sessions",
        what: "Q&A sessions you scheduled",
        why: "To run them and keep their record",
        basis: Basis::LegitimateInterests,
        kept:
            "The session stays with its record; your name is taken off it if you erase your account",
        personal: &["created_by"],
        not_exported: &[],
        not_personal: &[
            ("title", "written for the public, not about its author"),
            (
                "description",
                "written for the public, not about its author",
            ),
            ("askers", "who may ask: a setting, not a person"),
            (
                "record_emailed_at",
                "when the record was emailed, to no one in particular",
            ),
        ],
        links: &[Link {
            by: Finder::Person("created_by"),
            export: true,
            erase: Erase::Clear(&["created_by"]),
        }],
    },
];
