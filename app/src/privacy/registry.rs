//! Every domain's personal-data declaration in one list, in the order erasure runs it:
//! rows that point at a person before the person's own row (`people` comes last).

use crate::personal_data::{Basis, Erase, Finder, Link, PersonalTable};

/// Privacy's own table.
const DATA_REQUESTS: &[PersonalTable] = &[PersonalTable {
    table: "data_requests",
    what:
        "Downloads of your data you prepared, and links we emailed to let you download or erase it",
    why: "To give your data only to you",
    basis: Basis::LegalObligation,
    kept: "24 hours, then deleted by the daily retention run",
    personal: &["person_id", "email"],
    not_exported: &["token_hash"],
    not_personal: &[],
    links: &[
        Link {
            by: Finder::Person("person_id"),
            export: true,
            erase: Erase::Delete,
        },
        Link {
            by: Finder::Email {
                column: "email",
                account: Some("person_id"),
            },
            export: true,
            erase: Erase::Delete,
        },
    ],
}];

/// The whole registry.
pub fn registry() -> Vec<&'static PersonalTable> {
    [
        crate::sites::personal_data::TABLES,
        crate::fundraising::personal_data::TABLES,
        crate::qa::personal_data::TABLES,
        crate::phonebank::personal_data::TABLES,
        crate::outreach::personal_data::TABLES,
        crate::events::personal_data::TABLES,
        crate::groups::personal_data::TABLES,
        crate::people::personal_data::TABLES,
        crate::consent::personal_data::TABLES,
        crate::mail::personal_data::TABLES,
        crate::personal_data::access_log::TABLES,
        crate::places::personal_data::TABLES,
        crate::site_settings::TABLES,
        DATA_REQUESTS,
        crate::auth::personal_data::TABLES,
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::registry;
    use std::collections::HashSet;

    #[test]
    fn each_table_is_declared_once_and_people_go_last() {
        let tables = registry();
        let names: HashSet<_> = tables.iter().map(|t| t.table).collect();
        assert_eq!(names.len(), tables.len(), "a table declared twice");
        assert_eq!(tables.last().map(|t| t.table), Some("people"));
    }

    #[test]
    fn exported_columns_are_never_secrets() {
        for table in registry() {
            for hidden in table.not_exported {
                assert!(
                    table.personal.contains(hidden)
                        || hidden.ends_with("_hash")
                        || hidden.ends_with("_token"),
                    "{}.{hidden} is kept back but not declared",
                    table.table
                );
            }
        }
    }
}
