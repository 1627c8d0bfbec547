//! The privacy notice, written from the registry: what is held, why, on what basis, for
//! how long and what erasure does, table by table.

use crate::{
    personal_data::{Erase, PersonalTable},
    privacy::{model::NoticeEntry, registry::registry},
};

/// The notice's entries: every registered table that holds personal data.
pub fn notice() -> Vec<NoticeEntry> {
    registry()
        .into_iter()
        .filter(|t| !t.personal.is_empty())
        .map(entry)
        .collect()
}

fn entry(table: &PersonalTable) -> NoticeEntry {
    let mut erased: Vec<&str> = table
        .links
        .iter()
        .map(|link| match link.erase {
            Erase::Delete => "deleted",
            Erase::Clear(_) => "your details removed from it",
            Erase::Redact(_) => "your name, address and number cut out of it",
            Erase::FormerMember(_) => "kept, shown as by \"a former member\"",
            Erase::ByDomain(how) => how,
        })
        .collect();
    erased.dedup();
    NoticeEntry {
        table: table.table.to_string(),
        what: table.what.to_string(),
        why: table.why.to_string(),
        basis: table.basis.label().to_string(),
        kept: table.kept.to_string(),
        on_erasure: erased.join("; "),
    }
}
