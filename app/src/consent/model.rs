//! Consent view types and the pure rules of scopes.

pub use crate::mail::Channel;
use serde::{Deserialize, Serialize};

/// The party-wide consent scope; a group's is `group:<id>`.
pub const PARTY_SCOPE: &str = "party";

/// The consent scope of a group's messages.
pub fn group_scope(group_id: i32) -> String {
    format!("group:{group_id}")
}

/// The scope a message is sent under: its group's, or the party's for national ones.
pub fn scope_of(group_id: Option<i32>) -> String {
    group_id.map_or_else(|| PARTY_SCOPE.to_string(), group_scope)
}

/// Whether a contact may be sent a message in a group's scope. A choice made for the
/// group decides; without one, the party-wide choice does; with neither, no.
pub fn consent_in_force(group_choice: Option<bool>, party_choice: Option<bool>) -> bool {
    group_choice.or(party_choice).unwrap_or(false)
}

/// Masks an email address for a page anyone holding the link can open.
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".to_string(),
    }
}

/// One consent choice in force, on the communication preferences page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentLine {
    pub scope: String,
    /// "The whole party" or the group's name.
    pub scope_label: String,
    pub channel: Channel,
    pub granted: bool,
    /// "Given Thu 7 Nov, 7pm on an event sign-up".
    pub since: String,
}

/// A person's communication preferences: every consent in force, and the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreferencesView {
    pub email: String,
    pub lines: Vec<ConsentLine>,
    /// The ledger, newest first: "Thu 7 Nov, 7pm · Email · The whole party · agreed".
    pub history: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_choice_overrides_the_party_choice_either_way() {
        assert!(consent_in_force(Some(true), Some(false)));
        assert!(!consent_in_force(Some(false), Some(true)));
        assert!(consent_in_force(None, Some(true)));
        assert!(!consent_in_force(None, None));
    }

    #[test]
    fn masked_emails_keep_the_first_letter_and_domain() {
        assert_eq!(mask_email("sam@example.org"), "s***@example.org");
    }
}
